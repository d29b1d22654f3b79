"""`/v1/admin/runs`: refresh summaries, for admin API keys only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from api.security import AdminSettings, get_admin_settings, key_hash
from indexer import lifecycle
from indexer.refresh import CrawlStep, refresh
from indexer.runs import save_run
from indexer.settings import IndexerSettings
from iop.facility import Facility
from iop.indices import RUNS_INDEX
from tests.indexer.conftest import seen, write_crawl

KEY = "correct horse battery staple"
OTHER_KEY = "a second admin key"


@pytest.fixture
def admin_client(elasticsearch_url: str, es: Elasticsearch) -> Iterator[TestClient]:
    es.indices.delete(index=RUNS_INDEX, ignore_unavailable=True)
    app = create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))
    hashes = f"{key_hash(OTHER_KEY)}, {key_hash(KEY).upper()}"
    app.dependency_overrides[get_admin_settings] = lambda: AdminSettings(
        admin_api_key_hashes=hashes
    )
    with TestClient(app) as client:
        yield client
    es.indices.delete(index=RUNS_INDEX, ignore_unavailable=True)


def test_runs_need_an_admin_key(admin_client: TestClient) -> None:
    missing = admin_client.get("/v1/admin/runs")
    wrong = admin_client.get("/v1/admin/runs", headers={"X-API-Key": "guess"})
    assert (missing.status_code, wrong.status_code) == (401, 401)
    assert missing.headers["WWW-Authenticate"] == "ApiKey"


def test_no_runs_yet_is_an_empty_list(admin_client: TestClient) -> None:
    response = admin_client.get("/v1/admin/runs", headers={"X-API-Key": KEY})
    assert response.status_code == 200
    assert response.json() == {"runs": []}


def test_runs_come_newest_first(admin_client: TestClient, es: Elasticsearch) -> None:
    for day in ("2026-11-01", "2026-11-02"):
        save_run(es, {"run_id": day, "started_at": f"{day}T00:00:00+00:00", "status": "succeeded"})

    response = admin_client.get("/v1/admin/runs", headers={"X-API-Key": OTHER_KEY})

    assert response.status_code == 200
    assert [run["run_id"] for run in response.json()["runs"]] == ["2026-11-02", "2026-11-01"]


def test_admin_is_closed_when_no_key_is_configured(elasticsearch_url: str) -> None:
    app = create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))
    app.dependency_overrides[get_admin_settings] = lambda: AdminSettings(admin_api_key_hashes="")
    with TestClient(app) as client:
        response = client.get("/v1/admin/runs", headers={"X-API-Key": ""})
    assert response.status_code == 401


def crawl_of(facilities: list[Facility]) -> CrawlStep:
    def crawl(feeds_dir: Path) -> None:
        write_crawl(feeds_dir, facilities, {"test": {"items": len(facilities)}})

    return crawl


def test_a_runs_summary_names_the_changed_fields_of_a_changed_facility(
    admin_client: TestClient, es: Elasticsearch, tmp_path: Path
) -> None:
    settings = IndexerSettings(snapshot_dir=tmp_path / "snapshots")
    lifecycle.drop_all(es)
    try:
        before = [seen("steady"), seen("moved", **{"address.street1": "1 Main St"})]
        after = [
            seen("steady", days_later=1),
            seen("moved", days_later=1, **{"address.street1": "9 Bridge Blvd"}),
        ]
        for n, facilities in enumerate((before, after)):
            refresh(
                es, tmp_path / f"feeds{n}", crawl_of(facilities), progress=False, settings=settings
            )

        response = admin_client.get("/v1/admin/runs", headers={"X-API-Key": KEY})

        latest = response.json()["runs"][0]
        assert latest["changes"]["counts"] == {"new": 0, "changed": 1, "back": 0, "stale": 0}
        assert latest["changes"]["listed"] == [
            {
                "id": after[1].id,
                "change": "changed",
                "name": "Clinic moved",
                "fields": ["address.street1"],
            }
        ]
    finally:
        lifecycle.drop_all(es)
