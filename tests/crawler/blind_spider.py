"""Any program's website, crawled by the generic reader from its start URL (and its sitemap).

The project has no spider that takes a site from arguments: each site is a class with its own
``name`` and ``sitemap_urls`` (and ``-a sitemap_urls=URL`` would be iterated character by
character). For the blind evaluation (``test_blind_accuracy.py``) this one test-side subclass of
:class:`~crawler.spiders.base.structured_data.StructuredDataSpider` takes them as arguments
instead, and changes nothing else: every reading rule, pipeline and setting is the project's.

Run in a child process, like ``iop crawl`` (one Scrapy reactor per process), through the same
:func:`crawler.run.crawl`, so a crawl leaves the same feed, quarantine, stats and run record::

    python -m tests.crawler.blind_spider OUT.ndjson start_url=URL [sitemap_url=URL]
        [base_url=URL] [source=NAME]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from crawler.spiders.base.structured_data import StructuredDataSpider


class BlindSiteSpider(StructuredDataSpider):
    """A site given by ``start_url``; ``sitemap_url`` (comma-separated) when it has one."""

    name = "blind_site"

    def __init__(
        self, start_url: str, sitemap_url: str = "", base_url: str | None = None, **kwargs: Any
    ) -> None:
        self.start_urls = (start_url,)
        self.sitemap_urls = tuple(url for url in sitemap_url.split(",") if url)
        super().__init__(base_url=base_url, **kwargs)


def main(argv: list[str]) -> None:
    from crawler import settings as crawler_settings
    from crawler.run import crawl
    from tests.crawler.site_crawls import TEST_SETTINGS

    out, *pairs = argv
    # Registered for this run only: the project's spiders and this one.
    modules = [*crawler_settings.SPIDER_MODULES, "tests.crawler.blind_spider"]
    overrides = {**TEST_SETTINGS, "SPIDER_MODULES": modules}
    arguments = dict(pair.split("=", 1) for pair in pairs)
    crawl(BlindSiteSpider.name, Path(out), arguments, overrides)


if __name__ == "__main__":
    main(sys.argv[1:])
