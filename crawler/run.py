"""Run spiders and write what a crawl leaves next to its feed.

For a feed ``X.ndjson`` a crawl writes ``X.quarantine.ndjson`` (rejected records and why),
``X.stats.json`` (Scrapy's stats with the problem counters), ``X.run.json`` (the run record:
start, end, yield, errors, field coverage, quarantine count) and, when progress is shown,
``X.log``. With a job directory a crawl is resumable: stop it (Ctrl-C, SIGTERM, or kill -9,
the out-of-memory killer, a container stop) and run the same command again; finished pages are
not fetched again, the feed is appended to, and the crawl ends with exactly the listings an
uninterrupted one gives, or refuses to resume, saying why (:mod:`crawler.extensions.job_journal`).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as crawler_settings
from crawler.extensions.job_journal import JobStart, JobStateError, open_job
from iop.feeds import quarantine_path, read_feed
from iop.paths import VAR_DIR


def summary_lines(out: Path, record: dict[str, Any]) -> list[str]:
    """What a crawl did, for a terminal: its yield, then each problem counted."""
    lines = [
        f"{out}: {record['items']} facilities from {record['pages']} pages; "
        f"{record['quarantined']} quarantined ({quarantine_path(out)})"
    ]
    resumed = record.get("resumed")
    if resumed and resumed["unclean_stop"]:
        lines.append(
            f"  resumed after an unclean stop (killed?): {resumed['pages_finished']} pages were "
            f"finished and {resumed['listings_kept']} listings kept"
            + "".join(f"; dropped {torn}" for torn in resumed["torn_lines_dropped"])
        )
    lines += [f"  {key}: {value}" for key, value in sorted(record["problems"].items())]
    return lines


def failure(out: Path, record: dict[str, Any]) -> str | None:
    """Why a crawl failed, in words; ``None`` when it did not."""
    if record["finish_reason"] == "finished" and not record["errors"]:
        return None
    return (
        f"crawl ended {record['finish_reason']!r} with {record['errors']} errors; "
        f"see {out.with_suffix('.log')}"
    )


def stats_path(feed: Path) -> Path:
    return feed.with_name(feed.stem + ".stats.json")


def run_record_path(feed: Path) -> Path:
    return feed.with_name(feed.stem + ".run.json")


def crawl_settings(
    out: Path,
    overrides: dict[str, Any] | None = None,
    jobdir: Path | None = None,
    progress: bool = False,
) -> Settings:
    """The crawl's settings. With ``jobdir``, the feed and quarantine are appended to: the
    job opened them (:func:`crawler.extensions.job_journal.open_job`, which :func:`crawl`
    calls first)."""
    settings = Settings()
    settings.setmodule(crawler_settings, priority="project")
    appending = jobdir is not None
    feed_options = {"format": "ndjson", "overwrite": not appending}
    settings.set("FEEDS", {str(out): feed_options}, priority="cmdline")
    settings.set("IOP_QUARANTINE_FILE", str(quarantine_path(out)), priority="cmdline")
    settings.set("IOP_QUARANTINE_APPEND", appending, priority="cmdline")
    settings.set("HTTPCACHE_DIR", str(VAR_DIR / "httpcache"), priority="project")
    if jobdir is not None:
        # Not Scrapy's JOBDIR: its queue and seen-set disagree with the feed after a kill.
        settings.set("IOP_JOBDIR", str(jobdir), priority="cmdline")
    if progress:
        settings.set("IOP_PROGRESS", True, priority="cmdline")
        settings.set("LOG_FILE", str(out.with_suffix(".log")), priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


# A spider that reads a whole site before it yields anything: a page journal would record
# pages as done whose facts were never written, and a resume would build facilities from the
# pages left. Such a crawl is short: it is run again whole.
NOT_RESUMABLE = (
    "{spider} reads a whole website before it writes its facilities, so a stopped crawl "
    "cannot resume without losing facts; crawl it again without --jobdir"
)


def crawl(
    spider: str,
    out: Path,
    spider_args: dict[str, Any] | None = None,
    overrides: dict[str, Any] | None = None,
    jobdir: Path | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Crawl ``spider`` into ``out``; returns the run record (also saved next to the feed).

    With ``jobdir``, raises :class:`~crawler.extensions.job_journal.JobStateError` when the
    job cannot resume without losing listings."""
    out.parent.mkdir(parents=True, exist_ok=True)
    process = CrawlerProcess(crawl_settings(out, overrides, jobdir, progress))
    crawler = process.create_crawler(spider)
    if jobdir is not None and not getattr(crawler.spidercls, "resumable", True):
        raise JobStateError(NOT_RESUMABLE.format(spider=spider))
    job = open_job(jobdir, out, quarantine_path(out)) if jobdir is not None else None
    started_at = datetime.now(UTC)
    process.crawl(crawler, **(spider_args or {}))
    process.start()
    stats = {key: _jsonable(value) for key, value in (crawler.stats.get_stats() or {}).items()}
    stats_path(out).write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n")
    record = run_record(spider, out, stats, started_at)
    if job is not None and job.resuming:
        record["resumed"] = resumed_record(job)
    run_record_path(out).write_text(json.dumps(record, indent=2) + "\n")
    return record


def resumed_record(job: JobStart) -> dict[str, Any]:
    return {
        "unclean_stop": job.unclean_stop,
        "pages_finished": job.pages_finished,
        "listings_kept": job.listings_kept,
        "torn_lines_dropped": job.torn_lines_dropped,
    }


def run_record(
    spider: str, out: Path, stats: dict[str, Any], started_at: datetime
) -> dict[str, Any]:
    items, coverage = field_coverage(out)
    return {
        "spider": spider,
        "feed": str(out),
        "started_at": started_at.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(),
        "finish_reason": stats.get("finish_reason"),
        "items": items,
        "quarantined": stats.get("quarantine/records", 0),
        "errors": stats.get("log_count/ERROR", 0),
        "pages": stats.get("response_received_count", 0),
        "problems": {k: v for k, v in stats.items() if k.startswith("problems/")},
        "field_coverage": coverage,
    }


def field_coverage(feed: Path) -> tuple[int, dict[str, float]]:
    """How many facilities the feed holds and, per field path, the share that states it."""
    if not feed.exists():
        return 0, {}
    stated: Counter[str] = Counter()
    total = 0
    for facility in read_feed(feed):
        total += 1
        stated.update(facility.provenance.keys())
    return total, {path: round(n / total, 4) for path, n in sorted(stated.items())}


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, int | float | str | bool | type(None)) else str(value)
