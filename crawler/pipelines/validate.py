"""Last check before the feed: a record that cannot serve a referral goes to quarantine.

A facility needs a name and a location to be found by a search. Everything else may be
unknown. The record is also validated against the model as a whole, so nothing the pipelines
built half-way reaches the feed. Rejected records are written, with their reasons, to the
quarantine file next to the feed (setting ``IOP_QUARANTINE_FILE``).
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


def problems_of(item: Facility) -> list[str]:
    # What the spider itself found wrong with the source record (e.g. a legend line in a
    # directory file) comes first: it is the reason data staff need.
    problems = [str(problem) for problem in item.extras.get("source_problems", [])]
    if not item.name:
        problems.append("name: missing")
    if item.location is None:
        problems.append("location: missing and no known ZIP code to fall back on")
    try:
        Facility.model_validate(item.model_dump())
    except ValidationError as error:
        problems.extend(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
    return problems


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
        for problem in problems:
            count_problem(self.stats, item, problem.split(":", 1)[0], "rejected")
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
