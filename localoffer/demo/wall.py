"""Demo graffiti wall: prompts and about 25 made-up comments from Essex families over the last
ten months, in every moderation state, decided by the demo council and Forum moderators through
the real moderation functions (so states, decision history and audit rows agree).

Nothing here is a real family's words; names of schools and people are invented. Flushes only:
the caller commits."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select

from ..data import wall_moderation as wm
from ..data.accounts import get_user_by_email
from ..extensions import db
from ..models import User, WallDecision, WallPost
from ..models.base import utcnow
from .staff import demo_email

log = logging.getLogger(__name__)

PROMPTS = (
    ("What would make finding help for your child easier?", True),
    ("What is one thing that has made a real difference to your family?", True),
    ("What do you wish you had known when your child was first diagnosed?", False),
)


@dataclass
class Demo:
    text: str
    days_ago: int
    quadrant: str | None
    theme: str | None
    outcome: str  # what the moderators did, see _decide
    themes: tuple[str, ...] = ()
    me_too: int = 0
    channel: str = "online"
    group: str = ""
    reg56: str | None = None
    redactions: tuple[tuple[str, str], ...] = ()
    extra: dict = field(default_factory=dict)


POSTS = (
    Demo("Waiting over a year for an EHC needs assessment is far too long. Families need updates while they wait, "
         "not silence.", 290, "mid", "ehc-plans", "publish", ("ehc-plans", "listening"), 14, reg56="content"),
    Demo("The short breaks club in the holidays was brilliant. My son came home happy every day.", 280, "north-east",
         "social-care", "publish", ("social-care",), 6, "group", "Colchester parent carers coffee morning", "content"),
    Demo("Please put the Local Offer information in easy read. I struggle with long pages.", 270, "south",
         "information", "publish", ("information",), 9, reg56="accessibility"),
    Demo("Speech and language therapy stopped when my daughter moved to secondary school and nobody told us why.",
         255, "west", "health", "publish", ("health", "education"), 11, reg56="content"),
    Demo("Transport to college was only sorted two days before term started. The stress was awful.", 240, "mid",
         "travel", "publish", ("travel", "adulthood"), 7, "event", "Chelmsford preparing for adulthood fair"),
    Demo("Oakwood Primary has been fantastic since the new SENCo started. The school listens now.", 230, "south",
         "education", "redact", ("education",), 3, redactions=(("Oakwood Primary", "school"),), reg56="content"),
    Demo("Having one named person to contact made all the difference. Mrs Fenwick at Harlow Hub always rang back.",
         210, "west", "listening", "redact", ("listening",), 5,
         redactions=(("Mrs Fenwick", "name"), ("Harlow Hub", "place"))),
    Demo("There is nothing for teenagers with autism in the evenings near us. Youth clubs are too loud.", 200,
         "north-east", "social-care", "publish", ("social-care", "wellbeing"), 12, "paper",
         "Clacton family drop-in"),
    Demo("Mental health support for children is impossible to get unless they are in crisis.", 190, "mid",
         "mental-health", "publish", ("mental-health",), 18, reg56="content"),
    Demo("The new search on the Local Offer is much easier to use on my phone.", 160, "south", "information",
         "publish", ("information",), 2, reg56="accessibility"),
    Demo("Parents should help design the surveys. Some questions do not make sense for families like ours.", 150,
         "west", "listening", "publish", ("listening",), 4, "group", "Epping Forest SEND parents group",
         reg56="development"),
    Demo("Mental health help for kids only comes when things are already a crisis.", 140, "mid", "mental-health",
         "duplicate"),
    Demo("My son's annual review was cancelled three times and now his plan is out of date. I need someone to sort "
         "out his case.", 120, "north-east", "ehc-plans", "individual-case"),
    Demo("The council never listens and everyone who works there is useless.", 100, "south", "listening",
         "dispute"),
    Demo("Can someone tell me the bin collection days for my road?", 80, "west", None, "proposed"),
    Demo("Respite weekends have been cut and carers are exhausted. We need more short breaks, not fewer.", 70, "mid",
         "social-care", "publish", ("social-care", "wellbeing"), 9, "phone", "Family champion phone line"),
    Demo("Things at home are very hard and I am worried about my child's safety.", 60, "north-east", "wellbeing",
         "safeguarding"),
    Demo("Preparing for adulthood meetings should start at 14, not 17. We felt rushed.", 50, "south", "adulthood",
         "publish", ("adulthood",), 5, reg56="content"),
    Demo("The staff at the sensory swim session were rude to us and made us leave early.", 40, "mid", "other",
         "hidden", ("other",)),
    Demo("I posted too quickly and would like to take this back.", 35, "west", "other", "withdrawn"),
    Demo("Physiotherapy appointments are only offered in school hours, so working parents cannot attend.", 25,
         "north-east", "health", "publish", ("health",), 3, "event", "Harwich summer fun day"),
    Demo("Information about personal budgets is confusing. A simple example would help.", 20, "south",
         "information", "publish", ("information", "social-care"), 1, reg56="accessibility"),
    Demo("Please add more holiday clubs that can take children who need one-to-one support.", 12, "west",
         "social-care", "awaiting"),
    Demo("I would like someone to ring me about dyslexia support at college, my number is 01632 960123.", 4, "mid",
         "education", "awaiting", channel="phone", group="Family champion phone line"),
    Demo("The waiting room at the child development centre is too noisy for autistic children.", 2, "north-east",
         "health", "awaiting"),
)


def _submit(item: Demo, champion: User | None) -> WallPost:
    entered_by = champion if item.channel != "online" else None
    try:
        from ..data.wall import submit_post
    except ImportError:  # the public wall's data layer is optional for the demo
        post = WallPost(text=item.text, quadrant=item.quadrant, contributor_theme=item.theme, themes=[],
                        consent=True, channel=item.channel, group_name=item.group, check_hints=[],
                        entered_by_id=entered_by.id if entered_by else None, status="awaiting-review")
        db.session.add(post)
        db.session.flush()
    else:
        post, _token = submit_post(item.text, quadrant=item.quadrant, theme=item.theme,
                                   reg56_category=item.reg56, channel=item.channel, entered_by=entered_by,
                                   group_name=item.group)
    post.submitted_at = post.updated_at = utcnow() - timedelta(days=item.days_ago, hours=3)
    return post


def _backdate(post: WallPost, days_after: int) -> None:
    """Decisions happen a few days after the comment arrives, not all on loading day."""
    when = post.submitted_at + timedelta(days=days_after)
    for n, decision in enumerate(db.session.scalars(select(WallDecision).where(WallDecision.post_id == post.id)
                                                    .order_by(WallDecision.id))):
        decision.created_at = when + timedelta(days=2 * n)
    for name in ("decided_at", "published_at", "updated_at"):
        if getattr(post, name) is not None:
            setattr(post, name, when)


def _decide(post: WallPost, item: Demo, council: User, forum: User, published: list[WallPost]) -> None:
    def seen() -> str:
        return wm.state_of(post)

    outcome = item.outcome
    if outcome in ("publish", "redact", "hidden", "withdrawn"):
        wm.publish(post, forum if len(published) % 2 else council, seen=seen(), themes=list(item.themes or ("other",)),
                   reg56_category=item.reg56, redactions=list(item.redactions))
        post.me_too_count = item.me_too
        published.append(post)
    elif outcome == "duplicate":
        target = next(p for p in published if "Mental health support" in p.text)
        wm.refuse(post, forum, seen=seen(), reason="duplicate", duplicate_of=target)
    elif outcome == "individual-case":
        wm.refuse(post, council, seen=seen(), reason="individual-case", note="About one child's review")
        wm.review_refusal(post, forum, seen=seen(), agree=True)
    elif outcome == "dispute":
        wm.refuse(post, forum, seen=seen(), reason="vexatious", note="Insulting to staff")
        wm.review_refusal(post, council, seen=seen(), agree=False, note="Strong criticism, but about the service")
    elif outcome == "proposed":
        wm.refuse(post, council, seen=seen(), reason="off-topic", note="Waste collection, not SEND")
    elif outcome == "safeguarding":
        wm.escalate(post, council, seen=seen(), note="Possible risk at home")
    _backdate(post, 3)
    if outcome == "hidden":
        _flag_three_times(post)
    elif outcome == "withdrawn":
        try:
            from ..data.wall import withdraw
        except ImportError:
            post.status, post.published_text = "withdrawn", None
        else:
            withdraw(post)
        post.updated_at = utcnow() - timedelta(days=30)


def _flag_three_times(post: WallPost) -> None:
    """Three browsers flag it on the public wall, which hides it for moderators to check."""
    try:
        from ..data.wall import flag_post
    except ImportError:
        post.status, post.flag_count = "hidden", 3
    else:
        for n in range(3):
            flag_post(post, hashlib.sha256(f"demo-browser-{n}".encode()).hexdigest(), "offensive", threshold=3)
    post.updated_at = utcnow() - timedelta(days=5)


def load_demo_wall() -> None:
    """Does nothing if there is any wall post, or if the demo moderators do not exist yet."""
    if db.session.scalar(select(func.count()).select_from(WallPost)):
        return
    council = get_user_by_email(demo_email("council_moderator"))
    forum = get_user_by_email(demo_email("forum_moderator"))
    champion = get_user_by_email(demo_email("champion"))
    if council is None or forum is None:
        log.warning("Demo wall skipped: load the demo accounts first")
        return
    for text, active in PROMPTS:
        wm.add_prompt(text, council, active=active)
    published: list[WallPost] = []
    for item in POSTS:
        post = _submit(item, champion)
        if item.outcome != "awaiting":
            _decide(post, item, council, forum, published)
    db.session.flush()
