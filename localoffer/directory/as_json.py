"""/services.json: the search as JSON, for other directories and scripts (CONTRACT §5)."""
from __future__ import annotations

from flask import url_for

from ..data.listings import ServiceListing
from ..search.query import FACET_VOCAB, FACETS, SearchResults


def service_json(service: ServiceListing, results: SearchResults) -> dict:
    distance = results.distances.get(str(service.id))
    return {
        "id": str(service.id),
        "name": service.name,
        "summary": service.summary,
        "organisation": service.organisation_name,
        "url": url_for("directory.service", service_id=str(service.id), _external=True),
        "min_age": service.min_age,
        "max_age": service.max_age,
        "needs": service.needs,
        "categories": service.categories,
        "quadrants": service.quadrants,
        "delivery": service.delivery_modes,
        "days": service.days,
        "is_free": service.is_free,
        "status": service.status,
        "distance_miles": round(distance, 2) if distance is not None else None,
    }


def facets_json(results: SearchResults) -> dict[str, dict[str, int]]:
    """Every slug of every facet, zeros included, so a client can draw a stable filter list."""
    return {facet: {value: int(results.facets.get(facet, {}).get(value, 0)) for value in FACET_VOCAB[facet]}
            for facet in FACETS}


def search_json(results: SearchResults, services: list[ServiceListing], errors: dict[str, str]) -> dict:
    query, place = results.query, results.near_place
    return {
        "total": results.total,
        "page": query.page,
        "per_page": query.per_page,
        "pages": results.pages,
        "results": [service_json(s, results) for s in services],
        "facets": facets_json(results),
        "suggestion": results.suggestion,
        "showing_corrected": results.showing_corrected,
        "near": ({"name": place.name, "kind": place.kind, "district": place.district, "quadrant": place.quadrant}
                 if place else None),
        "errors": errors,
    }
