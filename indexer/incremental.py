"""``iop index --incremental FEED``: upsert changed facilities into the serving index.

Each facility is indexed under its stable id with an external version, its last_seen in epoch
ms, so Elasticsearch keeps whichever sighting is newest: an older crawl can never overwrite
newer data (such refusals are counted as "older, ignored"). The whole feed is validated before
anything is written, so a bad line changes nothing. first_seen is kept from the indexed copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from elasticsearch import Elasticsearch
from tqdm import tqdm

from indexer import lifecycle
from indexer.bulk import BulkChunk, BulkTally, Doc, parallel_send
from indexer.feeds import FeedLine, read_feed
from indexer.freshness import Before, epoch_ms, seen_document
from indexer.previous import NO_DATE
from indexer.settings import IndexerSettings
from iop.documents import CONTENT_CHANGED_FIELD
from iop.facility import FacilityStatus
from iop.indices import ALIAS


class IncrementalRefused(RuntimeError):
    """No index to update, or documents Elasticsearch rejected (the others were written)."""


@dataclass
class IncrementalReport:
    index: str
    new: int
    updated: int
    older_ignored: int


def _indexed(es: Elasticsearch, index: str, ids: list[str]) -> dict[str, tuple[int, Before]]:
    """Of the facilities indexed under ``ids``: first_seen (epoch ms), and what changing their
    content is judged against."""
    fields = ["first_seen", "content_fingerprint", CONTENT_CHANGED_FIELD, "status"]
    response = es.mget(index=index, ids=ids, source_includes=fields)
    known: dict[str, tuple[int, Before]] = {}
    for doc in response["docs"]:
        if not doc.get("found"):
            continue
        source = doc.get("_source", {})
        first_seen, changed = source.get("first_seen"), source.get(CONTENT_CHANGED_FIELD)
        before = Before(
            fingerprint=source.get("content_fingerprint", 0),
            content_changed_ms=epoch_ms(datetime.fromisoformat(changed)) if changed else NO_DATE,
            stale=source.get("status") == FacilityStatus.STALE.value,
        )
        first_seen_ms = epoch_ms(datetime.fromisoformat(first_seen)) if first_seen else NO_DATE
        known[doc["_id"]] = (first_seen_ms, before)
    return known


def _documents(
    es: Elasticsearch, index: str, batch: list[FeedLine], settings: IndexerSettings
) -> list[Doc]:
    known = _indexed(es, index, [line.facility.id for line in batch])
    now = datetime.now(UTC)
    documents = []
    for line in batch:
        first_seen_ms, before = known.get(line.facility.id, (NO_DATE, None))
        doc, _ = seen_document(
            line.facility,
            first_seen_ms,
            today=now.date(),
            max_age_days=settings.availability_max_age_days,
            now_ms=epoch_ms(now),
            before=before,
            where=line.where,
        )
        documents.append(doc)
    return documents


def upsert_feed(
    es: Elasticsearch,
    feed: Path,
    *,
    progress: bool = True,
    settings: IndexerSettings | None = None,
) -> IncrementalReport:
    settings = settings or IndexerSettings()
    index = lifecycle.serving_index(es)
    if index is None:
        raise IncrementalRefused(
            f"the alias {ALIAS!r} points at no index: run a full `iop index` first"
        )
    lines = list(read_feed(feed))  # validates every line before anything is written
    size = settings.bulk_chunk_documents
    batches = [lines[start : start + size] for start in range(0, len(lines), size)]
    tally = BulkTally()
    bar = tqdm(total=len(lines), unit="doc", desc=f"upserting into {index}", disable=not progress)
    with bar:
        chunks = (BulkChunk.of(_documents(es, index, batch, settings)) for batch in batches)
        for chunk, chunk_tally in parallel_send(es, index, chunks, settings.bulk_workers):
            tally.add(chunk_tally)
            bar.update(len(chunk))
    es.indices.refresh(index=index)
    if tally.failed:
        raise IncrementalRefused(
            f"{len(tally.failed)} document(s) were rejected, first: {tally.failed[0]}"
        )
    return IncrementalReport(index, tally.created, tally.updated, tally.older)
