"""`iop index`: a complete new index behind the alias, or no change at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from elasticsearch import BadRequestError, Elasticsearch

from indexer import lifecycle
from indexer.feeds import FeedError
from indexer.load import LoadRefused, load_feeds
from iop.indices import ALIAS, INDEX_PATTERN
from tests.factories import make_facility
from tests.indexer.conftest import seen, write_feed


def test_load_builds_a_new_index_and_flips_the_alias(es: Elasticsearch, tmp_path: Path) -> None:
    feed = write_feed(
        tmp_path / "a.ndjson", [make_facility(str(i), 35.0 + i / 100, -106.6) for i in range(5)]
    )
    first = load_feeds(es, [feed], progress=False)
    second = load_feeds(es, [feed], progress=False)

    assert second.previous == first.index
    assert lifecycle.serving_index(es) == second.index
    assert es.count(index=ALIAS)["count"] == 5
    assert es.indices.exists(index=first.index)  # kept for rollback
    assert (second.new, second.unchanged) == (0, 5)


def test_a_built_index_serves_durably(es: Elasticsearch, tmp_path: Path) -> None:
    """Built with the translog synced in the background, an index is committed to disk
    before it serves: a node that crashes right after the flip loses nothing."""
    feed = write_feed(tmp_path / "a.ndjson", [seen("a"), seen("b")])
    index = load_feeds(es, [feed], progress=False).index

    settings = es.indices.get_settings(index=index, flat_settings=True)[index]["settings"]
    assert settings["index.translog.durability"] == "request"
    assert settings["index.refresh_interval"] == "1s"
    segments = es.cat.segments(index=index, format="json")
    assert segments and all(segment["committed"] == "true" for segment in segments)


def test_older_indices_are_pruned_but_the_previous_one_is_kept(
    es: Elasticsearch, tmp_path: Path
) -> None:
    feed = write_feed(tmp_path / "a.ndjson", [seen("a"), seen("b")])
    reports = [load_feeds(es, [feed], progress=False) for _ in range(3)]

    assert lifecycle.facilities_indices(es) == [reports[1].index, reports[2].index]
    assert reports[2].pruned == [reports[0].index]


def test_rollback_flips_back_to_the_previous_index(es: Elasticsearch, tmp_path: Path) -> None:
    first = load_feeds(es, [write_feed(tmp_path / "1.ndjson", [seen("a")])], progress=False)
    second = load_feeds(
        es, [write_feed(tmp_path / "2.ndjson", [seen("a", name="Renamed")])], progress=False
    )

    assert lifecycle.rollback(es) == (second.index, first.index)
    assert lifecycle.serving_index(es) == first.index
    [hit] = es.search(index=ALIAS)["hits"]["hits"]
    assert hit["_source"]["name"] == "Clinic a"


def test_a_load_that_shrinks_past_tolerance_is_refused_unless_forced(
    es: Elasticsearch, tmp_path: Path
) -> None:
    everyone = [seen(f"f{i}") for i in range(10)]
    serving = load_feeds(es, [write_feed(tmp_path / "all.ndjson", everyone)], progress=False)
    half = write_feed(tmp_path / "half.ndjson", everyone[:5])

    with pytest.raises(LoadRefused, match="50% fewer than the 10 the last rebuild listed"):
        load_feeds(es, [half], progress=False)
    assert lifecycle.serving_index(es) == serving.index
    assert lifecycle.facilities_indices(es) == [serving.index]  # the refused index is gone

    forced = load_feeds(es, [half], progress=False, force=True)
    assert lifecycle.serving_index(es) == forced.index
    assert forced.fresh == 5
    assert forced.carried_over == 5  # kept, one refresh missed, never dropped silently


def test_replace_drops_what_the_feeds_do_not_list(es: Elasticsearch, tmp_path: Path) -> None:
    load_feeds(es, [write_feed(tmp_path / "1.ndjson", [seen("a"), seen("b")])], progress=False)
    report = load_feeds(
        es,
        [write_feed(tmp_path / "2.ndjson", [seen("a"), seen("c")])],
        progress=False,
        carry_over=False,
    )
    assert (report.documents, report.dropped) == (2, 1)


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
    assert lifecycle.facilities_indices(es) == [serving]


def test_a_facility_without_a_name_is_refused_with_its_line(
    es: Elasticsearch, tmp_path: Path
) -> None:
    nameless = seen("n")
    nameless.name = None
    feed = write_feed(tmp_path / "nameless.ndjson", [seen("a"), nameless])
    with pytest.raises(FeedError, match=r"nameless.ndjson:2: name: required"):
        load_feeds(es, [feed], progress=False)
    assert lifecycle.serving_index(es) is None


def test_a_serving_index_that_cannot_be_read_leaves_no_new_index_behind(
    es: Elasticsearch, tmp_path: Path
) -> None:
    """The new index is created while the serving one is read: when the reading fails, the
    new index goes too."""
    feed = write_feed(tmp_path / "a.ndjson", [seen("a"), seen("b")])
    serving = load_feeds(es, [feed], progress=False).index
    es.indices.close(index=serving)
    try:
        with pytest.raises(BadRequestError, match="index_closed_exception"):
            load_feeds(es, [feed], progress=False)
        left = es.indices.get(index=INDEX_PATTERN, expand_wildcards="all")
        assert list(left) == [serving]
    finally:
        es.indices.open(index=serving)
