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
    assert [group["record"]["source"] for group in written] == ["test", "board"]
    assert written[1]["paths"] == ["availability.days_to_intake"]
    assert sorted(path for group in written for path in group["paths"]) == sorted(
        facility.provenance
    )
    assert list(read_feed(feed)) == [facility]


def test_a_feed_line_leaves_unknowns_out_and_reads_them_back_as_unknown(tmp_path: Path) -> None:
    facility = make_facility(
        "a", 35.1, -106.6, **{"payment.medicaid": True, "therapies.equine_therapy": False}
    )
    feed = tmp_path / "feed.ndjson"
    write_feed(feed, [facility])

    written = json.loads(feed.read_text())
    assert written["therapies"] == {"equine_therapy": False}  # stated: kept, even if false
    assert "art_therapy" not in written["therapies"] and "website" not in written
    assert all("as_of" not in group["record"] for group in written["provenance"])
    (read,) = read_feed(feed)
    assert read.therapies.art_therapy is None and read.therapies.equine_therapy is False
    assert read == facility


def test_a_feed_with_provenance_per_path_is_read_the_same(tmp_path: Path) -> None:
    facility = make_facility("a", 35.1, -106.6, **{"payment.medicaid": True})
    feed = tmp_path / "plain.ndjson"
    feed.write_text(facility.model_dump_json() + "\n")  # the form feeds had before

    assert "payment.medicaid" in json.loads(feed.read_text())["provenance"]
    assert list(read_feed(feed)) == [facility]


def test_a_bad_provenance_record_names_the_line_and_field(tmp_path: Path) -> None:
    feed = tmp_path / "feed.ndjson"
    write_feed(feed, [make_facility("a", 35.1, -106.6)])
    line = json.loads(feed.read_text())
    line["provenance"][0]["record"]["fetched_at"] = "yesterday"
    feed.write_text(json.dumps(line) + "\n")

    with pytest.raises(FeedError, match=r"feed.ndjson:1: provenance\.0\.record\.fetched_at: "):
        list(read_feed(feed))


def test_a_field_given_two_provenance_records_names_the_line_and_field(tmp_path: Path) -> None:
    feed = tmp_path / "feed.ndjson"
    write_feed(feed, [make_facility("a", 35.1, -106.6)])
    line = json.loads(feed.read_text())
    line["provenance"].append({"record": line["provenance"][0]["record"], "paths": ["name"]})
    feed.write_text(json.dumps(line) + "\n")

    with pytest.raises(FeedError, match=r"feed.ndjson:1: provenance: .*name: listed twice"):
        list(read_feed(feed))
