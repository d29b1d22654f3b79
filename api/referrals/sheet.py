"""The printable referral sheet: what a patient needs to get in, and how current each fact is.

One entry per chosen program, under its display name (program — operator): address and
distance, website, phones as dialled, intake hours, every medication (MAT) line, languages,
payment, group times and the wait. Each line says when its source last stated it: the
source's own as-of date (SAMHSA's directory: the survey year), or that the source gives no
date and when it was fetched; a fact no source stated prints "not stated" with no date. The
sheet also lists the needs it was made for. Rendered as printable, accessible HTML (a Jinja2
template) or as CSV, in English or Spanish; every fixed string comes from
``sheet_text.toml``, and no provenance URL (a local ``file:`` path, say) is ever printed.
"""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from api.search.labels import short_label
from iop.facility import Facility, PhoneKind, Provenance, display_name
from iop.geo import Point, great_circle_miles
from iop.phones import dialled
from iop.vocabulary import CODES_BY_GROUP, SERVICES, languages_offered

HERE = Path(__file__).parent
TEXT: dict[str, dict[str, Any]] = tomllib.loads((HERE / "sheet_text.toml").read_text("utf-8"))
DEFAULT_LANGUAGE = "en"

# SAMHSA's sources date their facts by the survey: the directory file always, the locator API
# when its date is the survey's conventional 1 January.
SAMHSA_SOURCES = frozenset({"samhsa_directory", "findtreatment"})
SURVEY_SOURCES = frozenset({"samhsa_directory"})

MAT_CODES = (
    "mat_buprenorphine",
    "mat_methadone",
    "mat_naltrexone",
    "otp_certified",
    "mat_accepts_outside_prescriptions",
    "mat_alcohol",
)
PAYMENT_CODES = CODES_BY_GROUP["payment"]
SCHEDULE_CODES = ("daytime", "evening", "weekend")
WEB_SCHEMES = ("http://", "https://")


class Words:
    """The sheet's fixed strings in one language, and how that language writes values."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.table = TEXT[lang]

    def __call__(self, key: str, **values: object) -> str:
        text: str = self.table[key]
        return text.format(**values) if values else text

    def service(self, code: str) -> str:
        if self.lang == DEFAULT_LANGUAGE:
            return short_label(code)
        services: dict[str, str] = self.table["services"]
        return services[code]

    def services(self, codes: Iterable[str]) -> str:
        return ", ".join(self.service(code) for code in codes)

    def date(self, day: date) -> str:
        month = self.table["months"][day.month - 1]
        return self("date", iso=day.isoformat(), day=day.day, month=month, year=day.year)

    def yes_no(self, value: bool | None) -> str:
        return self("not_stated") if value is None else self("yes" if value else "no")


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def is_survey_year(record: Provenance) -> bool:
    """Whether a record's as-of date is a SAMHSA survey's year rather than a day."""
    if record.as_of is None or record.source not in SAMHSA_SOURCES:
        return False
    return record.source in SURVEY_SOURCES or (record.as_of.month, record.as_of.day) == (1, 1)


def verified(record: Provenance | None, words: Words) -> str:
    """When the source says the fact held: "2024 (SAMHSA survey)", "2026-11-18 (pinon_county)",
    or, when it gives no date, that it does not and when it was fetched."""
    if record is None:
        return words("no_record")
    if record.as_of is None:
        fetched = words.date(record.fetched_at.date())
        return words("verified_undated", date=fetched, source=record.source)
    if is_survey_year(record):
        return words("verified_survey", year=record.as_of.year)
    return words("verified_dated", date=words.date(record.as_of), source=record.source)


def record_of(facility: Facility, path: str) -> Provenance | None:
    """The provenance of a field: its own record, or that of the nearest part containing it."""
    parts = path.split(".")
    while parts:
        record = facility.provenance.get(".".join(parts))
        if record is not None:
            return record
        parts.pop()
    return None


def _held(record: Provenance) -> date:
    return record.as_of or record.fetched_at.date()


def oldest_record(facility: Facility, paths: Iterable[str]) -> Provenance | None:
    records = [r for r in (record_of(facility, path) for path in paths) if r is not None]
    return min(records, key=_held) if records else None


@dataclass(frozen=True)
class Line:
    """One line of an entry: what, the value as printed, and when its source stated it."""

    key: str
    label: str
    value: str
    verified: str
    link: str | None = None


@dataclass(frozen=True)
class Section:
    heading: str | None
    lines: list[Line]


@dataclass(frozen=True)
class SheetEntry:
    facility_id: str
    name: str
    address: str
    distance: str | None
    distance_miles: float | None
    sources: list[tuple[str, str | None]]
    sections: list[Section]

    def lines(self) -> list[Line]:
        return [line for section in self.sections for line in section.lines]


@dataclass(frozen=True)
class Location:
    """Where the patient is, as the sheet's link gave it."""

    zip: str | None = None
    near: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Criteria:
    """The needs a sheet was made for, as its link carries them (the API's parameter names)."""

    location: Location = field(default_factory=Location)
    radius_miles: float | None = None
    services: tuple[str, ...] = ()
    prefer: tuple[str, ...] = ()
    payment: tuple[str, ...] = ()
    schedule: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()
    max_days_to_intake: int | None = None
    accepting_new_patients: bool | None = None
    include_unknown: bool = False
    include_virtual: bool = False


def _number(value: float) -> str:
    return f"{value:g}"


def criteria_lines(criteria: Criteria, words: Words) -> list[tuple[str, str]]:
    """The needs as (label, value) lines, in the order a referrer states them."""
    where = criteria.location
    place = None
    if where.zip is not None:
        place = words("location_zip", zip=where.zip)
    elif where.near is not None:
        place = where.near
    elif where.lat is not None and where.lon is not None:
        place = words("location_point", lat=_number(where.lat), lon=_number(where.lon))
    languages = [
        words.service(name.lower())
        if name.lower() in SERVICES and SERVICES[name.lower()].group == "languages"
        else name
        for name in criteria.languages
    ]
    lines = [
        ("criteria_location", place),
        (
            "criteria_radius",
            None
            if criteria.radius_miles is None
            else words("miles", miles=_number(criteria.radius_miles)),
        ),
        ("criteria_required", words.services(criteria.services)),
        ("criteria_preferred", words.services(criteria.prefer)),
        ("criteria_payment", words.services(criteria.payment)),
        ("criteria_schedule", words.services(criteria.schedule)),
        ("criteria_languages", ", ".join(languages)),
        ("criteria_populations", words.services(criteria.populations)),
        (
            "criteria_max_days",
            None
            if criteria.max_days_to_intake is None
            else words("days", days=criteria.max_days_to_intake),
        ),
        (
            "criteria_accepting",
            None
            if criteria.accepting_new_patients is None
            else words.yes_no(criteria.accepting_new_patients),
        ),
        (
            "criteria_include_unknown",
            words("criteria_include_unknown_value") if criteria.include_unknown else None,
        ),
        (
            "criteria_include_virtual",
            words("criteria_include_virtual_value") if criteria.include_virtual else None,
        ),
    ]
    return [(words(key), value) for key, value in lines if value]


def _phones(facility: Facility, words: Words) -> str:
    phones = sorted(facility.phones, key=lambda p: p.kind is not PhoneKind.INTAKE)
    shown = [f"{dialled(p.number, p.extension)} ({words(f'phone_{p.kind.value}')})" for p in phones]
    return "; ".join(shown) or words("not_stated")


def _wait(facility: Facility, words: Words) -> str:
    availability = facility.availability
    parts = []
    if availability.accepting_new_patients is not None:
        parts.append(words("accepting" if availability.accepting_new_patients else "not_accepting"))
    days = availability.days_to_intake
    if days is not None:
        parts.append(words("wait_days_one") if days == 1 else words("wait_days_other", days=days))
    if not parts:
        return words("not_stated")
    text = "; ".join(parts)
    if availability.source and availability.as_of:
        said = words("wait_said", source=availability.source, date=words.date(availability.as_of))
        text += f" ({said})"
    return text


def _languages(facility: Facility, words: Words) -> str:
    names = [words("english")]
    if facility.languages.spanish is None:
        names.append(f"{words.service('spanish')}: {words('not_stated')}")
    names += [
        words.service(name) if name in SERVICES else name for name in languages_offered(facility)
    ]
    return ", ".join(names)


def _listed(values: list[str] | None, words: Words) -> str:
    return ", ".join(values or []) or words("not_stated")


def value_at(facility: Facility, path: str) -> Any:
    value: Any = facility
    for name in path.split("."):
        value = getattr(value, name)
    return value


def stated(facility: Facility, paths: Iterable[str]) -> list[str]:
    """Of ``paths``, those whose value some source stated."""
    return [path for path in paths if value_at(facility, path) not in (None, [], "")]


class _Lines:
    """Builds an entry's lines: each value with when its source stated it; a line none of
    whose facts any source stated gets no date."""

    def __init__(self, facility: Facility, words: Words) -> None:
        self.facility, self.words = facility, words

    def __call__(self, key: str, value: str, paths: Iterable[str], label: str = "") -> Line:
        known = stated(self.facility, paths)
        when = verified(oldest_record(self.facility, known), self.words) if known else ""
        return Line(key, label or self.words(key), value, when)

    def fact(self, key: str, path: str, label: str = "") -> Line:
        """A line of one yes/no fact: yes, no or not stated."""
        return self(key, self.words.yes_no(value_at(self.facility, path)), [path], label)


def _website(facility: Facility, words: Words) -> Line:
    """The program's website; an address that is no web page (a local file) is not shown."""
    url = facility.website
    if not url or not url.startswith(WEB_SCHEMES):
        return Line("website", words("website"), words("not_stated"), "")
    when = verified(record_of(facility, "website"), words)
    return Line("website", words("website"), url, when, url)


def _payment(facility: Facility, lines: _Lines) -> Line:
    words = lines.words
    paths = [f"payment.{code}" for code in PAYMENT_CODES]
    offered = [path for path in paths if value_at(facility, path)]
    if offered:
        return lines("payment", words.services(p.split(".")[1] for p in offered), offered)
    refused = stated(facility, paths)
    if refused:
        value = "; ".join(f"{words.service(p.split('.')[1])}: {words('no')}" for p in refused)
        return lines("payment", value, refused)
    return lines("payment", words("not_stated"), [])


def sources_of(facility: Facility) -> list[tuple[str, str | None]]:
    """Each source's name, with its listing's address when that is a web page (never a file)."""
    listed: dict[str, str | None] = {}
    for record in facility.sources:
        url = record.url if record.url and record.url.startswith(WEB_SCHEMES) else None
        listed[record.source] = listed.get(record.source) or url
    return list(listed.items())


def entry(facility: Facility, origin: Point | None, words: Words) -> SheetEntry:
    virtual = bool(facility.access.virtual_only)
    miles = None
    if origin is not None and facility.location is not None and not virtual:
        where = Point(facility.location.lat, facility.location.lon)
        miles = round(great_circle_miles(origin, where), 1)
    intake, schedule = facility.intake, facility.schedule
    line = _Lines(facility, words)
    group_times = "; ".join(
        f"{words.service(code)}: {words.yes_no(getattr(schedule, code))}" for code in SCHEDULE_CODES
    )
    languages = ("languages.spanish", "languages.sign_language", "languages.other")
    waits = ("availability.accepting_new_patients", "availability.days_to_intake")
    sections = [
        Section(
            None,
            [
                _website(facility, words),
                line("phone", _phones(facility, words), ["phones"]),
                line("intake_hours", intake.hours or words("not_stated"), ["intake.hours"]),
                line.fact("walk_in", "intake.walk_in"),
                line(
                    "what_to_bring",
                    _listed(intake.what_to_bring, words),
                    ["intake.what_to_bring"],
                ),
            ],
        ),
        Section(
            words("medication_heading"),
            [
                line.fact(code, f"medications.{code}", capitalised(words.service(code)))
                for code in MAT_CODES
            ],
        ),
        Section(
            None,
            [
                line("languages", _languages(facility, words), languages),
                _payment(facility, line),
                line(
                    "opening_hours",
                    _listed(schedule.opening_hours, words),
                    ["schedule.opening_hours"],
                ),
                line("schedule", group_times, [f"schedule.{code}" for code in SCHEDULE_CODES]),
                line("wait", _wait(facility, words), waits),
            ],
        ),
    ]
    return SheetEntry(
        facility_id=facility.id,
        name=display_name(facility.name, facility.operator) or words("unnamed"),
        address=words("virtual_program") if virtual else facility.address.one_line(),
        distance=None if miles is None else words("distance", miles=miles),
        distance_miles=miles,
        sources=sources_of(facility),
        sections=sections,
    )


def render_csv(entries: list[SheetEntry]) -> str:
    """One row per program: its lines' values and, beside each, when it was verified."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    keys = [line.key for line in entries[0].lines()] if entries else []
    fixed = ["facility_id", "name", "address", "distance_miles", "sources"]
    writer.writerow(fixed + [name for key in keys for name in (key, f"{key}_verified")])
    for item in entries:
        sources = "; ".join(f"{name} {url}" if url else name for name, url in item.sources)
        distance = "" if item.distance_miles is None else item.distance_miles
        row: list[object] = [item.facility_id, item.name, item.address, distance, sources]
        for line in item.lines():
            row += [line.value, line.verified]
        writer.writerow(row)
    return out.getvalue()


_templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(entries: list[SheetEntry], criteria: Criteria, words: Words, today: date) -> str:
    return _templates.get_template("sheet.html").render(
        t=words,
        lang=words.lang,
        today=words.date(today),
        criteria=criteria_lines(criteria, words),
        entries=entries,
    )
