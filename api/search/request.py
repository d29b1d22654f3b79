"""A validated search request, as the search library sees it (no HTTP here)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from iop.geo import Point


class SortOrder(StrEnum):
    BEST = "best"
    DISTANCE = "distance"
    WAIT = "wait"


@dataclass(frozen=True)
class SearchRequest:
    origin: Point
    radius_miles: float
    required_services: tuple[str, ...]
    sort: SortOrder = SortOrder.BEST
    limit: int = 20
