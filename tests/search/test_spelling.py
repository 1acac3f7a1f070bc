"""'Did you mean': correct words are left alone, SEND terms are the likeliest corrections,
and results are only swapped in without asking for a close correction."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.factories import make_service

from .conftest import search

pytestmark = pytest.mark.search_backends


@pytest.fixture(scope="module")
def directory(module_app):
    return SimpleNamespace(
        glasses=make_service("Eye Care Clinic", description="Eye tests and free glasses."),
        classes=[make_service(f"Art Club {n}", description="Weekly classes for deaf children.", needs=["hi"])
                 for n in range(5)],
        music=[make_service(f"Music Makers {n}", description="Drums and singing.") for n in range(3)],
        autistic=make_service("Autism Family Hub", description="Groups for autistic children."),
        night=[make_service(f"Night Owls {n}", description="A night out for teenagers.") for n in range(5)],
        stars=[make_service(f"Rising Stars {n}", description="Active play for everyone.") for n in range(5)],
    )


def test_a_word_services_use_is_never_swapped_for_another(directory):
    # "glasses" finds nothing for deaf children, but it is a real word in the directory:
    # the page must not quietly show "classes" instead
    results = search("glasses", needs=("hi",))
    assert results.showing_corrected is False
    assert results.total == 0
    assert search("glasses").ids == [str(directory.glasses.id)]


def test_a_send_term_is_never_corrected(directory):
    # "sight" is in the synonym list ("sight loss"): never "night"
    results = search("sight")
    assert (results.suggestion, results.showing_corrected) == (None, False)
    assert results.total == 0


def test_a_misspelling_prefers_a_send_term_to_a_more_common_word(directory):
    results = search("austic")  # two slips from "autistic" and from "music"
    assert results.suggestion == "autistic"
    # two slips in a short word is a guess: offered, not assumed
    assert results.showing_corrected is False
    assert results.total == 0


def test_a_close_misspelling_of_a_send_term_shows_its_results(directory):
    results = search("asburgers")
    assert (results.suggestion, results.showing_corrected) == ("aspergers", True)
    assert results.ids == [str(directory.autistic.id)]  # "aspergers" is a synonym of autism


def test_a_one_letter_slip_still_shows_the_corrected_results(directory):
    results = search("clases")
    assert (results.suggestion, results.showing_corrected) == ("classes", True)
    assert set(results.ids) == {str(s.id) for s in directory.classes}


@pytest.mark.parametrize("typed", ["status:inactive", "status inactive", "inactive"])
def test_real_words_are_not_bent_into_other_words(directory, typed):
    # not "stars active": "inactive" is not a typo for its opposite, and two slips in a
    # short everyday word ("status", "stars") are not a correction
    results = search(typed)
    assert (results.total, results.suggestion, results.showing_corrected) == (0, None, False)
