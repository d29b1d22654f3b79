"""`iop refresh`: searches never fail or come back empty; a failed refresh changes nothing.

The crawl step is the one thing swapped: it writes prepared feeds and a run record, as
`iop crawl --all` does. Elasticsearch is real throughout.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from indexer import lifecycle
from indexer.load import load_feeds
from indexer.refresh import CrawlStep, RefreshFailed, refresh
from indexer.runs import recent_runs
from indexer.settings import IndexerSettings
from indexer.summary import render
from iop.facility import Facility, Phone, PhoneKind
from iop.indices import ALIAS
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
                    response = client.search(index=ALIAS, query=query, size=5)
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
    assert es.count(index=ALIAS)["count"] == 20
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


def crawl_listing(facilities: list[Facility], **sources: dict[str, Any]) -> CrawlStep:
    """A crawl whose run record says what each source listed (and how its crawl ended)."""

    def crawl(feeds_dir: Path) -> None:
        records = {
            name: {"items": 0, "quarantined": 0, "errors": 0, "field_coverage": {}} | record
            for name, record in sources.items()
        }
        write_crawl(feeds_dir, facilities, records)

    return crawl


def test_a_source_that_shrank_is_refused_in_words_before_anything_is_rebuilt(
    es: Elasticsearch, tmp_path: Path
) -> None:
    first = crawl_listing(directory(20), findtreatment={"items": 12_200}, dmhiop={"items": 1})
    refresh(es, tmp_path / "1", first, progress=False, settings=SETTINGS)
    serving = lifecycle.serving_index(es)

    shrunk = crawl_listing(
        directory(20, days_later=1), findtreatment={"items": 257}, dmhiop={"items": 1}
    )
    with pytest.raises(RefreshFailed) as refused:
        refresh(es, tmp_path / "2", shrunk, progress=False, settings=SETTINGS)

    assert str(refused.value) == (
        "findtreatment listed 257, last run 12,200: \N{MINUS SIGN}98%; --force to accept"
    )
    assert lifecycle.facilities_indices(es) == [serving]  # no index was even built
    latest = recent_runs(es)[0]
    assert (latest["status"], latest["error"]) == ("failed", str(refused.value))
    assert [s["items"] for s in latest["sources"]] == [1, 257]
    assert "findtreatment listed 257" in render(latest)

    forced = refresh(es, tmp_path / "3", shrunk, force=True, progress=False, settings=SETTINGS)
    assert forced["status"] == "succeeded"
    assert lifecycle.serving_index(es) != serving
    # The forced run is the new baseline: the same yield again passes.
    again = crawl_listing(
        directory(20, days_later=2), findtreatment={"items": 257}, dmhiop={"items": 1}
    )
    refresh(es, tmp_path / "4", again, progress=False, settings=SETTINGS)


def test_a_failed_source_fails_the_refresh_naming_it_and_why(
    es: Elasticsearch, tmp_path: Path
) -> None:
    refresh(es, tmp_path / "1", crawl_of(directory(5)), progress=False, settings=SETTINGS)
    serving = lifecycle.serving_index(es)
    dead = crawl_listing(
        directory(5, days_later=1),
        test={"items": 5},
        findtreatment={
            "exit_code": 1,
            "errors": 2,
            "finish_reason": "unreachable: DNS lookup failed for findtreatment.invalid",
        },
    )

    with pytest.raises(RefreshFailed) as failed:
        refresh(es, tmp_path / "2", dead, progress=False, settings=SETTINGS)

    message = str(failed.value)
    assert message.startswith(
        "findtreatment failed: unreachable: DNS lookup failed for findtreatment.invalid"
    )
    assert message.endswith("--force to rebuild without it")
    assert lifecycle.facilities_indices(es) == [serving]
    forced = refresh(es, tmp_path / "3", dead, force=True, progress=False, settings=SETTINGS)
    [findtreatment] = [s for s in forced["sources"] if s["source"] == "findtreatment"]
    assert not findtreatment["crawled"]
    assert "NOT COUNTED: failed or yielded nothing (unreachable: DNS lookup" in render(forced)


def test_the_summary_lists_each_change_with_the_fields_that_changed(
    es: Elasticsearch, tmp_path: Path
) -> None:
    first = [*directory(4), seen("gone-stale", **{"levels_of_care.iop": True})]
    refresh(es, tmp_path / "1", crawl_of(first), progress=False, settings=SETTINGS)
    second = [
        *directory(3, days_later=1),
        seen(
            "f0003",
            days_later=1,
            **{
                "levels_of_care.iop": True,
                "medications.mat_methadone": True,
                "phones": [Phone(number="+15055550199", kind=PhoneKind.INTAKE)],
            },
        ),
        seen("newcomer", days_later=1, name="Newcomer IOP", operator="County of Bernalillo"),
    ]
    refresh(es, tmp_path / "2", crawl_of(second), progress=False, settings=SETTINGS)
    third = refresh(es, tmp_path / "3", crawl_of(second), progress=False, settings=SETTINGS)
    assert third["changes"]["counts"] == {"new": 0, "changed": 0, "back": 0, "stale": 1}
    fourth = refresh(
        es, tmp_path / "4", crawl_of([*second, *first[-1:]]), progress=False, settings=SETTINGS
    )

    second_run = recent_runs(es)[2]
    changes = second_run["changes"]
    assert changes["counts"] == {"new": 1, "changed": 1, "back": 0, "stale": 0}
    assert changes["listed"] == [
        {
            "id": second[-1].id,
            "change": "new",
            "name": "Newcomer IOP \N{EM DASH} County of Bernalillo",
        },
        {
            "id": second[3].id,
            "change": "changed",
            "name": "Clinic f0003",
            "fields": ["medications.mat_methadone", "phones"],
        },
    ]
    assert changes["more"] == 0
    text = render(second_run)
    assert f"changed  {second[3].id}  Clinic f0003: medications.mat_methadone, phones" in text
    assert fourth["changes"]["listed"] == [
        {"id": first[-1].id, "change": "back", "name": "Clinic gone-stale", "fields": []}
    ]


def test_a_summary_lists_at_most_500_changes_and_counts_them_all(
    es: Elasticsearch, tmp_path: Path
) -> None:
    many = directory(620)
    summary = refresh(es, tmp_path / "1", crawl_of(many), progress=False, settings=SETTINGS)
    changes = summary["changes"]
    assert changes["counts"]["new"] == 620
    assert (len(changes["listed"]), changes["more"]) == (500, 120)
    assert "… and 120 more" in render(summary)


def test_a_refresh_keeps_an_index_a_point_in_time_reads_until_a_later_one(
    es: Elasticsearch, tmp_path: Path
) -> None:
    first = refresh(es, tmp_path / "feeds", crawl_of(directory(30)), progress=False)
    read = lifecycle.serving_index(es)
    assert read is not None and first["status"] == "succeeded"
    # An export (another process, say) reads the serving index from a point in time.
    pit = es.open_point_in_time(index=ALIAS, keep_alive="1m")["id"]
    try:
        for _ in range(2):  # now neither serving nor the previous one: a prune deletes it...
            refresh(es, tmp_path / "feeds", crawl_of(directory(30)), progress=False)
        assert read in lifecycle.facilities_indices(es)  # ...but not while it is read
        assert es.search(pit={"id": pit}, size=100)["hits"]["hits"]  # the reader reads on
    finally:
        es.close_point_in_time(id=pit)
    refresh(es, tmp_path / "feeds", crawl_of(directory(30)), progress=False)
    assert read not in lifecycle.facilities_indices(es)  # the next refresh prunes it
    assert len(lifecycle.facilities_indices(es)) == 2
