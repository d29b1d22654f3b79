"""Reading NDJSON feeds as a stream, with errors that name the file and line.

Every line is validated against the shared model, the fast way: pydantic parses and
validates the line in one pass. Only a line that fails is read again, the slow way, to say
which field is wrong and why in the feed's own terms (``not JSON``, ``address.state...``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from iop.facility import Facility
from iop.feeds import FeedError, validation_problem

__all__ = ["REQUIRED", "FeedError", "FeedLine", "check_feeds", "parse_facility", "read_feed"]

# A facility the index takes must say what it is called, who listed it and when.
REQUIRED = ("name", "sources", "last_seen")


@dataclass(frozen=True)
class FeedLine:
    path: Path
    number: int
    facility: Facility

    @property
    def where(self) -> str:
        return f"{self.path}:{self.number}"


def parse_facility(line: bytes | str) -> Facility:
    """One feed line as a facility; ``ValueError`` says which field is wrong and why."""
    try:
        facility = Facility.model_validate_json(line)
    except ValidationError as error:
        _explain(line)  # raises the precise reason
        raise ValueError(validation_problem(error)) from None
    missing = [field for field in REQUIRED if not getattr(facility, field)]
    if missing:
        raise ValueError(f"{', '.join(missing)}: required, missing")
    return facility


def _explain(line: bytes | str) -> None:
    """Why a line is not a facility: JSON first, then the first field at fault."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(data, dict):
        raise ValueError("record: not a JSON object")
    try:
        Facility.model_validate(data)
    except ValidationError as error:
        raise ValueError(validation_problem(error)) from None


def check_feeds(paths: list[Path]) -> None:
    for path in paths:
        if not path.is_file():
            raise FeedError(path, 0, "no such feed file")


def read_feed(path: Path) -> Iterator[FeedLine]:
    """Every facility of a feed in order; a bad line raises :class:`FeedError` naming it."""
    check_feeds([path])
    with path.open("rb") as feed:
        for number, line in enumerate(feed, start=1):
            if not line.strip():
                continue
            try:
                facility = parse_facility(line)
            except ValueError as error:
                raise FeedError(path, number, str(error)) from None
            yield FeedLine(path, number, facility)
