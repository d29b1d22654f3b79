"""Incremental sync: ``modified_after`` gives a consumer the facilities whose facts changed
since its last pull, across real rebuilds, and not those merely fetched again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from api.config import Settings
from api.hsds import entity_id
from api.main import create_app
from indexer import lifecycle
from indexer.incremental import upsert_feed
from indexer.load import load_feeds
from indexer.settings import IndexerSettings
from iop.facility import Facility
from iop.feeds import feed_line
from tests.api.hsds_schemas import errors, profile_answer, require_standards
from tests.factories import make_facility

FIRST = datetime(2026, 11, 20, 12, tzinfo=UTC)
SECOND = FIRST + timedelta(days=7)


def crawl(days_later: int, wait_days: int = 5, dropped: bool = False) -> list[Facility]:
    """The directory as a crawl ``days_later`` lists it."""
    facilities = [
        make_facility("same", 35.1, -106.6, **{"levels_of_care.iop": True}),
        make_facility(
            "wait",
            35.2,
            -106.6,
            **{"levels_of_care.iop": True, "availability.days_to_intake": wait_days},
        ),
    ]
    if not dropped:
        facilities.append(make_facility("dropped", 35.3, -106.6, **{"levels_of_care.iop": True}))
    for facility in facilities:
        fetched = facility.sources[0].fetched_at + timedelta(days=days_later)
        facility.last_seen = fetched
        for record in facility.sources:
            record.fetched_at = fetched
        for record in facility.provenance.values():
            record.fetched_at = fetched
    return facilities


def rebuild(es: Elasticsearch, folder: Path, facilities: list[Facility], now: datetime) -> None:
    feed = folder / f"{now:%Y%m%d}.ndjson"
    feed.write_text("".join(feed_line(f) + "\n" for f in facilities))
    settings = IndexerSettings(
        snapshot_dir=folder / "snapshots", count_tolerance=1.0, stale_after_refreshes=1
    )
    load_feeds(es, [feed], progress=False, settings=settings, now=now)


def changed_since(client: TestClient, moment: str) -> dict[str, dict[str, str]]:
    body = client.get("/hsds/services", params={"modified_after": moment, "per_page": 100})
    assert body.status_code == 200
    assert errors(profile_answer("/services"), body.json()) == []
    return {
        service["id"]: {"status": service["status"], "last_modified": service["last_modified"]}
        for service in body.json()["contents"]
    }


def ids(*refs: str) -> set[str]:
    return {entity_id(make_facility(ref, 0, 0).id, "service") for ref in refs}


@pytest.fixture
def client(elasticsearch_url: str) -> Iterator[TestClient]:
    require_standards()
    with TestClient(create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))) as client:
        yield client


def test_a_consumer_gets_what_changed_since_its_last_pull(
    es: Elasticsearch, tmp_path: Path, client: TestClient
) -> None:
    # A fresh directory under this suite's alias, then a first pull.
    lifecycle.drop_all(es)
    rebuild(es, tmp_path, crawl(0), FIRST)
    assert set(changed_since(client, "2026-11-01")) == ids("same", "wait", "dropped")
    last_pull = (FIRST + timedelta(hours=1)).isoformat()

    # A week later: "same" fetched again saying the same, "wait" says another wait, and
    # "dropped" is no longer listed (stale at once here: one missed refresh).
    rebuild(es, tmp_path, crawl(7, wait_days=2, dropped=True), SECOND)
    changed = changed_since(client, last_pull)
    assert set(changed) == ids("wait", "dropped")
    assert changed[next(iter(ids("dropped")))]["status"] == "inactive"
    assert {c["last_modified"] for c in changed.values()} == {"2026-11-27T12:00:00.000Z"}
    unchanged = client.get(f"/hsds/services/{next(iter(ids('same')))}").json()
    assert unchanged["last_modified"] == "2026-11-20T12:00:00.000Z"  # carried over

    # An incremental load of the same facts changes nothing; of new facts, the facility.
    later = crawl(9, wait_days=2, dropped=True)
    feed = tmp_path / "incremental.ndjson"
    feed.write_text("".join(feed_line(f) + "\n" for f in later))
    upsert_feed(es, feed, progress=False)
    since_second = (SECOND + timedelta(hours=1)).isoformat()
    assert changed_since(client, since_second) == {}
    later[0].availability.days_to_intake = 1
    later[0].last_seen = later[0].last_seen + timedelta(days=1)
    feed.write_text("".join(feed_line(f) + "\n" for f in later))
    upsert_feed(es, feed, progress=False)
    assert set(changed_since(client, since_second)) == ids("same")
