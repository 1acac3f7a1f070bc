"""Interface language: `?lang=` switches it and the choice is remembered for the visit."""
from __future__ import annotations

import unicodedata

from flask import Flask, current_app, has_request_context, request, session, url_for
from pathlib import Path

from flask_babel import get_locale, gettext
from markupsafe import Markup

LANGUAGE_NAMES = {"en": "English", "pl": "Polski", "ro": "Română"}


def N_(text: str) -> str:
    """Marks interface text that our code stores in the database (the survey's questions and
    answers) so `make messages` extracts it; `stored_text` shows it in the reader's language."""
    return text


def stored_text(text: str | None) -> str:
    """Interface text written by our code and kept in the database, in the reader's language
    when the catalogue has it, otherwise as stored (staff may have changed it)."""
    return gettext(text) if text else (text or "")


_PLURAL_EXAMPLES: dict[str, dict[str, int]] = {}


def _plural_examples(locale) -> dict[str, int]:
    """A number for each plural category of the language (worked out once per language)."""
    key = str(locale)
    if key not in _PLURAL_EXAMPLES:
        examples: dict[str, int] = {}
        for n in range(200):  # every category has an example below 200 in every language we have
            examples.setdefault(locale.plural_form(n), n)
        _PLURAL_EXAMPLES[key] = examples
    return _PLURAL_EXAMPLES[key]


def plural_patterns(message_for) -> dict[str, str]:
    """For a script that counts (`Intl.PluralRules` in the browser): the message for each plural
    category of the reader's language, with "{n}" where the number goes. `message_for(n)` gives
    the message for the number n, through ngettext so the catalogue chooses the form."""
    locale = get_locale()
    examples = _plural_examples(locale) if locale else {"one": 1, "other": 2}
    return {category: message_for(n) for category, n in examples.items()}


def current_language() -> str:
    """The visitor's interface language code ("en", "pl"...)."""
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"]).split("_")[0]


# Each language's alphabet, for sorting words as its readers expect: Python compares code points,
# which puts "Ł" after "Z" and "Ș" after "V". Letters not listed sort just after their base letter.
_ALPHABETS = {
    "pl": "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż",
    "ro": "aăâbcdefghiîjklmnopqrsștțuvwxyz",
}
_CEDILLAS = str.maketrans("şţ", "șț")  # the old Romanian letters, still typed: same as comma-below


def _without_accents(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def alphabetical_key(text: str, language: str | None = None) -> tuple[tuple[int, int], ...]:
    """A sort key putting words in the alphabetical order of the language (the reader's by
    default); spaces and punctuation come before any letter."""
    alphabet = _ALPHABETS.get(language or current_language(), "abcdefghijklmnopqrstuvwxyz")
    rank = {letter: i for i, letter in enumerate(alphabet)}

    def letter_key(ch: str) -> tuple[int, int]:
        if ch in rank:
            return (rank[ch] + 1, 0)
        base = _without_accents(ch)
        if base in rank:
            return (rank[base] + 1, ord(ch))
        return (0, 0) if not ch.isalnum() else (len(alphabet) + 1, ord(ch))

    return tuple(letter_key(ch) for ch in text.casefold().translate(_CEDILLAS))


def content_lang() -> Markup:
    """` lang="en"` for listing text written in English, on a page in another language (WCAG
    3.1.2: screen readers then read it with English pronunciation); nothing on English pages."""
    return Markup(' lang="en"') if current_language() != "en" else Markup("")


def select_locale() -> str:
    supported = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI commands and tests building data: the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    asked = request.args.get("lang", "")
    if asked in supported:
        session["lang"] = asked
        return asked
    remembered = session.get("lang")
    if remembered in supported:
        return remembered
    return request.accept_languages.best_match(supported) or current_app.config["BABEL_DEFAULT_LOCALE"]


def url_with_lang(code: str) -> str:
    """The current page, with its query, in another language."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    if request.endpoint and request.endpoint != "static":
        return url_for(request.endpoint, **(request.view_args or {}), **args)
    return url_for("pages.start", lang=code)


def _languages_with_catalogues(app: Flask) -> tuple[str, ...]:
    """English plus every language that has a translation catalogue: we never label a page
    `lang="pl"` while showing English text."""
    folder = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
    found = [c for c in app.config["LANGUAGES"] if c != "en" and (folder / c / "LC_MESSAGES" / "messages.po").exists()]
    return ("en", *found)


def init_app(app: Flask) -> None:
    app.config["LANGUAGES"] = _languages_with_catalogues(app)
    app.jinja_env.globals["url_with_lang"] = url_with_lang
    app.add_template_filter(stored_text)
    app.jinja_env.globals["content_lang"] = content_lang

    @app.context_processor
    def inject_language():
        names = {c: LANGUAGE_NAMES.get(c, c) for c in app.config["LANGUAGES"]}
        return {"current_lang": current_language(), "language_names": names if len(names) > 1 else {}}
