"""/services: the GOV.UK search results layout. Filters go through the URL (so the page works
without JavaScript and can be shared), show counts, and can be removed one at a time."""
from __future__ import annotations

import re

import pytest
from werkzeug.datastructures import MultiDict

from localoffer import search
from localoffer.search.query import SearchQuery

from ..factories import make_service
from ..helpers import normalize_spaces, page, result_ids

pytestmark = pytest.mark.search_backends


def _names(response) -> list[str]:
    return [normalize_spaces(el.select_one("a").text) for el in page(response).select("[data-service-id]")]


def _count(response) -> str:
    return normalize_spaces(page(response).select_one("#results").text)


def _checkbox_labels(soup, facet: str) -> dict[str, str]:
    return {box["value"]: normalize_spaces(soup.select_one(f"label[for='{box['id']}']").text)
            for box in soup.select(f".lo-filter-panel input[name={facet}]")}


def test_the_page_lists_every_findable_service_with_a_count(family_client, family):
    response = family_client.get("/services")
    soup = page(response)
    assert soup.title.text.startswith("Find services – ")
    assert normalize_spaces(soup.h1.text) == "Find services"
    assert _count(response) == "4 services"
    assert "Unpublished autism club" not in _names(response)


def test_every_filter_group_is_shown_with_counts_and_zeros(family_client, family):
    soup = page(family_client.get("/services"))
    legends = [normalize_spaces(l.text) for l in soup.select(".lo-filter-panel legend")]
    assert legends == ["Need", "Area of Essex", "Cost", "How it is provided", "Day"]
    needs = _checkbox_labels(soup, "need")
    assert needs["autism"] == "Autism (2)" and needs["adhd"] == "ADHD (1)" and needs["vi"] == "Vision impairment (0)"
    assert len(needs) == 13
    # A countywide service counts in every area.
    assert _checkbox_labels(soup, "quadrant") == {
        "north-east": "North East Essex (2)", "mid": "Mid Essex (1)", "south": "South Essex (2)", "west": "West Essex (2)"}
    assert _checkbox_labels(soup, "cost") == {"free": "Free only (2)"}
    assert _checkbox_labels(soup, "delivery")["online"] == "Online (1)"
    assert _checkbox_labels(soup, "day")["sat"] == "Saturday (2)"
    assert soup.select_one(".lo-filter-panel input#age") and soup.select_one(".lo-filter-panel input#near")
    form = soup.select_one(".lo-filter-panel form")
    assert form["method"] == "get" and form["action"] == "/services"
    assert normalize_spaces(form.select("button")[0].text) == "Apply filters"


@pytest.mark.parametrize("query, expected", [
    ("need=autism", {"Sensory swimming sessions", "Teen wellbeing hub"}),
    ("need=autism&need=adhd", {"Sensory swimming sessions", "Teen wellbeing hub", "ADHD parent support group"}),
    ("quadrant=west", {"ADHD parent support group", "Speech and language drop-in"}),
    ("cost=free", {"Sensory swimming sessions", "Speech and language drop-in"}),
    ("delivery=telephone", {"Speech and language drop-in"}),
    ("day=sat", {"Sensory swimming sessions", "Teen wellbeing hub"}),
    ("age=17", {"ADHD parent support group", "Teen wellbeing hub"}),
    ("need=autism&day=fri", {"Teen wellbeing hub"}),
    ("q=parents", {"ADHD parent support group"}),
])
def test_each_filter_applies_through_the_url(family_client, family, query, expected):
    assert set(_names(family_client.get(f"/services?{query}"))) == expected


def test_chosen_filters_are_ticked_and_the_age_and_near_boxes_keep_their_values(family_client, family):
    soup = page(family_client.get("/services?need=autism&quadrant=south&age=14&near=Basildon&day=fri&cost=free"))
    ticked = {(box["name"], box["value"]) for box in soup.select(".lo-filter-panel input[checked]")}
    assert ticked == {("need", "autism"), ("quadrant", "south"), ("day", "fri"), ("cost", "free")}
    assert soup.select_one("#age")["value"] == "14" and soup.select_one("#near")["value"] == "Basildon"


def test_each_chosen_filter_has_a_tag_that_removes_only_itself(family_client, family):
    soup = page(family_client.get("/services?need=autism&need=pd&day=sat&age=10"))
    tags = {normalize_spaces(a.text): a["href"] for a in soup.select(".lo-filter-tags a")}
    assert set(tags) == {"Remove filter Need: Autism ✕", "Remove filter Need: Physical disability ✕",
                         "Remove filter Day: Saturday ✕", "Remove filter Age: 10 years old ✕"}
    without_autism = family_client.get(tags["Remove filter Need: Autism ✕"])
    assert page(without_autism).select_one(".lo-filter-panel input[value=pd]").has_attr("checked")
    assert not page(without_autism).select_one(".lo-filter-panel input[value=autism]").has_attr("checked")
    assert "day=sat" in tags["Remove filter Need: Autism ✕"] and "age=10" in tags["Remove filter Need: Autism ✕"]
    clear = soup.find("a", string="Clear all filters")["href"]
    assert clear == "/services"


def test_results_carry_their_ids_in_rank_order(family_client, family):
    for args in ("q=autistic+children", "need=autism&sort=name", "q=support", ""):
        query = SearchQuery.from_args(MultiDict([tuple(p.split("=")) for p in args.split("&") if p]))[0]
        expected = search.search_services(query).ids
        assert result_ids(family_client.get(f"/services?{args}")) == expected, args
    assert _names(family_client.get("/services?sort=name")) == sorted(_names(family_client.get("/services?sort=name")), key=str.lower)


def test_a_result_shows_what_a_family_needs_to_choose(family_client, family):
    soup = page(family_client.get("/services?need=autism&sort=name"))
    swim, teen = soup.select("[data-service-id]")
    assert swim["data-service-id"] == str(family.swim)
    assert swim.select_one("a")["href"] == f"/services/{family.swim}"
    text = normalize_spaces(swim.text)
    for part in ("Sensory swimming sessions", "Run by", "Quiet swims for autistic children.", "Ages: 4 to 16 years",
                 "Where: North East Essex", "Cost: Free"):
        assert part in text
    assert "Temporarily closed" in teen.text and "Temporarily closed" not in swim.text
    speech = page(family_client.get("/services?need=slcn")).select_one("[data-service-id]")
    assert "Where: All of Essex" in normalize_spaces(speech.text)


def test_pagination_keeps_the_filters(family_app, family_client, family, monkeypatch):
    monkeypatch.setitem(family_app.config, "SEARCH_PAGE_SIZE", 1)
    soup = page(family_client.get("/services?quadrant=south&sort=name"))
    assert _names(family_client.get("/services?quadrant=south&sort=name")) == ["Speech and language drop-in"]
    nav = soup.select_one("nav.govuk-pagination")
    next_href = nav.select_one("a[rel=next]")["href"]
    assert "quadrant=south" in next_href and "sort=name" in next_href and "page=2" in next_href
    second = family_client.get(next_href)
    assert _names(second) == ["Teen wellbeing hub"]
    assert page(second).select_one(".govuk-pagination__item--current a")["aria-current"] == "page"
    assert "page 2 of 2" in page(second).title.text


def test_a_page_past_the_end_is_friendly(family_client, family):
    response = family_client.get("/services?need=autism&page=40")
    soup = page(response)
    assert response.status_code == 200
    assert "There are no more results" in soup.select_one("main").text
    last = soup.find("a", string="Go to the last page")["href"]
    assert result_ids(family_client.get(last))


def test_an_invalid_age_is_an_error_but_the_results_still_show(family_client, family):
    response = family_client.get("/services?age=thirty&need=autism")
    soup = page(response)
    assert response.status_code == 200
    assert soup.title.text.startswith("Error: ")
    summary = soup.select_one(".govuk-error-summary")
    assert [(a.text.strip(), a["href"]) for a in summary.select("a")] == [("Enter an age from 0 to 25, in whole years", "#age")]
    assert "Enter an age from 0 to 25" in soup.select_one("#age-error").text
    assert soup.select_one("#age")["value"] == "thirty"  # what was typed is not lost
    assert set(_names(response)) == {"Sensory swimming sessions", "Teen wellbeing hub"}


def test_an_unknown_place_gets_a_kind_message_at_the_top_and_at_the_field(family_client, family):
    response = family_client.get("/services?near=Narnia")
    soup = page(response)
    message = "We could not find ‘Narnia’. Try a town name or the first part of a postcode, like CM1"
    summary = soup.select_one(".govuk-error-summary")
    assert [(normalize_spaces(a.text), a["href"]) for a in summary.select("a")] == [(message, "#near")]
    assert message in normalize_spaces(soup.select_one("#near-error").text)
    assert soup.select_one("#near")["value"] == "Narnia"  # what was typed is not lost
    # The results still show, without distances.
    assert _count(response) == "4 services" and "miles away" not in soup.select_one("main").text


def test_near_a_known_place_sorts_nearest_first_with_distances(family_client, family):
    response = family_client.get("/services?near=Colchester")
    soup = page(response)
    names = _names(response)
    assert names[0] == "Sensory swimming sessions"
    assert "miles away" in soup.select_one("[data-service-id]").text
    sort = [normalize_spaces(li.text) for li in soup.select(".lo-sort li")]
    assert sort == ["Best match", "Nearest first", "Name (A to Z)"]
    assert soup.select_one(".lo-sort strong").text == "Nearest first"


def test_distance_sorting_is_not_offered_without_a_place(family_client, family):
    soup = page(family_client.get("/services"))
    assert [normalize_spaces(li.text) for li in soup.select(".lo-sort li")] == ["Best match", "Name (A to Z)"]


def test_the_search_box_keeps_the_filters_and_the_filter_form_keeps_the_words(family_client, family):
    soup = page(family_client.get("/services?q=swim&need=autism&need=pd&sort=name"))
    box = soup.select_one("form[role=search]")
    assert box.select_one("input[name=q]")["value"] == "swim"
    assert sorted((i["name"], i["value"]) for i in box.select("input[type=hidden]")) == [
        ("need", "autism"), ("need", "pd"), ("sort", "name")]
    panel = soup.select_one(".lo-filter-panel form")
    assert sorted((i["name"], i["value"]) for i in panel.select("input[type=hidden]")) == [("q", "swim"), ("sort", "name")]


@pytest.mark.parametrize("args", ["q=%3Cscript%3Ealert(1)%3C/script%3E", "near=%3Cscript%3Ealert(1)%3C/script%3E",
                                  "age=%3Cscript%3Ealert(1)%3C/script%3E"])
def test_what_a_family_types_is_always_escaped(family_client, family, args):
    html = family_client.get(f"/services?{args}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_service_name_with_markup_is_escaped_in_results(client):
    make_service("<img src=x onerror=alert(1)> club")
    html = client.get("/services").get_data(as_text=True)
    assert "<img src=x" not in html


@pytest.mark.parametrize("args", ["page=-1", "page=abc", "sort=sideways", "need=nonsense", "quadrant=mars",
                                  "age=999", "day=funday", "q=" + "x" * 5000, "need=autism,adhd", "cost=lots"])
def test_odd_parameters_never_break_the_page(family_client, family, args):
    assert family_client.get(f"/services?{args}").status_code == 200


def test_results_have_add_to_shortlist_buttons_that_come_back_here(family_client, family):
    soup = page(family_client.get("/services?need=adhd"))
    form = soup.select_one("[data-service-id] form")
    assert form["method"] == "post" and form["action"] == "/shortlist/add"
    assert form.select_one("input[name=next]")["value"] == "/services?need=adhd"
    assert re.fullmatch(r"Add to shortlist: ADHD parent support group", normalize_spaces(form.button.text))


@pytest.mark.parametrize("path", ["/services?q=autism", "/services.json?q=autism"])
def test_a_broken_index_gives_a_try_later_page_not_a_crash(client, monkeypatch, path):
    def unavailable(query):
        raise search.SearchUnavailable("index folder missing")

    monkeypatch.setattr(search, "search_services", unavailable)
    response = client.get(path)
    assert response.status_code == 503
