"""Outages, readiness, keys, CORS, request ids, logs and metrics."""

from __future__ import annotations

import hashlib
import json
import logging

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from iop.documents import facility_mappings
from tests.api.conftest import DENVER
from tests.api.log_records import what_records_say
from tests.api.tcp_proxy import cuttable_proxy
from tests.api.test_errors import free_port

SEARCH = {"lat": DENVER[0], "lon": DENVER[1]}


def test_search_is_503_while_elasticsearch_is_away_and_recovers_by_itself(
    elasticsearch_url: str, indexed
) -> None:
    with cuttable_proxy(elasticsearch_url) as proxy:
        app = create_app(Settings(ELASTICSEARCH_URL=proxy.url))
        with TestClient(app) as client:
            assert client.get("/v1/facilities/search", params=SEARCH).status_code == 200
            assert client.get("/readyz").status_code == 200
            proxy.cut()
            down = client.get("/v1/facilities/search", params=SEARCH)
            assert down.status_code == 503
            assert int(down.headers["Retry-After"]) > 0
            not_ready = client.get("/readyz")
            assert not_ready.status_code == 503
            assert not_ready.json()["cluster"] == "unreachable"
            assert client.get("/healthz").status_code == 200  # alive, just not ready
            proxy.restore()
            assert client.get("/v1/facilities/search", params=SEARCH).status_code == 200
            assert client.get("/readyz").json()["status"] == "ready"


def test_readyz_reports_a_missing_alias(elasticsearch_url: str, monkeypatch) -> None:
    monkeypatch.setattr("api.routes.health.ALIAS", "h5-no-such-alias")
    with TestClient(create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["alias_exists"] is False


def test_readyz_reports_an_index_built_before_a_search_field_existed(
    es, elasticsearch_url: str, monkeypatch
) -> None:
    mappings = facility_mappings()
    del mappings["properties"]["radius_point"]
    del mappings["properties"]["point"]["copy_to"]
    es.options(ignore_status=404).indices.delete(index="test-readyz-older")
    es.indices.create(
        index="test-readyz-older", mappings=mappings, aliases={"test-readyz-older-alias": {}}
    )
    monkeypatch.setattr("api.routes.health.ALIAS", "test-readyz-older-alias")
    try:
        with TestClient(create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))) as client:
            response = client.get("/readyz")
    finally:
        es.indices.delete(index="test-readyz-older")
    assert response.status_code == 503
    assert response.json()["mapping"] == (
        "outdated: test-readyz-older has no radius_point; rebuild it with iop index"
    )


def test_readyz_is_503_with_no_elasticsearch() -> None:
    app = create_app(Settings(ELASTICSEARCH_URL=f"http://127.0.0.1:{free_port()}"))
    with TestClient(app) as client:
        assert client.get("/readyz").status_code == 503


def test_read_routes_can_require_an_api_key(elasticsearch_url: str, indexed) -> None:
    digest = hashlib.sha256(b"s3cret-reader").hexdigest()
    settings = Settings(ELASTICSEARCH_URL=elasticsearch_url, read_api_key_hashes=[digest])
    with TestClient(create_app(settings)) as client:
        assert client.get("/v1/facilities/search", params=SEARCH).status_code == 401
        wrong = client.get("/v1/facilities/search", params=SEARCH, headers={"X-API-Key": "x"})
        assert wrong.status_code == 401
        right = {"X-API-Key": "s3cret-reader"}
        assert client.get("/v1/facilities/search", params=SEARCH, headers=right).status_code == 200
        assert client.get("/healthz").status_code == 200


def test_settings_refuse_a_key_hash_that_is_not_a_digest() -> None:
    with pytest.raises(ValueError, match="SHA-256"):
        Settings(read_api_key_hashes=["plaintext-key"])


def test_settings_refuse_a_cursor_key_too_short_to_sign_with() -> None:
    with pytest.raises(ValueError, match="cursor_key") as refused:
        Settings(cursor_key="guessable")
    assert "guessable" not in str(refused.value)  # a secret is never echoed into a log


def test_cors_allows_the_configured_origins_only(elasticsearch_url: str) -> None:
    settings = Settings(ELASTICSEARCH_URL=elasticsearch_url, cors_origins=["https://ehr.example"])
    with TestClient(create_app(settings)) as client:
        preflight = {"Access-Control-Request-Method": "GET"}
        allowed = client.options(
            "/v1/facilities/search", headers={"Origin": "https://ehr.example", **preflight}
        )
        assert allowed.headers["access-control-allow-origin"] == "https://ehr.example"
        other = client.options(
            "/v1/facilities/search", headers={"Origin": "https://evil.example", **preflight}
        )
        assert "access-control-allow-origin" not in other.headers


def test_request_ids_go_in_and_out_and_into_the_json_log(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="api"):
        response = client.get(
            "/v1/facilities/search", params=SEARCH, headers={"X-Request-ID": "ref-42.a"}
        )
    assert response.headers["x-request-id"] == "ref-42.a"
    access = [r for r in caplog.records if r.name == "api.access"]
    assert access[-1].request_id == "ref-42.a"
    assert access[-1].route == "/v1/facilities/search"
    assert access[-1].status == 200
    assert access[-1].duration_ms >= 0
    # Which parameters were used, never their values: a search describes a patient.
    assert "lat" in access[-1].params
    rendered = what_records_say(caplog.records)
    assert str(SEARCH["lat"]) not in rendered
    generated = client.get("/healthz").headers["x-request-id"]
    assert len(generated) == 32
    hostile = client.get("/healthz", headers={"X-Request-ID": "a b" * 60})
    assert hostile.headers["x-request-id"] != "a b" * 60


def test_log_lines_are_json(caplog: pytest.LogCaptureFixture, client: TestClient) -> None:
    with caplog.at_level(logging.INFO, logger="api"):
        client.get("/healthz", headers={"X-Request-ID": "json-line-check"})
    handler = next(h for h in logging.getLogger("api").handlers if getattr(h, "_iop_json", 0))
    line = handler.format(caplog.records[-1])
    record = json.loads(line)
    assert record["request_id"] == "json-line-check"
    assert {"method", "route", "status", "duration_ms", "level"} <= set(record)


def test_the_access_log_names_routes_and_declared_parameters_never_values(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="api"):
        client.get("/v1/facilities/fac_patient-chart-991")
        client.get("/v1/facilities/search", params={**SEARCH, "mrn-556677": "x"})
        client.get("/no/such/page-for-patient-991")
    access = [r for r in caplog.records if r.name == "api.access"]
    assert [r.route for r in access] == [
        "/v1/facilities/{facility_id}",
        "/v1/facilities/search",
        "unmatched",
    ]
    assert access[1].params == ["lat", "lon"]  # a name no route declares is the client's text
    rendered = what_records_say(caplog.records)
    assert "991" not in rendered
    assert "556677" not in rendered


def test_metrics_count_requests_by_route_template(client: TestClient, indexed) -> None:
    client.get(f"/v1/facilities/{indexed[0].id}")
    client.get("/v1/facilities/fac_nope")
    text = client.get("/metrics").text
    assert (
        'iop_api_requests_total{method="GET",route="/v1/facilities/{facility_id}",status="200"}'
        in text
    )
    assert 'route="/v1/facilities/{facility_id}",status="404"' in text
    assert "iop_api_request_duration_seconds_bucket" in text
    assert "fac_nope" not in text
    assert "iop_api_elasticsearch_errors_total" in text


def test_the_server_logs_exceptions_without_their_messages_and_no_access_lines(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """However the app is served: uvicorn's access log (paths, query strings) never writes,
    and an exception its error log reports is its type and code lines, not its message."""
    with caplog.at_level(logging.INFO):
        logging.getLogger("uvicorn.access").info("GET /v1/facilities/fac_chart-4417?zip=87102")
        try:
            raise ValueError("patient chart-4417")
        except ValueError:
            logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
    assert "4417" not in caplog.text
    [record] = caplog.records
    assert record.getMessage().startswith("Exception in ASGI application (ValueError at ")
    assert record.exc_info is None
