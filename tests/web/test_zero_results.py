"""When a search finds nothing, the page helps: a spelling correction, how many services each
filter is hiding (with a link that drops it), tips, and who to call."""
from __future__ import annotations

import pytest

from ..factories import make_service
from ..helpers import normalize_spaces, page, result_ids

pytestmark = pytest.mark.search_backends


def _main(response) -> str:
    return normalize_spaces(page(response).select_one("main").text)


def test_each_filter_says_how_many_services_it_hides_with_a_link_that_drops_it(family_client, family):
    response = family_client.get("/services?q=swimming&need=adhd&day=sat")
    soup = page(response)
    assert normalize_spaces(soup.select_one("#results").text) == "0 services"
    options = {normalize_spaces(li.text): li.select_one("a") for li in soup.select(".lo-relaxations li")}
    assert set(options) == {"Remove the ‘Need’ filter – 1 service", "Remove your search words – still no services",
                            "Remove the ‘Day’ filter – still no services"}
    drop_need = options["Remove the ‘Need’ filter – 1 service"]["href"]
    assert "need=" not in drop_need and "q=swimming" in drop_need and "day=sat" in drop_need
    assert result_ids(family_client.get(drop_need)) == [family.swim]
    # Options that would still find nothing are not links.
    assert options["Remove the ‘Day’ filter – still no services"] is None


def test_tips_and_sendiass_contact_are_offered(family_app, family_client, family):
    text = _main(family_client.get("/services?q=xylophone"))
    assert "We could not find any services that match your search." in text
    assert "use fewer words" in text and "check your spelling" in text
    assert f"Call {family_app.config['SENDIASS_PHONE']}" in text
    assert page(family_client.get("/services?q=xylophone")).select_one(f"a[href='{family_app.config['SENDIASS_URL']}']")


def test_a_misspelling_that_finds_nothing_shows_results_for_the_correction(family_client, family):
    response = family_client.get("/services?q=swiming")
    assert "There are no results for ‘swiming’. Showing results for swimming instead." in _main(response)
    assert result_ids(response) == [family.swim]


def test_a_rare_misspelling_offers_did_you_mean_with_a_link_that_keeps_the_filters(client):
    for n in range(5):
        make_service(f"Trampoline club {n}", days=["sat"])
    make_service("Trampolene session", days=["sat"])  # a provider's typo: one service uses it
    response = client.get("/services?q=trampolene&day=sat")
    assert len(result_ids(response)) == 1
    suggestion = page(response).select_one(".lo-suggestion")
    assert normalize_spaces(suggestion.text) == "Did you mean trampoline?"
    assert suggestion.select_one("a")["href"] == "/services?q=trampoline&day=sat"
    assert len(result_ids(client.get(suggestion.select_one("a")["href"]))) == 5
