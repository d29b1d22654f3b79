"""A validated search request, as the search library sees it (no HTTP here).

Every filter is either *required* (a facility must be known to match) or a *preference*
(matching raises the ``sort=best`` score). A fact no source has stated never matches a required
filter; ``include_unknown`` keeps such facilities, and the results mark what was unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any

from iop.facility import Ownership
from iop.geo import Point

DEFAULT_SERVICES = ("iop",)


class SortOrder(StrEnum):
    BEST = "best"
    DISTANCE = "distance"
    WAIT = "wait"


OWNERSHIP_SECTORS = ("public", "private")
OWNERSHIP_CHOICES = (*OWNERSHIP_SECTORS, *(kind.value for kind in Ownership))


@dataclass(frozen=True)
class Page:
    """Where a page starts: after these sort values, in the index the first page came from."""

    search_after: tuple[Any, ...]
    index: str


@dataclass(frozen=True)
class SearchRequest:
    origin: Point
    radius_miles: float
    today: date = field(default_factory=date.today)
    required_services: tuple[str, ...] = DEFAULT_SERVICES
    preferred_services: tuple[str, ...] = ()
    # Groups of which at least one service is required, e.g. the patient's ways to pay.
    any_of_services: tuple[tuple[str, ...], ...] = ()
    ownership: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    max_days_to_intake: int | None = None
    accepting_new_patients: bool | None = None
    include_unknown: bool = False
    include_virtual: bool = False
    include_stale: bool = False
    patient_state: str | None = None
    sort: SortOrder = SortOrder.BEST
    limit: int = 20
    facets: bool = False
    page: Page | None = None

    @property
    def all_named_services(self) -> tuple[str, ...]:
        """Every service the request names, required first, each once."""
        named = [*self.required_services, *(c for g in self.any_of_services for c in g)]
        return tuple(dict.fromkeys([*named, *self.preferred_services]))

    def fingerprint(self) -> tuple[Any, ...]:
        """What a cursor must agree on with the request it continues: every field but those
        that only shape a page (:data:`NOT_IN_FINGERPRINT`)."""
        values: list[Any] = []
        for part in fields(self):
            if part.name in NOT_IN_FINGERPRINT:
                continue
            value = getattr(self, part.name)
            if isinstance(value, Point):
                value = (round(value.lat, 6), round(value.lon, 6))
            elif isinstance(value, date | StrEnum):
                value = str(value)
            values.append(value)
        return tuple(values)


# A next page may ask for a different size or no facets; where it starts is the cursor's.
NOT_IN_FINGERPRINT = frozenset({"limit", "facets", "page"})
