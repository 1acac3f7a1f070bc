"""The automatic checks suggest what a moderator should look at; each kind finds what it should
and stays quiet on ordinary comments."""
from __future__ import annotations

import pytest

from localoffer.wall.checks import run_checks


def _matches(text: str, kind: str, others=()) -> list[str]:
    return [hint["match"] for hint in run_checks(text, others) if hint["kind"] == kind]


ORDINARY = "It took nine months to get an assessment and nobody told us what was happening."


def test_an_ordinary_comment_raises_no_hints():
    assert run_checks(ORDINARY, [(1, "Transport to college is always late.")]) == []


@pytest.mark.parametrize("number", ["07700 900123", "07700900123", "+44 7700 900123", "+44 (0)1245 123456",
                                    "01245 123 456", "(01245) 123456", "020 7946 0000", "0800-123-4567"])
def test_uk_phone_numbers_are_spotted(number):
    assert _matches(f"Ring me on {number} please", "phone") == [number]


@pytest.mark.parametrize("text", ["We waited 18 weeks in 2024.", "Help for ages 0-25 is patchy.",
                                  "Reference 12345 was lost.", "Only 3 of 10 services answered."])
def test_years_ages_and_small_numbers_are_not_phone_numbers(text):
    assert _matches(text, "phone") == []


def test_email_addresses_are_spotted_and_at_signs_alone_are_not():
    assert _matches("Email jo.bloggs+send@example.co.uk for more", "email") == ["jo.bloggs+send@example.co.uk"]
    assert _matches("We met @ the library", "email") == []


@pytest.mark.parametrize("text, name", [
    ("My son Alfie waited two years.", "Alfie"),
    ("our daughter, Zainab, has no place", "Zainab"),
    ("She is called Petunia and loves swimming", "Petunia"),
    ("he's named Kofi", "Kofi"),
    ("Mrs Hargreaves the SENCo was brilliant", "Mrs Hargreaves"),
    ("Dr. Okafor listened", "Dr. Okafor"),
    ("Nobody listened to Ruby at all", "Ruby"),
])
def test_likely_names_are_spotted(text, name):
    assert name in _matches(text, "name")


@pytest.mark.parametrize("text", [
    ORDINARY,
    "My son waited two years.",            # no name after the relation
    "I will hope for better next year.",   # ordinary words that are also names are not on the list
    "ruby and oliver were mentioned in lower case",  # names are only matched capitalised
])
def test_no_name_is_suggested_where_there_is_none(text):
    assert _matches(text, "name") == []


@pytest.mark.parametrize("text, setting", [
    ("The staff at Oakwood Primary were kind", "Oakwood Primary"),
    ("Chelmsford County High School refused", "Chelmsford County High School"),
    ("St Mary's Nursery had no place", "St Mary's Nursery"),
    ("We moved to Colne Valley Academy", "Colne Valley Academy"),
    ("Writtle College was great", "Writtle College"),
])
def test_school_and_setting_names_are_spotted(text, setting):
    assert _matches(text, "school") == [setting]


@pytest.mark.parametrize("text", ["The school said no.", "The Primary School said no.",
                                  "Finding a college place is hard.", "Our Academy trust was helpful"])
def test_generic_mentions_of_school_are_not_setting_names(text):
    assert _matches(text, "school") == []


@pytest.mark.parametrize("text", [
    "He talks about suicide every night", "she has started to self-harm", "He is scared to go home",
    "a teacher hit him", "my child feels unsafe at the club", "I think it is abuse",
    "they restrained him in a room",
])
def test_safeguarding_words_are_spotted(text):
    assert _matches(text, "safeguarding")


@pytest.mark.parametrize("text", [ORDINARY, "The hit and miss service is frustrating",
                                  "We are safe and happy with the short breaks"])
def test_everyday_words_are_not_safeguarding_hints(text):
    assert _matches(text, "safeguarding") == []


def test_profanity_is_spotted_but_innocent_words_containing_it_are_not():
    assert _matches("This is a shit service and a bloody disgrace", "profanity") == ["shit", "bloody"]
    assert _matches("Scunthorpe and Shitterton are places; a cockpit is not rude", "profanity") == []


def test_a_near_duplicate_of_another_post_is_suggested_with_its_id():
    others = [(7, "Transport to college is always late."),
              (9, "It took nine months to get an assessment, and nobody told us what was happening!")]
    hints = [h for h in run_checks(ORDINARY, others) if h["kind"] == "duplicate"]
    assert [h["post_id"] for h in hints] == [9]
    assert hints[0]["match"].endswith("%")


def test_a_post_on_the_same_topic_in_different_words_is_not_a_duplicate():
    others = [(3, "Getting an EHC assessment was slow but the caseworker kept in touch.")]
    assert _matches(ORDINARY, "duplicate", others) == []


def test_each_match_is_suggested_once():
    assert _matches("Call 07700 900123. Again: 07700 900123", "phone") == ["07700 900123"]
