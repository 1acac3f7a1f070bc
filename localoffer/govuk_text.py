"""The GOV.UK components' own words, in the visitor's language.

GOV.UK Frontend's macros and JavaScript fall back to English for the words they add themselves:
the hidden "Error:" before an error message, the character count's messages, the password
reveal button, "Previous" and "Next" page links. Every form widget (localoffer/widgets.py) and
every template that calls one of these macros takes the wording from here, so it is translated
in one place. Plural messages are given for each plural category of the language (Polish has
four), because the components' JavaScript picks one with the browser's Intl.PluralRules."""
from __future__ import annotations

from functools import lru_cache

from babel import Locale
from flask_babel import get_locale, gettext as _, ngettext


@lru_cache(maxsize=32)
def _category_samples(locale: str) -> dict[str, int]:
    """One number for each CLDR plural category of the language: {'one': 1, 'few': 2, ...}."""
    samples: dict[str, int] = {}
    plural = Locale.parse(locale).plural_form
    for n in range(0, 200):
        samples.setdefault(plural(n), n)
    samples.setdefault("other", 100)  # Polish keeps "other" for fractions: a count never needs it
    return samples


def plural_text(singular: str, plural: str) -> dict[str, str]:
    """{category: text} for a GOV.UK JavaScript plural message with a `%{count}` placeholder
    (written `%%{count}` in the msgid, which gettext's formatting turns into `%{count}`)."""
    return {category: ngettext(singular, plural, n)
            for category, n in _category_samples(str(get_locale() or "en")).items()}


def error_prefix() -> str:
    """Read out by screen readers before every error message."""
    return _("Error")


def character_count() -> dict:
    return {
        "charactersUnderLimitText": plural_text("You have %%{count} character remaining",
                                                "You have %%{count} characters remaining"),
        "charactersAtLimitText": _("You have 0 characters remaining"),
        "charactersOverLimitText": plural_text("You have %%{count} character too many",
                                               "You have %%{count} characters too many"),
        # gettext formats only when given variables: `% {}` turns the msgid's %% into %.
        "textareaDescriptionText": _("You can enter up to %%{count} characters") % {},
    }


def password_input() -> dict:
    return {
        "showPasswordText": _("Show"),
        "hidePasswordText": _("Hide"),
        "showPasswordAriaLabelText": _("Show password"),
        "hidePasswordAriaLabelText": _("Hide password"),
        "passwordShownAnnouncementText": _("Your password is visible"),
        "passwordHiddenAnnouncementText": _("Your password is hidden"),
    }


def date_input_labels() -> tuple[str, str, str]:
    return _("Day"), _("Month"), _("Year")
