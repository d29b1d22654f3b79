"""Los Angeles County's Service & Bed Availability Tool, as the tables a scrape of it publishes.

Two CSV tables under ``base_url`` (names overridable: ``-a agencies=... -a services=...``):
``services.csv``, the tool's legend (LA's codes with their ASAM level: ``IOP`` "Intensive
Outpatient, Level 2.1"), and ``agencies.csv``, one row per listing. The tool itself is a web
page; there is no default ``base_url``: point the spider at the scraped tables.

What the real scrape looks like, and what the spider does about it:

* Every listing appears twice, parsed two ways (the second copy with ``"Secondary Agency
  Name:"`` for the name, and languages as a comma list, sometimes longer); confidential
  recovery houses show no street, and an agency's houses in one ZIP are indistinguishable.
  Rows are merged per agency + address + phone (``lacounty_sbat/repeated_rows_merged``).
* ``available_beds`` runs codes and counts together (``RS(3.1)Adult - M: 0Adult - F: 0RBH...``):
  parsed into codes (levels from the code or the legend) and open beds = ``open_slots``.
* Lists were split before every capital letter (``"Adult; M; A; T; L; G; B; T; Q"``) or glued
  (``"ArmenianEnglishSpanish"``): read against ``data/vocabulary/boards/lacounty_sbat.csv``.
* ``last_updated`` is ``"Last Updated: 8/13/2025 8:42:02 AM"``, some from 2017: kept as the
  availability's ``as_of``, so a referrer sees how old it is.

The scrape has no per-agency list of services (only bed codes), so outpatient and IOP programs
are not marked as such: their levels of care stay unknown rather than guessed.
"""

from __future__ import annotations

import re
from typing import ClassVar

from crawler.spiders.base.availability_board import (
    AvailabilityBoardSpider,
    Columns,
    weekday_columns,
)
from crawler.spiders.base.tabular import Row, Table
from crawler.spiders.boards.vocabulary import levels_in

BEDS = re.compile(
    r"(?P<code>[A-Z]+(?:-[A-Z]+)*)(?:\((?P<level>[^)]*)\))?"
    r"(?P<counts>(?:(?:Adult|Youth) - [MF]: \d+)+)"
)
BED_COUNT = re.compile(r"(?:Adult|Youth) - [MF]: (\d+)")


class LACountySbatSpider(AvailabilityBoardSpider):
    name = "lacounty_sbat"
    source = "lacounty_sbat"
    table_paths: ClassVar[dict[str, str]] = {"services": "services.csv", "agencies": "agencies.csv"}
    programs_table = "agencies"
    site_columns = ("agency_name", "agency_address", "agency_phone")
    placeholders = frozenset({"Secondary Agency Name:"})
    columns = Columns(
        name="agency_name",
        alternate_name="agency_name_secondary",
        address="agency_address",
        phone="agency_phone",
        website="agency_website",
        codes=("bed_codes",),
        open_slots="open_beds",
        last_updated="last_updated",
        languages="languages_spoken",
        populations="populations_served",
        hours=weekday_columns("agency_hours_{day}_open", "agency_hours_{day}_close"),
    )

    def prepare(self, tables: dict[str, Table]) -> None:
        for row in tables["services"].rows:
            levels = levels_in(row.get("service_name", ""))
            if row.get("service_code") and levels:
                known = self.code_levels.setdefault(row["service_code"].upper(), [])
                known.extend(level for level in levels if level not in known)

    def pre_process_row(self, row: Row) -> Row:
        beds = row.get("available_beds", "")
        codes, open_beds, rest = parse_beds(beds)
        if rest:
            self.crawler.stats.inc_value(f"{self.source}/unparsed_beds")
            self.logger.warning("available_beds not understood: %r", rest)
        appointments = row.get("intake_open_appointments", "")
        if appointments.isdigit():
            open_beds = (open_beds or 0) + int(appointments)
        return {
            **row,
            "bed_codes": "; ".join(codes),
            "open_beds": "" if open_beds is None else str(open_beds),
        }


def parse_beds(text: str) -> tuple[list[str], int | None, str]:
    """``"RS(3.1)Adult - M: 0Adult - F: 2RBHAdult - M: 1"`` → ``(["RS(3.1)", "RBH"], 3, "")``.

    The third value is what could not be read. ``None`` open beds: the row lists no beds.
    """
    codes: list[str] = []
    total: int | None = None
    for match in BEDS.finditer(text):
        level = match["level"]
        codes.append(f"{match['code']}({level})" if level else match["code"])
        total = (total or 0) + sum(int(n) for n in BED_COUNT.findall(match["counts"]))
    rest = BEDS.sub("", text).strip()
    return list(dict.fromkeys(codes)), total, rest
