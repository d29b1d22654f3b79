"""Bad input gets a 422 naming the parameter and the reason; a down backend gets a 503."""

from __future__ import annotations

import socket

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app


@pytest.mark.parametrize(
    ("params", "field", "reason"),
    [
        ({"lat": 35, "lon": -106, "services": "iop,teleportation"}, "services", "teleportation"),
        ({"lat": 35, "lon": -106, "services": "iop", "radius_miles": 900}, "radius_miles", "500"),
        ({"zip": "8712", "services": "iop"}, "zip", "pattern"),
        ({"zip": "00000", "services": "iop"}, "zip", "unknown US ZIP"),
        ({"lat": 95, "lon": -106, "services": "iop"}, "lat", "90"),
        ({"zip": "87124", "lat": 35, "lon": -106, "services": "iop"}, "zip", "not both"),
        ({"lat": 35, "services": "iop"}, "lon", "together"),
        ({"services": "iop"}, "lat", "location is required"),
        ({"lat": 35, "lon": -106, "prefer": "medicaid,warp"}, "prefer", "warp"),
        ({"lat": 35, "lon": -106, "payment": "medicaid,evening"}, "payment", "evening"),
        ({"lat": 35, "lon": -106, "ownership": "martian"}, "ownership", "martian"),
        ({"lat": 35, "lon": -106, "max_days_to_intake": -1}, "max_days_to_intake", "0"),
        ({"lat": 35, "lon": -106, "radius_miles": 0}, "radius_miles", "0"),
        ({"lat": 35, "lon": -206}, "lon", "180"),
        ({"lat": 35, "lon": -106, "limit": 0}, "limit", "1"),
        ({"lat": 35, "lon": -106, "cursor": "not-a-cursor"}, "cursor", "malformed"),
        ({"lat": 35, "lon": -106, "state": "ZZ"}, "state", "state code"),
        ({"near": "Atlantis, ZZ"}, "near", "city, state"),
        ({"near": "Albuquerque, NM", "zip": "87102"}, "near", "one location"),
        ({"lat": 0, "lon": -150, "include_virtual": "true"}, "state", "patient's state"),
        ({"lat": 35, "lon": -106, "services": "iop", "sort": "random"}, "sort", "best"),
    ],
)
def test_bad_parameters_are_422_with_field_and_reason(
    client: TestClient, params, field, reason
) -> None:
    response = client.get("/v1/facilities/search", params=params)
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(error["loc"] == ["query", field] and reason in error["msg"] for error in errors), (
        errors
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_search_backend_down_is_503_with_retry_after() -> None:
    app = create_app(Settings(ELASTICSEARCH_URL=f"http://127.0.0.1:{free_port()}"))
    with TestClient(app) as client:
        response = client.get("/v1/facilities/search", params={"zip": "87124", "services": "iop"})
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0


def test_openapi_documents_the_search(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    parameters = {p["name"] for p in spec["paths"]["/v1/facilities/search"]["get"]["parameters"]}
    assert {"lat", "lon", "zip", "radius_miles", "services", "sort", "limit"} <= parameters
    assert {"near", "prefer", "payment", "ownership", "include_unknown", "cursor"} <= parameters
    assert client.get("/healthz").json() == {"status": "ok"}
