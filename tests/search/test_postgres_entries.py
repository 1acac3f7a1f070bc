"""The PostgreSQL backend's entries hold exactly the words Whoosh indexes (no database needed)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from localoffer.search.postgres.entries import bits, indexed_phrases, lexemes, phrase_lexeme, quote, tsvector_text
from localoffer.search.text import ANALYZER


def whoosh_terms(text: str) -> list[str]:
    return [token.text for token in ANALYZER(text)]


def test_words_become_the_same_stems_as_in_whoosh():
    text = ("The e.g. U.S. aut* Swimming and_more Speech AND Language x y café ÅÄÖ 日本語 1st 2.5 a.b.c "
            "İstanbul DON'T re-enter")
    assert lexemes(text) == whoosh_terms(text)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Z", "S", "M"]), max_size=80))
def test_any_text_becomes_the_same_stems_as_in_whoosh(text):
    assert lexemes(text) == whoosh_terms(text)


def test_fields_are_kept_apart_so_no_phrase_runs_from_one_into_the_next():
    # name: speech(1) club(2); summary starts at 4, not 3
    assert tsvector_text({"name": "Speech Club", "summary": "language therapy"}) == \
        "'speech':1A 'club':2A 'languag':4B 'therapi':5B"


def test_a_word_in_several_fields_keeps_each_position_and_weight():
    assert tsvector_text({"name": "Music", "summary": "music", "body": "more music"}) == "'music':1A,3B,6C 'more':5C"


def test_quotes_and_backslashes_cannot_break_out_of_a_lexeme():
    assert quote("it's") == "'it''s'"
    assert quote("a\\b") == "'a\\\\b'"


def test_a_countywide_service_has_every_quadrant_bit():
    assert bits(["countywide"], "quadrant") == 0b1111
    assert bits(["mid", "west"], "quadrant") == bits(["west", "mid"], "quadrant") != 0
    assert bits([], "need") == 0


def test_a_phrase_of_the_synonym_list_is_also_kept_as_one_lexeme_at_its_first_word():
    assert tsvector_text({"name": "Holiday Club", "summary": "speech and language help"}) == \
        "'holidai club':1A 'holidai':1A 'club':2A 'speech languag':4B 'speech':4B 'languag':5B 'help':6B"


def test_words_of_a_phrase_in_two_fields_are_no_phrase():
    assert "'holidai club'" not in tsvector_text({"name": "Holiday", "summary": "club"})


def test_only_phrases_of_the_shipped_list_are_searched_as_one_lexeme():
    assert ("holidai", "club") in indexed_phrases()["holidai"]
    assert phrase_lexeme(("holidai", "club")) == "holidai club"
    assert phrase_lexeme(("music", "maker")) is None  # searched as music <-> maker instead
