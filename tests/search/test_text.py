"""What families type: stemming, the SEND synonym list, spelling, ranking, and hostile text."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localoffer.search import search_services
from localoffer.search.query import SearchQuery
from tests.factories import make_service

from .conftest import found, search

pytestmark = pytest.mark.search_backends


@pytest.fixture(scope="module")
def library(module_app):
    return SimpleNamespace(
        autism=make_service("Autism Family Hub", description="Groups for autistic children and their families."),
        salt=make_service("Little Voices", description="Speech and language therapy for children with speech delay."),
        breaks=make_service("Weekend Stays", description="Overnight short breaks so parents can rest."),
        hearing=make_service("Sound Start", description="Help for children with hearing loss, and sign language."),
        adhd=make_service("Focus Families", description="A parent group for families of children with ADHD."),
        dyslexia=make_service("Reading Together", description="Tutoring for children with dyslexia."),
        swimming=make_service("Splash Club", description="Swimming sessions in a warm pool."),
        music=make_service("Music Makers", description="Drums and singing."),
        harmony=make_service("Harmony Club", description="Music, music and more music, every week. Music!"),
        exact=make_service("Autism Support", description="Drop-in advice."),
        near_exact=make_service("Autism Support Network Essex",
                                description="Autism support, autism support and more autism support."),
        inactive=make_service("Old Inactive Scheme", description="status inactive id hidden", status="inactive"),
        draft=make_service("Draft Autism Group", description="autism", published=False),
    )


def ids_of(*services) -> set[str]:
    return {str(s.id) for s in services}


def test_words_match_other_forms_of_the_same_word(library):
    assert str(library.swimming.id) in found("swim")
    assert str(library.swimming.id) in found("swims")
    assert str(library.autism.id) in found("families group")


def test_every_word_must_match(library):
    assert found("music drums") == ids_of(library.music)
    assert found("music tutoring") == set()


@pytest.mark.parametrize("typed, service", [
    ("asd", "autism"),
    ("ASD", "autism"),
    ("salt", "salt"),
    ("speech therapy", "salt"),
    ("respite", "breaks"),
    ("deaf", "hearing"),
    ("add", "adhd"),
    ("attention deficit", "adhd"),
    ("spld", "dyslexia"),
])
def test_the_send_synonym_list_widens_a_search(library, typed, service):
    assert str(getattr(library, service).id) in found(typed)


def test_synonyms_respect_phrases(library):
    # "speech and language" is a phrase in the list: "language" alone is not speech therapy
    assert str(library.salt.id) not in found("respite")
    assert str(library.hearing.id) in found("deaf")
    assert str(library.salt.id) not in found("deaf")


def test_a_synonym_and_another_word_must_both_match(library):
    assert found("asd families") == ids_of(library.autism)
    assert found("salt delay") == ids_of(library.salt)
    assert found("salt swimming") == set()


def test_editing_the_synonym_list_needs_no_reindex(library, monkeypatch):
    assert found("pebble") == set()
    monkeypatch.setattr("localoffer.reference.synonyms.synonym_groups", lambda: [("pebble", "drums")])
    assert found("pebble") == ids_of(library.music)


def test_a_phrase_added_to_the_synonym_list_is_found_with_no_reindex(library, monkeypatch):
    monkeypatch.setattr("localoffer.reference.synonyms.synonym_groups", lambda: [("pebble", "warm pool")])
    assert found("pebble") == ids_of(library.swimming)
    monkeypatch.setattr("localoffer.reference.synonyms.synonym_groups", lambda: [("pebble", "pool warm")])
    assert found("pebble") == set()  # the words, but not in that order


def test_a_phrase_of_the_list_matches_only_its_words_in_order(library):
    assert str(library.salt.id) in found("speech and language")
    assert found("language speech") == ids_of(library.salt)  # both words, any order: still found
    assert found("short breaks") == ids_of(library.breaks)


@pytest.mark.parametrize("typed, corrected, service", [
    ("autsim", "autism", "autism"),
    ("speach therapy", "speech therapy", "salt"),
    ("dyslexa", "dyslexia", "dyslexia"),
    ("swiming", "swimming", "swimming"),
])
def test_a_misspelling_that_finds_nothing_shows_results_for_the_correction(library, typed, corrected, service):
    results = search(typed)
    assert results.suggestion == corrected
    assert results.showing_corrected is True
    assert str(getattr(library, service).id) in results.ids
    assert results.query.text == typed  # the page still shows what they typed


def test_words_that_find_services_are_not_corrected(library):
    results = search("autism")
    assert results.suggestion is None and results.showing_corrected is False


def test_a_word_nobody_uses_and_nothing_close_gets_no_suggestion(library):
    results = search("xylophonist")
    assert (results.total, results.suggestion, results.showing_corrected) == (0, None, False)


def test_exact_name_comes_first_ahead_of_services_that_mention_it_more(library):
    results = search("autism support")
    assert results.ids[0] == str(library.exact.id)
    assert str(library.near_exact.id) in results.ids
    # case and punctuation do not matter
    assert search("AUTISM-SUPPORT!").ids[0] == str(library.exact.id)


def test_name_matches_outrank_description_matches(library):
    results = search("music")
    assert results.ids[:2] == [str(library.music.id), str(library.harmony.id)]


@pytest.mark.parametrize("typed", ["music", "autistic", "families", "support"])
@pytest.mark.parametrize("per_page", [1, 2, 3])
def test_pages_of_a_ranked_search_join_up_where_name_matches_give_way_to_the_rest(library, typed, per_page):
    everyone = search(typed).ids
    pages = []
    for page in range(1, len(everyone) // per_page + 2):
        pages += search(typed, page=page, per_page=per_page).ids
    assert pages == everyone


def test_a_page_can_hold_both_services_named_and_services_that_only_mention_the_words(library):
    assert search("music", per_page=1).ids == [str(library.music.id)]
    assert search("music", page=2, per_page=1).ids == [str(library.harmony.id)]


def test_relevance_puts_name_matches_before_text_matches_for_a_synonym(library):
    results = search("autistic")
    assert str(library.autism.id) in results.ids
    # names with the word (or a synonym of it) first
    names_first = results.ids[:3]
    assert str(library.exact.id) in names_first and str(library.near_exact.id) in names_first


@pytest.mark.parametrize("typed", [
    "status:inactive", "inactive", "id:*", "hidden", "name:Old*", "status:*", "Old Inactive Scheme",
])
def test_hidden_services_cannot_be_found_whatever_is_typed(library, typed):
    results = search(typed)
    assert str(library.inactive.id) not in results.ids
    assert str(library.draft.id) not in results.ids


@pytest.mark.parametrize("typed", ["id:*", "aut*", "mus?c", "name:[a TO z]", "name:*", "status:active"])
def test_query_syntax_is_never_interpreted(library, typed):
    # no wildcard, range or field query runs: the words alone find nothing here
    assert search(typed).total == 0


@pytest.mark.parametrize("typed", ["*", "?", "[a TO z]", "{* TO *}", "~", "**:*"])
def test_text_with_no_words_is_ignored_not_expanded(library, typed):
    assert search(typed).ids == search("").ids


@pytest.mark.parametrize("typed", [
    "music AND drums", "music OR drums", "NOT music", "music^", "^music", "music~2", '"music', "(music", "music)",
    "+music -drums", "music:", ":music", "\\music", "music/drums", "music && drums",
])
def test_operators_and_punctuation_are_plain_text(library, typed):
    results = search(typed)
    assert str(library.music.id) in results.ids  # the word still counts; the syntax is ignored


@pytest.mark.parametrize("typed", [
    "\x00", "music\x00drums", "🙂", "🙂 music", "\ud800", "a" * 10_000, "word " * 3000, "\u200b\u200e",
    "AND OR NOT", "*", "?", "~", "^", ":", "()", "[]", "{}", '"', "'", "%", "<script>alert(1)</script>",
    "ÅÄÖ çà", "日本語", "a" * 31 + " music",
])
def test_hostile_or_odd_text_never_raises(library, typed):
    results = search(typed)
    assert results.total >= 0
    assert len(results.ids) <= 50


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_at_all_gives_an_answer(library, text):
    results = search_services(SearchQuery(text=text, per_page=5))
    assert results.total >= len(results.ids)
    assert all(isinstance(i, str) for i in results.ids)
