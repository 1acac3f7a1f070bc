"""The demo data set and `flask demo load`: a realistic Essex directory that exercises every
filter, loaded idempotently."""
from __future__ import annotations

import re
import string
from collections import Counter
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from config import TestConfig
from localoffer import create_app
from localoffer.demo.content import KINDS
from localoffer.demo.content.answers import GENERIC_ANSWERS
from localoffer.demo.content.providers import PROVIDERS
from localoffer.demo.content.voices import VOICES
from localoffer.demo.holidays import easter_sunday, school_holidays, upcoming_holidays
from localoffer.demo.loader import load_synthetic
from localoffer.demo.places import VENUE_TYPES, all_towns
from localoffer.demo.plan import demo_listings
from localoffer.demo.specs import demo_id
from localoffer.demo.synthetic import generate_synthetic
from localoffer.demo.writer import write_service
from localoffer.extensions import db
from localoffer.models import Location, Organisation, Service
from localoffer.reference import all_places, distance_miles, lookup_place
from localoffer.vocab import (ACCESS_ROUTES, ACCESSIBILITY, AGE_MAX, AGE_MIN, CATEGORIES, DELIVERY,
                              LOCAL_OFFER_QUESTIONS, NEEDS, QUADRANTS, STATUSES)

SYNTHETIC = 50


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One database with the demo set plus 50 synthetic services, loaded the way `make run`
    does it (--if-empty on an empty directory). Tests here only read it."""
    base = tmp_path_factory.mktemp("demo-load")
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{base / 'demo.db'}",
                     SEARCH_INDEX_DIR=str(base / "index"))
    with app.app_context():
        db.create_all()
    result = app.test_cli_runner().invoke(args=["demo", "load", "--if-empty", "--synthetic", str(SYNTHETIC)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        yield app, result.output
        db.session.remove()


@pytest.fixture(scope="module")
def demo_ids():
    return {demo_id("service", listing.key) for listing in demo_listings()}


@pytest.fixture(scope="module")
def demo_services(loaded, demo_ids):
    """The demo set's services (not the synthetic ones), read once for the module."""
    return [s for s in db.session.scalars(select(Service)) if s.id in demo_ids]


def _service_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Service))


# --- loading ------------------------------------------------------------------------------

def test_first_load_reports_what_it_created(loaded, demo_ids):
    _, output = loaded
    assert f"Services: {len(demo_ids)} created, 0 kept" in output
    assert f"Services: {SYNTHETIC} created, 0 kept" in output
    assert re.search(r"Organisations: \d+ created", output) and re.search(r"Locations: \d+ created", output)


def test_synthetic_adds_exactly_the_number_asked_for(loaded, demo_ids):
    assert _service_count() == len(demo_ids) + SYNTHETIC


def test_loading_again_creates_nothing(loaded, demo_ids):
    app, _ = loaded
    before = [db.session.scalar(select(func.count()).select_from(m)) for m in (Service, Organisation, Location)]
    result = app.test_cli_runner().invoke(args=["demo", "load", "--synthetic", str(SYNTHETIC)])
    assert result.exit_code == 0, result.output
    assert f"Services: 0 created, {len(demo_ids)} kept" in result.output
    assert f"Services: 0 created, {SYNTHETIC} kept" in result.output
    assert "Organisations: 0 created" in result.output and "Locations: 0 created" in result.output
    assert "Made-up demo searches for the insight pages: 0 added" in result.output
    after = [db.session.scalar(select(func.count()).select_from(m)) for m in (Service, Organisation, Location)]
    assert after == before


def test_demo_searches_are_marked_made_up_and_their_counts_come_from_the_real_search(loaded):
    from localoffer.models import SearchLog
    from localoffer.search import search_services
    from localoffer.search.query import SearchQuery

    _app, output = loaded
    rows = db.session.scalars(select(SearchLog)).all()
    assert len(rows) > 1000 and all(r.is_demo for r in rows)
    assert re.search(r"Made-up demo searches for the insight pages: \d{4} added", output)
    sample = next(r for r in rows if r.query == "music therapy")
    assert search_services(SearchQuery(text="music therapy", per_page=1)).total == sample.result_count
    assert max(r.created_at for r in rows).date() <= date.today()


def test_if_empty_does_nothing_when_services_exist(loaded):
    app, _ = loaded
    before = _service_count()
    result = app.test_cli_runner().invoke(args=["demo", "load", "--if-empty", "--synthetic", "10"])
    assert result.exit_code == 0, result.output
    assert "not loaded" in result.output
    assert _service_count() == before


def test_asking_for_more_synthetic_services_adds_only_the_difference(app):
    assert load_synthetic(db.session, 20).services_created == 20
    counts = load_synthetic(db.session, 30)
    assert (counts.services_created, counts.services_kept) == (10, 20)
    assert _service_count() == 30


def test_synthetic_services_are_the_same_every_time():
    today = date(2026, 3, 2)
    first, again = generate_synthetic(8, today), generate_synthetic(8, today)
    assert [(s.id, s.name, s.description) for s in first] == [(s.id, s.name, s.description) for s in again]
    assert len({s.description for s in first}) == 8


def test_a_negative_synthetic_count_is_refused(loaded):
    app, _ = loaded
    result = app.test_cli_runner().invoke(args=["demo", "load", "--synthetic", "-1"])
    assert result.exit_code != 0


# --- coverage of every filter ---------------------------------------------------------------

def test_at_least_400_services(demo_services):
    assert len(demo_services) >= 400


def test_every_quadrant_has_local_services_and_about_15_percent_are_countywide(demo_services):
    local = Counter(q for s in demo_services if not s.is_countywide for q in s.quadrants)
    assert set(local) == set(QUADRANTS)
    assert min(local.values()) >= 60
    countywide = sum(s.is_countywide for s in demo_services)
    assert 0.10 <= countywide / len(demo_services) <= 0.20


@pytest.mark.parametrize("quadrant", list(QUADRANTS))
def test_every_age_is_served_locally_in_every_quadrant(demo_services, quadrant):
    local = [s for s in demo_services if s.is_findable and not s.is_countywide and quadrant in s.quadrants]
    unserved = [age for age in range(AGE_MIN, AGE_MAX + 1) if not any(s.min_age <= age <= s.max_age for s in local)]
    assert unserved == []


def test_every_need_category_delivery_mode_and_accessibility_feature_is_used(demo_services):
    for vocab, used in ((NEEDS, {n for s in demo_services for n in s.needs}),
                        (CATEGORIES, {c for s in demo_services for c in s.categories}),
                        (DELIVERY, {d for s in demo_services for d in s.delivery_modes}),
                        (ACCESSIBILITY, {a for s in demo_services for a in s.accessibility})):
        assert used == set(vocab)


def test_services_cover_from_one_need_to_all_needs(demo_services):
    counts = Counter(len(s.needs) for s in demo_services)
    assert set(range(1, 7)) <= set(counts)
    assert counts[len(NEEDS)] >= 5  # "all needs" services such as SENDIASS
    assert set(counts) <= set(range(1, 7)) | {len(NEEDS)}


def test_age_ranges_are_both_narrow_and_wide(demo_services):
    spans = [s.max_age - s.min_age for s in demo_services]
    assert min(spans) <= 5 and max(spans) == 25


def test_statuses_are_mostly_open_with_some_closed_and_hidden(demo_services):
    statuses = Counter(s.status for s in demo_services)
    assert set(statuses) == set(STATUSES)
    assert statuses["active"] / len(demo_services) > 0.9
    assert 1 <= sum(not s.is_published for s in demo_services) <= len(demo_services) * 0.05
    assert all(s.alert for s in demo_services if s.status == "temporarily-closed")
    assert any(s.alert and s.status == "active" for s in demo_services)


def test_some_reviews_are_stale_and_a_few_never_happened(demo_services):
    today = date.today()
    stale = sum(1 for s in demo_services if s.last_reviewed and today - s.last_reviewed > timedelta(days=365))
    never = sum(1 for s in demo_services if s.last_reviewed is None)
    assert 0.08 <= stale / len(demo_services) <= 0.25
    assert 1 <= never <= len(demo_services) * 0.05
    assert all(s.last_reviewed <= today for s in demo_services if s.last_reviewed)


def test_access_routes_waiting_times_and_costs_vary(demo_services):
    assert {s.access_route for s in demo_services} == set(ACCESS_ROUTES)
    assert all(s.how_to_access for s in demo_services if s.access_route != "self-referral")
    assert sum(s.waiting_weeks is not None for s in demo_services) >= 20
    assert any(s.waiting_weeks and s.waiting_time for s in demo_services)
    free = [s for s in demo_services if s.is_free]
    charged = [s for s in demo_services if not s.is_free and any(c.amount for c in s.cost_options)]
    assert len(free) > 100 and len(charged) > 100


def test_schedules_include_term_time_holidays_and_dated_holiday_sessions(demo_services):
    schedules = [sc for s in demo_services for sc in s.schedules]
    assert {sc.term for sc in schedules} == {"all-year", "term-time", "holidays"}
    weekly = [sc for sc in schedules if sc.freq == "WEEKLY"]
    assert weekly and all(sc.byday and sc.opens_at for sc in weekly)
    # Only overnight stays end on another day: they leave the closing time out and say it in words.
    assert all(sc.opens_at < sc.closes_at if sc.closes_at else "overnight" in sc.description.lower()
               for sc in weekly)
    dated = [sc for sc in schedules if sc.freq is None]
    assert dated and all(sc.dtstart > date.today() for sc in dated)
    holiday_clubs = [s for s in demo_services if "HAF" in s.name]
    assert holiday_clubs and all(any(sc.dtstart for sc in s.schedules) for s in holiday_clubs)


def test_languages_and_local_offer_answers_vary(demo_services):
    languages = Counter(lang.name for s in demo_services for lang in s.languages)
    assert languages["English"] == len(demo_services)
    assert {"Polish", "Romanian", "Urdu", "Bengali", "British Sign Language"} <= set(languages)
    answered = Counter(len(s.local_offer_answers) for s in demo_services)
    assert answered[0] and answered[len(LOCAL_OFFER_QUESTIONS)] and sum(answered[n] for n in range(1, 7))
    assert {a.question for s in demo_services for a in s.local_offer_answers} == set(LOCAL_OFFER_QUESTIONS)


# --- reading like real listings ---------------------------------------------------------

def test_every_description_is_different(demo_services):
    assert len({s.description for s in demo_services}) == len(demo_services)


def test_listings_are_written_differently_before_any_tidying_up():
    """The writer itself varies the wording; telling near-identical listings apart afterwards
    (plan.make_descriptions_distinct) is only for the odd short listing."""
    written = [write_service(listing, date(2026, 3, 2)) for listing in demo_listings()]
    assert len({s.description for s in written}) >= 0.9 * len(written)
    assert len({s.summary for s in written}) >= 0.9 * len(written)


def test_summaries_are_each_providers_own(demo_services):
    """A family scanning results must not see one line repeated under unrelated groups."""
    summaries = Counter(s.summary for s in demo_services)
    assert len(summaries) >= 0.9 * len(demo_services)
    assert max(summaries.values()) <= 3, summaries.most_common(1)


def test_text_mixes_jargon_and_parents_words_and_is_never_placeholder(demo_services):
    text = " ".join(f"{s.name} {s.summary} {s.description}" for s in demo_services)
    for jargon in ("ASD", "ASC", "SALT", "SEMH", "SENCO", "EHCP"):
        assert re.search(rf"\b{jargon}\b", text), jargon
    assert re.search(r"\b(my son|my daughter|our son|our daughter)\b", text)
    assert "lorem" not in text.lower() and "{" not in text and "}" not in text


def test_listings_differ_in_length_and_completeness(demo_services):
    lengths = sorted(len(s.description) for s in demo_services)
    assert lengths[0] < 200 and lengths[-1] > 700
    assert sum("\n\n" in s.description for s in demo_services) > 100
    assert any(s.url is None for s in demo_services) and any(s.url for s in demo_services)
    assert any(not s.contacts for s in demo_services) and any(len(s.contacts) > 1 for s in demo_services)


def test_must_have_services_are_open_and_findable(demo_services):
    wanted = {
        "Essex SENDIASS": "advice", "Mediation": "disagreements", "Making a complaint": "disagreements",
        "Home to School Travel": "travel", "Saturday Club": "social-care", "(HAF)": "leisure",
        "CAMHS": "mental-health", "(SALT)": "health", "Portage": "education",
        "supported internship": "adulthood", "Autism Post-Diagnosis Parent Course": "advice",
    }
    for words, category in wanted.items():
        found = [s for s in demo_services if words.lower() in s.name.lower() and category in s.categories]
        assert any(s.is_findable for s in found), words
    sendiass = next(s for s in demo_services if s.name.startswith("Essex SENDIASS"))
    assert sendiass.is_countywide and sendiass.access_route == "self-referral"
    assert sendiass.phone == TestConfig.SENDIASS_PHONE


# --- names keep their promises -------------------------------------------------------------

DAY_WORDS = {"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
             "saturday": "sat", "sunday": "sun"}


def _named(services, pattern: str) -> list:
    return [s for s in services if re.search(pattern, s.name, re.IGNORECASE)]


def test_a_day_in_a_name_is_a_day_the_service_runs(demo_services):
    named = 0
    for service in demo_services:
        for word, day in DAY_WORDS.items():
            if re.search(rf"\b{word}s?\b", service.name, re.IGNORECASE):
                named += 1
                assert service.days == [day], (service.name, service.days)
    assert named >= 10  # "Friday Friends", "Saturday Club"...


def test_evening_after_school_and_morning_names_run_at_those_times(demo_services):
    evening = _named(demo_services, r"\bevenings?\b|\b(?:friday|saturday) night\b")
    mornings = _named(demo_services, r"\bmornings?\b")
    assert evening and mornings
    for service in evening:
        assert all(sc.opens_at >= time(17, 0) for sc in service.schedules), service.name
    for service in mornings:
        assert all(sc.closes_at <= time(13, 0) for sc in service.schedules), service.name
    for service in _named(demo_services, r"\bafter[- ]school\b"):
        assert all(time(15, 0) <= sc.opens_at <= time(16, 30) for sc in service.schedules), service.name


def test_overnight_short_breaks_are_overnight_stays_in_a_short_breaks_home(demo_services):
    overnight = _named(demo_services, r"\bovernight\b")
    assert len(overnight) >= 3
    for service in overnight:
        assert service.schedules, service.name
        for schedule in service.schedules:
            assert schedule.closes_at is None and "overnight" in schedule.description.lower(), service.name
            assert schedule.opens_at >= time(15, 0) and re.search(r"\d(am|pm)|next morning", schedule.description)
        venues = [sal.location.name for sal in service.locations]
        assert venues and not any(re.search(r"Community|Hall|Centre|Church|Hub", v) for v in venues), venues


def test_a_town_in_a_name_is_where_the_service_is(demo_services):
    """'Chelmsford Otters' swim in the Chelmsford district, not in Braintree. A name naming
    several places ('Castle Point and Rochford Parent Carers') may meet in any of them."""
    towns = {place.name: place for place in all_places("town")}
    districts = {place.district for place in towns.values()}
    checked = 0
    for service in demo_services:
        venues = [sal.location for sal in service.locations]
        for name in (service.name, service.organisation.name):
            named = [p for t, p in towns.items() if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", name)]
            if not named or not venues:
                continue
            checked += 1
            allowed = {p.district for p in named} | {d for d in districts if d in name}
            wrong = [v.town for v in venues if v.town not in {p.name for p in named} and v.district not in allowed]
            assert not wrong, (name, wrong)
    assert checked >= 200


# --- places and contact details -----------------------------------------------------------

def test_venues_are_in_real_essex_towns_near_their_centre(loaded):
    for location in db.session.scalars(select(Location)):
        town = lookup_place(location.town)
        assert town is not None and town.kind == "town", location.town
        assert (location.district, location.quadrant) == (town.district, town.quadrant)
        assert distance_miles(location.latitude, location.longitude, town.latitude, town.longitude) < 1.5
        outward = location.postcode.split()[0]
        assert lookup_place(outward) is not None, location.postcode


def test_contact_details_are_fictitious(demo_services):
    phone = re.compile(r"^(01\d{3} 0\d{5}|07700 900\d{3})$")
    for s in demo_services:
        if s.organisation.name == "Essex SENDIASS":
            continue  # uses the real helpline the site shows (config SENDIASS_PHONE)
        emails = [s.email, s.organisation.email] + [c.email for c in s.contacts]
        assert all(e.endswith(".example.org.uk") for e in emails if e), s.name
        phones = [s.phone, s.organisation.phone] + [c.phone for c in s.contacts]
        assert all(phone.match(p) for p in phones if p), s.name
        assert s.url is None or ".example.org.uk" in s.url


# --- the words, checked without a database -------------------------------------------------

def test_every_template_fills_and_every_slug_is_real():
    ctx = dict.fromkeys(("town", "district", "area", "org", "org_short", "ages", "min_age", "max_age", "venue",
                         "address", "postcode", "when", "phone", "price", "day", "time"), "x")
    for kind in KINDS.values():
        assert set(kind.categories) <= set(CATEGORIES) and set(kind.needs) <= set(NEEDS), kind.key
        assert set(kind.delivery + kind.extra_delivery) <= set(DELIVERY), kind.key
        assert set(kind.service_features) <= set(ACCESSIBILITY) and set(kind.access) <= set(ACCESS_ROUTES)
        assert set(kind.answers) <= set(LOCAL_OFFER_QUESTIONS) and kind.sector in GENERIC_ANSWERS
        assert kind.venue is None or kind.venue in VENUE_TYPES
        assert AGE_MIN <= kind.ages[0] <= kind.ages[1] <= AGE_MAX
        texts = (kind.names + kind.summaries + kind.openings + kind.details + kind.how + kind.eligibility
                 + kind.fees + tuple(a for answers in kind.answers.values() for a in answers))
        for text in texts:
            text.format_map(ctx)
            assert {f for _, f, _, _ in string.Formatter().parse(text) if f} <= set(ctx), text
    for voice in VOICES.values():
        for text in (t for texts in voice.values() for t in texts):
            text.format_map(ctx)
    for answers in GENERIC_ANSWERS.values():
        assert set(answers) == set(LOCAL_OFFER_QUESTIONS)


def test_every_provider_offers_known_kinds_in_known_towns():
    towns = set(all_towns())
    for provider in PROVIDERS:
        assert provider.voice in VOICES and provider.town in towns, provider.key
        for offer in provider.offers:
            assert offer.kind in KINDS and set(offer.towns) <= towns and set(offer.quadrants) <= set(QUADRANTS)


def test_school_holidays_follow_the_usual_pattern():
    assert easter_sunday(2027) == date(2027, 3, 28)
    names = [h.name for h in school_holidays(2027)]
    assert names[0] == "February half term" and "summer holidays" in names
    for today in (date(2027, 1, 10), date(2027, 7, 30), date(2027, 12, 30)):
        coming = upcoming_holidays(today, 2)
        assert len(coming) == 2 and coming[0].start > today and coming[0].end < coming[1].start


def test_holiday_sessions_skip_weekends_and_bank_holidays():
    summer = next(h for h in school_holidays(2027) if h.name == "summer holidays")
    days = summer.weekdays()
    assert days and all(d.weekday() < 5 for d in days)
    assert date(2027, 8, 30) not in days  # the August bank holiday


def test_after_a_bulk_load_postgresql_plans_with_fresh_statistics(app):
    """Reading a results page's 20 listings by id used whole-table scans at 50,000 services
    until autovacuum caught up with the load."""
    from tests.conftest import on_postgres

    if not on_postgres():
        pytest.skip("planner statistics are PostgreSQL's")
    from sqlalchemy import text

    from localoffer.data.services import refresh_statistics
    from localoffer.extensions import db

    started = db.session.execute(text("SELECT clock_timestamp()")).scalar()
    load_synthetic(db.session, 5)
    refresh_statistics()
    analysed = db.session.execute(text(
        "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'service_area'")).scalar()
    assert analysed is not None and analysed >= started
