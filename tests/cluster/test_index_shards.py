"""The shards and replicas of new indices come from the indexer's settings (real node)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from indexer import lifecycle
from indexer.load import load_feeds
from indexer.settings import IndexerSettings
from iop.indices import RUNS_INDEX
from tests.factories import make_facility
from tests.indexer.conftest import write_feed

pytestmark = pytest.mark.elasticsearch


@pytest.fixture(autouse=True)
def empty_directory(es: Elasticsearch) -> Iterator[None]:
    lifecycle.drop_all(es)
    yield
    lifecycle.drop_all(es)  # an index with replicas a single node cannot place is yellow


def shards_of(es: Elasticsearch, index: str) -> tuple[int, int]:
    settings = es.indices.get_settings(index=index, flat_settings=True)[index]["settings"]
    return int(settings["index.number_of_shards"]), int(settings["index.number_of_replicas"])


def test_by_default_an_index_has_one_shard_and_no_replica(
    es: Elasticsearch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("IOP_NUMBER_OF_SHARDS", raising=False)
    monkeypatch.delenv("IOP_NUMBER_OF_REPLICAS", raising=False)
    assert shards_of(es, lifecycle.create_index(es)) == (1, 0)


def test_a_rebuild_creates_its_index_with_the_configured_shards_and_replicas(
    es: Elasticsearch, tmp_path: Path
) -> None:
    settings = IndexerSettings(
        number_of_shards=2, number_of_replicas=1, snapshot_dir=tmp_path / "snapshots"
    )
    feed = write_feed(
        tmp_path / "a.ndjson", [make_facility(str(i), 35.0 + i / 100, -106.6) for i in range(4)]
    )
    report = load_feeds(es, [feed], progress=False, settings=settings)

    assert shards_of(es, report.index) == (2, 1)
    assert es.count(index=report.index)["count"] == 4


def test_the_settings_come_from_the_environment(
    es: Elasticsearch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IOP_NUMBER_OF_SHARDS", "3")
    monkeypatch.setenv("IOP_NUMBER_OF_REPLICAS", "2")
    assert shards_of(es, lifecycle.create_index(es)) == (3, 2)
    # The refresh records keep as many copies; they are one small shard.
    assert shards_of(es, lifecycle.ensure_runs_index(es)) == (1, 2)
    es.indices.delete(index=RUNS_INDEX)


@pytest.mark.parametrize("variable, value", [("SHARDS", "0"), ("REPLICAS", "-1")])
def test_impossible_counts_are_refused_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(f"IOP_NUMBER_OF_{variable}", value)
    with pytest.raises(ValueError, match=f"number_of_{variable.lower()}"):
        IndexerSettings()
