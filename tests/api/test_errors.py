"""Bad input gets a 422 naming the parameter and the reason; a down backend gets a 503."""

from __future__ import annotations

import socket

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from iop.documents import facility_mappings


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
        ({"lat": 35, "lon": -106, "cursor": "not-a-cursor"}, "cursor", "invalid or expired"),
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


MATCH = "/v1/referrals/match"


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ('{"location": {"lat": NaN, "lon": -106.6}}', ["body", "location", "lat"]),
        ('{"location": {"lat": 35.1, "lon": Infinity}}', ["body", "location", "lon"]),
        ('{"location": {"zip": "87102"}, "radius_miles": NaN}', ["body", "radius_miles"]),
        ('{"location": {"zip": "87102"}, "radius_miles": -Infinity}', ["body", "radius_miles"]),
    ],
)
def test_nan_and_infinity_in_a_referral_are_422_naming_the_field(
    client: TestClient, body: str, loc: list[str]
) -> None:
    response = client.post(MATCH, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert any(e["loc"] == loc and "finite" in e["msg"] for e in response.json()["detail"])


@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity"])
@pytest.mark.parametrize("field", ["lat", "lon", "radius_miles"])
def test_nan_and_infinity_in_a_query_are_422_naming_the_field(
    client: TestClient, field: str, value: str
) -> None:
    params = {"lat": "35", "lon": "-106", field: value}
    response = client.get("/v1/facilities/search", params=params)
    assert response.status_code == 422
    assert any(e["loc"] == ["query", field] for e in response.json()["detail"])
    sheet = client.get("/v1/referrals/sheet", params={"ids": "fac_x", **params})
    assert sheet.status_code == 422


@pytest.mark.parametrize(
    ("body", "loc", "limit"),
    [
        ({"languages": [f"Language {n}" for n in range(21)]}, ["body", "languages"], "20"),
        ({"languages": ["x" * 61]}, ["body", "languages", 0], "60"),
        ({"payment": ["medicaid"] * 500}, ["body", "payment"], "items"),
        ({"state": "Colorado"}, ["body", "state"], "2"),
        ({"location": {"zip": "87102", "near": "x" * 201}}, ["body", "location", "near"], "200"),
    ],
)
def test_every_list_and_text_of_a_referral_is_bounded(
    client: TestClient, body: dict[str, object], loc: list[object], limit: str
) -> None:
    response = client.post(MATCH, json={"location": {"zip": "87102"}, **body})
    assert response.status_code == 422
    assert any(e["loc"] == loc and limit in e["msg"] for e in response.json()["detail"]), (
        response.json()
    )


@pytest.mark.parametrize(
    ("params", "field", "limit"),
    [
        ({"languages": ",".join(f"Language {n}" for n in range(21))}, "languages", "20"),
        ({"languages": "x" * 61}, "languages", "60"),
        ({"services": "iop," * 300}, "services", "1000"),
        ({"prefer": "a" * 1001}, "prefer", "1000"),
        ({"ownership": "b" * 1001}, "ownership", "1000"),
        ({"payment": "c" * 1001}, "payment", "1000"),
        ({"cursor": "d" * 2001}, "cursor", "2000"),
        ({"state": "Colorado"}, "state", "2"),
        ({"near": "Albuquerque " * 20}, "near", "200"),
    ],
)
def test_every_text_of_a_search_is_bounded(
    client: TestClient, params: dict[str, str], field: str, limit: str
) -> None:
    response = client.get("/v1/facilities/search", params={"lat": 35, "lon": -106, **params})
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(e["loc"] == ["query", field] and limit in e["msg"] for e in errors), errors


def test_the_sheet_bounds_its_ids_and_languages(client: TestClient) -> None:
    long_id = client.get("/v1/referrals/sheet", params={"ids": "fac_" + "9" * 200})
    assert long_id.status_code == 422
    assert "100" in long_id.json()["detail"][0]["msg"]
    many = ",".join(f"Language {n}" for n in range(21))
    languages = client.get("/v1/referrals/sheet", params={"ids": "fac_x", "languages": many})
    assert languages.status_code == 422
    assert languages.json()["detail"][0]["loc"] == ["query", "languages"]


def test_a_facility_id_of_5000_characters_is_422_not_500(client: TestClient) -> None:
    response = client.get("/v1/facilities/" + "f" * 5000)
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["path", "facility_id"]
    assert "100" in error["msg"]
    assert client.get("/v1/facilities/" + "f" * 5000 + "/hsds").status_code == 422


def test_an_answer_echoes_at_most_200_characters_of_a_value(client: TestClient) -> None:
    answers = [
        client.get("/v1/facilities/search", params={"lat": 35, "lon": -106, "services": "z" * 999}),
        client.get("/v1/facilities/" + "q" * 5000),
        client.get("/v1/facilities/search", params={"lat": "w" * 5000, "lon": -106}),
        client.post(MATCH, json={"location": {"zip": "87102"}, "required_services": ["v" * 999]}),
        client.post(MATCH, json={"location": {"zip": "87102"}, "u" * 999: 1}),
        client.get("/v1/facilities/fac_" + "k" * 90),
    ]
    for response in answers:
        assert 400 <= response.status_code < 500
        for letter in "zqwvuk":
            assert letter * 202 not in response.text, response.text[:300]
    whole_list = client.post(MATCH, json={"location": {"zip": "87102"}, "languages": ["a"] * 30})
    assert whole_list.json()["detail"][0]["input"] is None  # a list is never echoed


def test_a_body_over_the_limit_is_413_and_one_within_it_is_served(
    elasticsearch_url: str, indexed
) -> None:
    settings = Settings(ELASTICSEARCH_URL=elasticsearch_url, max_body_bytes=4096)
    with TestClient(create_app(settings)) as small:
        padded = {"location": {"zip": "87102"}, "languages": ["Spanish"], "pad": "x" * 5000}
        too_large = small.post(MATCH, json=padded)
        assert too_large.status_code == 413
        assert "4096" in too_large.json()["detail"]
        assert small.post(MATCH, json={"location": {"zip": "87102"}}).status_code == 200
        spec = small.get("/openapi.json").json()
        assert "413" in spec["paths"][MATCH]["post"]["responses"]


def test_a_refusal_by_elasticsearch_is_a_400_in_words(
    es, elasticsearch_url: str, indexed, monkeypatch
) -> None:
    """An index that takes pages of at most 5: a search for 20 is refused by Elasticsearch
    (400, illegal_argument_exception), and the API says so with a 400, not a 500."""
    index, alias = "h4-small-window-19700101-000000-000000", "h4-small-window"
    es.options(ignore_status=404).indices.delete(index=index)
    es.indices.create(
        index=index,
        mappings=facility_mappings(),
        settings={"index.max_result_window": 5},
        aliases={alias: {}},
    )
    monkeypatch.setattr("api.search.service.ALIAS", alias)
    try:
        with TestClient(create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))) as client:
            refused = client.get("/v1/facilities/search", params={"zip": "87102", "limit": 20})
            served = client.get("/v1/facilities/search", params={"zip": "87102", "limit": 4})
    finally:
        es.indices.delete(index=index)
    assert refused.status_code == 400
    assert "refused" in refused.json()["detail"]
    assert served.status_code == 200
