"""The demo providers and what they offer where.

Council teams, NHS services, Essex SENDIASS and Essex Family Forum are described only in
plain generic terms; every other provider name is invented. Contact details are fictitious
(see places.phone_number and the example.org.uk addresses)."""
from __future__ import annotations

from ..provider import ALL_QUADRANTS, offer, provider

NE, MID, SOUTH, WEST = ALL_QUADRANTS

SENDIASS_DESCRIPTION = """Essex SENDIASS offers free, confidential and impartial information, advice and support about special educational needs and disabilities (SEND) to parents and carers of children aged 0 to 25, and to young people themselves.

We can help with SEN support in school, requesting an EHC needs assessment, understanding your EHCP and annual reviews, exclusions, and what to do if you disagree with a decision – including mediation, disagreement resolution and appeals to the SEND Tribunal.

We are arm's length from the local authority, so our advice is impartial. Young people aged 16 to 25 can contact us directly."""

MEDIATION_DESCRIPTION = """If you disagree with a decision about an EHC needs assessment or an EHC plan, independent SEND mediation can help you and the local authority reach agreement without going to tribunal.

Mediation is free and confidential and is led by an accredited mediator who has no connection with Essex County Council. Meetings can be online or face to face, and you can bring a friend, relative or a SENDIASS adviser.

Before appealing to the SEND Tribunal (except about placement only) you must speak to a mediation adviser and get a certificate. Contact us within two months of the decision letter."""

TRAVEL_DESCRIPTION = """Children and young people with SEND may be able to get free travel assistance to school if, because of their needs, they cannot reasonably be expected to walk there, even with an adult.

Assistance could be a bus pass, a personal travel budget so you can make your own arrangements, a place on shared transport such as a minibus or taxi (with a passenger assistant if needed), or independent travel training.

Apply as soon as you've been offered a school place: applications for September should be made by the end of May. If you disagree with the decision you can ask for a review within 20 working days."""

PORTAGE_DESCRIPTION = """Portage is a free home-visiting service for babies and young children (0 to 5) with significant additional needs and their families.

A trained Portage home visitor comes to your home every two weeks to play with your child and you. Together we break learning into small steps – sitting, reaching, first words, sharing a book – and celebrate every bit of progress.

We work with your health visitor, SALT, physio and nursery, and help plan your child's move to nursery or school. You don't need a diagnosis."""

SALT_DESCRIPTION = """The children's speech and language therapy (SALT) team supports children and young people aged 0 to 18 with speech, language and communication needs (SLCN) and with eating, drinking and swallowing difficulties.

We see children with speech sound difficulties, developmental language disorder (DLD), stammering, ASD and hearing loss. Under-fives are seen at the clinic or family hub; school-age children are usually seen in school with their teaching assistant.

Not sure whether your child needs SALT? Our Tuesday advice line is open to any parent."""

CAMHS_DESCRIPTION = """A CAMHS-style emotional wellbeing and mental health service for children and young people up to 18 in North East Essex, and their families.

We help with anxiety, low mood and depression, self-harm, trauma, obsessive compulsive disorder (OCD) and eating difficulties, and we have clinicians with experience of SEMH needs, ASD and learning disabilities. Support ranges from guided self-help and groups to CBT, family therapy and psychiatry.

All referrals go through the single point of access. If you are worried about immediate risk, call NHS 111 and choose the mental health option; in an emergency call 999."""

ASD_PROGRAMME_DESCRIPTION = """A six-week programme for parents and carers of children with a diagnosis of autism (ASD/ASC), or who are on the assessment pathway.

Each two-hour session covers a topic: what autism is (and isn't); communication; sensory processing; anxiety and meltdowns; behaviour as communication; and looking after yourself. Groups are small and friendly, led by an autism family practitioner and a parent with lived experience.

Online evening groups are available for working parents. Places are free."""

INTERNSHIP_DESCRIPTION = """Supported internships are a one-year study programme for young people aged 16 to 24 with an EHCP who want a paid job.

Interns spend three or four days a week in real workplaces – our host employers include a hospital, a supermarket and the council's highways depot – learning the job with a job coach beside them. One day a week is spent at college on English, maths and employability skills.

Most of our interns move into paid work. Speak to your school or college at your annual review, or come to an open morning."""

SHORT_BREAKS_DESCRIPTION = """Saturday Club is a short breaks club for disabled children and young people aged 5 to 18, part of the Essex short breaks offer – you don't need a social care assessment.

Children spend the day with friends doing cooking, sensory play, music, sport and trips, with trained staff at a ratio of one to two (one to one where needed). Staff can give medication and are trained in epilepsy awareness and moving and handling.

Families pay a subsidised fee per session, and direct payments can be used."""

HAF_DESCRIPTION = """Free holiday activities with a hot meal every day for children aged 5 to 16 who get benefits-related free school meals (HAF).

Days are packed with sport, arts and crafts, cooking, games and trips. We have extra staff and a quiet room for children with SEND – tell us about your child's needs when you book and we will plan with you.

Book with the HAF code from your child's school. Paid places are available for other families."""

COMPLAINTS_DESCRIPTION = """If you are unhappy with a council SEND service – for example delays to an EHC needs assessment, missed provision in an EHCP or poor communication – you can make a complaint.

Please try to resolve things with the team first. If that doesn't work, make a formal complaint online, by email or by phone; we aim to respond within 20 working days. If you are still unhappy you can ask the Local Government and Social Care Ombudsman to investigate.

Disagreements about the content of an EHCP usually go through mediation and appeal rather than the complaints procedure."""

LIBRARY_BOOKS_DESCRIPTION = """Every Essex library lends accessible books free of charge: large print, braille and tactile books, dyslexia-friendly titles, Widgit symbol books and audiobooks. Many more can be borrowed online through the libraries app, including eAudiobooks that work with screen readers.

If your child can't easily get to a library, the home library service can deliver books. Ask at any library or call us about a free library card for your child."""

PROVIDERS = [
    # --- Essex County Council teams -------------------------------------------------
    provider(
        "ecc-send-operations", "Essex County Council – SEND Operations", "council", "Chelmsford",
        "The SEND Operations teams manage EHC needs assessments, EHC plans and annual reviews for each quadrant of Essex.",
        offer("ehc-needs-assessment", quadrants=ALL_QUADRANTS),
        offer("educational-psychology", quadrants=ALL_QUADRANTS),
        offer("council-complaints", countywide=True, pinned=True, description=COMPLAINTS_DESCRIPTION),
        short="SEND Operations",
    ),
    provider(
        "ecc-children-with-disabilities", "Essex County Council – Children with Disabilities Service", "council", "Chelmsford",
        "Social work, short breaks and direct payments for disabled children and their families.",
        offer("cwd-social-work", quadrants=ALL_QUADRANTS),
        offer("family-link", countywide=True),
        offer("direct-payments", countywide=True),
        offer("pfa-transition", countywide=True),
        short="Children with Disabilities Service",
    ),
    provider(
        "ecc-travel", "Essex County Council – Travel Operations", "council", "Chelmsford",
        "Home to school and post-16 travel assistance, and independent travel training.",
        offer("home-to-school-travel", countywide=True, pinned=True, description=TRAVEL_DESCRIPTION),
        offer("post16-travel", countywide=True),
        offer("travel-training", quadrants=ALL_QUADRANTS),
        short="Essex Travel Operations",
    ),
    provider(
        "ecc-early-years", "Essex County Council – Early Years and Childcare", "council", "Chelmsford",
        "Supporting early years settings, childminders and families of young children with SEND.",
        offer("portage", quadrants=(NE,), pinned=True, description=PORTAGE_DESCRIPTION),
        offer("portage", quadrants=(MID, SOUTH, WEST)),
        offer("early-years-inclusion", quadrants=ALL_QUADRANTS),
        short="Early Years and Childcare",
    ),
    provider(
        "ecc-specialist-teaching", "Essex County Council – Specialist Teaching Service", "council", "Chelmsford",
        "Specialist teachers for sensory impairment and physical disability, and education for children with medical needs.",
        offer("specialist-teachers-sensory", quadrants=ALL_QUADRANTS),
        offer("medical-education", quadrants=(MID, SOUTH)),
        short="Specialist Teaching Service",
    ),
    provider(
        "essex-libraries", "Essex Libraries", "council", "Chelmsford",
        "Libraries across Essex with accessible books, relaxed sessions and free Wi-Fi.",
        offer("library-sensory", "Colchester", "Clacton-on-Sea", "Harwich", "Chelmsford", "Braintree", "Maldon",
              "Basildon", "Rayleigh", "Canvey Island", "Loughton", "Harlow", "Saffron Walden"),
        offer("library-sensory", countywide=True, label="accessible-books", ages=(0, 25),
              name="Accessible books and audiobooks – Essex Libraries",
              summary="Borrow large print, braille, tactile, dyslexia-friendly and symbol books, and audiobooks, free.",
              description=LIBRARY_BOOKS_DESCRIPTION, delivery=("online", "in-person")),
        offer("gaming-club", "Chelmsford", "Harlow"),
        offer("relationships-group", "Basildon"),
    ),
    provider(
        "essex-family-hubs", "Essex Family Hubs", "council", "Chelmsford",
        "Family hubs offer help for families with children aged 0 to 19, or up to 25 with SEND, in one place.",
        offer("family-hub-send", "Colchester", "Clacton-on-Sea", "Harwich", "Chelmsford", "Braintree", "Witham",
              "Maldon", "Basildon", "Pitsea", "Canvey Island", "Rayleigh", "Harlow", "Loughton", "Epping", "Saffron Walden"),
    ),
    provider(
        "essex-youth-service", "Essex Youth Service", "council", "Chelmsford",
        "Youth clubs and projects for young people across Essex, including inclusive clubs for young people with SEND.",
        offer("youth-club", "Colchester", "Clacton-on-Sea", "Chelmsford", "Braintree", "Maldon", "Witham", "Basildon",
              "Canvey Island", "Rayleigh", "Brentwood", "Harlow", "Loughton", "Saffron Walden", "Great Dunmow",
              "Waltham Abbey"),
    ),
    # --- NHS --------------------------------------------------------------------
    provider(
        "eput", "Essex Partnership University NHS Foundation Trust (EPUT)", "nhs", "Chelmsford",
        "An NHS trust providing mental health, learning disability and community health services in Essex.",
        offer("ld-health-transition", quadrants=ALL_QUADRANTS),
        short="EPUT",
    ),
    provider(
        "ne-childrens-health", "North East Essex Children's Community Health Services", "nhs", "Colchester",
        "Community therapies, paediatrics and nursing for children in Colchester and Tendring.",
        offer("salt", "Colchester", pinned=True, description=SALT_DESCRIPTION),
        offer("salt", "Clacton-on-Sea", "Harwich"),
        offer("occupational-therapy", quadrants=(NE,)),
        offer("physiotherapy", quadrants=(NE,)),
        offer("neurodevelopmental-assessment", quadrants=(NE,)),
        offer("audiology", "Colchester"),
        offer("continence", quadrants=(NE,)),
        offer("community-nursing", quadrants=(NE,)),
        short="NE Essex Children's Health",
    ),
    provider(
        "mid-childrens-health", "Mid Essex Children's Therapies and Community Paediatrics", "nhs", "Chelmsford",
        "NHS children's therapies and community paediatrics for Chelmsford, Braintree and Maldon districts.",
        offer("salt", "Chelmsford", "Braintree", "Maldon", "Witham"),
        offer("occupational-therapy", quadrants=(MID,)),
        offer("physiotherapy", quadrants=(MID,)),
        offer("neurodevelopmental-assessment", quadrants=(MID,)),
        offer("audiology", "Chelmsford"),
        offer("continence", quadrants=(MID,)),
        offer("community-nursing", quadrants=(MID,)),
        short="Mid Essex Children's Therapies",
    ),
    provider(
        "south-childrens-health", "South Essex Children's Community Services", "nhs", "Basildon",
        "Children's community health services for Basildon, Brentwood, Castle Point and Rochford.",
        offer("salt", "Basildon", "Billericay", "Canvey Island", "Rayleigh"),
        offer("occupational-therapy", quadrants=(SOUTH,)),
        offer("physiotherapy", quadrants=(SOUTH,)),
        offer("neurodevelopmental-assessment", quadrants=(SOUTH,)),
        offer("audiology", "Basildon"),
        offer("continence", quadrants=(SOUTH,)),
        offer("community-nursing", quadrants=(SOUTH,)),
        short="South Essex Children's Services",
    ),
    provider(
        "west-childrens-health", "West Essex Children's Health Partnership", "nhs", "Harlow",
        "Children's therapies, community paediatrics and nursing in Harlow, Epping Forest and Uttlesford.",
        offer("salt", "Harlow", "Loughton", "Saffron Walden"),
        offer("occupational-therapy", quadrants=(WEST,)),
        offer("physiotherapy", quadrants=(WEST,)),
        offer("neurodevelopmental-assessment", quadrants=(WEST,)),
        offer("audiology", "Harlow"),
        offer("continence", quadrants=(WEST,)),
        offer("community-nursing", quadrants=(WEST,)),
        short="West Essex Children's Health",
    ),
    provider(
        "essex-wellbeing-service", "Essex Children's Emotional Wellbeing Service", "nhs", "Chelmsford",
        "Emotional wellbeing and mental health support for children and young people up to 18.",
        offer("camhs-wellbeing", quadrants=(NE,), pinned=True, description=CAMHS_DESCRIPTION),
        offer("camhs-wellbeing", quadrants=(MID, SOUTH, WEST)),
        offer("crisis-line", countywide=True),
        offer("eating-support", countywide=True),
        short="Emotional Wellbeing Service",
    ),
    provider(
        "essex-schools-wellbeing", "Essex Schools Wellbeing Teams", "nhs", "Chelmsford",
        "Mental health support teams working in schools and colleges.",
        offer("mhst-schools", quadrants=ALL_QUADRANTS),
    ),
    provider(
        "essex-wheelchair-service", "Essex Children's Wheelchair and Posture Service", "nhs", "Chelmsford",
        "Wheelchairs, buggies and specialist seating for children and young people.",
        offer("wheelchair-service", "Chelmsford", countywide=True),
        short="Wheelchair and Posture Service",
    ),
    provider(
        "essex-childrens-pals", "Children's Community Health – Patient Advice and Liaison Service", "nhs", "Chelmsford",
        "Confidential help with concerns about children's community health services.",
        offer("nhs-complaints", countywide=True),
        short="Children's Health PALS",
    ),
    # --- Information, advice and disagreement resolution -------------------------
    provider(
        "essex-sendiass", "Essex SENDIASS", "charity", "Chelmsford",
        "The SEND information, advice and support service for Essex: free, confidential and impartial.",
        offer("sendiass", countywide=True, pinned=True, description=SENDIASS_DESCRIPTION),
        offer("ehcp-workshop", quadrants=ALL_QUADRANTS),
        offer("ehcp-workshop", countywide=True, label="online", name="EHCP Explained – online workshops for parents and young people",
               delivery=("online",)),
    ),
    provider(
        "essex-family-forum", "Essex Family Forum", "charity", "Chelmsford",
        "The independent parent carer forum for Essex.",
        offer("parent-carer-forum", countywide=True),
    ),
    provider(
        "anglia-send-mediation", "Anglia SEND Mediation Partnership", "business", "Colchester",
        "Independent, accredited mediators specialising in SEND, working across the East of England.",
        offer("mediation", countywide=True, pinned=True, description=MEDIATION_DESCRIPTION),
        offer("disagreement-resolution", countywide=True, pinned=True),
        short="Anglia SEND Mediation",
    ),
    provider(
        "blackwater-education-law", "Blackwater Education Law LLP", "business", "Chelmsford",
        "Solicitors specialising in education and SEND law.",
        offer("tribunal-support", "Chelmsford", "Colchester", countywide=True),
        short="Blackwater Education Law",
    ),
    provider(
        "send-appeals-support", "Essex SEND Appeals Support", "charity", "Witham",
        "A small charity helping families prepare SEND Tribunal appeals.",
        offer("tribunal-support", countywide=True),
    ),
    provider(
        "essex-benefits-project", "Essex Disability Benefits Project", "charity", "Colchester",
        "Free, independent welfare benefits advice for disabled people and carers.",
        offer("benefits-advice", "Colchester", "Clacton-on-Sea", "Chelmsford", "Braintree", "Basildon", "Harlow",
              "Loughton", "Saffron Walden"),
        offer("benefits-advice", countywide=True, label="helpline", name="Disability benefits helpline for families",
               delivery=("telephone",)),
        short="Disability Benefits Project",
    ),
    # --- Charities --------------------------------------------------------------
    provider(
        "asc-family-partnership", "ASC Family Partnership Essex", "charity", "Chelmsford",
        "An autism charity supporting autistic children and young people and their families.",
        offer("asd-parent-programme", quadrants=(MID,), pinned=True, description=ASD_PROGRAMME_DESCRIPTION,
              name="Autism Post-Diagnosis Parent Course, Mid Essex"),
        offer("asd-parent-programme", quadrants=(NE, SOUTH, WEST)),
        offer("asd-parent-programme", countywide=True, label="online", name="ASD/ASC parent programme – online evening groups",
               delivery=("online",)),
        offer("parent-support-group", "Colchester", "Basildon"),
        offer("anxiety-peer-group", "Chelmsford"),
        short="ASC Family Partnership",
    ),
    provider(
        "adhd-together", "ADHD Together Essex", "charity", "Braintree",
        "Support, workshops and information for families living with ADHD.",
        offer("adhd-parent-programme", quadrants=(NE, SOUTH)),
        offer("adhd-parent-programme", countywide=True),
        offer("parent-support-group", "Witham"),
        short="ADHD Together",
    ),
    provider(
        "restful-nights", "Restful Nights Sleep Project", "charity", "Colchester",
        "Sleep support for families of children with additional needs.",
        offer("sleep-support", quadrants=(NE, WEST)),
        offer("sleep-support", countywide=True),
        short="Restful Nights",
    ),
    provider(
        "essex-young-carers", "Essex Young Carers and Siblings Network", "charity", "Chelmsford",
        "Support for young carers and siblings of disabled children.",
        offer("young-carers", "Colchester", "Clacton-on-Sea", "Chelmsford", "Braintree", "Basildon", "Canvey Island",
              "Harlow", "Epping"),
        offer("young-carers", countywide=True, label="assessments", name="Young carers' assessments and support (Essex)"),
        short="Young Carers Network",
    ),
    provider(
        "sensory-stars", "Sensory Stars CIC", "charity", "Colchester",
        "A community interest company running sensory play for babies and young children.",
        offer("sensory-stay-and-play", "Colchester", "Jaywick", "Chelmsford", "Halstead", "Maldon", "Wickford",
              "Benfleet", "Harlow", "Great Dunmow", "Waltham Abbey"),
    ),
    provider(
        "essex-deaf-families", "Essex Deaf Children and Families Group", "charity", "Chelmsford",
        "A family-led group for deaf children and their families.",
        offer("sensory-family-group", "Chelmsford", "Colchester", countywide=True, needs=("hi", "msi")),
        short="Deaf Children and Families Group",
    ),
    provider(
        "essex-sight-loss-young", "Essex Young People's Sight Loss Project", "charity", "Basildon",
        "Activities and support for children and young people with vision impairment.",
        offer("sensory-family-group", "Basildon", "Harlow", countywide=True, needs=("vi", "msi")),
        short="Sight Loss Project",
    ),
    provider(
        "chelmer-down-syndrome", "Chelmer Valley Down Syndrome Support", "parent", "Chelmsford",
        "A parent-run charity for families of children and adults with Down syndrome.",
        offer("down-syndrome-group", "Chelmsford", countywide=True),
        offer("down-syndrome-group", "Witham"),
        short="Chelmer Valley DS Support",
    ),
    provider(
        "south-essex-down-syndrome", "South Essex Down Syndrome Families", "parent", "Basildon",
        "Parents supporting parents of children with Down syndrome in south Essex.",
        offer("down-syndrome-group", "Basildon", countywide=True),
        offer("down-syndrome-group", "Rayleigh"),
        short="South Essex DS Families",
    ),
    provider(
        "essex-epilepsy-families", "Essex Epilepsy and Complex Health Families", "charity", "Colchester",
        "Peer support for families of children with epilepsy and long-term conditions.",
        offer("therapy-hub-epilepsy", "Colchester", "Chelmsford", "Basildon", "Harlow"),
        offer("therapy-hub-epilepsy", countywide=True, label="online", name="Online group for teenagers with epilepsy and long-term conditions",
              ages=(13, 19), delivery=("online",)),
        short="Epilepsy and Complex Health Families",
    ),
    provider(
        "open-door-youth-counselling", "Open Door Youth Counselling", "charity", "Braintree",
        "Free counselling for young people in mid Essex.",
        offer("youth-counselling", "Braintree", "Witham", "Halstead", "Chelmsford"),
        short="Open Door",
    ),
    provider(
        "clacton-youth-wellbeing", "Clacton Youth Wellbeing Hub", "charity", "Clacton-on-Sea",
        "Wellbeing support and counselling for young people in Tendring.",
        offer("youth-counselling", "Clacton-on-Sea", "Harwich"),
        offer("anxiety-peer-group", "Clacton-on-Sea", "Frinton-on-Sea"),
        short="Youth Wellbeing Hub",
    ),
    provider(
        "south-essex-youth-counselling", "South Essex Youth Counselling Trust", "charity", "Basildon",
        "Counselling and emotional support for young people aged 11 to 25.",
        offer("youth-counselling", "Basildon", "Brentwood", "Rayleigh", "Canvey Island"),
        offer("anxiety-peer-group", "Wickford", "Benfleet"),
        short="SEYCT",
    ),
    provider(
        "west-essex-young-counselling", "West Essex Young People's Counselling", "charity", "Harlow",
        "Free, confidential counselling for young people in west Essex.",
        offer("youth-counselling", "Harlow", "Loughton", "Saffron Walden", "Epping"),
        offer("anxiety-peer-group", "Harlow"),
        short="WEYPC",
    ),
    provider(
        "talkspace-essex", "TalkSpace Essex", "charity", "Colchester",
        "Online wellbeing support for young people.",
        offer("online-counselling", countywide=True),
    ),
    provider(
        "parent-carers-wellbeing", "Essex Parent Carers' Wellbeing Network", "charity", "Chelmsford",
        "Wellbeing sessions and peer support for parent carers.",
        offer("parent-carer-wellbeing", "Colchester", "Tiptree", "Chelmsford", "Maldon", "Basildon", "Hockley",
              "Harlow", "Ongar"),
        offer("parent-carer-wellbeing", countywide=True, label="online", name="Online wellbeing evenings for parent carers",
               delivery=("online",)),
        short="Parent Carers' Wellbeing Network",
    ),
    # --- Local parent support groups --------------------------------------------
    provider("tendring-send-parents", "Tendring SEND Parents Together", "parent", "Clacton-on-Sea",
             "A parent-led support group for families in Tendring.",
             offer("parent-support-group", "Clacton-on-Sea", "Harwich", "Walton-on-the-Naze"), has_website=False),
    provider("colchester-spectrum-parents", "Colchester Spectrum Parents", "parent", "Colchester",
             "Parents of autistic children and young people supporting each other.",
             offer("parent-support-group", "Colchester", "Wivenhoe", needs=("autism", "adhd", "semh"))),
    provider("braintree-send-families", "Braintree District SEND Families", "parent", "Braintree",
             "Peer support for parent carers in Braintree, Witham and Halstead.",
             offer("parent-support-group", "Braintree", "Halstead", "Coggeshall"), has_website=False),
    provider("maldon-parent-carers", "Maldon District Parent Carers Coffee Club", "parent", "Maldon",
             "Coffee mornings and socials for parent carers in the Maldon district.",
             offer("parent-support-group", "Maldon", "Burnham-on-Crouch"),
             short="Parent Carers Coffee Club", has_website=False),
    provider("chelmsford-additional-needs-parents", "Chelmsford Additional Needs Parents", "parent", "Chelmsford",
             "A friendly group for parents and carers of children with additional needs in Chelmsford.",
             offer("parent-support-group", "Chelmsford", "South Woodham Ferrers", "Great Baddow"),
             short="CANP"),
    provider("basildon-send-mums-dads", "Basildon SEND Mums and Dads", "parent", "Basildon",
             "Peer support and family socials for parent carers in Basildon, Billericay and Wickford.",
             offer("parent-support-group", "Basildon", "Billericay", "Wickford", "Laindon"), has_website=False),
    provider("castle-point-rochford-parents", "Castle Point and Rochford Parent Carers", "parent", "Rayleigh",
             "Parent carers supporting each other across Castle Point and Rochford.",
             offer("parent-support-group", "Canvey Island", "Benfleet", "Rayleigh", "Rochford", "Hockley"),
             short="CPR Parent Carers"),
    provider("brentwood-additional-needs", "Brentwood Additional Needs Network", "parent", "Brentwood",
             "A network of families of children with additional needs in Brentwood.",
             offer("parent-support-group", "Brentwood", "Shenfield"), short="BANN"),
    provider("harlow-special-parents", "Harlow Special Parents", "parent", "Harlow",
             "A parent support group in Harlow for families of children with SEND.",
             offer("parent-support-group", "Harlow", "Old Harlow"), has_website=False),
    provider("epping-forest-send-families", "Epping Forest SEND Families", "parent", "Loughton",
             "Support, friendship and information for SEND families in Epping Forest.",
             offer("parent-support-group", "Loughton", "Epping", "Waltham Abbey", "Ongar"), short="EFSF"),
    provider("uttlesford-send-families", "Uttlesford SEND Families Network", "parent", "Saffron Walden",
             "Bringing together SEND families in a rural district.",
             offer("parent-support-group", "Saffron Walden", "Great Dunmow", "Stansted Mountfitchet", "Thaxted"),
             short="Uttlesford SEND Families"),
    # --- Sport and leisure -------------------------------------------------------
    provider("colchester-inclusive-sports", "Colchester Inclusive Sports Club", "club", "Colchester",
             "A multi-sport club for disabled children and young people.",
             offer("disability-football", "Colchester"), offer("inclusive-swimming", "Colchester"),
             offer("trampolining", "Colchester"), offer("wheelchair-sport", "Colchester"),
             short="Colchester Inclusive Sports"),
    provider("chelmsford-otters", "Chelmsford Otters Disability Swimming Club", "club", "Chelmsford",
             "A disability swimming club for swimmers of all abilities.",
             offer("inclusive-swimming", "Chelmsford", "South Woodham Ferrers", "Great Baddow"),
             short="Chelmsford Otters"),
    provider("basildon-rollers", "Basildon Rollers Wheelchair Sports Club", "club", "Basildon",
             "Wheelchair basketball and multi-sports.",
             offer("wheelchair-sport", "Basildon", "Billericay", countywide=True), short="Basildon Rollers"),
    provider("essex-boccia", "Essex Boccia Partnership", "club", "Chelmsford",
             "Boccia clubs and competitions for disabled people of all ages.",
             offer("wheelchair-sport", "Chelmsford", "Colchester", "Harlow", countywide=True), short="Essex Boccia"),
    provider("harlow-ability-football", "West Essex Ability Football Club", "club", "Harlow",
             "Pan-disability football for boys and girls.",
             offer("disability-football", "Harlow", "Epping", "Loughton"), short="West Essex Ability FC"),
    provider("tendring-tigers", "Tendring Tigers Inclusive Football", "club", "Clacton-on-Sea",
             "Inclusive football on the Tendring coast.",
             offer("disability-football", "Clacton-on-Sea", "Harwich"), short="Tendring Tigers"),
    provider("south-essex-ability-football", "South Essex Ability Football", "club", "Basildon",
             "Disability football squads across south Essex.",
             offer("disability-football", "Basildon", "Canvey Island", "Brentwood", "Wickford"), short="SEAF"),
    provider("mid-essex-all-ability-football", "Mid Essex All-Ability Football", "club", "Chelmsford",
             "All-ability football for children and young adults.",
             offer("disability-football", "Chelmsford", "Witham", "Maldon"), short="Mid Essex All-Ability FC"),
    provider("essex-active-leisure", "Essex Active Leisure Trust", "leisure", "Chelmsford",
             "A not-for-profit trust running leisure centres and pools.",
             offer("inclusive-swimming", "Clacton-on-Sea", "Harwich", "Maldon", "Witham", "Billericay", "Canvey Island",
                   "Rayleigh", "Brentwood", "Harlow", "Loughton", "Saffron Walden", "Great Dunmow"),
             offer("trampolining", "Basildon", "Harlow", "Chelmsford"),
             short="Essex Active Leisure"),
    provider("saffron-walden-riding", "Saffron Walden Riding for Ability", "club", "Saffron Walden",
             "Riding and carriage driving for disabled riders.",
             offer("riding", "Saffron Walden", "Great Dunmow", countywide=True), short="SWRA"),
    provider("tiptree-riding", "Heybridge and Tiptree Riding for Ability", "club", "Tiptree",
             "A volunteer-led riding group.",
             offer("riding", "Tiptree", "Heybridge", countywide=True), short="Heybridge and Tiptree RfA"),
    provider("thames-estuary-riding", "Thames Estuary Riding Group", "club", "Hockley",
             "Riding for disabled children and adults in south Essex.",
             offer("riding", "Hockley", "Billericay", countywide=True), short="Thames Estuary Riding"),
    provider("brentwood-inclusive-theatre", "Brentwood and Basildon Inclusive Theatre Company", "charity", "Brentwood",
             "An inclusive theatre company for young people.",
             offer("inclusive-drama", "Brentwood", countywide=True), offer("inclusive-drama", "Billericay", "Basildon"),
             short="BBITC"),
    provider("colne-inclusive-arts", "Colne Inclusive Arts", "charity", "Colchester",
             "Drama and arts for young people with learning disabilities.",
             offer("inclusive-drama", "Colchester", "Clacton-on-Sea")),
    provider("chelmsford-inclusive-arts", "Mid Essex Inclusive Arts", "charity", "Chelmsford",
             "Drama and music for young people with additional needs.",
             offer("inclusive-drama", "Chelmsford", "Braintree"), offer("music-group", "Chelmsford")),
    provider("harlow-all-ability-arts", "Harlow and Epping All-Ability Arts", "charity", "Harlow",
             "Performing arts for everyone.",
             offer("inclusive-drama", "Harlow", "Epping")),
    provider("tendring-music-makers", "Tendring Music Makers", "charity", "Clacton-on-Sea",
             "Accessible music-making on the Tendring coast.",
             offer("music-group", "Clacton-on-Sea", "Colchester", "Harwich")),
    provider("soundwaves-essex", "SoundWaves Essex", "charity", "Braintree",
             "Music for children and young people with complex needs.",
             offer("music-group", "Basildon", "Harlow", "Braintree"), offer("music-group", "Saffron Walden", countywide=True)),
    provider("blackwater-sailing", "Blackwater Accessible Sailing", "club", "Maldon",
             "Accessible sailing on the Blackwater and Crouch estuaries.",
             offer("sailing", "Maldon", "Heybridge", "Burnham-on-Crouch", "West Mersea", countywide=True)),
    provider("essex-adaptive-cycling", "Essex Adaptive Cycling", "charity", "Chelmsford",
             "All-ability cycling with adapted bikes.",
             offer("adaptive-cycling", "Colchester", "Chelmsford", "Basildon", "Harlow", "Hadleigh", countywide=True)),
    provider("level-up-gaming", "Level Up Neurodivergent Gaming CIC", "leisure", "Harlow",
             "Gaming clubs for neurodivergent young people.",
             offer("gaming-club", "Harlow", "Chelmsford", "Clacton-on-Sea", "Billericay"),
             offer("gaming-club", countywide=True, label="online", name="Level Up online gaming club",
               delivery=("online",)),
             short="Level Up Gaming"),
    provider("essex-community-cinemas", "Essex Community Cinemas", "leisure", "Colchester",
             "Independent cinemas running relaxed screenings.",
             offer("relaxed-cinema", "Colchester", "Chelmsford", "Basildon", "Harlow", "Braintree", "Clacton-on-Sea")),
    provider("inclusive-adventure-groups", "Essex Inclusive Adventure Groups", "charity", "Halstead",
             "Small outdoor adventure groups for children with additional needs.",
             offer("inclusive-explorers", "Colchester", "Halstead", "Billericay", "Rayleigh", "Epping", "Great Dunmow"),
             short="Inclusive Adventure Groups"),
    # --- Holidays and short breaks ---------------------------------------------
    provider("fun-fusion", "Fun Fusion Holiday Clubs", "leisure", "Chelmsford",
             "Holiday clubs across Essex, including HAF.",
             offer("haf", "Chelmsford", pinned=True, description=HAF_DESCRIPTION),
             offer("haf", "Colchester", "Clacton-on-Sea", "Harwich", "Braintree", "Witham", "Maldon", "Basildon",
                   "Pitsea", "Canvey Island", "Rayleigh", "Brentwood", "Harlow", "Loughton", "Waltham Abbey",
                   "Saffron Walden"),
             short="Fun Fusion"),
    provider("move-more-holidays", "Move More Holiday Camps", "leisure", "Halstead",
             "Sports-based holiday camps with HAF places.",
             offer("haf", "Jaywick", "Halstead", "South Woodham Ferrers", "Wickford", "Benfleet", "Epping", "Great Dunmow",
                   "Old Harlow"),
             short="Move More"),
    provider("essex-specialist-playschemes", "Essex Specialist Playschemes", "charity", "Chelmsford",
             "Holiday playschemes for disabled children with complex needs.",
             offer("specialist-playscheme", "Colchester", "Chelmsford", countywide=True),
             offer("specialist-playscheme", "Clacton-on-Sea", "Braintree", "Basildon", "Rayleigh", "Harlow", "Saffron Walden"),
             short="Specialist Playschemes"),
    provider("saturday-stars", "Saturday Stars Short Breaks", "charity", "Colchester",
             "Short breaks clubs for disabled children and young people.",
             offer("activity-short-breaks", "Colchester", pinned=True, description=SHORT_BREAKS_DESCRIPTION,
                   name="Saturday Club – Colchester"),
             offer("activity-short-breaks", "Clacton-on-Sea", "Chelmsford", "Witham", "Maldon", "Basildon",
                   "Canvey Island", "Brentwood", "Harlow", "Loughton", "Saffron Walden"),
             short="Saturday Stars"),
    provider("homestead-short-breaks", "Homestead Short Breaks", "charity", "Chelmsford",
             "Overnight short breaks houses.",
             offer("overnight-short-breaks", "Colchester", "Harlow", countywide=True),
             offer("overnight-short-breaks", "Chelmsford", "Basildon"),
             short="Homestead"),
    provider("helping-hands-sitting", "Helping Hands Home Sitting", "business", "Basildon",
             "Home-based short breaks and sitting.",
             offer("home-sitting", quadrants=(SOUTH, MID)), offer("home-sitting", countywide=True),
             short="Helping Hands"),
    provider("essex-community-transport", "Essex Community Transport Partnership", "charity", "Braintree",
             "Accessible community transport.",
             offer("community-transport", quadrants=ALL_QUADRANTS), short="Community Transport Partnership"),
    # --- Colleges and preparing for adulthood -----------------------------------
    provider("colne-valley-college", "Colne Valley College", "college", "Colchester",
             "A further education college for north east Essex.",
             offer("fe-foundation", "Colchester", "Clacton-on-Sea"),
             offer("supported-internship", "Colchester", "Clacton-on-Sea"),
             offer("independent-living", "Colchester")),
    provider("chelmer-valley-college", "Chelmer Valley College", "college", "Chelmsford",
             "A further education college for mid Essex.",
             offer("fe-foundation", "Chelmsford", "Braintree"),
             offer("supported-internship", "Chelmsford", pinned=True, description=INTERNSHIP_DESCRIPTION,
                   name="Project Pathways supported internships – Chelmsford"),
             offer("supported-internship", "Braintree", "Maldon"),
             offer("independent-living", "Chelmsford")),
    provider("thames-estuary-college", "Thames Estuary College", "college", "Basildon",
             "A further education college for south Essex.",
             offer("fe-foundation", "Basildon", "Brentwood"),
             offer("supported-internship", "Basildon", "Rayleigh"),
             offer("independent-living", "Canvey Island")),
    provider("stort-valley-college", "Stort Valley College", "college", "Harlow",
             "A further education college for west Essex.",
             offer("fe-foundation", "Harlow", "Loughton"),
             offer("supported-internship", "Harlow", "Saffron Walden"),
             offer("independent-living", "Harlow")),
    provider("pathways-to-work", "Pathways to Work Essex", "charity", "Chelmsford",
             "Supported employment for young disabled people.",
             offer("supported-employment", quadrants=ALL_QUADRANTS), short="Pathways to Work"),
    provider("independent-futures", "Independent Futures Essex", "charity", "Colchester",
             "Day opportunities and self-advocacy for young adults with learning disabilities.",
             offer("day-opportunities", "Colchester", "Chelmsford", "Basildon", "Harlow", "Clacton-on-Sea"),
             offer("relationships-group", "Colchester", "Chelmsford", "Harlow"),
             short="Independent Futures"),
    # --- Schools and early years settings ----------------------------------------
    provider("kingfisher-park-school", "Kingfisher Park School", "school", "Colchester",
             "An all-age special school for pupils with SLD and PMLD.",
             offer("special-school-sld", "Colchester", countywide=True), offer("hydrotherapy", "Colchester"),
             offer("specialist-nursery", "Colchester")),
    provider("hollyfield-school", "Hollyfield School", "school", "Chelmsford",
             "A special school for pupils with severe and complex learning difficulties.",
             offer("special-school-sld", "Chelmsford", countywide=True), offer("hydrotherapy", "Chelmsford")),
    provider("riverbend-academy", "Riverbend Academy", "school", "Basildon",
             "A special school for pupils aged 3 to 19 with SLD and PMLD.",
             offer("special-school-sld", "Basildon"), offer("hydrotherapy", "Basildon"),
             offer("specialist-nursery", "Basildon")),
    provider("oakmere-school", "Oakmere School", "school", "Harlow",
             "A special school for pupils with SLD, PMLD and autism.",
             offer("special-school-sld", "Harlow"), offer("specialist-nursery", "Harlow")),
    provider("meadowbrook-academy", "Meadowbrook Academy", "school", "Braintree",
             "A special school for pupils with SEMH needs.",
             offer("special-school-semh", "Braintree", countywide=True)),
    provider("thornfield-academy", "Thornfield Academy", "school", "Rayleigh",
             "A specialist SEMH school.",
             offer("special-school-semh", "Rayleigh", countywide=True)),
    provider("harbour-lights-school", "Harbour Lights School", "school", "Clacton-on-Sea",
             "A specialist school for pupils with SEMH needs.",
             offer("special-school-semh", "Clacton-on-Sea", countywide=True)),
    provider("willow-brook-school", "Willow Brook School", "school", "Loughton",
             "An SEMH school for secondary-age pupils.",
             offer("special-school-semh", "Loughton", countywide=True, ages=(11, 16))),
    provider("estuary-learning-trust", "Estuary Learning Trust", "school", "Chelmsford",
             "A multi-academy trust of primary schools, several with enhanced provision for pupils with SEND.",
             offer("resourced-provision", "Colchester", name="Castle View Primary – Enhanced Provision for autism",
                   venue_name="Castle View Primary School", needs=("autism", "slcn")),
             offer("resourced-provision", "Chelmsford", name="Ashwood Primary – Hearing Impairment Resource Base",
                   venue_name="Ashwood Primary School", needs=("hi",)),
             offer("resourced-provision", "Basildon", name="Brook Meadow Primary – SLCN Enhanced Provision",
                   venue_name="Brook Meadow Primary School", needs=("slcn", "autism")),
             offer("resourced-provision", "Harlow", name="Elm Tree Primary – Physical Disability Resource Base",
                   venue_name="Elm Tree Primary School", needs=("pd", "medical"))),
    provider("little-harbour-nursery", "Little Harbour Specialist Nursery", "school", "Clacton-on-Sea",
             "A specialist nursery for children with complex needs.",
             offer("specialist-nursery", "Clacton-on-Sea"), short="Little Harbour"),
    # --- Independent practitioners --------------------------------------------------
    provider("talk-together-therapy", "Talk Together Therapy", "business", "Chelmsford",
             "Independent speech and language therapists.",
             offer("private-salt", "Chelmsford", "Colchester", countywide=True)),
    provider("speak-easy-therapy", "Speak Easy Children's Therapy", "business", "Brentwood",
             "Independent children's speech and language therapy.",
             offer("private-salt", "Brentwood", "Billericay", "Loughton"), short="Speak Easy"),
    provider("essex-dyslexia-centre", "Essex Dyslexia Centre", "business", "Colchester",
             "Specialist dyslexia assessment and tuition.",
             offer("dyslexia-support", "Colchester", "Chelmsford", countywide=True),
             offer("dyslexia-support", "Brentwood", "Saffron Walden")),
    provider("word-wise-tuition", "Word Wise Tuition", "business", "Basildon",
             "Specialist literacy tuition for dyslexic learners.",
             offer("dyslexia-support", "Basildon", "Harlow", countywide=True)),
]
