"""A real program's own website and SAMHSA's real directory end as one facility.

Desert Mountain Healing IOP (Rio Rancho, NM) is in the 2024 directory as substance_7718 and
publishes its own site with schema.org data; crawled and imported, then resolved, they must
be one facility carrying facts from both, each with its provenance, and one search hit.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from crawler.resolve.run import merge_feeds
from crawler.sources import source_kinds
from iop.facility import Facility, LocationPrecision
from iop.feeds import read_feed
from iop.paths import SAMHSA_DIR
from replica.static_sites import serve_site
from tests.conftest import realworld

IOP_CLI = [sys.executable, "-m", "cli.main"]
NAME = "Desert Mountain Healing"


def run_iop(*argv: str) -> None:
    done = subprocess.run([*IOP_CLI, *argv], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = realworld("sites/dmhiop")
    work = tmp_path_factory.mktemp("sources")
    # The directory's New Mexico rows: the real file, cut to one state to keep the test quick.
    new_mexico = work / "directory_nm.csv"
    with (
        open(SAMHSA_DIR / "nsumhss2024_su_directory.csv", newline="") as source,
        new_mexico.open("w", newline="") as out,
    ):
        rows = csv.DictReader(source)
        writer = csv.DictWriter(out, fieldnames=rows.fieldnames or [])
        writer.writeheader()
        writer.writerows(row for row in rows if row["state"] == "NM")
    run_iop("import-directory", str(new_mexico), "--out", str(work / "samhsa_directory.ndjson"))
    with serve_site(site) as base_url:
        run_iop("crawl", "dmhiop", "--base-url", base_url, "--out", str(work / "dmhiop.ndjson"))
    out = work / "facilities.ndjson"
    merge_feeds(
        [work / "samhsa_directory.ndjson", work / "dmhiop.ndjson"],
        out,
        work / "ids.json",
        source_kinds(),
    )
    return out


def named(feed: Path) -> list[Facility]:
    return [f for f in read_feed(feed) if NAME in " ".join([f.name or "", *f.alternate_names])]


def test_the_site_and_its_directory_listing_are_one_facility(merged: Path) -> None:
    [facility] = named(merged)
    assert {record.source for record in facility.sources} == {"samhsa_directory", "dmhiop"}
    assert facility.address.postal_code == "87124"


def test_facts_come_from_both_sources_with_their_provenance(merged: Path) -> None:
    [facility] = named(merged)
    sources = {path: p.source for path, p in facility.provenance.items()}
    assert facility.levels_of_care.iop is True
    assert sources["levels_of_care.iop"] == "samhsa_directory"  # surveyed code beats prose
    assert facility.medications.mat_buprenorphine is True
    assert facility.payment.medicaid is True
    # Only the program's own site gives coordinates of the building and its website.
    assert facility.location is not None
    assert facility.location.precision in (LocationPrecision.ROOFTOP, LocationPrecision.STREET)
    assert sources["location"] == "dmhiop"
    assert facility.website is not None and "dmhiop.com" in facility.website
    assert "dmhiop" in set(sources.values()) and "samhsa_directory" in set(sources.values())
    for path, provenance in facility.provenance.items():
        assert provenance.fetched_at is not None, path


@pytest.fixture(scope="module")
def client(merged: Path, elasticsearch_url: str) -> Iterator[TestClient]:
    run_iop("index", str(merged))
    with TestClient(create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))) as client:
        yield client


def test_it_is_one_search_hit(client: TestClient) -> None:
    body = client.get(
        "/v1/facilities/search",
        params={"zip": "87124", "radius_miles": 25, "services": "iop", "limit": 100},
    ).json()
    hits = [hit for hit in body["results"] if NAME in (hit["name"] or "")]
    assert len(hits) == 1
