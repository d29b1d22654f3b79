"""SAMHSA's national directory file (N-SUMHSS, substance use), CSV or XLSX.

``iop import-directory FILE`` runs this spider.

One row per program, columns ``facility_id, name1, name2, street1, street2, city, state, zip,
phone, intake1, intake2, intake1a, intake2a, service_code_info`` (codes mapped by
:mod:`iop.samhsa`). The file's real defects and what happens to them:

* ZIPs that lost their leading zeros (New England, NJ, PR): read as text, padded by the
  addresses pipeline.
* Phones with extensions (``251-847-2223 x287``): kept by the phones pipeline.
* Rows repeating name1 + name2 + street + suite + ZIP (case and spacing aside): one program
  listed twice, so ONE facility with the union of their codes and all their phones; its ref is
  the lowest ``facility_id`` of the group, stable while that row stays. Counted as
  ``samhsa_directory/repeated_rows_merged``. Programs at one address with names of their own
  ("Akeela Outpatient Services", "Women and Families Programs") or in different suites stay
  apart: each has its own codes, and a union would give one program the other's services.
* ``name2``, when given, is the program's own name and ``name1`` its operator
  (:func:`iop.samhsa.program_and_operator`).
* Rows that are no facility (empty rows, the legend lines at the end of the file, words in
  ``service_code_info``), rows cut short or with more fields than the header (a truncated
  last line, a stray comma) and rows without one of :data:`REQUIRED_VALUES` (every real row
  has them all): quarantined, each alone, with the reason in ``extras.source_problems`` after
  the row's line in the file (``line 12207: short row: 9 of 15 fields, ...``).
* A file that cannot be read at all (not UTF-8, no header, a header without the columns
  below, no rows): nothing is imported and the import fails naming the file, the line and why
  (:class:`crawler.spiders.base.tabular.TableError`).

Every directory row therefore ends in the feed or in the quarantine file; each record lists its
rows in ``extras.directory_rows``.

Coordinates: the directory has none. ``data/samhsa/nsumhss2024_su_coordinates.csv`` borrows
them for 8,238 rows from geocoded SAMHSA extracts by exact street + ZIP match. A match whose
name shares no word with the directory's (``latlon_name_token_overlap`` 0) may be another
facility that used to be at that address, so it is not used: the location stays unknown and the
geocode pipeline puts the facility at its ZIP's centroid, which is honest about its precision
(``zip_centroid``), where a wrong ``street`` point would not be.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, ClassVar

from crawler.resolve.precedence import SourceKind
from crawler.spiders.base.tabular import (
    Row,
    Table,
    TableRow,
    TabularSpider,
    file_url,
    group_rows,
    normal,
    place_of,
)
from iop import samhsa
from iop.facility import Facility, Location, LocationPrecision, Phone, PhoneKind
from iop.paths import SAMHSA_DIR

DEFAULT_COORDINATES = SAMHSA_DIR / "nsumhss2024_su_coordinates.csv"
# The survey the directory file in data/samhsa/ comes from: its facts held in that year.
DIRECTORY_SURVEY_YEAR = "2024"
DATA_COLUMNS = (
    "name1",
    "name2",
    "street1",
    "street2",
    "city",
    "state",
    "zip",
    "phone",
    "intake1",
    "intake2",
    "intake1a",
    "intake2a",
    "service_code_info",
)
# What a row must state to be a facility: a name, an address, a phone and the survey's codes.
REQUIRED_VALUES = (
    "facility_id",
    "name1",
    "street1",
    "city",
    "state",
    "zip",
    "phone",
    "service_code_info",
)
# The columns a directory file must have (the intake columns are optional).
REQUIRED_COLUMNS = ("facility_id", *(c for c in DATA_COLUMNS if not c.startswith("intake")))
COORDINATE_COLUMNS = (
    "facility_id",
    "latitude",
    "longitude",
    "latlon_name_token_overlap",
    "latlon_source",
)
PHONE_COLUMNS = (
    ("phone", PhoneKind.MAIN),
    ("intake1", PhoneKind.INTAKE),
    ("intake2", PhoneKind.INTAKE),
    ("intake1a", PhoneKind.INTAKE),
    ("intake2a", PhoneKind.INTAKE),
)


class SamhsaDirectorySpider(TabularSpider):
    name = "samhsa_directory"
    source = "samhsa_directory"
    source_kind = SourceKind.DIRECTORY
    required_columns: ClassVar[dict[str, tuple[str, ...]]] = {
        "directory": REQUIRED_COLUMNS,
        "coordinates": COORDINATE_COLUMNS,
    }

    def __init__(
        self,
        path: str,
        coordinates: str | None = None,
        survey_year: str = DIRECTORY_SURVEY_YEAR,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.path = path
        self.as_of = samhsa.survey_as_of(survey_year)
        # ``coordinates=""`` imports without borrowed coordinates (every location a centroid).
        self.coordinates = DEFAULT_COORDINATES if coordinates is None else coordinates
        self.locations: dict[str, Location] = {}

    def tables(self) -> dict[str, str]:
        tables = {"directory": file_url(self.path)}
        if self.coordinates:
            tables["coordinates"] = file_url(self.coordinates)
        return tables

    def facilities(self, tables: dict[str, Table], fetched_at: datetime) -> Iterator[Facility]:
        directory = tables["directory"]
        self.locations = (
            locations_by_id(tables["coordinates"].rows) if "coordinates" in tables else {}
        )
        stats = self.crawler.stats
        usable = []
        first_place: dict[str, str | None] = {}  # of each facility_id
        for row in directory.rows:
            problems = row_problems(row)
            ref = row.get("facility_id") or place_of(row) or "row"
            if ref in first_place:
                # Its own ref, or the duplicates pipeline would drop it unquarantined.
                problems.insert(0, f"repeated facility_id: {ref} is also on {first_place[ref]}")
                ref = f"{ref} ({place_of(row)})"
            first_place.setdefault(ref, place_of(row))
            if not problems:
                usable.append(row)
                continue
            yield self.rejected(
                ref=ref, url=directory.url, fetched_at=fetched_at, problems=problems, rows=[row]
            )
        for group in group_rows(usable, site_key):
            group.sort(key=row_order)
            rows = [row["facility_id"] for row in group]
            ref = rows[0]
            if len(group) > 1:
                stats.inc_value(f"{self.source}/repeated_rows_merged", len(group) - 1)
            codes, unknown = site_codes(group)
            if unknown:
                stats.inc_value(f"{self.source}/unknown_codes", len(unknown))
            extras: dict[str, Any] = {"directory_rows": rows, "service_codes": codes}
            if unknown:
                extras["unknown_codes"] = unknown
            yield self.listing(
                ref=ref,
                url=directory.url,
                fetched_at=fetched_at,
                facts={**self.site_facts(group), **samhsa.facts_from_codes(codes)},
                extras=extras,
                as_of=self.as_of,
            )

    def site_facts(self, group: list[Row]) -> dict[str, Any]:
        first = group[0]
        name, operator = samhsa.program_and_operator(first["name1"], first["name2"])
        return {
            "name": name,
            "operator": operator,
            "address.street1": first["street1"],
            "address.street2": first["street2"] or None,
            "address.city": first["city"],
            "address.state": first["state"],
            "address.postal_code": first["zip"],
            "location": self.site_location(group),
            "phones": site_phones(group) or None,
        }

    def site_location(self, group: list[Row]) -> Location | None:
        stats = self.crawler.stats
        for row in group:
            location = self.locations.get(row["facility_id"])
            if location is not None:
                stats.inc_value(f"{self.source}/coordinates/street")
                return location
        stats.inc_value(f"{self.source}/coordinates/none_left_to_zip_centroid")
        return None


def locations_by_id(rows: list[Row]) -> dict[str, Location]:
    """Usable borrowed coordinates by directory ``facility_id`` (see the module's docstring)."""
    locations = {}
    for row in rows:
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
            overlap = int(row["latlon_name_token_overlap"] or 0)
        except ValueError:
            continue
        if overlap > 0:
            # Not validated here: the coordinates pipeline checks them against the ZIP.
            locations[row["facility_id"]] = Location.model_construct(
                lat=lat,
                lon=lon,
                precision=LocationPrecision.STREET,
                source=row["latlon_source"] or "samhsa_coordinates",
            )
    return locations


def site_key(row: Row) -> tuple[str, ...]:
    """Rows of one program share both names, street, suite and ZIP."""
    zip_digits = row["zip"].strip()
    zip5 = zip_digits.zfill(5) if zip_digits.isdigit() else zip_digits
    names = (normal(row["name1"]), normal(row["name2"]))
    return ("site", *names, normal(row["street1"]), normal(row["street2"]), zip5)


def row_order(row: Row) -> tuple[int, str]:
    """``substance_9`` before ``substance_10``: the lowest id is the group's stable ref."""
    tail = row["facility_id"].rsplit("_", 1)[-1]
    return (int(tail) if tail.isdigit() else 1 << 62, row["facility_id"])


def row_problems(row: Row) -> list[str]:
    """Why a row is no facility; empty for a facility's row."""
    misfit = row.misfit if isinstance(row, TableRow) else None
    if misfit:
        return [misfit]
    values = [row.get(column, "").strip() for column in DATA_COLUMNS]
    if not any(values):
        return ["empty row: no name, address, phone or codes"]
    problems = []
    if not row["name1"].strip():
        if all(value in samhsa.codes() for value in values if value):
            what = "service codes"
        else:
            what = "words, not facility data"
        sample = ", ".join(value for value in values if value)[:120]
        problems.append(f"legend line: no facility name; its columns hold {what} ({sample})")
    known, unknown = samhsa.parse_code_list(row["service_code_info"])
    if unknown and not known:
        problems.append(f"words in service_code_info: {row['service_code_info'][:120]!r}")
    missing = [column for column in REQUIRED_VALUES if not row.get(column, "").strip()]
    if missing and not problems:
        problems.append(
            f"missing fields: {', '.join(missing)} (a facility needs a name, an address, "
            "a phone and its service codes)"
        )
    return problems


def site_codes(group: list[Row]) -> tuple[list[str], list[str]]:
    """The union of the group's codes, in order of first appearance, and unknown tokens."""
    known: dict[str, None] = {}
    unknown: dict[str, None] = {}
    for row in group:
        codes, others = samhsa.parse_code_list(row["service_code_info"])
        known.update(dict.fromkeys(codes))
        unknown.update(dict.fromkeys(others))
    return list(known), list(unknown)


def site_phones(group: list[Row]) -> list[Phone]:
    """Every program's phones; raw, the phones pipeline normalises and de-duplicates them."""
    phones: dict[str, Phone] = {}
    for row in group:
        for column, kind in PHONE_COLUMNS:
            number = row.get(column, "").strip()
            if number and number not in phones:
                # Not validated here: the phones pipeline reads it or the record is quarantined.
                phones[number] = Phone.model_construct(number=number, kind=kind)
    return list(phones.values())
