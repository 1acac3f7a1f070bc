"""Interface text outside page bodies: GOV.UK component words, JSON messages for people,
dates, and the rule that forms take their widgets from localoffer.widgets."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from flask_babel import force_locale

from localoffer import govuk_text
from localoffer.filters import long_date

from .catalogue import OPEN, PSEUDO_LOCALE, ROOT


def test_forms_take_their_widgets_from_localoffer_widgets():
    """govuk-frontend-wtf's own widgets leave "Error:" and the character count in English."""
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "localoffer").rglob("*.py")
                 if path.name != "widgets.py" and "govuk_frontend_wtf" in path.read_text()
                 and path.name != "__init__.py"]
    assert offenders == []


def test_character_count_messages_cover_every_plural_category_of_the_language(app):
    with app.test_request_context("/"):
        with force_locale("pl"):  # one, few, many, other: the browser's Intl.PluralRules picks
            under = govuk_text.character_count()["charactersUnderLimitText"]
        assert set(under) == {"one", "few", "many", "other"}
        with force_locale("en"):
            texts = govuk_text.character_count()
    assert texts["charactersUnderLimitText"] == {"one": "You have %{count} character remaining",
                                                 "other": "You have %{count} characters remaining"}
    assert texts["textareaDescriptionText"] == "You can enter up to %{count} characters"


def test_json_errors_for_people_are_in_their_language(pseudo_app):
    client = pseudo_app.test_client()
    body = client.get(f"/services.json?age=ten&lang={PSEUDO_LOCALE}").get_json()
    assert body["errors"] and all(message.startswith(OPEN) for message in body["errors"].values())
    missing = client.get(f"/nothing-here.json?lang={PSEUDO_LOCALE}")
    assert missing.status_code == 404 and missing.get_json()["message"].startswith(OPEN)
    assert missing.get_json()["error"] == "Not Found"  # the machine-readable name stays put


def test_dates_are_written_the_way_each_language_writes_them(app):
    day = date(2026, 12, 1)
    with app.test_request_context("/"):
        for locale, expected in (("en", "1 December 2026"), ("pl", "1 grudnia 2026"), ("ro", "1 decembrie 2026")):
            with force_locale(locale):
                assert long_date(day) == expected


def test_no_template_formats_dates_or_numbers_with_strftime():
    templates = (ROOT / "localoffer" / "templates").rglob("*.html")
    assert [str(t.relative_to(ROOT)) for t in templates if re.search(r"strftime|\|\s*format\(", t.read_text())] == []
