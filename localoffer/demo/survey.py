"""Demo Family Impact Survey: last year's wave (closed, results published, about 150 responses)
and this year's (open, about 40 so far) with the same question codes, so the year-on-year
comparison has something to show. Answers are made up with a seeded random generator, so every
load gives the same numbers; some quadrant groups are small on purpose, so suppression shows."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, select

from ..data.accounts import get_user_by_email
from ..extensions import db
from ..i18n import N_
from ..models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from ..models.base import utcnow
from ..voice_vocab import SURVEY_TITLE
from .staff import demo_email

SERIES = "family-impact"
INTRO = N_("This survey asks how support for children and young people with special educational needs "
         "and disabilities (SEND) in Essex has been for your family over the last year.\n\n"
         "Essex County Council and the Essex Family Forum run it together every year, so we can see "
         "what is getting better and what is not.")


def _options(*pairs: str) -> list[dict]:
    return [{"value": pairs[i], "label": pairs[i + 1]} for i in range(0, len(pairs), 2)]


# (code, kind, text, chart label, extra fields)
QUESTIONS = [
    ("who", "single", N_("Who is answering this survey?"), N_("Who answered"),
     {"required": True, "options": _options("parent-carer", N_("A parent or carer"), "young-person",
                                            N_("A young person aged 16 to 25"), "other", N_("Another family member"))}),
    ("quadrant", "quadrant", N_("Which part of Essex do you live in?"), N_("Part of Essex"),
     {"hint": N_("If you are not sure, choose ‘Not sure’.")}),
    ("age", "single", N_("How old is the child or young person?"), N_("Age of child or young person"),
     {"options": _options("0-4", N_("0 to 4"), "5-10", N_("5 to 10"), "11-15", N_("11 to 15"), "16-18", N_("16 to 18"),
                          "19-25", N_("19 to 25"))}),
    ("support", "single", N_("What support do they have now?"), N_("Support they have"),
     {"options": _options("none", N_("No formal support"), "sen-support", N_("SEN support at school or college"),
                          "assessment", N_("An EHC needs assessment is under way"), "ehcp",
                          N_("An education, health and care (EHC) plan"), "dont-know", N_("I don't know"))}),
    ("info-1", "agreement", N_("I know where to find information about services for my family"),
     N_("Know where to find information"), {"theme": "information"}),
    ("website-1", "agreement", N_("The Local Offer website is easy to use"), N_("Local Offer website easy to use"),
     {"theme": "information"}),
    ("listened-1", "agreement", N_("I feel listened to by the professionals who work with my family"),
     N_("Feel listened to"), {"theme": "listening"}),
    ("contact-1", "agreement", N_("I know who to contact when I have a concern"), N_("Know who to contact"),
     {"theme": "listening"}),
    ("breaks-1", "agreement", N_("I can get short breaks when my family needs them"), N_("Can get short breaks"),
     {"theme": "social-care", "show_if": {"code": "who", "any_of": ["parent-carer"]}}),
    ("change-1", "better-same-worse", N_("Compared with a year ago, support for my family is…"),
     N_("Support compared with a year ago"), {}),
    ("services", "multiple", N_("Which of these have you used in the last year?"), N_("Services used"),
     {"hint": N_("Select all that apply."),
      "options": _options("school", N_("Support from a school, college or nursery"), "therapy",
                          N_("Speech and language, occupational or physiotherapy"), "mental-health",
                          N_("Mental health support"), "short-breaks", N_("Short breaks"), "sendiass",
                          N_("Essex SENDIASS (information, advice and support)"), "forum", N_("Essex Family Forum"))}),
    ("one-thing", "text", N_("What one thing would make the biggest difference to your family?"), N_("The one thing"),
     {"hint": N_("Do not include names, schools or anything else that could identify you or your child.")}),
]

COMMENTS = [
    ("Shorter waits for speech and language therapy.", ["health"]),
    ("Someone to ring back when I leave a message about the EHC plan.", ["ehc-plans", "listening"]),
    ("More short breaks in the holidays that suit older children.", ["social-care"]),
    ("Clear information in one place about what we are entitled to.", ["information"]),
    ("School staff who understand autism and anxiety.", ["education", "mental-health"]),
    ("Help planning for college and what happens after 18.", ["adulthood"]),
    ("Transport that does not change every term.", ["travel"]),
    ("Being believed the first time we say something is wrong.", ["early-help", "listening"]),
    ("Support for us as parents, not only for our child.", ["wellbeing"]),
    ("Annual reviews that happen on time.", ["ehc-plans"]),
]

# Chance of each agreement answer, worst year first: (strongly agree, agree, neither, disagree,
# strongly disagree, does not apply). This year is a little better on most statements.
AGREEMENT_2025 = (0.08, 0.28, 0.2, 0.24, 0.14, 0.06)
AGREEMENT_2026 = (0.14, 0.36, 0.18, 0.18, 0.08, 0.06)
SCALE = ("strongly-agree", "agree", "neither", "disagree", "strongly-disagree", "not-applicable")
QUADRANT_WEIGHTS = (("north-east", 0.26), ("mid", 0.3), ("south", 0.28), ("west", 0.1), ("not-sure", 0.06))
CHANNEL_WEIGHTS = (("online", 0.8), ("group", 0.08), ("event", 0.05), ("phone", 0.04), ("paper", 0.03))
GROUPS = ("Chelmsford coffee morning", "Colchester family group", "Basildon SEND information event")


def _pick(rng: random.Random, weighted) -> str:
    values, weights = zip(*weighted)
    return rng.choices(values, weights=weights)[0]


def _wave(wave: str, status: str, published: bool, opens: date, closes: date | None) -> Survey:
    survey = Survey(series=SERIES, wave=wave, title=SURVEY_TITLE % {"wave": wave}, introduction=INTRO,
                    status=status, results_published=published, opens_on=opens, closes_on=closes)
    for position, (code, kind, text, label, extra) in enumerate(QUESTIONS, start=1):
        survey.questions.append(SurveyQuestion(code=code, position=position, kind=kind, text=text, chart_label=label,
                                               hint=extra.get("hint", ""), options=extra.get("options", []),
                                               required=extra.get("required", False), show_if=extra.get("show_if"),
                                               theme=extra.get("theme")))
    db.session.add(survey)
    db.session.flush()
    return survey


def _answers(rng: random.Random, scale: tuple, better: tuple) -> dict:
    who = _pick(rng, (("parent-carer", 0.82), ("young-person", 0.12), ("other", 0.06)))
    answers = {"who": who, "quadrant": _pick(rng, QUADRANT_WEIGHTS),
               "age": rng.choice(("0-4", "5-10", "5-10", "11-15", "11-15", "16-18", "19-25")),
               "support": _pick(rng, (("none", 0.1), ("sen-support", 0.3), ("assessment", 0.15), ("ehcp", 0.4),
                                      ("dont-know", 0.05)))}
    for code in ("info-1", "website-1", "listened-1", "contact-1", "breaks-1"):
        if code == "breaks-1" and who != "parent-carer":
            continue  # asked of parents and carers only
        if rng.random() < 0.95:
            answers[code] = _pick(rng, zip(SCALE, scale))
    answers["change-1"] = _pick(rng, zip(("better", "same", "worse", "not-applicable"), better))
    used = [key for key, chance in (("school", 0.7), ("therapy", 0.4), ("mental-health", 0.25),
                                    ("short-breaks", 0.2), ("sendiass", 0.15), ("forum", 0.12))
            if rng.random() < chance]
    if used:
        answers["services"] = used
    return answers


def _responses(survey: Survey, count: int, rng: random.Random, *, scale, better, first_day: date, days: int,
               coded_share: float, champion) -> None:
    questions = {q.code: q for q in survey.questions}
    for _ in range(count):
        answers = _answers(rng, scale, better)
        channel = _pick(rng, CHANNEL_WEIGHTS)
        quadrant = answers["quadrant"] if answers["quadrant"] != "not-sure" else None
        response = SurveyResponse(survey_id=survey.id, channel=channel, quadrant=quadrant,
                                  submitted_on=first_day + timedelta(days=rng.randrange(days)),
                                  entered_by_id=champion.id if champion and channel != "online" else None,
                                  group_name=rng.choice(GROUPS) if channel != "online" else "")
        for code, value in answers.items():
            response.answers.append(SurveyAnswer(question_id=questions[code].id, value=value, themes=[]))
        if rng.random() < 0.35:
            text, themes = rng.choice(COMMENTS)
            coded = rng.random() < coded_share
            response.answers.append(SurveyAnswer(question_id=questions["one-thing"].id, text=text,
                                                 themes=list(themes) if coded else [],
                                                 coded_at=utcnow() if coded else None))
        db.session.add(response)


def load_demo_survey() -> None:
    """Two waves of the demo survey, unless any survey exists. Flushes; the caller commits."""
    if db.session.scalar(select(func.count()).select_from(Survey)):
        return
    champion = get_user_by_email(demo_email("champion"))
    today = date.today()
    last = _wave("2025", "closed", True, date(2025, 3, 1), date(2025, 4, 30))
    _responses(last, 150, random.Random(2025), scale=AGREEMENT_2025, better=(0.18, 0.4, 0.36, 0.06),
               first_day=date(2025, 3, 1), days=60, coded_share=0.9, champion=champion)
    current = _wave("2026", "open", False, today - timedelta(days=14), today + timedelta(days=60))
    _responses(current, 40, random.Random(2026), scale=AGREEMENT_2026, better=(0.3, 0.42, 0.22, 0.06),
               first_day=today - timedelta(days=14), days=15, coded_share=0.5, champion=champion)
    db.session.flush()
