"""The filter panel's checkbox groups and the shortlist button are written out directly (the
general GOV.UK macros were a large part of the search page's render); the markup must stay
exactly what govukCheckboxes and govukButton write, apart from whitespace."""
from __future__ import annotations

import re

import pytest

from ..conftest import make_test_app

GROUPS = [
    {"idPrefix": "filter-quadrant", "name": "quadrant", "classes": "govuk-checkboxes--small",
     "fieldset": {"legend": {"text": "Area of Essex", "classes": "govuk-fieldset__legend--s"}},
     "hint": {"text": "Services for all of Essex are always included."},
     "items": [{"value": "mid", "text": "Mid (3)", "checked": True},
               {"value": "south", "text": "South & <b>east</b> (0)", "checked": False},
               {"value": "west", "text": "West (12)", "checked": True}]},
    {"idPrefix": "filter-need", "name": "need", "classes": "govuk-checkboxes--small",
     "fieldset": {"legend": {"text": "Need", "classes": "govuk-fieldset__legend--s"}},
     "items": [{"value": "autism", "text": "Autism (1)", "checked": False}]},
]


def _normalised(html: str) -> str:
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", re.sub(r"\s+", " ", html))).strip()


@pytest.mark.parametrize("params", GROUPS, ids=["with-hint", "plain"])
def test_filter_checkboxes_write_what_govuk_checkboxes_writes(params):
    app = make_test_app()
    with app.test_request_context():
        ours = app.jinja_env.from_string(
            '{% from "components/filter_panel.html" import filter_checkboxes %}{{ filter_checkboxes(p) }}')
        govuk = app.jinja_env.from_string(
            '{% from "govuk_frontend_jinja/components/checkboxes/macro.html" import govukCheckboxes %}'
            "{{ govukCheckboxes(p) }}")
        assert _normalised(ours.render(p=params)) == _normalised(govuk.render(p=params))


@pytest.mark.parametrize("on_shortlist,hide_name", [(False, True), (True, True), (True, False)])
def test_the_shortlist_button_writes_what_govuk_button_writes(on_shortlist, hide_name):
    app = make_test_app()
    name = "Tots & <Teens>"
    with app.test_request_context():
        ours = app.jinja_env.from_string(
            '{% from "components/shortlist_button.html" import shortlist_button %}'
            "{{ shortlist_button('id-1', name, on_shortlist, '/next', hide_name) }}")
        govuk = app.jinja_env.from_string(
            '{% from "govuk_frontend_jinja/components/button/macro.html" import govukButton %}'
            "{% set hidden %}{% if hide_name %}<span class=\"govuk-visually-hidden\">: {{ name }}</span>{% endif %}"
            "{% endset %}{{ govukButton({'html': (_('Remove from shortlist') if on_shortlist else "
            "_('Add to shortlist'))|e ~ hidden, 'classes': 'govuk-button--secondary govuk-!-margin-bottom-0', "
            "'preventDoubleClick': true}) }}")
        button = re.search(r"<button.*</button>", ours.render(name=name, on_shortlist=on_shortlist,
                                                              hide_name=hide_name), re.S).group(0)
        expected = govuk.render(name=name, on_shortlist=on_shortlist, hide_name=hide_name)
        assert _normalised(button) == _normalised(expected)
