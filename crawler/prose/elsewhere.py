"""Whose service a clause names, when it is not the program's: one people are referred out
for ("clients who need yoga are referred to Hope Clinic"), one "through a referral", a sister
program's or a partner's ("our partners at Hope Clinic provide ...").

What the program does beside a referral stays its own ("our psychiatrist prescribes
buprenorphine and refers to an OTP for methadone").
"""

from __future__ import annotations

import re

# Sending people elsewhere: "we refer ... to Hope Clinic" (not "referred to our IOP", "to our
# psychiatrist", "referred to by hospitals").
REFERRED_OUT = re.compile(
    r"\brefer(?:s|red|ring)?\b(?:(?!\bto\b)[^.;]){0,60}\bto\b"
    r"(?!\s+(?:by\b|us\b|(?:our|this) (?!partners?\b|affiliates?\b|network\b)))",
    re.I,
)
# "Yoga is available through a referral.", "... through a referral to Hope Clinic" (not "by
# referral from your counselor to our medical team").
THROUGH_A_REFERRAL = re.compile(
    r"\b(?:available|offered|provided)(?: only)? (?:through|via|by) (?:a )?referral"
    r"(?: to (?!us\b|our\b)[^.;]*)?\W*$",
    re.I,
)
# Others sending people to the program: "physicians can refer patients who need Suboxone to
# Brightview Recovery" (a page for referrers), not the program sending them out.
REFERRING_IN = re.compile(
    r"\b(?:physicians|doctors|providers|clinicians|courts|agencies|you|families|professionals"
    r"|anyone|referrers) (?:can|may|are welcome to|are invited to) refer\b",
    re.I,
)
# What a referral names as its subject: "Methadone patients are referred to Hope Clinic",
# "clients on methadone are referred ..."
THE_REFERRED = re.compile(
    r"^\W*(?:maintenance |dosing )?(?:patients|clients|participants|users)?\s*(?:are|is)\s+"
    r"(?:usually |often |typically |generally )?$",
    re.I,
)
# Said to be given here too: "... and at this location", "as well as here".
ALSO_HERE = re.compile(
    r"\b(?:and|as well as|or|also)\s+(?:at |by |in )?(?:this (?:location|office|clinic|site)"
    r"|here\b|us\b|our own\b|our (?:clinic|office|program|staff|team))",
    re.I,
)
# Someone else's service, named before the place that gives it ("offered at our sister program
# in Denver") or after the partner that does ("our partners at Hope Clinic provide ...").
AT_ANOTHER_PLACE = re.compile(
    r"\b(?:offered|provided|available) (?:at|through|by) (?:our |a |an )?(?:sister|partner"
    r"|affiliated) (?:programs?|facilit(?:y|ies)|clinics?|locations?|sites?|organi[sz]ations?"
    r"|agenc(?:y|ies))\b"
    r"|\b(?:run|operated|offered|hosted|provided|prescribed) by (?:other|outside|community|local"
    r"|area) (?:providers?|agencies|programs?|clinics?|organi[sz]ations?)\b",
    re.I,
)
# Another place named as where it comes from, in its town: "Methadone is available from the
# opioid treatment program in Richmond" (not "from the clinic nurse"); the place named is
# another's too (its OTP is no OTP of the program's).
FROM_A_PLACE_IN_A_TOWN = re.compile(
    r"\b(?:available|offered|provided|dispensed) from (?:the|an?|local|nearby|area)"
    r" (?:[\w-]+ ){0,3}?(?:programs?|clinics?|providers?|otps?|centers?|centres?|hospitals?"
    r"|pharmac(?:y|ies)) (?:in|at) (?-i:[A-Z])(?!ur\b)",
    re.I,
)
# Other prescribers, what they prescribe named after them: "We work with area doctors who
# prescribe Suboxone and Vivitrol", "Local physicians who prescribe buprenorphine can refer"
# (not "our doctors prescribe Suboxone").
OTHERS_PRESCRIBE = re.compile(
    r"\b(?:area|local|community|outside|nearby) (?:doctors|physicians|prescribers|providers"
    r"|clinicians)(?: who| that)? prescribe\b",
    re.I,
)
# The nearest place that gives it, said to be elsewhere: "The nearest methadone clinic is in
# Presque Isle" (what it names is that clinic's).
THE_NEAREST = re.compile(
    r"\b(?:the )?(?:nearest|closest) [^.;]{0,40}?\b(?:is|are) (?:located )?(?:in|at|about|an?)\b"
    r"(?! (?:our|this|the same)\b)",
    re.I,
)
# A referral for what it names first: "For naltrexone, we'll refer you to your primary care
# provider" (the words between the name and the referral: "naltrexone, we'll ").
FOR_IT_WE_REFER = re.compile(
    r"^[\w-]+(?: [\w-]+){0,3},?\s*(?:we|our (?:[\w-]+ ){0,2}?(?:staff|team|counselors?|nurses?))"
    r"(?:'ll|\u2019ll| will| can| may| usually| often)?\s*$",
    re.I,
)
# What one of the staff teaches at a school or another institution: "Rhonda also teaches a
# Saturday mindfulness workshop at the community college in Hayesville each spring".
TAUGHT_ELSEWHERE = re.compile(
    r"^\W*(?:(?:dr|mr|mrs|ms)\.? )?(?:(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?|she|he|they)"
    r" (?:also )?"
    r"(?:teaches|taught|lectures|instructs) [^.;]{0,60}?\bat (?:the |a |an )?(?:local )?"
    r"(?:community college|college|university)\b",
    re.I,
)
PARTNERS_GIVE = re.compile(
    r"\b(?:partners?|sister (?:programs?|facilit(?:y|ies)|clinics?))(?: (?:at|in) [^,.;]{1,40})?"
    r" (?:provides?|offers?|runs?|hosts?)\b",
    re.I,
)
WHO_NEED = re.compile(
    r"\bwho (?:need|needs|want|wants|require|requires)\b"
    r"|\b(?:clients|patients|people|members|participants) (?:on|taking|receiving|using)\b",
    re.I,
)
# Between a referral and what it names: another clause ("..., and our doctor will then ...").
ANOTHER_CLAUSE = re.compile(r",\s*(?:and|then)\b|\bthen\b|;", re.I)


def referred_out(clause: str, at: int) -> bool:
    """Whether the clause sends people elsewhere for what it names at ``at``: named in the
    referral ("we refer clients who need EMDR to our partners", "For naltrexone, we'll refer
    you to ..."), by who needs it ("clients who need yoga are referred to Hope Clinic"),
    "through a referral", or at a sister program or a partner's ("our partners at Hope Clinic
    provide yoga"), at the nearest place that gives it ("The nearest methadone clinic is in
    Presque Isle"), from a place in another town ("available from the opioid treatment program
    in Richmond"), as area doctors prescribe it, or taught by one of the staff at a school
    ("Rhonda also teaches a mindfulness workshop at the community college"); not what the
    program does beside it ("our psychiatrist prescribes buprenorphine and refers to an OTP for
    methadone", "if you need detox, we refer you to a partner, and our doctor will then start
    you on Suboxone")."""
    if THROUGH_A_REFERRAL.search(clause):
        return True
    if any(taught.start() <= at < taught.end() for taught in TAUGHT_ELSEWHERE.finditer(clause)):
        return True  # a counselor's class at the community college
    if any(nearest.start() <= at < nearest.end() for nearest in THE_NEAREST.finditer(clause)):
        return True  # the nearest methadone clinic, elsewhere
    others = OTHERS_PRESCRIBE.search(clause)
    if others and at >= others.end() and not ANOTHER_CLAUSE.search(clause[others.end() : at]):
        return True  # what area doctors prescribe
    named = FROM_A_PLACE_IN_A_TOWN.search(clause)
    if named and at < named.end() and not ANOTHER_CLAUSE.search(clause[at : named.start()]):
        return True  # methadone "available from the opioid treatment program in Richmond"
    elsewhere = AT_ANOTHER_PLACE.search(clause)
    if (
        elsewhere
        and at < elsewhere.start()
        and not ANOTHER_CLAUSE.search(clause[at : elsewhere.start()])
        and not ALSO_HERE.search(clause[elsewhere.end() :])
    ):
        return True
    partners = PARTNERS_GIVE.search(clause)
    if partners and at >= partners.end() and not ANOTHER_CLAUSE.search(clause[partners.end() : at]):
        return True
    referral = REFERRED_OUT.search(clause)
    if referral is None or REFERRING_IN.search(clause):
        return False
    if at >= referral.start():
        return not ANOTHER_CLAUSE.search(clause[referral.end() : at])
    before = clause[at : referral.start()]
    if ANOTHER_CLAUSE.search(before):
        return False
    # "Clients who need yoga are referred ...", "Methadone patients are referred ...", "For
    # naltrexone, we'll refer you ..."
    after_the_name = re.sub(r"^[\w-]+", "", before)
    return (
        bool(WHO_NEED.search(clause[:at]))
        or bool(THE_REFERRED.match(after_the_name))
        or (
            bool(re.search(r"\bfor\s+$", clause[:at], re.I)) and bool(FOR_IT_WE_REFER.match(before))
        )
    )


# Another kind of care as what a part of a sentence is about: a list item that begins with it
# ("Adult Partial Hospitalization - a day program ... with art therapy"), or the care people
# attend ("teens who need more structure attend our PHP ..., which includes art therapy").
ANOTHER_CARE = (
    r"(?:php|sacot|partial hospitali[sz]ation|day treatment|residential|inpatient|detox\w*"
    r"|withdrawal management|mental[- ]health (?:day|php)\b)"
)
NOT_THE_CARE = r"(?!\s+(?:area|wing|building|floor|settings?|graduates?|alumni)\b)"
ABOUT_ANOTHER_CARE = re.compile(
    # its name leading the part, then a dash, a colon or a verb ("Residential: ...", "Our PHP
    # meets ..."), not a word it qualifies ("PHP graduates", "Detox-free start")
    r"^\W*(?:(?:our|the|an?|adult|adolescent|teen|youth|child(?:ren's)?|women's|men's)\s+)*"
    + ANOTHER_CARE
    + r"(?:\s+(?:program|programme|unit|treatment|services?|care|track))?"
    r"(?:\s+\([^)]*\))?(?:\s+[\u2013\u2014-]\s|\s*[:(]|\s+(?:is|are|includes?|offers?"
    r"|provides?|meets?|runs?|has|have)\b"
    # where it is given: "PHP at our Knoxville campus, ... with art and music therapy"
    r"|\s+(?:at|in) (?:our|the) [\w-]+ (?:campus|hospital|medical center|building)\b)"
    # "A partial hospitalization program for adults ... with art therapy and yoga"
    r"|^\W*(?:(?:our|the|an?|adult|adolescent|teen|youth|mental[- ]health|psychiatric"
    r"|behavioral[- ]health)\s+)*"
    + ANOTHER_CARE
    + r"\s+(?:program|programme|unit|track)\s+(?:for|serves?|serving)\b"
    + r"|\b(?:attend|attends|join|joins|in|during|at)\s+(?:our|the)\s+(?:\w+\s+)?"
    + ANOTHER_CARE
    + NOT_THE_CARE
    + r"|\bpart of (?:(?:our|the)\s+)?"
    + ANOTHER_CARE
    # its days or its people ("PHP days include morning yoga", "PHP clients visit a farm")
    + r"|\b"
    + ANOTHER_CARE
    + r"\s+(?:days|clients|patients|participants|residents|teens|adolescents|adults|youth"
    r"|kids|members)\b",
    re.I,
)
# The IOP named in the same part: what it says is the IOP's too ("our PHP and IOP both ...").
THE_IOP_TOO = re.compile(
    r"\biops?\b|intensive outpatient|\b(?:all|both|every) (?:of )?(?:our )?(?:programs|levels)\b",
    re.I,
)


# The plans of another service than the program's, under a payment heading: "Insurance: Mental
# health counseling" (not "Substance use treatment, including IOP", "Mental health and
# addiction services").
ANOTHER_SERVICES_PLANS = re.compile(
    r"^[^:]*:\s*(?:(?:outpatient|individual|adult|child(?:ren's)?|family)\s+)*"
    r"(?:mental health|psychiatr\w*|primary care|medical|dental|pharmacy)"
    r"(?:\s+(?:counseling|therapy|services?|care|visits?|clinic))?\W*$",
    re.I,
)


def another_services_plans(sentence: str, heading: str) -> bool:
    """Whether a sentence under a payment heading of another service is that service's plans
    ("Insurance: Mental health counseling": "Anthem; Humana; Medicare"), not the program's."""
    return bool(ANOTHER_SERVICES_PLANS.match(heading)) and not THE_IOP_TOO.search(sentence)


# A heading that names another kind of care alone: "Partial Hospitalization (PHP)", "Adult
# Residential Program" (not "PHP and IOP", "Detox-free start").
ANOTHER_CARES_HEADING = re.compile(
    r"^\W*(?:(?:our|the|adult|adolescent|teen|youth|women's|men's|medical|medically monitored)"
    r"\s+)*"
    + ANOTHER_CARE
    + r"(?:\s+(?:program|programme|unit|treatment|services?|care))?(?:\s*\([^)]*\))?\W*$",
    re.I,
)

# A sentence under another care's heading about the program the care leads on to: "After PHP,
# most clients continue in our program three evenings a week".
ON_TO_THE_IOP = re.compile(r"\b(?:after|step(?:s|ping)? down|continue|our program)\b", re.I)


def about_another_care(sentence: str, heading: str) -> bool:
    """Whether a sentence under a heading naming another kind of care is that care's (its
    days and therapies), not naming the IOP itself."""
    return (
        bool(ANOTHER_CARES_HEADING.match(heading))
        and not THE_IOP_TOO.search(sentence)
        and not ON_TO_THE_IOP.search(sentence)
    )


def without_another_cares_parts(sentence: str) -> str:
    """The sentence with its parts about another kind of care blanked (positions kept): the
    IOP's own hours and weeks, not the PHP's it also speaks of."""
    for start, end in another_cares_parts(sentence):
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence


def another_cares_parts(sentence: str) -> list[tuple[int, int]]:
    """Where, in a sentence, another kind of care than the IOP is what is spoken of: each part
    (between semicolons) about a PHP, a residential or inpatient unit or detox, that does not
    name the IOP too. Its therapies and its hours are that care's, not the IOP's."""
    spans = []
    start = 0
    for part in re.split(r"(;)", sentence):
        if part != ";" and ABOUT_ANOTHER_CARE.search(part) and not THE_IOP_TOO.search(part):
            spans.append((start, start + len(part)))
        start += len(part)
    return spans
