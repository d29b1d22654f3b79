"""Feed lines into index documents, in worker processes.

Turning a line into a document is most of a rebuild's Python work: pydantic validates the
line against the model, then the document is derived and serialised. Worker processes do that
for chunks of lines while the main process only reads the feeds and sends bulk requests, so a
rebuild uses whatever CPU Elasticsearch leaves free. Chunks come back in feed order; a bad
line stops the load with a :class:`~iop.feeds.FeedError` naming its file and line.

Small loads (tests, a state's directory) are prepared in the calling process: starting the
workers would cost more than it saves. Workers die with the process that started them (see
:func:`die_with_parent`).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path

import numpy as np
import numpy.typing as npt

from indexer.bulk import BulkChunk
from indexer.feeds import parse_facility
from indexer.freshness import Before, epoch_ms, seen_document
from indexer.previous import Columns, PreviousIndex, Row, columns_of
from iop.feeds import FeedError

# Lines validated, then made into documents, at a time (see prepare).
BATCH_LINES = 32
NOTHING_SEEN = np.array([], dtype=np.intp)
# Below this many bytes of feeds (a few thousand facilities), lines are prepared in the calling
# process: starting the workers would cost more than they save. The real directory is 35 MB.
WORKERS_FROM_BYTES = 16 * 2**20
RAMP_UP = 16


@dataclass(frozen=True)
class FeedVersion:
    """Which file a feed path named when a load started: the same path rewritten in between
    is another file."""

    inode: int
    size: int
    modified_ns: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FeedVersion:
        return cls(stat.st_ino, stat.st_size, stat.st_mtime_ns)


@dataclass(frozen=True)
class LineChunk:
    """Whole consecutive lines of one feed, as read: ``size`` bytes from ``offset``, the first
    of them line ``first_line``.

    A worker process is handed where the lines are (:meth:`without_text`) and reads them
    itself: pickling them through a pipe, every feed line once more, cost about a twentieth
    of a rebuild's CPU.
    """

    path: Path
    version: FeedVersion
    first_line: int
    offset: int
    size: int
    text: bytes | None = None

    def without_text(self) -> LineChunk:
        return replace(self, text=None)

    def read(self) -> bytes:
        """The chunk's bytes; ``FeedError`` if its feed was rewritten since it was chunked."""
        if self.text is not None:
            return self.text
        with self.path.open("rb") as feed:
            if FeedVersion.of(os.fstat(feed.fileno())) != self.version:
                raise FeedError(self.path, self.first_line, "the feed changed while indexed")
            feed.seek(self.offset)
            return feed.read(self.size)

    def lines(self) -> Iterator[tuple[int, bytes]]:
        """(line number, line) of the non-blank lines."""
        for n, line in enumerate(self.read().split(b"\n")):
            if line.strip():
                yield self.first_line + n, line


@dataclass
class Counts:
    """What a load counts of the facilities the feeds list (per chunk, then in all)."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    per_source: Counter[str] = field(default_factory=Counter)
    # Every source listing (source, ref) the feeds hold, whatever facility it is now part of.
    listings: set[tuple[str, str]] = field(default_factory=set)

    def add(self, other: Counts) -> None:
        self.new += other.new
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.per_source.update(other.per_source)
        self.listings.update(other.listings)


@dataclass
class PreparedChunk:
    """A chunk's documents, ready to send, and what the load counts of them."""

    bulk: BulkChunk
    size: int
    previous_seen: npt.NDArray[np.intp]  # positions in the previous index of those it holds
    counts: Counts
    written: Columns  # each document's row (see indexer.previous.Row)


@dataclass(frozen=True)
class Context:
    """What preparing a chunk needs besides its lines."""

    previous: PreviousIndex
    today: date
    max_age_days: int
    # The load's time (epoch ms): when the content of a new or changed facility changed.
    now_ms: int = field(default_factory=lambda: epoch_ms(datetime.now(UTC)))


def line_chunks(feeds: Iterable[Path], chunk_bytes: int) -> Iterator[LineChunk]:
    """The feeds in chunks of about ``chunk_bytes`` of whole lines, never spanning two feeds.

    The first chunks are smaller (1/RAMP_UP of it, doubling), so Elasticsearch gets its first
    bulk request as soon as a few hundred lines are ready rather than a few thousand.
    """
    size = max(1, chunk_bytes // RAMP_UP)
    for path in feeds:
        with path.open("rb") as feed:
            version = FeedVersion.of(os.fstat(feed.fileno()))
            first_line, offset = 1, 0
            while text := feed.read(size):
                size = min(2 * size, chunk_bytes)
                if not text.endswith(b"\n"):
                    text += feed.readline()  # the rest of the last line
                yield LineChunk(path, version, first_line, offset, len(text), text)
                first_line += text.count(b"\n")
                offset += len(text)


def prepare(chunk: LineChunk, context: Context) -> PreparedChunk:
    """Validate a chunk's lines and make their documents; first_seen carried over.

    Lines go through a few dozen at a time, so the facilities being turned into documents
    stay in the CPU's cache (and are freed) before the next ones are read.
    """
    docs, counts = [], Counts()
    previous_seen: list[npt.NDArray[np.intp]] = []
    written: list[Row] = []
    lines = chunk.lines()
    while batch := list(islice(lines, BATCH_LINES)):
        facilities = []
        for number, line in batch:
            try:
                facilities.append(parse_facility(line))
            except ValueError as error:
                raise FeedError(chunk.path, number, str(error)) from None
        match = context.previous.lookup([facility.id for facility in facilities])
        previous_seen.append(match.position[match.found])
        for n, facility in enumerate(facilities):
            found = bool(match.found[n])
            before = None
            if found:
                before = Before(
                    int(match.fingerprint[n]),
                    int(match.content_changed_ms[n]),
                    bool(match.stale[n]),
                )
            doc, row = seen_document(
                facility,
                int(match.first_seen_ms[n]),
                today=context.today,
                max_age_days=context.max_age_days,
                now_ms=context.now_ms,
                before=before,
                where=f"{chunk.path}:{batch[n][0]}",
            )
            docs.append(doc)
            written.append(row)
            fingerprint = row[2]
            if not found:
                counts.new += 1
            elif fingerprint != match.fingerprint[n]:
                counts.changed += 1
            else:
                counts.unchanged += 1
            counts.per_source.update({record.source for record in facility.sources})
            counts.listings.update((record.source, record.ref) for record in facility.sources)
    return PreparedChunk(
        bulk=BulkChunk.of(docs),
        size=chunk.size,
        previous_seen=np.concatenate(previous_seen) if previous_seen else NOTHING_SEEN,
        counts=counts,
        written=columns_of(written),
    )


_worker_context: Context | None = None
# prctl(2) option: the signal a process gets when the thread that started it ends.
PR_SET_PDEATHSIG = 1
PARENT_CHECK_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """End this worker process when ``parent`` ends, however it ends.

    Killed with SIGKILL (the out-of-memory killer, a container stop), the main process cannot
    stop its workers, and they would never notice by themselves: each waits on the pool's
    queue, whose write end its forked siblings hold open, so each would live on under init
    with its memory. On Linux the kernel kills the worker when the thread that started it
    ends (the pool starts its workers in the thread that iterates
    :func:`prepared_chunks`, which also shuts them down); elsewhere a thread checks every
    second that the parent is still there. A parent gone before this ran is caught here.
    """
    if not (sys.platform == "linux" and _kill_on_parent_death()):
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _kill_on_parent_death() -> bool:
    libc = ctypes.CDLL(None, use_errno=True)
    return int(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _start_worker(parent: int, context: Context) -> None:
    global _worker_context
    die_with_parent(parent)
    _worker_context = context
    gc.disable()  # facilities hold no reference cycles: reference counting frees them


def _prepare_in_worker(chunk: LineChunk) -> PreparedChunk:
    assert _worker_context is not None, "the worker was started without its context"
    return prepare(chunk, _worker_context)


def prepared_chunks(
    chunks: Iterable[LineChunk], context: Context, workers: int
) -> Iterator[PreparedChunk]:
    """Each chunk prepared, in order, by ``workers`` processes (or here, if ``workers`` is 1).

    At most two chunks per worker are in flight, so the feeds are read as fast as they are
    used, never all at once.
    """
    if workers <= 1:
        for chunk in chunks:
            yield prepare(chunk, context)
        return
    # Forked where the platform can: a worker shares the previous index's arrays copy-on-write
    # and never re-imports the caller's script (a fresh interpreter would run a script without
    # an `if __name__ == "__main__":` guard again, Elasticsearch calls and all).
    methods = multiprocessing.get_all_start_methods()
    start = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(
        workers, mp_context=start, initializer=_start_worker, initargs=(os.getpid(), context)
    )
    pending: deque[Future[PreparedChunk]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_prepare_in_worker, chunk.without_text()))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
