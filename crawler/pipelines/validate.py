"""Last check before the feed: a record that cannot serve a referral goes to quarantine.

A facility needs a name and a location to be found by a search. Everything else may be
unknown. The record is also validated against the model as a whole (a state that is no US state
or territory code, a ZIP code that is not five digits or ZIP+4, a phone that is no phone number),
so nothing the pipelines built half-way, and no source's broken value, reaches the feed.
Rejected records are written, with their reasons (``address.state: 'ZZ' is not a US state or
territory code ...``), to the quarantine file next to the feed (setting
``IOP_QUARANTINE_FILE``), and counted as ``problems/<source>/<field>/rejected``; what a spider
found wrong with the source record itself counts under the field ``source_record``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from pydantic import ValidationError
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.pipelines import CountingPipeline, count_problem
from iop.facility import Facility

SOURCE_RECORD = "source_record"  # the field a spider's own findings are counted under


def problems_of(item: Facility) -> list[str]:
    # What the spider itself found wrong with the source record (e.g. a legend line in a
    # directory file) comes first: it is the reason data staff need.
    problems = source_problems(item)
    if problems:
        return problems  # a record the spider rejected has no facts: nothing else to say
    if not item.name:
        problems.append("name: missing")
    if item.location is None:
        problems.append("location: missing and no known ZIP code to fall back on")
    try:
        Facility.model_validate(item.model_dump())
    except ValidationError as error:
        problems.extend(
            f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
            for e in error.errors()
        )
    return problems


def counted_field(problem: str) -> str:
    """``phones.0.number: ...`` is counted as ``phones.number``: one counter per field."""
    path = problem.split(":", 1)[0]
    return ".".join(part for part in path.split(".") if not part.isdigit())


def source_problems(item: Facility) -> list[str]:
    return [str(problem) for problem in item.extras.get("source_problems", [])]


class ValidatePipeline(CountingPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        path = crawler.settings.get("IOP_QUARANTINE_FILE")
        self.quarantine_path = Path(path) if path else None
        # A resumed crawl adds to the quarantine of its first part.
        self.quarantine_mode = "a" if crawler.settings.getbool("IOP_QUARANTINE_APPEND") else "w"
        self.quarantine: IO[str] | None = None

    def open_spider(self) -> None:
        if self.quarantine_path is not None:
            self.quarantine_path.parent.mkdir(parents=True, exist_ok=True)
            self.quarantine = self.quarantine_path.open(self.quarantine_mode, encoding="utf-8")

    def close_spider(self) -> None:
        if self.quarantine is not None:
            self.quarantine.close()

    def process_item(self, item: Facility) -> Facility:
        problems = problems_of(item)
        if not problems:
            return item
        from_source = set(source_problems(item))
        for problem in problems:
            field = SOURCE_RECORD if problem in from_source else counted_field(problem)
            count_problem(self.stats, item, field, "rejected")
        self.stats.inc_value("quarantine/records")
        if self.quarantine is not None:
            record = {
                "quarantined_at": datetime.now(UTC).isoformat(),
                "reasons": problems,
                "record": item.model_dump(mode="json"),
            }
            self.quarantine.write(json.dumps(record) + "\n")
            self.quarantine.flush()
        raise DropItem(f"quarantined {item.id}: {'; '.join(problems)}")
