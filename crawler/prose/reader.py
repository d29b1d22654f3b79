"""Read facility facts out of text segments (headings, paragraphs, list items with their lead).

A segment is split into sentences and each sentence into clauses. Questions ("Do you offer
detox?") and first-person sentences (testimonials: "I went to detox before coming here") are
skipped: they are not the program stating a fact. Each phrase of
:mod:`crawler.prose.vocabulary` that matches a clause sets its ``stated`` value, or its
``denied`` value when a denial word precedes it in the clause or follows it ("Medicaid is not
accepted"). Quantities come from :mod:`crawler.prose.numbers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from crawler.prose import numbers
from crawler.prose.availability import (
    LABELS,
    THE_IOP,
    AvailabilityStatement,
    availability,
    items_of_a_list,
)
from crawler.prose.elsewhere import (
    about_another_care,
    another_cares_parts,
    another_services_plans,
    referred_out,
    without_another_cares_parts,
)
from crawler.prose.intake import answer_to_bring, asks_what_to_bring, items_to_bring, same_thing
from crawler.prose.lines import LinesInContext, only_days_and_times
from crawler.prose.vocabulary import (
    A_NEED_ALONE,
    A_PAYMENT_HEADING,
    A_PAYMENT_SECTION,
    A_PERSONS_NAME,
    BARE_DENIAL,
    BY_APPOINTMENT,
    CLAUSE_BREAK,
    DENIAL_AFTER,
    DENIAL_BEFORE,
    DENIAL_GAP_BREAK,
    DENIAL_GAP_WORDS,
    DROPPED_AFTER_ITS_LABEL,
    HEDGE,
    MEDICAID_NAMES,
    MEDICATIONS,
    NONE_OF_ITS_COST_OR_WAIT,
    NOT_A_DENIAL,
    OTHER_LANGUAGES,
    PAYING,
    PHRASES,
    PRESCRIBES_MEDICATION,
    PROGRAM_KINDS,
    REFUSED_HEADING,
    SESSIONS_FOR_A_FAMILY,
    TO_COME,
    US_STATES,
    Phrase,
)

LIST_FIELDS = {
    "therapies.other",
    "languages.other",
    "access.licensed_states",
    "intake.what_to_bring",
    "accreditations",
    "schedule.opening_hours",
}


def new_items(path: str, items: list[Any], more: list[Any]) -> list[Any]:
    """The items of ``more`` a list of ``path`` does not have yet. A list read from another
    sentence may name the same thing in other words ("photo ID", "state ID"): it is there."""
    fresh: list[Any] = []
    for item in more:
        if item in fresh or any(_same_item(path, item, old) for old in items):
            continue
        fresh.append(item)
    return fresh


def _same_item(path: str, item: Any, other: Any) -> bool:
    if not (isinstance(item, str) and isinstance(other, str)):
        return bool(item == other)
    if path == "intake.what_to_bring":
        return same_thing(item, other)
    return item.casefold() == other.casefold()


# A line under a heading that takes plans that says otherwise: "We are out of network with Cigna."
NOT_TAKEN = re.compile(r"out[- ]of[- ]network|not in[- ]network|no longer|not accepted", re.I)
# What a patient needs, then a refusal of "it": "If you need detox first, we can't provide it
# here" refuses the detox.
NEEDED_THEN_DENIED = re.compile(
    r"(?P<denial>^\W*if (?:you|someone|a client|clients|patients?) (?:need|needs|require|requires"
    r"|want|wants) (?P<thing>(?:[\w-]+ ){0,2}?[\w-]+)(?: first| too| as well)?,\s*we (?:can't"
    r"|cannot|do not|don't|are unable to|aren't able to) (?:provide|offer|do|give|prescribe))"
    r" (?:it|that|this)(?=(?:\s+(?:here|on[- ]site|ourselves|in[- ]house|at (?:this|our)"
    r" (?:location|clinic|office|program)))?\s*(?:[,.;]|$))",
    re.I,
)
# Plans of employers and insurers, by their kind's name.
COMMERCIAL_PLANS = r"commercial(?: insurance| plans| health plans)?"
# A heading over the plans a program takes: "In network", "Plans we accept", "Commercial".
TAKEN_HEADING = re.compile(
    r"^\W*(?:in[- ]network(?: plans| insurance)?|accepted(?: plans| insurance)?"
    r"|(?:plans|insurance|insurers) (?:we(?:'re| are)? (?:accept|take|in[- ]network with)|accepted)"
    r"|we (?:accept|take)|we(?:'re| are) in[- ]network with"
    rf"|{COMMERCIAL_PLANS})\W*$",
    re.I,
)
PRIVATE_INSURANCE = "payment.private_insurance"
# A heading naming a kind of plans, over the plans of that kind: "Commercial", "Commercial plans".
A_KIND_OF_PLANS = re.compile(rf"^\W*(?:{COMMERCIAL_PLANS})\W*$", re.I)
# Plans named, then taken: "HMSA and UHA \u2014 in network.", "HMSA and UHA are accepted."
PLANS_TAKEN = re.compile(
    r"^\W*(?-i:[A-Z])[^.;:]{0,80}?(?:\s[\u2014\u2013-]\s*|:\s*|,\s*|\s+)(?:(?:are|is)\s+)?"
    r"(?:in[- ]network|accepted)\W*$",
    re.I,
)
# ... but not other payers, payments or arrangements, nor a refusal: "EAP vouchers accepted",
# "Referrals accepted from employers", "Checks and credit cards accepted".
NOT_PLANS_NAMES = re.compile(
    r"\b(?:medicaid|medicare|tricare|va|eaps?|employers?|vouchers?|single[- ]case|referrals?"
    r"|checks?|cards?|cash|payments?|not|no|only|never)\b|n't",
    re.I,
)
# Typographic apostrophes (U+2019 and its kin), as plain ones: "don\u2019t" matches what
# "don't" does (one character for one, so positions in the sentence stay the same).
PLAIN_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
# (A bar's items may stand between separators: "... 72 hours. | Sycamore House: full.")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?:[|\u00b7\u2022]\s+)?(?=[\"“¿¡(]?[A-Z0-9¿¡])")
# A client speaking of themselves, in the languages testimonials come in.
FIRST_PERSON = re.compile(
    r"\b(?:I'm|I've|I'd|I'll|me|my|mine|myself)\b"  # English (case: "i.e." is no one)
    # "I", not a roman one ("our Level I outpatient group", "Phase I", "a Title I contract")
    r"|(?<!Level )(?<!level )(?<!Phase )(?<!phase )(?<!Stage )(?<!stage )(?<!Part )"
    r"(?<!Title )\bI\b"
    # Spanish, Vietnamese, Tagalog, Haitian Creole, French: in lower case ("MI" is Michigan), or
    # capitalised where a sentence starts.
    r"|\b(?:yo|mi|mis|conmigo|estuve|llegué|encontré|tôi|ako|mwen|j'ai)\b"
    r"|^\W*(?:Yo|Mi|Mis|Tôi|Ako|Mwen)\b"
    r"|(?i:(?<!\w)(?:я|мне|меня|мой|моя)(?!\w))|我|أنا"  # Russian, Chinese, Arabic
)
ANSWER_WORD = re.compile(r"^[\s:]*(?:no|yes|s[ií])\s*[,.;:!\u2013\u2014-]", re.I)
# Someone else's doing: "a peer group not affiliated with us uses our room on Saturdays".
NOT_OURS = re.compile(
    r"\bnot affiliated with (?:us|our|the program)\b|\bunaffiliated\b"
    r"|\bindependent of (?:us|our)\b"
    # "the free equine program run by a ranch in Waimea", not "run by a licensed counselor"
    r"|\b(?:run|operated|offered|hosted|provided|prescribed) by (?:a|an|another) (?!(?:team"
    r"|licensed|trained|certified|counselor|clinician|therapist|nurse|psychiatrist|physician"
    r"|doctor|board|staff|peer|contracted)\b)"
    # (not who is welcome: "Clients taking buprenorphine prescribed by another provider are
    # welcome at both IOPs")
    r"(?![^.;]*\b(?:are|is) (?:also |still )?(?:welcome|accepted)\b)"
    # a clinician's own practice: "she also sees private EMDR clients at her Marietta office"
    r"|\b(?:at|through|in) (?:her|his) (?:own |private )?(?:[A-Z][\w'-]+ )?(?:practice|office)"
    r"\b(?! in our)|\bprivate (?!pay\b)(?:\w+ )?clients\b"
    # a clinician's other work: "Dr. Pinckney also sees patients at the Orangeburg adolescent PHP"
    r"|\b(?:also|additionally) (?:sees|treats|works|practices) (?:patients|clients|at|in)\b"
    # a partner's own sessions: "offered by Glade Run Farm, an independent partner, on some
    # Saturdays"
    r"|,\s*an independent partner\b",
    re.I,
)
# What programs in general do: "Nationally, most IOPs meet about nine hours a week."
IN_GENERAL = re.compile(
    r"\bnationally\b|across the (?:country|nation|u\.?s\.?)\b|in the (?:u\.?s\.?|united states)\b"
    r"|\b(?:most|many|some) (?:iops|intensive outpatient programs|(?:treatment )?programs)\b"
    r"|\b(?:a|the) typical (?:iop|intensive outpatient program|program)\b"
    r"|\b(?:iops|intensive outpatient programs) (?:typically|usually|generally|often|tend to)\b"
    r"|^\W*an (?:iop|intensive outpatient program) (?:typically|usually|generally|often|tends to)\b"
    r"(?![^.]*\b(?:ours|our|we)\b)"
    # what IOP is: "IOP typically means 9 to 15 hours of treatment per week"
    r"|^\W*(?:an? )?(?:iop|intensive outpatient(?: treatment| programs?)?) (?:typically |usually "
    r"|generally )?(?:means|involves|refers to)\b(?![^.]*\b(?:ours|our|we)\b)"
    r"|\bresearch (?:shows|suggests|has shown)\b|\bstudies (?:show|suggest|have shown)\b"
    # what a kind of provider is: "A methadone clinic is an outpatient clinic where ..."
    r"|^\W*an? (?:(?-i:[a-z][\w-]*) ){0,3}(?:clinic|program|programme|center|centre|facility)"
    r" is (?:an?|the|where|when)\b(?![^.]*\b(?:ours|our|we)\b)"
    # "Some people need detox first; others find that yoga helps."
    r"|^\W*(?:for )?some people\b|\bothers find\b",
    re.I,
)
# What holds at some of a chain's places, not which: "Medicare: Select centers".
SOME_PLACES = (
    r"(?:select(?:ed)?|some|certain|participating|(?:many|some|several|most) of our)"
    r" (?:centers|centres|locations|offices|clinics|sites|campuses|facilities)\b"
)
AT_SOME_PLACES = re.compile(rf"\b{SOME_PLACES}", re.I)
VARIES_BY_PLACE = re.compile(
    r"\b(?:services|programs|care|what we offer|offerings)\b[^.]{0,30}\b(?:differ|vary|varies)"
    r"\b[^.]{0,20}\b(?:from )?(?:center|centre|location|office|clinic|site)"
    r"|\bnot (?:all|every) (?:of our )?(?:centers|centres|locations|offices|clinics|sites)\b"
    rf"|\bat {SOME_PLACES}",
    re.I,
)
CONDITIONAL = re.compile(r"^\s*(?:if|unless|when|whether|should you|in case)\b", re.I)
# A clause of one season of the year: "In summer there is no IOP", "Over winter break, groups
# pause".
A_SEASONS_CLAUSE = re.compile(
    r"^\W*(?:in|during|over|for) (?:the )?(?:summer|winter|spring|fall|autumn|holiday)"
    r"(?: months| break| term| semester| session| season)?\b",
    re.I,
)
# A link's or a menu's name quoted (the "Equine & Wilderness" link in our menu): a name on the
# site, not a service it says it offers.
A_LINKS_NAME = re.compile(
    r"(?:the )?[\"\u201c][^\"\u201d]{1,40}[\"\u201d]\s+(?=(?:link|tab|page|button|menu)\b)", re.I
)
# A denial of offering something, as its own text denies its heading's service ("we don't offer
# equine therapy ourselves"; not "Art therapy is not about talent").
WE_DO_NOT_OFFER = re.compile(
    r"\b(?:we|our program|the program|the iop)\s+(?:do not|don't|does not|doesn't|no longer)"
    r"\s+(?:offer|provide|have|run)\b",
    re.I,
)
# A table's row of plans, refused: "AHCCCS (Arizona Medicaid), Utah Medicaid: No \u2014 we are
# not contracted" refuses each of them.
PLANS_ROW_REFUSED = re.compile(
    r"^[^:;]{3,200}:\s*(?:no|not accepted|not covered|not in[- ]network)\s*"
    # bare, or with why: not "No copay", "No prior authorization needed"
    r"(?:$|[.\u2014\u2013]\s*(?:we\b[^.;]*\bnot\b[^.;]*)?\.?\s*$|\s-\s)",
    re.I,
)
# A clause of time, not of condition, that may end without a comma: "When you complete IOP you
# step down to weekly outpatient counseling".
WHEN_DONE = re.compile(
    r"^\s*when you (?:complete|finish|graduate(?: from)?) (?:the |our |your )?"
    r"(?:iop|intensive outpatient(?: program)?|program)\b",
    re.I,
)


def _condition_end(clause: str) -> int | None:
    """Where a clause's leading condition ends ("If you need detox," of "If you need detox, we
    refer"): its first comma, else the whole clause, or ``None`` where it has none."""
    if not CONDITIONAL.match(clause):
        return None
    comma = clause.find(",")
    if comma != -1:
        return comma
    done = WHEN_DONE.match(clause)
    return done.end() if done else len(clause)


# What follows a service when a denial is of a place in it, not of the service ("no IOP openings
# until January", "no evening group spots left").
FOR_A_PLACE = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:openings?|spots?|slots?|seats?|beds?|vacanc(?:y|ies)|space"
    r"|availability|wait ?list|waiting list)\b",
    re.I,
)
BEDS = re.compile(
    r"\s+beds?\b(?!\s+(?:are\s+|is\s+)?(?:open|available|left|free|remaining|today|right now))",
    re.I,
)
# A part of the program the program's name qualifies: "IOP groups", "new IOP clients".
PART_OF_THE_PROGRAM = re.compile(
    r"\)?\s+(?:[\w-]+\s+)?(?:groups?|sessions?|clients?|participants?|patients?|assessments?"
    r"|intakes?|admissions?|classes|cohorts?|tracks?|hours|schedules?|fees?|costs?)\b",
    re.I,
)
# Offering the program's groups: denying it ("we do not offer IOP groups") denies the IOP, unless
# at some times only ("No IOP groups meet on weekends", "we don't run IOP groups on Saturdays").
OFFERED = re.compile(r"\b(?:offer|provide|have|has|run|hold)\w*\s+(?:any\s+)?(?:an?\s+)?$", re.I)
AT_SOME_TIMES = re.compile(
    r"\b(?:on|during|in the)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?"
    r"|holidays?|evenings?|mornings?|afternoons?)\b|\bat night\b"
    # and in Spanish: "No hay grupos de IOP por la noche"
    r"|\bpor la (?:noche|ma\u00f1ana|tarde)\b|\b(?:los )?fines de semana\b",
    re.I,
)
# The program's part its name follows in Spanish: "grupos de IOP", "sesiones del IOP".
A_PART_OF_IT_IN_SPANISH = re.compile(r"\b(?:grupos?|sesi\u00f3n|sesiones) del? $", re.I)
SCHEDULE_HEADING = re.compile(
    r"^\W*(?:(?:(?:group|iop|program|weekly) )?schedule"
    r"|(?:where and )?when (?:we|groups?|the iop) meets?"
    # the program's own heading over its days and times ("IOP": "Days: ...; Time: ...",
    # "Intensive Outpatient (IOP)")
    r"|iop|intensive outpatient(?: program| treatment)?(?: \(iop\))?"
    r"|(?:(?:iop|program) )?group (?:times|days|hours)"
    # a track's card: "Evening IOP", "Morning Track"
    rf"|(?:{numbers.TRACK_TIMES}|saturday|adult|teen|adolescent"
    r"|youth|women's|men's) (?:iop|track)s?)\W*$",
    re.I,
)
# A program named by its own name over its IOP ("Bayberry IOP", over a health centre's footer
# hours): no track's heading, as "Day IOP" and "Evening cohort" are.
A_PROGRAMS_OWN_NAME = re.compile(
    rf"^\W*(?!(?i:{PROGRAM_KINDS})\b)(?-i:[A-Z][\w'-]*)(?: (?-i:[A-Z][\w'-]*)){{0,2}}"
    r" (?:IOP|Intensive Outpatient(?: Program)?)\W*$"
)
# A weekend day with the times of its group: "Saturday, 10:00 a.m. - 1:00 p.m." (not a date, a
# closing, an intake's or another's meeting: "No groups Saturday 12/24", "AA meets Sunday 7 pm").
WEEKEND_DAY_AND_TIME = re.compile(
    r"\b(?:saturday|sunday)s?,?\s*(?:from\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:[-\u2013\u2014]|to)\s*(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|noon)",
    re.I,
)
NOT_THE_TRACKS_WEEKEND = re.compile(
    r"\b(?:closed?|no groups?|not|intakes?|assessments?|graduation|ceremony|aa|na|al-anon"
    r"|holiday)\b",
    re.I,
)
# Words of an office's or a building's hours, not a group's: "open", "Hours:", "Location:".
AN_OFFICES = re.compile(r"\b(?:open|office|hours\s*:|location\s*:)", re.I)
# The program's own prescribing: "Our nurse practitioner provides buprenorphine", "we offer
# Vivitrol injections" (not "clients see Dr. Lee, who prescribes Suboxone").
OUR_PRESCRIBING = re.compile(
    r"\bour (?:[\w-]+ ){0,2}(?:nurse practitioners?|nurses?|prescribers?|psychiatrists?"
    r"|physicians?|doctors?|providers?|medical|clinic|team|staff|np|pa)\b"
    r"|\bwe (?:also )?(?:offer|provide|prescribe|give|start)\b",
    re.I,
)
MEDICAID = "payment.medicaid"
TELEHEALTH = "access.telehealth"
# Care one to one, not in a group: "individual sessions", "one-on-one counseling".
ONE_TO_ONE = re.compile(
    r"\b(?:individual|one[- ]on[- ]one|one[- ]to[- ]one|private) (?:sessions?|counseling|therapy"
    r"|visits?|appointments?|check-ins?)\b",
    re.I,
)
# A clause about online groups alone: "Do you offer online groups? No.", "there is no online
# IOP" (not "We do not offer telehealth or online groups", "Telehealth is not available for
# groups or individual sessions")
ONLINE_GROUPS_ALONE = re.compile(
    r"^(?=.*\b(?:online|virtual|video|zoom) (?:groups?|iop|intensive outpatient|track)\b)"
    r"(?!.*\b(?:telehealth|telemedicine|individual|sessions?|visits?|counseling|appointments?)\b)",
    re.I,
)
# An offer told as past, conditional or another's: "During COVID, individual sessions were
# held by telehealth", "once you complete the program", "Many clinics now offer ...".
NOT_AN_OFFER_NOW = re.compile(
    r"\b(?:was|were|used to|during|covid|pandemic|once you|after you|clinics|programs|others?)\b",
    re.I,
)
# A state's Medicaid by its own name ("Oregon Health Plan", "AHCCCS"), not Medicaid at large.
STATE_PLAN = re.compile(
    "|".join(name for name in MEDICAID_NAMES.split("|") if name != r"\bmedicaid\b"), re.I
)
# A track's week, led by its name: "Day IOP: Mon, Tue, Thu; 9 to noon", "Evening track: ...".
A_TRACKS_WEEK = re.compile(
    rf"\W*(?:{PROGRAM_KINDS})(?:\s+(?:adult|teen|iop|intensive outpatient))?"
    r"\s+(?:iop|track|cohort)\b",  # (not a "Women's group", a "Veterans program")
    re.I,
)
# A row of one of the program's phases, one after the other: "Phase 1: Monday, Tuesday,
# Wednesday, Thursday; 9:00 a.m. - 12:00 p.m.; 4 weeks" (the program's groups in that phase).
A_PHASES_ROW = re.compile(r"^\W*phase (?:\d|one|two|three|four|i{1,3}|iv)\s*:", re.I)
# A phase after the program: "Phase 2: Aftercare, Tuesday evenings; 6:00-7:30 pm; 12 weeks".
AFTERCARE = re.compile(r"\b(?:aftercare|continuing care|alumni)\b", re.I)
# A row of a table of tracks, its track named before its days: "IOP Plus: Monday - Friday; 9:00
# AM - noon; 4 weeks", "Standard IOP (day): ...".
A_TRACKS_ROW = re.compile(r"^\W*[^:;]{0,40}\b(?:iop|track|cohort)\b[^:;]{0,20}:[^;]*;", re.I)
# A track no client takes as the program: an aftercare's, alumni's or a class's.
OTHERS_TRACK = re.compile(AFTERCARE.pattern + r"|\b(?:dui|dwi|owi|education|family)\b", re.I)


def _a_tracks_row(sentence: str) -> bool:
    """Whether a sentence gives one track's or one phase's week."""
    return bool(
        A_TRACKS_WEEK.match(sentence)
        or A_PHASES_ROW.match(sentence)
        or A_TRACKS_ROW.match(sentence)
    )


# The program itself: "telehealth IOP", "evening IOP" name one kind of it (see _a_kind_of).
KIND_OF_THE_PROGRAM = re.compile(rf"\b(?:{PROGRAM_KINDS})$", re.I)
# How the program is given, after its name: "we don't offer the IOP online" denies that way.
A_WAY_OF_GIVING_IT = re.compile(
    r"\)?\s+(?:(?:groups?|sessions?|program)\s+)?(?:(?:is|are)\s+)?(?:not\s+)?"
    r"(?:offered\s+|available\s+|held\s+|given\s+)?"
    r"(?:online|virtually|remotely|by (?:secure )?video|(?:by|over|through|via) (?:telehealth"
    r"|telemedicine|zoom))\b",
    re.I,
)
# Words saying a payer is not taken yet, before its name: "We are enrolling and hope to accept
# Medicare sometime in 2027", "we plan to bill Aetna", "credentialing with TriWest".
PAYER_NOT_YET = re.compile(
    r"\b(?:hope|hopes|hoping|plan|plans|planning|expect|expects|intend|intends)\s+to\s+"
    r"(?:accept|take|bill|join|contract with|be in[- ]network with|become an? (?:[\w-]+ )?"
    r"provider (?:for|with))\s+"
    r"|\b(?:enrolling|credentialing) (?:with|in|as an? provider (?:for|with))\s+",
    re.I,
)
# A heading of medications alone: "Medications", "Medication for addiction treatment (MAT)".
A_MEDICATIONS_HEADING = re.compile(
    r"^\W*(?:medications?(?: (?:for|in) (?:addiction|recovery|opioid use disorder|substance use"
    r"(?: disorders?)?)(?: treatment)?)?(?: \((?:mat|moud)\))?|mat|moud)\W*$",
    re.I,
)
# What the program ran in a year gone by and closed: "In 2019 we ran a Saturday IOP group and a
# small residential house in Orofino; both closed during the pandemic."
A_PAST_YEARS_CLOSED = re.compile(
    r"^\W*(?:back )?in (?:19|20)\d\d,? (?:we|the program|our program|the clinic)"
    r" (?:offered|provided|ran|had|operated|hosted)\b"
    r"(?=[^.]*\b(?:both|it|they|all|each|the group|the program) (?:closed|ended|stopped"
    r"|(?:was|were) (?:closed|discontinued)|shut down)\b)",
    re.I,
)
# Something of the program's other than its care, as what a denial is said of: "The van does not
# offer counseling sessions, groups or IOP", "Our crisis line does not provide treatment".
ANOTHER_THINGS_SUBJECT = re.compile(
    r"^\W*(?:the|our|this) (?:mobile |outreach |recovery )*(?:van|bus|hotline|crisis line"
    r"|help ?line|website|web site|app|portal|pharmacy|food pantry|thrift store)\b"
    r"(?! (?:and|&|or) (?:our|the) )",
    re.I,
)
# In what language the program is denied: "We do not offer IOP in Spanish" (its groups in one
# language, not the IOP; a town's denial, "IOP is not offered in Webster", is that office's).
IN_A_LANGUAGE = re.compile(
    r"\)?\s+(?:(?:groups?|sessions?|programs?|services|classes|tracks?)\s+)?"
    r"(?:(?:is|are)\s+(?:not\s+)?(?:(?:currently|yet|now)\s+)?(?:offered|available|held|run)\s+)?"
    rf"in\s+(?:{'|'.join(['Spanish', 'English', *OTHER_LANGUAGES])}|languages? other than)\b",
    re.I,
)
IOP_FACT = "levels_of_care.iop"
LICENSED = re.compile(r"licen[sc]", re.I)
NOT_LICENSED = re.compile(r"\b(?:not|n't|no longer) (?:\w+ )?licen[sc]|\bunlicen", re.I)
LICENSED_CONTEXT = re.compile(
    r"virtual|telehealth|online|\bserve\b|residents|physically located"
    r"|(?:clients|patients|people|adults|teens|anyone)(?: who are)? (?:in|located)"
    r"|\bwho live in\b",
    re.I,
)
# Virtual care open to the people of some states only: "The virtual IOP is available to adults
# located in Missouri only", "Telehealth groups are open to residents of Iowa and Nebraska".
VIRTUAL_WHERE = re.compile(
    r"\b(?:virtual|telehealth|online|video)\b[^.;]*?\b(?:(?:adults|people|clients|patients|members"
    r"|teens|anyone|those)(?: who are)? (?:located|residing) in|residents of)\s"
    # a list of the states: "You must be physically located in one of these states during
    # every session: New York; Pennsylvania; Ohio."
    r"|\bphysically located in (?:one of )?(?:these|the following) states\b[^:.;]*:\s"
    # where the people it serves must be, which is said of care at a distance: "We serve people
    # physically located in Rhode Island, Connecticut and Massachusetts."
    r"|\b(?:people|adults|clients|patients|members|anyone|those|teens)(?: who are)?"
    r" physically located in\s(?!the\b|our\b|this\b)(?![^.;]*\bat our\b)"
    # states counted before they are named: "We serve residents of two states, Washington and
    # Oregon" (not "residents of Washington County")
    r"|\bresidents of (?:two|three|four|five|both|these|\d) states\b,?\s(?![^.;]*\bat our\b)"
    # where a patient must be for each session: "you must be in Michigan during each session",
    # "We serve adults who are physically located in Oregon or Washington during sessions"
    r"|\b(?:must be (?:physically )?(?:located )?|who are (?:physically )?located )in\s"
    r"(?=(?-i:[A-Z])[\w ,]{2,40}\s(?:during|for|at the time"
    r" of) (?:(?:each|every|all|your) )?(?:session|group|visit|appointment)s?\b)",
    re.I,
)
# A denial for the people of some places only, just after what it denies: "not available to
# residents of Ohio" (others may have it; "not ... to teens" on a teen program's site is all).
FOR_SOME_ONLY = re.compile(r"[^.;]{0,30}?\b(?:to|for) (?:\w+ ){0,2}residents\b", re.I)
# Where virtual care is not offered: no state it is licensed in.
NOT_AVAILABLE = re.compile(
    r"\b(?:not|isn't|aren't|cannot|can't|unable to) (?:(?:yet|currently) )?(?:available|offered"
    r"|open|serve|accept)\b|\bno longer\b",
    re.I,
)
STATE_NAMES = re.compile(r"\b(" + "|".join(sorted(US_STATES, key=len, reverse=True)) + r")\b")
# A state's Medicaid by the state's name: "New York Medicaid plans".
STATES_MEDICAID = re.compile(rf"(?:{STATE_NAMES.pattern})\s+medicaid\b", re.I)


GROUP_THERAPY = "therapies.group_therapy"
# A kind of group named as a treatment group ("process groups", "groups include relapse
# prevention"), not a support group the program points to ("support groups such as AA").
A_GROUP = re.compile(
    r"\b(?:process|psycho-?education(?:al)?|skills?|prevention|dbt|cbt|therapy|treatment|iop)"
    r"\s+groups?\b"
    r"|^\W*groups?\s+(?:include|cover|focus|work|use|teach|blend|combine|draw on)\b"
    r"|\bskills in groups?\b",
    re.I,
)
KINDS_OF_GROUP = frozenset(
    {
        "therapies.group_process",
        "therapies.group_psychoeducation",
        "therapies.group_relapse_prevention",
        "therapies.group_skills",
    }
)


class Given(NamedTuple):
    """A value a page gave a fact, with the clause and the heading it was given under."""

    value: Any
    clause: str
    heading: str


def video_visits_offered(given: Iterable[Given]) -> str | None:
    """The clause offering one-to-one care by video, where what denies telehealth denies only
    online groups ("All groups meet in person; individual sessions can be done by telehealth",
    "Do you offer online groups? No."): video visits are offered, groups are not. None where a
    denial is of more, or no offer is of video visits now."""
    given = list(given)
    denied = [g.clause for g in given if g.value is False]
    offered = [
        g.clause
        for g in given
        if g.value is True and ONE_TO_ONE.search(g.clause) and not NOT_AN_OFFER_NOW.search(g.clause)
    ]
    if denied and offered and all(ONLINE_GROUPS_ALONE.search(clause) for clause in denied):
        return offered[0]
    return None


@dataclass
class PageReading:
    """What one page states: facts by path, paths it contradicts itself on, availability."""

    facts: dict[str, Any] = field(default_factory=dict)
    conflicts: set[str] = field(default_factory=set)
    availability: list[AvailabilityStatement] = field(default_factory=list)
    url: str | None = None
    # The sentence each fact was read from (the first, for a list), for the referrer to see.
    evidence: dict[str, str] = field(default_factory=dict)
    # The heading each fact was read under (a location's card: "Lowell").
    headed: dict[str, str] = field(default_factory=dict)
    # Every sentence that stated each fact (a banner on every page is not this page's word).
    stated_in: dict[str, list[str]] = field(default_factory=dict)
    # A list's items each with the sentence and heading it came from: one office's hours in a
    # table of every office's are that office's.
    item_sources: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    heading: str = ""  # the heading of what is being read
    # The payment section's heading above it ("Insurance" over "Substance use treatment,
    # including IOP": its list is of plans), where there is one.
    payment_heading: str = ""
    kind: str = "program"  # the page's kind (crawler.prose.page.PageKind)
    # Weekly hours a group schedule adds up to, with its sentence and the heading it stands
    # under: the page's hours when it states no figure of its own (see :meth:`settle`).
    scheduled_hours: list[tuple[float, str, str]] = field(default_factory=list)
    title: str = ""  # the page's title (its first h1)
    # Each phase's weeks, of a program of phases one after the other ("Phase 1: ...; 4 weeks").
    phase_weeks: list[tuple[str, float, str]] = field(default_factory=list)
    # A schedule table's rows of one day each, under their heading: their hours add up to the
    # week's when nothing else gives it ("Monday: 5:30-8:30 p.m.; Relapse Prevention").
    day_rows: dict[str, list[tuple[str, float, bool, str]]] = field(default_factory=dict)
    # It says what is offered differs from one location to the next ("Services differ from
    # center to center"): what a page of the whole site offers is no promise of each one's.
    varies_by_place: bool = False
    # What each colour of a status legend means ("Green = openings now"): a status line given
    # as a colour ("Group A (daytime IOP): GREEN") says it.
    colours: dict[str, str] = field(default_factory=dict)
    # Each value a fact was given, with its clause and heading: a page contradicting itself
    # only in a clause about another of the site's places ("...; the Old Orchard Beach office
    # does not offer IOP") still states it for this one (see crawler.spiders.base.pages).
    given: dict[str, list[Given]] = field(default_factory=dict)
    # A sentence denying all prescribing ("We don't prescribe."), until the next one says which
    # medications it meant (see _no_prescribing_of_the_named).
    prescribing_denied: str | None = None
    # A sentence saying new clients are seen by appointment: no walk-ins, unless the site names
    # a walk-in time (see vocabulary.BY_APPOINTMENT).
    by_appointment: str | None = None
    # A sentence giving the groups' days and no times, for the next one's session times ("IOP
    # groups meet Monday, Wednesday and Thursday. Choose the morning track (9-noon) or ...").
    group_days: str | None = None

    def forget(self, said: str, only: str = "") -> None:
        """Take back the facts first read from ``said`` (a heading its next line answers);
        ``only``: those whose path starts so."""
        for path in [
            path
            for path, evidence in self.evidence.items()
            if evidence == said and path.startswith(only)
        ]:
            self.facts.pop(path, None)
            self.evidence.pop(path)

    def take_back_its_heading(self) -> None:
        """A service's heading ("Yoga") whose text hedges it ("We're hoping to restart it once
        we find a new instructor") offers it no more than its text does: the therapies only
        the heading stated are taken back."""
        for path, said in list(self.stated_in.items()):
            if path.startswith("therapies.") and said == [self.heading] and path in self.facts:
                self.facts.pop(path)
                self.evidence.pop(path, None)
                self.given.pop(path, None)

    def take_back_hedged_payers(self, sentence: str, entry: list[str]) -> None:
        """A payer a sentence says is not taken yet ("We are enrolling and hope to accept
        Medicare sometime in 2027.") is not taken on what only its entry stated of it
        ("Medicare: since 2024, Medicare can pay licensed addiction counselors.")."""
        for not_yet in PAYER_NOT_YET.finditer(sentence):
            named = sentence[not_yet.end() : not_yet.end() + 60]
            for phrase in PAYERS:
                # (the payer's own name, not a plan of it: "Medicare Advantage")
                if phrase.path not in self.facts or phrase.denied is None:
                    continue
                said = self.stated_in.get(phrase.path, [])
                if (
                    said
                    and set(said) <= set(entry)
                    and re.match(rf"(?:[\w-]+ ){{0,3}}?(?:{phrase.pattern})", named, re.I)
                ):
                    self.facts.pop(phrase.path)
                    self.evidence.pop(phrase.path, None)
                    self.given.pop(phrase.path, None)

    def add_all(self, paths: Iterable[str], value: Any, sentence: str) -> None:
        for path in paths:
            self.add(path, value, sentence, sentence)

    def add(
        self,
        path: str,
        value: Any,
        sentence: str | None = None,
        clause: str | None = None,
        heading: str | None = None,
    ) -> None:
        """Record a fact, with its sentence and clause, under ``heading`` (default: the heading
        being read)."""
        heading = self.heading if heading is None else heading
        if value is not None and path not in LIST_FIELDS and (clause or sentence):
            self.given.setdefault(path, []).append(Given(value, clause or sentence or "", heading))
        if path in self.conflicts or value is None:
            return
        if (
            path.startswith("therapies.")
            and path in self.facts
            and self.facts[path] != value
            and self.stated_in.get(path) == [heading]
            and sentence not in (None, heading)
            and WE_DO_NOT_OFFER.search(sentence)
        ):
            # A service's heading ("Equine & Wilderness") that its own text denies ("we don't
            # offer equine therapy ourselves"): the text says what the heading only names.
            self.facts[path], self.evidence[path], self.stated_in[path] = value, sentence, []
        if sentence is not None:
            self.evidence.setdefault(path, sentence)
            sentences = self.stated_in.setdefault(path, [])
            if sentence not in sentences:
                sentences.append(sentence)
        if heading:
            self.headed.setdefault(path, heading)
        if path in LIST_FIELDS:
            items = self.facts.setdefault(path, [])
            sources = self.item_sources.setdefault(path, {})
            for item in new_items(path, items, value if isinstance(value, list) else [value]):
                items.append(item)
                sources[str(item)] = (sentence or "", heading)
            return
        if path in self.facts and self.facts[path] != value:
            if path == MEDICAID and self._medicaid_of_some_states():
                self.facts[path] = True
                return
            if path == TELEHEALTH and (one_to_one := video_visits_offered(self.given[path])):
                self.facts[path], self.evidence[path] = True, one_to_one
                return
            # The page says both; it says neither for sure.
            self.conflicts.add(path)
            del self.facts[path]
            self.evidence.pop(path, None)
            return
        self.facts[path] = value

    def deny_prescribing_alone(self) -> None:
        """A denial of prescribing that no next sentence of its section named medications
        for: it denies them all."""
        if self.prescribing_denied is not None:
            self.add_all(MEDICATIONS, False, self.prescribing_denied)
            self.prescribing_denied = None

    def _medicaid_of_some_states(self) -> bool:
        """One state's Medicaid plan taken by name, and only other states' Medicaid refused
        ("In network: Oregon Health Plan"; "Not in network: Idaho Medicaid"): a virtual program
        licensed in several states takes Medicaid. A loose "clients with Medicaid are welcome"
        takes no plan."""
        given = self.given[MEDICAID]
        refused = [g.clause for g in given if g.value is False]
        taken = [g.clause for g in given if g.value is True]
        refused_states = {state for clause in refused for state in STATE_NAMES.findall(clause)}
        return all(STATE_NAMES.search(clause) for clause in refused) and any(
            (STATE_PLAN.search(clause) or STATES_MEDICAID.search(clause))
            and not set(STATE_NAMES.findall(clause)) & refused_states
            for clause in taken
        )

    def _the_longest_tracks_weeks(self) -> None:
        """Tracks of different lengths, each its table's row ("IOP Plus: ...; 4 weeks, then step
        down", "Evening IOP: ...; 8 weeks"): the program's length is the longest."""
        path = "schedule.program_weeks"
        # (not an aftercare's, alumni's or a class's row: "Aftercare track: Tuesday; ...; 26
        # weeks", "DUI education track: ...")
        given = [each for each in self.given.get(path, []) if not OTHERS_TRACK.search(each.clause)]
        if path not in self.conflicts or not given:
            return
        if not all(_a_tracks_row(each.clause) for each in given):
            return
        longest = max(given, key=lambda each: each.value)
        self.conflicts.discard(path)
        self.facts[path] = longest.value
        self.evidence[path] = longest.clause

    def settle(self) -> None:
        """Once the whole page is read: a program of phases lasts their weeks together; a page
        that states no weekly hours but gives one schedule's days and times has that schedule's
        hours (two schedules that disagree give none, but tracks' and phases' the longest); a
        page naming a kind of group (process, relapse prevention, skills) offers group therapy,
        unless it says otherwise."""
        self.deny_prescribing_alone()
        phases = [phase for phase, _, _ in self.phase_weeks]
        if len(phases) > 1 and len(set(phases)) == len(phases):
            # (each phase once: not a table shown twice, nor an adult's and a teen's phases)
            weeks = sum(weeks for _, weeks, _ in self.phase_weeks)
            self.add("schedule.program_weeks", weeks, " ".join(s for _, _, s in self.phase_weeks))
        self._the_longest_tracks_weeks()
        groups = [
            path
            for path in self.facts
            if path in KINDS_OF_GROUP
            and self.facts[path]
            and A_GROUP.search(self.evidence.get(path, ""))
        ]
        if groups and GROUP_THERAPY not in self.facts and GROUP_THERAPY not in self.conflicts:
            self.add(
                GROUP_THERAPY,
                True,
                self.evidence.get(groups[0]),
                heading=self.headed.get(groups[0], ""),
            )
        path = "schedule.hours_per_week"
        if path in self.facts or path in self.conflicts:
            return
        schedules = [
            scheduled
            for scheduled in self.scheduled_hours
            if scheduled[0] >= numbers.FEWEST_IOP_HOURS
        ]
        weeks = {hours for hours, _, _ in schedules}
        if len(weeks) == 1:
            hours, sentence, heading = schedules[0]
            self.add(path, hours, sentence, heading=heading)
        elif (
            len(weeks) > 1
            and all(_a_tracks_row(sentence) for _, sentence, _ in schedules)
            and max(weeks) <= numbers.MOST_IOP_HOURS
        ):  # tracks of different weeks ("Day IOP" 9 hours, "Evening IOP" 12): the longest
            hours, sentence, heading = max(schedules)
            self.add(path, hours, sentence, heading=heading)
        elif not schedules:
            tables = [
                (numbers.rows_hours([row[:3] for row in rows]), heading, rows)
                for heading, rows in self.day_rows.items()
            ]
            summed = [table for table in tables if table[0] is not None]
            if len(summed) == 1:
                total, heading, rows = summed[0]
                self.add(path, total, " ".join(row[3] for row in rows), heading=heading)


# Words whose full stop ends no sentence ("Updated Nov. 24", "Dr. Ruiz", "123 Main St. Suite").
ABBREVIATED = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Dr|Mr|Mrs|Ms|St|Ave|Blvd|Rd|approx"
    r"|vs|e\.g|i\.e)\.$",
    re.I,
)


# Someone's quoted words, with their name after them or not: "“...” — Rosa, Healdton".
QUOTED = re.compile(
    r"^\s*[\"“«„].*[\"”»]\s*(?:[\u2014\u2013-](?:(?![.!?]\s+[A-Z]\w*\s+\w).){0,100})?$"
)


# A list of days' hours runs on past "p.m.": "Monday\u2013Thursday 10 a.m.\u20137 p.m. Friday 9
# a.m.\u20133 p.m." is one sentence.
A_TIME_ENDS = re.compile(r"\b[ap]\.m\.$", re.I)
NEXT_DAYS_HOURS = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?:\s*(?:-|\u2013|to|through)\s*"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)?:?\s*\d[\d\s:.apmAPM\u2013\u2014-]*|closed)\W*$",
    re.I,
)


# A time zone after a time, which "p.m." does not end: "6:00\u20139:00 p.m. Hawai\u02bbi time,
# for 12 weeks".
STARTS_WITH_A_TIME_ZONE = re.compile(numbers.A_TIME_ZONE, re.I)


def sentences(segment: str) -> list[str]:
    """A segment's sentences; none of a quotation (a testimonial of several sentences)."""
    text = " ".join(segment.split())
    if QUOTED.match(text):
        return []
    said: list[str] = []
    for piece in SENTENCE_END.split(text):
        if said and (
            ABBREVIATED.search(said[-1])
            or (A_TIME_ENDS.search(said[-1]) and NEXT_DAYS_HOURS.match(piece))
            or (A_TIME_ENDS.search(said[-1]) and STARTS_WITH_A_TIME_ZONE.match(piece))
        ):
            said[-1] = f"{said[-1]} {piece}"
        elif said and TOPIC_QUESTION.fullmatch(said[-1]):
            said[-1] = f"{said[-1][:-1].rstrip()}: {piece}"  # "Paying yourself: cash works."
        else:
            said.append(piece)
    return [s.strip() for s in said if s.strip()]


# A question that names a way of paying, the next sentence its answer: "Paying yourself? Cash,
# card, or a payment plan all work." (other questions state nothing: "Se habla español?").
TOPIC_QUESTION = re.compile(
    r"paying (?:for (?:it|treatment|care) )?(?:yourself|out of pocket|in cash)\?", re.I
)


def clauses(sentence: str) -> list[str]:
    return [c for c in re.split(CLAUSE_BREAK, sentence, flags=re.I) if c and c.strip()]


# A sentence about a job is about staff, not clients: "we're hiring a Spanish-speaking counselor".
ABOUT_A_JOB = re.compile(
    r"\bhiring\b|job openings?|now accepting applications|apply (?:now|today|online)"
    r"|(?:position|opening) (?:for|as) an?\b",
    re.I,
)


# A title of what follows that denies nothing itself: "What the IOP is not", "Who we don't
# serve" (what follows says it).
TITLE_OF_A_DENIAL = re.compile(
    r"^\W*(?:what|who|which|how|when|where|why)\b[^:;.!?]{0,50}\b(?:not|n't|never)\b[^:;.!?]*$",
    re.I,
)


def is_statement(sentence: str) -> bool:
    """Not a question, not someone's quoted words (a testimonial, in any language), not a
    client speaking about themselves, not a job ad, not what programs in general do, not what
    someone else does, and not what holds at some unnamed places of a chain."""
    return (
        not sentence.rstrip(" \"”'").endswith("?")
        and not FIRST_PERSON.search(sentence)
        and not QUOTED.match(sentence)
        and not ABOUT_A_JOB.search(sentence)
        and not IN_GENERAL.search(sentence)
        and not NOT_OURS.search(sentence)
        and not AT_SOME_PLACES.search(sentence)
        and not TITLE_OF_A_DENIAL.match(sentence)
    )


# A label refusing what the list after its colon names: "Not accepted at this location: ...",
# "We don't accept: ...".
# Refusing plans: "not accepted", "we don't take", "cannot bill".
REFUSES = (
    r"\b(?:(?:not|never) (?:accepted|taken|covered|in[- ]network)"
    r"|(?:don't|do not|doesn't|does not|cannot|can't|are unable to|is unable to) (?:accept|take"
    r"|bill))\b"
)
REFUSING = REFUSES + r"[^:.;]{0,40}:"
REFUSED_LABEL = re.compile(REFUSING + r"(?P<listed>[^:]*)$", re.I)
# A lead refusing the plans its list names ("We don't accept: Medicare; TRICARE", "Insurance
# we do not take:"), not a refusal of something else before a clause of its own ("We don't
# take walk-ins: please call...").
REFUSING_LEAD = re.compile(
    r"^(?:[^:.;]{0,25}\b(?:insurance|plans?|coverage)\b[^:.;]{0,20}?"
    r"|\W*(?:we|our (?:program|practice|clinic|iop)|the (?:program|clinic|iop)) )?"
    + REFUSES
    + r"(?:\s+(?:at this (?:time|location)|here|currently|the following|these))?\s*:",
    re.I,
)
# A denial whose list runs on after semicolons: "We do not provide Residential treatment;
# Partial hospitalization; Detox on site." denies each item.
DENYING_LEAD = re.compile(
    r"^\W*(?:we|our (?:program|practice|clinic|iop)|the (?:program|clinic|iop))"
    r" (?:do not|don't|does not|doesn't) (?:provide|offer|have|run)\b",
    re.I,
)
# An item of such a list: a few words, no clause of its own ("but we refer you ...").
A_BARE_ITEM = re.compile(
    r"^\s*(?!.*\b(?i:we|our|you|but|however|is|are|go|goes|refer\w*|accepted|available|offered"
    r"|provided|welcome|with|iop|intensive|telehealth|groups?|yes)\b)"
    r"[A-Z][\w'/(), -]{1,40}[.;]?\s*$"
)
# A list's item that is a statement of its own ("we accept Medicaid"), not a plan's name.
OWN_STATEMENT = re.compile(r"\b(?:accept|accepted|take|bill|in[- ]network|welcome)\w*\b", re.I)


# A clause's own subject, the program's staff or groups: "IOP counselors", "intensive outpatient
# staff", "IOP groups do not meet".
OWN_CLAUSES_SUBJECT = re.compile(
    r"(?:iop|intensive outpatient(?: program)?)\s+(?:counselors|staff|clinicians|therapists"
    r"|physicians|doctors|nurses|providers|team)\b"
    # or its groups saying what they do not do: "..., and IOP groups do not meet on weekends"
    r"|(?:iop |our |the )?groups (?:do not|don't|never) meet\b",
    re.I,
)


def denied(clause: str, start: int, end: int, *, a_plan: bool = False) -> bool:
    """Whether the clause denies what it names at ``start:end``. ``a_plan``: a payment plan,
    which a label refusing the list after its colon denies ("Not accepted at this location:
    Medicare, TRICARE.")."""
    # "No, the IOP meets only on weeknights": the answer's "no" is to the question before it.
    before = ANSWER_WORD.sub(lambda answer: " " * len(answer.group(0)), clause[:start])
    before = re.sub(NOT_A_DENIAL, " ", before, flags=re.I)
    # an aside's own denial, closed before the name: "Medicare (but not Humana Medicare
    # Advantage plans), all commercial insurance"
    before = re.sub(
        r"\([^()]*\)",
        lambda aside: re.sub(r"\b(?:not|no|never)\b", "_", aside.group(0), flags=re.I),
        before,
    )
    refused = REFUSED_LABEL.search(before) if a_plan else None
    if refused and not NOT_A_LIST.search(refused["listed"]):
        return True
    # "We do not provide detox, and IOP counselors do not prescribe": the name begins a clause
    # of its own, as its people's word; what the clause before denies is not it.
    starts_a_clause = re.search(r",\s+(?:and|but|while)\s+(?:the\s+|our\s+)?$", before, re.I)
    if starts_a_clause and OWN_CLAUSES_SUBJECT.match(clause[start:]):
        before = ""
    words = before.split()
    for index in range(len(words) - 1, max(len(words) - DENIAL_GAP_WORDS - 2, -1), -1):
        # (a word, or two: "None of our groups meet on weekends", not "second to none")
        two = " ".join(word.strip(",.:()") for word in words[index : index + 2])
        if re.fullmatch(DENIAL_BEFORE, words[index].strip(",.:()"), re.I) or re.fullmatch(
            r"none of", two, re.I
        ):
            # "No waitlist, evening groups and ...": a "no" denies its own item of a list of
            # features; "No Medicaid, Medicare or TRICARE" denies the list.
            return not (
                words[index].lower() == "no"
                and any("," in word for word in words[index:])
                and not re.search(r"\b(?:or|nor)\b", clause, re.I)
            )
        if re.search(DENIAL_GAP_BREAK, words[index], re.I):
            break
        if words[index].endswith(":") and NOT_A_LIST.search(" ".join(words[index + 1 :])):
            break  # "No drive, no waiting room: your groups meet by secure video"
    after = clause[end : end + 40]
    answered = re.match(r"([^:.;]{0,40}):\s*(?:none|no|n/a)\b", after, re.I)
    if answered and re.search(NONE_OF_ITS_COST_OR_WAIT, before + answered[1], re.I):
        return False  # "Wait time for evening groups: none": no wait, not no evening groups
    return (
        _denied_over_a_list(before)
        or bool(re.search(DENIAL_AFTER, after, re.I))
        or _dropped_after_its_label(clause[start:end], clause[end : end + 100])
    )


def _dropped_after_its_label(named: str, after: str) -> bool:
    """A label's plan the sentence after it says is no longer taken, naming it again: "TRICARE:
    effective July 1, 2026, the clinic is no longer in network with TRICARE" (not "Medicare:
    we will no longer accept Humana's Medicare Advantage plans", one plan, to come)."""
    return bool(
        re.search(DROPPED_AFTER_ITS_LABEL, after, re.I)
        and re.search(
            rf"\bno longer\b[^.;]{{0,30}}\b{re.escape(named)}\b\s*(?:[.;]|$)", after, re.I
        )
        and not re.search(r"\bwill no longer\b", after, re.I)
    )


# Words that make the words after a denial a clause of their own, not the list it denies.
NOT_A_LIST = re.compile(
    r"\b(?:is|are|was|were|be|been|we|you|they|our|your|needed|offer\w*|accept\w*"
    r"|provide\w*|have|has|can|will|may)\b",
    re.I,
)


# A verb denied, whose object can be a list: "we don't bill", "we do not accept".
DENIED_VERB = re.compile(
    r"\b(?:don'?t|do not|doesn'?t|does not|cannot|can'?t|won'?t|will not|not)\s+"
    r"(?:bill|accept|take|offer|provide|prescribe|dispense|carry|work with|in[- ]network with"
    r"|contracted with)\b",
    re.I,
)


def _denied_over_a_list(before: str) -> bool:
    """A denied verb's list reaches its last item past the usual gap: "we don't bill
    insurance, Medicaid (Iowa Health Link) or" denies what comes next; "No referral is needed
    (...), and" and "No waitlist, evening groups and" do not (no verb is denied)."""
    denials = list(DENIED_VERB.finditer(before))
    if not denials:
        return False
    tail = re.sub(r"\([^()]*\)", " ", before[denials[-1].end() :])
    words = tail.split()
    listed = "," in tail or re.search(r"\b(?:or|nor)\s*$", tail)  # "A, B or", "A of Iowa or"
    if not listed or len(words) > 12 or re.search(DENIAL_GAP_BREAK, tail, re.I):
        return False
    return not NOT_A_LIST.search(tail)


def phrase_value(phrase: Phrase, clause: str, sentence: str) -> tuple[bool, Any] | None:
    """``(matched, value)`` for one phrase in one clause; ``None`` if it does not match.

    ``forbids`` anywhere in the sentence stops a statement ("clients on methadone from their
    own clinic are welcome" offers no methadone), but not a denial in a clause of its own ("we
    do not dispense methadone, but clients who get it elsewhere are welcome")."""
    scope = clause if phrase.forbids_in_its_clause else sentence
    forbidden = bool(phrase.forbids and re.search(phrase.forbids, scope, re.I))
    match = re.search(phrase.pattern, clause, re.I)
    if not match:
        return None
    forbid = re.search(phrase.forbids or "(?!)", clause, re.I)
    if forbidden and forbid:
        # "We cannot provide methadone, which is only dispensed at OTPs": denied before the
        # words that say it is someone else's.
        if match.end() <= forbid.start() and denied(clause[: forbid.start()], *match.span()):
            return True, phrase.denied
        return None
    if phrase.requires and not re.search(phrase.requires, sentence, re.I):
        return None
    condition_end = _condition_end(clause)
    if not phrase.in_conditionals and condition_end is not None and match.start() < condition_end:
        # "If you need detox, ..." names detox without stating it, and "If you are not
        # eligible for Medicaid, ..." denies nothing; what the main clause names it states.
        match = re.compile(phrase.pattern, re.I).search(clause, condition_end)
        if not match:
            return None
    start = 0
    if condition_end is not None and condition_end <= match.start():
        # "If you have no insurance, we offer a sliding fee": the condition denies nothing of
        # the main clause.
        start = condition_end + (clause[condition_end : condition_end + 1] == ",")
    if denied(
        clause[start:],
        match.start() - start,
        match.end() - start,
        a_plan=phrase.path.startswith("payment."),
    ):
        if FOR_A_PLACE.match(clause, match.end()) and not (
            phrase.path.startswith("detox.") and BEDS.match(clause, match.end())
        ):
            # "no IOP openings until January": a wait, not a service denied ("no detox beds"
            # is no detox)
            return None
        if phrase.path == IOP_FACT and _denies_another_thing(clause, match.start(), match.end()):
            return None
        if FOR_SOME_ONLY.match(clause, match.end()):
            return None  # "Our virtual IOP is not available to residents of Ohio": others' loss
        if A_SEASONS_CLAUSE.match(clause):
            return None  # "In summer there is no IOP": a season's pause, not the program's word
        if ANOTHER_THINGS_SUBJECT.match(clause):
            return None  # "The van does not offer counseling sessions, groups or IOP": the van's
        return True, phrase.denied
    if forbidden or re.search(HEDGE, clause, re.I):
        return None
    if phrase.path.startswith("medications.") and re.search(A_NEED_ALONE, clause, re.I):
        return None
    if referred_out(clause, match.start()) and phrase.path not in SAID_OF_REFERRALS:
        return None  # "Clients who need yoga are referred to Hope Clinic": Hope's yoga
    if phrase.item is not None:
        return True, phrase.item
    return True, phrase.stated


# Words of the program's own groups in a clause: "so clients ... attend groups", "our IOP meets".
THE_PROGRAMS_OWN = re.compile(r"\b(?:iop|groups?|clients|patients|attend\w*)\b", re.I)


def _denies_another_care(read: list[tuple[str, Any, str]], clause: str) -> bool:
    """Whether a clause denies a level of care other than the IOP ("We don't offer SACOT")."""
    return any(
        path.startswith("levels_of_care.")
        and path != IOP_FACT
        and value is False
        and said is clause
        for path, value, said in read
    )


# What a referral states: a detox referral, clients on medication prescribed elsewhere, and the
# IOP that refers ("we refer you to an OTP and keep seeing you here for IOP").
SAID_OF_REFERRALS = (
    "detox.detox_referral",
    "medications.mat_accepts_outside_prescriptions",
    IOP_FACT,
)


# Some people, whom a denial of serving them in the program is of: "We do not serve adults in
# the IOP" (the IOP serves others; not "We no longer see patients in the IOP").
ONLY_SOME_PEOPLE = re.compile(
    r"\b(?:serve|treat|admit|accept|take|see)s? (?:any )?(?:adults|teens|adolescents|children"
    r"|youth|minors|men|women)\b[^.;,]{0,30}\b(?:in|into|for) (?:our |the |this )?$",
    re.I,
)


def _denies_another_thing(clause: str, start: int, end: int) -> bool:
    """Whether a denial naming the IOP (at ``start:end``) denies something else: a kind of it
    ("Telehealth IOP is not available"), a part of it at some times or for some people ("No IOP
    groups meet on weekends", "not accepting new IOP clients", but not "we do not offer IOP
    groups"), in one language ("We do not offer IOP in Spanish"), what is not part of it ("It
    isn't part of our IOP"), or what another program is not ("Adolescent Outpatient Program
    (weekly counseling; not an IOP)")."""
    before = clause[:start]
    if _a_kind_of(before) or re.search(r"\bpart of (?:our |the )?$", before, re.I):
        return True
    if ONLY_SOME_PEOPLE.search(before):
        return True  # "We do not serve adults in the IOP": whom it takes, not whether it runs
    if (
        re.search(r"\bnot an? $", before, re.I)
        and (re.search(r"\([^()]*$", before) or re.match(r"\s*\)", clause[end:]))
        and not re.search(r"\b(?:we|we're|our|this|us)\b", before, re.I)
    ):
        return True  # another program's aside: "Adolescent Outpatient (weekly; not an IOP)"
    if A_WAY_OF_GIVING_IT.match(clause, end) or IN_A_LANGUAGE.match(clause, end):
        return True
    offered = OFFERED.search(before) and not AT_SOME_TIMES.search(clause)
    if A_PART_OF_IT_IN_SPANISH.search(before) and AT_SOME_TIMES.search(clause):
        return True
    return bool(PART_OF_THE_PROGRAM.match(clause, end)) and not offered


def _a_kind_of(before: str) -> bool:
    """Whether the words just before the program's name are another phrase's ("telehealth",
    "evening", "Spanish-language"): then they name a kind of the program, and a denial of it
    denies that kind only."""
    words = before.rstrip()
    if KIND_OF_THE_PROGRAM.search(words):
        return True
    return bool(words) and any(
        other.path != IOP_FACT
        and any(found.end() == len(words) for found in re.finditer(other.pattern, words, re.I))
        for other in PHRASES
    )


def read_sentence(
    said: str, reading: PageReading, as_of: date, dated: bool, quoted: str | None = None
) -> None:
    """Read one sentence. ``quoted``: the page's own words when ``said`` restates them (an
    FAQ's question and answer): the evidence, and no availability statement is made of it.

    Words are matched with typographic apostrophes made plain (U+2019 is "'"); the evidence
    quotes the sentence as the page wrote it."""
    sentence = A_LINKS_NAME.sub("the", said.translate(PLAIN_APOSTROPHES))
    sentence = NEEDED_THEN_DENIED.sub(r"\g<denial> \g<thing>", sentence)
    if reading.colours and (status := A_COLOURS_STATUS.match(sentence)):
        meaning = reading.colours.get(status["colour"].casefold())
        sentence = f"{status['label']} {meaning}." if meaning else sentence
    if VARIES_BY_PLACE.search(sentence):
        reading.varies_by_place = True
    if not is_statement(sentence) or A_PAST_YEARS_CLOSED.match(sentence):
        return  # (nor what the program ran years ago and closed)
    if quoted is not None:
        restated = PageReading(url=reading.url)
        read_sentence(said, restated, as_of, dated)
        for path, value in restated.facts.items():
            reading.add(path, value, quoted)
        return
    context = sentence
    # (in a payment section, its heading too: "Insurance: Substance use treatment")
    heading = reading.heading
    if reading.payment_heading:
        heading = f"{reading.payment_heading}: {heading}"
    if (
        (
            A_PAYMENT_HEADING.search(heading)
            or (TAKEN_HEADING.match(heading) and not NOT_TAKEN.search(sentence))
        )
        and not re.search(REFUSED_HEADING, heading, re.I)
        and not re.search(PAYING, sentence, re.I)
    ):
        context = f"{heading}: {sentence}"  # a card's list of plans under "Insurance"
    # another service's plans ("Insurance: Mental health counseling": "Anthem; Medicare")
    others_plans = another_services_plans(sentence, heading)
    refusing = REFUSING_LEAD.match(sentence)
    planned_lead = re.match(rf"^[^:.;]*(?:{TO_COME})[^:.;]*:", sentence, re.I)
    # (a list of three or more, none a statement of its own: not "We do not provide detox;
    # Medicaid accepted")
    denying = (
        DENYING_LEAD.match(sentence) if ":" not in sentence and sentence.count(";") >= 2 else None
    )
    # Plans under a heading that refuses them ("Not accepted": "TRICARE."), each refused.
    refused_here = bool(
        re.search(REFUSED_HEADING, heading, re.I)
        and REFUSING_HEADING.search(heading)
        and not re.search(PAYING, sentence, re.I)
    ) or bool(A_PAYMENT_HEADING.search(heading) and PLANS_ROW_REFUSED.match(sentence))
    read: list[tuple[str, Any, str]] = []
    not_ours: list[str] = []  # clauses of another care, denied
    # (all of it, under a heading naming another care: "Partial Hospitalization (PHP)")
    under_another = about_another_care(sentence, reading.heading) or (
        # (or the page's title: "Inpatient Care", over "What patients do on the unit")
        reading.title != reading.heading and about_another_care(sentence, reading.title)
    )
    elsewhere = [(0, len(sentence))] if under_another else another_cares_parts(sentence)
    at = 0
    for index, clause in enumerate(clauses(sentence)):
        at = max(sentence.find(clause, at), at)
        another_care = any(start <= at < end for start, end in elsewhere)
        if planned_lead and index:
            clause = f"{planned_lead.group(0)} {clause}"  # "Coming in 2027: a Saturday group"
        elif refusing and index and not OWN_STATEMENT.search(clause):
            clause = f"{refusing.group(0)} {clause}"  # each item of "We don't accept: A; B"
        elif denying and index and A_BARE_ITEM.match(clause):
            clause = f"{denying.group(0)} {clause}"  # "We do not provide A; B; C."
        for phrase in PHRASES:
            if others_plans and phrase.path.startswith("payment."):
                continue
            if refused_here and phrase.path.startswith("payment."):
                found = phrase_value(phrase, f"Not accepted: {clause}", f"Not accepted: {context}")
            elif phrase.path.startswith("medications.") and A_MEDICATIONS_HEADING.match(heading):
                # under "Medications": "you can keep your own prescriber" is of them
                found = phrase_value(phrase, clause, f"{heading}: {context}")
            else:
                found = phrase_value(phrase, clause, context)
            if (
                found is None
                and phrase.path == PRIVATE_INSURANCE
                and A_KIND_OF_PLANS.match(reading.heading)
                and PLANS_TAKEN.match(sentence)
                and not NOT_PLANS_NAMES.search(sentence)
            ):
                # plans under a heading naming their kind ("Commercial": "HMSA and UHA \u2014 in
                # network."): of that kind, whatever their names
                found = (True, True)
            if found is not None and found[1] is not None:
                if another_care and phrase.path.startswith(("therapies.", "schedule.")):
                    continue  # the PHP's art therapy, its days
                read.append((phrase.path, found[1], clause))
        if _denies_another_care(read, clause) and not THE_PROGRAMS_OWN.search(clause):
            # "We don't offer SACOT, the more intensive day program (20 hours a week)": its
            # days and hours are the care denied, not the IOP's
            read = [r for r in read if not (r[2] is clause and r[0].startswith("schedule."))]
            not_ours.append(clause)
    for path, value, clause in _no_prescribing_of_the_named(sentence, read, reading):
        reading.add(path, [value] if path in LIST_FIELDS else value, said, clause)
    # the IOP's hours, not its PHP's, nor those of a track still to come ("We're adding an
    # evening track; morning groups meet ...": the morning groups')
    now = ";".join(part for part in sentence.split(";") if not re.search(TO_COME, part, re.I))
    for clause in not_ours:
        now = now.replace(clause, " ")
    aftercare = bool(A_PHASES_ROW.match(sentence) and AFTERCARE.search(sentence))
    ours = "" if under_another or aftercare else without_another_cares_parts(now)
    reading.add("schedule.hours_per_week", numbers.hours_per_week(ours), said)
    timed = numbers.clock_words(ours)  # "from six until nine" as "6 p.m. to 9 p.m."
    # Times under a "Schedule" heading are the groups' ("Tuesday and Thursday, 6-9 PM").
    # (not an office's: "Open Monday-Friday 9-5" under "Women's IOP")
    grouped = (
        f"Groups: {timed}"
        if (SCHEDULE_HEADING.search(reading.heading) or A_PHASES_ROW.match(timed))
        and not AN_OFFICES.search(timed)
        else timed
    )
    scheduled = numbers.scheduled_hours(grouped)
    if scheduled is None and ";" in grouped:
        # a list's one item of the groups' week ("IOP groups Monday through Thursday, 1:00-4:00
        # p.m., for 12 weeks; ...; Family night the first Wednesday of each month, 5:30-7:30")
        weeks = [hours for part in grouped.split(";") if (hours := numbers.scheduled_hours(part))]
        scheduled = weeks[0] if len(weeks) == 1 else None
    if scheduled is None and reading.group_days:
        scheduled = numbers.hours_on_the_days_before(reading.group_days, grouped)
    reading.group_days = ours if numbers.group_days_alone(numbers.clock_words(ours)) else None
    if scheduled is not None:
        reading.scheduled_hours.append((scheduled, said, reading.heading))
    if (
        A_TRACKS_HEADING.search(reading.heading)
        and not A_PROGRAMS_OWN_NAME.match(reading.heading)
        and WEEKEND_DAY_AND_TIME.search(timed)
        and not NOT_THE_TRACKS_WEEKEND.search(timed)
    ):
        # a track's days under its heading: "LGBTQ+ affirming track": "Tuesday and Thursday,
        # 5:30-8:30 p.m., and Saturday, 10:00 a.m.-1:00 p.m."
        reading.add("schedule.weekend", True, said)
    row = numbers.day_row(timed) if SCHEDULE_HEADING.search(reading.heading) else None
    if row:
        reading.day_rows.setdefault(reading.heading, []).append((*row, said))
        day, _, the_groups = row
        if the_groups and day in ("Sa", "Su"):
            reading.add("schedule.weekend", True, said)  # "Skills: Saturday; 9-12"
    if (phase := A_PHASES_ROW.match(sentence)) and not aftercare:
        # a phase's weeks are a part of the program's (the phases' together, see settle)
        if (weeks := numbers.program_weeks(ours)) is not None:
            reading.phase_weeks.append((phase.group(0).casefold(), weeks, said))
    else:
        reading.add("schedule.program_weeks", numbers.program_weeks(ours), said)
    hours = numbers.opening_hours(timed, reading.heading)
    if hours:
        reading.add("schedule.opening_hours", hours, said)
    if not (row and numbers.OTHERS_ROW.search(sentence)):  # not visiting hours, alumni night
        daytime, evening = numbers.group_times(grouped)
        if daytime and A_FAMILYS_TIME.search(grouped):
            # sessions for a client's family on a Saturday morning: the clients' groups meet
            # when the sentence's other parts say (group times, as the whole sentence was)
            parts = FAMILYS_PART.split(grouped)
            clients = ";".join(p for p in parts if not A_FAMILYS_TIME.search(p))
            daytime = numbers.group_times(f"Groups: {clients}")[0] if clients else None
        reading.add("schedule.daytime", daytime, said)
        reading.add("schedule.evening", evening, said)
    licensed = (
        LICENSED.search(sentence)
        if LICENSED_CONTEXT.search(sentence) and not NOT_LICENSED.search(sentence)
        else None
    )
    where = licensed or VIRTUAL_WHERE.search(sentence)
    if where and NOT_AVAILABLE.search(sentence[: where.end()]):
        where = None  # "Our virtual IOP is not available to residents of Ohio"
    if where:
        listed = (
            sentence[where.end() :].split(".")[0]  # a list's items, after its lead's colon
            if where.group(0).rstrip().endswith(":")
            else re.split(r"[;.]|\b(?:but|while|our|and our)\b", sentence[where.start() :])[0]
        )
        states = [US_STATES[name] for name in STATE_NAMES.findall(listed)]
        if states:
            reading.add("access.licensed_states", states, said)
    reading.add("intake.what_to_bring", items_to_bring(sentence) or None, said)
    if reading.by_appointment is None and BY_APPOINTMENT.search(sentence):
        reading.by_appointment = said
    lead, items = items_of_a_list(sentence)
    row = ""  # a row's label before its status ("Orofino: Day IOP; Open: 2 spots left")
    for index, (start, end) in enumerate(items):
        said_item = " ".join((said[:lead] + said[start:end]).split()).strip(" ;")
        statement = availability(sentence[:lead] + sentence[start:end], as_of, dated, said_item)
        if statement is None:
            row = said_item if index == 0 else row
            continue
        statement.heading = reading.heading
        statement.follows = statement.follows or row
        reading.availability.append(statement)


def _no_prescribing_of_the_named(
    sentence: str, read: list[tuple[str, Any, str]], reading: PageReading
) -> list[tuple[str, Any, str]]:
    """A denial of prescribing denies the medications it names, or those the next sentence
    names, and no others: "We don't prescribe. Clients who take buprenorphine or naltrexone
    from their own doctor are welcome" denies those two and says nothing of methadone (what the
    next sentence says another prescriber gives is not the program's either). Named nowhere,
    it denies them all."""
    named = {path for path, words in MEDICATIONS.items() if re.search(words, sentence, re.I)}
    others = [(path, value, clause) for path, value, clause in read if path not in MEDICATIONS]
    before = reading.prescribing_denied
    if before is not None:
        reading.prescribing_denied = None
        offered = {path for path, value, _ in read if path in MEDICATIONS and value is True}
        if offered and OUR_PRESCRIBING.search(sentence):
            return read  # "We do not prescribe. Our nurse practitioner provides buprenorphine."
        if named:
            reading.add_all(sorted(named), False, f"{before} {sentence}")
            return others
        reading.prescribing_denied = before
        reading.deny_prescribing_alone()
    general = re.search(PRESCRIBES_MEDICATION, sentence, re.I)
    if not general or not any(path in MEDICATIONS and value is False for path, value, _ in read):
        return read
    if not named:
        reading.prescribing_denied = sentence  # until the next sentence names what
        return others
    return others + [(path, False, sentence) for path in MEDICATIONS if path in named]


# A heading that says what is done with plans: over those a program does not take ("Not
# accepted", "Plans we don't take"), or a column of them ("We accept | We don't accept").
REFUSING_HEADING = re.compile(
    r"\b(?:accept\w*|take|taken|in[- ]network|out[- ]of[- ]network|cover\w*|bill\w*)\b", re.I
)
QUESTION_LEAD = re.compile(
    r"^\s*(?:do|does|can|will|is|are)\s+(?:you|we|the program|your program|the iop|your iop"
    r"|(?:there|it))\s+",
    re.I,
)
# A plain yes or no: the word, then punctuation or the end ("No matter where..." is neither).
YES = re.compile(r"^\s*(?:yes|sí|si)\s*(?:[.!,;:\u2014\u2013-]|$)", re.I)
NO = re.compile(
    r"^\s*(?:no|not at this time|not yet|not currently|not right now|not at present)"
    r"\s*(?:[.!,;:\u2014\u2013-]|$)",
    re.I,
)


def answer_as_statement(question: str, answer: str) -> str | None:
    """An FAQ's "Do you offer evening groups?" answered "Yes." in the next element, as the
    statement "We offer evening groups." ("No." as "We do not offer ..."); ``None`` when the
    answer is no plain yes or no, or the question is not about the program."""
    lead = QUESTION_LEAD.match(question)
    if not lead:
        return None
    rest = question[lead.end() :].rstrip(" ?\"”'")
    if re.match(r"there\b", lead.group(0).split()[-1], re.I):
        rest = "have " + rest
    if YES.match(answer):
        return f"We {rest}."
    if NO.match(answer):
        return f"We do not {rest}."
    return None


# A section headed by a person's name is their bio: what they do is not the program's.
A_PERSON = re.compile(rf"^\W*(?:{A_PERSONS_NAME})")


# A title of what the program does not provide, its verb last: "Services we do NOT provide",
# "What we don't offer" (not "We do not offer methadone", "Why we do not offer detox").
A_TITLE_OF_WHAT_IS_NOT_PROVIDED = re.compile(
    r"^\W*(?:services|what|things|care|treatment)\b[\w\s]{0,20}?\b(?:do not|don't|does not"
    r"|doesn't|cannot|can't)\s+(?:offer|provide|have|treat)\W*$",
    re.I,
)


def _named_under_a_denial(sentence: str, heading: str, explained: bool) -> bool:
    """Whether a sentence only names a thing (a few words, no verb of its own) that the rest of
    its text explains, under a title of what the program does not provide ("Services we do NOT
    provide": "Methadone dosing. Magnolia Path is not an opioid treatment program.")."""
    return (
        explained
        and bool(A_TITLE_OF_WHAT_IS_NOT_PROVIDED.search(heading))
        and "(" not in sentence  # "Spanish-language groups (free interpreters are available)"
        and _a_bare_name(sentence)
    )


def _a_bare_name(words: str) -> bool:
    """A few words and no verb of their own: "Methadone dosing", "Residential treatment"."""
    return len(words.split()) <= 8 and not re.search(
        r"\b(?:is|are|we|our|can|will|do|does|not|no)\b", words, re.I
    )


A_QUALIFIED_NAME = re.compile(r"\b(?:for|from|except|outside|out-of-state|only|without)\b", re.I)


def _names_denied_together(segment: str) -> str:
    """A title of what is not provided with the list under it, each item under the title
    ("Services we do NOT provide: Detox — we refer you; Methadone; Residential treatment." as
    "...: Detox — we refer you. Services we do NOT provide: Methadone, Residential
    treatment."): every item is denied, not the first only."""
    title, colon, listed = segment.partition(":")
    if not colon or not A_TITLE_OF_WHAT_IS_NOT_PROVIDED.search(title):
        return segment
    if re.search(r"[.!?]\s", listed):
        return segment  # items of sentences, each read on its own (see _named_under_a_denial)
    items = [item.strip(" .") for item in listed.split(";")]
    if len(items) < 2 or not all(items):
        return segment
    # (a qualified name says nothing either way of the rest: "Medicaid for out-of-state
    # residents" is no denial of Medicaid, nor an offer of it)
    items = [i for i in items if not (_a_bare_name(i) and A_QUALIFIED_NAME.search(i))]
    names = [item for item in items if _a_bare_name(item)]
    # a name explained after a dash is denied with its explanation ("Detox \u2014 we refer
    # you"); an item of its own words ("Our IOP meets 3 evenings a week") is read as written
    rest = [
        f"{title}: {item}."
        if _a_bare_name(re.split(r"\s[\u2014\u2013-]\s", item)[0])
        else f"{item}."
        for item in items
        if item not in names
    ]
    return " ".join([*rest, *([f"{title}: {', '.join(names)}."] if names else [])])


def the_person(heading: str) -> re.Pattern[str] | None:
    """Under a bio's heading ("Dana Whitcomb, MD — Medical Director"), how a sentence about
    that person begins ("She ...", "Dr. Whitcomb ...", "Dana ..."); ``None`` under any other."""
    named = A_PERSON.match(heading)
    if not named:
        return None
    names = [word for word in re.findall(r"[A-Z][\w'-]+", named.group(0)) if word != "Dr"]
    return re.compile(
        r"^\W*(?:he|she|they|his|her|their|dr\.?"
        + "".join(f"|{re.escape(name)}" for name in names[:2])
        # a bio's line of credentials: "Certified in EMDR, DBT and trauma-informed yoga."
        + r"|(?:board[- ])?(?:certified|trained|licensed|credentialed) (?:in|as)\b"
        + r"|(?:certifications?|credentials|licenses)\s*:)",
        re.I,
    )


# Where a denial holds, which on a place's page is that place: "not offered at this location".
HERE = re.compile(
    r"\s+(?:at this (?:time|location|office|site|clinic)|here|currently|at present)", re.I
)


# A line that answers the heading over it with a denial and names nothing: "Not offered at
# this location.", "Not available.", "None.", "No".
ANSWERS_ITS_HEADING = re.compile(
    rf"^\W*(?:{BARE_DENIAL}|no)"
    rf"(?:{HERE.pattern}|\s+yet)?"
    r"\s*[.;!]?\s*$",
    re.I,
)


# A line that only names things ("Partial hospitalization, residential treatment"): no verb.
NAMES_ONLY = re.compile(
    r"^(?!.*\b(?:is|are|was|were|we|our|you|your|cover|covers|include|includes|can|will|may"
    r"|offer|offers|accept|accepts)\b)[^.!?]{1,120}\.?$",
    re.I,
)


# A line that is a price and nothing else: "$1,800 / month", "$120 per group day".
A_PRICE_ALONE = re.compile(r"^\W*\$\s?[1-9][\d,]*(?:\.\d\d)?\s*(?:/|per|a|each)\s*[\w ]{2,20}$")
# A heading that names a service or a plan and nothing more ("Methadone", "Family therapy"):
# not a question or a measure of it ("Is detox required...", "Cost with Medicaid", "Wait time
# for Suboxone"), whose "No" or "None" answers the question, not the thing.
NAMES_A_THING = re.compile(
    r"^(?!.*\b(?:is|are|do|does|can|will|required|needed|cost|costs|fee|fees|price|wait|time"
    r"|referral|how|what|when|who|why|where|which)\b)[^?.:;]{1,40}$",
    re.I,
)


# A line that takes a payer its heading names: "In network: ...", "Accepted", "Yes".
TAKES_ITS_HEADING = re.compile(r"^\W*(?:yes\b|accepted\b|in[- ]network\b)", re.I)
# ... but for a while, in part or at a cost: "In network: pending", "Yes, but we are out of
# network", "Accepted as out-of-network only".
NOT_QUITE_TAKEN = re.compile(
    r"\b(?:pending|out[- ]of[- ]network|but|only|expected|soon|except)\b", re.I
)
PAYERS = [phrase for phrase in PHRASES if phrase.path.startswith("payment.")]


# Where a family's part of a sentence begins: "...; family sessions for loved ones Wednesday 5-7
# p.m.", "... and family sessions ...", "... 12:30 p.m. Saturday family sessions ...".
FAMILYS_PART = re.compile(
    r";|,?\s+(?:and|plus|with)\s+(?=(?:an? |the |our )?family\b)"
    # a list of days' times run on: "... 12:30 p.m. Saturday family sessions for families: 10-11:30"
    r"|\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)days?\s+(?:(?:morning|afternoon|evening)\s+)?"
    r"family\b)",
    re.I,
)
# Times of sessions for a client's family (vocabulary's SESSIONS_FOR_A_FAMILY; a family group
# clients attend is theirs: "A Saturday family group meets from 10 a.m. to noon").
A_FAMILYS_TIME = re.compile(SESSIONS_FOR_A_FAMILY, re.I)

# A track's heading: "Morning cohort", "Evening track", "Day IOP", "Group 2".
# (not others' or families' groups: "Support group", "Alumni group", "Al-Anon group")
A_TRACKS_HEADING = re.compile(
    r"(?!.*\b(?:support|alumni|parents?|al-?anon|nar-?anon|grief|aftercare|continuing|meetings?"
    r"|na|aa|famil(?:y|ies)|visit\w*|peer)\b)"
    r"\W*(?:[\w'\u2019-]+ ){0,3}(?:cohort|track|group|iop)(?: \w{1,2})?\W*",
    re.I,
)


def _under_its_heading(heading: str, segment: str, reading: PageReading) -> str:
    """The first line under a heading, as read with it: a line that only denies denies the
    heading's thing ("Methadone" over "Not offered at this location."); a heading that denies
    denies the things the line names ("Not available at this location" over "Partial
    hospitalization, residential treatment"). A medicine's title says nothing of it where the
    line speaks of it itself ("Methadone" over "If you receive methadone from an OTP...")."""
    names_a_thing = bool(NAMES_A_THING.match(heading))
    if A_TRACKS_HEADING.fullmatch(heading) and only_days_and_times(segment):
        return f"{heading}: {segment}"  # "Morning cohort" over "Monday-Thursday 9:00 a.m.-noon"
    if names_a_thing and A_PRICE_ALONE.match(segment):
        return f"{heading}: {segment}"  # a price card: "IOP" over "$1,800 / month"
    if names_a_thing and heading.casefold() in segment.casefold():
        reading.forget(said=heading, only="medications.")
    if names_a_thing and ANSWERS_ITS_HEADING.match(segment):
        reading.forget(said=heading)
        return f"{heading}: {segment}"
    if (
        names_a_thing
        and TAKES_ITS_HEADING.match(segment)
        and not NOT_QUITE_TAKEN.search(segment)
        and any(re.search(payer.pattern, heading, re.I) for payer in PAYERS)
    ):
        return f"{heading}: {segment}"  # "Georgia Medicaid" over "In network: Peach State ..."
    if A_TITLE_OF_WHAT_IS_NOT_PROVIDED.search(heading) and ";" in segment and ":" not in segment:
        return f"{heading.rstrip(' :')}: {segment}"  # "What we do not treat" over its list
    if (
        ANSWERS_ITS_HEADING.match(heading)
        and re.search(r"\bnot\b", heading, re.I)
        and NAMES_ONLY.match(segment)
    ):
        return f"{HERE.sub('', heading).rstrip(' .;!:')}: {segment}"
    return segment


# What may come before the date that heads a strip of lines: "Update \u2014", "Seats as of".
A_STRIPS_LEAD = re.compile(r"\W*(?:[\w-]+\s+){0,3}?(?:as of|updated|update|posted)?\W*", re.I)


def dates_a_strip(sentence: str) -> bool:
    """Whether a date heads the sentence as it heads a strip of lines ("Update \u2014 December
    1, 2026: Day IOP ...", "Seats as of 12/3/2026 Morning track: open"), not as a sentence's
    own past ("As of March 1, 2024, our waitlist was about 8 weeks")."""
    return any(
        A_STRIPS_LEAD.fullmatch(sentence[:start]) and not sentence[end:].lstrip().startswith(",")
        for start, end, _ in numbers.dated_spans(sentence)
    )


NOW = re.compile(r"\b(?:today|now|currently|right now|this week)\b", re.I)


def _hedges_its_heading(sentence: str, heading: str) -> bool:
    """Whether a sentence hedges what its heading names ("Yoga": "We're hoping to restart it
    once we find a new instructor"), by naming it or pointing back to it, not another thing
    ("We hope to add a Saturday group" under "Music therapy")."""
    if not heading or not re.search(HEDGE, sentence, re.I):
        return False
    named = re.findall(r"[a-z]{4,}", heading.lower())
    return bool(re.search(r"\b(?:it|them|this|these)\b", sentence, re.I)) or any(
        re.search(rf"\b{word}", sentence, re.I) for word in named
    )


COLOURS = r"green|yellow|amber|orange|red|blue|gr[ae]y|purple"
# A legend's entry: "Green = openings now", "Red: full, join the waitlist".
A_COLOURS_MEANING = re.compile(
    rf"\b({COLOURS})\s*(?:=|:|\u2013|\u2014)\s*(.+?)\s*(?=\b(?:{COLOURS})\s*(?:=|:|\u2013|\u2014)|$)",
    re.I,
)
# A status given as a colour: "Group A (daytime IOP): GREEN".
A_COLOURS_STATUS = re.compile(rf"^(?P<label>[^:]{{2,60}}:)\s*(?P<colour>{COLOURS})\W*$", re.I)


def colour_legend(segment: str) -> dict[str, str]:
    """What a status legend's colours mean ("Green = openings now   Red = full, join the
    waitlist"), or nothing for a text that is no legend (two entries with "=" at least)."""
    if segment.count("=") < 2:
        return {}
    entries = A_COLOURS_MEANING.findall(segment)
    if len(entries) < 2 or not A_COLOURS_MEANING.match(segment.strip()):
        return {}
    return {colour.casefold(): meaning.strip(" ;,.") for colour, meaning in entries}


def _the_payment_section(
    level: int, heading: str, section: tuple[int, str] | None
) -> tuple[str, tuple[int, str] | None]:
    """The payment section a heading stands in ("Insurance" over "Substance use treatment,
    including IOP"; a heading of payment words only), as the heading its text is read under for
    payment (none, for the section's own heading and a question), and the section the next
    headings stand in: a heading of its level or above ends it."""
    if section and level <= section[0]:
        section = None
    if A_PAYMENT_SECTION.match(heading):
        return "", (level, heading)
    if section and not heading.endswith("?"):
        return section[1], section
    return "", section


def read_text(
    segments: str | Iterable[str],
    *,
    crawl_date: date,
    page_date: date | None = None,
    url: str | None = None,
    facts_too: bool = True,
    headings: Iterable[int] | None = None,
) -> PageReading:
    """Read text segments (or one string); ``facts_too=False`` reads availability only.
    ``headings``: each segment's level as a heading (1 for an ``<h1>``), or 0."""
    if isinstance(segments, str):
        segments = [segments]
    reading = PageReading(url=url)
    as_of, dated = (page_date, True) if page_date else (crawl_date, False)
    question = None
    asked_to_bring = None  # "What should I bring?", until the sentence that answers it
    marks = iter(headings) if headings is not None else None
    heading_before = None  # the segment before, when it was a heading
    section = None  # the payment section's level and heading the next headings stand in
    person = None  # how sentences about the person a bio's heading names begin
    lines = LinesInContext(crawl_date)  # lines read with the one before, or not at all
    for segment in segments:
        reading.group_days = None  # (a paragraph's days are not the next one's groups')
        level = next(marks, 0) if marks is not None else 0
        is_heading = bool(level)
        if heading_before and not is_heading:
            segment = _under_its_heading(heading_before, segment, reading)
        if is_heading:
            lines.heading(segment)
        elif (said := lines.line(segment, reading.heading)) is None:
            heading_before = None
            continue  # an old event's, a closed office's
        else:
            segment = _names_denied_together(said)
            if legend := colour_legend(segment):
                reading.colours.update(legend)
                continue  # "Green = openings now  Red = full": what the colours mean
        heading_before = segment if is_heading else None
        if is_heading:
            # (a typographic apostrophe as a plain one: "We can\u2019t bill" as "can't")
            reading.heading = segment.translate(PLAIN_APOSTROPHES)
            if level == 1 and not reading.title:
                reading.title = reading.heading
            elif THE_IOP.search(reading.heading):
                reading.title = ""  # (a section of the IOP's own below another care's title)
            reading.payment_heading = ""  # (a heading is read alone: "Medicare" says nothing)
            in_section, section = _the_payment_section(level, reading.heading, section)
            reading.deny_prescribing_alone()  # a new section is no next sentence of it
            person = the_person(segment)
        answered = answer_as_statement(question, segment) if question else None
        is_question = segment.rstrip(" \"”'").endswith("?")
        question_before, question = question, (segment if is_question else None)
        if answered and facts_too and question_before:
            said = f"{question_before} {sentences(segment)[0]}"
            read_sentence(answered, reading, as_of, dated, quoted=said)
        about_someone = None if is_heading else person
        # A date one sentence gives dates the rest of its strip: "Update — December 1, 2026:
        # Day IOP has 3 open seats. Evening IOP: waitlist, about 2 weeks."
        said_on, said_dated = as_of, dated
        label = ""  # the label of the text's last statement that had one
        said_of = sentences(segment)
        for index, sentence in enumerate(said_of):
            if about_someone and about_someone.match(sentence):
                continue  # a bio's "She speaks German", "Ray also sees private clients"
            stated = len(reading.availability)
            if not is_heading and _named_under_a_denial(
                sentence, reading.heading, explained=index + 1 < len(said_of)
            ):
                sentence = f"We do not provide {sentence}"  # "Services we do NOT provide":
                # "Methadone dosing. Magnolia Path is not an opioid treatment program; ..."
            if facts_too:
                read_sentence(sentence, reading, said_on, said_dated)
                if not is_heading and _hedges_its_heading(sentence, reading.heading):
                    reading.take_back_its_heading()
                if PAYER_NOT_YET.search(sentence):
                    reading.take_back_hedged_payers(sentence, said_of[: index + 1])
                if asked_to_bring and is_statement(sentence.translate(PLAIN_APOSTROPHES)):
                    items = answer_to_bring(asked_to_bring, sentence)
                    reading.add(
                        "intake.what_to_bring", items or None, f"{asked_to_bring} {sentence}"
                    )
                asked_to_bring = sentence if asks_what_to_bring(sentence, is_heading) else None
            elif is_statement(plain := sentence.translate(PLAIN_APOSTROPHES)):
                statement = availability(plain, said_on, said_dated, sentence)
                if statement is not None:
                    statement.heading = reading.heading
                    reading.availability.append(statement)
            for statement in reading.availability[stated:]:
                if own := LABELS.match(statement.statement):
                    label = own.group(0)
                else:
                    statement.follows = statement.follows or label
            own_dates = [
                statement.as_of
                for statement in reading.availability[stated:]
                if statement.dated and statement.as_of and statement.as_of != said_on
            ]
            if own_dates and dates_a_strip(sentence):
                said_on, said_dated = own_dates[-1], True
            elif NOW.search(sentence):
                said_on, said_dated = as_of, dated  # "Today we are accepting new patients"
        if is_heading:
            # what stands under it is read in its payment section
            reading.payment_heading = in_section
    reading.settle()
    return reading
