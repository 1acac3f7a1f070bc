"""The moderator's view of one listing: what is live, any pending change, direct edits and the
lifecycle (status, publishing, seasonal dates). Every change is versioned and audited."""
from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...paging import page_links, page_number
from ...data import revisions
from ...data.versions import editable_fields
from ...extensions import db
from ...vocab import STATUSES
from . import bp, presenters
from .access import service_or_404
from .moderator_forms import DatesForm, StatusForm
from .provider import section_form, summary_sections

PER_PAGE = 50


@bp.route("/all")
@requires("listings.moderate")
def all_services():
    text = request.args.get("q", "").strip()[:100]
    status = request.args.get("status", "")
    if status not in STATUSES and status != "unpublished":
        status = ""
    page = page_number()
    services, total = revisions.search_services(text, status, page=page, per_page=PER_PAGE)
    pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
    pagination = page_links(page, pages, ".all_services", _("Listings pages"), q=text or None, status=status or None)
    rows = [{"service": s, "live": presenters.live_state(s)} for s in services]
    return render_template("staff/listings/all.html", rows=rows, total=total, text=text, status=status,
                           statuses=STATUSES, pagination=pagination)


@bp.route("/<uuid:service_id>")
@requires("listings.moderate")
def service(service_id):
    found = service_or_404(service_id)
    return render_template("staff/listings/service.html", service=found, live=presenters.live_state(found),
                           status_label=str(STATUSES.get(found.status, found.status)),
                           pending=revisions.open_revision(found.id),
                           imported=revisions.open_revision(found.id, imported=True),
                           sections=summary_sections(editable_fields(found), ".change_section", found.id))


@bp.route("/<uuid:service_id>/change/<section>", methods=["GET", "POST"])
@requires("listings.moderate")
def change_section(service_id, section: str):
    found = service_or_404(service_id)
    title, form = section_form(section, editable_fields(found))
    if form.validate_on_submit():
        if revisions.edit_directly(found, g.user, form.values(), section):
            db.session.commit()
            flash(_("Your change to %(name)s is live.", name=found.name), "success")
        return redirect(url_for(".service", service_id=found.id))
    return render_template("staff/listings/section.html", form=form, title=title, service=found,
                           back_url=url_for(".service", service_id=found.id), error_title_prefix=bool(form.errors))


@bp.route("/<uuid:service_id>/status", methods=["GET", "POST"])
@requires("listings.moderate")
def status(service_id):
    found = service_or_404(service_id)
    form = StatusForm()
    if not form.is_submitted():
        form.status.data, form.alert.data = found.status, found.alert
    if form.validate_on_submit():
        if revisions.set_status(found, g.user, form.status.data, form.alert.data or ""):
            db.session.commit()
            flash(_("Status of %(name)s saved.", name=found.name), "success")
        return redirect(url_for(".service", service_id=found.id))
    return render_template("staff/listings/status.html", form=form, service=found,
                           error_title_prefix=bool(form.errors))


@bp.route("/<uuid:service_id>/restore", methods=["POST"])
@requires("listings.moderate")
def restore(service_id):
    found = service_or_404(service_id)
    if found.status == "archived" and revisions.set_status(found, g.user, "active", found.alert):
        db.session.commit()
        flash(_("%(name)s has been restored and is open.", name=found.name), "success")
    return redirect(url_for(".service", service_id=found.id))


@bp.route("/<uuid:service_id>/publish", methods=["POST"])
@requires("listings.moderate")
def publish(service_id):
    found = service_or_404(service_id)
    if revisions.set_published(found, g.user, True):
        db.session.commit()
        flash(_("%(name)s is published.", name=found.name), "success")
    return redirect(url_for(".service", service_id=found.id))


@bp.route("/<uuid:service_id>/unpublish", methods=["POST"])
@requires("listings.moderate")
def unpublish(service_id):
    found = service_or_404(service_id)
    if revisions.set_published(found, g.user, False):
        db.session.commit()
        flash(_("%(name)s is unpublished. Families cannot find it.", name=found.name), "success")
    return redirect(url_for(".service", service_id=found.id))


@bp.route("/<uuid:service_id>/dates", methods=["GET", "POST"])
@requires("listings.moderate")
def dates(service_id):
    found = service_or_404(service_id)
    form = DatesForm()
    if not form.is_submitted():
        form.load(found.visible_from, found.visible_to)
    if form.validate_on_submit():
        if revisions.set_visible_dates(found, g.user, form.visible_from, form.visible_to):
            db.session.commit()
            flash(_("Dates for %(name)s saved.", name=found.name), "success")
        return redirect(url_for(".service", service_id=found.id))
    return render_template("staff/listings/dates.html", form=form, service=found,
                           error_title_prefix=bool(form.errors))
