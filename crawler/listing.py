"""Turning what a source says into a :class:`~iop.facility.Facility` with provenance.

Spiders describe a listing as *facts*: ``{dotted field path: value}`` (``"name"``,
``"address.city"``, ``"medications.mat_buprenorphine"``...). Only stated facts are set, and each
one is recorded in ``provenance`` with the source, the URL and the fetch time (and, when the
source dates what it says, such as an availability board's "last updated", that date as
``as_of``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from iop.facility import Facility, Provenance, SourceRecord, facility_id


def set_path(facility: Facility, path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    target: Any = facility
    for name in parents:
        target = getattr(target, name)
    if not hasattr(target, leaf):
        raise KeyError(f"facility has no field {path!r}")
    setattr(target, leaf, value)


def build_facility(
    *,
    source: str,
    ref: str,
    url: str | None,
    fetched_at: datetime,
    facts: dict[str, Any],
    as_of: date | None = None,
    evidence: dict[str, tuple[str, str | None]] | None = None,
) -> Facility:
    """A listing's facility; ``evidence`` gives, by path, the sentence a fact was read from and
    the page it is on (its provenance then names that page and quotes the sentence)."""
    facility = Facility(
        id=facility_id(source, ref),
        sources=[SourceRecord(source=source, ref=ref, url=url, fetched_at=fetched_at)],
        first_seen=fetched_at,
        last_seen=fetched_at,
    )
    provenance = Provenance(source=source, url=url, fetched_at=fetched_at, as_of=as_of)
    for path, value in facts.items():
        if value is None or value == "":
            continue
        set_path(facility, path, value)
        said = (evidence or {}).get(path)
        facility.provenance[path] = (
            provenance
            if said is None
            else provenance.model_copy(update={"evidence": said[0], "url": said[1] or url})
        )
    return facility
