"""The NDJSON feed: one facility per line (see :mod:`iop.feeds`).

Each line reaches the operating system as soon as it is exported, never held in a buffer: a
crawl killed at any instant leaves every listing it exported in the feed (at worst a last line
cut short, which a resumed crawl drops), and the job journal counts a page finished only once
its listings are there (:mod:`crawler.extensions.page_journal`).
"""

from __future__ import annotations

from typing import Any, BinaryIO

from scrapy.exporters import BaseItemExporter

from iop.facility import Facility
from iop.feeds import feed_line


class FacilityNdjsonExporter(BaseItemExporter):
    def __init__(self, file: BinaryIO, **kwargs: Any) -> None:
        super().__init__(dont_fail=True, **kwargs)
        self.file = file

    def export_item(self, item: Facility) -> None:
        self.file.write(feed_line(item).encode() + b"\n")
        self.file.flush()
