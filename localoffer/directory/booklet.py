"""A printable booklet of services for one need, age and part of Essex (SEND Regulations 2014
reg 57: the Local Offer for families without the internet). A GOV.UK form to choose, then a
print-ready page: a cover with the date it was made and the number to call, contents, and each
service's key facts and contact details. The browser prints it; no PDF is made."""
from __future__ import annotations

from datetime import date

from flask import abort, render_template, request

from .. import search
from ..data.services import findable_services_by_ids
from ..search.query import SearchQuery
from ..vocab import NEEDS, QUADRANTS
from . import bp
from .forms import BookletForm
from .service_details import service_page

# A booklet longer than this is too long to print; it says how many more there are.
BOOKLET_MAX = 60


@bp.route("/booklet")
def booklet():
    return render_template("directory/booklet_form.html", form=BookletForm(formdata=None))


@bp.route("/booklet/print")
def booklet_print():
    form = BookletForm(formdata=request.args)
    if not form.validate():
        return render_template("directory/booklet_form.html", form=form, error_title_prefix=True)
    query = SearchQuery(needs=(form.need.data,), age=int(form.age.data), quadrants=(form.quadrant.data,),
                        sort="name", per_page=BOOKLET_MAX)
    try:
        results = search.search_services(query)
    except search.SearchUnavailable:
        abort(503)
    services = findable_services_by_ids(results.ids)
    return render_template("directory/booklet.html", pages=[service_page(s) for s in services],
                           total=results.total, need=NEEDS[form.need.data], age=int(form.age.data),
                           quadrant=QUADRANTS[form.quadrant.data], made_on=date.today(),
                           search_args=query.to_args())
