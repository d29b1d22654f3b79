"""Large rebuilds turn feed lines into documents in worker processes: same documents, same
order, and a bad line still named by its file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from indexer.prepare import Context, PreparedChunk, line_chunks, prepared_chunks
from indexer.previous import PreviousIndex
from iop.feeds import FeedError
from tests.factories import make_facility
from tests.indexer.conftest import write_feed

CONTEXT = Context(PreviousIndex(), today=date(2026, 11, 27), max_age_days=30)


def _prepare(feed: Path, workers: int) -> list[PreparedChunk]:
    return list(prepared_chunks(line_chunks([feed], chunk_bytes=3000), CONTEXT, workers))


def test_workers_make_the_same_documents_in_feed_order(tmp_path: Path) -> None:
    facilities = [make_facility(str(i), 35.0 + i / 100, -106.6) for i in range(23)]
    feed = write_feed(tmp_path / "feed.ndjson", facilities)

    here, in_workers = _prepare(feed, workers=1), _prepare(feed, workers=2)

    assert len(in_workers) > 3
    assert [i for chunk in in_workers for i in chunk.bulk.ids] == [f.id for f in facilities]
    assert [chunk.bulk for chunk in in_workers] == [chunk.bulk for chunk in here]
    assert sum(chunk.counts.new for chunk in in_workers) == 23
    assert sum(chunk.size for chunk in in_workers) == feed.stat().st_size


def test_a_rebuild_knows_which_facilities_of_the_previous_index_the_feeds_no_longer_list(
    tmp_path: Path,
) -> None:
    facilities = [make_facility(str(i), 35.0 + i / 100, -106.6) for i in range(40)]
    feed = write_feed(tmp_path / "feed.ndjson", facilities[5:])  # 0-4 dropped from the feeds
    ids = sorted(facility.id.encode() for facility in facilities)
    previous = PreviousIndex(
        name="before",
        ids=np.array(ids, dtype="S"),
        first_seen_ms=np.full(len(ids), 1_700_000_000_000, dtype=np.int64),
        fingerprint=np.zeros(len(ids), dtype=np.int64),
        listed_count=len(ids),
    )
    context = Context(previous, today=date(2026, 11, 27), max_age_days=30)

    for workers in (1, 2):
        chunks = list(prepared_chunks(line_chunks([feed], chunk_bytes=3000), context, workers))
        seen = np.concatenate([chunk.previous_seen for chunk in chunks])
        assert sorted(previous.not_seen(seen)) == sorted(f.id for f in facilities[:5])
        assert sum(chunk.counts.changed for chunk in chunks) == 35  # fingerprints differ


def test_a_bad_line_read_by_a_worker_is_named_by_file_and_line(tmp_path: Path) -> None:
    feed = write_feed(
        tmp_path / "feed.ndjson", [make_facility(str(i), 35.0, -106.6) for i in range(9)]
    )
    lines = feed.read_text().splitlines(keepends=True)
    lines[6] = '{"id": "x", "name": 7}\n'
    feed.write_text("".join(lines))

    with pytest.raises(FeedError) as error:
        _prepare(feed, workers=2)
    assert (error.value.path, error.value.line) == (feed, 7)
    assert str(error.value).startswith(f"{feed}:7: name: Input should be a valid string")


def test_a_feed_rewritten_while_workers_read_it_stops_the_load(tmp_path: Path) -> None:
    feed = write_feed(
        tmp_path / "feed.ndjson", [make_facility(str(i), 35.0, -106.6) for i in range(20)]
    )
    chunks = line_chunks([feed], chunk_bytes=3000)
    first = next(chunks)
    # A crawl replaces the feed (a new file under the same name) after it was chunked.
    write_feed(tmp_path / "new.ndjson", [make_facility("new", 36.0, -106.6)]).replace(feed)

    with pytest.raises(FeedError) as error:
        list(prepared_chunks([first, *chunks], CONTEXT, workers=2))
    assert (error.value.path, error.value.line) == (feed, 1)
    assert str(error.value).endswith("the feed changed while indexed")


def test_documents_elasticsearch_was_too_busy_for_are_sent_again_alone() -> None:
    from indexer.bulk import BulkChunk, Doc

    docs = [Doc(f"fac_{n}", n, f'{{"n": {n}}}', f"feed.ndjson:{n + 1}") for n in range(5)]
    busy = BulkChunk.of(docs).only([1, 4])

    assert busy == BulkChunk.of([docs[1], docs[4]])
    assert busy.body.splitlines()[1::2] == [b'{"n": 1}', b'{"n": 4}']
    assert busy.wheres == ["feed.ndjson:2", "feed.ndjson:5"]
