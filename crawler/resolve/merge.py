"""Build one facility from a group of listings of the same site, field by field.

Each field path a listing states (its provenance keys) is taken from the listing that
:mod:`crawler.resolve.precedence` ranks first for that path; the merged facility records
that listing's provenance for it; between listings of one kind of source, one that says yes
wins over one that says no. Phones, other names and sources are unions; first seen is the
earliest sighting and last seen the latest.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from crawler.listing import set_path
from crawler.resolve.precedence import SourceKind, order_for
from iop.facility import Facility, LocationPrecision, Phone

PRECISION_RANK = {
    LocationPrecision.ROOFTOP: 0,
    LocationPrecision.STREET: 1,
    LocationPrecision.ZIP_CENTROID: 2,
    LocationPrecision.CITY_CENTROID: 3,
}
UNIONS = {"phones", "alternate_names"}
EPOCH = datetime.min.replace(tzinfo=UTC)

KindOf = Callable[[Facility], SourceKind]


def get_path(facility: Facility, path: str) -> Any:
    value: Any = facility
    for name in path.split("."):
        value = getattr(value, name)
    return value


def _freshness(listing: Facility) -> datetime:
    stated = [p.as_of for k, p in listing.provenance.items() if k.startswith("availability")]
    fetched = [p.fetched_at for k, p in listing.provenance.items() if k.startswith("availability")]
    as_of = max((d for d in stated if d is not None), default=None)
    if as_of is not None:
        return datetime.combine(as_of, datetime.min.time(), tzinfo=UTC)
    return max(fetched, default=EPOCH)


def ranked(listings: list[Facility], path: str, kind_of: KindOf) -> list[Facility]:
    """The listings that state ``path``, best first."""
    order = order_for(path)
    stating = [listing for listing in listings if path in listing.provenance]
    if len(stating) < 2:
        return stating

    def kind_rank(listing: Facility) -> int:
        kind = kind_of(listing)
        return order.index(kind) if kind in order else len(order)

    if path.startswith("availability"):
        return sorted(stating, key=lambda x: (-_freshness(x).timestamp(), kind_rank(x)))
    if path == "location":
        return sorted(
            stating,
            key=lambda x: (PRECISION_RANK[x.location.precision] if x.location else 9, kind_rank(x)),
        )
    # Between sources of one kind, a yes beats a no: SAMHSA lists one program twice with
    # different codes, and the directory import reads such a program as the union of both.
    return sorted(stating, key=lambda x: (kind_rank(x), get_path(x, path) is not True))


def merge(facility_id: str, listings: list[Facility], kind_of: KindOf) -> Facility:
    """One facility from ``listings`` (already known to be the same site)."""
    if len(listings) == 1:
        return listings[0].model_copy(update={"id": facility_id})
    merged = Facility(id=facility_id)
    paths = {path for listing in listings for path in listing.provenance}
    # Availability is taken whole from its freshest statement, so a wait and its date agree.
    availability_paths = sorted(p for p in paths if p.startswith("availability"))
    if availability_paths:
        winner = ranked(listings, availability_paths[0], kind_of)[0]
        merged.availability = winner.availability.model_copy()
        for path in availability_paths:
            if path in winner.provenance:
                merged.provenance[path] = winner.provenance[path]
    for path in sorted(paths - set(availability_paths) - UNIONS):
        best = ranked(listings, path, kind_of)[0]
        set_path(merged, path, get_path(best, path))
        merged.provenance[path] = best.provenance[path]
    _merge_unions(merged, listings, kind_of)
    merged.sources = [record for listing in listings for record in listing.sources]
    merged.first_seen = min((x.first_seen for x in listings if x.first_seen), default=None)
    merged.last_seen = max((x.last_seen for x in listings if x.last_seen), default=None)
    return merged


def _merge_unions(merged: Facility, listings: list[Facility], kind_of: KindOf) -> None:
    phones: list[Phone] = []
    for listing in ranked(listings, "phones", kind_of):
        phones += [phone for phone in listing.phones if phone not in phones]
    merged.phones = phones
    names = [n for x in listings for n in [x.name, *x.alternate_names] if n and n != merged.name]
    merged.alternate_names = list(dict.fromkeys(names))
    for path in UNIONS:
        stating = ranked(listings, path, kind_of)
        if stating:
            merged.provenance[path] = stating[0].provenance[path]
