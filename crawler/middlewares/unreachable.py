"""A source that cannot be reached ends its crawl at once, saying why.

Until a source has answered once, its requests get a short timeout
(``IOP_FIRST_CONTACT_TIMEOUT``) and few retries (``IOP_FIRST_CONTACT_RETRIES``): a dead host
(a name that does not resolve, a refused connection, no answer) then fails within seconds
instead of every queued request waiting out the full timeout and retries in turn (the
FindTreatment sweep queues thousands). When such a request has used up its retries the
spider is closed with the reason ``unreachable: <why>``, which the run record keeps as its
``finish_reason`` and ``iop crawl`` and ``iop refresh`` print. Once the source has answered,
nothing changes: a later failure is an ordinary download error.

Sits below the retry middleware (540 < 550), so it sees an exception only once the retries
are spent.
"""

from __future__ import annotations

from typing import Self
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
)
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.error import ConnectError, ConnectionRefusedError, DNSLookupError

UNREACHABLE = (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    DNSLookupError,
    ConnectError,
)
REASON_PREFIX = "unreachable: "


def why_unreachable(request: Request, error: Exception) -> str:
    """In words: "DNS lookup failed for findtreatment.invalid"."""
    where = urlsplit(request.url)
    host = where.hostname or request.url
    if isinstance(error, CannotResolveHostError | DNSLookupError):
        return f"DNS lookup failed for {host}"
    if isinstance(error, DownloadConnectionRefusedError | ConnectionRefusedError):
        return f"connection refused by {where.netloc}"
    if isinstance(error, DownloadTimeoutError):
        timeout = request.meta.get("download_timeout")
        within = f" within {timeout:g} s" if isinstance(timeout, int | float) else ""
        return f"no answer from {where.netloc}{within}"
    return f"could not connect to {where.netloc} ({type(error).__name__}: {error})"


class UnreachableSourceMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.first_timeout = settings.getfloat("IOP_FIRST_CONTACT_TIMEOUT", 10.0)
        self.first_retries = settings.getint("IOP_FIRST_CONTACT_RETRIES", 1)
        self.answered = False
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not self.answered and urlsplit(request.url).scheme in ("http", "https"):
            request.meta.setdefault("download_timeout", self.first_timeout)
            request.meta.setdefault("max_retry_times", self.first_retries)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        self.answered = True
        return response

    def process_exception(
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> None:
        if self.answered or self.closing or not isinstance(exception, UNREACHABLE):
            return
        self.closing = True
        engine = self.crawler.engine
        if engine is not None:
            reason = REASON_PREFIX + why_unreachable(request, exception)
            # Not awaited: closing waits for the downloads in progress, this one among them.
            deferred_from_coro(engine.close_spider_async(reason=reason))
