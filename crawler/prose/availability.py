"""What a sentence says of a program's openings: whether it takes people, how soon, how many
places, and the day that held.

A hedge ("in many cases within a few days, depending on insurance") promises no wait; what is
typical ("we usually have openings") promises no opening. Job openings, a residence's beds, a
PHP's or a detox unit's openings are no IOP's; a dated list of each office's openings gives
each office its own statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from crawler.prose import numbers
from crawler.prose.vocabulary import PROGRAM_KINDS, RESIDENCE_WORDS

# Who a program takes: "new clients", "new IOP participants", "new veterans".
NEWCOMERS = (
    r"new (?:(?:iop|program|group|evening|day|daytime|adult|adolescent|teen|outpatient|medicaid"
    r"|medicare|insured|self-pay|private-pay|spanish-speaking|english-speaking|veteran)\s+){0,2}"
    r"(?:clients|patients|referrals|admissions|participants|people|veterans|teens|adolescents"
    r"|women|men|families)\b"
)
ACCEPTING = re.compile(
    r"(?:^\W*|[:\u2014\u2013]\s*|now |currently |are |is |'re |\bopen and )(?:still |currently )?"
    rf"(?:accepting|taking|welcoming|enrolling) {NEWCOMERS}"
    # "Now admitting new patients" (not a doctor's practice's or a hospital's admissions)
    rf"|admitting {NEWCOMERS}(?![^.;]*\b(?:practice|emergency|hospital|wait ?list))"
    # "We are accepting referrals", not who may refer ("accepting referrals from courts").
    # (a status line's too: "Craig IOP: accepting referrals; intake usually within 5 days")
    r"|(?:(?:are|is|'re) |[:\u2014\u2013]\s*)(?:still |currently |now )?accepting"
    r" (?:referrals|admissions)\b(?![^.;]{0,30}\bwait ?list)"
    r"(?! from| (?:for|to) (?:our|the) wait)"
    r"|new (?:clients|patients|referrals|admissions) are (?:being |currently |now )?accepted"
    # "The next cohort begins January 11, and referrals for it are being taken now"
    r"|\breferrals (?:for [^.;]{0,30}?)?(?:are|is) being (?:taken|accepted)\b"
    r"(?!\s+from)"
    r"|(?:spots|seats|slots|openings|space) (?:are |is )?(?:open|available) now\b"
    r"|(?:have|has) (?:immediate )?openings"
    # the IOP's status line: "IOP: accepting new members" (not an alumni group's or a board's)
    r"|\biop\s*(?::|\u2014|\u2013|\s-)\s*(?:now\s+)?accepting new members\b"
    # a status line's "Hackettstown \u2014 Day and evening IOP: openings now"
    r"|:\s*(?:openings?|seats?|spots?) (?:available )?now\b"
    # A status line's "Willmar: openings in day and evening IOP this week" (not openings to come:
    # "Openings in the day IOP are expected in January")
    r"|(?:^|:\s*)\W*openings? (?:in|for) [^.;]{0,40}\b(?:iop|groups?|tracks?|program|cohorts?)\b"
    r"(?![^.;]*\b(?:expected|will|soon|announced|anticipated|next (?:month|year))\b)"
    # "Openings available in our daytime and evening IOP groups" (the IOP's, not a DUI class's)
    r"|(?:^|:\s*)\W*openings? (?:are )?available (?:in|for) [^.;]{0,40}"
    r"\b(?:iop|intensive outpatient)\b"
    r"(?![^.;]*\b(?:expected|will|soon|announced|anticipated|next (?:month|year))\b)"
    # "Applications for the spring 2027 cohort are open now" (not "open to adults")
    r"|\b(?:applications?|enrollment|registration|intakes?|referrals?)"
    r" (?:for [^.;]{0,40})?(?:are|is) (?:now |currently )?open\b(?!\s+to\b)"
    # A status line's "Easton day IOP: open for referrals" (not a door "open to the public")
    r"|:\s*(?:now |currently )?open for (?:new )?(?:referrals|admissions|enrollment|intakes?)\b"
    r"|:\s*(?:now |currently )?open to new (?:clients|patients|referrals)\b"
    # a track's status: "Evening and weekend tracks: open now" (not a door's "open to all")
    r"|\b(?:tracks?|cohorts?)\s*:\s*(?:now |currently )?(?:open(?: now)?|accepting|enrolling"
    r"(?: now)?)\s*(?:[.;,\u2014\u2013]|\s-\s|$)"
    # a banner's "Enrolling now" for the program or its intake (not a class's or a drive's)
    r"|^\W*(?:(?:enrolling|admitting|accepting) now|now (?:enrolling|admitting|accepting))\b"
    r"(?=[^.]*\b(?:iop|intensive outpatient|intakes?|assessments?|first group|admissions?"
    # "Now enrolling \u2014 most clients start within 3 days of their first call"
    r"|(?:clients|patients|members|people) (?:start|begin) (?:within|in \w+ days?|the same day)"
    # "for morning and evening cohorts" (not "summer art camp cohorts")
    r"|(?:morning|evening|day|daytime|weekend) (?:and (?:morning|evening|day|daytime|weekend) )?"
    r"(?:cohorts?|tracks?))\b)"
    # "Now scheduling assessments — most new clients start group within 5 business days"
    r"|^\W*(?:we(?:'re| are) )?(?:now|currently) scheduling (?:new )?(?:iop |program )?"
    r"(?:intakes?|assessments?"
    r"|admissions?|new (?:clients|patients))\b(?![^.;]*\b(?:wait ?list|waiting list|out)\b)"
    r"|aceptando (?:nuevos )?pacientes",
    re.I,
)
NOT_ACCEPTING = re.compile(
    rf"not (?:currently )?(?:accepting|taking|enrolling) {NEWCOMERS}"
    rf"|not (?:currently )?admitting {NEWCOMERS}(?![^.;]*\b(?:practice|emergency|hospital))"
    r"|(?:waitlist|wait list|waiting list) is (?:currently )?closed"
    r"|\b(?:applications?|enrollment|registration|intakes?|referrals?)"
    r" (?:for [^.;]{0,40})?(?:are|is) (?:now |currently )?closed\b"
    r"(?!\s+(?:on|for|during|over)\b)|(?:\bare|\bis|'re|\u2019re) (?:currently )?"
    # "are full", "We're full for December", not "are full members of the program"
    r"(?:at (?:full )?capacity|full\b(?![\s-]+(?:of|members?|participants?|partners?|time|days?"
    r"|range|continuum|spectrum|array|service|access|coverage|support|schedule)\b))"
    r"|no (?:longer|currently) accepting|no (?:estamos )?aceptando"
    r"|\bno (?:[\w-]+ ){0,2}?(?:openings|spots|slots|seats|space|vacancies)\b"
    # "IOP group openings: 0", "Openings for the evening group: none" (not "Open slots: 0 in
    # the evening track, 3 in the day track", nor a wait's "none")
    r"|^\W*(?:(?:iop|group|open|available|current) )*(?:openings|spots|slots|seats)\b[^.;:]{0,30}"
    r":\s*(?:none|0|zero)\s*(?:$|[.;])"
    # "Oskaloosa evening IOP: full, with a waitlist" (not a fee table's "Over 200%: Full fee")
    r"|(?::|\s[\u2014\u2013])\s*(?:currently |now )?full\b(?![\s-]+(?:[\w-]+\s+){0,2}?"
    r"(?:fees?|price|cost|rate|pay|time|day|charges?|amount|balance|copay|self-pay|out-of-pocket"
    r"|private-pay)\b)",
    re.I,
)
NO_WAITLIST = re.compile(
    r"(?:don'?t|do not|doesn'?t) (?:currently )?have a (?:wait ?list|waiting list)"
    r"|\bno (?:wait ?list|waiting list|wait)\b|sin lista de espera",
    re.I,
)
# Job openings and staff news are not places for clients.
NOT_ABOUT_CLIENTS = re.compile(
    r"hiring|\bjobs?\b|positions?|careers?|employment|apply|counselors|therapists|clinicians"
    r"|nurses|volunteers|(?:openings?|spots?|room) for (?:paid |new |more )?staff\b",
    re.I,
)
# "In many cases you can begin within a few days, depending on..." promises nothing; "most
# start within a week" and "usually within 48 hours" give the wait a referrer can expect.
HEDGED = re.compile(
    r"\b(?:in (?:many|some) cases|depending on|depends on|may|might|can vary|varies)\b", re.I
)
# What is typical is no promise that the program is taking people now ("we usually have
# openings"), though it is the wait to expect ("usually within 48 hours").
TYPICALLY = re.compile(r"\b(?:usually|typically|often|generally|in most cases)\b", re.I)


# A group admitted ahead of others ("Pregnant women are admitted first, usually within 48
# hours"): their wait is not the one everyone else can expect.
AHEAD_OF_OTHERS = re.compile(
    r"\b(?:are|is) (?:admitted|seen|served|placed) first\b(?!\s+by)"
    r"|\b(?:given|receive|get) priority\b"
    r"|\bprioriti[sz]ed\b|\bpriority (?:admission|placement|intake)\b"
    r"|\bpregnant (?:women|people|patients|clients|mothers|moms)\b[^.;,]{0,30}"
    r"\b(?:admitted|seen|served|placed|start)\b",
    re.I,
)
# Where a sentence turns from one group to others: "...; all other clients ...", ", and most ..."
ANOTHER_PART = re.compile(r";|,\s+(?:and|but|while)\s+", re.I)


@dataclass
class AvailabilityStatement:
    """One sentence about getting in: whether, how soon, how many places, and when it held."""

    statement: str
    accepting_new_patients: bool | None = None
    days_to_intake: int | None = None
    open_slots: int | None = None
    as_of: date | None = None
    dated: bool = False  # the page or the sentence states the date (else it is the crawl date)
    heading: str = ""  # what it stands under: a clinic's card ("Marshfield Clinic")
    # The label of the statement it follows in its text, having none of its own: "Greencastle
    # Evening IOP: full. Call to join the waitlist." (the wait is Greencastle's).
    follows: str = ""
    # It takes people only as far as its next start's date says ("Next start: January 11"): a
    # "full" or a waitlist beside it says more.
    by_a_start: bool = False


# Places in other care than the IOP: a house's beds, a PHP's or a detox unit's openings.
OTHER_CARES_PLACES = re.compile(
    rf"{RESIDENCE_WORDS}|\bhouse\b|residential|\bphp\b|partial hospitali|detox"
    r"|withdrawal management|crisis|\bday treatment\b",
    re.I,
)
THE_IOP = re.compile(r"\biop\b|intensive outpatient", re.I)
# A label naming another service of the site: its status is not the IOP's.
OTHER_CARES_LABEL = re.compile(
    r"\b(?:outpatient|counseling|therapy|psychiatr\w*|medication management|primary care"
    r"|dental|pharmacy|lobby|urgent care|lab|methadone|otp|opioid treatment|dosing|inpatient)\b",
    re.I,
)
LABEL = r"[^:;]{1,80}:\s"
LIST_LEAD = re.compile(rf"^{LABEL}")
# A statement's labels, a list's lead's and its item's: "Updated December 1, 2026: Greencastle
# Evening IOP: full."
LABELS = re.compile(rf"^(?:{LABEL}\s*)+")
# A strip's first item that only dates the rest: "Updated 12/02/2026; Evening track: open".
DATED_LEAD = re.compile(r"^\W*(?:updated|as of|posted|last updated)\b[^:;]{1,30};\s", re.I)


# An item's label before a spaced dash: "Jan 12, 2027 — Evening IOP — 5 seats".
DASHED_LABEL = re.compile(r"\S\s[\u2014\u2013]\s\S")


def _labelled(item: str) -> bool:
    return ":" in item or bool(DASHED_LABEL.search(item))


def items_of_a_list(sentence: str) -> tuple[int, list[tuple[int, int]]]:
    """Where the lead of a list of labelled items ends, and where each item is ("Updated
    December 1: Ottumwa IOP: accepting; Oskaloosa IOP: full": each item is said with the
    lead; "Morning track: full; Evening track: open": two items, no lead); a sentence that is
    no such list is one item, with no lead."""
    found = LIST_LEAD.match(sentence) or DATED_LEAD.match(sentence)
    parts = sentence.split(";")
    if found and all(map(_labelled, sentence[found.end() :].split(";"))):
        lead = found.end()
    elif len(parts) > 1 and all(map(_labelled, parts)):
        # "Morning track: full; Evening track: open", "Jan 5 - Day IOP - full; ...":
        # labelled items, no lead
        lead = 0
    else:
        return 0, [(0, len(sentence))]  # no list of labelled items
    items, start = [], lead
    for semicolon in re.finditer(";", sentence[lead:]):
        items.append((start, lead + semicolon.start()))
        start = lead + semicolon.end()
    return lead, [*items, (start, len(sentence))]


# A track a clause is of: "the morning track", "our evening groups".
A_CLAUSES_TRACK = re.compile(
    rf"\b(?P<time>{numbers.TRACK_TIMES}|saturday)\s+"
    r"(?:tracks?|groups?|cohorts?|iop|programs?)\b",
    re.I,
)


def _a_day_gone_by(sentence: str, as_of: date) -> bool:
    """Whether the next intake or start a sentence gives is a day already past ("Next
    available IOP start: March 2, 2026", read in December): an old page's, no opening now."""
    day = numbers.first_date(sentence)
    return day is not None and day < as_of


# An opening that is not one now, or not here: "accepting new patients only for the waitlist",
# "taking new clients next month", "accepting at our Ogden office only".
OPEN_ONLY_IN_PART = re.compile(
    r"\b(?:wait ?list|waiting list|next (?:week|month|year)|soon|only|office"
    rf"|in {numbers.A_MONTH})\b",
    re.I,
)
# A list's item labelled with what it is the status of: "Holdrege day IOP: full".
A_LABELLED_STATUS = re.compile(
    r"^[^:;]{0,60}\b(?:iop|tracks?|groups?|cohorts?|programs?)\s*:", re.I
)


def _another_track_open(sentence: str) -> bool:
    """Whether a sentence saying a track is full says another is open: "The morning track is
    full; the evening track is accepting new patients" (a patient can start, in the evening)."""
    # (its own clauses, not a list's labelled items: "Broken Bow IOP: accepting; Holdrege IOP:
    # full" are two places' statuses, see items_of_a_list)
    clauses = [
        clause
        for clause in re.split(r";|,?\s+\b(?:but|while|whereas)\b", sentence)
        if not A_LABELLED_STATUS.match(clause.strip())
    ]
    full = {
        track["time"].casefold()
        for clause in clauses
        if NOT_ACCEPTING.search(clause) and (track := A_CLAUSES_TRACK.search(clause))
    }
    taking = {
        track["time"].casefold()
        for clause in clauses
        if ACCEPTING.search(clause)
        and not NOT_ACCEPTING.search(clause)
        and not OPEN_ONLY_IN_PART.search(clause)
        and (track := A_CLAUSES_TRACK.search(clause))
    }
    return bool(full) and bool(taking - full)


def availability(
    sentence: str, as_of: date, dated: bool, said: str | None = None
) -> AvailabilityStatement | None:
    """What a sentence says of the program's openings. A hedge ("in many cases within a few
    days, depending on insurance") promises no wait, and hedges only what it comes before:
    "we are accepting new clients; in some cases intake may take a week" is still accepting.
    ``said``: the sentence as the page wrote it, quoted in its own words (see
    :func:`in_its_own_words`)."""
    if NOT_ABOUT_CLIENTS.search(sentence):
        return None
    if OTHER_CARES_PLACES.search(sentence) and not THE_IOP.search(sentence):
        return None  # "Sycamore House (recovery housing): full", "PHP has 3 openings"
    label = LABELS.match(sentence)
    if label and OTHER_CARES_LABEL.search(label.group(0)) and not THE_IOP.search(label.group(0)):
        return None  # a status pill's "Outpatient counseling: Accepting", "Pharmacy: open"
    hedge = HEDGED.search(sentence)
    hedged_from = min(
        (found.start() for found in (hedge, TYPICALLY.search(sentence)) if found),
        default=len(sentence),
    )
    # Against the crawl's day (not a page's own, which the statement may be newer than).
    latest = None if dated else as_of
    own_date = numbers.stamped_date(sentence, as_of, latest)
    if own_date is None and (led := lead_date(sentence)) is not None and led[1] <= as_of:
        own_date = led[1]  # "November 3, 2026: The evening IOP has 2 open seats."
    if own_date is not None:
        as_of, dated = own_date, True
    accepting: bool | None = None
    by_a_start = False
    sure = sentence[:hedged_from]
    if NOT_ACCEPTING.search(sure):
        accepting = _another_track_open(sure)
    elif ACCEPTING.search(sure) or NO_WAITLIST.search(sure):
        accepting = True
    elif (
        numbers.next_intake_given(sure)
        and not numbers.next_opening_a_wait_away(sure)
        and not _a_day_gone_by(sure, as_of)
    ):
        accepting = True  # "Next available intake: Thursday": it takes people
        by_a_start = not numbers.NEXT_AVAILABLE.search(sure)
    days = None
    # The wait of everyone, not of a group admitted ahead of them ("Pregnant women are seen
    # the same day; all other clients within a week": seven days).
    parts = ANOTHER_PART.split(sentence)
    everyone = sentence
    if any(AHEAD_OF_OTHERS.search(part) for part in parts):
        everyone = " ".join(part for part in parts if not AHEAD_OF_OTHERS.search(part))
    no_waitlist = NO_WAITLIST.search(everyone)
    if not hedge and everyone.strip():
        # (after "No waitlist right now": "most new clients start IOP within a week", not
        # another track's after it: "No waitlist for our evening IOP; the day IOP has ...")
        after = everyone[no_waitlist.end() :].split(";")[0] if no_waitlist else everyone
        days = numbers.days_to_intake(after)
    slots = numbers.open_slots(sure)
    if accepting is None and days is None and slots is None:
        return None
    if slots:
        accepting = True if accepting is None else accepting
    words = in_its_own_words(said or sentence, as_of)
    return AvailabilityStatement(words, accepting, days, slots, as_of, dated, by_a_start=by_a_start)


# Between a statement's leading date and its words: "November 3, 2026: The evening IOP...",
# "December 3, 2026 update: We are full"; a weekday may come before it ("Tuesday, November 3,
# 2026 \u2014 ...").
AFTER_A_LEAD_DATE = re.compile(r"(?:\s+(?:update|status|notice))?\s*[:\u2014\u2013-]\s*", re.I)
BEFORE_A_LEAD_DATE = re.compile(rf"\W*(?:(?:{'|'.join(numbers.WEEKDAYS)}),?\s+)?", re.I)
# A label before a sentence of its own: "Openings: Next intake...", "Program status: We are
# ...". A status's label only: one naming a part of the program or whom it takes says what is
# full ("Evening IOP: Full", "Adolescent Program: We are not accepting new clients"), unless it
# ends as a status's ("IOP enrollment: We are not accepting...").
LABEL_LEAD = re.compile(r"^(?P<label>[^:.;!?]{1,40}):\s+(?=[A-Z])")
STATUS_LABEL = re.compile(
    r"\b(?:update|updates|status|openings?|availability|wait(?:list| time)?|notice|news"
    r"|announcement|enrollment|intake|referrals?|admissions?|alert|open|closed|full)\s*$",
    re.I,
)
# A sentence has its verb: "Same-day assessments are available", not "Full, with a waitlist".
HAS_A_VERB = re.compile(
    r"\b(?:is|are|was|were|have|has|can|will|we|we're|you|our|start|starts|begin|begins)\b", re.I
)


def lead_date(sentence: str) -> tuple[int, date] | None:
    """The date a statement starts with, and where it and its colon or dash end ("November 3,
    2026: The evening IOP has ...")."""
    for start, end, day in numbers.dated_spans(sentence[:60]):
        after = AFTER_A_LEAD_DATE.match(sentence, end)
        if after and BEFORE_A_LEAD_DATE.fullmatch(sentence[:start]):
            return after.end(), day
    return None


def in_its_own_words(said: str, as_of: date) -> str:
    """What a statement says, without what dates or labels it: its date is its ``as_of``
    ("Updated November 2, 2026: We have 3 openings" says "We have 3 openings"), and a label
    before a sentence of its own is the page's, not the statement's ("Program status: We are
    accepting referrals"). A date the sentence itself gives stays ("As of May 1, we have...",
    "Updated May 1: we have...")."""
    text = said
    stamp = numbers.date_stamp(text, as_of)
    # "As of May 1, we have" is the sentence's; "As of Dec. 1, 2026 — 3 seats open" dates it.
    # "Seats as of 12/3/2026 Morning track: open": the stamp dates a labelled line after it.
    before_a_label = stamp is not None and re.match(r"\s+[A-Z][^,.;:]{0,40}:", text[stamp[1] :])
    # "Next available intake (updated November 30, 2026): Tuesday": the label is what it says
    names_its_subject = stamp is not None and numbers.NEXT_AVAILABLE.search(text[: stamp[0]])
    if (
        stamp is not None
        and not names_its_subject
        and (
            not re.match(r"as of", text[stamp[0] :], re.I)
            or re.match(r"\s*[:\u2014\u2013]|\s+-\s", text[stamp[1] :])
            or before_a_label
        )
    ):
        start, end, _ = stamp
        before, after = text[:start].rstrip(" (["), re.sub(r"^\s*[)\]]", "", text[end:])
        # A stamp leading a sentence of its own, or closing it ("as of" is the sentence's).
        if re.match(r"\W*(?:[A-Z]|$)|\s*[:\u2014\u2013]\s*\d", after):
            # A label the stamp ends ("Program update — November 20, 2026: ...") goes too.
            labelled = (after.lstrip().startswith(":") or before_a_label) and len(
                before.split()
            ) <= 3
            text = after if labelled and not HAS_A_VERB.search(before) else f"{before} {after}"
    lead = lead_date(text)
    if lead and lead[1] == as_of:  # the statement's own date, as its ``as_of``
        text = text[lead[0] :]
    text = " ".join(text.split()).strip(" \u00b7|:;\u2014\u2013-")
    label = LABEL_LEAD.match(text)
    if label and text[label.end() :].casefold().startswith(label["label"].casefold()):
        return text[label.end() :]  # an alert's title its text repeats: "Now accepting: Now ..."
    if label and STATUS_LABEL.search(label["label"]):
        rest = text[label.end() :]
        text = rest if HAS_A_VERB.search(rest) else text
    return text or said


# A label that only says what kind of notice follows ("Current wait", "Wait time") or whose it
# is ("Peru Clinic", "Updated November 12, 2026"), not which part of the program or whom
# ("Evening IOP: full", "Adolescents: waitlist", "Saturday cohort: full", "Next available
# intake: Thursday", "Accepting new clients: Yes").
A_NOTICES_LABEL = re.compile(
    r"^\W*(?:current |estimated |average )?(?:wait(?: ?list| time)?|status|update|availability"
    r"|openings?)\W*$|\b(?:cent(?:er|re)|clinic|office|campus|location)\W*$",
    re.I,
)


# A time or a people a track is of: "Evening IOP", "Adolescent cohort".
A_TRACKS_KIND = re.compile(rf"\b(?:{PROGRAM_KINDS}|cohort)\b", re.I)
# A place's program as a row's label: "Shawano IOP" (not a track's "Evening IOP").
A_PLACES_PROGRAM = re.compile(r"^\W*[A-Z][\w.' -]{1,30}\s(?:IOP|Intensive Outpatient)\W*$")


def without_its_label(statement: str) -> str:
    """A statement as the referrer reads it under the place it is shown for: without a row's or
    a card's label that only says what kind of notice it is or whose ("Current wait: About 1
    week ...", "Peru Clinic: Waitlist ...", "Antigo IOP: Waitlist ...", "Updated November 12,
    2026: We have openings ...")."""
    text = statement.strip(" *")
    label = LABEL_LEAD.match(text)
    if label and (
        A_NOTICES_LABEL.search(label["label"])
        or (A_PLACES_PROGRAM.match(label["label"]) and not A_TRACKS_KIND.search(label["label"]))
        or (numbers.DATE_STAMP.search(label["label"]) and numbers.first_date(label["label"]))
    ):
        text = text[label.end() :]
    return text


# Words only Spanish writes: on a site in two languages the English statement is the one a
# referrer reads ("Both IOP tracks are accepting..." over "Los dos grupos están aceptando...").
SPANISH_WORDS = re.compile(
    r"\b(?:el|la|los|las|del|para|tenemos|estamos|pacientes|lugares|disponibles?|semanas?"
    r"|d[ií]as|aceptando|nuevos|grupos?|tarde|noche|espera|actualmente|nuestro|nuestra)\b",
    re.I,
)


def in_spanish(statement: str) -> bool:
    return len(SPANISH_WORDS.findall(statement)) >= 2
