"""Reading NDJSON feeds, with errors that name the file and line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from iop.facility import Facility

NEVER = datetime.min.replace(tzinfo=UTC)


class FeedError(ValueError):
    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path, self.line, self.reason = path, line, reason


def read_feed(path: Path) -> Iterator[Facility]:
    if not path.exists():
        raise FeedError(path, 0, "no such feed file")
    with path.open(encoding="utf-8") as feed:
        for number, line in enumerate(feed, start=1):
            if not line.strip():
                continue
            try:
                yield Facility.model_validate_json(line)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(map(str, first["loc"])) or "record"
                raise FeedError(
                    path, number, f"{where}: {first['msg']} ({error.error_count()} problem(s))"
                ) from None


def read_feeds(paths: list[Path]) -> dict[str, Facility]:
    """Every facility in the feeds by id; a facility in several feeds keeps its latest sighting."""
    facilities: dict[str, Facility] = {}
    for path in paths:
        for facility in read_feed(path):
            known = facilities.get(facility.id)
            if known is None or (facility.last_seen or NEVER) >= (known.last_seen or NEVER):
                facilities[facility.id] = facility
    return facilities
