"""Run a spider in-process and write its NDJSON feed, quarantine file and stats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as crawler_settings


def crawl_settings(out: Path, overrides: dict[str, Any] | None = None) -> Settings:
    settings = Settings()
    settings.setmodule(crawler_settings, priority="project")
    settings.set("FEEDS", {str(out): {"format": "ndjson", "overwrite": True}}, priority="cmdline")
    settings.set("IOP_QUARANTINE_FILE", str(quarantine_path(out)), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def quarantine_path(feed: Path) -> Path:
    return feed.with_name(feed.stem + ".quarantine.ndjson")


def stats_path(feed: Path) -> Path:
    return feed.with_name(feed.stem + ".stats.json")


def crawl(
    spider: str,
    out: Path,
    spider_args: dict[str, Any] | None = None,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Crawl ``spider`` into ``out``; returns the crawl stats (also saved next to the feed)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    process = CrawlerProcess(crawl_settings(out, overrides), install_root_handler=True)
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **(spider_args or {}))
    process.start()
    stats = {key: _jsonable(value) for key, value in (crawler.stats.get_stats() or {}).items()}
    stats_path(out).write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n")
    return stats


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, int | float | str | bool | type(None)) else str(value)
