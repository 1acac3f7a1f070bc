"""Words for family voice: themes, reg 56 categories, channels, moderation outcomes and the
public statuses of "you said, we did". Slugs are stored and used in URLs: never rename one."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .i18n import N_, stored_text

# The shared theme list (research §6.3): wall posts, survey questions and "you said, we did"
# records all use it, so a theme's evidence can be gathered from every source.
THEMES: dict[str, str] = {
    "early-help": _l("Getting help early"),
    "ehc-plans": _l("EHC assessments and plans"),
    "education": _l("Support in early years, school or college"),
    "health": _l("Health and therapies"),
    "mental-health": _l("Mental health"),
    "social-care": _l("Social care and short breaks"),
    "adulthood": _l("Preparing for adulthood"),
    "travel": _l("Travel"),
    "information": _l("Information, advice and the Local Offer website"),
    "listening": _l("Being listened to and working together"),
    "complaints": _l("Complaints and disagreements"),
    "wellbeing": _l("Family wellbeing"),
    "other": _l("Something else"),
}

# SEND Regulations 2014 reg 56(1): what the council must ask families about.
REG56_CATEGORIES: dict[str, str] = {
    "content": _l("What help there is, how good it is, or what is missing"),
    "accessibility": _l("How easy it is to find and understand the information"),
    "development": _l("How the Local Offer is put together and how families are involved"),
    "other": _l("Something else"),
}

# How a comment or survey answer reached us. 'online' means the family used the website
# themselves; the others are entered by a family champion on the family's behalf.
CHANNELS: dict[str, str] = {
    "online": _l("Online, by the family"),
    "event": _l("At an event"),
    "group": _l("At a family group"),
    "phone": _l("By phone"),
    "paper": _l("On paper"),
}
ASSISTED_CHANNELS = ("event", "group", "phone", "paper")

# The two organisations that moderate and sign off together.
PARTIES: dict[str, str] = {
    "council": _l("Essex County Council"),
    "forum": _l("Essex Family Forum"),
}
# Which party a staff role acts for. Roles not listed act for neither.
ROLE_PARTY = {"council_moderator": "council", "admin": "council", "forum_moderator": "forum"}


def party_of(role: str | None) -> str | None:
    return ROLE_PARTY.get(role or "")


def other_party(party: str) -> str:
    return "forum" if party == "council" else "council"


# Wall post lifecycle (research §6.5).
WALL_STATUSES: dict[str, str] = {
    "awaiting-review": _l("Waiting to be checked"),
    "published": _l("Published"),
    # A refusal on judgement grounds waits for the other organisation to agree.
    "refusal-proposed": _l("Waiting for the other organisation to agree it should not be published"),
    "not-published": _l("Not published"),
    "disputed": _l("Disputed: the council and the Forum disagree"),
    "safeguarding": _l("Passed to the safeguarding team"),
    "hidden": _l("Hidden while we check it"),
    "withdrawn": _l("Withdrawn by the person who wrote it"),
    # After the public-record period (data/retention.py): kept as a count, without its words.
    "archived": _l("Archived: after three years only the count is kept"),
}
PUBLIC_WALL_STATUSES = ("published",)

# Why a post is not published. Clear-cut reasons may be decided by either organisation alone;
# judgement reasons need the other organisation's moderator to agree.
REFUSAL_REASONS: dict[str, str] = {
    "identifies-someone": _l("It could identify someone"),
    "individual-case": _l("It is about one child's or family's case"),
    "vexatious": _l("It is vexatious"),
    "abusive": _l("It is abusive or offensive"),
    "spam": _l("It is spam or advertising"),
    "off-topic": _l("It is not about help for children and young people with SEND"),
    "duplicate": _l("It says the same as a post already on the wall"),
}
CLEAR_CUT_REASONS = ("identifies-someone", "spam", "duplicate")
JUDGEMENT_REASONS = ("individual-case", "vexatious", "abusive", "off-topic")

# What a member of the public can flag a published post for.
FLAG_REASONS: dict[str, str] = {
    "identifies-someone": _l("It could identify someone"),
    "offensive": _l("It is offensive"),
    "spam": _l("It is spam or advertising"),
    "other": _l("Something else is wrong with it"),
}

# "You said, we did" public statuses (research §2.2). 'overdue' is never stored: it is shown
# when the target date has passed and the record is not finished.
YSWD_STATUSES: dict[str, str] = {
    "looking-into-it": _l("We're looking into it"),
    "working-on-it": _l("We're working on it"),
    "done": _l("Done"),
    "partly-done": _l("Partly done"),
    "cant-do": _l("We can't do this"),
    "passed-to-partner": _l("Passed to a partner"),
}
YSWD_FINISHED = ("done", "partly-done", "cant-do", "passed-to-partner")

FORUM_VIEWS: dict[str, str] = {
    "agreed": _l("The Forum agrees"),
    "partly-agreed": _l("The Forum partly agrees"),
    "disagrees": _l("The Forum disagrees"),
}

# Survey question types.
QUESTION_KINDS: dict[str, str] = {
    "single": _l("Choose one"),
    "multiple": _l("Choose all that apply"),
    "agreement": _l("How much do you agree (5 points)"),
    "better-same-worse": _l("Better, the same or worse"),
    "text": _l("Free text"),
    "quadrant": _l("Part of Essex"),
}
AGREEMENT_SCALE: dict[str, str] = {
    "strongly-agree": _l("Strongly agree"),
    "agree": _l("Agree"),
    "neither": _l("Neither agree nor disagree"),
    "disagree": _l("Disagree"),
    "strongly-disagree": _l("Strongly disagree"),
    "not-applicable": _l("Does not apply to me or I don't know"),
}
BETTER_SAME_WORSE: dict[str, str] = {
    "better": _l("Better"),
    "same": _l("About the same"),
    "worse": _l("Worse"),
    "not-applicable": _l("Does not apply to me or I don't know"),
}
# Answers left out of percentages (research §5.2).
NOT_APPLICABLE = "not-applicable"
NOT_SURE_QUADRANT = "not-sure"

# Any published or exported cell with fewer responses than this is suppressed (reg 56(3)).
SUPPRESSION_THRESHOLD = 5

# The Family Impact Survey's name: each wave is called this with its wave ("2026").
SURVEY_TITLE = N_("Family Impact Survey %(wave)s")


def survey_title(survey) -> str:
    """A wave's title in the reader's language: a Survey, or a dict with "title" and "wave"
    (frozen report figures). A title staff changed is shown as they wrote it."""
    from flask_babel import gettext

    title, wave = (survey.get("title"), survey.get("wave")) if isinstance(survey, dict) else (survey.title, survey.wave)
    if wave and title == SURVEY_TITLE % {"wave": wave}:
        return gettext(SURVEY_TITLE, wave=wave)
    return stored_text(title)
