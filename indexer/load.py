"""``iop index``: build a new index from feeds, check it, then flip the alias.

The feeds are streamed (never all in memory) into a new index; first_seen is carried over
from the serving index, facilities the feeds no longer list are carried over and aged (see
:mod:`indexer.freshness`). The alias flips only when every check passes; on any failure the
new index is dropped and the previous one keeps serving, untouched.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import numpy.typing as npt
from elasticsearch import Elasticsearch
from tqdm import tqdm

from indexer import lifecycle, snapshot
from indexer.bulk import BulkChunk, BulkTally, parallel_send
from indexer.feeds import FeedError, check_feeds
from indexer.freshness import CarryOver, carried_over, epoch_ms
from indexer.prepare import (
    WORKERS_FROM_BYTES,
    Context,
    Counts,
    PreparedChunk,
    line_chunks,
    prepared_chunks,
)
from indexer.previous import Columns, PreviousIndex, columns_of, listed_count
from indexer.settings import IndexerSettings
from iop.facility import FacilityStatus

# A load of feeds smaller than this is sent one bulk request at a time. Elasticsearch's
# indexing buffer holds it until the final refresh, and one indexing thread writes it as one
# segment, so the final merge has nothing to do. Larger loads are written in many segments
# anyway, and more requests in flight keep its threads busy (``make bench-index`` compares).
ONE_SEGMENT_BYTES = 64 * 2**20


class LoadRefused(RuntimeError):
    """A load that was refused; the alias still points at the previous index."""


@dataclass
class LoadReport:
    index: str
    previous: str | None
    documents: int
    pruned: list[str]
    fresh: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    carried_over: int = 0
    superseded: int = 0
    newly_stale: int = 0
    stale: int = 0
    dropped: int = 0
    previous_listed: int = 0
    per_source: dict[str, int] = field(default_factory=dict)


@dataclass
class _Stream:
    """What is kept while the feeds stream past: the counts, and which facilities of the
    previous index the feeds list (by position)."""

    counts: Counts = field(default_factory=Counts)
    seen: list[npt.NDArray[np.intp]] = field(default_factory=list)
    written: list[Columns] = field(default_factory=list)

    def add(self, chunk: PreparedChunk) -> None:
        self.counts.add(chunk.counts)
        self.seen.append(chunk.previous_seen)
        self.written.append(chunk.written)


@contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """Facilities hold no reference cycles: reference counting frees each one. The cycle
    collector would only keep re-scanning the hundreds of objects of the facilities being
    parsed, about a third of the load's CPU."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_previous_and_create(
    es: Elasticsearch, settings: IndexerSettings
) -> tuple[PreviousIndex, str]:
    """The serving index as it is, and a new index to build: created while the serving one is
    read, as both mostly wait on Elasticsearch."""
    with ThreadPoolExecutor(1, thread_name_prefix="create") as creator:
        creating = creator.submit(lifecycle.create_index, es, settings)
        try:
            with _without_cycle_collector():
                snapshots = settings.snapshot_dir
                previous = snapshot.previous_of(es, lifecycle.serving_index(es), snapshots)
        except BaseException:
            with suppress(Exception):  # the index could not even be created
                lifecycle.drop_index(es, creating.result())
            raise
    return previous, creating.result()


def _documents(
    feeds: list[Path],
    size: int,
    context: Context,
    settings: IndexerSettings,
    stream: _Stream,
    bar: tqdm[None],
) -> Iterator[BulkChunk]:
    workers = settings.prepare_workers if size >= WORKERS_FROM_BYTES else 1
    chunks = line_chunks(feeds, settings.bulk_chunk_bytes)
    try:
        for chunk in prepared_chunks(chunks, context, workers):
            stream.add(chunk)
            bar.update(chunk.size)
            yield chunk.bulk
    except BrokenProcessPool:
        raise LoadRefused(
            "a worker process preparing documents stopped (out of memory, or killed)"
        ) from None


def _send(es: Elasticsearch, index: str, chunks: Iterator[BulkChunk], workers: int) -> BulkTally:
    tally = BulkTally()
    for _, chunk_tally in parallel_send(es, index, chunks, workers):
        tally.add(chunk_tally)
        if tally.failed:
            raise LoadRefused(
                f"{len(tally.failed)} document(s) were rejected, first: {tally.failed[0]}"
            )
    return tally


def _check_count(fresh: int, previous: PreviousIndex, tolerance: float, force: bool) -> None:
    expected = previous.listed_count
    if force or expected == 0 or fresh >= (1 - tolerance) * expected:
        return
    shrink = 1 - fresh / expected
    raise LoadRefused(
        f"the feeds list {fresh} facilities, {shrink:.0%} fewer than the {expected} the last "
        f"rebuild listed ({previous.name}; tolerance {tolerance:.0%}, IOP_COUNT_TOLERANCE); "
        "check the crawl, or pass --force if the directory really shrank"
    )


def load_feeds(
    es: Elasticsearch,
    feeds: list[Path],
    *,
    progress: bool = True,
    keep: int | None = None,
    force: bool = False,
    carry_over: bool = True,
    crawled_sources: set[str] | None = None,
    settings: IndexerSettings | None = None,
    now: datetime | None = None,
) -> LoadReport:
    """Rebuild the directory from ``feeds`` into a new index and flip the alias to it.

    ``crawled_sources``: sources crawled in this refresh besides those the feeds list (a
    source that listed nothing still makes its missing facilities miss a refresh).
    ``carry_over=False``: the feeds are the whole directory; drop what they do not list.
    """
    settings = settings or IndexerSettings()
    now = now or datetime.now(UTC)
    check_feeds(feeds)
    previous, index = _read_previous_and_create(es, settings)
    stream = _Stream()
    outcome = CarryOver()
    missing: list[str] = []
    try:
        size = sum(path.stat().st_size for path in feeds)
        bulk_workers = settings.bulk_workers if size >= ONE_SEGMENT_BYTES else 1
        with (
            _without_cycle_collector(),
            tqdm(
                total=size,
                unit="B",
                unit_scale=True,
                desc=f"indexing {index}",
                disable=not progress,
            ) as bar,
        ):
            context = Context(
                previous, now.date(), settings.availability_max_age_days, epoch_ms(now)
            )
            documents = _documents(feeds, size, context, settings, stream, bar)
            fresh = _send(es, index, documents, bulk_workers).created
        if fresh == 0:
            raise LoadRefused(f"the feeds hold no facilities: {', '.join(map(str, feeds))}")
        _check_count(fresh, previous, settings.count_tolerance, force)
        if previous.name is not None:
            missing = previous.not_seen(np.concatenate(stream.seen))
        if carry_over and missing and previous.name is not None:
            crawled = set(stream.counts.per_source) | (crawled_sources or set())
            carried = carried_over(
                es,
                previous.name,
                missing,
                crawled,
                stream.counts.listings,
                stale_after=settings.stale_after_refreshes,
                today=now.date(),
                max_age_days=settings.availability_max_age_days,
                now_ms=epoch_ms(now),
                outcome=outcome,
            )
            _send(es, index, carried, bulk_workers)
        lifecycle.ready_to_serve(es, index)
        indexed = es.count(index=index)["count"]
        if indexed != fresh + outcome.carried:
            raise LoadRefused(
                f"{index} holds {indexed} documents, expected {fresh + outcome.carried}"
            )
        stale = es.count(index=index, query={"term": {"status": FacilityStatus.STALE.value}})
        lifecycle.merge_segments(es, index)
        # What the index holds, taken before the alias lets anyone else write to it.
        built, listed = snapshot.index_state(es, index), listed_count(es, index)
        flipped_from = lifecycle.flip_alias(es, index)
    except BaseException:
        lifecycle.drop_index(es, index)
        raise
    written = [*stream.written, columns_of(outcome.written)]
    snapshot.save(settings.snapshot_dir, index, built, written, listed)
    pruned = lifecycle.prune(es, keep=keep or settings.keep_indices, previous=flipped_from)
    return LoadReport(
        index=index,
        previous=flipped_from,
        documents=indexed,
        pruned=pruned,
        fresh=fresh,
        new=stream.counts.new,
        changed=stream.counts.changed,
        unchanged=stream.counts.unchanged,
        carried_over=outcome.carried,
        superseded=outcome.superseded,
        newly_stale=outcome.newly_stale,
        stale=stale["count"],
        dropped=0 if carry_over else len(missing),
        previous_listed=previous.listed_count,
        per_source=dict(stream.counts.per_source),
    )


__all__ = ["FeedError", "LoadRefused", "LoadReport", "load_feeds"]
