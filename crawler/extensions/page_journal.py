"""Record each finished page in the job journal, and resume from it (see
:mod:`crawler.extensions.job_journal` for why and what the journal holds).

A page is finished when its callback has given everything it will give and each listing it
gave has been written to the feed or dropped (a duplicate, or quarantined). Only then, after
the feed is on disk, is its line appended. On start, the requests of finished pages that were
not finished themselves are queued again, listings the feed or the quarantine already holds
are skipped, and a finished page is taken for seen (:class:`FinishedPagesFilter`), so it is
not fetched again. Both are on only when the crawl has a job directory (``IOP_JOBDIR``).
"""

from __future__ import annotations

import base64
import os
import pickle
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import call_later
from scrapy.utils.request import request_from_dict

from crawler.extensions.job_journal import (
    append_records,
    closed_record,
    journal_path,
    listing_ids,
    page_record,
    read_journal,
)

# A page the source failed to serve (5xx after retries) is fetched again by a resumed crawl.
FIRST_SERVER_ERROR = 500


@dataclass
class _Page:
    fingerprint: str
    follow_ups: list[str] = field(default_factory=list)
    listings_pending: int = 0
    output_done: bool = False


def encode_request(request: Request, spider: Spider) -> str:
    # Pickled as Scrapy's own disk queues keep requests; the journal is the crawl's own file.
    return base64.b64encode(pickle.dumps(request.to_dict(spider=spider), protocol=5)).decode()


def decode_request(encoded: str, spider: Spider) -> Request:
    return request_from_dict(pickle.loads(base64.b64decode(encoded)), spider=spider)


class PageJournal:
    """Spider middleware, next to the engine (so it sees what the others let through)."""

    def __init__(self, crawler: Crawler, jobdir: Path) -> None:
        self.crawler = crawler
        self.path = journal_path(jobdir)
        journal = read_journal(self.path)
        if journal.feed is None:
            raise NotConfigured(f"{self.path} was not started (crawler.run opens the job)")
        self.follow_ups = journal.follow_ups
        self.finished_before = len(journal.finished)
        quarantine = crawler.settings.get("IOP_QUARANTINE_FILE")
        self.kept = set(listing_ids(journal.feed))
        if quarantine:
            self.kept.update(listing_ids(Path(quarantine)))
        # Synced before a page's line is written: their listings, then the page.
        self.synced = [os.open(journal.feed, os.O_RDONLY | os.O_CREAT)]
        if quarantine:
            self.synced.append(os.open(quarantine, os.O_RDONLY | os.O_CREAT))
        self.journal = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        self.pages: dict[Response, _Page] = {}
        self.finished: list[_Page] = []
        self.write_scheduled = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        jobdir = crawler.settings.get("IOP_JOBDIR")
        if not jobdir:
            raise NotConfigured
        journal = cls(crawler, Path(jobdir))
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(journal.listing_settled, signal=signal)
        crawler.signals.connect(journal.closed, signal=signals.spider_closed)
        return journal

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        spider = self.crawler.spider
        assert spider is not None
        self.crawler.stats.set_value("job/pages_finished_before", self.finished_before)
        for encoded in self.follow_ups:
            yield decode_request(encoded, spider)
        self.follow_ups = []
        async for output in start:
            if isinstance(output, Request) or not self._kept(output):
                yield output

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        if response.status >= FIRST_SERVER_ERROR:
            async for output in result:
                yield output
            return
        spider = self.crawler.spider
        assert spider is not None
        assert response.request is not None  # a response the engine downloaded
        fingerprint = self.crawler.request_fingerprinter.fingerprint(response.request)
        page = self.pages[response] = _Page(fingerprint.hex())
        try:
            async for output in result:
                if isinstance(output, Request):
                    page.follow_ups.append(encode_request(output, spider))
                elif self._kept(output):
                    continue
                else:
                    page.listings_pending += 1
                yield output
        except BaseException:
            del self.pages[response]  # not finished: a resumed crawl fetches it again
            raise
        page.output_done = True
        self._finish_if_done(response)

    def _kept(self, item: Any) -> bool:
        """A listing the feed or the quarantine already holds (from before a resume)."""
        if getattr(item, "id", None) in self.kept:
            self.crawler.stats.inc_value("job/listings_already_kept")
            return True
        return False

    def listing_settled(self, item: Any, response: Any, **_: Any) -> None:
        page = self.pages.get(response)  # None: a listing from the start or an errback
        if page is not None:
            page.listings_pending -= 1
            self._finish_if_done(response)

    def _finish_if_done(self, response: Response) -> None:
        page = self.pages[response]
        if not page.output_done or page.listings_pending:
            return
        del self.pages[response]
        self.finished.append(page)
        if not self.write_scheduled:
            # On the next turn of the event loop: every receiver of this item's signal, the
            # feed exporter among them, has written it by then.
            self.write_scheduled = True
            call_later(0, self.write_finished)

    def write_finished(self) -> None:
        self.write_scheduled = False
        if not self.finished:
            return
        feed_bytes = self._sync_listings()
        records = [page_record(p.fingerprint, feed_bytes, p.follow_ups) for p in self.finished]
        append_records(self.journal, records)
        self.crawler.stats.inc_value("job/pages_finished", len(records))
        self.finished = []

    def _sync_listings(self) -> int:
        for fd in self.synced:
            os.fsync(fd)
        return os.fstat(self.synced[0]).st_size

    def closed(self, reason: str) -> None:
        self.write_finished()
        append_records(self.journal, [closed_record(reason, self._sync_listings())])
        for fd in (*self.synced, self.journal):
            os.close(fd)


class FinishedPagesFilter(RFPDupeFilter):
    """Scrapy's duplicate filter, which also takes the pages the job journal records as
    finished for seen (only finished ones: a page queued but not yet fetched when a crawl was
    killed is fetched by the resumed one)."""

    finished: frozenset[bytes] = frozenset()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        duplicates = super().from_crawler(crawler)
        jobdir = crawler.settings.get("IOP_JOBDIR")
        if jobdir:
            finished = read_journal(journal_path(Path(jobdir))).finished
            duplicates.finished = frozenset(bytes.fromhex(fp) for fp in finished)
        return duplicates

    def request_seen(self, request: Request) -> bool:
        finished = self.fingerprinter.fingerprint(request) in self.finished
        return finished or super().request_seen(request)
