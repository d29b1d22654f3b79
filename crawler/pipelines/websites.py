"""Normalise website URLs: a scheme, a lower-case host, no fragment or tracking parameters."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.pipelines import CountingPipeline, count_problem
from iop.facility import Facility

TRACKING_PREFIXES = ("utm_", "gclid", "fbclid", "mc_")


def normalise_url(raw: str) -> str | None:
    text = raw.strip()
    if not text:
        return None
    if "://" not in text:
        text = "http://" + text.lstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or "." not in parts.hostname:
        return None
    query = [
        (k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(TRACKING_PREFIXES)
    ]
    netloc = parts.hostname.lower() + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path or "/", urlencode(query), ""))


class WebsitePipeline(CountingPipeline):
    def process_item(self, item: Facility) -> Facility:
        if item.website:
            website = normalise_url(item.website)
            if website is None:
                count_problem(self.stats, item, "website", "invalid")
                item.provenance.pop("website", None)
            item.website = website
        return item
