"""``iop refresh``: crawl every source, rebuild the index with its checks, record a summary.

The crawl step is a callable the caller gives (``iop refresh`` runs ``iop crawl --all`` in its
own process; tests give one that writes prepared feeds). Before anything is rebuilt,
the crawl is checked source by source: a source whose crawl failed (unreachable, say) fails
the refresh with its name and the reason, and so does one that listed far fewer facilities
than in the last good run (``IOP_COUNT_TOLERANCE``), with the drop in words; ``force``
accepts both. Whatever fails, nothing is half-applied: the new index is dropped and the alias
keeps pointing at the previous one. Every refresh, failed or not, is recorded in the
``crawl_runs`` index, a good one with what changed, facility by facility
(:mod:`indexer.changes`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from elasticsearch import Elasticsearch, TransportError

from indexer import lifecycle, snapshot
from indexer.changes import changes
from indexer.load import load_feeds
from indexer.previous import PreviousIndex
from indexer.runs import last_successful_run, save_run
from indexer.settings import IndexerSettings
from indexer.summary import quarantine_sample, source_summaries, summarize
from iop.feeds import quarantine_path

MERGED_FEED = "facilities.ndjson"
RUN_RECORD = "run.json"

CrawlStep = Callable[[Path], None]


class RefreshFailed(RuntimeError):
    def __init__(self, message: str, summary: dict[str, Any]) -> None:
        super().__init__(message)
        self.summary = summary


def read_run_record(feeds_dir: Path, since: datetime) -> dict[str, Any]:
    path = feeds_dir / RUN_RECORD
    if not path.exists() or datetime.fromtimestamp(path.stat().st_mtime, UTC) < since:
        raise RuntimeError(f"the crawl wrote no run record ({path}); see the crawl's output")
    try:
        run: dict[str, Any] = json.loads(path.read_text())
    except json.JSONDecodeError as error:
        raise RuntimeError(f"{path}: not JSON ({error})") from None
    return run


def crawled_sources(run: dict[str, Any]) -> set[str]:
    """Sources that finished and listed something: only their missing facilities age."""
    return {
        name
        for name, record in run.get("sources", {}).items()
        if not record.get("exit_code") and record.get("items", 0) > 0
    }


def why_failed(record: dict[str, Any]) -> str | None:
    """Why a source's crawl failed, in words (``None``: it did not)."""
    reason = record.get("finish_reason")
    if reason is not None and reason != "finished":
        return str(reason)
    if not record.get("exit_code"):
        return None
    if reason is None:
        return f"its crawl exited with code {record['exit_code']} and wrote no run record"
    return f"{record.get('errors', 0)} errors"


def failed_sources(run: dict[str, Any], feeds_dir: Path) -> list[str]:
    """For each source whose crawl failed, why: ``findtreatment failed: unreachable: DNS lookup
    failed for findtreatment.invalid (see feeds/findtreatment.log)``."""
    failed = []
    for name, record in sorted(run.get("sources", {}).items()):
        reason = why_failed(record)
        if reason is not None:
            failed.append(f"{name} failed: {reason} (see {feeds_dir / name}.log)")
    return failed


def _percent(change: float) -> str:
    return f"{change:+.0%}".replace("-", "\N{MINUS SIGN}")


def shrunken_sources(
    run: dict[str, Any], last: dict[str, Any] | None, tolerance: float
) -> list[str]:
    """For each source that listed more than ``tolerance`` fewer facilities than in the last
    good run, the drop in words: ``findtreatment listed 257, last run 12,200: \N{MINUS SIGN}98%``
    (a minus sign, as printed)."""
    before = {entry["source"]: entry for entry in (last or {}).get("sources", [])}
    shrunk = []
    for name, record in sorted(run.get("sources", {}).items()):
        items, previous = record.get("items", 0), before.get(name, {}).get("items")
        if why_failed(record) is None and previous and items < (1 - tolerance) * previous:
            change = _percent((items - previous) / previous)
            shrunk.append(f"{name} listed {items:,}, last run {previous:,}: {change}")
    return shrunk


def check_sources(
    run: dict[str, Any],
    last: dict[str, Any] | None,
    feeds_dir: Path,
    tolerance: float,
    force: bool,
) -> None:
    """Refuse a crawl a source failed or shrank in, before anything is rebuilt (unless forced)."""
    if force:
        return
    failed = failed_sources(run, feeds_dir)
    if failed:
        them = "them" if len(failed) > 1 else "it"
        raise RuntimeError("; ".join(failed) + f"; --force to rebuild without {them}")
    shrunk = shrunken_sources(run, last, tolerance)
    if shrunk:
        raise RuntimeError("; ".join(shrunk) + "; --force to accept")


def refresh(
    es: Elasticsearch,
    feeds_dir: Path,
    crawl: CrawlStep,
    *,
    force: bool = False,
    progress: bool = True,
    settings: IndexerSettings | None = None,
) -> dict[str, Any]:
    """Crawl, rebuild and record; returns the summary, or raises :class:`RefreshFailed`."""
    settings = settings or IndexerSettings()
    started = datetime.now(UTC)
    record: dict[str, Any] = {
        "run_id": started.strftime("%Y%m%dT%H%M%S%fZ"),
        "started_at": started.isoformat(),
    }
    last = last_successful_run(es)
    feeds_dir.mkdir(parents=True, exist_ok=True)
    run: dict[str, Any] | None = None
    try:
        crawl(feeds_dir)
        run = read_run_record(feeds_dir, started.replace(microsecond=0))
        for name, source in run.get("sources", {}).items():
            feed = feeds_dir / f"{name}.ndjson"
            source["quarantine_sample"] = quarantine_sample(quarantine_path(feed))
        check_sources(run, last, feeds_dir, settings.count_tolerance, force)
        crawled = crawled_sources(run)
        before = snapshot.previous_of(es, lifecycle.serving_index(es), settings.snapshot_dir)
        report = load_feeds(
            es,
            [feeds_dir / MERGED_FEED],
            progress=progress,
            force=force,
            crawled_sources=crawled,
            settings=settings,
        )
    except TransportError:
        raise  # Elasticsearch is unreachable: there is nowhere to record the run either
    except Exception as error:  # the crawl, a source, a feed line, a check: recorded, raised
        record |= {
            "finished_at": datetime.now(UTC).isoformat(),
            "status": "failed",
            "error": str(error),
        }
        if run is not None:
            record["sources"] = source_summaries(
                run, last, crawled_sources(run), settings.coverage_drop_alert
            )[0]
        save_run(es, record)
        raise RefreshFailed(str(error), record) from error
    record |= summarize(report, run, last, crawled, settings.coverage_drop_alert)
    record["changes"] = _changes(es, before, report.index, settings)
    record |= {"finished_at": datetime.now(UTC).isoformat(), "status": "succeeded"}
    save_run(es, record)
    return record


def _changes(
    es: Elasticsearch, before: PreviousIndex, index: str, settings: IndexerSettings
) -> dict[str, Any]:
    """What changed, facility by facility; the new index serves already, so a failure to list
    the changes is recorded in their place rather than failing the refresh."""
    try:
        return changes(es, before, snapshot.previous_of(es, index, settings.snapshot_dir))
    except TransportError:
        raise
    except Exception as error:
        return {"error": f"the changes could not be listed: {error}"}
