"""The CI gate on raw markup (ASVS 5.0 v1.2.1, v1.3.7): every place in localoffer/ that turns a
string into markup without escaping (`|safe`, `Markup(`, `render_template_string`, autoescape off,
or an `html` parameter, which the GOV.UK macros print unescaped) must be listed below with the
reason it can never carry user text. A new one fails this test until someone has looked at it;
a listed one that has gone must be removed from the list."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PATTERN = re.compile(r"\|\s*safe\b|\bMarkup\(|render_template_string|autoescape\s+false|['\"]html['\"]\s*:")

SET_BLOCK = "built in a {% set %} block, where Jinja escapes every value it prints"
ALLOWED = {
    ("localoffer/templates/base.html",
     "'html': _('This is a new service. Your <a class=\"govuk-link\" href=\"%(url)s\">views</a> will help us "
     "improve it.', url=url_for('pages.start') ~ '#have-your-say')|safe"):
        "a translated constant with our own link; no user text",
    ("localoffer/templates/components/listing_summary.html",
     "{% set item = {'key': {'text': row.label}, 'value': {'html': lines(row.value)}} %}"):
        "lines() is a macro: it escapes each line and joins them with <br>",
    ("localoffer/templates/survey/check.html", "'value': {'html': value},"): SET_BLOCK,
    ("localoffer/templates/survey/results.html",
     "'html': breakdown_table(result, _('Answers by part of Essex'))}) }}"):
        "breakdown_table() is a macro printing counts and labels with escaping",
    ("localoffer/templates/staff/reports/report.html", "{'key': {'text': _('Listing')}, 'value': {'html': listing}},"):
        SET_BLOCK,
    ("localoffer/templates/staff/reports/report.html", "{'key': {'text': _('Details')}, 'value': {'html': details}},"):
        SET_BLOCK,
    ("localoffer/templates/staff/reports/report.html",
     "{'key': {'text': _('Status')}, 'value': {'html': status_tag(report.status, status_labels)}},"):
        "status_tag() is a macro printing a label from our vocabulary",
    ("localoffer/templates/staff/wall/post.html", "{'key': {'text': _('Status')}, 'value': {'html': status_html}},"):
        SET_BLOCK,
    ("localoffer/templates/staff/wall/post.html", "{'key': {'text': _('Received')}, 'value': {'html': received}},"):
        SET_BLOCK,
    ("localoffer/templates/staff/wall/post.html",
     "{'key': {'text': _('How it reached us')}, 'value': {'html': how}},"): SET_BLOCK,
    ("localoffer/templates/staff/wall/post.html",
     "{'key': {'text': _('Flags from the public')}, 'value': {'html': flags_html}},"): SET_BLOCK,
    ("localoffer/templates/directory/service.html",
     "{{ govukNotificationBanner({'html': banner, 'titleText': _('Temporarily closed') if page.temporarily_closed "
     "else _('Important'), 'titleId': 'service-alert-title'}) }}"): SET_BLOCK,
    ("localoffer/templates/wall/follow.html", "{'key': {'text': _('Status')}, 'value': {'html': status_html}},"):
        SET_BLOCK,
    ("localoffer/staff/account/two_factor.py", "return Markup(svg)  # noqa: S704 (no user-entered text inside)"):
        "a QR code drawn by segno: the URI becomes black and white squares; the title is our own constant",
    ("localoffer/paging.py", "hidden = Markup('<span class=\"govuk-visually-hidden\"> %s</span>') % _(\"page\")"):
        "Markup's % escapes the translated word; the span is our own constant",
    ("localoffer/paging.py", 'params["next"] = {"href": link(page + 1), "html": escape(_("Next")) + hidden}'):
        "an escaped translated constant and the fixed visually-hidden span",
    ("localoffer/paging.py", 'params["previous"] = {"href": link(page - 1), "html": escape(_("Previous")) + hidden}'):
        "an escaped translated constant and the fixed visually-hidden span",
    ("localoffer/glossary.py", "return Markup(pattern.sub(link, escaped))"):
        "the provider's text is escaped first; the only markup added is our own glossary link (tests/pages)",
    ("localoffer/i18n.py", "return Markup(' lang=\"en\"') if current_language() != \"en\" else Markup(\"\")"):
        "a fixed attribute string, no input at all",
}


def found() -> set[tuple[str, str]]:
    hits = set()
    for path in sorted((ROOT / "localoffer").rglob("*")):
        if path.suffix not in (".py", ".html", ".txt", ".j2") or "static" in path.parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if PATTERN.search(line):
                hits.add((str(path.relative_to(ROOT)), line.strip()))
    return hits


def test_v1_2_1_every_unescaped_markup_site_is_listed_with_its_reason():
    hits = found()
    assert not hits - set(ALLOWED), "unreviewed raw markup: add it to ALLOWED with a reason, or escape it"
    assert not set(ALLOWED) - hits, "listed but gone: remove it from ALLOWED"
    assert all(reason.strip() for reason in ALLOWED.values())


def test_the_gate_notices_a_new_one(tmp_path, monkeypatch):
    fake = tmp_path / "localoffer" / "templates"
    fake.mkdir(parents=True)
    (fake / "new.html").write_text("<p>{{ post.text|safe }}</p>\n{{ Markup(x) }}\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert found() == {("localoffer/templates/new.html", "<p>{{ post.text|safe }}</p>"),
                       ("localoffer/templates/new.html", "{{ Markup(x) }}")}
