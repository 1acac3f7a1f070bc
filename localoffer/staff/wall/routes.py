"""Routes: see the package docstring. Each decision is its own page; the data layer checks who
may decide and that the post is still as the moderator saw it."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...auth.roles import can
from ...data import wall_moderation as wm
from ...extensions import db
from ...vocab import QUADRANTS
from ...voice_vocab import (
    CHANNELS,
    FLAG_REASONS,
    PARTIES,
    REFUSAL_REASONS,
    REG56_CATEGORIES,
    THEMES,
    WALL_STATUSES,
    party_of,
)
from . import bp, emails
from .forms import (
    EscalateForm,
    PromptForm,
    PublishForm,
    RefuseForm,
    ResolveForm,
    RestoreForm,
    ReviewRefusalForm,
)
from .labels import CANNOT, CANNOT_STATUS, DECISION_LABELS, hint_text

VOCAB = {"statuses": WALL_STATUSES, "themes": THEMES, "reg56": REG56_CATEGORIES, "channels": CHANNELS,
         "reasons": REFUSAL_REASONS, "parties": PARTIES, "quadrants": QUADRANTS, "decisions": DECISION_LABELS,
         "flag_labels": FLAG_REASONS}


def _post_or_404(post_id: int, *, lock: bool = False):
    post = wm.get_post(post_id, lock=lock)
    # Safeguarding posts do not exist for anyone outside the safeguarding permission.
    if post is None or (post.status == "safeguarding" and not can(g.user.role, "safeguarding.view")):
        abort(404)
    return post


def _cannot(post, kind: str):
    title, body = CANNOT[kind]
    return render_template("staff/wall/cannot.html", post=post, title=title, body=body), CANNOT_STATUS[kind]


@bp.route("/")
@requires("wall.moderate")
def index():
    return render_template("staff/wall/index.html", queue=wm.queue_for(g.user), party=party_of(g.user.role),
                           target=wm.target_working_days(), age_of=wm.age_of, **VOCAB)


@bp.route("/safeguarding")
@requires("safeguarding.view")
def safeguarding():
    return render_template("staff/wall/safeguarding.html", posts=wm.safeguarding_posts(), **VOCAB)


@bp.route("/<int:post_id>")
@requires("wall.moderate")
def post(post_id: int):
    found = _post_or_404(post_id)
    contact = None
    if found.status == "safeguarding":
        wm.record_safeguarding_view(found, g.user)
        db.session.commit()
        contact = wm.contact_for(found)
    return render_template("staff/wall/post.html", post=found, hints=[hint_text(h) for h in found.check_hints or []],
                           history=wm.history(found), actions=wm.actions_for(found, g.user), contact=contact,
                           flags=wm.flag_reasons(found), age=wm.age_of(found), target=wm.target_working_days(),
                           party=party_of(g.user.role), **VOCAB)


def _decide(post_id: int, action: str, form_class, title: str, apply, prefill=None):
    """The shared shape of a decision page: check, show the form, apply, email, commit."""
    found = _post_or_404(post_id, lock=request.method == "POST")
    form = form_class(post=found)
    # On a POST, compare with the state the form was drawn in (a missing one counts as stale).
    seen = (form.state.data or "") if request.method == "POST" else None
    problem = wm.why_not(found, g.user, action, seen)
    if problem:
        return _cannot(found, problem)
    if request.method == "GET":
        form.state.data = wm.state_of(found)
        if prefill:
            prefill(found, form)
    if form.validate_on_submit():
        before = found.status
        try:
            apply(found, form)
        except wm.DecisionRefused as refused:
            db.session.rollback()
            return _cannot(found, refused.kind)
        update = emails.prepare(found, before)
        db.session.commit()
        flash(_("Post %(number)d: %(status)s", number=found.id, status=WALL_STATUSES[found.status]), "success")
        if not emails.send(update):
            flash(_("We could not email the person who wrote it. The decision is saved."), "warning")
        return redirect(url_for(".post", post_id=found.id))
    return render_template("staff/wall/decision.html", post=found, form=form, title=title, action=action,
                           hints=[hint_text(h) for h in found.check_hints or []],
                           error_title_prefix=bool(form.errors), **VOCAB)


def _prefill_themes(post, form) -> None:
    form.themes.data = list(post.themes or []) or ([post.contributor_theme] if post.contributor_theme in THEMES else [])
    form.reg56_category.data = post.reg56_category


@bp.route("/<int:post_id>/publish", methods=["GET", "POST"])
@requires("wall.moderate")
def publish(post_id: int):
    def apply(post, form):
        wm.publish(post, g.user, seen=form.state.data, themes=form.themes.data,
                   reg56_category=form.reg56_category.data, redactions=form.redaction_list(), note=form.note.data or "")
    return _decide(post_id, "publish", PublishForm, _("Publish this post"), apply, _prefill_themes)


@bp.route("/<int:post_id>/not-publish", methods=["GET", "POST"])
@requires("wall.moderate")
def not_publish(post_id: int):
    def apply(post, form):
        wm.refuse(post, g.user, seen=form.state.data, reason=form.reason.data, note=form.note.data or "",
                  duplicate_of=form.target())

    def prefill(post, form):
        form.duplicate_of.data = next((str(h["post_id"]) for h in post.check_hints or []
                                       if h.get("kind") == "duplicate" and h.get("post_id")), "")
    found = _post_or_404(post_id)
    title = {"published": _("Take this post off the wall"), "hidden": _("Remove this post")}.get(
        found.status, _("Do not publish this post"))
    return _decide(post_id, "not-publish", RefuseForm, title, apply, prefill)


@bp.route("/<int:post_id>/refusal", methods=["GET", "POST"])
@requires("wall.moderate")
def review_refusal(post_id: int):
    def apply(post, form):
        wm.review_refusal(post, g.user, seen=form.state.data, agree=form.answer.data == "agree",
                          note=form.note.data or "")
    return _decide(post_id, "review-refusal", ReviewRefusalForm, _("Answer the proposal not to publish"), apply)


@bp.route("/<int:post_id>/resolve", methods=["GET", "POST"])
@requires("wall.moderate")
def resolve(post_id: int):
    def apply(post, form):
        publish_it = form.outcome.data == "publish"
        wm.resolve_dispute(post, g.user, seen=form.state.data, publish_it=publish_it, note=form.note.data,
                           reason=None if publish_it else form.reason.data, themes=form.themes.data or [],
                           reg56_category=form.reg56_category.data,
                           redactions=form.redaction_list() if publish_it else [])
    return _decide(post_id, "resolve", ResolveForm, _("Record the joint panel's decision"), apply, _prefill_themes)


@bp.route("/<int:post_id>/safeguarding", methods=["GET", "POST"])
@requires("wall.moderate")
def escalate(post_id: int):
    def apply(post, form):
        wm.escalate(post, g.user, seen=form.state.data, note=form.note.data or "")
    return _decide(post_id, "safeguarding", EscalateForm, _("Pass this post to the safeguarding team"), apply)


@bp.route("/<int:post_id>/restore", methods=["GET", "POST"])
@requires("wall.moderate")
def restore(post_id: int):
    def apply(post, form):
        wm.restore(post, g.user, seen=form.state.data, note=form.note.data or "")
    return _decide(post_id, "restore", RestoreForm, _("Put this post back on the wall"), apply)


@bp.route("/prompts", methods=["GET", "POST"])
@requires("wall.moderate")
def prompts():
    form = PromptForm()
    if form.validate_on_submit():
        wm.add_prompt(form.text.data, g.user)
        db.session.commit()
        flash(_("Prompt added"), "success")
        return redirect(url_for(".prompts"))
    return render_template("staff/wall/prompts.html", form=form, prompts=wm.list_prompts(),
                           error_title_prefix=bool(form.errors))


@bp.route("/prompts/<int:prompt_id>", methods=["POST"])
@requires("wall.moderate")
def switch_prompt(prompt_id: int):
    prompt = wm.get_prompt(prompt_id)
    switch = request.form.get("switch")
    if prompt is None:
        abort(404)
    if switch not in ("on", "off"):
        abort(400)
    wm.set_prompt_active(prompt, switch == "on", g.user)
    db.session.commit()
    flash(_("Prompt turned on") if switch == "on" else _("Prompt turned off"), "success")
    return redirect(url_for(".prompts"))
