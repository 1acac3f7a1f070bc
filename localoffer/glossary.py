"""Plain words for SEND terms: the glossary page (/glossary) and links from listings to it.

Listing text is written by providers in English, so terms are found by their English wording
(and common abbreviations); the definitions are shown in the reader's language. A service page
links the first use of each term to its definition. The text is escaped first and the only
markup added is our own link, so a provider's words can never become HTML."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flask import url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from .i18n import alphabetical_key


@dataclass(frozen=True)
class Term:
    slug: str  # the anchor on /glossary: never rename one, people bookmark them
    name: str
    definition: str
    # How the term is written in listings: phrases match in any case, abbreviations exactly.
    phrases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()


TERMS: tuple[Term, ...] = (
    Term("adhd", _l("ADHD (attention deficit hyperactivity disorder)"),
         _l("A condition that affects attention, activity and impulses. A child may find it hard to sit still, "
            "concentrate or wait their turn."),
         ("attention deficit hyperactivity disorder",), ("ADHD",)),
    Term("annual-review", _l("Annual review"),
         _l("A meeting at least once a year to check an EHC plan: how the child or young person is getting on, "
            "and whether the plan needs to change. You are asked for your views."),
         ("annual review", "annual reviews")),
    Term("autism", _l("Autism (ASD or ASC)"),
         _l("A lifelong difference in how a person communicates, relates to others and experiences the world. "
            "You may see it written as ASD (autism spectrum disorder) or ASC (autism spectrum condition)."),
         ("autism", "autistic", "autism spectrum disorder", "autism spectrum condition"), ("ASD", "ASC")),
    Term("direct-payments", _l("Direct payments"),
         _l("Money from the council paid to you, so you can arrange and pay for some support yourself "
            "instead of the council arranging it."),
         ("direct payment", "direct payments")),
    Term("ehc-needs-assessment", _l("EHC needs assessment"),
         _l("A detailed look by the council at a child or young person's education, health and care needs, "
            "to decide whether they need an EHC plan. A parent, a young person or a school can ask for one."),
         ("EHC needs assessment", "education, health and care needs assessment", "statutory assessment")),
    Term("ehc-plan", _l("EHC plan (EHCP)"),
         _l("An education, health and care plan: a legal document for a child or young person aged 0 to 25 "
            "who needs more help than their nursery, school or college can usually give. It says what their "
            "needs are and what support they must get."),
         ("EHC plan", "EHC plans", "education, health and care plan", "education health and care plan"),
         ("EHCP", "EHCPs")),
    Term("educational-psychologist", _l("Educational psychologist (EP)"),
         _l("A specialist who looks at how a child learns and behaves, and advises families and schools on "
            "how to help."),
         ("educational psychologist", "educational psychologists", "educational psychology")),
    Term("family-hub", _l("Family Hub"),
         _l("A place in your area where families with children and young people aged 0 to 19 (or 25 with SEND) "
            "can get help and advice, and go to groups and activities."),
         ("family hub", "family hubs")),
    Term("family-champion", _l("Family champion"),
         _l("A trained volunteer or worker who helps families find information and tells the council what "
            "families think, including families who do not use the internet."),
         ("family champion", "family champions")),
    Term("hi", _l("HI (hearing impairment)"),
         _l("Hearing loss of any level, from mild to profound deafness."),
         ("hearing impairment", "hearing impaired", "deaf"), ("HI",)),
    Term("local-offer", _l("Local Offer"),
         _l("Information every council must publish about the services and support for children and young "
            "people with SEND and their families in its area. This website is the Essex Local Offer."),
         ("local offer",)),
    Term("mainstream", _l("Mainstream school"),
         _l("A school or college for all children, not only those with SEND. Most children with SEND go to "
            "a mainstream school."),
         ("mainstream school", "mainstream schools", "mainstream setting", "mainstream")),
    Term("mediation", _l("Mediation"),
         _l("A meeting with an independent person who helps you and the council try to agree about an EHC "
            "needs assessment or an EHC plan. You usually have to consider it before going to a tribunal."),
         ("mediation",)),
    Term("mld", _l("MLD (moderate learning difficulty)"),
         _l("When a child finds learning harder than most children of the same age, across most subjects."),
         ("moderate learning difficulty", "moderate learning difficulties"), ("MLD",)),
    Term("msi", _l("MSI (multi-sensory impairment)"),
         _l("When a person has both sight loss and hearing loss. It is sometimes called deafblindness."),
         ("multi-sensory impairment", "multisensory impairment", "deafblind", "deafblindness"), ("MSI",)),
    Term("occupational-therapy", _l("Occupational therapy (OT)"),
         _l("Help to do everyday things more easily, like dressing, writing or using equipment, from an "
            "occupational therapist."),
         ("occupational therapy", "occupational therapist", "occupational therapists")),
    Term("parent-carer-forum", _l("Parent carer forum"),
         _l("A group of parents and carers of children with SEND who work with the council and the NHS to "
            "improve services. In Essex it is the Essex Family Forum."),
         ("parent carer forum", "parent carer forums", "parent/carer forum")),
    Term("pd", _l("PD (physical disability)"),
         _l("A condition that affects how a person moves or uses their body, like cerebral palsy."),
         ("physical disability", "physical disabilities"), ("PD",)),
    Term("personal-budget", _l("Personal budget"),
         _l("An amount of money for the support in an EHC plan that you can have a say in how it is spent. "
            "It can be paid as a direct payment."),
         ("personal budget", "personal budgets")),
    Term("pmld", _l("PMLD (profound and multiple learning difficulties)"),
         _l("Severe learning difficulties together with other needs, like a physical disability or sensory "
            "impairment. People with PMLD need a lot of support with everyday life."),
         ("profound and multiple learning difficulties", "profound and multiple learning disabilities"),
         ("PMLD",)),
    Term("preparing-for-adulthood", _l("Preparing for adulthood (PfA)"),
         _l("Planning, from age 14 (Year 9), for adult life: work or further study, living as independently "
            "as possible, friends and community, and good health."),
         ("preparing for adulthood", "preparation for adulthood"), ("PfA",)),
    Term("respite", _l("Respite"),
         _l("A break for parents and carers from caring, while the child or young person is looked after by "
            "someone else. Also called a short break."),
         ("respite", "respite care")),
    Term("semh", _l("SEMH (social, emotional and mental health)"),
         _l("Needs that show in how a child feels or behaves: for example anxiety, low mood, being withdrawn, "
            "or behaviour that is hard to manage."),
         ("social, emotional and mental health", "social emotional and mental health"), ("SEMH",)),
    Term("sen-support", _l("SEN support"),
         _l("Extra help a nursery, school or college gives a child with special educational needs from its own "
            "resources, without an EHC plan. It follows a cycle: assess, plan, do, review."),
         ("SEN support",)),
    Term("senco", _l("SENCO"),
         _l("The special educational needs co-ordinator: the teacher in a nursery or school who makes sure "
            "children with SEND get the right support. Talk to them first if you are worried."),
         ("special educational needs co-ordinator", "special educational needs coordinator"),
         ("SENCO", "SENCo", "SENCOs", "SENDCo", "SENDCO")),
    Term("send", _l("SEND"),
         _l("Special educational needs and disabilities: when a child or young person finds learning much "
            "harder than most others of the same age, or has a disability that makes it harder to use the "
            "usual facilities."),
         ("special educational needs and disabilities", "special educational needs and disability"),
         ("SEND", "SEN")),
    Term("sendiass", _l("SENDIASS"),
         _l("The SEND Information, Advice and Support Service: free, impartial and confidential advice for "
            "children, young people and parents about SEND. In Essex it is Essex SENDIASS."),
         ("information, advice and support service",), ("SENDIASS", "IASS")),
    Term("short-breaks", _l("Short breaks"),
         _l("Activities or care that give a disabled child time to enjoy themselves and give their family a "
            "break from caring, from a few hours to overnight stays."),
         ("short break", "short breaks")),
    Term("slcn", _l("SLCN (speech, language and communication needs)"),
         _l("Difficulty saying words, understanding what others say, or using language to talk with people."),
         ("speech, language and communication needs", "speech, language and communication"), ("SLCN",)),
    Term("sld", _l("SLD (severe learning difficulty)"),
         _l("Significant difficulty with learning, so a person needs support in all parts of the curriculum "
            "and often help with everyday tasks."),
         ("severe learning difficulty", "severe learning difficulties"), ("SLD",)),
    Term("speech-and-language-therapy", _l("Speech and language therapy (SALT)"),
         _l("Help from a speech and language therapist with talking, understanding, communication, or eating "
            "and swallowing."),
         ("speech and language therapy", "speech and language therapist", "speech and language therapists"),
         ("SALT",)),
    Term("special-school", _l("Special school"),
         _l("A school only for children and young people with SEND, usually with an EHC plan."),
         ("special school", "special schools")),
    Term("spld", _l("SpLD (specific learning difficulty)"),
         _l("A difficulty with one part of learning, like reading and spelling (dyslexia), maths "
            "(dyscalculia) or coordination (dyspraxia)."),
         ("specific learning difficulty", "specific learning difficulties", "dyslexia", "dyscalculia",
          "dyspraxia"), ("SpLD",)),
    Term("transition", _l("Transition"),
         _l("A move from one stage to the next, like starting school, moving to secondary school or college, "
            "or moving from children's to adult services. It needs planning."),
         ("transition", "transitions")),
    Term("tribunal", _l("Tribunal (SEND Tribunal)"),
         _l("An independent court you can appeal to if you disagree with the council's decision about an EHC "
            "needs assessment or an EHC plan."),
         ("tribunal", "SEND tribunal", "first-tier tribunal")),
    Term("vi", _l("VI (vision impairment)"),
         _l("Sight loss that glasses cannot correct, from partial sight to blindness."),
         ("visual impairment", "vision impairment", "visually impaired", "sight loss"), ("VI",)),
    Term("young-carer", _l("Young carer"),
         _l("A child or young person under 18 who helps look after someone in their family who is ill or "
            "disabled."),
         ("young carer", "young carers")),
)
BY_SLUG = {term.slug: term for term in TERMS}


def terms_by_letter() -> list[tuple[str, list[Term]]]:
    """The terms in alphabetical order of their name in the reader's language, grouped by
    first letter."""
    groups: dict[str, list[Term]] = {}
    for term in sorted(TERMS, key=lambda t: alphabetical_key(str(t.name))):
        name = str(term.name)
        letter = next((ch for ch in name if ch.isalpha()), name[:1]).upper()
        groups.setdefault(letter, []).append(term)
    return list(groups.items())


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One regular expression for every way a term is written, longest first, and which slug
    each (case-folded phrase, or exact abbreviation) belongs to."""
    slug_for: dict[str, str] = {}
    parts: list[tuple[str, str]] = []
    for term in TERMS:
        for phrase in term.phrases:
            slug_for.setdefault(phrase.casefold(), term.slug)
            parts.append((phrase, r"(?i:" + re.escape(phrase) + ")"))
        for abbreviation in term.abbreviations:
            slug_for.setdefault(abbreviation, term.slug)
            parts.append((abbreviation, re.escape(abbreviation)))
    parts.sort(key=lambda part: len(part[0]), reverse=True)
    return re.compile(r"(?<![\w&#/.@-])(" + "|".join(p for _w, p in parts) + r")(?![\w/@-]|\.\w)"), slug_for


# The id of the page's one description of glossary links (directory/service.html).
HINT_ID = "glossary-hint"


def link_terms(text: str | None, seen: list[str] | None = None) -> Markup:
    """Escaped `text` with the first use of each glossary term (not already in `seen`, which is
    updated) linked to its definition."""
    escaped = str(escape(text or ""))
    seen = seen if seen is not None else []
    pattern, slug_for = _pattern()

    def link(match: re.Match) -> str:
        word = match.group(1)
        slug = slug_for.get(word) or slug_for.get(word.casefold())
        if slug is None or slug in seen:
            return word
        seen.append(slug)
        href = escape(url_for("pages.glossary", _anchor=slug))
        # The page says once, in the reader's language, what these links are (HINT_ID); the
        # words of the listing stay as the provider wrote them.
        return f'<a class="govuk-link lo-glossary-term" href="{href}" aria-describedby="{HINT_ID}">{word}</a>'

    return Markup(pattern.sub(link, escaped))
