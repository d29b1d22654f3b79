"""The NDJSON feed: one facility per line, exactly as the shared model serialises it."""

from __future__ import annotations

from typing import Any, BinaryIO

from scrapy.exporters import BaseItemExporter

from iop.facility import Facility


class FacilityNdjsonExporter(BaseItemExporter):
    def __init__(self, file: BinaryIO, **kwargs: Any) -> None:
        super().__init__(dont_fail=True, **kwargs)
        self.file = file

    def export_item(self, item: Facility) -> None:
        self.file.write(item.model_dump_json(exclude_defaults=False).encode() + b"\n")
