"""A site known by its real origin but fetched from another (a loopback copy in tests and demo).

Spiders keep refs, URLs and provenance on the site's real origin (``https://dmhiop.com``)
while fetching from ``base_url`` when one is given.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class FetchedElsewhere:
    """Mixin: ``origin`` is where the site lives, ``fetch_origin`` where it is fetched from."""

    origin: str
    fetch_origin: str

    def set_origins(self, real_url: str, base_url: str | None) -> None:
        self.origin = origin_of(real_url)
        self.fetch_origin = origin_of(base_url) if base_url else self.origin

    def fetch_url(self, url: str) -> str:
        return self.fetch_origin + url[len(self.origin) :] if url.startswith(self.origin) else url

    def canonical(self, url: str) -> str:
        if url.startswith(self.fetch_origin):
            return self.origin + url[len(self.fetch_origin) :]
        return url

    def same_site(self, url: str) -> bool:
        return origin_of(url) in (self.origin, self.fetch_origin)
