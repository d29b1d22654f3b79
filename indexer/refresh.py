"""``iop refresh``: crawl every source, rebuild the index with its checks, record a summary.

The crawl step is a callable so it can be swapped (tests give one that writes prepared
feeds); the default runs ``iop crawl --all`` in its own process. Whatever fails, nothing is
half-applied: the new index is dropped and the alias keeps pointing at the previous one. Every
refresh, failed or not, is recorded in the ``crawl_runs`` index.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from elasticsearch import Elasticsearch, TransportError

from indexer.load import load_feeds
from indexer.runs import last_successful_run, save_run
from indexer.settings import IndexerSettings
from indexer.summary import summarize

MERGED_FEED = "facilities.ndjson"
RUN_RECORD = "run.json"

CrawlStep = Callable[[Path], None]


class RefreshFailed(RuntimeError):
    def __init__(self, message: str, summary: dict[str, Any]) -> None:
        super().__init__(message)
        self.summary = summary


def crawl_all_sources(extra_args: Sequence[str] = ()) -> CrawlStep:
    """The real crawl: ``iop crawl --all --feeds-dir DIR`` in its own process."""

    def crawl(feeds_dir: Path) -> None:
        command = [sys.executable, "-m", "iop.cli", "crawl", "--all", "--feeds-dir"]
        # A source that fails is in the run record and is not counted; only a crawl that
        # wrote no run record at all fails the refresh (checked by the caller).
        subprocess.run([*command, str(feeds_dir), *extra_args], check=False)

    return crawl


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
    try:
        crawl(feeds_dir)
        run = read_run_record(feeds_dir, started.replace(microsecond=0))
        crawled = crawled_sources(run)
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
    except Exception as error:  # the crawl, a feed line, a check: recorded, then raised
        record |= {
            "finished_at": datetime.now(UTC).isoformat(),
            "status": "failed",
            "error": str(error),
        }
        save_run(es, record)
        raise RefreshFailed(str(error), record) from error
    record |= summarize(report, run, last, crawled, settings.coverage_drop_alert)
    record |= {"finished_at": datetime.now(UTC).isoformat(), "status": "succeeded"}
    save_run(es, record)
    return record
