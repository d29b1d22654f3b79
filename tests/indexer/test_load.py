"""`iop index`: a complete new index behind the alias, or no change at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from indexer import lifecycle
from indexer.feeds import FeedError
from indexer.load import load_feeds
from tests.factories import make_facility


def write_feed(path: Path, facilities) -> Path:
    path.write_text("".join(f.model_dump_json() + "\n" for f in facilities))
    return path


def test_load_builds_a_new_index_and_flips_the_alias(es: Elasticsearch, tmp_path: Path) -> None:
    feed = write_feed(
        tmp_path / "a.ndjson", [make_facility(str(i), 35.0 + i / 100, -106.6) for i in range(5)]
    )
    first = load_feeds(es, [feed], progress=False)
    second = load_feeds(es, [feed], progress=False)

    assert second.previous == first.index
    assert lifecycle.serving_index(es) == second.index
    assert es.count(index=lifecycle.ALIAS)["count"] == 5
    assert es.indices.exists(index=first.index)  # kept for rollback


def test_a_bad_feed_line_names_file_and_line_and_changes_nothing(
    es: Elasticsearch, tmp_path: Path
) -> None:
    good = write_feed(tmp_path / "good.ndjson", [make_facility("g", 35.0, -106.6)])
    load_feeds(es, [good], progress=False)
    serving = lifecycle.serving_index(es)

    bad = tmp_path / "bad.ndjson"
    lines = (
        good.read_text()
        + '{"id": "x", "location": {"lat": 123, "lon": 0, "precision": "street"}}\n'
    )
    bad.write_text(lines)
    with pytest.raises(FeedError) as error:
        load_feeds(es, [bad], progress=False)
    assert str(error.value).startswith(f"{bad}:2: location.lat")
    assert lifecycle.serving_index(es) == serving
