"""The shortlist: saved in the visitor's session with no account, added to and removed from with
buttons that work without JavaScript, printable, and shareable as a read-only link."""
from __future__ import annotations

import uuid

import pytest

from localoffer.extensions import db

from ..factories import make_service
from ..helpers import normalize_spaces, page


def _add(client, service, next_url="/services"):
    return client.post("/shortlist/add", data={"service_id": str(service.id), "next": next_url})


def _shown_ids(response) -> list[str]:
    return [el["data-service-id"] for el in page(response).select("main [data-service-id]")]


def _banner(response) -> str:
    """The text of every message banner on the page."""
    return " ".join(normalize_spaces(b.text) for b in page(response).select(".govuk-notification-banner"))


@pytest.fixture
def services(app):
    return [make_service(f"Service {n}", phone=f"0120600000{n}", town="Witham", days=["tue"]) for n in range(3)]


def test_an_empty_shortlist_explains_how_to_add_services(client):
    soup = page(client.get("/shortlist"))
    assert normalize_spaces(soup.h1.text) == "Your shortlist"
    assert "You have not saved any services yet." in soup.select_one("main").text
    assert "Add to shortlist" in soup.select_one("main").text
    assert soup.select_one("main a[href='/services']")


def test_adding_redirects_back_with_a_success_message_and_the_service_is_listed(client, services):
    response = _add(client, services[1], next_url="/services?need=autism")
    assert response.status_code == 302 and response.headers["Location"] == "/services?need=autism"

    shortlist = client.get("/shortlist")
    assert "Service 1 is on your shortlist." in _banner(shortlist)
    assert _shown_ids(shortlist) == [str(services[1].id)]
    entry = page(shortlist).select_one("[data-service-id]")
    assert "Witham venue" in entry.text and "Tuesday" in entry.text
    assert entry.select_one("a[href='tel:01206000001']")


def test_adding_twice_keeps_one_copy_in_the_order_added(client, services):
    for service in (services[2], services[0], services[2]):
        _add(client, service)
    assert _shown_ids(client.get("/shortlist")) == [str(services[2].id), str(services[0].id)]


def test_removing_a_service(client, services):
    _add(client, services[0])
    _add(client, services[1])
    response = client.post("/shortlist/remove", data={"service_id": str(services[0].id), "next": "/shortlist"})
    assert response.headers["Location"] == "/shortlist"
    shortlist = client.get("/shortlist")
    assert "Service 0 has been removed from your shortlist." in _banner(shortlist)
    assert _shown_ids(shortlist) == [str(services[1].id)]


def test_the_shortlist_is_capped(app, client, services):
    app.config["SHORTLIST_MAX"] = 2
    for service in services:
        _add(client, service)
    shortlist = client.get("/shortlist")
    assert "Your shortlist is full. It can hold 2 services." in _banner(shortlist)
    assert _shown_ids(shortlist) == [str(services[0].id), str(services[1].id)]


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x"])
def test_it_never_redirects_to_another_site(client, services, next_url):
    assert _add(client, services[0], next_url=next_url).headers["Location"] == "/shortlist"


def test_bad_posts_are_refused_without_an_error_page_crash(client):
    assert client.post("/shortlist/add", data={}).status_code == 400
    response = client.post("/shortlist/add", data={"service_id": "not-an-id"})
    assert response.status_code == 302
    assert "no longer listed" in _banner(client.get("/shortlist"))


def test_services_that_are_no_longer_listed_are_dropped_with_a_message(client, services):
    for service in services:
        _add(client, service)
    services[1].status = "inactive"
    db.session.commit()

    first = client.get("/shortlist")
    assert "1 service on your shortlist is no longer listed" in page(first).select_one("main").text
    assert _shown_ids(first) == [str(services[0].id), str(services[2].id)]
    assert "no longer listed" not in page(client.get("/shortlist")).select_one("main").text


def test_the_share_link_shows_the_services_read_only_to_anyone(app, client, services):
    _add(client, services[2])
    _add(client, services[0])
    link = page(client.get("/shortlist")).select_one(".lo-share-link a")["href"]
    assert link == f"http://localhost/shortlist?ids={services[2].id},{services[0].id}"

    stranger = app.test_client()
    shared = stranger.get(link)
    soup = page(shared)
    assert normalize_spaces(soup.h1.text) == "A shortlist shared with you"
    assert _shown_ids(shared) == [str(services[2].id), str(services[0].id)]
    assert "Remove from shortlist" not in soup.text
    # Looking at a shared list does not change the stranger's own shortlist.
    assert _shown_ids(stranger.get("/shortlist")) == []


def test_a_shared_list_can_be_saved_to_your_own_shortlist(app, client, services):
    _add(client, services[0])
    stranger = app.test_client()
    _add(stranger, services[1])
    hidden = page(stranger.get(f"/shortlist?ids={services[0].id},{services[1].id}")).select_one("input[name=ids]")
    response = stranger.post("/shortlist/save", data={"ids": hidden["value"]})
    assert response.headers["Location"] == "/shortlist"
    mine = stranger.get("/shortlist")
    assert "1 service saved to your shortlist." in _banner(mine)
    assert _shown_ids(mine) == [str(services[1].id), str(services[0].id)]


def test_a_shared_link_with_gone_or_garbled_ids_says_so(client, services):
    services[0].is_published = False
    db.session.commit()
    response = client.get(f"/shortlist?ids={services[0].id},rubbish,{uuid.uuid4()},{services[1].id}")
    assert response.status_code == 200
    assert _shown_ids(response) == [str(services[1].id)]
    assert "2 services in this link are no longer listed." in page(response).select_one("main").text


def test_the_service_page_button_toggles_between_add_and_remove(client, services):
    path = f"/services/{services[0].id}"
    button = page(client.get(path)).select_one("form[action='/shortlist/add'] button")
    assert normalize_spaces(button.text) == "Add to shortlist"
    _add(client, services[0], next_url=path)
    soup = page(client.get(path))
    assert normalize_spaces(soup.select_one("form[action='/shortlist/remove'] button").text) == "Remove from shortlist"
    assert soup.select_one("form[action='/shortlist/remove'] input[name=next]")["value"] == path


def test_shortlist_changes_need_the_security_token(app, client, services):
    app.config["WTF_CSRF_ENABLED"] = True
    assert _add(client, services[0]).status_code == 400
    assert "csrf_token" in str(page(client.get(f"/services/{services[0].id}")).select("form[method=post] input"))


def test_user_text_on_the_shortlist_is_escaped(client):
    service = make_service("<script>alert(1)</script>")
    _add(client, service)
    html = client.get("/shortlist").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html


def test_the_print_button_needs_javascript_so_it_starts_hidden(client, services):
    _add(client, services[0])
    soup = page(client.get("/shortlist"))
    button = soup.select_one("button[data-lo-print]")
    assert button.has_attr("hidden") and normalize_spaces(button.text) == "Print this page"
    assert soup.select_one("script[src='/static/js/print.mjs'][type=module]")
    # On paper, each service carries its full web address.
    assert soup.select_one(".lo-print-only").text == f"http://localhost/services/{services[0].id}"


def test_the_shortlist_survives_closing_the_browser(client, services):
    response = _add(client, services[0])
    cookie = response.headers["Set-Cookie"]
    assert "Expires=" in cookie, "a session-only cookie would lose the shortlist when the browser closes"
