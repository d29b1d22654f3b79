"""`iop index --incremental`: newer sightings win, older crawls change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from indexer import lifecycle
from indexer.feeds import FeedError
from indexer.incremental import IncrementalRefused, upsert_feed
from indexer.load import load_feeds
from iop.indices import ALIAS
from tests.indexer.conftest import seen, write_feed


def source(es: Elasticsearch, ref: str) -> dict:
    return es.get(index=ALIAS, id=seen(ref).id)["_source"]


@pytest.fixture
def indexed(es: Elasticsearch, tmp_path: Path) -> str:
    feed = write_feed(tmp_path / "full.ndjson", [seen("a", days_later=2), seen("b", days_later=2)])
    return load_feeds(es, [feed], progress=False).index


def test_an_older_feed_changes_nothing(es: Elasticsearch, tmp_path: Path, indexed: str) -> None:
    before = source(es, "a")
    older = write_feed(tmp_path / "old.ndjson", [seen("a", days_later=1, name="Old name")])

    report = upsert_feed(es, older, progress=False)

    assert (report.new, report.updated, report.older_ignored) == (0, 0, 1)
    assert source(es, "a") == before


def test_the_same_sighting_again_is_ignored_too(
    es: Elasticsearch, tmp_path: Path, indexed: str
) -> None:
    again = write_feed(tmp_path / "again.ndjson", [seen("a", days_later=2, name="Same time")])
    assert upsert_feed(es, again, progress=False).older_ignored == 1
    assert source(es, "a")["name"] == "Clinic a"


def test_a_newer_feed_updates_and_adds_keeping_first_seen(
    es: Elasticsearch, tmp_path: Path, indexed: str
) -> None:
    first_seen = source(es, "a")["first_seen"]
    newer = write_feed(
        tmp_path / "new.ndjson",
        [seen("a", days_later=5, name="New name"), seen("c", days_later=5)],
    )

    report = upsert_feed(es, newer, progress=False)

    assert (report.new, report.updated, report.older_ignored) == (1, 1, 0)
    updated = source(es, "a")
    assert updated["name"] == "New name"
    assert updated["first_seen"] == first_seen
    assert updated["last_seen"] > first_seen
    assert lifecycle.serving_index(es) == indexed
    assert es.count(index=ALIAS)["count"] == 3


def test_a_bad_line_anywhere_writes_nothing(
    es: Elasticsearch, tmp_path: Path, indexed: str
) -> None:
    feed = write_feed(tmp_path / "bad.ndjson", [seen("a", days_later=9, name="Too soon")])
    with feed.open("a") as out:
        out.write("{not json\n")
    with pytest.raises(FeedError, match=r"bad.ndjson:2: not JSON"):
        upsert_feed(es, feed, progress=False)
    assert source(es, "a")["name"] == "Clinic a"


def test_incremental_needs_a_full_index_first(es: Elasticsearch, tmp_path: Path) -> None:
    with pytest.raises(IncrementalRefused, match="run a full `iop index` first"):
        upsert_feed(es, write_feed(tmp_path / "a.ndjson", [seen("a")]), progress=False)
