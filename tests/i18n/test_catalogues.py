"""Polish and Romanian are complete: every message the code marks has a translation that is not
fuzzy, keeps the same placeholders, fills every plural form the language needs, and compiles.

These fail until the translators' catalogues are merged; with them, a string added without a
translation fails here, before a family meets English on a Polish page."""
from __future__ import annotations

import re
from io import BytesIO

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .catalogue import TRANSLATIONS, extracted

LANGUAGES = ("pl", "ro")
PLACEHOLDER = re.compile(r"%(?:\([\w]+\))?[-#0 +]?\d*(?:\.\d+)?[diouxXeEfFgGcrs%]|\{\w*\}")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _catalogue(language: str):
    path = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        pytest.fail(f"There is no {language} catalogue at {path.relative_to(TRANSLATIONS.parents[1])}")
    with open(path, "rb") as po:
        return read_po(po, locale=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_a_checked_translation(language):
    catalogue = _catalogue(language)
    assert catalogue.num_plurals == Catalog(locale=language).num_plurals, "the Plural-Forms header is wrong"
    problems = []
    for message in extracted():
        if not message.id:
            continue
        found = catalogue.get(message.id, context=message.context)
        key = message.id if isinstance(message.id, str) else message.id[0]
        if found is None or not found.string or (isinstance(found.string, tuple) and not all(found.string)):
            problems.append(f"missing: {key!r}")
            continue
        if found.fuzzy:
            problems.append(f"fuzzy: {key!r}")
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        if isinstance(message.id, tuple) and len(strings) != catalogue.num_plurals:
            problems.append(f"{len(strings)} plural forms, {catalogue.num_plurals} needed: {key!r}")
        wanted = set().union(*(_placeholders(i) for i in ids))
        for string in strings:
            if set(_placeholders(string)) != wanted:
                problems.append(f"placeholders differ: {key!r} -> {string!r}")
    assert problems == [], f"{len(problems)} problems in {language}:\n" + "\n".join(problems[:50])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_compiles(language):
    catalogue = _catalogue(language)
    assert not catalogue.fuzzy, "the catalogue header is marked fuzzy, so pybabel compile skips it"
    errors = [(message.id, [str(e) for e in errs]) for message, errs in catalogue.check()]
    assert errors == []
    write_mo(BytesIO(), catalogue)
