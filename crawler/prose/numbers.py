"""Quantities in prose: hours per week, program length, waits, group times and dates.

Ranges are read as their upper bound everywhere ("9-12 hours per week" → 12, "8 to 12 weeks"
→ 12, "a 2-3 week waitlist" → 21 days): a referrer should plan for the longest a program says
it takes. Each reader returns ``None`` when the sentence does not state the quantity.
"""

from __future__ import annotations

import math
import re
from datetime import date

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30,
    "a": 1, "an": 1, "a couple of": 2, "a few": 3, "several": 3, "a single": 1,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "ocho": 8, "doce": 12,
}  # fmt: skip
NUM = r"(\d+(?:\.\d+)?|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
DASHES = "-\u2013\u2014"  # hyphen, en dash, em dash
RANGE = r"\b" + NUM + rf"(?:\+|\s*(?:[{DASHES}]|to|or|a)\s*" + NUM + r")?"
# Counted quantities ("8 weeks", "three hours"), where "a"/"an" would be an article.
COUNT = (
    r"(\d+(?:\.\d+)?|"
    + "|".join(w for w in sorted(WORD_NUMBERS, key=len, reverse=True) if not w.startswith("a"))
    + r")"
)
COUNT_RANGE = r"\b" + COUNT + rf"(?:\+|\s*(?:[{DASHES}]|to|or)\s*" + COUNT + r")?"

# Each month's names: in full, abbreviated, in Spanish.
MONTH_NAMES = (
    ("january", "jan", "enero"), ("february", "feb", "febrero"),
    ("march", "mar", "marzo"), ("april", "apr", "abril"), ("may", "mayo"),
    ("june", "jun", "junio"), ("july", "jul", "julio"),
    ("august", "aug", "agosto"), ("september", "sep", "sept", "septiembre"),
    ("october", "oct", "octubre"), ("november", "nov", "noviembre"),
    ("december", "dec", "diciembre"),
)  # fmt: skip
MONTHS = {name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names}
# A month named in full ("January"), or a season ("spring"), as a plan or a class names it.
A_MONTH = r"(?:" + "|".join(names[0] for names in MONTH_NAMES) + r")"
A_MONTH_OR_SEASON = rf"(?:{A_MONTH}|spring|summer|fall|autumn|winter)"
# The times of day a track of a program is named for: "the evening track", "Morning IOP".
TIMES_OF_DAY = r"morning|afternoon|evening|night"
# Every time a track is named for: its time of day, "the day track", "weekend groups".
TRACK_TIMES = rf"{TIMES_OF_DAY}|day|daytime|weekend"
MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = (
    re.compile(MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I),  # March 3, 2026
    re.compile(r"(\d{1,2})\s+(?:de\s+)?" + MONTH + r"\s+(?:de\s+)?(\d{4})", re.I),  # 3 March 2026
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),  # 2026-03-03
    # 03/03/2026, 11-24-2026, 12.01.26 (US order; a two-digit year only after a slash or a dot,
    # and a stamp's word: "ages 12-15-20", "4/8/12 week options" are none)
    re.compile(
        r"\b(?P<month>\d{1,2})(?P<mark>[/.-])(?P<day>\d{1,2})(?P=mark)"
        r"(?P<year>\d{4}|\d{2})\b(?![./-]?\d)"
    ),
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def number(text: str | None) -> float | None:
    if text is None:
        return None
    text = text.lower().strip()
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text])
    try:
        return float(text)
    except ValueError:
        return None


def upper(low: str | None, high: str | None) -> float | None:
    values = [v for v in (number(low), number(high)) if v is not None]
    return max(values) if values else None


def first_date(text: str) -> date | None:
    """The first calendar date written in ``text``, if any."""
    found = dates_in(text)
    return min(found)[1] if found else None


def dates_in(text: str) -> list[tuple[int, date]]:
    """Every calendar date written in ``text``, with where it starts."""
    return [(start, day) for start, _, day in dated_spans(text)]


def dated_spans(text: str, short_years: bool = False) -> list[tuple[int, int, date]]:
    """Every calendar date written in ``text``, with where it starts and ends; ``short_years``:
    a stamp's date, whose year may be two digits ("Updated 12.01.26")."""
    found: list[tuple[int, int, date]] = []
    for index, pattern in enumerate(DATE_PATTERNS):
        for match in pattern.finditer(text):
            groups = match.groups()
            try:
                if index == 0:
                    day = date(int(groups[2]), MONTHS[groups[0].lower()], int(groups[1]))
                elif index == 1:
                    day = date(int(groups[2]), MONTHS[groups[1].lower()], int(groups[0]))
                elif index == 2:
                    day = date(int(groups[0]), int(groups[1]), int(groups[2]))
                else:
                    if len(match["year"]) == 2 and not (short_years and match["mark"] != "-"):
                        continue  # "4/8/12 week IOP options", "Version 2.3.24": no date
                    century = 2000 if len(match["year"]) == 2 else 0
                    day = date(century + int(match["year"]), int(match["month"]), int(match["day"]))
            except (ValueError, KeyError):
                continue
            found.append((match.start(), match.end(), day))
    return found


HOURS_PER_WEEK = re.compile(
    COUNT_RANGE + r"\s*(?:-\s*)?(?:hours?|hrs?\.?)(?:\s+of\s+(?:live\s+|virtual\s+)?(?:group|groups"
    r"|treatment|programming|therapy|care|services)(?:\s+(?:therapy|sessions|treatment))?)?"
    r"\s+(?:per|a|each|every|/)\s*week|" + COUNT_RANGE + r"\s+hours\s+weekly",
    re.I,
)
# "per week", "a week", "/wk"; "per day", "/day"; "hours", "hrs": as sites abbreviate them.
A_WEEK = r"(?:\s+(?:per|a|each)\s+week|\s*/\s*(?:week|wk)\b)"
A_DAY = r"(?:\s+(?:per|a|each)\s+day|\s*/\s*day\b)"
HOURS_WORD = r"(?:hours?|hrs?\.?)"
# What a week's count is of: days, evenings, times, or its sessions ("three live group
# sessions a week").
MEETINGS = (
    r"\s+(?:days?|times|evenings?|mornings?|nights?"
    r"|(?:(?:live|group|virtual) )*(?:sessions|groups))"
)
HOURS_BY_DAYS = (
    # "three hours a day, three days a week", "3-hour sessions, 3 times per week", "3 hrs/day,
    # 3 days/wk"
    re.compile(
        COUNT_RANGE + rf"[- ]{HOURS_WORD}(?:{A_DAY}|\s+(?:sessions?|groups?|blocks?))?"
        r"[^.;]{0,40}?" + COUNT_RANGE + MEETINGS + A_WEEK,
        re.I,
    ),
    # "three days a week for three hours", "3 evenings a week, 3 hours each"
    re.compile(
        COUNT_RANGE
        + MEETINGS
        + A_WEEK
        + r"[^.;]{0,30}?"
        + COUNT_RANGE
        + rf"[- ]{HOURS_WORD}(?:\s+(?:per|a|each)\s+(?:day|session))?",
        re.I,
    ),
    # "three 3-hour groups a week"
    re.compile(
        COUNT_RANGE
        + r"\s+"
        + COUNT_RANGE
        + rf"[- ]{HOURS_WORD}\s+(?:(?:live|group|virtual|in-person) )*(?:sessions|groups)"
        + A_WEEK,
        re.I,
    ),
)
# A week's total given beside its days: "three evenings a week (9 hours in all)", "nueve horas
# por semana", "tres tardes por semana (9 horas en total)".
WEEKLY_TOTALS = (
    re.compile(
        r"(?:(?:per|a|each) week|por semana)\s*\(\s*" + COUNT_RANGE + r"\s+(?:hours?|horas?)\b"
        # "(6 hours a day)", "(3 hours each)": a day's, not the week's
        r"(?!\s+(?:a|per|each|every|por|al|cada)\b)",
        re.I,
    ),
    re.compile(COUNT_RANGE + r"\s+horas?\s+(?:(?:por|a la|cada)\s+semana|semanales)", re.I),
    re.compile(r"\bhours (?:per|a|each) week\s*:\s*" + COUNT_RANGE, re.I),  # "Hours per week: 9"
)
# Phone lines and office hours are not treatment hours.
NOT_TREATMENT_HOURS = re.compile(
    # (an office's hours, not "at both offices the program meets ...")
    r"\bcall|phone|\bline\b|crisis|answer|24/7|\boffice\b|staff|\bcover(?:s|ed|age)?\b",
    re.I,
)


# An IOP meets at least 6 hours a week (ASAM level 2.1: 9 for adults, 6 for adolescents): a
# figure below it is one part of the program's week, and next to a schedule that does, one
# adding up to fewer ("a Saturday family group from 10 to noon") is one group's.
FEWEST_IOP_HOURS = 6
# ... and fewer than 20 (ASAM level 2.5, partial hospitalization, is 20 or more).
MOST_IOP_HOURS = 19


def hours_per_week(sentence: str) -> float | None:
    if NOT_TREATMENT_HOURS.search(sentence):
        return None
    match = HOURS_PER_WEEK.search(sentence)
    value = None
    if match:
        groups = match.groups()
        value = upper(*groups[:2]) if groups[0] is not None else upper(*groups[2:])
    for pattern in WEEKLY_TOTALS if value is None else ():
        match = pattern.search(sentence)
        if match:
            value = upper(*match.groups()[:2])
            break
    if value is None:
        for pattern in HOURS_BY_DAYS:
            match = pattern.search(sentence)
            if match:
                first, second = upper(*match.groups()[:2]), upper(*match.groups()[2:])
                if first is not None and second is not None:
                    value = first * second
                break
    # Above 40 hours a week is no outpatient program (a misread, not a fact), and fewer than an
    # IOP's fewest is one part of it ("individual counseling, one hour a week").
    return value if value is not None and FEWEST_IOP_HOURS <= value <= 40 else None


# A time zone after a time: "6:00\u20139:00 p.m. Hawai\u02bbi time", "6 p.m. Mountain Standard
# Time", "9 a.m. ET", "7 p.m. Eastern, Mondays".
A_TIME_ZONE = (
    r"(?:(?:Hawai\S*|Alaska|Pacific|Mountain|Central|Eastern|Atlantic|Arizona|local)"
    r"(?: (?:standard |daylight )?time\b|(?=[,;)]))|[AECHMP][SD]?T\b)"
)
PROGRAM_LENGTH = re.compile(COUNT_RANGE + r"[- ](weeks?|wks?|days?|months?)\b", re.I)
PROGRAM_WORDS = re.compile(
    r"program|\biop\b|track|curriculum|course|phase|lasts|length|duration|complete|graduat"
    r"|attend|treatment|finish|\bstay|weeks? long|\bmeets?\b|\bwith us for\b"
    # "Most people take part for 8 to 12 weeks" (not a drug court's participants, interns,
    # nor a minimum: "participate for at least 30 days before stepping down")
    r"|\b(?:most (?:people|clients|patients|members)|clients|people|patients|members|you)"
    r" (?:usually |typically |generally |often )?(?:take part|participate) for"
    r" (?!(?:at least|a minimum of)\b)"
    r"|\b(?:are|is|stay|stays|remain|remains) with us\b"
    r"|\bper week,? (?:typically |usually |often )?for\b"
    r"|\b(?:it|iop|track|phase) (?:\w+ )?runs\b"
    # a program by its name: "Juniper Signal runs for 8 to 10 weeks"
    r"|(?-i:\b[A-Z][\w'-]+ [A-Z][\w'-]+) runs for\b"
    # a schedule of the week's days and times, then its length: "Monday, Tuesday and Thursday
    # evenings, 6:00 to 9:00 p.m., for 9 weeks", "... 6:00-9:00 p.m. Hawai\u02bbi time, for 12
    # weeks" (not one group's: "Relapse-prevention group: Fridays at 10 a.m., for 6 weeks")
    r"|^\W*(?:monday|tuesday|wednesday|thursday|friday|weekday|mon|tue|wed|thu|fri)\w*\b[^;]*?"
    rf"(?:\b[ap]\.?m\.?|\bevenings|\bmornings|\bafternoons)(?: {A_TIME_ZONE})?, for"
    r" (?=(?:about )?\w+[- ]weeks?\b)",
    re.I,
)
NOT_PROGRAM_LENGTH = re.compile(
    r"wait|within|next available|\bago\b|(?:every|each) (?:other|two|three|four|few|\d)"
    r"|\bafter\b(?!-)|later|follow-up|\$\s?\d"
    r"|aftercare|alumni|sober|clean"
    r"|abstinen|notice|trial|supply|\b(?:days?|weeks?|months?) out\b"
    r"|\b(?:start|begin)\w*\b[^.;]{0,30}\bin (?:about |around |roughly )?(?:\d|one|two|three|four)",
    re.I,
)
# A length named with the program it is the length of: "a twelve-week program", "our 16-week
# IOP", "a sixteen-week commitment".
LENGTH_OF_A_PROGRAM = re.compile(
    COUNT_RANGE + r"[- ](weeks?|months?)[- ](?:long )?"
    # Words that name the program ("intensive outpatient"), not "after the" or "aftercare".
    r"(?:(?!(?:after|before|of|the|an?|following|aftercare|continuing|alumni|maintenance)\b)"
    r"[\w-]+ ){0,2}?(?:program|iop|track|course|curriculum|commitment)\b",
    re.I,
)
FREQUENCY = re.compile(r"\s*(?:a|per|each|every|/)\s*(?:week|day|month)", re.I)
WEEKS_PER = {"week": 1.0, "wk": 1.0, "day": 1 / 7, "month": 52 / 12}


# A list item that is only a length ("8-12 weeks, depending on your plan", "Runs about eight
# weeks") in a program's list of what it is.
LENGTH_ITEM = re.compile(
    r"(?:^|;)\s*(?:usually |about |typically |runs (?:for )?(?:about )?)?"
    + COUNT_RANGE
    + r"[- ]weeks?\b",
    re.I,
)


PARTS_OF_A_SENTENCE = re.compile(
    # (what its graduates do after it: "The program runs 16 weeks, and graduates are invited to
    # our Wednesday aftercare fellowship")
    r";|,\s*(?:then|and then|followed by|after which"
    r"|and (?:most|many|some|then|each|every|graduates|alumni)\b)\b"
    r"|\s+and then\b"
    # what comes with the sessions: "... for 12 weeks, with lunch served after group"
    r"|,\s*with\b"
)


def _part_at(sentence: str, position: int) -> str:
    """The part of a sentence (between semicolons, or before a "then") a position is in."""
    start = 0
    for found in PARTS_OF_A_SENTENCE.finditer(sentence):
        if found.start() >= position:
            return sentence[start : found.start()]
        start = found.end()
    return sentence[start:]


# A program's length in sessions and their number a week: "The program is 24 sessions, three a
# week" (eight weeks).
SESSIONS_BY_WEEK = re.compile(
    r"\b(?:program|iop) (?:is|runs|lasts) (?:for )?" + COUNT + r"\s+(?:group\s+)?sessions?,?"
    r"\s+(?:at\s+|meeting\s+)?" + COUNT + r"\s+(?:times\s+)?(?:a|per|each)\s+week\b"
    r"(?![^.;]*\bthen\b)",
    re.I,
)


def program_weeks(sentence: str) -> float | None:
    if by_sessions := SESSIONS_BY_WEEK.search(sentence):
        sessions, a_week = number(by_sessions.group(1)), number(by_sessions.group(2))
        if sessions and a_week and 1 <= sessions / a_week <= 104:
            return float(math.ceil(sessions / a_week))
    named = LENGTH_OF_A_PROGRAM.search(sentence)
    if named and not re.search(r"abstinen|sober|clean for", sentence, re.I):
        # "a twelve-week program", whatever else the sentence says ("then aftercare")
        value = upper(named.group(1), named.group(2))
        weeks = value * WEEKS_PER[named.group(3).lower().rstrip("s")] if value else None
        return round(weeks, 1) if weeks and 1 <= weeks <= 104 else None
    if not PROGRAM_WORDS.search(sentence) and not LENGTH_ITEM.search(sentence):
        return None
    for match in PROGRAM_LENGTH.finditer(sentence):
        # What another part of the sentence says ("..., then weekly aftercare") is its own.
        if NOT_PROGRAM_LENGTH.search(_part_at(sentence, match.start())):
            continue
        if STEPPED_DOWN_TO.search(sentence[: match.start()]):
            continue  # "..., you step down to Continuing Care: one group a week for six months"
        if FREQUENCY.match(sentence[match.end() :]):
            continue  # "three days a week" is a schedule, not a length
        if OPENING_IN.search(sentence[: match.start()]):
            continue  # "Next IOP opening in about 3 weeks": a wait
        if (
            WAIT_FOR_A_TRACK.match(sentence, match.end())
            and WAITING.search(sentence)
            and not PROGRAM_WORDS.search(_part_at(sentence, match.start()))
        ):
            continue  # "No wait for evening groups; about two weeks for day groups"
        if ANOTHER_CARES_LENGTH.match(sentence, match.end()):
            continue  # "28-day residential treatment": another care's stay
        value = upper(match.group(1), match.group(2))
        unit = match.group(3).lower().rstrip("s")
        if value is None:
            continue
        weeks = round(value * WEEKS_PER[unit], 1)
        # Day counts under a week are session lengths, not a program's length.
        if not 1 <= weeks <= 104:
            continue
        if AT_LEAST.match(sentence[match.end() :]) and PROGRAM_LENGTH.search(sentence, match.end()):
            continue  # "Eight weeks minimum; most members stay 10-12 weeks": the stay
        if LEAST_BEFORE.search(sentence[: match.start()]) and USUAL_STAY.search(
            sentence, match.end()
        ):
            continue  # "a minimum of 8 weeks; most attend 10 to 14 weeks": the usual stay
        return weeks
    return None


# A wait for a track or a place, said after the weeks: "about two weeks for day groups".
WAIT_FOR_A_TRACK = re.compile(
    r"\s+for (?:the |our )?(?:day|daytime|evening|morning|afternoon|weekend|teen|adult"
    r"|adolescent|women's|men's)\b|\s+for (?:a|an|the next) (?:spot|opening|seat|slot|place)\b",
    re.I,
)
WAITING = re.compile(r"\bwait", re.I)
# An opening the weeks are the wait for: "Next IOP opening in about 3 weeks".
OPENING_IN = re.compile(
    r"\bopen(?:ing|ings|s)?\b[^.;,]{0,20}\bin (?:about |around |roughly )?$", re.I
)


# The care a client steps down to after the IOP, named before a length: that care's.
STEPPED_DOWN_TO = re.compile(r"\bstep(?:s|ping)? down to\b|\bcontinuing care\b", re.I)
ANOTHER_CARES_LENGTH = re.compile(
    r"[\s-]*(?:residential|inpatient|detox|withdrawal|partial|php|rehab|stay)\b", re.I
)
AT_LEAST = re.compile(r"\s*(?:minimum|at (?:a )?minimum|at least)\b", re.I)
# ... or before it, the usual stay after it: "Clients attend for a minimum of 8 weeks; most
# attend 10 to 14 weeks" (not another care's: "..., followed by 6 months of continuing care").
LEAST_BEFORE = re.compile(r"\b(?:a minimum of|at least|no (?:fewer|less) than)\s*$", re.I)
USUAL_STAY = re.compile(
    r"\b(?:most|typically|usually|on average|the average)\b[^.;]{0,40}?\b\d+\s*(?:(?:-|to|\u2013)"
    r"\s*\d+\s*)?(?:weeks?|months?)\b",
    re.I,
)


CLOCK = r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|(?<=\d)[ap]\b)?"  # "5-8p" too
TIME_RANGE = re.compile(CLOCK + rf"\s*(?:[{DASHES}]|to|until)\s*" + CLOCK, re.I)
GROUP_CONTEXT = re.compile(r"group|session|track|\biop\b|program|\bmeets?\b|class|cohort", re.I)
# A program page's schedule by its label alone: "Schedule: Monday through Thursday, 9:00 a.m. to
# noon" (a session's length: "Schedule: Mon-Fri 8-5" is an office's day).
SCHEDULE_LABEL = re.compile(r"^\W*(?:weekly )?schedule\s*:", re.I)
LONGEST_SESSION = 4
NOT_GROUP_TIMES = re.compile(
    r"office|phone|\bcall|front desk|business hours|intake|admission|walk[- ]?ins?\b"
    r"|assessments?\b|evaluations?\b|screenings?\b",
    re.I,
)
# A building's hours, labelled, to the next clause: "Annex hours: Mon\u2013Thu 8 a.m.\u20138:30
# p.m., Fri 8 a.m.\u2013noon" (no group's times; "during clinic hours, 9-12" may be).
BUILDINGS_HOURS = re.compile(
    r"\b(?:annex|clinic|cent(?:er|re)|building|location|site|lobby|reception)(?:'s)? hours\s*:"
    r"[^;]*",
    re.I,
)
# Where groups meet, not whose hours: "at our Sedalia office", "in the Main Street office".
MEETING_PLACE = re.compile(r"\b(?:at|in) (?:our|the) (?:[A-Z][\w.'-]* ){0,3}office\b")


def group_schedule(sentence: str) -> bool:
    """Whether a sentence's times are its groups' (not an office's, a phone line's, intake's)."""
    sentence = BUILDINGS_HOURS.sub(" ", sentence)
    where = MEETING_PLACE.sub(" ", sentence)
    if NOT_GROUP_TIMES.search(where):
        return False
    if GROUP_CONTEXT.search(sentence):
        return True
    lengths = _session_hours(sentence) if SCHEDULE_LABEL.search(sentence) else []
    return bool(lengths) and max(lengths) <= LONGEST_SESSION


def _hour(hour: str, minute: str | None, meridiem: str | None, fallback: str | None) -> float:
    value = int(hour) % 12 + (int(minute) if minute else 0) / 60
    marker = (meridiem or fallback or "").lower()
    return value + 12 if marker.startswith("p") else value


def _session_hours(sentence: str) -> list[float]:
    """The length of each group session a sentence gives the times of ("6-9 p.m.": 3)."""
    lengths = []
    for match in TIME_RANGE.finditer(sentence):
        h1, m1, p1, h2, m2, p2 = match.groups()
        if not (p1 or p2):
            continue
        start, end = _hour(h1, m1, p1, p2), _hour(h2, m2, p2, p1)
        if p1 is None and p2 and p2.lower().startswith("p") and start > end:
            start -= 12
        if end > start:
            lengths.append(end - start)
    return lengths


# Days named in full ("Mondays"), or abbreviated with a capital ("Tue"), in a schedule.
SCHEDULE_DAY = re.compile(
    r"\b(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?(?=\s*(?:[,;/&|\u00b7\u2013\u2014-]|and\b|or\b"
    r"|through\b|to\b|\d|$)))\b\.?"
)
DAY_SPAN = re.compile(
    rf"(?P<first>{SCHEDULE_DAY.pattern})\s*(?:[{DASHES}]|through|thru|to)\s*"
    rf"(?P<last>{SCHEDULE_DAY.pattern})"
)
# Days a client chooses among those the groups meet: "pick any three nights", "choose 3 of the
# 4 evenings".
CHOSEN_DAYS = re.compile(
    r"\b(?:pick|choose|select|attend) (?:any )?"
    + COUNT
    + r"\s+(?:of (?:the|these|those|our) \w+\s+)?(?:days|evenings|mornings|afternoons|nights)\b"
    r"(?!\s+for\s+(?:individual|one-on-one|family|appointments))",
    re.I,
)
DAYS_A_WEEK = re.compile(
    COUNT + r"\s+(?:days?|evenings?|mornings?|afternoons?|nights?|times)\s+(?:a|per|each)\s+week",
    re.I,
)


def session_days(sentence: str) -> int | None:
    """How many days a week a schedule meets: "three evenings a week", "Monday through
    Thursday" (4), "Monday, Wednesday and Thursday" (3)."""
    counted = DAYS_A_WEEK.search(sentence)
    if counted:
        value = number(counted.group(1))
        return int(value) if value else None
    days: set[str] = set()
    rest = sentence
    for span in DAY_SPAN.finditer(sentence):
        spanned = days_from_to(_day_code(span["first"]), _day_code(span["last"]))
        if not spanned:
            return None
        days.update(spanned)
        rest = rest.replace(span.group(0), " ")
    for day in SCHEDULE_DAY.finditer(rest):
        code = _day_code(day.group(0))
        if code:
            days.add(code)
    return len(days) or None


def scheduled_hours(sentence: str) -> float | None:
    """Hours a week a group schedule adds up to, when a sentence gives its days and the times
    of one session: "Groups meet Monday, Wednesday and Thursday, 6-9 p.m." is 9 (two tracks'
    times in one sentence are not added up)."""
    if not group_schedule(sentence):
        return None
    lengths = _session_hours(sentence)
    if len(lengths) > 1:
        return _sessions_of_one_track(sentence)
    if len(lengths) != 1:
        return None
    # The days of the part of the sentence that gives the times ("...; Fridays are for
    # individual sessions", "..., with a family group on Saturdays" add no group day).
    parts = re.split(r";|,?\s+but\b", sentence)
    at = next((index for index, p in enumerate(parts) if TIME_RANGE.search(p)), 0)
    pieces = re.split(r",?\s+(?:with|plus|and)\s+(?:an?|the)\s", parts[at])
    timed = next((index for index, piece in enumerate(pieces) if TIME_RANGE.search(piece)), 0)
    # "We meet Mon, Wed and Thu, with the sessions running 6-9 pm": the days before the times,
    # or a table row's cell of days before its cell of times ("Day IOP: Mon, Tue, Wed; 9-12").
    days = session_days(pieces[timed]) or session_days(" ".join(pieces[: timed + 1]))
    if not days and at > 0 and _only_days(parts[at - 1].rsplit(":", 1)[-1]):
        days = session_days(parts[at - 1])
    chosen = CHOSEN_DAYS.search(sentence)
    if chosen:  # "Monday through Thursday, 6 to 9 pm; pick any three nights a week" is 9
        days = int(number(chosen.group(1)) or 0) or days
    if not days:
        return None
    value = days * lengths[0]
    return value if 0 < value <= 40 else None


def hours_on_the_days_before(days_sentence: str, sentence: str) -> float | None:
    """The hours of a week whose group days one sentence gives and whose session times the
    next gives, with no days of its own: "IOP groups meet Monday, Wednesday and Thursday.
    Choose the morning track (9:00 a.m.-noon) or the evening track (5:30-8:30 p.m.)." is 9 (a
    client attends one track; sessions of one day not offered as a choice are not added up).
    Not the times of other groups: "Our PHP groups meet 9-3", "Adult IOP groups meet 6-9" after
    the adolescents' days."""
    if not group_schedule(sentence) or session_days(sentence):
        return None
    if set(map(str.casefold, WHOSE_GROUPS.findall(sentence))) - set(
        map(str.casefold, WHOSE_GROUPS.findall(days_sentence))
    ):
        return None
    days, lengths = session_days(days_sentence), _session_hours(sentence)
    if not days or not lengths or (len(lengths) > 1 and not re.search(r"\bor\b", sentence)):
        return None
    value = days * max(lengths)
    return value if 0 < value <= 40 else None


# Whose or which groups a sentence names: another care's, or a people's.
WHOSE_GROUPS = re.compile(
    r"\b(?:php|partial|residential|detox|family|families|alumni|aftercare|adolescents?|teens?"
    r"|youth|adults?|women|men|parents?|dui|dwi)\b",
    re.I,
)


def group_days_alone(sentence: str) -> bool:
    """Whether a sentence gives the days groups meet and no times ("IOP groups meet Monday,
    Wednesday and Thursday.")."""
    return bool(
        group_schedule(sentence) and session_days(sentence) and not TIME_RANGE.search(sentence)
    )


# A schedule table's row of one day: "Monday: 5:30-8:30 p.m.; Relapse Prevention".
# "Monday: 5:30-8:30 p.m.; ...", or a group's row "Relapse Prevention: Tuesday; 5:30-8:30 PM".
DAY_ROW = re.compile(
    rf"^\s*(?P<day>{SCHEDULE_DAY.pattern})\s*:"
    rf"|^[^:;]{{1,60}}:\s*(?P<its_day>{SCHEDULE_DAY.pattern})\s*;"
)
# Others' time, not the program's groups: visiting hours, an alumni night, a 12-step
# meeting, another care's hours.
OTHERS_TIME = r"alumni|visit|\baa\b|\bna\b|\bphp\b|partial|residential|detox"
# A row of others' time (a family group is the program's, as its evening is; an office's or
# intake's hours are no group times anyway).
OTHERS_ROW = re.compile(OTHERS_TIME + r"|12-step", re.I)
# A row of others' time or of a group the client does not attend every week.
NOT_THE_GROUPS_ROW = re.compile(
    # (a family's group, not a place's name: "Lemoore Family Resource Center")
    # (a family group after the row's own group, "Process group and family group", "Process
    # Group / Family Night", is its part)
    OTHERS_TIME + r"|(?<!and )(?<!& )(?<!/ )family"
    r"(?!\s+(?:resource|health|services|center|centre|medicine|practice))"
    r"|families|aftercare|individual|office|intake|walk[- ]?in|closed"
    r"|optional|meeting|medication|\bdr\.?\s+\w|doctor|psychiatr|tracks?\b|weeks?\b|\bopen\b",
    re.I,
)


def day_row(sentence: str) -> tuple[str, float, bool] | None:
    """A schedule table's row of one day and one session's times, as its day, its hours and
    whether it is a row of the groups: ("Mo", 3.0, True) of "Monday: 5:30-8:30 p.m.; Relapse
    Prevention", ("Sa", 2.0, False) of "Saturday: 1-3 p.m.; Visiting hours"."""
    row = DAY_ROW.match(sentence)
    if not row:
        return None
    code, lengths = _day_code(row["day"] or row["its_day"]), _session_hours(sentence)
    if not code or len(lengths) != 1:
        return None
    # (what a row adds in parentheses is about its group: "Process group (families join the
    # last hour)" is the process group's row)
    return code, lengths[0], not NOT_THE_GROUPS_ROW.search(re.sub(r"\([^)]*\)", " ", sentence))


def rows_hours(rows: list[tuple[str, float, bool]]) -> float | None:
    """The hours a week a schedule table's day rows add up to: none when a row is not the
    groups' (a family night, visiting hours, a track's or some weeks' row) or a day comes twice
    (two tracks' rows, of which a client attends one)."""
    days = [day for day, _, _ in rows]
    if len(rows) < 2 or len(set(days)) != len(days) or not all(ours for *_, ours in rows):
        return None
    total = sum(hours for _, hours, _ in rows)
    return total if FEWEST_IOP_HOURS <= total <= 40 else None


def _only_days(text: str) -> bool:
    """Whether a text names days and nothing else ("Mon, Tue, Wed"; "Monday - Thursday")."""
    rest = DAY_SPAN.sub(" ", text)
    rest = SCHEDULE_DAY.sub(" ", rest)
    return bool(SCHEDULE_DAY.search(text)) and not re.sub(
        r"[\s,&/.\u2013\u2014-]|\band\b", "", rest
    )


# Words of a sentence that gives several tracks' times, of which a client attends one.
ONE_OF_SEVERAL = re.compile(
    r"\btracks?\b|\boptions?\b|\bchoose\b|\beither\b|\bor\b|cohorts?|family|families", re.I
)


# A part of a schedule naming a track of its own: "evening group Mon, Wed, Fri 6-9 pm".
A_TRACK = re.compile(
    rf"\b(?:(?:{TRACK_TIMES})\s+(?:groups?|tracks?|iop"
    r"|sessions?|programs?|cohorts?)|tracks?|cohorts?)\b",
    re.I,
)


# Where a sentence goes on to another track: "a day track, Mon-Thu 9-noon, and an evening track
# on Monday, Tuesday and Thursday from 5:30 to 8:30 p.m."
ANOTHER_TRACK = re.compile(
    rf",?\s+and\s+(?:an?|the|our)\s+(?=(?:{TRACK_TIMES})\s+track)"
    # the next track's label, the lines of a card run together: "Day IOP: Mon / Wed / Fri, 9:00
    # AM - 12:00 PM Evening IOP: Mon / Tue / Thu, 5:30 - 8:30 PM"
    rf"|(?<=[\w.])\s+(?=(?:{TRACK_TIMES})\s+(?:iop|tracks?"
    r"|groups?|cohorts?)\s*:)",
    re.I,
)


# A part of a list of tracks that is the families' or others' time, not a track's.
NOT_A_TRACKS_PART = re.compile(
    r"\W*(?:family|families|multi-family|alumni|aftercare|visiting|parents?)\b", re.I
)


def _sessions_of_one_track(sentence: str, a_track: bool = False) -> float | None:
    """The hours of a week whose sessions are at different times, each time after its days:
    "Tuesday and Thursday from 10 a.m. to 1 p.m. and Wednesday evening from 5 to 8 p.m." (9)."""
    parts = ANOTHER_TRACK.sub(";", sentence).split(";")
    if len(parts) > 1 and any(":" in part or A_TRACK.search(part) for part in parts[1:]):
        # Tracks, one a part ("Day IOP: Mon, Wed, Fri, 8:30-11:30 a.m; Evening IOP: ..."): a
        # client attends one, so the program's hours are the most a track gives (as "9 to 12
        # hours" is 12). Parts naming no track of their own are one track's sessions ("Group
        # nights: Monday & Wednesday, 6-9 pm; Saturday, 10 am-1 pm" is 9).
        # (a family's or others' part is no track: "Family program: Wednesdays, 6:00-7:30 p.m.")
        tracks = [
            _sessions_of_one_track(part, a_track=True)
            for part in parts
            if not NOT_A_TRACKS_PART.match(part)
        ]
        return None if None in tracks else max(hours for hours in tracks if hours is not None)
    if ONE_OF_SEVERAL.search(A_TRACK.sub(" ", sentence) if a_track else sentence):
        return None  # one part's track named, it is that track's sessions
    total, start = 0.0, 0
    for match in TIME_RANGE.finditer(sentence):
        lengths = _session_hours(match.group(0))
        # (the days just before the times, after a lead's count: "three nights a week: Monday")
        before = sentence[start : match.start()]
        days = session_days(before.rsplit(":", 1)[-1]) or session_days(before)
        if not lengths or not days:
            return None
        total += days * lengths[0]
        start = match.end()
    return total if 0 < total <= 40 else None


# Times of day in words: "nine in the morning", "half past four", "five-thirty", "noon".
HOUR_NAMES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "noon": 12, "midday": 12, "midnight": 12,
}  # fmt: skip
NAMED_MERIDIEM = {"noon": "p.m.", "midday": "p.m.", "midnight": "a.m."}
MINUTE_NAMES = {"fifteen": 15, "thirty": 30, "forty-five": 45}
PARTS_OF_DAY = r"in the (?:morning|afternoon|evening)|at night"


def _spoken_clock(named: bool) -> str:
    """The pattern of a time of day in words, with named groups or without (a range holds
    two)."""

    def part(name: str, pattern: str) -> str:
        return f"(?P<{name}>{pattern})" if named else f"(?:{pattern})"

    return (
        rf"(?:{part('past', r'half|(?:a )?quarter')} past\s+)?"
        + part("hour", "|".join(HOUR_NAMES))
        + rf"(?:[- ]{part('minutes', r'thirty|fifteen|forty[- ]five')}\b)?"
        + part("oclock", r"\s+o'clock")
        + "?"
        + rf"(?:\s+{part('part', PARTS_OF_DAY)})?\b"
    )


SPOKEN_CLOCK = re.compile(r"\b" + _spoken_clock(named=True), re.I)
# What may follow a time of day; "eight to ten weeks" is a length, not a time.
AFTER_A_TIME = (
    rf"(?=\s*(?:$|[{DASHES}.,;:!?()]|and\b|on\b|each\b|every\b|daily\b|weekdays?\b"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|[ap]\.?m\b))"
)
SPOKEN_RANGE = re.compile(
    rf"\b(?P<first>{_spoken_clock(named=False)})\s*(?:until|till|to|through|[{DASHES}])\s*"
    rf"(?P<last>{_spoken_clock(named=False)}){AFTER_A_TIME}",
    re.I,
)
# Before a range of bare hours ("from six until nine"): what makes them times of day.
BEFORE_BARE_TIMES = re.compile(
    r"(?:\bfrom|\bbetween|(?:day|days|weekdays|mornings|afternoons|evenings|nights)[,:]?)\s*$",
    re.I,
)
# "8 in the morning", "7 at night".
DIGITS_OF_A_PART_OF_DAY = re.compile(rf"\b(\d{{1,2}}(?::\d{{2}})?)\s+({PARTS_OF_DAY})\b", re.I)

SpokenTime = tuple[int, int, str | None]  # hour, minutes, "a.m." / "p.m." / None


def _spoken(match: re.Match[str]) -> tuple[SpokenTime, bool]:
    """A time of day in words, and whether its words alone say it is one ("ten in the
    morning", "half past four", "noon"; not "ten")."""
    word = match["hour"].lower()
    minutes = MINUTE_NAMES.get(re.sub(r"[- ]+", "-", (match["minutes"] or "").lower()), 0)
    if match["past"]:
        minutes = 30 if match["past"].lower() == "half" else 15
    meridiem = NAMED_MERIDIEM.get(word)
    if match["part"]:
        meridiem = _meridiem(HOUR_NAMES[word], match["part"])
    plainly = bool(match["past"] or match["minutes"] or match["oclock"] or meridiem)
    return (HOUR_NAMES[word], minutes, meridiem), plainly


def _meridiem(hour: int, part_of_day: str) -> str:
    """A.m. or p.m. of an hour said with its part of the day ("twelve at night" is midnight)."""
    if part_of_day.lower().endswith("morning"):
        return "a.m."
    return "a.m." if hour == 12 and part_of_day.lower().endswith("night") else "p.m."


def _written(hour: int, minutes: int, meridiem: str | None) -> str:
    return f"{hour}{f':{minutes:02d}' if minutes else ''}{f' {meridiem}' if meridiem else ''}"


def _range_in_digits(match: re.Match[str], sentence: str) -> str:
    first, last = (SPOKEN_CLOCK.fullmatch(match[side].strip()) for side in ("first", "last"))
    if first is None or last is None:
        return match.group(0)
    ((h1, m1, p1), plain_first), ((h2, m2, p2), plain_last) = _spoken(first), _spoken(last)
    if not (plain_first or plain_last) and not BEFORE_BARE_TIMES.search(sentence[: match.start()]):
        return match.group(0)  # "groups of eight to ten": not times
    if p1 is None and p2 is None and h2 % 12 > h1 % 12:
        # The one part of the day the sentence names: "three evenings a week, from six until
        # nine" (not "the morning group from eight to eleven, the afternoon group ...").
        later = re.search(r"\b(?:evening|night|afternoon)s?\b", sentence, re.I)
        morning = re.search(r"\bmornings?\b", sentence, re.I)
        if later and not morning:
            p1 = p2 = "p.m."
        elif morning and not later:
            p1 = p2 = "a.m."
    # One side's part of the day gives the other's: a later hour on the clock face is in the
    # same half of the day, an earlier one in the other ("nine until one in the afternoon").
    if p1 is None and p2 is not None:
        p1 = p2 if h1 % 12 <= h2 % 12 else ("a.m." if p2 == "p.m." else "p.m.")
    if p2 is None and p1 is not None:
        p2 = p1 if h2 % 12 > h1 % 12 else ("p.m." if p1 == "a.m." else "a.m.")
    return f"{_written(h1, m1, p1)} to {_written(h2, m2, p2)}"


# An hour of a clock without its half of the day: "9" of "9-12", "12" of "12-3".
BARE_HOUR = r"1[0-2]|[1-9]"
# A range of bare hours ("9-12", "6\u20139"), not a part of a date, price or decimal.
BARE_HOURS = re.compile(
    rf"(?<![\d:/.])(?:{BARE_HOUR})\s*[-\u2013]\s*(?:{BARE_HOUR})(?![\d:/%]|\.\d)"
)
# Bare hours after a day of the week ("Saturday; 9-12", "Mon\u2013Thu, 6\u20139") or the parts
# of days groups meet ("three afternoons a week, 3:30-6:00"): a group's times, not counts ("3-4
# days", "ages 12-17", "9-12 hours").
BARE_HOURS_AFTER_A_DAY = re.compile(
    rf"(?P<day>{SCHEDULE_DAY.pattern}|\b(?i:mornings|afternoons|evenings|nights)\b)"
    rf"(?:(?!(?i:ages?\b|grades?\b|suites?\b|rooms?\b|units?\b|floors?\b|{MONTH}))[^.;\d])"
    r"{0,12}(?:;\s*(?i:times?|hours?)\s*:|[,;:])?\s*"
    rf"(?<![\d:/.$])(?P<first>{BARE_HOUR})(?P<m1>:[0-5]\d)?"
    r"\s*(?:[-\u2013]|\s(?P<word>to|until|till)\s)\s*"
    rf"(?P<last>{BARE_HOUR})(?P<m2>:[0-5]\d)?"
    r"(?![\d:/%]|\.\d|(?i:\s*(?:[ap]\.?m\b|[ap]\b|noon|midnight|weeks?|days?|hours?|hrs?"
    r"|months?|years?|people|clients|sessions|groups|times|scale|year)))",
)


def _bare_hours(match: re.Match[str], sentence: str) -> str:
    """Bare hours with the half of the day they are in: the one part of the day the sentence
    names, else the way groups keep hours ("9-12" a morning's, "10-1" across noon, "6-9" and
    "1-4" an evening's and an afternoon's; "7-9" either)."""
    if match["word"] and OFFICE_CONTEXT.search(sentence):
        return match.group(0)  # an office's "Monday to Friday, 1 to 9": no group's, unclear
    first, last = int(match["first"]), int(match["last"])
    later = re.search(r"\b(?:evening|night|afternoon)s?\b", sentence, re.I)
    morning = re.search(r"\bmornings?\b", sentence, re.I)
    if later and not morning:
        p1 = p2 = "p.m."
    elif morning and not later and 6 <= first < last:
        p1, p2 = "a.m.", "p.m." if last == 12 else "a.m."
    elif 8 <= first <= 11:  # (a bare "7-9" is a morning's or an evening's)
        p1, p2 = "a.m.", "a.m." if first < last < 12 else "p.m."
    elif first == 12 or (first < last <= 11 and first <= 6):
        p1 = p2 = "p.m."
    else:
        return match.group(0)
    start = match.start("first") - match.start()
    m1, m2 = match["m1"] or "", match["m2"] or ""
    return f"{match.group(0)[:start]}{first}{m1} {p1}-{last}{m2} {p2}"


# A range of times on a 24-hour clock: "17:30\u201320:30", "09:00-12:00" (a leading zero or an
# hour past 12 says which clock).
A_24_HOUR_RANGE = re.compile(
    rf"\b(\d{{2}}):([0-5]\d)(\s*(?:[{DASHES}]|to|until)\s*)(\d{{2}}):([0-5]\d)\b(?!\s*[ap]\.?m)",
    re.I,
)


# The same in military form, with no colon, beside a day's name: "Monday through Thursday,
# 1700-2000", "Mon-Thu 0800-2000" (not years: its minutes are a quarter's).
A_24_HOUR_RANGE_IN_FOUR_DIGITS = re.compile(
    rf"\b([01]\d|2[0-3])(00|15|30|45)(\s*(?:[{DASHES}]|to|until)\s*)([01]\d|2[0-4])(00|15|30|45)\b"
    r"(?!\s*[ap]\.?m)",
    re.I,
)


def _in_12_hours(found: re.Match[str]) -> str:
    first, second = int(found[1]), int(found[4])
    if not (found[1].startswith("0") or first > 12 or second > 12) or max(first, second) > 24:
        return found.group(0)

    def written(hour: int, minute: str) -> str:
        return f"{hour % 12 or 12}:{minute} {'a.m.' if hour < 12 or hour == 24 else 'p.m.'}"

    return f"{written(first, found[2])}{found[3]}{written(second, found[5])}"


def clock_words(sentence: str) -> str:
    """The sentence with times of day in words written in digits, for the readers of times:
    "from six until nine" in a sentence about evenings is "6 p.m. to 9 p.m.", "half past
    four" is "4:30", "ten in the morning" "10 a.m.", a day's bare "9-12" "9 a.m.-12 p.m.";
    number words that are not plainly times ("eight to ten weeks", "groups of eight to ten")
    are left as they are."""
    sentence = A_24_HOUR_RANGE.sub(_in_12_hours, sentence)
    if re.search(rf"\b{DAY}", sentence, re.I):
        sentence = A_24_HOUR_RANGE_IN_FOUR_DIGITS.sub(_in_12_hours, sentence)
    sentence = BARE_HOURS_AFTER_A_DAY.sub(lambda found: _bare_hours(found, sentence), sentence)
    sentence = DIGITS_OF_A_PART_OF_DAY.sub(
        lambda said: f"{said[1]} {_meridiem(int(said[1].split(':')[0]), said[2])}", sentence
    )
    if not SPOKEN_CLOCK.search(sentence):
        return sentence
    ranged = SPOKEN_RANGE.sub(lambda match: _range_in_digits(match, sentence), sentence)

    def alone(match: re.Match[str]) -> str:
        time, plainly = _spoken(match)
        return _written(*time) if plainly else match.group(0)

    return SPOKEN_CLOCK.sub(alone, ranged)


AFTERNOON_ENDS = 15  # a group that starts by 3 p.m. ("3:00 to 6:00 PM") meets in the day


def group_times(sentence: str) -> tuple[bool | None, bool | None]:
    """``(daytime, evening)`` from group times such as "groups meet 6-9 p.m."."""
    if not group_schedule(sentence):
        return None, None
    sentence = BUILDINGS_HOURS.sub(" ", sentence)
    daytime = evening = None
    for match in TIME_RANGE.finditer(sentence):
        h1, m1, p1, h2, m2, p2 = match.groups()
        if not (p1 or p2):
            continue  # "1-2 weeks" is not a time
        start = _hour(h1, m1, p1, p2)
        end = _hour(h2, m2, p2, p1)
        if p1 is None and p2 and p2.lower().startswith("p") and start > end:
            start -= 12  # "9-12 pm": nine in the morning
        if start >= 16.5 or end >= 19:
            evening = True
        if start <= AFTERNOON_ENDS:
            daytime = True
    return daytime, evening


WAIT_UNITS = {
    "hour": 1 / 24,
    "day": 1.0,
    "business day": 1.0,
    "working day": 1.0,
    "week": 7.0,
    "month": 30.0,
}
INTAKE_WORDS = re.compile(
    r"intake|admission|admit|assessment|appointment|start|begin|seen|enroll|wait|opening|slot"
    r"|seat|spot|placement|cita|ingreso|get (?:you|clients|patients|people) (?:into|in to)"
    r"|\bfirst (?:[\w-]+ )?(?:group|session|visit)\b",
    re.I,
)
NOT_INTAKE = re.compile(
    r"verif|insurance|call you back|return (?:your )?calls?|respond|get back to you|reply"
    r"|feel better|improvement|benefits|cancel|paperwork|of hire"
    r"|hear back|contact you|answer (?:your )?(?:message|email)",
    re.I,
)
WAIT_UNIT = r"\s+((?:business|working) days?|days?|weeks?|months?)"
WAIT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"same[- ]day (?:admissions?|intakes?|assessments?|appointments?|starts?)"
                r"|(?:admitted|start treatment|seen|begin) (?:the )?same day|mismo d[ií]a"
                # "we can usually do your intake the same day"
                r"|(?<!not )(?<!n't )\b(?:do|complete|schedule|have) (?:your |an? |the )?"
                r"(?:intake|assessment)(?: appointment)? (?:the )?same day(?! as\b)", re.I),
     "zero"),
    (re.compile(r"next[- ]day (?:admissions?|intakes?|assessments?|appointments?)", re.I), "one"),
    (re.compile(r"wait\s?(?:ing)?\s?list[^.;]{0,40}?\b" + RANGE + WAIT_UNIT, re.I), "range"),
    (re.compile(r"wait(?:ing)?(?: time)?[^.;]{0,50}?\b" + RANGE + WAIT_UNIT, re.I), "range"),
    (re.compile(RANGE + r"[- ]((?:business|working)[- ]days?|days?|weeks?|months?)[- ]wait", re.I),
     "range"),
    (re.compile(r"within\s+(?:about\s+|around\s+|roughly\s+|approximately\s+)?" + RANGE
                + r"\s+(hours?|(?:business|working) days?|days?|weeks?)", re.I), "range"),
    (re.compile(r"(?:en|dentro de)\s+" + RANGE + r"\s+(horas|d[ií]as|semanas)", re.I), "range"),
    # "we'll call you when a seat opens, usually 3 to 4 weeks"
    (re.compile(r"(?:seat|spot|space|place|opening|slot)s? (?:opens?|opens up|becomes? available"
                r"|frees? up)[^.;]{0,25}?\b" + RANGE + WAIT_UNIT, re.I), "range"),
    # "We can usually get you into group in 3 to 5 days"
    (re.compile(r"\bget (?:you|clients|patients|people) (?:into|in to|started in) (?:the |our )?"
                r"(?:iop|program|treatment|groups?) in (?:about |around |roughly )?" + RANGE
                + WAIT_UNIT, re.I), "range"),
    # "new veterans are starting IOP in about 2 weeks"
    (re.compile(r"\b(?:start|begin)\w* (?:the |our )?(?:iop|program|treatment|groups?|intake)"
                r" in (?:about |around |roughly )?" + RANGE + WAIT_UNIT, re.I), "range"),
    # "about 10 days from your assessment to your first group"
    (re.compile(r"(?:about |around |roughly )?" + RANGE + WAIT_UNIT + r" from (?:your |the )?"
                r"(?:assessment|intake|referral|first call) to (?:your |the )?first\b", re.I),
     "range"),
    # "Average time from referral to first IOP group: 5 business days", "... is 3-5 days"
    (re.compile(r"\btime from (?:referral|(?:your |the )?first call|assessment|intake) to"
                r" (?:the |your )?first [^.;:]{0,30}?(?::|\s(?:is|runs))\s*"
                r"(?:about |around |roughly )?" + RANGE
                + WAIT_UNIT, re.I), "range"),
)  # fmt: skip
NEXT_AVAILABLE = re.compile(
    r"next (?:available )?(?:(?:iop|group|program|class|cohort) )?"
    r"(?:intake|admission|assessment|appointment|opening|start date)",
    re.I,
)
# The day the next group starts or meets newcomers: it takes people, but the day is a cohort's,
# no wait for an intake ("Next adult IOP orientation: Monday, December 14", "Next IOP group
# start: Monday, January 4").
# The kinds of a program whose next start a sentence gives: "next adult IOP orientation".
STARTS_KINDS = r"adult|teen|adolescent|youth|women's|men's|day|evening|morning|iop|\d+-week"
NEXT_START = re.compile(
    rf"next (?:available )?(?:(?:{STARTS_KINDS}|group|program|class|cohort) ){{0,3}}"
    r"(?:start|orientation)\b"
    r"(?!\s+(?:date|time)\b)"
    # "Our next 10-week class begins January 11, 2027" (not a DUI or a parenting class's)
    rf"|next (?:(?:{STARTS_KINDS}) ){{0,3}}(?:class|cohort|group|iop|program)"
    r" (?:begins|starts|will (?:begin|start))\b"
    # "New IOP group starts Tuesday, December 15" (the IOP's, not "Al-Anon: new group starts",
    # nor one still to open: "A new IOP program will start in 2027")
    rf"|\bnew (?:(?:{STARTS_KINDS}) ){{0,2}}iop (?:group|cohort|class|track) (?:begins|starts)\b",
    re.I,
)


# What follows "next available intake" when none is given: "TBD", "none at this time", "will
# be posted when the waitlist reopens", "call to ask about it".
NO_NEXT_INTAKE = re.compile(
    r"\b(?:tbd|to be (?:determined|announced)|none|not|no|will be|wait ?list|waiting list|ask)\b",
    re.I,
)
NAMED_DAY = re.compile(
    r"\b(?:" + "|".join(WEEKDAYS) + r"|today|tomorrow)\b|" + MONTH + r"\s+\d{1,2}\b", re.I
)


def next_intake_given(sentence: str) -> bool:
    """Whether the sentence gives the next available intake: a day, a date or a wait after the
    words ("Next available intake: Thursday", "... within 48 hours"), not "TBD"."""
    named = NEXT_AVAILABLE.search(sentence) or NEXT_START.search(sentence)
    if not named or NO_NEXT_INTAKE.search(sentence):
        return False
    rest = sentence[named.end() :]
    return bool(NAMED_DAY.search(rest) or first_date(rest) or re.search(r"\d|\bwithin\b", rest))


def next_opening_a_wait_away(sentence: str) -> bool:
    """Whether the next opening is given as a wait ("Next IOP opening in about 3 weeks"): full
    now, a wait stated alone (not a next intake's: "Next available intake: in 3 weeks" takes
    people, weeks out)."""
    named = NEXT_AVAILABLE.search(sentence)
    if named is None or not named.group(0).lower().endswith("opening"):
        return False
    wait = NEXT_AVAILABLE_IN.match(sentence, named.end())
    return bool(wait and wait["count"])


ABBREVIATED_ABOUT = re.compile(r"\b(?:approx|apprx|est|ca)\.", re.I)


# A next intake's time from now: "Next available intake: today", "...: in 3 weeks (January 4)".
NEXT_AVAILABLE_IN = re.compile(
    rf"\W*(?:is\s+)?(?:(?P<day>today|tomorrow)\b|in\s+(?:about\s+|approximately\s+"
    rf"|around\s+|roughly\s+)?(?P<count>{NUM})"
    r"\s+(?P<unit>days?|weeks?)\b)",
    re.I,
)


# A coordinator's call back, no wait to start: "Our intake coordinator calls the patient within
# one business day" (what the rest of the sentence says still is: "..., and most start within a
# week").
CALL_BACK = re.compile(
    r"\b(?:calls?|will call|contacts?|reaches? out to) (?:the|your) (?:patient|client"
    r"|referr\w+(?: source)?)\b[^.;,]*"
    # "an intake coordinator will reach you within one business day"
    r"|\b(?:will|we'll)\s+(?:reach|call|contact|get back to|respond to)\s+you\s+within\b[^.;,]*",
    re.I,
)


def _in_days(value: float | None, unit: str) -> int | None:
    """A wait of ``value`` ``unit`` ("3", "weeks"; "2", "semanas") in whole days."""
    unit = unit.lower().replace("-", " ").rstrip("s")
    unit = {"hora": "hour", "día": "day", "dia": "day", "semana": "week"}.get(unit, unit)
    if value is None or unit not in WAIT_UNITS:
        return None
    return math.ceil(value * WAIT_UNITS[unit])


def days_to_intake(sentence: str) -> int | None:
    """Days to an intake, as the sentence states a wait; ``None`` if it does not. A next
    intake's date ("Next available intake: Tuesday, December 15") is when, not how long: the
    statement says it, and no count of days from a date the page may not give."""
    sentence = CALL_BACK.sub(" ", sentence)
    if not INTAKE_WORDS.search(sentence) or NOT_INTAKE.search(sentence):
        return None
    sentence = ABBREVIATED_ABOUT.sub("about", sentence)  # "approx. 10 days" is no sentence's end
    for pattern, kind in WAIT_PATTERNS:
        match = pattern.search(sentence)
        if not match:
            continue
        if kind == "zero":
            return 0
        if kind == "one":
            return 1
        groups = match.groups()
        days = _in_days(upper(groups[0], groups[1]), groups[2])
        if days is None:
            continue
        return days
    named = NEXT_AVAILABLE.search(sentence)
    if named and (wait := NEXT_AVAILABLE_IN.match(sentence, named.end())):
        if wait["day"]:
            return 0 if wait["day"].lower() == "today" else 1
        return _in_days(number(wait["count"]) or None, wait["unit"])
    return None


MONTH_DAY = re.compile(MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})", re.I)
MONTH_YEAR = re.compile(MONTH + r",?\s+(\d{4})\b", re.I)


# How far back a yearless "as of Dec. 3" still dates what it follows ("3 of 8 seats open (as
# of Dec. 3)"); further back it is a date to come ("as of January 1").
AS_OF_WITHIN_DAYS = 45


# Words that date what follows them: "Updated Nov 30", "Posted December 1, 2026", "Intake
# update (Dec 1, 2026):", "Actualización 28 de noviembre de 2026:".
DATE_STAMP = re.compile(
    r"\b(?:last\s+)?(?:updated?|reviewed|revised|posted|as of|(?:for the )?week of|actualizado"
    r"|actualizaci[oó]n)\b",
    re.I,
)


def stamped_date(text: str, as_of: date, latest: date | None = None) -> date | None:
    """The date an "Updated ..." stamp gives, just after its word ("Last updated: Tuesday, March
    3, 2026", "reviewed by our team on March 3, 2026"); an update's or a post's month and day
    too ("updated Nov 30", the latest such day on or before ``as_of``; "as of Dec. 3" only of
    the last weeks, "as of January 1" being often a date to come). None when no stamp gives
    one there ("reviewed daily; next intake: January 12" is no stamp of January), or a day
    after ``latest`` (the crawl's)."""
    stamp = date_stamp(text, as_of, latest)
    return stamp[2] if stamp else None


def date_stamp(text: str, as_of: date, latest: date | None = None) -> tuple[int, int, date] | None:
    """Where :func:`stamped_date`'s stamp starts and ends in ``text``, and its date."""
    for stamp in DATE_STAMP.finditer(text):
        at = stamp.end()
        lead = STAMP_LEAD.match(text, at)
        at = lead.end() if lead else at
        after = text[at:]
        end, day = next(
            ((e, day) for s, e, day in dated_spans(after[:30], short_years=True) if s == 0),
            (0, None),
        )
        match = MONTH_DAY.match(after)
        if (
            day is None
            and match
            and re.match(r"(?:last\s+)?(?:update|posted|as of)", stamp[0], re.I)
        ):
            try:
                day = date(as_of.year, MONTHS[match.group(1).lower()], int(match.group(2)))
            except ValueError:
                continue
            day = day if day <= as_of else day.replace(year=day.year - 1)
            if stamp[0].lower().startswith("as of") and (
                (as_of - day).days > AS_OF_WITHIN_DAYS
                or not re.match(r"\.?\s*(?:[)\]:\u2014\u2013]|-\s|$)", after[match.end() :])
            ):
                # "as of January 1" in December: a date to come; "As of Nov 1, we no longer
                # accept ...": a change's date (only "(as of Dec. 3)" closing a status dates it)
                continue
            end = match.end()
        month = MONTH_YEAR.match(after)
        if day is None and month and re.match(r"(?:last\s+)?(?:updated?|posted)", stamp[0], re.I):
            # "Updated November 2026": the month's first day, the earliest it can mean
            day = date(int(month.group(2)), MONTHS[month.group(1).lower()], 1)
            end = month.end()
        if day is not None:
            return (stamp.start(), at + end, day) if latest is None or day <= latest else None
    return None


# What may stand between a stamp's word and its date: "Last updated: Tuesday, March 3, 2026".
STAMP_LEAD = re.compile(
    r"[\s:(\u2014\u2013-]*(?:by [^.;:]{1,40}?\s+(?=on\b))?(?:on:?\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
    re.I,
)


# Places in a group; a bed is a residence's, not an outpatient program's.
OPEN_SLOTS = re.compile(
    # "3 open seats", "two spots left", "3 of 10 seats open" (the open ones, not the group's size)
    r"\b" + NUM + r"(?:\s+of\s+\d+)?\s+(?:(?:open|available)\s+(?:slots?|spots?|openings?|seats?)"
    r"|(?:slots?|spots?|seats?|chairs?|places?)\s+(?:are\s+|is\s+)?(?:still\s+)?"
    r"(?:open|available|left|remaining|remain(?=\s*(?:[.;,)]|$)))\b"
    r"(?!\s+(?:in each|per|each|in every)\b)"
    r"|(?:lugares|cupos|espacios)\s+(?:disponibles|abiertos|libres)\b)"
    # "space for 2 more women in the December group", "room for 3 more"
    r"|\b(?:space|room)\s+for\s+" + NUM + r"\s+more\b"
    # a status list's item: "Owosso morning \u2014 3 seats", "Evening cohort: 2 spots" (not
    # another group's: "DUI class \u2014 12 seats", "Aftercare group starting March 3: 12 spots")
    r"|^(?:[^:;]{1,60}:\s+)?"  # (after its list's lead: "IOP openings this week: ...")
    r"(?![^:\u2014\u2013]*\b(?:dui|dwi|owi|class|classes|aftercare|alumni|anger|family|parents?"
    r"|support group|camp|retreat|workshop|education)\b)[^:;\u2014\u2013]{2,60}?"
    r"(?:[:\u2014\u2013]|\s-)\s*" + NUM + r"\s+(?:open\s+)?(?:seats?|spots?|openings?|slots?)"
    r"\s*(?:$|[.;,)])"
    # "IOP group openings: 3", "Spots available: 2" (a group's "Seats: 12" is its size)
    # "Open slots this month: 4"
    r"|\b(?:openings|(?:spots|slots|openings) (?:available|open|left)"
    r"|(?<!\bno )open (?:spots|slots|seats))"
    r"(?:\s+(?:this week|this month|today|now|right now|(?:for|in) (?:the|our)"
    r" (?!(?:[\w-]+ ){0,2}(?:dui|dwi|owi|al-?anon|aa|na|family|alumni|support|parents?|parenting"
    r"|anger)\b)(?:[\w-]+ ){0,2}(?:cohort|group|class|track)))?\s*:\s*" + NUM + r"\b(?!\s*beds?\b)",
    re.I,
)


# Places that are no program's: parking, a house's beds.
NOT_PLACES_IN_A_PROGRAM = re.compile(
    r"parking|estacionamiento|sober|recovery (?:house|home|residence)|\bbeds?\b|\bhouse\b", re.I
)


# "Next IOP cohort begins January 12 — 6 openings" (or "6 seats remain"): bare openings, in a
# sentence of the IOP's groups and of no other care's, job's or event's ("PHP has 3 openings",
# "2 openings for counselors", "6 seats remain for our gala").
OPENINGS = re.compile(
    r"\b" + NUM + r"\s+(?:new\s+)?openings?\b|\b" + NUM + r"\s+(?:seats|spots|places)\s+remain\b"
    # "call to reserve one of 3 remaining spots" (three, not one)
    r"|\b" + NUM + r"\s+remaining\s+(?:slots?|spots?|openings?|seats?|places?)\b",
    re.I,
)
OPENINGS_OF_THE_PROGRAM = re.compile(r"\biop\b|intensive outpatient|group|cohort|track", re.I)
OPENINGS_OF_SOMETHING_ELSE = re.compile(
    r"\bphp\b|partial|residential|detox|inpatient|study|research|jobs?\b|positions?|hiring"
    r"|counselors?|therapists?|nurses?|staff|specialists?|coordinators?|peer|added|this year"
    r"|last year|grant|gala|dinner|event|tickets?|workshop|class(?:es)?\b|conference|retreat"
    r"|\brun\b|\bwalk\b|\b5k\b|al-?anon|alumni",
    re.I,
)
# A program's cohort named as the class of a month or season: "3 openings in the January class".
A_COHORTS_CLASS = re.compile(rf"\b{A_MONTH_OR_SEASON} class\b(?! of\b)", re.I)
# A class of another course: "DUI", "parenting", "CNA", "interns", "academy".
ANOTHER_COURSES_CLASS = re.compile(
    r"\b(?:dui|dwi|owi|parenting|course|academy|coach|interns?|cna|training|education|school"
    r"|anger)\b",
    re.I,
)


# The seats a group about to start has: "next group starts January 5, 2027, with 6 seats".
SEATS_OF_A_START = re.compile(
    r"\bnext\b[^.;]{0,40}\b(?:starts?|begins?)\b[^.;]{0,40}?\bwith\s+"
    + NUM
    + r"\s+(?:open\s+)?(?:seats?|spots?|places?|openings?)\b"
    r"(?![^.;]{0,30}\b(?:full|taken|filled|booked)\b)",
    re.I,
)


# Seats counted as taken of all: "January cohort: 4 of 12 seats filled" (8 open).
SEATS_FILLED = re.compile(
    NUM + r"\s+of\s+" + NUM + r"\s+(?:seats?|spots?|slots?|places?)\s+(?:are\s+)?"
    r"(?:filled|taken|booked)\b",
    re.I,
)


def open_slots(sentence: str) -> int | None:
    if NOT_PLACES_IN_A_PROGRAM.search(sentence):
        return None
    if filled := SEATS_FILLED.search(sentence):
        taken, of = number(filled.group(1)), number(filled.group(2))
        return int(of - taken) if taken is not None and of is not None and of >= taken else None
    match = OPEN_SLOTS.search(sentence) or SEATS_OF_A_START.search(sentence)
    cohorts = (
        sentence
        if ANOTHER_COURSES_CLASS.search(sentence)
        else A_COHORTS_CLASS.sub("cohort", sentence)
    )
    if match is None and (
        OPENINGS_OF_THE_PROGRAM.search(cohorts) and not OPENINGS_OF_SOMETHING_ELSE.search(cohorts)
    ):
        match = OPENINGS.search(sentence)
    value = number(next((g for g in match.groups() if g), None)) if match else None
    return int(value) if value is not None else None


DAY_WORDS = (
    ("Mo", r"mon(?:day)?s?|lunes"),
    ("Tu", r"tue(?:s(?:day)?)?s?|martes"),
    ("We", r"wed(?:nesday)?s?|mi[eé]rcoles"),
    ("Th", r"thu(?:r(?:s(?:day)?)?)?s?|jueves"),
    ("Fr", r"fri(?:day)?s?|viernes"),
    ("Sa", r"sat(?:urday)?s?|s[aá]bados?"),
    ("Su", r"sun(?:day)?s?|domingos?"),
)
DAY_ORDER = tuple(code for code, _ in DAY_WORDS)
DAY = r"(?:" + "|".join(pattern for _, pattern in DAY_WORDS) + r")\.?"
HOUR_WORDS = {"noon": "12 pm", "midday": "12 pm", "midnight": "12 am"}
OFFICE_HOURS = re.compile(
    # days named one by one before the range's first: "Tuesday & Thursday 9-5"
    rf"(?P<also>(?:{DAY}\s*(?:,|&|\band\b|/)\s*){{1,4}})?"
    rf"(?P<first>{DAY})(?:\s*(?:[{DASHES}]|through|thru|to|a)\s*(?P<last>{DAY}))?"
    r"\s*[:,]?\s*(?:from\s+)?"
    rf"(?P<opens>\d{{1,2}}(?::\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon)"
    rf"\s*(?:[{DASHES}]|to|until|till|a)\s*"
    rf"(?P<closes>\d{{1,2}}(?::\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midnight)",
    re.I,
)
TIMES_THEN_DAYS = re.compile(
    r"(?:from\s+)?"
    rf"(?P<opens>\d{{1,2}}(?::\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon)"
    rf"\s*(?:[{DASHES}]|to|until|till)\s*"
    rf"(?P<closes>\d{{1,2}}(?::\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midnight)"
    rf"\s*,?\s*(?:on\s+)?(?P<first>{DAY})(?:\s*(?:[{DASHES}]|through|thru|to)\s*(?P<last>{DAY}))?",
    re.I,
)
COUNTED_HOURS = re.compile(COUNT_RANGE + r"\s+hours\b", re.I)
WEEKDAYS_SAID = re.compile(r"\b(?:every )?weekdays?\b|\blunes a viernes\b", re.I)
OFFICE_CONTEXT = re.compile(
    r"\bhours\b|\bopen\b|office|clinic|front desk|care team\s*:|horario|abierto", re.I
)
NOT_OFFICE_HOURS = re.compile(
    r"group|session|track|class|\bmeets?\b|cohort|phone line|crisis|visiting|emergency|urgent care"
    # when people may walk in for an assessment, not when the office is open (the hours
    # named whole: "Open access walk-in hours: Monday-Friday, 9 to 11 a.m.")
    r"|(?:open access )?walk[- ]?in (?:intake |assessment |screening )?hours|open access hours"
    r"|walk[- ]?ins?\b|open access|drop[- ]in"
    # another office's: "Billing office: 970-555-0167, Monday-Friday 8 a.m.-4:30 p.m."
    r"|billing|pharmacy|business office"
    # another service's or line's: "Student Health: ...", "Admissions line hours: ..."
    r"|student health|primary care|dental|laborator|\blab\b|radiology|imaging|pediatric"
    r"|(?:public health|immuni[sz]ation|vaccin\w*|flu shots?|\bwic)"
    r"(?: (?:clinic|center|centre|department|office))?(?: hours)?"
    r"|switchboard|call cent|access cent|admissions line|helpline"
    r"|hotline|\badministration\b"
    # a chat widget's: "Questions? Chat with a PVU assistant, Monday-Sunday, 8:00 AM - 10:00 PM"
    r"|\b(?:live )?chat\b"
    # a building's or a campus's doors, not the program's office: "Building hours: ..." (not
    # "Behavioral Health Building hours")
    r"|(?<!health )\b(?:building|lobby|campus|parking|garage|cafeteria|gift shop) hours\b",
    re.I,
)


# A sentence's label, before its colon: "Flu and COVID shots:" (another service's, if it names
# one).
ANOTHER_SERVICES_LABEL = re.compile(r"^[^:.;]{1,40}:")
# ... not the office's own, whatever it says in passing: "Office hours (no shots on Fridays):".
OUR_OFFICES_LABEL = re.compile(r"\b(?:office|front desk|program|iop)\b", re.I)
# Another service of the building's, whose hours are its own: "pharmacy hours".
ANOTHER_SERVICE = re.compile(
    r"pharmacy|dental|laborator\w*|lab|radiology|imaging|pediatric|primary care|student health"
    r"|public health|visiting|(?:live )?chat|crisis|helpline|hotline"
    r"|vaccin\w*|immuni[sz]ations?|flu(?: shots?)?|shots?",
    re.I,
)


# Words just after a day's times, in its clause, that make them another service's: "Saturday
# 9-12 flu shot clinic", "Tuesday 1-4 WIC appointments".
ANOTHERS_HOURS_AFTER = re.compile(
    r"^[^.;(]{0,25}?\b(?:flu shots?|immuni[sz]ations?|vaccin\w*|wic|public health|lab|pharmacy"
    r"|dental|primary care)\b",
    re.I,
)
# Words naming where something is, before an office word: "at the Hanford clinic".
AT_A_PLACE = re.compile(r"\bat (?:the|our) (?:[\w-]+ ){0,2}$", re.I)


# A room or a place that is open, not the office: a lounge, a gym, a chapel.
NOT_THE_OFFICE_OPEN = re.compile(
    r"^\W*(?:the |our )?(?:[\w-]+ ){0,2}(?:lounge|gym|caf[eé]|cafeteria|library|chapel|pool)"
    r"(?: \([^)]*\))? (?:is|are) open\b",
    re.I,
)


def _day_code(word: str) -> str | None:
    for code, pattern in DAY_WORDS:
        if re.fullmatch(pattern, word.rstrip("."), re.I):
            return code
    return None


def _clock(text: str, other: str) -> str | None:
    """``"17:00"`` of "5 p.m." (or of "5" when the other end says p.m.)."""
    text = HOUR_WORDS.get(text.lower().strip(), text)
    match = re.fullmatch(CLOCK, text.strip(), re.I)
    other_match = re.fullmatch(CLOCK, HOUR_WORDS.get(other.lower().strip(), other).strip(), re.I)
    if not match:
        return None
    hour, minute, meridiem = match.groups()
    fallback = other_match.group(3) if other_match else None
    if not (meridiem or fallback):
        return None  # "9-5" with no a.m./p.m. anywhere: too loose to state
    value = _hour(hour, minute, meridiem, None if meridiem else fallback)
    if value >= 24:
        value -= 24
    return f"{int(value):02d}:{round((value % 1) * 60):02d}"


def _business_day(opens: str, closes: str) -> tuple[str, str]:
    """Office hours' times with the a.m. or p.m. an office means: "9 to 5", "8 to 4:30" and
    "10 to 2" open in the morning and close in the afternoon, and so does "9 to noon"."""
    said = [HOUR_WORDS.get(time.lower().strip(), time).strip() for time in (opens, closes)]
    first, last = (re.fullmatch(CLOCK, time, re.I) for time in said)
    if first is None or last is None or first.group(3):
        return opens, closes
    opening, closing = int(first.group(1)), int(last.group(1))
    if last.group(3):  # "9 to 12 p.m.": nine in the morning
        morning = last.group(3).lower().startswith("p") and opening % 12 > closing % 12
        return (f"{said[0]} am" if morning else opens), closes
    if not 5 <= opening <= 11 or (opening < closing < 12):
        return opens, closes  # "5 to 8" could be either half of the day: not said
    return f"{said[0]} am", f"{said[1]} {'pm' if closing == 12 else 'am'}"


def hours_by_day(hours: list[str]) -> dict[str, str]:
    """Opening hours by day ("Mo-Th 08:00-20:00", "Fr 08:00-12:00": Mo to Th 08:00-20:00, Fr
    08:00-12:00)."""
    by_day: dict[str, str] = {}
    for line in hours:
        days, _, times = line.partition(" ")
        for span in days.split(","):
            first, _, last = span.partition("-")
            for day in days_from_to(first, last or first):
                by_day[day] = times
    return by_day


def days_from_to(first: str | None, last: str | None) -> list[str]:
    """The days of a span, by their codes ("Mo", "Th": Mo, Tu, We, Th); none for a span that
    runs backwards or names no day."""
    if first not in DAY_ORDER or last not in DAY_ORDER:
        return []
    return list(DAY_ORDER[DAY_ORDER.index(first) : DAY_ORDER.index(last) + 1])


def _morning_opening(opens: str, found: list[str]) -> bool:
    """Whether a bare opening hour ("7") is the morning hour other days of the same hours
    open at ("Mo-Th 07:00-18:00")."""
    bare = re.fullmatch(r"\s*(\d{1,2})\s*", opens)
    return bool(bare) and any(
        times.startswith(f"{int(bare.group(1)):02d}:") for times in hours_by_day(found).values()
    )


# A day's name in Spanish after its English one: "Mon\u2013Thu / lun\u2013jue 8am\u20139pm".
SPANISH_DAY = r"(?:lun|mar|mi[e\u00e9]|jue|vie|s[a\u00e1]b|dom)[a-z\u00e1\u00e9]*\.?"
BILINGUAL_DAYS = re.compile(
    rf"\s*/\s*{SPANISH_DAY}(?:\s*(?:[\u2013\u2014-]|\ba\b)\s*{SPANISH_DAY})?", re.I
)


def opening_hours(sentence: str, heading: str = "") -> list[str]:
    """Office hours ("Mon-Fri 8:30am - 4:30pm") as ``["Mo-Fr 08:30-16:30"]``; group times and
    phone lines are not opening hours. ``heading``: what the sentence stands under (a table of
    days under "Office hours")."""
    if NOT_OFFICE_HOURS.search(heading):
        return []
    sentence = COUNTED_HOURS.sub("", sentence)  # "three hours each" says nothing of an office
    if NOT_THE_OFFICE_OPEN.search(sentence):
        return []  # "The recovery lounge is open Saturdays from noon to 6 p.m."
    label = ANOTHER_SERVICES_LABEL.match(sentence)
    if (
        label
        and re.search(rf"\b(?:{ANOTHER_SERVICE.pattern})\b", label.group(0), re.I)
        and not OUR_OFFICES_LABEL.search(label.group(0))
    ):
        return []  # "Flu and COVID shots: walk-in vaccine clinic ..., Tuesdays 2-6 p.m."
    if OFFICE_CONTEXT.search(heading) and not OFFICE_CONTEXT.match(sentence):
        # (the heading's, whatever a later line says: "Saturday: groups only, office closed")
        sentence = f"{heading}: {sentence}"
    if not OFFICE_CONTEXT.search(sentence):
        return []
    if re.search(r"\bexcept\b", sentence, re.I):
        return []  # "weekdays except Wednesday, 9 to 5": which days is not read here
    sentence = WEEKDAYS_SAID.sub("Monday to Friday", BILINGUAL_DAYS.sub("", sentence))
    found = []
    # Days first ("Monday to Thursday 8 to 5, Friday 8 to noon"); else times first ("from 8 a.m.
    # to 4:30 p.m., Monday to Friday"), which would pair one day's times with the next day:
    # each part between semicolons its own way ("8 to 6, Monday through Thursday; Fridays, 8
    # to noon").
    matches: list[tuple[int, re.Match[str]]] = []
    at = 0
    for part in sentence.split(";"):
        found_in_part = list(OFFICE_HOURS.finditer(part)) or list(TIMES_THEN_DAYS.finditer(part))
        matches += [(at, match) for match in found_in_part]
        at += len(part) + 1
    for at, match in matches:
        start, end = at + match.start(), at + match.end()
        before = sentence[max(0, start - 40) : start]
        said_of = [
            word
            for word in re.finditer(
                f"{OFFICE_CONTEXT.pattern}|{NOT_OFFICE_HOURS.pattern}", before, re.I
            )
            # where, not whose hours: "Walk-in screenings are available at the Hanford clinic
            # Monday through Friday, 8:00 to 3:00"
            if not AT_A_PLACE.search(before[: word.start()])
        ]
        if (
            said_of
            and (
                NOT_OFFICE_HOURS.fullmatch(said_of[-1].group(0))
                # (another service's, just before the word: "pharmacy hours include Saturdays 9
                # to 1"; not the program's business office's: "Business office hours: ...")
                or (
                    len(said_of) > 1
                    and ANOTHER_SERVICE.fullmatch(said_of[-2].group(0))
                    and not before[said_of[-2].end() : said_of[-1].start()].strip()
                )
            )
        ):
            continue  # the nearest word before the times says they are a group's
        # (a later day of the office's hours, another's words only after it: "Friday: 8 to 12
        # Saturday: groups only, office closed" is the office's, as the days before it)
        its_own = re.split(rf"\b{DAY}", sentence[end : end + 40], maxsplit=1, flags=re.I)[0]
        if ANOTHERS_HOURS_AFTER.match(its_own):
            continue  # the words just after the times say whose they are: "Saturday 9-12 flu
            # shot clinic"
        later_day = bool(found) and not NOT_OFFICE_HOURS.search(sentence[:start])
        if not said_of and not later_day and NOT_OFFICE_HOURS.search(sentence):
            continue
        qualified = re.match(r"\s*\(([^)]{1,40}\bonly)\)", sentence[end:])
        if qualified and NOT_OFFICE_HOURS.search(qualified.group(1)):
            continue  # "Saturday 9 a.m.-1 p.m. (primary care only)"
        first, last = _day_code(match["first"]), _day_code(match["last"] or match["first"])
        said_opens, said_closes = _business_day(match["opens"], match["closes"])
        if (
            said_opens == match["opens"]
            and _morning_opening(match["opens"], found)
            and not hours_by_day([f"{first}-{last} -"]).keys() & hours_by_day(found).keys()
        ):
            # "Monday-Thursday 7 to 6, Friday 7 to 11": Friday opens when the others do
            said_opens, said_closes = f"{said_opens} am", f"{said_closes} am"
        opens, closes = _clock(said_opens, said_closes), _clock(said_closes, said_opens)
        if not (first and last and opens and closes):
            continue
        if closes <= opens and closes != "00:00":
            # "8 to 5" read as a.m. both: the later one is the afternoon.
            hour = int(closes[:2]) + 12
            if hour >= 24:
                continue
            closes = f"{hour:02d}{closes[2:]}"
        days = first if first == last else f"{first}-{last}"
        named = match.groupdict().get("also") or ""  # (days first only: "Tue & Thu 9-5")
        also = [_day_code(day) for day in re.findall(DAY, named, re.I)]
        days = ",".join([*(code for code in also if code), days])
        found.append(f"{days} {opens}-{closes}")
    return _open_later(found, sentence)


# One day's later closing after the week's hours: "Monday - Friday 8:30 a.m. - 5:00 p.m.
# (Wednesday until 7:00 p.m.)".
OPEN_LATER = re.compile(
    rf"\(\s*(?P<day>{DAY})\s+(?:open\s+)?(?:until|till|to)\s+(?P<closes>{CLOCK})\s*\)", re.I
)


def _open_later(found: list[str], sentence: str) -> list[str]:
    """The hours with a day's later closing the sentence notes apart (see ``OPEN_LATER``)."""
    later = OPEN_LATER.search(sentence)
    day = _day_code(later["day"]) if later else None
    by_day = hours_by_day(found)
    if later is None or day not in by_day:
        return found
    opens, _, closes = by_day[day].partition("-")
    until = _clock(later["closes"], closes)
    if until is None or until <= closes:
        return found
    by_day[day] = f"{opens}-{until}"
    return _day_ranges(by_day)


def _day_ranges(by_day: dict[str, str]) -> list[str]:
    """Opening hours by day as ranges of days in a row with the same hours ("Mo-Tu 08:30-17:00",
    "We 08:30-19:00", "Th-Fr 08:30-17:00")."""
    by_times: dict[str, set[str]] = {}
    for day, times in by_day.items():
        by_times.setdefault(times, set()).add(day)
    ranged = [
        (DAY_ORDER.index(run[0]), f"{day_span(run)} {times}")
        for times, days in by_times.items()
        for run in days_in_runs(days)
    ]
    return [line for _, line in sorted(ranged)]


def days_in_runs(days: set[str]) -> list[list[str]]:
    """Day codes in runs of days in a row, in the week's order ({"Mo", "Tu", "Th"}: Mo-Tu, Th)."""
    runs: list[list[str]] = []
    for day in (code for code in DAY_ORDER if code in days):
        if runs and DAY_ORDER.index(day) == DAY_ORDER.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def day_span(run: list[str]) -> str:
    """A run of days as written in opening hours: "Mo-Fr", "Sa"."""
    return run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}"
