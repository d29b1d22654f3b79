"""The NDJSON feed: one facility per line (see :mod:`iop.feeds`)."""

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
