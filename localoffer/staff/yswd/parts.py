"""Editing one part of a record per page. Each save is a new version with no signatures; an
organisation can only open the parts it owns (the Forum: "you said" and its view; the council:
"we will", status and progress)."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...data import yswd
from ...extensions import db
from ...voice_vocab import party_of
from . import bp
from .forms import AboutForm, ForumViewForm, ProgressForm, StatusForm, WeWillForm, YouSaidForm
from .presenters import PARTS
from .routes import record_or_404

FORMS = {"about": AboutForm, "you-said": YouSaidForm, "forum-view": ForumViewForm, "we-will": WeWillForm,
         "status": StatusForm}


def _owned_or_403(owner: str | None) -> None:
    party = party_of(g.user.role)
    if party is None or (owner is not None and owner != party):
        abort(403)


def _save(found, changes: dict, note: str):
    """Save as a new version, or say why not. Returns a redirect, or the error message."""
    try:
        saved = yswd.edit(found, g.user, changes, note)
    except yswd.YswdError as problem:
        return None, str(problem)
    db.session.commit()
    flash(_("Saved as version %(number)d. It needs both signatures again before it is published.",
            number=saved.number) if saved else _("Nothing changed, so no new version was saved."), "success")
    return redirect(url_for(".record", reference=found.reference)), None


@bp.route("/<reference>/edit/<part>", methods=["GET", "POST"])
@requires("yswd.edit")
def edit_part(reference: str, part: str):
    if part not in PARTS:
        abort(404)
    _owned_or_403(PARTS[part][1])
    found = record_or_404(reference)
    latest = yswd.latest(found)
    form = FORMS[part]()
    if request.method == "GET":
        if hasattr(form, "load"):
            form.load(latest)
        else:
            for key in form.KEYS:
                getattr(form, key).data = getattr(latest, key)
    error = None
    if form.validate_on_submit():
        done, error = _save(found, form.values(), form.change_note.data or "")
        if done:
            return done
    return render_template("staff/yswd/part.html", record=found, latest=latest, form=form, part=part,
                           part_label=PARTS[part][0], error=error, error_title_prefix=bool(form.errors or error))


@bp.route("/<reference>/progress", methods=["GET", "POST"])
@requires("yswd.edit")
def progress(reference: str):
    _owned_or_403("council")
    found = record_or_404(reference)
    latest = yswd.latest(found)
    form = ProgressForm()
    error = None
    if form.validate_on_submit():
        done, error = _save(found, {"progress": list(latest.progress or []) + [form.entry()]},
                            form.change_note.data or str(_("Progress added")))
        if done:
            return done
    return render_template("staff/yswd/progress.html", record=found, latest=latest, form=form, error=error,
                           error_title_prefix=bool(form.errors or error))


@bp.post("/<reference>/progress/<int:index>/remove")
@requires("yswd.edit")
def remove_progress(reference: str, index: int):
    _owned_or_403("council")
    found = record_or_404(reference)
    try:
        yswd.remove_list_item(found, g.user, "progress", index)
    except yswd.YswdError:
        abort(404)
    db.session.commit()
    flash(_("Progress entry removed in a new version"), "success")
    return redirect(url_for(".progress", reference=found.reference))
