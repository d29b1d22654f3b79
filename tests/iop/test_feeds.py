"""Feeds carry each facility's provenance compactly, and read either form back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iop.facility import Provenance
from iop.feeds import FeedError, read_feed, write_feed
from tests.factories import FETCHED, make_facility


def test_a_feed_line_writes_each_provenance_record_once(tmp_path: Path) -> None:
    facility = make_facility("a", 35.1, -106.6, **{"levels_of_care.iop": True})
    facility.provenance["availability.days_to_intake"] = Provenance(
        source="board", fetched_at=FETCHED, url="http://board.test/"
    )
    feed = tmp_path / "feed.ndjson"
    write_feed(feed, [facility])

    written = json.loads(feed.read_text())["provenance"]
    assert len(written["records"]) == 2
    assert set(written["paths"]) == set(facility.provenance)
    assert list(read_feed(feed)) == [facility]


def test_a_feed_with_provenance_per_path_is_read_the_same(tmp_path: Path) -> None:
    facility = make_facility("a", 35.1, -106.6, **{"payment.medicaid": True})
    feed = tmp_path / "plain.ndjson"
    feed.write_text(facility.model_dump_json() + "\n")  # the form feeds had before

    assert "payment.medicaid" in json.loads(feed.read_text())["provenance"]
    assert list(read_feed(feed)) == [facility]


def test_a_path_to_a_record_that_is_not_there_names_the_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.ndjson"
    write_feed(feed, [make_facility("a", 35.1, -106.6)])
    line = json.loads(feed.read_text())
    line["provenance"]["paths"]["name"] = 5
    feed.write_text(json.dumps(line) + "\n")

    with pytest.raises(FeedError, match=r"feed.ndjson:1: provenance: .*paths.name: 5 is not"):
        list(read_feed(feed))
