"""Redaction removes and marks; it never rewords."""
from __future__ import annotations

import pytest

from localoffer.data.wall_moderation import (
    RedactionError,
    parse_redactions,
    quotes_post,
    redact,
    working_days_between,
)


def test_only_the_listed_spans_change():
    text = "Ask Sam at Hilltop School, or call 07700 900123."
    result = redact(text, [("Sam", "name"), ("Hilltop School", "school"), ("07700 900123", "contact")])
    assert result == "Ask [name] at [school], or call [contact details]."


def test_every_occurrence_is_removed_and_overlaps_become_one_marker():
    assert redact("Jo and Jo", [("Jo", "name")]) == "[name] and [name]"
    assert redact("Hilltop School Road", [("Hilltop School", "school"), ("School Road", "place")]) == "[school]"


def test_a_phrase_must_appear_word_for_word():
    with pytest.raises(RedactionError) as error:
        redact("The bus is late", [("the bus", "removed")])
    assert error.value.phrase == "the bus"
    with pytest.raises(RedactionError):
        redact("The bus is late", [("", "removed")])


def test_lines_can_carry_their_own_marker():
    assert parse_redactions("Oakwood Primary [school]\n\n  Sam \n[name]", "removed") == [
        ("Oakwood Primary", "school"), ("Sam", "removed"), ("[name]", "removed")]


def test_a_note_copying_five_words_of_the_post_is_caught():
    text = "The waiting list for speech therapy is too long"
    assert quotes_post("they say the waiting list for speech therapy", text)
    assert not quotes_post("About waiting lists", text)


def test_working_days_skip_weekends():
    from datetime import date

    friday = date(2026, 3, 6)
    assert working_days_between(friday, date(2026, 3, 9)) == 1  # Monday
    assert working_days_between(friday, date(2026, 3, 20)) == 10
    assert working_days_between(friday, friday) == 0
