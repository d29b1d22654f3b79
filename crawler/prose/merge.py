"""Combine what several pages of one program say into one set of facts.

A program's site repeats itself across pages; the pages agree or the fact stays unknown (a site
that says "evening groups" on one page and "no evening groups" on another has not told us).
Lists are the union of the pages' lists. Availability comes from the most recently dated
statement: the freshest word on the wait is the one a referrer needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from crawler.prose import numbers
from crawler.prose.availability import (
    A_TRACKS_KIND,
    LIST_LEAD,
    THE_IOP,
    AvailabilityStatement,
    in_spanish,
    without_its_label,
)
from crawler.prose.reader import (
    LIST_FIELDS,
    TELEHEALTH,
    PageReading,
    new_items,
    video_visits_offered,
)
from crawler.prose.vocabulary import PEOPLES_KINDS


@dataclass
class MergedReading:
    facts: dict[str, Any] = field(default_factory=dict)
    conflicts: set[str] = field(default_factory=set)
    # The availability facts (``availability.*``) and the date they held, if a page stated it.
    availability: dict[str, Any] = field(default_factory=dict)
    availability_as_of: date | None = None
    # By path: the sentence a fact was read from, and the page it is on.
    evidence: dict[str, tuple[str, str | None]] = field(default_factory=dict)


WALK_IN = "intake.walk_in"


def merge_readings(readings: Iterable[PageReading], source: str | None = None) -> MergedReading:
    readings = list(readings)
    merged = MergedReading()
    statements: list[tuple[AvailabilityStatement, str | None]] = []
    dated_by_programs: list[AvailabilityStatement] = []  # the statements programs' pages date
    for reading in readings:
        merged.conflicts |= reading.conflicts
        for path, value in reading.facts.items():
            if path in reading.evidence:
                merged.evidence.setdefault(path, (reading.evidence[path], reading.url))
            if path in LIST_FIELDS:
                items = merged.facts.setdefault(path, [])
                items.extend(new_items(path, items, value))
            elif path in merged.facts and merged.facts[path] != value:
                merged.conflicts.add(path)
            else:
                merged.facts.setdefault(path, value)
        statements += [(statement, reading.url) for statement in reading.availability]
        if reading.kind == "program":
            dated_by_programs += [
                statement for statement in reading.availability if statement.dated
            ]
    # (the program's pages', not an article's "Many clinics now offer ...")
    given = [
        (g, r.url) for r in readings if r.kind == "program" for g in r.given.get(TELEHEALTH, [])
    ]
    if TELEHEALTH in merged.conflicts and (one := video_visits_offered(g for g, _ in given)):
        # (one page's video visits, another's "no online groups")
        merged.conflicts.discard(TELEHEALTH)
        merged.facts[TELEHEALTH] = True
        merged.evidence[TELEHEALTH] = next((one, url) for g, url in given if g.clause == one)
    for path in merged.conflicts:
        merged.facts.pop(path, None)
        merged.evidence.pop(path, None)
    if WALK_IN not in merged.facts and WALK_IN not in merged.conflicts:
        # "Assessments are by appointment", and no walk-in time anywhere: no walk-ins
        said = next(((r.by_appointment, r.url) for r in readings if r.by_appointment), None)
        if said is not None:
            merged.facts[WALK_IN] = False
            merged.evidence[WALK_IN] = said
    if _dated_of_late(statements, dated_by_programs):
        # "No waitlist." on the home page, "Next available intake: December 9. Updated December
        # 3" on the program's: the dated word says when it held, the undated one does not (a
        # news post's date is the post's, not the program's word on its openings now)
        statements = [(statement, url) for statement, url in statements if statement.dated]
    if statements:
        merged.availability, merged.availability_as_of = _availability(statements, source)
    return merged


# How recent a program page's dated word on its openings must be to stand over an undated one
# (whose date is the crawl's): "Today we are accepting" outlasts "As of March 2024, a waitlist".
DATED_OF_LATE = timedelta(days=31)


def _dated_of_late(
    statements: list[tuple[AvailabilityStatement, str | None]],
    dated_by_programs: list[AvailabilityStatement],
) -> bool:
    """Whether a program's page dates a statement of the last month before the crawl, and no
    undated one says otherwise of taking people ("Our IOP is currently full" against a dated
    "openings": which is newer is not known, and the crawl's own day stands)."""
    undated = [s for s, _ in statements if not s.dated and s.as_of]
    if not undated:
        return False
    since = max(s.as_of for s in undated if s.as_of) - DATED_OF_LATE
    recent = [s for s in dated_by_programs if s.as_of and s.as_of >= since]
    # (an undated page saying again what a dated one says, "Status: full until February." of
    # "Virtual evening track: full until February.", says nothing otherwise)
    dated_words = {_its_words(s.statement) for s in recent}
    undated = [s for s in undated if _its_words(s.statement) not in dated_words]
    said = {_takes_people_soon(s) for s in [*recent, *undated]} - {None}
    return bool(recent) and (not undated or len(said) <= 1)


def _its_words(statement: str) -> str:
    """A statement's words after its last label: "full until february." of "Virtual evening
    track: full until February." and of "Status: full until February."."""
    return statement.rsplit(": ", 1)[-1].strip().casefold()


# The next group of a program of cohorts, that referrals are taken for now.
NEXT_COHORT = re.compile(r"\bnext (?:cohort|group|class)\b", re.I)


# A wait longer than this is no "taking people now": "Waitlist: about 2 weeks" says otherwise
# than "No waitlist".
A_SHORT_WAIT = 7


def _takes_people_soon(statement: AvailabilityStatement) -> bool | None:
    """Whether a statement says a patient can start soon (taking people, a short wait), says
    not (full, a waitlist of weeks), or neither."""
    if statement.accepting_new_patients is False:
        return False
    if statement.days_to_intake is not None:
        return statement.days_to_intake <= A_SHORT_WAIT
    return statement.accepting_new_patients


# A statement's label naming a track: "Evening cohort: 3 openings", "Morning track: open —
# ...", "Evening IOP — full", "Day IOP is accepting ..." (each a time or a people of its own).
TRACK_LABEL = re.compile(
    r"^([^:;.\u2014\u2013]{0,40}?\b(?:cohort|track|group|iop|program)(?:\s*\([^)]{1,30}\))?)\s*:"
    # by a dash or as the subject, only a track's name ("an adult day program is ..." may be
    # another kind of care)
    # after a notice's lead or a date: "Now enrolling: evening IOP", "Jan 5 \u2014 Day IOP \u2014"
    r"|^(?:[^:;.\u2014\u2013]{0,30}(?::\s+|\s[\u2014\u2013]\s))?"
    r"([^:;.\u2014\u2013]{0,40}?\b(?:cohort|track|group|iop|morning|evening|daytime|weekend))"
    r"(?:\s*[\u2014\u2013]|\s+-\s"
    r"|\s+(?:is|are|has|starting|starts|begins|beginning)\b)",
    re.I,
)


def _track(statement: str) -> str | None:
    """The track a statement's label names, by its kinds ("evening", "adult day"); a label with
    a colon names one whatever its words ("Group B:")."""
    label = TRACK_LABEL.match(statement)
    if label is None and (lead := LIST_LEAD.match(statement)):
        # after its list's lead: "Openings — week of November 30, 2026: Evening track: 5 open"
        label = TRACK_LABEL.match(statement[lead.end() :])
    if label is None:
        return None
    named = label.group(1) or label.group(2)
    if re.search(r"\bfamil(?:y|ies)\b", named, re.I):
        return None  # a "Family Day group": no track of the program's
    kinds = sorted({kind.casefold() for kind in A_TRACKS_KIND.findall(named)})
    if kinds:
        return " ".join(kinds)
    return named.casefold() if label.group(1) else None


# A time of day a track is named for.
A_TIME_OF_DAY = rf"\b(?:{numbers.TIMES_OF_DAY})\b"


# A track of some people only: "adolescent", "women's".
A_PEOPLES_TRACK = re.compile(rf"\b(?:{PEOPLES_KINDS})\b", re.I)
# The program at large, no one track of it: "new clients start IOP within a week".
THE_PROGRAM_AT_LARGE = re.compile(rf"{THE_IOP.pattern}|\bnew (?:clients|patients)\b", re.I)


def _other_tracks(one: str, other: str) -> bool:
    """Whether two statements are each about a track of its own, labelled apart, or each of a
    time of day of its own ("not accepting ... for the morning group", "The evening group is
    open")."""
    first, second = _track(one), _track(other)
    if first and second:
        return first != second
    if bool(first) != bool(second):
        # "Our adolescent group is full" beside "most new clients start IOP within a week":
        # a people's group, and the program at large
        named, unnamed = (first, other) if first else (second, one)
        if A_PEOPLES_TRACK.search(named or "") and THE_PROGRAM_AT_LARGE.search(unnamed):
            return True
    times = [set(re.findall(A_TIME_OF_DAY, said, re.I)) for said in (one, other)]
    return bool(times[0] and times[1] and not times[0] & times[1])


def _availability(
    statements: list[tuple[AvailabilityStatement, str | None]], source: str | None
) -> tuple[dict[str, Any], date | None]:
    """The availability facts of the freshest statements (those of the latest date)."""
    latest = max(statement.as_of or date.min for statement, _ in statements)
    fresh = [(s, url) for s, url in statements if (s.as_of or date.min) == latest]
    # English first: the same openings said again in Spanish add nothing a referrer reads.
    fresh.sort(key=lambda said: in_spanish(said[0].statement))
    given: dict[str, tuple[Any, str, str | None]] = {}  # each fact, its statement and page
    for statement, page in fresh:
        for name in ("days_to_intake", "accepting_new_patients", "open_slots"):
            value = getattr(statement, name)
            if value is not None and name not in given:
                given[name] = (value, statement.statement, page)
    started = given.get("accepting_new_patients")
    if started and started[0] and any(s.by_a_start for s, _ in fresh if s.statement == started[1]):
        # "Next group start: February 1. Our IOP is currently full.": full, until then
        full = next((said for said in fresh if said[0].accepting_new_patients is False), None)
        if full:
            given["accepting_new_patients"] = (False, full[0].statement, full[1])
    refused = given.get("accepting_new_patients")
    if refused and refused[0] is False:
        # "Morning track: full. Evening track: open": a patient can start, in the evening.
        # "The current cohort is full. The next cohort begins January 11, and referrals for it
        # are being taken now.": a referral can be made now, for the next cohort.
        taken = next(
            (said for said in fresh if said[0].accepting_new_patients
             and (_other_tracks(said[0].statement, refused[1])
                  or (NEXT_COHORT.search(said[0].statement) and not said[0].by_a_start))),
            None,
        )  # fmt: skip
        if taken:
            given["accepting_new_patients"] = (True, taken[0].statement, taken[1])
    slots, wait = given.get("open_slots"), given.get("days_to_intake")
    taking = given.get("accepting_new_patients")
    if wait and taking and taking[0] and _other_tracks(taking[1], wait[1]):
        # "Morning track: no waitlist. Evening track: 2-week wait": a patient need not wait,
        # but the open track's own ("Morning track: accepting, intake within 2 weeks").
        own = next((said.days_to_intake for said, _ in fresh if said.statement == taking[1]), None)
        if own is None:
            del given["days_to_intake"]
        else:
            given["days_to_intake"] = (own, taking[1], taking[2])
    elif slots and wait and slots[0] > 0 and _other_tracks(slots[1], wait[1]):
        # "Evening cohort: 3 openings this week. Morning cohort: waitlist, about 2 weeks": one
        # track's wait is not the program's while another has seats.
        del given["days_to_intake"]
    facts = {name: value for name, (value, _, _) in given.items()}
    quoted = list(dict.fromkeys(without_its_label(said) for _, said, _ in given.values()))
    url = next((page for _, _, page in given.values()), None)
    result = {f"availability.{name}": value for name, value in facts.items()}
    result["availability.statement"] = " ".join(quoted)
    result["availability.as_of"] = latest if latest != date.min else None
    result["availability.source"] = source
    result["availability.url"] = url
    dated = any(s.dated for s, _ in fresh)
    return result, (latest if dated else None)
