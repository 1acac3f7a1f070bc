"""The visitor's shortlist: add and remove with post/redirect/get, show it printable, and share it
as a read-only link that anyone can save to their own shortlist."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, ngettext

from .. import ratelimit
from ..data.services import findable_services_by_ids, get_findable_service
from ..directory.service_details import service_page
from . import bp, store
from .forms import SaveSharedForm, ShortlistChangeForm


def _share_url(ids: list[str]) -> str:
    return url_for("shortlist.show", ids=",".join(ids), _external=True)


@bp.route("/shortlist")
def show():
    shared = request.args.get("ids")
    if shared is not None:
        wanted = store.clean_ids(shared.split(","))[:store.capacity()]
        services = findable_services_by_ids(wanted)
        return render_template("shortlist/shared.html", pages=[service_page(s) for s in services],
                               dropped=len(wanted) - len(services), ids=",".join(str(s.id) for s in services))
    saved = store.saved_ids()
    services = findable_services_by_ids(saved)
    dropped = len(saved) - len(services)
    if dropped:
        # Closed or unpublished since they were saved: tell the family once and forget them.
        store.keep_only([str(s.id) for s in services])
    ids = [str(s.id) for s in services]
    return render_template("shortlist/show.html", pages=[service_page(s) for s in services], dropped=dropped,
                           share_url=_share_url(ids) if ids else "", capacity=store.capacity())


def _change_form() -> tuple[ShortlistChangeForm, object]:
    form = ShortlistChangeForm(request.form)
    if not form.validate():
        abort(400)
    return form, get_findable_service(form.service_id.data)


@bp.post("/shortlist/add")
@ratelimit.limited("shortlist")
def add():
    form, service = _change_form()
    back = form.safe_next(url_for("shortlist.show"))
    if service is None:
        flash(_("That service is no longer listed, so it could not be added to your shortlist."))
        return redirect(back)
    outcome = store.add(str(service.id))
    if outcome == "full":
        flash(_("Your shortlist is full. It can hold %(max)d services. Remove one before you add another.",
                max=store.capacity()))
    else:
        flash(_("%(name)s is on your shortlist.", name=service.name), "success")
    return redirect(back)


@bp.post("/shortlist/remove")
@ratelimit.limited("shortlist")
def remove():
    form = ShortlistChangeForm(request.form)
    if not form.validate():
        abort(400)
    cleaned = store.clean_ids([form.service_id.data])
    if cleaned and store.remove(cleaned[0]):
        service = get_findable_service(cleaned[0])
        name = service.name if service else _("The service")
        flash(_("%(name)s has been removed from your shortlist.", name=name), "success")
    return redirect(form.safe_next(url_for("shortlist.show")))


@bp.post("/shortlist/save")
@ratelimit.limited("shortlist")
def save_shared():
    form = SaveSharedForm(request.form)
    if not form.validate():
        abort(400)
    services = findable_services_by_ids(store.clean_ids(form.ids.data.split(",")))
    added, left_out = store.add_many([str(s.id) for s in services])
    if added:
        flash(ngettext("%(num)d service saved to your shortlist.", "%(num)d services saved to your shortlist.",
                       added), "success")
    if left_out:
        flash(ngettext("%(num)d service was not saved because your shortlist is full.",
                       "%(num)d services were not saved because your shortlist is full.", left_out))
    if not added and not left_out:
        flash(_("These services are already on your shortlist."), "success")
    return redirect(url_for("shortlist.show"))
