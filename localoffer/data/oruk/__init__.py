"""Open Referral UK (HSDS 3.0 UK profile): what the open data API serves, and how our
directory is written in that shape. The API views, the ORUK exports and the importer all use
these functions, so a feed we publish re-imports with nothing lost.

Where the UK profile has no field for a Local Offer detail we use the field HSDS 3.0 itself
defines (the UK profile allows extra fields): `phones` on services, organisations and contacts,
`email` on contacts, `name`/`code` on languages, `value` on attributes, and `attributes` on
schedules and service areas. Everything else that is ours (the Local Offer answers, summary,
eligibility, how to get the service, waiting times, the access route, free or not, the area of
Essex, term time) is an attribute: a term from one of our own published taxonomies (see
taxonomies.py), carrying any text in `value`. `fees_description` is `fees`, `last_reviewed` is
`assured_date`; a free service also gets a 0 cost option unless its own options say free.

Modules: taxonomies.py (what we publish as taxonomies), serialise.py (records to ORUK dicts,
e.g. `service_full(service)` for exports), queries.py (filters, pages and single records).

Only findable services are ever served (published, and open or temporarily closed);
organisations and venues appear only through a findable service.
"""
from __future__ import annotations

from .queries import (METRES_PER_MILE, Near, Page, ServiceFilters, directory_last_modified, findable_organisation,
                      findable_service, findable_service_at_location, findable_service_count, matching_service_ids,
                      organisations_page, parse_day, service_at_locations_page, service_last_modified, services_page)
from .serialise import (ORUK_STATUS, clean_email, clean_url, free_cost_option_id, location_json, organization_full,
                        organization_json, service_at_location_json, service_basic, service_full, service_terms,
                        timestamp)
from .taxonomies import (DB_TAXONOMIES, GENERATED_TERMS, NAMESPACE, SERVICE_DETAIL_FIELDS, SERVICE_DETAILS,
                         TAXONOMIES, Taxonomy, Term, all_terms, find_taxonomy, find_term, stable_id, taxonomy_json,
                         term_from_row, term_json)

# What `/api/oruk/` reports, and the data package says it follows.
ORUK_VERSION = "3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"

__all__ = ["ORUK_VERSION", "PROFILE_URL", "DB_TAXONOMIES", "GENERATED_TERMS", "METRES_PER_MILE", "NAMESPACE", "ORUK_STATUS", "SERVICE_DETAILS",
           "SERVICE_DETAIL_FIELDS", "TAXONOMIES", "Near", "Page", "ServiceFilters", "Taxonomy", "Term", "all_terms",
           "clean_email", "clean_url", "directory_last_modified", "find_taxonomy", "find_term", "findable_organisation",
           "findable_service", "findable_service_at_location", "findable_service_count", "free_cost_option_id",
           "location_json", "matching_service_ids", "organisations_page", "organization_full", "organization_json",
           "parse_day", "service_at_location_json", "service_at_locations_page", "service_basic", "service_full",
           "service_last_modified", "service_terms", "services_page", "stable_id", "taxonomy_json", "term_from_row",
           "term_json", "timestamp"]
