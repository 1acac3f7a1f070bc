"""How different kinds of provider write: an introduction, the practical details and a
sign-off, plus the few words ("angle") each adds to a one-line summary.
Placeholders: {org} {org_short} {area} {town} {venue} {address} {when} {phone}."""
from __future__ import annotations

VOICES: dict[str, dict[str, tuple[str, ...]]] = {
    "council": {
        # A few words a provider adds to its one-line summary.
        "angle": (
            "An Essex County Council service.",
            "Part of the Essex Local Offer.",
            "Run by {org_short}.",
            "Our team works alongside schools and health services.",
        ),
        "intro": (
            "This service is provided by Essex County Council.",
            "{org} works with schools, health and families across {area}.",
        ),
        "practical": (
            "The team is available {when}.",
            "Our phone lines are open {when}.",
        ),
        "closing": (
            "More information about SEND support is available on the Essex Local Offer.",
            "If you need this information in another format or language, please contact us.",
            "",
        ),
    },
    "nhs": {
        # A few words a provider adds to its one-line summary.
        "angle": (
            "An NHS service.",
            "Provided by {org_short}.",
            "Free NHS care; ask your GP or school about a referral.",
            "Part of the local children's community health team.",
        ),
        "intro": (
            "This is an NHS service provided by {org}.",
            "{org} provides community health services for children and young people in {area}.",
        ),
        "practical": (
            "Clinics run {when} at {venue}, {address}.",
            "Appointments are available {when}.",
            "The service is open {when}.",
        ),
        "closing": (
            "This is not an emergency service. In an emergency call 999, or NHS 111 for urgent advice.",
            "If you cannot keep your appointment, please let us know so we can offer it to another family.",
            "",
        ),
    },
    "charity": {
        # A few words a provider adds to its one-line summary.
        "angle": (
            "Run by {org_short}, a local charity.",
            "Delivered by our trained staff and volunteers.",
            "A friendly, small charity – we'll get to know your family.",
            "Charity-run since the early 2000s.",
        ),
        "intro": (
            "{org} is a registered charity supporting disabled children, young people and their families in {area}.",
            "We are a local charity and have been supporting families in {area} for over 20 years.",
            "{org_short} is a small charity run by a team of staff and volunteers.",
        ),
        "practical": (
            "We meet {when} at {venue}, {address}, {town}.",
            "Sessions run {when} at {venue}.",
            "You'll find us at {venue}, {address} – {when}.",
        ),
        "closing": (
            "We rely on grants and donations, so if you can, please help us keep going.",
            "Give us a ring on {phone} for a friendly chat.",
            "",
        ),
    },
    "parent": {
        # A few words a provider adds to its one-line summary.
        "angle": (
            "Run by parents who've been there.",
            "Just turn up – no need to book!",
            "Dads, grandparents and carers all welcome.",
            "Come for a cuppa and stay for the chat.",
            "We're all parent carers ourselves x",
        ),
        "intro": (
            "We're run entirely by volunteers, all parents or carers of children with additional needs ourselves.",
            "We're not professionals – just parents who've been there and want to help.",
        ),
        "practical": (
            "We meet {when} at {venue} ({address}).",
            "Find us {when} at {venue}, {town}. Parking round the back!",
            "{when}, {venue}. Just turn up!",
        ),
        "closing": (
            "Find us on Facebook or just message us – we don't bite!",
            "Text or WhatsApp us on {phone} if you'd like someone to meet you at the door the first time.",
            "Hope to see you soon x",
            "",
        ),
    },
    "club": {
        # A few words a provider adds to its one-line summary.
        "angle": (
            "New members always welcome.",
            "Your first session is free.",
            "Volunteer-run and very friendly.",
            "All abilities welcome – no experience needed.",
        ),
        "intro": (
            "{org} is a volunteer-run community club.",
            "{org_short} has been running since 2009 and is affiliated to its sport's national governing body.",
        ),
        "practical": (
            "Sessions: {when} at {venue}, {address}, {town}.",
            "We train {when} at {venue}.",
        ),
        "closing": (
            "New members always welcome – come and try a session for free.",
            "Check our social media for cancellations in bad weather.",
            "",
        ),
    },
    "business": {
        # A few words a provider adds to its one-line summary.
        "angle": (
            "Independent, qualified practitioners.",
            "Free 15-minute phone chat before you book.",
            "A private provider: fees apply unless funded.",
        ),
        "intro": (
            "{org} is an independent provider working with families across {area}.",
            "{org_short} is a small independent practice.",
        ),
        "practical": (
            "Sessions run {when} at {venue}, {address}.",
            "We are open {when}.",
        ),
        "closing": (
            "Please get in touch for a free, no-obligation chat about how we can help.",
            "",
        ),
    },
    "leisure": {
        # A few words a provider adds to its one-line summary.
        "angle": (
            "Booking recommended.",
            "Not-for-profit: every penny goes back into activities.",
            "Run by {org_short}.",
        ),
        "intro": (
            "{org} runs activities for children, young people and families across {area}.",
            "{org_short} is a not-for-profit organisation; every penny goes back into activities.",
        ),
        "practical": (
            "Sessions run {when} at {venue}, {address}.",
            "{when} at {venue}, {town}.",
            "You'll find us at {venue} {when}.",
        ),
        "closing": (
            "Book online, by phone or at reception.",
            "Places are limited, so booking ahead is recommended.",
            "",
        ),
    },
    "school": {
        # A few words a provider adds to its one-line summary.
        "angle": (
            "Visits welcome by appointment.",
            "Call the school office for details.",
            "Part of our school's wider offer.",
        ),
        "intro": (
            "{org_short} is part of a family of schools and works closely with families, therapists and the local authority.",
            "Our school was judged good by Ofsted at its last inspection.",
        ),
        "practical": (
            "The school day runs {when}.",
            "We are at {address}, {town} {postcode}.",
        ),
        "closing": (
            "We warmly welcome visits from prospective families. Please ring the school office to arrange a tour.",
            "",
        ),
    },
    "college": {
        # A few words a provider adds to its one-line summary.
        "angle": (
            "Open events every term.",
            "Apply online and tell us about your support needs.",
            "Run by our inclusive learning team.",
        ),
        "intro": (
            "{org} is a general further education college with campuses across {area}.",
            "{org_short} welcomes students with a wide range of needs and has a dedicated inclusive learning team.",
        ),
        "practical": (
            "Classes run {when} at our {town} campus, {address}.",
            "The programme runs {when}.",
        ),
        "closing": (
            "Come to an open event to meet the team and see the facilities.",
            "Applications for September open in the autumn term.",
            "",
        ),
    },
}
