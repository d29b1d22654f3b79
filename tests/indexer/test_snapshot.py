"""A rebuild keeps what it wrote, so the next one need not scan the index back; it scans
whenever anything has written to the index since, or the kept file cannot be read."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from elasticsearch import Elasticsearch

from indexer import lifecycle, snapshot
from indexer.incremental import upsert_feed
from indexer.load import load_feeds
from indexer.previous import PreviousIndex, read_previous
from indexer.settings import IndexerSettings
from tests.indexer.conftest import seen, write_feed


def _settings(tmp_path: Path) -> IndexerSettings:
    return IndexerSettings(
        snapshot_dir=tmp_path / "snapshots", count_tolerance=1.0, stale_after_refreshes=2
    )


def _rebuild(
    es: Elasticsearch, tmp_path: Path, settings: IndexerSettings, facilities: list
) -> None:
    feed = write_feed(tmp_path / "feed.ndjson", facilities)
    load_feeds(es, [feed], progress=False, settings=settings)


def _same(kept: PreviousIndex, scanned: PreviousIndex) -> bool:
    return (
        kept.name == scanned.name
        and kept.listed_count == scanned.listed_count
        and np.array_equal(kept.ids, scanned.ids)
        and np.array_equal(kept.first_seen_ms, scanned.first_seen_ms)
        and np.array_equal(kept.fingerprint, scanned.fingerprint)
        and np.array_equal(kept.content_changed_ms, scanned.content_changed_ms)
        and np.array_equal(kept.stale, scanned.stale)
    )


def test_what_a_rebuild_keeps_is_what_a_scan_of_its_index_reads(
    es: Elasticsearch, tmp_path: Path
) -> None:
    settings = _settings(tmp_path)
    odd = seen("odd")  # first seen at a moment finer than Elasticsearch's milliseconds
    odd.first_seen = datetime(2026, 11, 20, 8, 30, 15, 123999, tzinfo=UTC)
    _rebuild(es, tmp_path, settings, [seen("a"), odd, seen("dropped")])
    # "dropped" is carried over twice: one refresh missed, then stale.
    for days in (1, 2):
        _rebuild(es, tmp_path, settings, [seen("a", days_later=days), odd])

    serving = lifecycle.serving_index(es)
    assert serving is not None
    kept = snapshot.load(es, settings.snapshot_dir, serving)
    assert kept is not None
    assert _same(kept, read_previous(es, serving))
    assert (len(kept), kept.listed_count) == (3, 2)  # the stale one is not listed
    assert [path.name for path in settings.snapshot_dir.iterdir()] == [f"{serving}.npz"]


def test_a_write_to_the_index_since_its_rebuild_makes_the_next_rebuild_scan_it(
    es: Elasticsearch, tmp_path: Path
) -> None:
    settings = _settings(tmp_path)
    _rebuild(es, tmp_path, settings, [seen("a"), seen("b")])
    renamed = seen("b", days_later=3, name="Renamed")
    upsert_feed(es, write_feed(tmp_path / "newer.ndjson", [renamed]), progress=False)

    serving = lifecycle.serving_index(es)
    assert serving is not None
    assert snapshot.load(es, settings.snapshot_dir, serving) is None
    feed = write_feed(tmp_path / "feed.ndjson", [seen("a"), renamed])
    report = load_feeds(es, [feed], progress=False, settings=settings)
    # Compared with the index as it is now: the rename is already there.
    assert (report.changed, report.unchanged) == (0, 2)


def test_an_unreadable_snapshot_is_ignored(es: Elasticsearch, tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _rebuild(es, tmp_path, settings, [seen("a"), seen("b")])
    serving = lifecycle.serving_index(es)
    assert serving is not None
    kept = settings.snapshot_dir / f"{serving}.npz"
    whole = kept.read_bytes()
    for unreadable in (b"not a snapshot", whole[: len(whole) // 2]):  # garbage; cut short
        kept.write_bytes(unreadable)
        assert snapshot.load(es, settings.snapshot_dir, serving) is None
    feed = write_feed(tmp_path / "feed.ndjson", [seen("a", days_later=1), seen("b")])
    report = load_feeds(es, [feed], progress=False, settings=settings)
    assert (report.new, report.unchanged, report.previous_listed) == (0, 2, 2)
