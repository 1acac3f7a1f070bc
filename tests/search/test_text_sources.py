"""Search reads every part of a listing a family might search for, and spelling suggestions
that only suggest (each test builds its own small directory)."""
from __future__ import annotations

import pytest

from localoffer.extensions import db
from localoffer.models import LocalOfferAnswer
from tests.factories import make_organisation, make_service

from .conftest import found, search

pytestmark = pytest.mark.search_backends


def test_organisation_names_local_offer_answers_and_labels_are_searched(app):
    org = make_organisation("Riverside Trust")
    tagged = make_service("Plain Name", needs=["vi"], organisation=org)
    answered = make_service("Another Plain Name")
    answered.local_offer_answers.append(LocalOfferAnswer(question="staff", answer="Makaton trained staff"))
    db.session.commit()
    assert found("riverside") == {str(tagged.id)}
    assert found("makaton") == {str(answered.id)}
    assert found("vision impairment") == {str(tagged.id)}  # the need's label


def test_a_rare_word_gets_a_suggestion_when_the_correction_finds_far_more(app):
    typo = make_service("Typo Club", description="Speach sessions.")
    for n in range(5):
        make_service(f"Talk {n}", description="Speech sessions.")
    results = search("speach")
    assert results.ids == [str(typo.id)]  # still the services they asked for
    assert results.suggestion == "speech"
    assert results.showing_corrected is False
