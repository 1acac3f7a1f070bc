"""What each audit action is called on the audit page, in the reader's language. The log and
its CSV export keep the action's name (data.audit.ACTIONS); an action without a label here is
shown by that name."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

ACTION_LABELS = {
    "sign-in": _l("Signed in"),
    "sign-in-failed": _l("Sign-in failed"),
    "sign-out": _l("Signed out"),
    "two-factor-enabled": _l("Two-factor sign-in turned on"),
    "two-factor-reset": _l("Two-factor sign-in reset"),
    "password-changed": _l("Password changed"),
    "password-reset-requested": _l("Password reset asked for"),
    "password-reset": _l("Password reset"),
    "user-created": _l("User created"),
    "user-invited": _l("User invited"),
    "invitation-accepted": _l("Invitation accepted"),
    "role-changed": _l("Role changed"),
    "user-disabled": _l("User disabled"),
    "user-enabled": _l("User enabled"),
    "sessions-ended": _l("Sessions ended"),
    "revision-submitted": _l("Change sent for approval"),
    "revision-withdrawn": _l("Change withdrawn"),
    "revision-approved": _l("Change approved"),
    "revision-rejected": _l("Change rejected"),
    "service-edited": _l("Listing edited"),
    "service-published": _l("Listing published"),
    "service-unpublished": _l("Listing unpublished"),
    "service-status-changed": _l("Listing status changed"),
    "service-archived": _l("Listing archived"),
    "service-dates-changed": _l("Listing dates changed"),
    "service-reviewed": _l("Listing reviewed"),
    "review-reminder-sent": _l("Review reminder sent"),
    "review-escalated": _l("Review escalated"),
    "problem-report-updated": _l("Problem report updated"),
    "export": _l("Export"),
    "import": _l("Import"),
    "retention-run": _l("Retention schedule applied"),
    "wall-post-entered": _l("Wall comment entered for a family"),
    "wall-post-moderated": _l("Wall comment moderated"),
    "wall-prompt-changed": _l("Wall prompt changed"),
    "safeguarding-viewed": _l("Safeguarding post opened"),
    "survey-wave-created": _l("Survey wave created"),
    "survey-status-changed": _l("Survey status changed"),
    "survey-results-published": _l("Survey results published"),
    "survey-response-entered": _l("Survey answers entered for a family"),
    "survey-answer-coded": _l("Survey answer coded"),
    "yswd-created": _l("‘You said, we did’ record created"),
    "yswd-edited": _l("‘You said, we did’ record edited"),
    "yswd-evidence-changed": _l("‘You said, we did’ evidence changed"),
    "yswd-signed": _l("‘You said, we did’ version signed"),
    "yswd-published": _l("‘You said, we did’ version published"),
    "annual-report-prepared": _l("Annual report prepared"),
    "annual-report-signed": _l("Annual report signed"),
    "annual-report-published": _l("Annual report published"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))
