"""Retries that wait longer each time, so a struggling server gets room to recover.

Scrapy's retry middleware re-queues a failed request at once. This one marks the retry with
an exponential delay (``RETRY_BACKOFF_BASE * 2 ** (attempt - 1)`` seconds, capped at
``RETRY_BACKOFF_MAX``) that :class:`BackoffDelayMiddleware` waits out before the download.

An answer that should be JSON (a request with ``meta[EXPECTS_JSON]``, from an ``http(s)``
source) but does not parse, a truncated body or an HTML error page sent with HTTP 200, is a
failed answer like a 5xx: retried the same way, with the reason ``invalid JSON answer (...)``;
once the retries are spent the retry middleware gives up with an error naming it, and the
answer goes on to the spider, which counts it and says so. A retry is never served from the
HTTP cache (the bad answer may be in it).
"""

from __future__ import annotations

import asyncio
import json
from typing import Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings

#: ``Request.meta`` key: the answer must be a JSON document.
EXPECTS_JSON = "expects_json"


def json_problem(body: bytes) -> str | None:
    """Why ``body`` is no JSON document, in a few words; ``None`` if it is one."""
    try:
        json.loads(body)
    except UnicodeDecodeError:
        return "not UTF-8 text"
    except json.JSONDecodeError as error:
        if body.lstrip()[:1] == b"<":
            return "an HTML or XML page, not JSON"
        return f"{error.msg} at byte {error.pos} of {len(body)}"
    return None


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if (
            request.meta.get(EXPECTS_JSON)
            and response.status == 200
            and not request.meta.get("dont_retry", False)
            and response.url.startswith(("http://", "https://"))
        ):
            problem = json_problem(response.body)
            if problem is not None:
                return self._retry(request, f"invalid JSON answer ({problem})") or response
        return super().process_response(request, response)

    def _retry(self, request: Request, reason: str | Exception | type[Exception]) -> Request | None:
        retry = super()._retry(request, reason)
        if retry is not None:
            attempt = retry.meta.get("retry_times", 1)
            retry.meta["retry_delay"] = min(self.cap, self.base * 2 ** (attempt - 1))
            retry.meta["dont_cache"] = True
        return retry


class BackoffDelayMiddleware:
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls()

    async def process_request(self, request: Request) -> None:
        delay = request.meta.pop("retry_delay", 0)
        if delay:
            await asyncio.sleep(delay)
