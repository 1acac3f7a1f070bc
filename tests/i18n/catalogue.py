"""Translation catalogues at test time: extract every marked string exactly as `make messages`
does (same babel.cfg, same keywords read from the Makefile), build a pseudo-locale catalogue
from it and compile it, and find text on a rendered page that did not come through Babel."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "localoffer" / "translations"
OPEN, CLOSE = "⟦", "⟧"
# A language nobody will translate the site into, so its catalogue never meets a real one.
PSEUDO_LOCALE = "eo"


def _keywords() -> dict:
    """The `-k` keywords of the Makefile's `messages` target, on top of Babel's defaults."""
    makefile = (ROOT / "Makefile").read_text()
    target = makefile.split("\nmessages:", 1)[1].split("\n\n", 1)[0]
    keywords = dict(DEFAULT_KEYWORDS)
    keywords.update(parse_keywords(re.findall(r"-k (\S+)", target)))
    return keywords


@lru_cache(maxsize=1)
def extracted() -> Catalog:
    """The message template, as `make messages` would write it to messages.pot."""
    with open(ROOT / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg, str(ROOT / "babel.cfg"))
    catalog = Catalog(project="Essex Local Offer")
    for filename, lineno, message, comments, context in extract_from_dir(
            ROOT, method_map, options_map, keywords=_keywords()):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _wrap(text: str) -> str:
    # Emails and plain-text strings may end in newlines: keep them outside the markers so the
    # layout of a message is unchanged.
    stripped = text.rstrip("\n")
    return f"{OPEN}{stripped}{CLOSE}{text[len(stripped):]}"


def write_pseudo_catalogue(folder: Path, locale: str = PSEUDO_LOCALE) -> Path:
    """Every extracted message 'translated' as itself between ⟦ and ⟧ (placeholders and HTML
    kept), written as .po and compiled .mo under `folder/<locale>/LC_MESSAGES/`."""
    pseudo = Catalog(locale=locale, project="Essex Local Offer pseudo-locale")
    for message in extracted():
        if not message.id:
            continue
        if isinstance(message.id, (list, tuple)):
            forms = tuple(_wrap(message.id[min(i, 1)]) for i in range(pseudo.num_plurals))
            pseudo.add(message.id, forms, flags=message.flags, context=message.context)
        else:
            pseudo.add(message.id, _wrap(message.id), flags=message.flags, context=message.context)
    target = folder / locale / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    with open(target / "messages.po", "wb") as po:
        write_po(po, pseudo)
    with open(target / "messages.mo", "wb") as mo:
        write_mo(mo, pseudo)
    return folder
