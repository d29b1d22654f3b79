"""Every facility of the real 2024 directory, in every HSDS form the product serves, validates
against Open Referral's published schemas; and so do the export and the HSDS API's answers
over the real directory indexed.

The directory goes through the project's own import (``iop import-directory``) and the
indexer's documents, as the API serves it. Validating some 75,000 documents against schemas
of several MB takes a while: two processes share the work.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from api.config import Settings
from api.hsds import FacilityDocuments, Listing
from api.main import create_app
from indexer.load import load_feeds
from indexer.settings import IndexerSettings
from iop.documents import from_document, to_document
from iop.facility import Facility
from tests.api.hsds_schemas import errors, profile_answer, require_standards, schema
from tests.crawler.test_samhsa_directory import DIRECTORY, run_import

CHANGED_AT = "2026-11-20T12:00:00.000Z"
# What each form must validate against.
FORMS = {
    "organization": FacilityDocuments.organization,
    "organization_list": FacilityDocuments.organization_summary,
    "service": FacilityDocuments.service,
    "service_list": FacilityDocuments.service_summary,
    "service_at_location": FacilityDocuments.service_at_location,
    "service_at_location_list": FacilityDocuments.service_at_location_summary,
}


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_standards()
    out = tmp_path_factory.mktemp("directory") / "samhsa.ndjson"
    run_import(DIRECTORY, out)
    return out


def _invalid(lines: list[str]) -> list[str]:
    """Of these feed lines, every document that breaks its schema, as ``id form: error``."""
    found = []
    for line in lines:
        served = from_document(to_document(Facility.model_validate_json(line)))
        documents = FacilityDocuments(Listing(served, CHANGED_AT))
        for form, make in FORMS.items():
            document = make(documents)
            found += [f"{served.id} {form}: {e}" for e in errors(schema(form), document)]
    return found


def test_every_facility_of_the_real_directory_validates_in_every_hsds_form(feed: Path) -> None:
    lines = feed.read_text().splitlines()
    assert len(lines) > 11_000
    workers = max(1, min(2, os.cpu_count() or 1))
    batches = [lines[start : start + 500] for start in range(0, len(lines), 500)]
    with ProcessPoolExecutor(workers) as pool:
        invalid = [error for found in pool.map(_invalid, batches) for error in found]
    assert invalid == [], f"{len(invalid)} errors, first: {invalid[:5]}"


@pytest.fixture(scope="module")
def served(
    es: Elasticsearch, elasticsearch_url: str, feed: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    settings = IndexerSettings(snapshot_dir=tmp_path_factory.mktemp("snapshots"))
    load_feeds(
        es,
        [feed],
        progress=False,
        force=True,
        carry_over=False,
        settings=settings,
        now=datetime(2026, 11, 20, 12, tzinfo=UTC),
    )
    with TestClient(create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))) as client:
        yield client


def test_the_export_of_the_real_directory_is_one_valid_organization_per_facility(
    served: TestClient, feed: Path
) -> None:
    response = served.get("/v1/export/hsds")
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert len(lines) == len(feed.read_text().splitlines())
    for line in lines[:300]:
        organization = json.loads(line)
        assert errors(schema("organization"), organization) == [], organization["id"]
        assert "null" not in line  # unknown is left out, never null


def test_the_hsds_api_over_the_real_directory_answers_as_the_profile_declares(
    served: TestClient,
) -> None:
    for path, form in (
        ("/services", "service"),
        ("/organizations", "organization"),
        ("/service_at_locations", "service_at_location"),
    ):
        listed = served.get(f"/hsds{path}", params={"per_page": 200, "page": 3})
        assert listed.status_code == 200
        body = listed.json()
        assert errors(profile_answer(path), body) == []
        assert body["size"] == 200 and body["total_items"] > 11_000
        first = body["contents"][0]["id"]
        one = served.get(f"/hsds{path}/{first}").json()
        assert errors(schema(form), one) == []
        assert errors(profile_answer(f"{path}/{{id}}"), one) == []
    # The last page, past Elasticsearch's default window of 10,000.
    total = served.get("/hsds/services", params={"per_page": 1}).json()["total_items"]
    last = served.get("/hsds/services", params={"per_page": 1000, "page": -(-total // 1000)})
    assert last.status_code == 200 and last.json()["last_page"] is True
    near = served.get(
        "/hsds/service_at_locations", params={"postcode": "87102", "proximity": 20000}
    )
    assert errors(profile_answer("/service_at_locations"), near.json()) == []
    assert near.json()["total_items"] > 0
