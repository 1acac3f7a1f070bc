"""The moderator's approvals queue: check a provider's (or an import's) proposed change field by
field, then approve it (it goes live at once) or reject it with a reason. Providers are emailed
after commit; an import's change has nobody to email."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _, ngettext

from ...auth import requires
from ...data import revisions
from ...extensions import db
from ...mail import for_staff, send_mail_safely
from ...openreferral.proposals import ProposalNotApplied
from . import bp, presenters
from .access import staff_link
from .moderator_forms import RejectForm


def _pending_or_404(revision_id):
    revision = revisions.get_revision(revision_id)
    if revision is None:
        abort(404)
    return revision


def _email_decision(revision) -> None:
    """Tell the provider the outcome; if the mail server fails, say so (the decision stands)."""
    user = revision.created_by
    if user is None or not user.is_active:
        return
    subject, body = _decision_email(revision)
    if not send_mail_safely(user.email, subject, body):
        flash(_("We could not email %(email)s about this decision. Please let them know another way.",
                email=user.email))


@for_staff
def _decision_email(revision) -> tuple[str, str]:
    name = revision.service.name
    link = staff_link("staff_listings.edit", service_id=revision.service_id)
    if revision.state == "approved":
        subject = _("Your changes to %(name)s are live", name=name)
        body = _("A Local Offer moderator has approved your changes to %(name)s. Families can now see them.\n\n"
                 "See your listing: %(link)s", name=name, link=link)
    else:
        subject = _("Your changes to %(name)s were not approved", name=name)
        body = _("A Local Offer moderator has not approved your changes to %(name)s.\n\nTheir reason:\n"
                 "%(reason)s\n\nYou can change your proposal and send it again: %(link)s",
                 name=name, reason=revision.decision_reason, link=link)
    return subject, body


@bp.route("/queue")
@requires("listings.moderate")
def queue():
    return render_template("staff/listings/queue.html", revisions=revisions.pending_revisions())


def _flash_not_applied(revision) -> None:
    flash(_("The feed's change to %(name)s can no longer be applied to the listing, so nothing changed. "
            "Reject it: the next import will propose what the feed says then.", name=revision.service.name))


@bp.route("/queue/approve", methods=["POST"])
@requires("listings.moderate")
def bulk_approve():
    chosen = [revisions.get_revision(i) for i in request.form.getlist("revision")]
    chosen = [r for r in chosen if r is not None and r.state == "pending"]
    if not chosen:
        flash(_("Select at least one change to approve."))
        return redirect(url_for(".queue"))
    approved = []
    for revision in chosen:
        try:
            revisions.approve(revision, g.user)
        except ProposalNotApplied:
            _flash_not_applied(revision)
            continue
        approved.append(revision)
    db.session.commit()
    for revision in approved:
        _email_decision(revision)
    if approved:
        flash(ngettext("%(num)d change approved.", "%(num)d changes approved.", len(approved)), "success")
    return redirect(url_for(".queue"))


@bp.route("/revisions/<uuid:revision_id>")
@requires("listings.moderate")
def revision(revision_id):
    found = _pending_or_404(revision_id)
    # An import's comparison is worked out against the live listing, so only while it waits.
    changes = revisions.diff(found) if found.state == "pending" or not found.is_import else []
    return render_template("staff/listings/revision.html", revision=found,
                           rows=presenters.rows(changes or []), applies=changes is not None,
                           live_changed=found.state == "pending" and revisions.live_changed_since_base(found))


@bp.route("/revisions/<uuid:revision_id>/approve", methods=["POST"])
@requires("listings.moderate")
def approve(revision_id):
    found = _pending_or_404(revision_id)
    if found.state != "pending":
        flash(_("This change has already been dealt with."))
        return redirect(url_for(".revision", revision_id=found.id))
    try:
        revisions.approve(found, g.user)
    except ProposalNotApplied:
        _flash_not_applied(found)
        return redirect(url_for(".revision", revision_id=found.id))
    db.session.commit()
    _email_decision(found)
    flash(_("Changes to %(name)s approved. They are now live.", name=found.service.name), "success")
    return redirect(url_for(".queue"))


@bp.route("/revisions/<uuid:revision_id>/reject", methods=["GET", "POST"])
@requires("listings.moderate")
def reject(revision_id):
    found = _pending_or_404(revision_id)
    if found.state != "pending":
        flash(_("This change has already been dealt with."))
        return redirect(url_for(".revision", revision_id=found.id))
    form = RejectForm()
    if found.is_import:
        form.reason.description = _("This is kept with the listing's history. Later imports will not propose "
                                    "this same change again.")
    if form.validate_on_submit():
        revisions.reject(found, g.user, form.reason.data)
        db.session.commit()
        _email_decision(found)
        flash(_("Changes to %(name)s rejected. Later imports will not propose them again.", name=found.service.name)
              if found.is_import else _("Changes to %(name)s rejected. The provider has been emailed your reason.",
                                        name=found.service.name), "success")
        return redirect(url_for(".queue"))
    return render_template("staff/listings/reject.html", revision=found, form=form,
                           error_title_prefix=bool(form.errors))
