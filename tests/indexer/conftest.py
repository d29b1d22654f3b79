"""Each indexer test starts from an empty directory under the suite's alias."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from indexer import lifecycle
from iop.facility import Facility
from iop.feeds import feed_line
from tests.factories import FETCHED, make_facility


@pytest.fixture(autouse=True)
def empty_directory(es: Elasticsearch) -> Iterator[None]:
    lifecycle.drop_all(es)
    yield
    lifecycle.drop_all(es)


def write_feed(path: Path, facilities: Iterable[Facility]) -> Path:
    path.write_text("".join(feed_line(f) + "\n" for f in facilities))
    return path


def seen(ref: str, days_later: int = 0, source: str = "test", **facts: Any) -> Facility:
    """A facility as a crawl ``days_later`` than the factories' fetch would list it."""
    facility = make_facility(ref, 35.0 + len(ref) / 1000, -106.6, **facts)
    when: datetime = FETCHED + timedelta(days=days_later)
    facility.first_seen = facility.last_seen = when
    for record in facility.sources:
        record.fetched_at = when
        record.source = source
    return facility


def write_crawl(
    feeds_dir: Path,
    facilities: list[Facility],
    sources: dict[str, dict[str, Any]],
    bad_line: str | None = None,
) -> None:
    """What ``iop crawl --all`` leaves in its feeds directory: the merged feed and run.json."""
    feeds_dir.mkdir(parents=True, exist_ok=True)
    feed = write_feed(feeds_dir / "facilities.ndjson", facilities)
    if bad_line is not None:
        with feed.open("a") as out:
            out.write(bad_line + "\n")
    now = datetime.now().astimezone().isoformat()
    run = {"started_at": now, "finished_at": now, "sources": sources}
    (feeds_dir / "run.json").write_text(json.dumps(run))
