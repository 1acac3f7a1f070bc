"""The glossary page, and SEND terms in listings linked to their plain-English definitions."""
from __future__ import annotations

from localoffer.glossary import TERMS, link_terms

from ..factories import make_service
from ..helpers import page

REQUIRED = {"ehc-plan", "ehc-needs-assessment", "senco", "sen-support", "semh", "slcn", "autism", "adhd",
            "spld", "mld", "sld", "pmld", "vi", "hi", "msi", "pd", "sendiass", "short-breaks",
            "direct-payments", "personal-budget", "preparing-for-adulthood", "annual-review", "local-offer",
            "family-hub", "parent-carer-forum", "respite", "transition", "tribunal", "mediation"}


def test_the_glossary_explains_every_term_a_parent_meets_each_with_an_anchor(client):
    html = page(client.get("/glossary"))
    anchors = {dt["id"] for dt in html.select("dl.lo-glossary dt[id]")}
    assert REQUIRED <= anchors == {t.slug for t in TERMS}
    for dt in html.select("dl.lo-glossary dt"):
        assert dt.find_next_sibling("dd").get_text(strip=True), dt["id"]
    # Letters jump to their terms.
    assert html.select_one("a[href='#letter-e']") and html.select_one("#letter-e")


def test_the_first_use_of_each_term_links_to_its_definition(app):
    with app.test_request_context("/"):
        seen: list[str] = []
        first = str(link_terms("Ask your SENCO about an EHC plan. The SENCO will help.", seen))
        second = str(link_terms("More about EHC plans and the ehc plan review.", seen))
    assert first.count('href="/glossary#senco"') == 1 and 'href="/glossary#ehc-plan"' in first
    assert "glossary#ehc-plan" not in second  # already linked higher up the page
    assert seen == ["senco", "ehc-plan"]


def test_abbreviations_match_only_as_written_and_never_inside_words_or_addresses(app):
    with app.test_request_context("/"):
        text = str(link_terms("Hi there, visit www.send.org.uk or email send@example.org; ASDA is a shop. "
                              "We support VI and HI children."))
    assert "glossary#hi\"" in text and text.count("glossary#hi") == 1  # "HI", not "Hi"
    assert "glossary#vi" in text and "glossary#send" not in text and "glossary#autism" not in text


def test_provider_text_is_escaped_before_our_links_are_added(app, client):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    service = make_service("Holiday club", description=f"{payload} Our staff know about autism and EHC plans.",
                           summary="For children with SEMH needs <b>and</b> their families.")
    html = client.get(f"/services/{service.id}").get_data(as_text=True)
    main = page(client.get(f"/services/{service.id}")).select_one("main")
    assert main.find("script") is None and main.find("img") is None and main.find("b") is None
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html or "&lt;script&gt;" in html
    links = {a["href"] for a in main.select("a.lo-glossary-term")}
    assert {"/glossary#autism", "/glossary#ehc-plan", "/glossary#semh"} <= links
    # Each link is described, in the reader's language, without changing the provider's words.
    assert all(a["aria-describedby"] == "glossary-hint" for a in main.select("a.lo-glossary-term"))
    assert html.count('id="glossary-hint"') == 1 and "Our staff know about autism and EHC plans." in main.get_text()
