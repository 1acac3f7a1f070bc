"""Controlled vocabularies. Slugs are part of the public contract (CONTRACT §4): URLs, the API
and the data use them, so never rename a slug; labels are what families read."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

NEEDS: dict[str, str] = {
    "autism": _l("Autism"),
    "adhd": _l("ADHD"),
    "slcn": _l("Speech, language and communication"),
    "semh": _l("Social, emotional and mental health"),
    "mld": _l("Moderate learning difficulties"),
    "sld": _l("Severe learning difficulties"),
    "pmld": _l("Profound and multiple learning difficulties"),
    "spld": _l("Specific learning difficulties, like dyslexia"),
    "vi": _l("Vision impairment"),
    "hi": _l("Hearing impairment"),
    "msi": _l("Multi-sensory impairment"),
    "pd": _l("Physical disability"),
    "medical": _l("Medical or health conditions"),
}

QUADRANTS: dict[str, str] = {
    "north-east": _l("North East Essex"),
    "mid": _l("Mid Essex"),
    "south": _l("South Essex"),
    "west": _l("West Essex"),
}
# The districts in each quadrant, as Essex County Council groups them.
QUADRANT_DISTRICTS: dict[str, tuple[str, ...]] = {
    "north-east": ("Colchester", "Tendring"),
    "mid": ("Braintree", "Chelmsford", "Maldon"),
    "south": ("Basildon", "Brentwood", "Castle Point", "Rochford"),
    "west": ("Epping Forest", "Harlow", "Uttlesford"),
}
COUNTYWIDE = "countywide"

DELIVERY: dict[str, str] = {
    "in-person": _l("In person"),
    "online": _l("Online"),
    "telephone": _l("By telephone"),
    "home-visit": _l("Home visits"),
}

COST: dict[str, str] = {"free": _l("Free")}

DAYS: dict[str, str] = {
    "mon": _l("Monday"),
    "tue": _l("Tuesday"),
    "wed": _l("Wednesday"),
    "thu": _l("Thursday"),
    "fri": _l("Friday"),
    "sat": _l("Saturday"),
    "sun": _l("Sunday"),
}
# iCalendar BYDAY codes (used by HSDS schedules) to our day slugs, and back.
BYDAY_TO_DAY = {"MO": "mon", "TU": "tue", "WE": "wed", "TH": "thu", "FR": "fri", "SA": "sat", "SU": "sun"}
DAY_TO_BYDAY = {v: k for k, v in BYDAY_TO_DAY.items()}

CATEGORIES: dict[str, str] = {
    "education": _l("Education and early years"),
    "health": _l("Health and therapies"),
    "mental-health": _l("Mental health and wellbeing"),
    "social-care": _l("Social care and short breaks"),
    "leisure": _l("Leisure, clubs and holiday activities"),
    "adulthood": _l("Preparing for adulthood and post-16"),
    "travel": _l("Travel and transport"),
    "advice": _l("Information, advice and support"),
    "disagreements": _l("Complaints and disagreement resolution"),
}

ACCESS_ROUTES: dict[str, str] = {
    "self-referral": _l("You can refer yourself"),
    "referral": _l("A referral is needed"),
    "ehcp": _l("An education, health and care (EHC) plan is needed"),
    "diagnosis": _l("A diagnosis is needed"),
}

STATUSES: dict[str, str] = {
    "active": _l("Open"),
    "temporarily-closed": _l("Temporarily closed"),
    "inactive": _l("Closed"),
    # Taken out of the directory by staff; kept with its history so it can be restored.
    "archived": _l("Archived"),
}
# Findable in search: open services and those only temporarily closed (shown with a banner).
FINDABLE_STATUSES = ("active", "temporarily-closed")

TERMS: dict[str, str] = {
    "all-year": _l("All year"),
    "term-time": _l("Term time only"),
    "holidays": _l("School holidays only"),
}

ACCESSIBILITY: dict[str, str] = {
    "step-free": _l("Step-free access"),
    "accessible-toilet": _l("Accessible toilet"),
    "changing-places": _l("Changing Places toilet"),
    "hearing-loop": _l("Hearing loop"),
    "quiet-space": _l("Quiet space"),
    "sensory-friendly": _l("Sensory-friendly sessions"),
    "parking": _l("Disabled parking"),
    "bsl": _l("British Sign Language users welcome"),
    "visual-timetable": _l("Visual timetables or social stories"),
}

# The standard Local Offer questions (SEND Code of Practice 4.30, as Outpost/Scout ask them).
LOCAL_OFFER_QUESTIONS: dict[str, str] = {
    "identify": _l("How does the service identify and support children and young people with SEND?"),
    "involve": _l("How are children, young people and their families involved?"),
    "staff": _l("What training and experience do staff have?"),
    "environment": _l("How accessible is the service and its setting?"),
    "transitions": _l("How are moves between settings or into adulthood supported?"),
    "outcomes": _l("How will I know it is helping?"),
    "contact": _l("Who can I talk to if I have a concern?"),
}

AGE_MIN, AGE_MAX = 0, 25
