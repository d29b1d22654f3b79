"""End to end on the real 2024 directory: replica API → Scrapy crawl → index → search API.

The crawl and the load run through the `iop` command line, as data staff run them.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from iop.documents import to_document
from iop.facility import Facility
from iop.geo import Point, great_circle_miles, zip_centroid
from replica.directory import load_directory
from replica.findtreatment import running_replica

IOP_CLI = [sys.executable, "-m", "cli.main"]


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("crawl") / "findtreatment.ndjson"
    with running_replica() as base_url:
        crawl = [
            *IOP_CLI,
            "crawl",
            "findtreatment",
            "-a",
            f"base_url={base_url}",
            "--out",
            str(out),
        ]
        result = subprocess.run(crawl, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def crawled(feed: Path) -> list[Facility]:
    return [Facility.model_validate_json(line) for line in feed.read_text().splitlines()]


@pytest.fixture(scope="module")
def client(feed: Path, elasticsearch_url: str) -> Iterator[TestClient]:
    result = subprocess.run(
        [*IOP_CLI, "index", "--replace", str(feed)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    with TestClient(create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))) as client:
        yield client


def test_every_listing_the_api_serves_is_in_the_feed_or_in_quarantine(
    feed: Path, crawled: list[Facility]
) -> None:
    served = len(load_directory())
    quarantine = feed.with_name("findtreatment.quarantine.ndjson")
    quarantined = len(quarantine.read_text().splitlines()) if quarantine.exists() else 0
    assert len({f.id for f in crawled}) == len(crawled)
    assert len(crawled) + quarantined == served


def test_desert_mountain_healing_iop_is_found_from_its_zip(client: TestClient) -> None:
    body = client.get(
        "/v1/facilities/search",
        params={"zip": "87124", "radius_miles": 25, "services": "iop", "limit": 100},
    ).json()
    names = [hit["name"] for hit in body["results"]]
    assert any("Desert Mountain Healing" in name for name in names), names
    origin = zip_centroid("87124")
    for hit in body["results"]:
        here = Point(hit["location"]["lat"], hit["location"]["lon"])
        assert abs(hit["distance_miles"] - great_circle_miles(origin, here)) <= 0.05
        assert hit["why"]


SERVICE_COMBINATIONS = [
    ["iop"],
    ["iop", "mat_buprenorphine"],
    ["iop", "medicaid", "spanish"],
    ["iop", "mat_methadone"],
    ["residential", "detox_onsite"],
]


def brute_force(
    crawled: list[Facility], origin: Point, radius: float, services: list[str]
) -> dict[str, float]:
    matches = {}
    for facility in crawled:
        if facility.location is None:
            continue
        if not set(services) <= set(to_document(facility)["services_offered"]):
            continue
        miles = great_circle_miles(origin, Point(facility.location.lat, facility.location.lon))
        if miles <= radius:
            matches[facility.id] = miles
    return matches


def test_search_returns_exactly_the_facilities_a_brute_force_finds(
    client: TestClient, crawled: list[Facility]
) -> None:
    rng = random.Random(20261127)
    origins = rng.sample([f for f in crawled if f.location is not None], 12)
    for seed_facility in origins:
        origin = Point(
            seed_facility.location.lat + rng.uniform(-0.3, 0.3),
            seed_facility.location.lon + rng.uniform(-0.3, 0.3),
        )
        radius = rng.choice([5, 10, 25, 50])
        services = rng.choice(SERVICE_COMBINATIONS)
        expected = brute_force(crawled, origin, radius, services)
        body = client.get(
            "/v1/facilities/search",
            params={
                "lat": origin.lat,
                "lon": origin.lon,
                "radius_miles": radius,
                "services": ",".join(services),
                "sort": "distance",
                "limit": 500,
            },
        ).json()
        context = json.dumps(
            {"origin": [origin.lat, origin.lon], "radius": radius, "services": services}
        )
        # Points within a hair of the radius may fall either way of Elasticsearch's rounding.
        on_the_edge = {i for i, miles in expected.items() if abs(miles - radius) < 0.01}
        got = {hit["id"] for hit in body["results"]}
        assert got - on_the_edge == set(expected) - on_the_edge, context
        assert body["total"] == len(got)
        assert body["total_is_exact"]
        distances = [hit["distance_miles"] for hit in body["results"]]
        assert distances == sorted(distances), context
        for hit in body["results"]:
            assert abs(hit["distance_miles"] - expected.get(hit["id"], radius)) <= 0.05, context
