"""The words of one listing: its name, description, eligibility, how to get it and its
Local Offer answers, filled in from a kind's alternatives in its provider's voice."""
from __future__ import annotations

import random
import string

from ..vocab import LOCAL_OFFER_QUESTIONS, NEEDS
from .content.answers import GENERIC_ANSWERS
from .content.voices import VOICES
from .kind import Kind
from .provider import Provider, Target

NEED_PHRASES = {
    "autism": "autism", "adhd": "ADHD", "slcn": "speech, language and communication needs",
    "semh": "social, emotional and mental health needs", "mld": "moderate learning difficulties",
    "sld": "severe learning difficulties", "pmld": "profound and multiple learning difficulties",
    "spld": "dyslexia or other specific learning difficulties", "vi": "vision impairment",
    "hi": "hearing impairment", "msi": "multi-sensory impairment", "pd": "a physical disability",
    "medical": "a medical condition",
}
GENERIC_HOW = {
    "self-referral": (
        "Just get in touch by phone or email – you don't need a referral.",
        "Fill in the short form on our website or give us a ring.",
        "Contact us to book a place. You don't need a diagnosis.",
        "Families can refer themselves. Professionals can also refer with the family's agreement.",
    ),
    "referral": (
        "A referral is needed from a professional such as your GP, health visitor, social worker or school SENCO.",
        "Ask the professional working with your family to refer you using our referral form.",
    ),
    "ehcp": (
        "For children and young people with an EHCP. Places are agreed through the EHCP process and annual review.",
    ),
    "diagnosis": (
        "A confirmed diagnosis is needed. Please have your diagnosis letter ready when you contact us.",
    ),
}
# How much a provider wrote: a sparse listing is one sentence (and often lacks other details
# too); a long one runs to three paragraphs.
LENGTHS = ("sparse", "short", "medium", "long")
LENGTH_WEIGHTS = (12, 28, 35, 25)
NAME_STOPWORDS = {"the", "and", "of", "for", "a", "essex", "–", "-", "with", "at", "in"}


# Where a listing is, as a provider would put it in one line, by how far it reaches.
SUMMARY_PLACES = {
    "venue": ("At {venue_in_town}.", "Meets at {venue_in_town}.", "In {town}.", "Held at {venue_in_town}.",
              "At {venue_in_town} ({address})."),
    "town": ("For families in and around {town}.", "Based in {town}.", "Local to {town} and nearby villages.",
             "For {district} families."),
    "area": ("Covers {area}.", "For families across {area}.", "Available across {area}.",
             "Working across {area}."),
    "county": ("Available across Essex.", "For families anywhere in Essex.", "Countywide, from {org_short}.",
               "Open to families across the county."),
}
SUMMARY_MAX_CHARS = 260


def summary(kind: Kind, provider: Provider, rng: random.Random, ctx: dict, target: Target,
            sparse: bool) -> str:
    """One line for the search results: the kind's own line, always with where it is, and
    sometimes when it runs or the provider's own angle, in a varied order. Local branches of
    one provider and groups of one kind in different towns so never read the same."""
    core = _pick_usable(kind.summaries, ctx, rng)
    venue = ctx.get("venue", "")
    # "Harlow Library", but "The Hive, Harlow": the town once, however the venue is named.
    local = {**ctx, "venue_in_town": venue if ctx["town"] in venue else f"{venue}, {ctx['town']}"}
    where = _pick_usable(SUMMARY_PLACES[_summary_scope(kind, target, ctx)], local, rng)
    if sparse:
        return f"{core} {where}"
    when = _capitalise(ctx["when"]) + "." if ctx.get("when") and rng.random() < 0.35 else ""
    angle = _pick_usable(VOICES[provider.voice]["angle"], ctx, rng) if rng.random() < 0.55 else ""
    extras = [e for e in (where, when, angle) if e]
    rng.shuffle(extras)
    if rng.random() < 0.2 and ctx.get("town") and target.scope == "town" and _can_lower(core):
        # "Harlow: weekly youth club for..." – a local group leading with its town.
        text = " ".join([f"{ctx['town']}: {core[0].lower()}{core[1:]}", *(e for e in extras if e != where)])
    else:
        text = " ".join([core, *extras])
    while len(text) > SUMMARY_MAX_CHARS and len(extras) > 1:
        extras.remove(next(e for e in extras if e != where))
        text = " ".join([core, *extras])
    return text


def _summary_scope(kind: Kind, target: Target, ctx: dict) -> str:
    if target.scope == "town":
        # Nobody "meets at" a short breaks house: children stay there.
        return "venue" if ctx.get("venue") and kind.schedule != "overnight" else "town"
    if target.scope == "quadrant":
        return "area"
    return "venue" if ctx.get("venue") else "county"


def _can_lower(text: str) -> bool:
    """Lower-casing the first letter is safe ("Weekly" but not "ADHD" or "HAF")."""
    return len(text) > 1 and text[0].isupper() and text[1].islower()


def listing_name(kind: Kind, provider: Provider, rng: random.Random, ctx: dict, target: Target) -> str:
    """A name in the provider's words. Templates that would repeat a word of the provider's
    own name ("Riding Group Riding for Ability") are skipped."""
    own = _words(provider.short_name)
    usable = [t for t in kind.names if "{org_short}" not in t or not own & _words(_literal(t))]
    # A local listing is named after its town, not its district; one covering a quadrant is
    # named after the quadrant, not the town of its first venue.
    if target.scope == "town":
        names_ctx = {**ctx, "area": ctx["town"]}
    elif target.scope == "quadrant":
        names_ctx = {**ctx, "town": ctx["area"]}
    else:
        names_ctx = ctx
    return fill(rng.choice(usable or list(kind.names)), names_ctx)


def _literal(template: str) -> str:
    return " ".join(text for text, _, _, _ in string.Formatter().parse(template))


def _words(text: str) -> set[str]:
    found = {w.strip("(),'").lower().rstrip("s") for w in text.split()}
    return {w for w in found if w and w not in NAME_STOPWORDS}


def fill(template: str, ctx: dict) -> str:
    return template.format_map(ctx)


def fields_in(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _pick_usable(templates: tuple[str, ...], ctx: dict, rng: random.Random) -> str:
    """A template whose placeholders all have values here ('' when none has)."""
    usable = [t for t in templates if all(ctx.get(f) not in (None, "") for f in fields_in(t))]
    return _capitalise(fill(rng.choice(usable), ctx)) if usable else ""


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def eligibility(kind, rng, ctx, needs, access, sparse) -> str:
    """Who it is for: the kind's own wording, or one built from the ages and needs."""
    if kind.eligibility and rng.random() < 0.8:
        return fill(rng.choice(kind.eligibility), ctx)
    if sparse and rng.random() < 0.6:
        return ""
    phrases = [NEED_PHRASES[n] for n in needs]
    if len(needs) == len(NEEDS):
        need_text = "any special educational need or disability"
    elif len(phrases) == 1:
        need_text = phrases[0]
    else:
        need_text = ", ".join(phrases[:-1]) + " or " + phrases[-1]
    options = [
        f"Children and young people aged {ctx['ages']} with {need_text}, living in {ctx['area']}.",
        f"Aged {ctx['ages']}. For children and young people with {need_text}.",
    ]
    if access == "self-referral":
        options.append(f"Open to anyone aged {ctx['ages']} – no diagnosis needed.")
    return rng.choice(options)


def how_to_access(kind, access, rng, sparse) -> str:
    if sparse and access == "self-referral" and rng.random() < 0.4:
        return ""  # anyone can just get in touch; a referral route always says how
    if kind.how and rng.random() < 0.75:
        return rng.choice(kind.how)
    return rng.choice(GENERIC_HOW[access])


def waiting(kind, access, rng) -> tuple[str, int | None]:
    if kind.waiting and rng.random() < 0.75:
        weeks = rng.randint(*kind.waiting)
        if rng.random() < 0.1:
            weeks = 0
        if weeks == 0:
            return "No waiting list at the moment.", 0
        if weeks <= 12:
            return rng.choice((f"About {weeks} weeks from referral to first appointment.",
                               f"Currently around {weeks} weeks.")), weeks
        months = round(weeks / 4.35)
        return rng.choice((f"Currently around {months} months for a first appointment.",
                           f"Waiting times are long at the moment: about {months} months.")), weeks
    if access == "self-referral" and rng.random() < 0.08:
        return "There is a waiting list for some sessions – please ask.", None
    return "", None


def description(kind: Kind, provider: Provider, rng: random.Random, ctx: dict, length: str) -> str:
    """The kind's opening and details, with the provider's introduction, practical details
    (where and when) and sign-off, in as many paragraphs as `length` allows."""
    voice = VOICES[provider.voice]
    opening = _pick_usable(kind.openings, ctx, rng)
    details = [fill(d, ctx) for d in rng.sample(kind.details, len(kind.details))]
    practical = _pick_usable(voice["practical"], ctx, rng)
    intro = _pick_usable(voice["intro"], ctx, rng)
    closing = _pick_usable(voice["closing"], ctx, rng)
    if length == "sparse":
        return opening
    if length == "short":
        return f"{opening} {details[0]}"
    if length == "medium":
        second = " ".join(p for p in (details[1] if len(details) > 1 else "", practical) if p)
        return "\n\n".join(p for p in (f"{opening} {details[0]}", second) if p)
    middle = " ".join(details[1:4])
    return "\n\n".join(p for p in (
        " ".join(p for p in (opening, intro) if p),
        f"{details[0]} {middle}".strip(),
        " ".join(p for p in (practical, closing) if p),
    ) if p)


def local_offer_answers(kind: Kind, rng: random.Random, ctx: dict, sparse: bool) -> list[tuple[str, str]]:
    mode = "none" if sparse and rng.random() < 0.8 else rng.choices(("all", "some", "none"), (25, 45, 30))[0]
    questions = list(LOCAL_OFFER_QUESTIONS)
    if mode == "none":
        return []
    if mode == "some":
        chosen = set(rng.sample(questions, rng.randint(2, 4)))
        questions = [q for q in questions if q in chosen]
    generic = GENERIC_ANSWERS[kind.sector]
    return [(q, fill(rng.choice(kind.answers.get(q) or generic[q]), ctx)) for q in questions]


