"""The API's endpoints. Views only read parameters and shape responses; the queries and the
ORUK serialisation live in localoffer/data/oruk.py."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from flask import render_template, request, url_for

from ..data import oruk
from ..search import SearchQuery, SearchUnavailable, search_services
from . import bp
from .http import error_response, json_response
from .params import DEFAULT_PER_PAGE, MAX_PER_PAGE, page_args, parse_uuid, search_text, service_filters


@lru_cache(maxsize=1)
def openapi_document() -> dict:
    return json.loads(resources.files(__package__).joinpath("openapi.json").read_text(encoding="utf-8"))


@bp.route("/")
@bp.route("", endpoint="about_without_slash")  # the base URL itself, as validators request it
def about():
    return json_response({"version": oruk.ORUK_VERSION, "profile": oruk.PROFILE_URL,
                          "openapi_url": url_for("api.openapi", _external=True)})


@bp.route("/openapi.json")
def openapi():
    return json_response(openapi_document())


@bp.route("/docs")
def docs():
    return render_template("api/docs.html", max_per_page=MAX_PER_PAGE, default_per_page=DEFAULT_PER_PAGE,
                           taxonomies=list(oruk.TAXONOMIES.values()))


def _filters():
    """The service filters from the query string, with `search` run through our search engine
    (so SEND synonyms work, as on the site). Raises BadParameter for a bad value."""
    filters = service_filters(request.args)
    text = search_text(request.args)
    if text:
        everything = max(1, oruk.findable_service_count())
        results = search_services(SearchQuery(text=text, per_page=everything))
        # The site may answer a misspelling with results for a corrected spelling; an API
        # should not guess, so those count as no match.
        filters.matching_ids = [] if results.showing_corrected else results.ids
    return filters


@bp.errorhandler(SearchUnavailable)
def search_unavailable(_error):
    return error_response("Search is not available just now. Try again later, or leave out `search`.", 503)


def _not_found(kind: str):
    return error_response(f"There is no published {kind} with that id", 404)


@bp.route("/services")
def services():
    page, per_page = page_args(request.args)
    found = oruk.services_page(_filters(), page, per_page)
    return json_response(found.json(oruk.service_basic), oruk.directory_last_modified())


@bp.route("/services/<service_id>")
def service(service_id: str):
    found = oruk.findable_service(parse_uuid(service_id))
    if found is None:
        return _not_found("service")
    return json_response(oruk.service_full(found), oruk.service_last_modified(found))


@bp.route("/service_at_locations")
def service_at_locations():
    page, per_page = page_args(request.args)
    found = oruk.service_at_locations_page(_filters(), page, per_page)
    return json_response(found.json(oruk.service_at_location_json), oruk.directory_last_modified())


@bp.route("/service_at_locations/<sal_id>")
def service_at_location(sal_id: str):
    found = oruk.findable_service_at_location(parse_uuid(sal_id))
    if found is None:
        return _not_found("service at location")
    return json_response(oruk.service_at_location_json(found), oruk.service_last_modified(found.service))


@bp.route("/organizations")
def organizations():
    page, per_page = page_args(request.args)
    found = oruk.organisations_page(page, per_page)
    return json_response(found.json(oruk.organization_json), oruk.directory_last_modified())


@bp.route("/organizations/<org_id>")
def organization(org_id: str):
    found = oruk.findable_organisation(parse_uuid(org_id))
    if found is None:
        return _not_found("organization")
    return json_response(oruk.organization_full(found), oruk.directory_last_modified())


@bp.route("/taxonomies")
def taxonomies():
    page, per_page = page_args(request.args)
    found = oruk.Page.of(list(oruk.TAXONOMIES.values()), page, per_page)
    return json_response(found.json(oruk.taxonomy_json))


@bp.route("/taxonomies/<taxonomy_id>")
def taxonomy(taxonomy_id: str):
    found = oruk.find_taxonomy(parse_uuid(taxonomy_id))
    if found is None:
        return _not_found("taxonomy")
    return json_response(oruk.taxonomy_json(found))


@bp.route("/taxonomy_terms")
def taxonomy_terms():
    page, per_page = page_args(request.args)
    raw_taxonomy = (request.args.get("taxonomy_id") or "").strip()
    key = None
    if raw_taxonomy:
        taxonomy = oruk.find_taxonomy(parse_uuid(raw_taxonomy, "taxonomy_id"))
        key = taxonomy.key if taxonomy else ""  # an unknown taxonomy has no terms
    found = oruk.Page.of(oruk.all_terms(key) if key != "" else [], page, per_page)
    return json_response(found.json(oruk.term_json))


@bp.route("/taxonomy_terms/<term_id>")
def taxonomy_term(term_id: str):
    found = oruk.find_term(parse_uuid(term_id))
    if found is None:
        return _not_found("taxonomy term")
    return json_response(oruk.term_json(found))
