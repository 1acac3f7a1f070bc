"""Demo "you said, we did" records in every state, and a published annual report, made through
the data layer exactly as staff would (so every rule about versions and signatures holds).
Loaded after the demo wall and survey, so records can link their published posts and results."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from ..data import annual_report, yswd
from ..data.accounts import get_user_by_email
from ..extensions import db
from ..models import User, WallPost, YouSaidWeDid
from ..models.base import utcnow
from .staff import demo_email

# (title, you said, themes, quadrants, survey question code or None)
RECORDS = {
    "therapy": ("Waiting times for speech and language therapy",
                "Families told us they wait many months for speech and language therapy, and hear nothing "
                "while they wait.", ["health"], ["mid", "south"], "listened-1"),
    "website": ("Finding information on the Local Offer website",
                "Families said the old website was hard to search and information was out of date.",
                ["information"], ["north-east", "mid", "south", "west"], "website-1"),
    "transport": ("Free transport for students over 16",
                  "Families asked for free transport to college for every young person with SEND.",
                  ["travel", "adulthood"], ["north-east", "west"], None),
    "breaks": ("Short breaks in the school holidays",
               "Parents said there are not enough short breaks places in the summer holidays.",
               ["social-care"], ["west"], "breaks-1"),
    "reviews": ("EHC plan annual reviews on time",
                "Families said annual reviews of EHC plans are often late and paperwork arrives after the meeting.",
                ["ehc-plans"], ["mid"], None),
    "mental-health": ("Waiting times for children's mental health support",
                      "Families said children wait too long for mental health support.",
                      ["mental-health"], ["south"], "contact-1"),
    "adulthood": ("Help for young people moving to adult services",
                  "Young people said they did not know what happens when they turn 18.",
                  ["adulthood"], ["north-east"], None),
    "listening": ("Being listened to in school meetings",
                  "Parents said they do not feel listened to in meetings about their child's support.",
                  ["listening", "education"], ["mid", "west"], "listened-1"),
}


def _start(key: str, forum: User, council: User) -> YouSaidWeDid:
    title, you_said, themes, quadrants, code = RECORDS[key]
    record = yswd.start_record(forum, title, you_said)
    yswd.edit(record, forum, {"themes": themes, "quadrants": quadrants, "reg56_category": "content"},
              "Themes and places added")
    survey = _survey()
    if code and survey is not None and any(q.code == code for q in survey.questions):
        yswd.add_survey_evidence(record, council, survey.id, code)
    if key != "adulthood":
        _link_posts(record, council)
    return record


def _respond(record, council, *, we_will, status, days, team, reason="", progress=()):
    today = date.today()
    yswd.edit(record, council, {
        "we_will": we_will, "status": status, "status_reason": reason, "responsible_service": team,
        "target_date": today + timedelta(days=days),
        "progress": [{"date": (today - timedelta(days=ago)).isoformat(), "text": text, "link": "",
                      "percent": percent} for ago, text, percent in progress]}, "Council response")


def _publish(record, forum, council) -> None:
    number = yswd.latest(record).number
    yswd.sign(record, council, number)
    yswd.sign(record, forum, number)


def _survey():
    waves = [s for s in yswd.surveys_with_results() if s.series == "family-impact"]
    return waves[-1] if waves else None


def _link_posts(record: YouSaidWeDid, user: User, limit: int = 3) -> None:
    """Published demo wall posts sharing a theme with the record, linked before signing so the
    published version carries them (the demo wall keeps no contact addresses, so no emails)."""
    themes = set(yswd.latest(record).themes)
    posts = [p for p in db.session.scalars(select(WallPost).where(WallPost.status == "published")
                                           .order_by(WallPost.id)) if themes & set(p.themes or [])]
    for post in posts[:limit]:
        yswd.link_wall_post(record, post.id, user, linked=True)


def load_demo_yswd() -> None:
    if db.session.scalar(select(func.count()).select_from(YouSaidWeDid)):
        return
    council = get_user_by_email(demo_email("council_moderator"))
    forum = get_user_by_email(demo_email("forum_moderator"))
    if council is None or forum is None:
        return  # the demo accounts load first; without them nobody can sign

    therapy = _start("therapy", forum, council)
    yswd.edit(therapy, council, {"champion_reports": [
        {"group": "Chelmsford parent carer coffee morning", "channel": "group", "families": 14, "quadrant": "mid",
         "summary": "Most families had waited over six months and had no contact while waiting."}]},
        "Champion report added")
    _respond(therapy, council, we_will="Recruit four more speech and language therapists and write to every "
             "family on the waiting list every three months.", status="working-on-it", days=120,
             team="Children's therapies commissioning", progress=[
                 (60, "Two therapists recruited and started work.", 40),
                 (20, "Letters now go to every family on the waiting list.", 60)])
    yswd.edit(therapy, forum, {"forum_view": "agreed", "forum_view_comment": "We will check with families "
                               "whether the letters help."}, "Forum view")
    _publish(therapy, forum, council)

    website = _start("website", forum, council)
    _respond(website, council, we_will="Build a new Local Offer website with families and check every listing "
             "once a year.", status="done", days=-10, team="Local Offer team",
             progress=[(30, "The new website went live.", 100)])
    yswd.edit(website, forum, {"forum_view": "agreed"}, "Forum view")
    _publish(website, forum, council)

    transport = _start("transport", forum, council)
    _respond(transport, council, we_will="Keep the current post-16 transport policy.", status="cant-do", days=0,
             team="Travel Operations", reason="The law does not require free transport after 16 and the budget "
             "cannot cover it. Families on low incomes can still apply for help with costs.")
    yswd.edit(transport, forum, {"forum_view": "disagrees", "forum_view_comment": "Families who live far from "
                                 "college are hit hardest."}, "Forum view")
    _publish(transport, forum, council)

    breaks = _start("breaks", forum, council)
    _respond(breaks, council, we_will="Fund 60 more holiday places next summer.", status="working-on-it",
             days=200, team="Short Breaks team")
    signed = yswd.sign(breaks, council, yswd.latest(breaks).number)
    signed.council_signed_at = utcnow() - timedelta(days=35)  # the Forum has had longer than 28 days
    yswd.publish_alone(breaks, council, signed.number)

    reviews = _start("reviews", forum, council)
    _respond(reviews, council, we_will="Hold every annual review within the legal time limit.",
             status="working-on-it", days=-20, team="SEND Operations",
             progress=[(90, "Four more caseworkers joined the team.", 30)])
    yswd.edit(reviews, forum, {"forum_view": "partly-agreed"}, "Forum view")
    _publish(reviews, forum, council)

    mental = _start("mental-health", forum, council)
    _respond(mental, council, we_will="Ask the NHS to publish waiting times by part of Essex.",
             status="passed-to-partner", days=90, team="Children's commissioning",
             reason="NHS Mid and South Essex Integrated Care Board runs these services. It will reply by the "
                    "end of next term and we will publish its answer here.")
    _publish(mental, forum, council)

    adulthood = _start("adulthood", forum, council)
    _respond(adulthood, council, we_will="Hold a preparing for adulthood event in every part of Essex.",
             status="looking-into-it", days=150, team="Preparing for Adulthood team")
    yswd.sign(adulthood, council, yswd.latest(adulthood).number)  # waiting for the Forum: not public

    listening = _start("listening", forum, council)
    _respond(listening, council, we_will="Train school SENCOs in co-production.", status="working-on-it",
             days=180, team="Inclusion and SEND Support")
    _publish(listening, forum, council)
    yswd.edit(listening, council, {"we_will": "Train school SENCOs in co-production and ask families after "
                                   "every meeting how it went."}, "Added asking families")

    today = date.today()
    report = annual_report.prepare(council, today - timedelta(days=365), today, "What you told us this year")
    annual_report.update_text(report, forum, title=report.title,
                              joint_statement="Essex County Council and the Essex Family Forum thank every family "
                                              "who told us what they think. This report shows what you said and "
                                              "what we did.",
                              involvement="Families chose the survey questions with the Forum, family champions "
                                          "collected views at groups and events, and Forum members checked every "
                                          "response before it was published.")
    annual_report.sign(report, council, annual_report.fingerprint(report))
    annual_report.sign(report, forum, annual_report.fingerprint(report))
    db.session.flush()
