"""Anti-automation on every public write without puzzles (ASVS 5.0 v2.4.1): a rate limit per
connection shared by every worker, a hidden honeypot on every form where people type words,
and size limits on every field and on the whole body (v2.2.1, v5.2.1)."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from localoffer.extensions import db
from localoffer.models import ProblemReport, SurveyDraft, WallContact, WallPost, WallReaction
from tests.conftest import make_test_app
from tests.factories import make_service
from tests.survey.conftest import make_wave
from tests.wall.conftest import make_post

from ..helpers import normalize_spaces, page

WORDS = "The after-school club has no quiet space"
LIMITED = "You have done this a lot in a short time"


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _limit(app, name: str, requests: int = 1) -> None:
    app.config["PUBLIC_RATE_LIMITS"] = {**app.config["PUBLIC_RATE_LIMITS"], name: (requests, 3600)}


# -- rate limits ------------------------------------------------------------------------------

def test_v2_4_1_a_wall_comment_over_the_limit_keeps_the_words(app, client):
    app.config["WALL_POST_LIMIT_PER_HOUR"] = 1
    assert client.post("/wall/new", data={"text": "first", "consent": "yes"}).status_code == 302
    response = client.post("/wall/new", data={"text": WORDS, "consent": "yes"})
    assert response.status_code == 429
    assert page(response).select_one("textarea#text").text == WORDS
    assert _count(WallPost) == 1


def test_v2_4_1_me_too_and_flags_share_a_limit(app, client):
    _limit(app, "wall-reaction", 2)
    first, _ = make_post("One", status="published")
    second, _ = make_post("Two", status="published")
    assert client.post(f"/wall/{first.id}/me-too").status_code == 302
    assert client.post(f"/wall/{second.id}/flag", data={"reason": "spam"}).status_code == 302
    response = client.post(f"/wall/{second.id}/me-too")
    assert response.status_code == 429
    assert normalize_spaces(page(response).select_one("h1").text) == LIMITED
    response = client.post(f"/wall/{first.id}/flag", data={"reason": "identifies-someone"})
    assert response.status_code == 429  # the form again, reason still chosen
    assert page(response).select_one("input[value=identifies-someone]").has_attr("checked")
    assert _count(WallReaction) == 2


def test_v2_4_1_changes_through_a_follow_link_are_limited(app, client):
    _limit(app, "wall-follow", 1)
    _post, token = make_post("My comment")
    assert client.post(f"/wall/follow/{token}/email", data={"email": "a@example.org"}).status_code == 302
    response = client.post(f"/wall/follow/{token}/edit", data={"text": WORDS})
    assert response.status_code == 429 and page(response).select_one("textarea#text").text == WORDS
    assert client.post(f"/wall/follow/{token}/withdraw").status_code == 429
    assert client.post(f"/wall/follow/{token}/email/remove").status_code == 429
    assert db.session.scalar(select(WallPost.text)) == "My comment" and _count(WallContact) == 1


def test_v2_4_1_survey_pages_are_limited_and_keep_the_answer(app, client):
    make_wave()
    _limit(app, "survey", 1)
    assert client.post("/survey/q/who", data={"answer": "parent-carer"}).status_code == 302
    response = client.post("/survey/q/one-thing", data={"answer": WORDS})
    assert response.status_code == 429
    assert page(response).select_one("textarea#answer").text == WORDS
    assert list(db.session.scalars(select(SurveyDraft.answers))) == [{"who": "parent-carer"}]


def test_v2_4_1_problem_reports_and_shortlist_are_limited(app, client):
    _limit(app, "problem-report", 1)
    _limit(app, "shortlist", 1)
    service = make_service("Holiday club")
    path = f"/services/{service.id}/report-a-problem"
    assert client.post(path, data={"reason": "cost"}).status_code == 302
    response = client.post(path, data={"reason": "closed", "details": WORDS})
    assert response.status_code == 429 and page(response).select_one("textarea#details").text == WORDS
    assert _count(ProblemReport) == 1
    assert client.post("/shortlist/add", data={"service_id": str(service.id)}).status_code == 302
    assert client.post("/shortlist/remove", data={"service_id": str(service.id)}).status_code == 429


def test_v2_4_1_the_limit_is_shared_by_every_worker(app, database_url, tmp_path):
    """Two app instances on one database are two gunicorn workers: the second sees the first's
    count (memory counters would give each worker its own allowance)."""
    app.config["WALL_POST_LIMIT_PER_HOUR"] = 1
    other = make_test_app(SQLALCHEMY_DATABASE_URI=database_url, SEARCH_INDEX_DIR=str(tmp_path / "other"),
                          WALL_POST_LIMIT_PER_HOUR=1)
    assert app.test_client().post("/wall/new", data={"text": "one", "consent": "yes"}).status_code == 302
    with other.app_context():
        assert other.test_client().post("/wall/new", data={"text": WORDS, "consent": "yes"}).status_code == 429
        db.session.remove()
        db.engine.dispose()  # leave no connection of the second "worker" open


def test_the_counters_hold_a_hash_never_an_address(app, client):
    from localoffer.models import RateLimit

    client.post("/wall/new", data={"text": "one", "consent": "yes"}, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    keys = list(db.session.scalars(select(RateLimit.key)))
    assert keys and not any("198.51.100.7" in key for key in keys)


# -- honeypots --------------------------------------------------------------------------------

def _honeypot_forms(client):
    make_wave()
    service = make_service("Holiday club")
    _post, token = make_post("My comment")
    return {
        "/wall/new": {"text": WORDS, "consent": "yes"},
        f"/wall/follow/{token}/edit": {"text": WORDS},
        f"/wall/follow/{token}/email": {"email": "bot@example.org"},
        "/survey/q/one-thing": {"answer": WORDS},
        f"/services/{service.id}/report-a-problem": {"reason": "cost", "details": WORDS},
    }


def test_every_public_form_for_words_has_a_hidden_honeypot(app, client):
    for path in _honeypot_forms(client):
        field = page(client.get(path)).select_one("form input[name=website]")
        assert field is not None, path
        assert field.find_parent(attrs={"hidden": True}) is not None and field["tabindex"] == "-1"
        assert field["autocomplete"] == "off"


def test_a_filled_honeypot_looks_sent_and_saves_nothing(app, client):
    before = (db.session.scalar(select(WallPost.text)), _count(WallContact))
    for path, data in _honeypot_forms(client).items():
        response = client.post(path, data={**data, "website": "https://spam.example"})
        assert response.status_code == 302, path
    assert _count(WallPost) == 1 and db.session.scalar(select(WallPost.text)) == "My comment"
    assert (_count(WallContact), _count(SurveyDraft), _count(ProblemReport)) == (before[1], 0, 0)


# -- sizes ------------------------------------------------------------------------------------

def test_v5_2_1_a_body_over_the_limit_gets_a_kind_413_page(app, client):
    big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/wall/new", data={"text": big, "consent": "yes"})
    assert response.status_code == 413
    assert normalize_spaces(page(response).select_one("h1").text) == "What you sent was too long"
    assert _count(WallPost) == 0


def test_v2_2_1_every_text_field_of_every_form_has_a_maximum_length():
    """Walks every form class: a field people can type into needs a Length(max) (or a choice
    list). The few staff-only fields without one are listed with the reason they are safe."""
    import importlib
    import pkgutil

    from flask_wtf import FlaskForm
    from wtforms import StringField
    from wtforms.fields.core import UnboundField
    from wtforms.validators import AnyOf, Length

    import localoffer

    for module in pkgutil.walk_packages(localoffer.__path__, "localoffer."):
        importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    missing = set()
    for form in set(subclasses(FlaskForm)):
        for name in dir(form):
            field = getattr(form, name, None)
            if not isinstance(field, UnboundField) or not issubclass(field.field_class, StringField):
                continue
            validators = field.kwargs.get("validators") or []
            if not any(isinstance(v, AnyOf) or (isinstance(v, Length) and v.max > 0) for v in validators):
                missing.add(f"{form.__module__}.{form.__name__}.{name}")
    assert missing == UNBOUNDED_STAFF_FIELDS, sorted(missing ^ UNBOUNDED_STAFF_FIELDS)


# Staff-only fields without a Length validator, and why they are still bounded: every request
# body is capped at MAX_CONTENT_LENGTH (256 KB), and these values are parsed, compared or
# truncated, never stored as typed.
UNBOUNDED_STAFF_FIELDS = {
    # Passwords: checked against auth/passwords.MAX_LENGTH (1,024) and hashed truncated to it.
    *(f"localoffer.staff.{form}.{field}" for form, field in (
        ("account.forms.ChangePasswordForm", "current_password"), ("account.forms.ChangePasswordForm", "new_password"),
        ("auth.forms.AcceptInvitationForm", "password"), ("auth.forms.ResetPasswordForm", "password"),
        ("auth.forms.SignInForm", "password"))),
    # Day, month and year boxes: parsed as numbers by the form's date check.
    *(f"localoffer.staff.listings.moderator_forms.DatesForm.{p}_{u}" for p in ("from", "to")
      for u in ("day", "month", "year")),
    *(f"localoffer.staff.yswd.annual_forms.PeriodForm.{p}_{u}" for p in ("start", "end")
      for u in ("day", "month", "year")),
    *(f"localoffer.staff.yswd.forms.ProgressForm.progress_{u}" for u in ("day", "month", "year")),
    *(f"localoffer.staff.yswd.forms.WeWillForm.target_{u}" for u in ("day", "month", "year")),
    # Hidden fields compared with a fingerprint, an id or a fixed list, never stored.
    *(f"localoffer.staff.wall.forms.{form}.state" for form in (
        "DecisionForm", "EscalateForm", "PublishForm", "RefuseForm", "ResolveForm", "RestoreForm",
        "ReviewRefusalForm", "_PublishFields")),
    "localoffer.staff.survey.forms.CodingForm.answer_id", "localoffer.staff.survey.forms.WaveActionForm.action",
    "localoffer.staff.yswd.annual_forms.AnnualSignForm.read", "localoffer.staff.yswd.forms.SignForm.number",
    "localoffer.staff.wall.forms.RefuseForm.duplicate_of",
    # Words to redact: at most MAX_REDACTIONS, each already in the family's text (500 characters).
    "localoffer.staff.wall.forms.PublishForm.redactions", "localoffer.staff.wall.forms.ResolveForm.redactions",
    "localoffer.staff.wall.forms._PublishFields.redactions",
    # Languages: at most MAX_LANGUAGES names of at most MAX_LANGUAGE_LENGTH characters each.
    "localoffer.staff.listings.forms.LanguagesForm.languages",
}


@pytest.mark.parametrize("path, data, message", [
    ("/wall/new", {"text": "x" * 501, "consent": "yes"}, "Your comment must be 500 characters or fewer"),
    ("/wall/new", {"text": "ok", "consent": "yes", "email": "a@" + "b" * 300 + ".org"},
     "Email address must be 255 characters or fewer"),
])
def test_v2_2_1_too_long_fields_get_a_kind_message_and_keep_the_text(client, path, data, message):
    response = client.post(path, data=data)
    assert response.status_code == 200
    assert message in page(response).select_one(".govuk-error-summary").text
    assert _count(WallPost) == 0
