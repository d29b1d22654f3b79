"""Freshness across rebuilds: first_seen carried over, missing facilities kept and aged.

A facility the new feeds do not list is never dropped silently. It is carried into the new
index as it was; if every source that listed it was crawled this time, it missed this refresh
(``missed_refreshes`` + 1) and once it has missed ``IOP_STALE_AFTER_REFRESHES`` in a row it
becomes ``stale``: kept, but hidden from default search.

When a facility's content last changed (``content_changed_at``) is carried over too: a load
moves it to the load's time only for a facility that is new, says something else than before
(its content fingerprint differs), went stale or came back from stale. Re-fetching the same
facts changes nothing, so a consumer that asks what changed since its last pull gets only
facilities whose facts did.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from elasticsearch import Elasticsearch

from indexer.bulk import BulkChunk, Doc
from indexer.previous import NO_DATE, Row
from iop.documents import (
    CONTENT_CHANGED_FIELD,
    derived_fields,
    document_json,
    from_document,
    with_content_changed,
)
from iop.facility import Facility, FacilityStatus

MGET_BATCH = 500
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def version_of(facility: Facility) -> int:
    """The external version of a facility's document: when it was last seen, in epoch ms."""
    seen = facility.last_seen or max(
        (record.fetched_at for record in facility.sources), default=None
    )
    if seen is None:
        raise ValueError("last_seen: required, missing")
    return int(seen.timestamp() * 1000)


def epoch_ms(moment: datetime) -> int:
    """A date as Elasticsearch keeps it in a ``date`` field: whole milliseconds (a naive date
    read as UTC, as Elasticsearch reads it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - EPOCH) // timedelta(milliseconds=1)


def iso_ms(epoch_milliseconds: int) -> str:
    """Epoch milliseconds as the ISO 8601 text a document holds (UTC, to the millisecond)."""
    moment = EPOCH + timedelta(milliseconds=epoch_milliseconds)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Before:
    """What the previous index held of a facility."""

    fingerprint: int
    content_changed_ms: int  # NO_DATE: not known (an index built before the field existed)
    stale: bool


def content_changed_ms(fingerprint: int, before: Before | None, now_ms: int) -> int:
    """When the content of a facility listed now last changed: now, unless the previous index
    held the same content, active, with a known date."""
    if (
        before is None
        or before.stale
        or before.content_changed_ms == NO_DATE
        or before.fingerprint != fingerprint
    ):
        return now_ms
    return before.content_changed_ms


def first_seen_ms(facility: Facility) -> int:
    """first_seen as a scan of the facility's document reads it back (NO_DATE: none)."""
    return NO_DATE if facility.first_seen is None else epoch_ms(facility.first_seen)


def carry_first_seen(facility: Facility, previous_first_seen_ms: int) -> None:
    """Keep the earliest first sighting: a rebuild must not reset when a facility appeared."""
    if previous_first_seen_ms != NO_DATE:
        before = datetime.fromtimestamp(previous_first_seen_ms / 1000, UTC)
        if facility.first_seen is None or before < facility.first_seen:
            facility.first_seen = before
    if facility.first_seen is None:
        facility.first_seen = facility.last_seen


def mark_seen(facility: Facility) -> None:
    facility.status = FacilityStatus.ACTIVE
    facility.missed_refreshes = 0


def seen_document(
    facility: Facility,
    previous_first_seen_ms: int,
    *,
    today: date,
    max_age_days: int,
    now_ms: int,
    before: Before | None = None,
    where: str = "",
) -> tuple[Doc, Row]:
    """The document of a facility the feeds list now, and its row of the columns a load keeps:
    first seen carried over from ``previous_first_seen_ms`` (or :data:`NO_DATE`), active, no
    refresh missed; its content changed at ``now_ms`` unless ``before`` says it is the same."""
    carry_first_seen(facility, previous_first_seen_ms)
    mark_seen(facility)
    derived = derived_fields(facility, today=today, max_age_days=max_age_days)
    source, fingerprint = document_json(facility, derived)
    changed = content_changed_ms(fingerprint, before, now_ms)
    source = with_content_changed(source, iso_ms(changed))
    row = (facility.id, first_seen_ms(facility), fingerprint, changed, False)
    return Doc(facility.id, version_of(facility), source, where), row


@dataclass
class CarryOver:
    """What became of the facilities the new feeds no longer list."""

    carried: int = 0
    superseded: int = 0  # its every listing now belongs to another facility: merged, not gone
    missed: int = 0
    newly_stale: int = 0
    stale: int = 0
    # Of each carried document: its row of the columns (see indexer.previous.Row).
    written: list[Row] = field(default_factory=list)


def age(facility: Facility, crawled_sources: set[str], stale_after: int) -> tuple[bool, bool]:
    """Count a missed refresh if every source that listed it was crawled: (missed, now stale)."""
    if not all(record.source in crawled_sources for record in facility.sources):
        return False, False
    facility.missed_refreshes += 1
    if facility.missed_refreshes >= stale_after and facility.status is FacilityStatus.ACTIVE:
        facility.status = FacilityStatus.STALE
        return True, True
    return True, False


def carried_over(
    es: Elasticsearch,
    previous: str,
    missing: list[str],
    crawled_sources: set[str],
    listed: set[tuple[str, str]],
    *,
    stale_after: int,
    today: date,
    max_age_days: int,
    now_ms: int,
    outcome: CarryOver,
) -> Iterator[BulkChunk]:
    """Chunks of documents for the facilities of ``previous`` that ``missing`` names.

    A facility whose every source listing is in ``listed`` under another id was merged into
    that facility by entity resolution (or re-identified): it is superseded, not carried.
    Its content last changed when it did before, or now if it became stale now.
    """
    for start in range(0, len(missing), MGET_BATCH):
        batch = missing[start : start + MGET_BATCH]
        response = es.mget(index=previous, ids=batch)
        docs = []
        for found in response["docs"]:
            if not found.get("found"):
                continue
            document = found["_source"]
            facility = from_document(document)
            if facility.sources and all((r.source, r.ref) in listed for r in facility.sources):
                outcome.superseded += 1
                continue
            missed, newly_stale = age(facility, crawled_sources, stale_after)
            outcome.carried += 1
            outcome.missed += missed
            outcome.newly_stale += newly_stale
            outcome.stale += facility.status is FacilityStatus.STALE
            derived = derived_fields(facility, today=today, max_age_days=max_age_days)
            source, fingerprint = document_json(facility, derived)
            changed = now_ms
            if not newly_stale and CONTENT_CHANGED_FIELD in document:
                changed = epoch_ms(datetime.fromisoformat(document[CONTENT_CHANGED_FIELD]))
            source = with_content_changed(source, iso_ms(changed))
            docs.append(Doc(facility.id, version_of(facility), source))
            stale = facility.status is FacilityStatus.STALE
            row = (facility.id, first_seen_ms(facility), fingerprint, changed, stale)
            outcome.written.append(row)
        if docs:
            yield BulkChunk.of(docs)
