"""Following a comment with its private link: what happened to it, and changing, withdrawing
or getting updates about it. Whoever holds the link may do these things; nobody needs an
account. The token is looked up by its SHA-256 only."""
from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import ratelimit
from ..data import wall as data
from ..honeypot import caught
from ..extensions import db
from ..models.wall import TEXT_MAX_CHARS
from ..vocab import QUADRANTS
from ..voice_vocab import REFUSAL_REASONS, THEMES, WALL_STATUSES, YSWD_STATUSES
from . import bp
from .forms import ConfirmForm, EditPostForm, EmailForm

FOLLOW_ENDPOINTS = {"wall.follow", "wall.edit", "wall.withdraw", "wall.email", "wall.remove_email", "wall.sent"}


@bp.after_request
def _keep_private(response):
    """Follow pages carry a secret in their address: never cache them anywhere."""
    if request.endpoint in FOLLOW_ENDPOINTS:
        response.headers["Cache-Control"] = "no-store"
    return response


def _post_or_404(token: str):
    post = data.get_post_by_token(token)
    if post is None:
        # A page that explains what may have gone wrong with a private link.
        abort(make_response(render_template("wall/follow_not_found.html"), 404))
    return post


def _records(linked) -> list[dict]:
    today = date.today()
    return [{"reference": record.reference, "title": version.title, "url": url_for("yswd.record", reference=record.reference),
             "status": YSWD_STATUSES.get(version.status, version.status),
             "overdue": data.is_overdue(version, today)}
            for record, version in linked]


@bp.route("/follow/<token>")
def follow(token: str):
    post = _post_or_404(token)
    duplicate_of = None
    if post.refusal_reason == "duplicate" and post.merged_into_id:
        duplicate_of = data.get_published_post(post.merged_into_id)
    linked = data.records_for_post(post)
    return render_template(
        "wall/follow.html", post=post, token=token, status_label=WALL_STATUSES.get(post.status, post.status),
        reason_label=REFUSAL_REASONS.get(post.refusal_reason or "", ""), duplicate_of=duplicate_of,
        records=_records(linked), has_contact=data.contact_of(post) is not None,
        can_edit=data.can_edit(post), can_withdraw=data.can_withdraw(post),
        can_have_contact=data.can_have_contact(post, linked), quadrants=QUADRANTS, themes=THEMES,
        target_days=current_app.config.get("WALL_TARGET_WORKING_DAYS", 5))


@bp.route("/follow/<token>/edit", methods=["GET", "POST"])
def edit(token: str):
    post = _post_or_404(token)
    if not data.can_edit(post):
        flash(_("This comment can no longer be changed."), "info")
        return redirect(url_for(".follow", token=token))
    form = EditPostForm(data={"text": post.text})
    if form.validate_on_submit():
        if not ratelimit.allow("wall-follow"):
            return render_template("wall/edit.html", post=post, token=token, form=form,
                                   text_max=TEXT_MAX_CHARS), 429
        if caught(form):
            return redirect(url_for(".follow", token=token))
        data.edit_text(post, form.text.data)
        db.session.commit()
        flash(_("Your changed comment has been sent. It will be checked again before it appears on the wall."),
              "success")
        return redirect(url_for(".follow", token=token))
    return render_template("wall/edit.html", post=post, token=token, form=form, text_max=TEXT_MAX_CHARS,
                           error_title_prefix=bool(form.errors))


@bp.route("/follow/<token>/withdraw", methods=["GET", "POST"])
def withdraw(token: str):
    post = _post_or_404(token)
    if not data.can_withdraw(post):
        flash(_("This comment cannot be withdrawn. It is not on the wall and will not be published."), "info")
        return redirect(url_for(".follow", token=token))
    form = ConfirmForm()
    if form.validate_on_submit():
        if not ratelimit.allow("wall-follow"):
            return render_template("wall/withdraw.html", post=post, token=token, form=form), 429
        data.withdraw(post)
        db.session.commit()
        flash(_("Your comment has been withdrawn. It will not appear on the wall, and any email address "
                "you gave us for it has been deleted."), "success")
        return redirect(url_for(".follow", token=token))
    return render_template("wall/withdraw.html", post=post, token=token, form=form)


@bp.route("/follow/<token>/email", methods=["GET", "POST"])
def email(token: str):
    post = _post_or_404(token)
    if not data.can_have_contact(post):
        flash(_("We cannot send updates about this comment any more."), "info")
        return redirect(url_for(".follow", token=token))
    form = EmailForm()
    if form.validate_on_submit():
        if not ratelimit.allow("wall-follow"):
            return render_template("wall/email.html", post=post, token=token, form=form,
                                   has_contact=data.contact_of(post) is not None, remove_form=ConfirmForm()), 429
        if caught(form):
            return redirect(url_for(".follow", token=token))
        data.set_contact(post, form.email.data)
        db.session.commit()
        flash(_("We will email you when there is news about your comment."), "success")
        return redirect(url_for(".follow", token=token))
    return render_template("wall/email.html", post=post, token=token, form=form,
                           has_contact=data.contact_of(post) is not None, remove_form=ConfirmForm(),
                           error_title_prefix=bool(form.errors))


@bp.post("/follow/<token>/email/remove")
@ratelimit.limited("wall-follow")
def remove_email(token: str):
    post = _post_or_404(token)
    if data.remove_contact(post):
        db.session.commit()
        flash(_("We have deleted your email address. We will not email you about this comment."), "success")
    return redirect(url_for(".follow", token=token))
