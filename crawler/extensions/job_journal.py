"""The job state of a resumable crawl, kept so that a crawl killed at any instant resumes
with exactly the listings an uninterrupted crawl gives, or refuses in words.

Scrapy's own ``JOBDIR`` keeps its request queue and seen-set apart from the feed and writes the
queue's index only on a clean close: after ``kill -9`` (the out-of-memory killer, a container
stop) they disagree with the feed, with pages counted as seen whose requests were never
fetched and listings still in a buffer. Here the job state is one append-only file,
``JOBDIR/pages.journal``, written so that it never says more than the feed holds:

* its first line names the feed it belongs to;
* each finished page adds a line (its request fingerprint, the feed's length then, and the
  requests the page led to), written only after every listing of the page is in the feed and
  on disk (:mod:`crawler.extensions.page_journal`);
* a clean close adds a ``closed`` line; a journal without one was stopped uncleanly.

A resumed crawl rebuilds its queue (the spider's start requests and every request a finished
page led to, less the finished pages), drops a torn last line of the feed or quarantine (a
write the kill cut short, from a page not yet finished) and skips listings the feed or the
quarantine already holds, so a page fetched again adds no listing twice.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JOURNAL_NAME = "pages.journal"
# Scrapy's own job state, written by crawls before this journal existed.
SCRAPY_SEEN_NAME = "requests.seen"
TAIL_READ_BYTES = 1 << 16


class JobStateError(RuntimeError):
    """A job directory that cannot be resumed without losing or inventing listings."""


@dataclass
class Journal:
    """What a journal says: the feed it belongs to and the pages finished so far."""

    feed: Path | None = None
    finished: set[str] = field(default_factory=set)  # request fingerprints, hex
    # Each finished page's follow-up requests, as the middleware encoded them.
    follow_ups: list[str] = field(default_factory=list)
    feed_bytes: int = 0  # the feed held at least this much when the last page finished
    closed: bool = False  # the last thing written was a clean close


@dataclass(frozen=True)
class JobStart:
    """How a crawl with a job directory starts."""

    resuming: bool
    unclean_stop: bool = False
    pages_finished: int = 0
    listings_kept: int = 0
    torn_lines_dropped: list[str] = field(default_factory=list)


def journal_path(jobdir: Path) -> Path:
    return jobdir / JOURNAL_NAME


def read_journal(path: Path) -> Journal:
    """The journal's complete lines (a torn last line, cut short by a kill, is no record)."""
    journal = Journal()
    if not path.exists():
        return journal
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                raise JobStateError(
                    f"{path}:{number}: not a line the crawl wrote; remove {path.parent} and "
                    f"crawl again"
                ) from None
            if "feed" in record:
                journal.feed = Path(record["feed"])
            elif "page" in record:
                journal.finished.add(record["page"])
                journal.follow_ups.extend(record["requests"])
                journal.closed = False
            elif "closed" in record:
                journal.closed = True
            journal.feed_bytes = max(journal.feed_bytes, record.get("feed_bytes", 0))
    return journal


def page_record(fingerprint: str, feed_bytes: int, follow_ups: list[str]) -> dict[str, Any]:
    return {"page": fingerprint, "feed_bytes": feed_bytes, "requests": follow_ups}


def closed_record(reason: str, feed_bytes: int) -> dict[str, Any]:
    return {"closed": reason, "feed_bytes": feed_bytes}


def append_records(fd: int, records: list[dict[str, Any]]) -> None:
    """Append whole lines in one write, then make them durable."""
    os.write(fd, b"".join(json.dumps(r).encode() + b"\n" for r in records))
    os.fsync(fd)


def open_job(jobdir: Path, feed: Path, quarantine: Path) -> JobStart:
    """Make the job directory, the feed and its quarantine agree before a crawl starts.

    A new job empties the feed and the quarantine, then writes the journal's first line (so a
    kill at any moment of this leaves a job that starts over). A job already begun is checked
    against its feed and its torn lines dropped; ``JobStateError`` says why it cannot resume.
    """
    jobdir.mkdir(parents=True, exist_ok=True)
    path = journal_path(jobdir)
    journal = read_journal(path)
    if journal.feed is None:
        return _start_job(jobdir, feed, quarantine)
    if journal.feed != feed.resolve():
        raise JobStateError(
            f"{jobdir} holds the state of the crawl into {journal.feed}, not {feed}: resume "
            f"with --out {journal.feed}, or use another --jobdir"
        )
    dropped = [f"{p}: a torn last line" for p in (path, feed, quarantine) if _drop_torn_tail(p)]
    size = feed.stat().st_size if feed.exists() else 0
    if size < journal.feed_bytes:
        raise JobStateError(
            f"{feed} holds {size:,} bytes but {path} records {journal.feed_bytes:,} bytes of "
            f"finished pages: listings were lost from the feed after the crawl wrote them, and "
            f"a resumed crawl would not fetch their pages again. Crawl again from the start: "
            f"remove {jobdir}"
        )
    for _ in listing_ids(quarantine):  # a line changed outside the crawl is named here, in words
        pass
    return JobStart(
        resuming=True,
        unclean_stop=not journal.closed,
        pages_finished=len(journal.finished),
        listings_kept=sum(1 for _ in listing_ids(feed)) if feed.exists() else 0,
        torn_lines_dropped=dropped,
    )


def _start_job(jobdir: Path, feed: Path, quarantine: Path) -> JobStart:
    if (jobdir / SCRAPY_SEEN_NAME).exists():
        raise JobStateError(
            f"{jobdir} holds job state written by an older version of this crawler, which a "
            f"kill can leave disagreeing with the feed; remove {jobdir} and crawl again"
        )
    for path in (feed, quarantine):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as emptied:
            os.fsync(emptied.fileno())
    fd = os.open(journal_path(jobdir), os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND)
    try:
        append_records(fd, [{"feed": str(feed.resolve())}])
    finally:
        os.close(fd)
    _sync_directory(jobdir)
    return JobStart(resuming=False)


def listing_ids(path: Path) -> Iterator[str]:
    """The listing id of each line of a feed or a quarantine file (whose lines hold the
    rejected record under ``record``); ``JobStateError`` names a line that is neither."""
    if not path.exists():
        return
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                yield str(record["record"]["id"] if "record" in record else record["id"])
            except (ValueError, KeyError, TypeError):
                raise JobStateError(
                    f"{path}:{number}: not a listing the crawl wrote; the file was changed "
                    f"outside the crawl, so the job cannot resume: remove the job directory "
                    f"and crawl again"
                ) from None


def _drop_torn_tail(path: Path) -> bool:
    """Cut a last line that has no end (a write a kill cut short); whether there was one."""
    if not path.exists():
        return False
    with path.open("r+b") as file:
        end = file.seek(0, os.SEEK_END)
        position = end
        while position > 0:
            start = max(0, position - TAIL_READ_BYTES)
            file.seek(start)
            newline = file.read(position - start).rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            position = start
        else:
            keep = 0
        if keep == end:
            return False
        file.truncate(keep)
        os.fsync(file.fileno())
        return True


def _sync_directory(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
