"""Answers to the standard Local Offer questions, by kind of provider.

Placeholders: {org} {org_short} {town} {area}. Kinds can add their own (Kind.answers)."""
from __future__ import annotations

GENERIC_ANSWERS: dict[str, dict[str, tuple[str, ...]]] = {
    "clinical": {
        "identify": (
            "Every child is assessed by a qualified clinician, who agrees goals with the family and shares a written plan.",
            "We use standardised assessments and listen to what parents and school tell us. Children do not need a diagnosis to be seen.",
        ),
        "involve": (
            "Parents and carers are involved in setting goals and reviewing progress. Young people are asked what matters to them, using symbols or pictures if that helps.",
            "We ask every family to complete a short feedback questionnaire after each episode of care, and our parent reference group meets quarterly.",
        ),
        "staff": (
            "Clinicians receive mandatory training in safeguarding, learning disability and autism awareness (Oliver McGowan training).",
            "Our team includes specialists in complex disability, and every clinician has regular supervision.",
        ),
        "environment": (
            "Our clinics have step-free access and accessible toilets. We can offer the first or last appointment of the day for children who find waiting rooms hard.",
            "Tell us about any adjustments your child needs, such as a quiet room or a visual timetable, and we'll put them on their record.",
        ),
        "transitions": (
            "We start planning the move to adult services from 14, and share information with schools and adult teams with your consent.",
            "When a child moves school we send a summary of their needs and strategies to the new setting.",
        ),
        "outcomes": (
            "We agree measurable goals at the start and review them together at the end of each block of therapy.",
            "Progress is measured using outcome tools and your views. You will get a written report after each review.",
        ),
        "contact": (
            "Speak to your clinician or the team manager. You can also contact PALS for confidential help.",
        ),
    },
    "education": {
        "identify": (
            "We follow the graduated approach in the SEND Code of Practice: assess, plan, do, review. Our SENCO oversees support for every learner with SEND.",
            "Learners are assessed when they join, and staff share a one-page profile so everyone knows how to help.",
        ),
        "involve": (
            "Parents and carers are invited to termly reviews, and pupil voice is part of every EHCP annual review.",
            "We have an open door policy: you can speak to your child's key worker at the start or end of any day.",
        ),
        "staff": (
            "All staff have training in autism, speech and language, attachment and positive behaviour support. Our SENCO holds the National Award for SEN Coordination.",
            "Teaching assistants are trained in Makaton, Team Teach and medical procedures such as gastrostomy care.",
        ),
        "environment": (
            "The building is fully accessible, with lifts, a hygiene suite and a sensory room.",
            "Classrooms use visual timetables and there are quiet spaces throughout the site.",
        ),
        "transitions": (
            "Transition is planned from the spring term, with extra visits, photo books and meetings with the next setting.",
            "We attend Year 9 and Year 11 annual reviews to plan for post-16, and run taster days for prospective students.",
        ),
        "outcomes": (
            "Progress is tracked against EHCP outcomes and personal targets, and shared with families each term.",
            "Every learner has individual targets reviewed every six weeks.",
        ),
        "contact": (
            "Speak to the class teacher or key worker first, then the SENCO. Our complaints policy is on our website.",
        ),
    },
    "community": {
        "identify": (
            "Before your child's first session we have a chat with you to find out what they enjoy, what helps and what to avoid.",
            "We don't ask for a diagnosis. Tell us about your child and we'll work out together how to make it work.",
        ),
        "involve": (
            "Members help choose activities and we ask families for feedback every term.",
            "Parents are always welcome to stay, and many of our volunteers are parents themselves.",
        ),
        "staff": (
            "Our staff and volunteers have enhanced DBS checks, safeguarding and first aid training, and SEND awareness training.",
            "The team includes people with lived experience of disability and of caring.",
        ),
        "environment": (
            "The venue has level access and an accessible toilet. It can get noisy, so there's always a quiet space.",
            "We can send photos and a short guide to the venue so your child knows what to expect.",
        ),
        "transitions": (
            "When young people get too old for the group, we help them find an adult group or club.",
            "New members can come for a short taster first and build up.",
        ),
        "outcomes": (
            "Families tell us their children are more confident and have made real friends.",
            "We keep it simple: is your child happy to come back each week? That's how we know.",
        ),
        "contact": (
            "Talk to the session lead on the day, or email us. We'll always call you back.",
        ),
    },
    "care": {
        "identify": (
            "Support is based on an assessment of the child's and family's needs, carried out with you.",
            "We write a support plan with each young person and their family, reviewed at least every six months.",
        ),
        "involve": (
            "Young people and families are at the centre of planning, and we use person-centred planning tools.",
            "Families can give feedback at any time, and we run an annual survey.",
        ),
        "staff": (
            "Workers are trained in safeguarding, moving and handling, medication and positive behaviour support.",
            "Our managers are registered with Social Work England or hold a level 5 diploma in leadership for care.",
        ),
        "environment": (
            "Our buildings and vehicles are wheelchair accessible.",
            "We make reasonable adjustments for communication, such as easy read letters and interpreters.",
        ),
        "transitions": (
            "From 14 we work with the young person and adult services to plan for life after 18.",
            "We help young people prepare for the four PfA outcomes: work, independent living, friends and community, and good health.",
        ),
        "outcomes": (
            "Outcomes are reviewed with the family at each review meeting.",
            "We measure success by whether young people reach the goals in their plan.",
        ),
        "contact": (
            "Speak to your worker or their manager. You can also use the council's complaints procedure.",
        ),
    },
    "advice": {
        "identify": (
            "We listen to what you tell us and give information and advice tailored to your situation.",
            "Anyone can contact us: you don't need a diagnosis or an EHCP.",
        ),
        "involve": (
            "Families and young people help shape our workshops and information, and we publish what they tell us.",
            "We ask for feedback after every contact and use it to improve.",
        ),
        "staff": (
            "Our advisers are trained to the national minimum standards for SEND information, advice and support services.",
            "Advisers have training in SEND law, the Code of Practice and working with young people.",
        ),
        "environment": (
            "Information is available in easy read and other languages, and we can book interpreters including BSL.",
            "Appointments can be by phone, video or face to face, whichever is easier for you.",
        ),
        "transitions": (
            "We can help at any point of change: starting school, moving to secondary, post-16 and into adulthood.",
        ),
        "outcomes": (
            "We check with families afterwards whether our advice helped and what happened next.",
        ),
        "contact": (
            "If you're unhappy with our service please ask to speak to the service manager, or use our complaints procedure.",
        ),
    },
}
