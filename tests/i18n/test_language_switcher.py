"""The language switcher: on every page, in the same place, keeping the page and its query,
with each language named in itself and marked with lang and hreflang; <html lang> follows."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from ..helpers import page
from .catalogue import PSEUDO_LOCALE


def test_the_switcher_keeps_the_page_and_its_query_and_names_each_language_in_itself(pseudo_client):
    client = pseudo_client
    html = page(client.get("/services?q=autism&need=autism&need=adhd"))
    assert html.html["lang"] == "en"
    switcher = html.select_one("nav.lo-language-switcher")
    # In the same place on every page: straight after the phase banner, before the content.
    assert switcher.find_previous_sibling(class_="govuk-phase-banner") is not None
    current = switcher.select_one("[aria-current=true]")
    assert current.get_text(strip=True) == "English" and current["lang"] == "en"
    link = switcher.select_one(f"a[hreflang={PSEUDO_LOCALE}]")
    assert link["lang"] == PSEUDO_LOCALE and link["rel"] == ["alternate"]
    target = urlsplit(link["href"])
    assert target.path == "/services"
    assert parse_qs(target.query) == {"q": ["autism"], "need": ["autism", "adhd"], "lang": [PSEUDO_LOCALE]}

    switched = page(client.get(link["href"]))
    assert switched.html["lang"] == PSEUDO_LOCALE
    # The choice is remembered for the visit, on other pages too.
    assert page(client.get("/wall")).html["lang"] == PSEUDO_LOCALE
    back = page(client.get("/wall")).select_one("nav.lo-language-switcher a[hreflang=en]")
    assert urlsplit(back["href"]).path == "/wall"


def test_a_language_is_offered_only_when_its_catalogue_exists(client):
    assert page(client.get("/")).select_one("nav.lo-language-switcher") is None or \
        all((a["hreflang"] in ("en", "pl", "ro")) for a in page(client.get("/")).select("nav.lo-language-switcher a"))
