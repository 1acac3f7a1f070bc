"""The provider's side: their organisation's listings, and proposing changes for approval
(the GOV.UK "check answers" pattern: a summary with Change links, one small form per section)."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...data import revisions
from ...extensions import db
from . import bp, presenters
from .access import own_service_or_404
from .forms import SECTION_KEYS, SECTIONS, AboutForm


def section_form(section: str, values: dict):
    """The form for one section, filled from `values` unless it was just posted."""
    if section not in SECTIONS:
        abort(404)
    title, form_class = SECTIONS[section]
    form = form_class()
    if not form.is_submitted():
        form.load(values)
    return title, form


def summary_sections(values: dict, change_endpoint: str, service_id) -> list[dict]:
    return [{"slug": slug, "title": str(SECTIONS[slug][0]), "rows": presenters.summary_rows(values, keys),
             "change_url": url_for(change_endpoint, service_id=service_id, section=slug)}
            for slug, keys in SECTION_KEYS.items()]


@bp.route("/")
@requires("listings.propose")
def our_services():
    org_id = g.user.organisation_id
    services = revisions.organisation_services(org_id) if org_id else []
    latest = revisions.latest_revisions([s.id for s in services])
    rows = [{"service": s, "live": presenters.live_state(s), "revision": latest.get(s.id),
             "change": presenters.revision_state(latest.get(s.id))} for s in services]
    return render_template("staff/listings/our_services.html", rows=rows, has_organisation=bool(org_id))


@bp.route("/new", methods=["GET", "POST"])
@requires("listings.propose")
def new_service():
    if g.user.organisation_id is None:
        abort(404)
    form = AboutForm()
    if form.validate_on_submit():
        revision = revisions.start_new_service(g.user.organisation, g.user, form.values())
        db.session.commit()
        return redirect(url_for(".edit", service_id=revision.service_id))
    return render_template("staff/listings/section.html", form=form, title=_("Add a new service"),
                           back_url=url_for(".our_services"), error_title_prefix=bool(form.errors))


@bp.route("/<uuid:service_id>/edit")
@requires("listings.propose")
def edit(service_id):
    service = own_service_or_404(service_id)
    revision = revisions.open_revision(service.id)
    latest = revisions.latest_revision(service.id)
    values = revisions.proposal_values(service)
    return render_template("staff/listings/edit.html", service=service, revision=revision,
                           rejected=latest if latest is not None and latest.state == "rejected" else None,
                           sections=summary_sections(values, ".edit_section", service.id),
                           can_change=revision is None or revision.state == "draft")


@bp.route("/<uuid:service_id>/edit/<section>", methods=["GET", "POST"])
@requires("listings.propose")
def edit_section(service_id, section: str):
    service = own_service_or_404(service_id)
    revision = revisions.open_revision(service.id)
    if revision is not None and revision.state == "pending":
        flash(_("Your changes are waiting for approval. Withdraw them if you need to change something."))
        return redirect(url_for(".edit", service_id=service.id))
    title, form = section_form(section, revisions.proposal_values(service))
    if form.validate_on_submit():
        revisions.save_draft(service, g.user, form.values())
        db.session.commit()
        return redirect(url_for(".edit", service_id=service.id, _anchor=section))
    return render_template("staff/listings/section.html", form=form, title=title, service=service,
                           back_url=url_for(".edit", service_id=service.id), error_title_prefix=bool(form.errors))


@bp.route("/<uuid:service_id>/submit", methods=["POST"])
@requires("listings.propose")
def submit(service_id):
    service = own_service_or_404(service_id)
    revision = revisions.open_revision(service.id)
    if revision is None or revision.state != "draft":
        flash(_("There are no draft changes to send."))
        return redirect(url_for(".edit", service_id=service.id))
    revisions.submit(revision)
    db.session.commit()
    flash(_("Your changes have been sent for approval. We will email you when a moderator has checked them."),
          "success")
    return redirect(url_for(".our_services"))


@bp.route("/<uuid:service_id>/withdraw", methods=["POST"])
@requires("listings.propose")
def withdraw(service_id):
    service = own_service_or_404(service_id)
    revision = revisions.open_revision(service.id)
    if revision is None:
        flash(_("There are no changes to withdraw."))
        return redirect(url_for(".edit", service_id=service.id))
    was_pending = revision.state == "pending"
    revisions.withdraw(revision)
    db.session.commit()
    flash(_("Your changes have been withdrawn.") if was_pending else _("Your draft changes have been deleted."),
          "success")
    return redirect(url_for(".our_services"))
