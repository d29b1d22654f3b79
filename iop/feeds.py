"""NDJSON feeds of facilities: one JSON facility per line, the hand-off between stages.

Readers name the file and line of a bad record, so data staff can find it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from iop.facility import Facility


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


def write_feed(path: Path, facilities: Iterable[Facility]) -> int:
    """Write atomically: readers see the old feed or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    count = 0
    with tmp.open("w", encoding="utf-8") as out:
        for facility in facilities:
            out.write(facility.model_dump_json() + "\n")
            count += 1
    tmp.replace(path)
    return count
