"""Staff list of records, starting one, the record page, signing and the deadlock rule.
Editing parts is in parts.py, evidence in evidence.py and annual reports in annual.py."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...data import yswd
from ...extensions import db
from ...models.base import utcnow
from ...voice_vocab import party_of
from . import bp
from .forms import NewRecordForm, SignForm
from .presenters import STATE_LABELS, differences


def record_or_404(reference: str):
    found = yswd.get_record(reference)
    if found is None:
        abort(404)
    return found


@bp.route("/")
@requires("yswd.edit")
def index():
    records = [(r, yswd.latest(r), yswd.state(r)) for r in yswd.all_records()]
    return render_template("staff/yswd/index.html", records=records, state_labels=STATE_LABELS)


@bp.route("/new", methods=["GET", "POST"])
@requires("yswd.edit")
def new():
    form = NewRecordForm()
    is_forum = party_of(g.user.role) == "forum"
    if not is_forum:
        del form.you_said  # the council never writes "you said"
    if form.validate_on_submit():
        record = yswd.start_record(g.user, form.title.data, form.you_said.data if is_forum else "")
        db.session.commit()
        flash(_("Record %(reference)s started", reference=record.reference), "success")
        return redirect(url_for(".record", reference=record.reference))
    return render_template("staff/yswd/new.html", form=form, is_forum=is_forum, error_title_prefix=bool(form.errors))


@bp.route("/<reference>")
@requires("yswd.edit")
def record(reference: str):
    found = record_or_404(reference)
    latest, published = yswd.latest(found), yswd.published_version(found)
    deadline = yswd.forum_deadline(latest)
    return render_template("staff/yswd/record.html", record=found, latest=latest, published=published,
                           state=yswd.state(found), state_labels=STATE_LABELS, party=party_of(g.user.role),
                           changes=differences(published, latest) if published and published is not latest else [],
                           overdue=yswd.is_overdue(latest), deadline=deadline,
                           may_publish_alone=bool(deadline and not latest.forum_signed_at and not latest.published_at
                                                  and utcnow() >= deadline),
                           posts=yswd.linked_posts(latest))


@bp.route("/<reference>/versions/<int:number>")
@requires("yswd.edit")
def version(reference: str, number: int):
    found = record_or_404(reference)
    shown = yswd.version(found, number)
    if shown is None:
        abort(404)
    return render_template("staff/yswd/version.html", record=found, version=shown,
                           overdue=yswd.is_overdue(shown))


def _signing_page(reference: str, template: str, action):
    found = record_or_404(reference)
    latest = yswd.latest(found)
    form = SignForm()
    if request.method == "GET":
        form.number.data = str(latest.number)
    error = None
    if form.validate_on_submit():
        try:
            action(found, g.user, form.version_number())
        except yswd.YswdError as problem:
            error = str(problem)
        else:
            db.session.commit()
            return redirect(url_for(".record", reference=found.reference))
    return render_template(template, record=found, latest=latest, form=form, error=error,
                           deadline=yswd.forum_deadline(latest), party=party_of(g.user.role),
                           overdue=yswd.is_overdue(latest), error_title_prefix=bool(error))


@bp.route("/<reference>/sign", methods=["GET", "POST"])
@requires("yswd.sign")
def sign(reference: str):
    def action(found, user, number):
        signed = yswd.sign(found, user, number)
        flash(_("Version %(number)d published", number=signed.number) if signed.published_at
              else _("You signed version %(number)d", number=signed.number), "success")
    return _signing_page(reference, "staff/yswd/sign.html", action)


@bp.route("/<reference>/publish-alone", methods=["GET", "POST"])
@requires("yswd.sign")
def publish_alone(reference: str):
    if g.user.role != "council_moderator":
        abort(403)  # the deadlock rule is the council's: the Forum's answer is to sign or not

    def action(found, user, number):
        published = yswd.publish_alone(found, user, number)
        flash(_("Version %(number)d published without the Forum's agreement", number=published.number), "success")
    return _signing_page(reference, "staff/yswd/publish_alone.html", action)
