"""Freshness: first_seen survives rebuilds; missing facilities go stale, never vanish."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from elasticsearch import Elasticsearch

from indexer.load import load_feeds
from indexer.settings import IndexerSettings
from iop.documents import to_document
from iop.indices import ALIAS
from tests.indexer.conftest import seen, write_feed

SETTINGS = IndexerSettings(stale_after_refreshes=3, count_tolerance=1.0)


def indexed(es: Elasticsearch, ref: str) -> dict:
    return es.get(index=ALIAS, id=seen(ref).id)["_source"]


def active_ids(es: Elasticsearch) -> set[str]:
    response = es.search(index=ALIAS, query={"term": {"status": "active"}}, size=100, source=False)
    return {hit["_id"] for hit in response["hits"]["hits"]}


def rebuild(es: Elasticsearch, tmp_path: Path, facilities: list, **options) -> None:
    feed = write_feed(tmp_path / "feed.ndjson", facilities)
    load_feeds(es, [feed], progress=False, settings=SETTINGS, **options)


def test_a_rebuild_keeps_when_a_facility_was_first_seen(es: Elasticsearch, tmp_path: Path) -> None:
    rebuild(es, tmp_path, [seen("a", days_later=0)])
    rebuild(es, tmp_path, [seen("a", days_later=7)])

    document = indexed(es, "a")
    assert document["first_seen"].startswith("2026-11-20")
    assert document["last_seen"].startswith("2026-11-27")


def test_a_dropped_facility_goes_stale_after_n_refreshes_and_is_never_deleted(
    es: Elasticsearch, tmp_path: Path
) -> None:
    rebuild(es, tmp_path, [seen("kept"), seen("dropped")])
    for refresh in range(1, 6):
        rebuild(es, tmp_path, [seen("kept", days_later=refresh)])
        dropped = indexed(es, "dropped")
        assert dropped["missed_refreshes"] == refresh
        assert dropped["status"] == ("stale" if refresh >= 3 else "active")
    assert active_ids(es) == {seen("kept").id}


def test_a_stale_facility_listed_again_is_active_again(es: Elasticsearch, tmp_path: Path) -> None:
    rebuild(es, tmp_path, [seen("kept"), seen("back")])
    for refresh in range(1, 4):
        rebuild(es, tmp_path, [seen("kept", days_later=refresh)])
    rebuild(es, tmp_path, [seen("kept", days_later=4), seen("back", days_later=4)])

    back = indexed(es, "back")
    assert (back["status"], back["missed_refreshes"]) == ("active", 0)
    assert back["first_seen"].startswith("2026-11-20")


def test_only_refreshes_that_crawled_its_sources_count_against_a_facility(
    es: Elasticsearch, tmp_path: Path
) -> None:
    rebuild(es, tmp_path, [seen("ours"), seen("theirs", source="other_site")])
    for refresh in range(1, 5):
        rebuild(es, tmp_path, [seen("ours", days_later=refresh)])
    assert indexed(es, "theirs")["missed_refreshes"] == 0

    rebuild(es, tmp_path, [seen("ours", days_later=5)], crawled_sources={"other_site"})
    assert indexed(es, "theirs")["missed_refreshes"] == 1


def test_old_availability_is_shown_but_marked_not_current() -> None:
    today = datetime.now(UTC).date()
    fresh = seen(
        "fresh",
        **{"availability.days_to_intake": 3, "availability.as_of": today - timedelta(days=5)},
    )
    old = seen(
        "old",
        **{"availability.days_to_intake": 2, "availability.as_of": today - timedelta(days=40)},
    )
    unstated = seen("unstated")

    fresh_document = to_document(fresh, today=today, max_age_days=30)
    old_document = to_document(old, today=today, max_age_days=30)
    assert fresh_document["availability_is_current"] is True
    assert fresh_document["availability_current_days_to_intake"] == 3
    assert old_document["availability_is_current"] is False
    assert "availability_current_days_to_intake" not in old_document
    assert old_document["availability"]["days_to_intake"] == 2  # still visible, with its date
    assert "availability_is_current" not in to_document(unstated)


def test_availability_currency_is_indexed_for_ranking(es: Elasticsearch, tmp_path: Path) -> None:
    today = datetime.now(UTC).date()
    rebuild(
        es,
        tmp_path,
        [
            seen("f", **{"availability.days_to_intake": 3, "availability.as_of": today}),
            seen("o", **{"availability.days_to_intake": 2, "availability.as_of": date_ago(60)}),
        ],
    )
    response = es.search(
        index=ALIAS, query={"range": {"availability_current_days_to_intake": {"lte": 5}}}
    )
    assert [hit["_id"] for hit in response["hits"]["hits"]] == [seen("f").id]


def date_ago(days: int):
    return datetime.now(UTC).date() - timedelta(days=days)


def test_a_facility_merged_into_another_is_superseded_not_kept(
    es: Elasticsearch, tmp_path: Path
) -> None:
    first, second = seen("first"), seen("second")
    rebuild(es, tmp_path, [first, second])
    # Entity resolution now finds both listings are one site: one facility carries both.
    merged = seen("first", days_later=1)
    merged.sources = [*merged.sources, *seen("second", days_later=1).sources]
    feed = write_feed(tmp_path / "feed.ndjson", [merged])
    report = load_feeds(es, [feed], progress=False, settings=SETTINGS)

    assert report.superseded == 1
    assert report.carried_over == 0
    assert es.count(index=ALIAS)["count"] == 1
