"""Words for the staff pages: record states, part names, and what differs between versions."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

STATE_LABELS = {
    "draft": _l("Draft"),
    "waiting-council": _l("Waiting for the council to sign"),
    "waiting-forum": _l("Waiting for the Forum to sign"),
    "published": _l("Published"),
    "published-with-draft": _l("Published, with a newer draft"),
}

FIELD_LABELS = {
    "title": _l("Title"),
    "you_said": _l("You said"),
    "forum_view": _l("The Forum's view"),
    "forum_view_comment": _l("The Forum's comment"),
    "we_will": _l("We will"),
    "target_date": _l("Target date"),
    "responsible_service": _l("Responsible team"),
    "status": _l("Status"),
    "status_reason": _l("Reason or partner"),
    "progress": _l("We did"),
    "themes": _l("Themes"),
    "quadrants": _l("Parts of Essex"),
    "reg56_category": _l("What it is about"),
    "survey_evidence": _l("Survey evidence"),
    "champion_reports": _l("Champion and group reports"),
    "wall_post_ids": _l("Wall posts"),
}

# Edit pages, one part each, and which organisation owns the part (None: either).
PARTS = {
    "about": (_l("Title, themes and places"), None),
    "you-said": (_l("You said"), "forum"),
    "forum-view": (_l("The Forum's view"), "forum"),
    "we-will": (_l("We will"), "council"),
    "status": (_l("Status"), "council"),
}


def differences(older, newer) -> list[str]:
    """Labels of the parts that differ between two versions (the published one and the latest)."""
    return [str(label) for field, label in FIELD_LABELS.items() if getattr(older, field) != getattr(newer, field)]
