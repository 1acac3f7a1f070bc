"""Words for the moderation pages: decisions, automatic-check suggestions and why a decision
cannot be made."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

DECISION_LABELS = {
    "publish": _l("Published"),
    "publish-redacted": _l("Published with words removed"),
    "refuse": _l("Not published"),
    "propose-refusal": _l("Proposed not publishing it"),
    "agree-refusal": _l("Agreed not to publish it"),
    "disagree-refusal": _l("Disagreed: sent to the joint panel"),
    "safeguarding": _l("Passed to the safeguarding team"),
    "hide": _l("Hidden after flags"),
    "restore": _l("Put back on the wall"),
    "remove": _l("Taken off the wall"),
    "resolve-dispute": _l("Joint panel decision recorded"),
    "unanswered": _l("Not answered in time: sent to the joint panel"),
}

# The automatic checks only suggest; `match` is what they found.
HINT_LABELS = {
    "phone": _l("Possible phone number: %(match)s"),
    "email": _l("Possible email address: %(match)s"),
    "name": _l("Possible name: %(match)s"),
    "school": _l("Possible school or setting name: %(match)s"),
    "safeguarding": _l("Possible safeguarding concern, for example: %(match)s"),
    "profanity": _l("Possible offensive word: %(match)s"),
    "duplicate": _l("Similar to post %(post_id)s already on the wall: %(match)s"),
}
OTHER_HINT = _l("Something to check: %(match)s")

MARKER_LABELS = {
    "name": _l("[name]"),
    "school": _l("[school]"),
    "place": _l("[place]"),
    "contact": _l("[contact details]"),
    "removed": _l("[removed]"),
}

CANNOT = {
    "stale": (_l("This post was already dealt with"),
              _l("Someone else decided on this post after you opened it, so your decision was not saved. "
                 "Check what happened before doing anything else.")),
    "own-entry": (_l("You cannot decide on a post you entered"),
                  _l("You typed this post in for a family, so another moderator must decide on it.")),
    "same-party": (_l("The other organisation must answer this"),
                   _l("Your organisation proposed not publishing this post. A moderator from the other "
                      "organisation must agree or disagree.")),
    "no-party": (_l("You cannot moderate the wall"),
                 _l("Your role does not act for the council or the Forum.")),
}
CANNOT_STATUS = {"stale": 409, "own-entry": 403, "same-party": 403, "no-party": 403}


def hint_text(hint: dict) -> str:
    template = HINT_LABELS.get(hint.get("kind"), OTHER_HINT)
    return str(template) % {"match": hint.get("match", ""), "post_id": hint.get("post_id", "?")}
