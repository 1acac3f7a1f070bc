"""Roles (CONTRACT §4) and what each may do. The README's permission matrix is this table;
tests/staff/test_permissions.py checks the two agree and that every /staff view names one."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

ROLE_LABELS = {
    "champion": _l("Family champion"),
    "provider": _l("Provider"),
    "council_moderator": _l("Council moderator"),
    "forum_moderator": _l("Family Forum moderator"),
    "admin": _l("Administrator"),
}

# Roles that see other people's data or change what families see: these need two-factor
# sign-in in production (providers and champions may turn it on; see README, "Security").
STAFF_ROLES = ("council_moderator", "forum_moderator", "admin")

_EVERYONE = frozenset(ROLE_LABELS)
_MODERATORS = frozenset({"council_moderator", "admin"})
# The council and the Essex Family Forum moderate family voice together.
_VOICE_MODERATORS = frozenset({"council_moderator", "forum_moderator", "admin"})

PERMISSIONS: dict[str, frozenset[str]] = {
    # Staff home, own password and two-factor settings.
    "account": _EVERYONE,
    # Propose new services and changes to the organisation's own services.
    "listings.propose": frozenset({"provider"}),
    # Approve or reject proposals (providers' and imports'), edit any listing, lifecycle,
    # history, review queue.
    "listings.moderate": _MODERATORS,
    # Track "report a problem" items.
    "reports.triage": _MODERATORS,
    # Invite users, change roles, disable accounts, end sessions.
    "users.manage": frozenset({"admin"}),
    # Read and export the audit log.
    "audit.view": frozenset({"admin"}),
    # Download the whole published directory (CSV, ORUK JSON data package). It is public data
    # (the open data API serves it too), so the Forum may use it for its own work on gaps.
    "data.export": _VOICE_MODERATORS,
    # Family voice (issue 4). Champions enter wall posts and survey answers for families who
    # are not online, and see only their own entries.
    "feedback.enter": frozenset({"champion"}),
    # Moderate the wall with the other organisation; set wall prompts.
    "wall.moderate": _VOICE_MODERATORS,
    # The restricted safeguarding queue: the council holds the safeguarding duty.
    "safeguarding.view": _MODERATORS,
    # Survey waves, results by quadrant and channel, CSV export, coding free text to themes.
    "survey.analyse": _VOICE_MODERATORS,
    # Draft and edit "you said, we did" records and the annual report (who may change which
    # part depends on the organisation: the Forum owns "you said" and its own view).
    "yswd.edit": _VOICE_MODERATORS,
    # Sign a version for publication, for the signer's organisation.
    "yswd.sign": frozenset({"council_moderator", "forum_moderator"}),
    # Insight on gaps for joint commissioning (issue 9): aggregated figures only, small numbers
    # suppressed. The council and the Forum commission together (SEND Code of Practice 3.17),
    # so both see it; providers and champions do not (it compares providers' listings).
    "insight.view": _VOICE_MODERATORS,
}

PERMISSION_LABELS = {
    "account": _l("Use the staff area: own password and two-factor sign-in"),
    "listings.propose": _l("Propose new listings and changes to their organisation's listings"),
    "listings.moderate": _l("Approve changes, edit any listing, archive, review, see history"),
    "reports.triage": _l("Track problems families report with listings"),
    "users.manage": _l("Invite users, change roles, disable accounts, end sessions"),
    "audit.view": _l("Read and export the audit log"),
    "data.export": _l("Download the published directory as a spreadsheet or an Open Referral UK data package"),
    "feedback.enter": _l("Enter wall posts and survey answers for families who are not online"),
    "wall.moderate": _l("Moderate graffiti wall posts with the other organisation; set prompts"),
    "safeguarding.view": _l("See posts escalated to safeguarding"),
    "survey.analyse": _l("Run survey waves, see and export results, code free-text answers"),
    "yswd.edit": _l("Draft and update \"you said, we did\" records and the annual report"),
    "yswd.sign": _l("Sign \"you said, we did\" records and the annual report for publication"),
    "insight.view": _l("See where services are missing or thin, unmet searches and family voice by area; export the figures"),
}


def can(role: str | None, permission: str) -> bool:
    return role is not None and role in PERMISSIONS[permission]
