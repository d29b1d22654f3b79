"""Availability boards: county or state tables of programs and their open slots (CSV or JSON).

A board's spider is declarations: its tables (``table_paths``, relative to ``base_url``), which
column holds what (:class:`Columns`), the words its lists use (a vocabulary file, see
:mod:`crawler.spiders.boards.vocabulary`) and, if one site spans several rows, the columns that
name a site (``site_columns``). Two hooks take what is board-specific: :meth:`prepare` (read
other tables, such as a legend) and :meth:`pre_process_row` (clean a raw row).

What the base makes of a row (or of a site's rows, merged):

* availability (accepting new patients, open slots, days to intake) with ``source`` = the board
  and ``as_of`` = the row's last-updated date, which is also every fact's provenance ``as_of``;
  a board that lists open slots is taken to be accepting (it says so by listing them);
* a code, population or language the board names is ``True``; one it does not name stays
  unknown, never ``False`` (a board lists what it chose to, not everything a program offers);
* weekday hours → ``schedule.opening_hours`` (``"Mo-Fr 08:00-17:00"``);
* words not in the vocabulary are counted (``<source>/unknown_terms/<kind>``) and kept in
  ``extras.unknown_terms``; a row with no name or no address at all is quarantined with the
  reason. Every record lists its table rows in ``extras.board_rows``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar
from urllib.parse import urljoin

from crawler.resolve.precedence import SourceKind
from crawler.spiders.base.tabular import Row, Table, TabularSpider, group_rows, normal
from crawler.spiders.boards.vocabulary import Meaning, asam_levels, board_vocabulary, match_terms
from iop.facility import Facility, Phone, PhoneKind

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ROW_NUMBER = "__row__"
TRUE_WORDS = {"yes", "y", "true", "1", "open", "accepting"}
FALSE_WORDS = {"no", "n", "false", "0", "closed", "full", "not accepting"}
CODE_WITH_LEVEL = re.compile(r"^(?P<code>[A-Za-z][\w-]*?)\s*(?:\((?P<level>[^)]*)\))?$")
ONE_LINE_ADDRESS = re.compile(
    r"^(?:(?P<street>.*?),)?\s*(?P<city>[^,]+),\s*(?P<state>[A-Z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)$"
)
UNIT = re.compile(
    r"^(?:suite|ste\.?|unit|apt\.?|room|rm\.?|bldg\.?|building|floor|#)\s*\S.*$|^\d+[A-Z]?$", re.I
)


@dataclass(frozen=True)
class Columns:
    """Which column of the board's table holds what; ``None``: the board has no such column."""

    name: str
    ref: str | None = None
    alternate_name: str | None = None
    address: str | None = None  # one line: "street[, suite],City, ST 12345"
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    phone: str | None = None
    website: str | None = None
    codes: tuple[str, ...] = ()
    accepting_new_patients: str | None = None
    open_slots: str | None = None
    days_to_intake: str | None = None
    last_updated: str | None = None
    languages: str | None = None
    populations: str | None = None
    hours: tuple[tuple[str, str, str], ...] = ()  # (weekday, opens column, closes column)


def weekday_columns(
    opens: str, closes: str, names: tuple[str, ...] = WEEKDAY_NAMES
) -> tuple[tuple[str, str, str], ...]:
    """``weekday_columns("{day}_open", "{day}_close")`` for columns named after the weekdays."""
    return tuple(
        (day, opens.format(day=name), closes.format(day=name))
        for day, name in zip(WEEKDAYS, names, strict=True)
    )


class AvailabilityBoardSpider(TabularSpider):
    """Declare ``name``/``source``, ``table_paths``, ``columns``; the rest is done here."""

    source_kind = SourceKind.BOARD

    #: ``{role: path relative to base_url}``; a spider argument named after the role overrides.
    table_paths: ClassVar[dict[str, str]] = {"programs": "programs.csv"}
    #: The table of programs; the others (legends...) are for :meth:`prepare`.
    programs_table: ClassVar[str] = "programs"
    columns: ClassVar[Columns]
    #: Columns whose values together name one site; empty: one facility per row.
    site_columns: ClassVar[tuple[str, ...]] = ()
    #: Values a board writes for "nothing" (compared case- and space-insensitively).
    placeholders: ClassVar[frozenset[str]] = frozenset()
    default_base_url: ClassVar[str | None] = None

    def __init__(self, base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        base_url = base_url or self.default_base_url
        if not base_url:
            raise ValueError(f"{self.name}: give the board's location with base_url=URL")
        self.base_url = base_url.rstrip("/") + "/"
        self.paths = {role: kwargs.get(role, path) for role, path in self.table_paths.items()}
        self.code_levels: dict[str, list[str]] = {}
        self.vocabulary = board_vocabulary(self.source)
        self.blank = {normal(p) for p in self.placeholders}

    def tables(self) -> dict[str, str]:
        return {role: urljoin(self.base_url, path) for role, path in self.paths.items()}

    # Hooks ------------------------------------------------------------------------------

    def prepare(self, tables: dict[str, Table]) -> None:
        """Read what the other tables say (e.g. ``self.code_levels`` from a legend)."""

    def pre_process_row(self, row: Row) -> Row:
        """A board-specific clean-up of one raw row."""
        return row

    # The rest ---------------------------------------------------------------------------

    def facilities(self, tables: dict[str, Table], fetched_at: datetime) -> Iterator[Facility]:
        self.prepare(tables)
        table = tables[self.programs_table]
        rows = [
            {**self.pre_process_row(self._blanked(row)), ROW_NUMBER: str(number)}
            for number, row in enumerate(table.rows, start=1)
        ]
        for group in group_rows(rows, self._site_key):
            yield self._site(group, table.url, fetched_at)

    def _blanked(self, row: Row) -> Row:
        return {k: "" if normal(v) in self.blank else v.strip() for k, v in row.items()}

    def _site_key(self, row: Row) -> tuple[str, ...]:
        if not self.site_columns:
            return (row[ROW_NUMBER],)
        return tuple(normal(row.get(column, "")) for column in self.site_columns)

    def _site(self, group: list[Row], url: str, fetched_at: datetime) -> Facility:
        ref = self._ref(group)
        board_rows = [int(row[ROW_NUMBER]) for row in group]
        row_facts = [self.row_facts(row) for row in group]
        facts = merge_facts(row_facts)
        problems = self.site_problems(facts)
        if problems:
            return self.rejected(
                ref=ref, url=url, fetched_at=fetched_at, problems=problems, rows=group
            )
        if len(group) > 1:
            self.crawler.stats.inc_value(f"{self.source}/repeated_rows_merged", len(group) - 1)
        as_of = facts.get("availability.as_of")
        if any(facts.get(f"availability.{k}") is not None for k in AVAILABILITY_VALUES):
            facts["availability.source"] = self.source
            facts["availability.url"] = url
        else:
            facts.pop("availability.as_of", None)
        extras: dict[str, Any] = {"board_rows": board_rows}
        unknown = self._unknown_terms(group)
        if unknown:
            extras["unknown_terms"] = unknown
        codes = list(dict.fromkeys(c for row in group for c in self._listed_codes(row)))
        if codes:
            extras["board_codes"] = codes
        return self.listing(
            ref=ref, url=url, fetched_at=fetched_at, facts=facts, extras=extras, as_of=as_of
        )

    def _ref(self, group: list[Row]) -> str:
        if self.columns.ref and group[0].get(self.columns.ref):
            return group[0][self.columns.ref]
        key = "|".join(self._site_key(group[0])) if self.site_columns else self._row_key(group[0])
        return "site-" + hashlib.sha256(key.encode()).hexdigest()[:24]

    def _row_key(self, row: Row) -> str:
        c = self.columns
        parts = (c.name, c.address, c.street1, c.city, c.postal_code, c.phone)
        return "|".join(normal(row.get(column, "")) for column in parts if column)

    def site_problems(self, facts: dict[str, Any]) -> list[str]:
        """Why these rows cannot be a facility; empty if they can."""
        problems = []
        if not facts.get("name"):
            problems.append("no name: the row names no agency or program")
        if not (facts.get("address.postal_code") or facts.get("address.city")):
            problems.append("no address: neither a ZIP code nor a city to place it by")
        return problems

    def row_facts(self, row: Row) -> dict[str, Any]:
        """What one row says, as ``{dotted path: value}``."""
        c = self.columns
        get = row.get
        facts: dict[str, Any] = {
            "name": get(c.name),
            "alternate_names": [get(c.alternate_name)]
            if c.alternate_name and get(c.alternate_name)
            else None,
            "website": get(c.website) if c.website else None,
            "phones": [Phone.model_construct(number=get(c.phone), kind=PhoneKind.MAIN)]
            if c.phone and get(c.phone)
            else None,
        }
        facts.update(self._address(row))
        for meaning in self._meanings(row):
            if meaning.value in ("true", "false"):
                facts[meaning.field] = facts.get(meaning.field) or meaning.value == "true"
            else:
                facts.setdefault(meaning.field, []).append(meaning.value)
        facts.update(self._availability(row))
        hours = opening_hours(row, c.hours)
        if hours:
            facts["schedule.opening_hours"] = hours
        return facts

    def _address(self, row: Row) -> dict[str, Any]:
        c = self.columns
        parts = {
            "address.street1": row.get(c.street1) if c.street1 else None,
            "address.street2": row.get(c.street2) if c.street2 else None,
            "address.city": row.get(c.city) if c.city else None,
            "address.state": row.get(c.state) if c.state else None,
            "address.postal_code": row.get(c.postal_code) if c.postal_code else None,
        }
        if c.address and row.get(c.address):
            parsed = parse_one_line_address(row[c.address])
            if parsed is None:
                self.crawler.stats.inc_value(f"{self.source}/unparsed_address")
            else:
                parts.update({k: v for k, v in parsed.items() if v})
        return parts

    def _listed_codes(self, row: Row) -> list[str]:
        return [
            piece.strip()
            for column in self.columns.codes
            for piece in re.split(r"[;,|]", row.get(column, ""))
            if piece.strip()
        ]

    def _code_meanings(self, code: str) -> tuple[Meaning, ...] | None:
        """What a listed code means; ``None`` if the board's vocabulary does not know it."""
        match = CODE_WITH_LEVEL.match(code)
        name, level = (match["code"], match["level"]) if match else (code, None)
        levels = [level.upper()] if level else self.code_levels.get(name.upper(), [])
        meanings = [m for lv in levels for m in asam_levels().get(lv, ())]
        board = self.vocabulary["code"].get(name.casefold())
        if not levels and board is None:
            return None
        return (*meanings, *(board or ()))

    def _meanings(self, row: Row) -> Iterator[Meaning]:
        for code in self._listed_codes(row):
            yield from self._code_meanings(code) or ()
        for kind, column in (
            ("population", self.columns.populations),
            ("language", self.columns.languages),
        ):
            if column and row.get(column):
                found, _ = match_terms(row[column], self.vocabulary[kind])
                for key in found:
                    yield from self.vocabulary[kind][key]

    def _unknown_terms(self, group: list[Row]) -> dict[str, list[str]]:
        unknown: dict[str, dict[str, None]] = {}
        for row in group:
            for code in self._listed_codes(row):
                if self._code_meanings(code) is None:
                    unknown.setdefault("code", {})[code] = None
            for kind, column in (
                ("population", self.columns.populations),
                ("language", self.columns.languages),
            ):
                if column and row.get(column):
                    _, others = match_terms(row[column], self.vocabulary[kind])
                    unknown.setdefault(kind, {}).update(dict.fromkeys(others))
        result = {kind: list(terms) for kind, terms in unknown.items() if terms}
        for kind, terms in result.items():
            self.crawler.stats.inc_value(f"{self.source}/unknown_terms/{kind}", len(terms))
        return result

    def _availability(self, row: Row) -> dict[str, Any]:
        c = self.columns
        facts: dict[str, Any] = {}
        if c.accepting_new_patients:
            facts["availability.accepting_new_patients"] = self._parsed(
                row, c.accepting_new_patients, parse_bool
            )
        if c.open_slots:
            facts["availability.open_slots"] = self._parsed(row, c.open_slots, parse_count)
        if c.days_to_intake:
            days = self._parsed(row, c.days_to_intake, parse_count)
            if days is not None and days > 365:
                self.crawler.stats.inc_value(f"{self.source}/invalid/{c.days_to_intake}")
                days = None
            facts["availability.days_to_intake"] = days
        if (
            facts.get("availability.open_slots")
            and facts.get("availability.accepting_new_patients") is None
        ):
            facts["availability.accepting_new_patients"] = True
        if c.last_updated:
            facts["availability.as_of"] = self._parsed(row, c.last_updated, parse_date)
        return facts

    def _parsed(self, row: Row, column: str, parse: Callable[[str], Any]) -> Any:
        text = row.get(column, "")
        if not text:
            return None
        value = parse(text)
        if value is None:
            self.crawler.stats.inc_value(f"{self.source}/invalid/{column}")
        return value


AVAILABILITY_VALUES = ("accepting_new_patients", "open_slots", "days_to_intake")
# How a site's rows combine where they differ: the most slots any row lists, the soonest
# intake, the latest update. Otherwise the first row's value, lists united, True over False.
MERGE: dict[str, Callable[[list[Any]], Any]] = {
    "availability.open_slots": max,
    "availability.days_to_intake": min,
    "availability.as_of": max,
}


def merge_facts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    paths = dict.fromkeys(path for facts in rows for path in facts)
    for path in paths:
        values = [facts[path] for facts in rows if facts.get(path) not in (None, "", [])]
        if not values:
            continue
        if path in MERGE:
            merged[path] = MERGE[path](values)
        elif isinstance(values[0], list):
            merged[path] = unique(item for value in values for item in value)
        elif isinstance(values[0], bool):
            merged[path] = any(values)
        else:
            merged[path] = values[0]
    for path, value in merged.items():
        if path.startswith("languages.") and isinstance(value, list):
            merged[path] = sorted(value)
    return merged


def unique(items: Iterable[Any]) -> list[Any]:
    """Items in order, each once (phones are not hashable, so no ``dict.fromkeys``)."""
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def parse_one_line_address(text: str) -> dict[str, str | None] | None:
    """``"1644 Wilshire Boulevard, Suite 101,Los Angeles, CA 90017"`` → its parts."""
    match = ONE_LINE_ADDRESS.match(" ".join(text.split()))
    if match is None:
        return None
    street1, street2 = (match["street"] or "").strip(" ,") or None, None
    if street1 and "," in street1:
        head, tail = (part.strip() for part in street1.split(",", 1))
        if UNIT.match(tail):
            street1, street2 = head, tail
    return {
        "address.street1": street1,
        "address.street2": street2,
        "address.city": match["city"].strip(),
        "address.state": match["state"],
        "address.postal_code": match["zip"],
    }


def parse_bool(text: str) -> bool | None:
    word = normal(text)
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None


def parse_count(text: str) -> int | None:
    text = text.strip().removesuffix(".0")
    return int(text) if text.isdigit() else None


def parse_date(text: str) -> date | None:
    """ISO (``2026-11-20``) or US (``Last Updated: 8/13/2025 8:42:02 AM``) dates."""
    try:
        if match := re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
            return date(int(match[3]), int(match[1]), int(match[2]))
    except ValueError:
        return None
    return None


def parse_time(text: str) -> str | None:
    """``"8:00"``, ``"08:00"``, ``"8:00 PM"`` → ``"HH:MM"``; ``None`` for "Closed" or nothing."""
    match = re.match(r"^(\d{1,2}):(\d{2})\s*([AaPp][Mm])?$", text.strip())
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if match[3]:
        hour = hour % 12 + (12 if match[3].lower() == "pm" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def opening_hours(row: Row, columns: tuple[tuple[str, str, str], ...]) -> list[str]:
    """Weekday columns → ``["Mo-Th 08:00-20:00", "Fr 08:00-17:00"]`` (schema.org style)."""
    spans: list[tuple[list[str], str]] = []
    for day, opens, closes in sorted(columns, key=lambda c: WEEKDAYS.index(c[0])):
        start, end = parse_time(row.get(opens, "")), parse_time(row.get(closes, ""))
        if start is None or end is None:
            continue
        span = f"{start}-{end}"
        previous = spans[-1] if spans else None
        if (
            previous
            and previous[1] == span
            and WEEKDAYS.index(previous[0][-1]) + 1 == WEEKDAYS.index(day)
        ):
            previous[0].append(day)
        else:
            spans.append(([day], span))
    return [
        f"{days[0]}-{days[-1]} {span}" if len(days) > 1 else f"{days[0]} {span}"
        for days, span in spans
    ]
