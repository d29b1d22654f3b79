"""`iop refresh`: searches never fail or come back empty; a failed refresh changes nothing.

The crawl step is the one thing swapped: it writes prepared feeds and a run record, as
`iop crawl --all` does. Elasticsearch is real throughout.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from indexer import lifecycle
from indexer.load import load_feeds
from indexer.refresh import CrawlStep, RefreshFailed, refresh
from indexer.runs import recent_runs
from indexer.settings import IndexerSettings
from indexer.summary import render
from iop.facility import Facility
from tests.indexer.conftest import seen, write_crawl, write_feed

SETTINGS = IndexerSettings(stale_after_refreshes=2, bulk_chunk_documents=50)
MAX_SEARCHES = 20_000


def crawl_of(
    facilities: list[Facility], coverage: float = 1.0, bad_line: str | None = None
) -> CrawlStep:
    def crawl(feeds_dir: Path) -> None:
        sources = {
            "test": {
                "items": len(facilities),
                "quarantined": 1,
                "errors": 0,
                "field_coverage": {"name": 1.0, "phones": coverage},
            }
        }
        write_crawl(feeds_dir, facilities, sources, bad_line)

    return crawl


def directory(size: int, days_later: int = 0) -> list[Facility]:
    return [
        seen(f"f{n:04d}", days_later=days_later, **{"levels_of_care.iop": True})
        for n in range(size)
    ]


def test_searches_during_rebuilds_never_fail_and_never_come_back_empty(
    es: Elasticsearch, elasticsearch_url: str, tmp_path: Path
) -> None:
    load_feeds(es, [write_feed(tmp_path / "first.ndjson", directory(400))], progress=False)
    done = threading.Event()
    outcomes = {"searches": 0, "failed": 0, "empty": 0}

    def search_continuously() -> None:
        client = Elasticsearch(elasticsearch_url, request_timeout=30)
        wanted = [{"term": {"status": "active"}}, {"term": {"services_offered": "iop"}}]
        query = {"bool": {"filter": wanted}}
        try:
            while not done.is_set() and outcomes["searches"] < MAX_SEARCHES:
                outcomes["searches"] += 1
                try:
                    response = client.search(index=lifecycle.ALIAS, query=query, size=5)
                except Exception:
                    outcomes["failed"] += 1
                    continue
                if not response["hits"]["hits"]:
                    outcomes["empty"] += 1
        finally:
            client.close()

    searcher = threading.Thread(target=search_continuously)
    searcher.start()
    try:
        for day in range(1, 4):
            crawl = crawl_of(directory(400, days_later=day))
            refresh(es, tmp_path / f"feeds{day}", crawl, progress=False, settings=SETTINGS)
    finally:
        done.set()
        searcher.join()

    assert outcomes["searches"] > 0
    assert (outcomes["failed"], outcomes["empty"]) == (0, 0)


def test_a_refresh_with_a_bad_feed_line_leaves_the_previous_index_serving(
    es: Elasticsearch, tmp_path: Path
) -> None:
    refresh(es, tmp_path / "good", crawl_of(directory(20)), progress=False, settings=SETTINGS)
    serving = lifecycle.serving_index(es)

    broken = crawl_of(directory(20, days_later=1), bad_line='{"id": "half a record"')
    with pytest.raises(RefreshFailed, match=r"facilities.ndjson:21: not JSON"):
        refresh(es, tmp_path / "bad", broken, progress=False, settings=SETTINGS)

    assert lifecycle.serving_index(es) == serving
    assert lifecycle.facilities_indices(es) == [serving]
    assert es.count(index=lifecycle.ALIAS)["count"] == 20
    latest = recent_runs(es)[0]
    assert latest["status"] == "failed"
    assert "facilities.ndjson:21" in latest["error"]


def test_a_crawl_that_fails_changes_nothing_and_is_recorded(
    es: Elasticsearch, tmp_path: Path
) -> None:
    refresh(es, tmp_path / "good", crawl_of(directory(5)), progress=False, settings=SETTINGS)
    serving = lifecycle.serving_index(es)

    def crawl_that_dies(feeds_dir: Path) -> None:
        raise RuntimeError("crawler crashed")

    with pytest.raises(RefreshFailed, match="crawler crashed"):
        refresh(es, tmp_path / "next", crawl_that_dies, progress=False, settings=SETTINGS)
    assert lifecycle.serving_index(es) == serving
    assert [run["status"] for run in recent_runs(es)] == ["failed", "succeeded"]


def test_the_summary_says_what_changed_against_the_last_run(
    es: Elasticsearch, tmp_path: Path
) -> None:
    first = directory(10)
    refresh(es, tmp_path / "1", crawl_of(first), progress=False, settings=SETTINGS)

    second = [
        *directory(8, days_later=1)[:7],
        seen("f0007", days_later=1, name="Renamed", **{"levels_of_care.iop": True}),
        seen("newcomer", days_later=1),
    ]
    summary = refresh(
        es, tmp_path / "2", crawl_of(second, coverage=0.5), progress=False, settings=SETTINGS
    )

    facilities = summary["facilities"]
    assert facilities["new"] == 1
    assert facilities["changed"] == 1
    assert facilities["unchanged"] == 7
    assert facilities["carried_over"] == 2
    assert facilities["total"] == 11
    assert facilities["quarantined"] == 1
    [source] = summary["sources"]
    assert (source["items"], source["previous_items"]) == (9, 10)
    assert summary["coverage_drops"] == [
        {"source": "test", "field": "phones", "previous": 1.0, "current": 0.5}
    ]
    text = render(summary)
    assert "1 new, 1 changed" in text
    assert "test: 9 listed (-10% vs 10)" in text
    assert "coverage dropped: test phones 100% → 50%" in text

    # Missing from two refreshes in a row (the setting here): f0008 and f0009 are stale, kept.
    third = refresh(es, tmp_path / "3", crawl_of(second), progress=False, settings=SETTINGS)
    assert (third["facilities"]["newly_stale"], third["facilities"]["stale"]) == (2, 2)
    fourth = refresh(es, tmp_path / "4", crawl_of(second), progress=False, settings=SETTINGS)
    assert (fourth["facilities"]["newly_stale"], fourth["facilities"]["stale"]) == (0, 2)
    assert fourth["facilities"]["total"] == 11
