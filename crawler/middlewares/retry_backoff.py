"""Retries that wait longer each time, so a struggling server gets room to recover.

Scrapy's retry middleware re-queues a failed request at once. This one marks the retry with
an exponential delay (``RETRY_BACKOFF_BASE * 2 ** (attempt - 1)`` seconds, capped at
``RETRY_BACKOFF_MAX``) that :class:`BackoffDelayMiddleware` waits out before the download.
"""

from __future__ import annotations

import asyncio
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.settings import BaseSettings


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    def _retry(self, request: Request, reason: str | Exception | type[Exception]) -> Request | None:
        retry = super()._retry(request, reason)
        if retry is not None:
            attempt = retry.meta.get("retry_times", 1)
            retry.meta["retry_delay"] = min(self.cap, self.base * 2 ** (attempt - 1))
        return retry


class BackoffDelayMiddleware:
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls()

    async def process_request(self, request: Request) -> None:
        delay = request.meta.pop("retry_delay", 0)
        if delay:
            await asyncio.sleep(delay)
