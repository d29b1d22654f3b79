"""The API's own OpenAPI document validates, declares every answer a route really gives, and
says which routes need a key."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from api.config import Settings
from api.main import create_app
from api.security import key_hash

DOWN = "http://127.0.0.1:9"  # nothing listens there: Elasticsearch is away
BAD_SEARCH = "/v1/facilities/search?zip=abc"


def document(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    found: dict[str, Any] = response.json()
    return found


def declared(doc: dict[str, Any], method: str, path: str) -> set[str]:
    return set(doc["paths"][path][method]["responses"])


def test_the_document_is_valid_openapi(client: TestClient) -> None:
    validate(document(client))


# (method, route in the document, request path, what the request sends)
ROUTES = [
    ("get", "/v1/facilities/search", "/v1/facilities/search?zip=87102", None),
    ("get", "/v1/facilities/{facility_id}", "/v1/facilities/fac_nope", None),
    ("get", "/v1/facilities/{facility_id}/hsds", "/v1/facilities/fac_nope/hsds", None),
    ("get", "/v1/export/hsds", "/v1/export/hsds", None),
    ("post", "/v1/referrals/match", "/v1/referrals/match", {"location": {"zip": "87102"}}),
    ("get", "/v1/referrals/sheet", "/v1/referrals/sheet?ids=fac_nope", None),
    ("get", "/hsds/services", "/hsds/services", None),
    ("get", "/hsds/services/{id}", "/hsds/services/nope", None),
    ("get", "/hsds/organizations", "/hsds/organizations", None),
    ("get", "/hsds/organizations/{id}", "/hsds/organizations/nope", None),
    ("get", "/hsds/service_at_locations", "/hsds/service_at_locations", None),
    ("get", "/hsds/service_at_locations/{id}", "/hsds/service_at_locations/nope", None),
    ("get", "/hsds/taxonomy_terms/{id}", "/hsds/taxonomy_terms/nope", None),
]


def _answers(client: TestClient, method: str, url: str, body: Any) -> int:
    return client.request(method, url, json=body).status_code


def test_every_answer_a_route_gives_is_declared(client: TestClient, elasticsearch_url) -> None:
    doc = document(client)
    seen: dict[tuple[str, str], set[int]] = {}
    # As served: 200s, unknown ids (404), bad parameters (422).
    for method, route, url, body in ROUTES:
        seen.setdefault((method, route), set()).add(_answers(client, method, url, body))
    for method, route, url in (
        ("get", "/v1/facilities/search", BAD_SEARCH),
        ("get", "/hsds/services", "/hsds/services?per_page=0"),
        ("get", "/hsds/service_at_locations", "/hsds/service_at_locations?postcode=1"),
        ("get", "/v1/referrals/sheet", "/v1/referrals/sheet?ids="),
        ("get", "/hsds/taxonomy_terms", "/hsds/taxonomy_terms?taxonomy_id=nope"),
    ):
        seen.setdefault((method, route), set()).add(_answers(client, method, url, None))
    seen[("post", "/v1/referrals/match")].add(
        _answers(client, "post", "/v1/referrals/match", {"location": {}})
    )
    # Elasticsearch away (503).
    with TestClient(create_app(Settings(ELASTICSEARCH_URL=DOWN))) as away:
        for method, route, url, body in ROUTES:
            seen[(method, route)].add(_answers(away, method, url, body))
    # A read key required (401).
    keyed = Settings(ELASTICSEARCH_URL=elasticsearch_url, read_api_key_hashes=key_hash("k"))
    with TestClient(create_app(keyed)) as locked:
        keyed_doc = document(locked)
        for method, route, url, body in ROUTES:
            status = _answers(locked, method, url, body)
            assert status == 401
            assert "401" in declared(keyed_doc, method, route)
    for (method, route), statuses in seen.items():
        assert {str(s) for s in statuses} <= declared(doc, method, route), (route, statuses)
    assert 503 in seen[("get", "/hsds/services")] and 422 in seen[("get", "/hsds/services")]
    assert 404 in seen[("get", "/hsds/services/{id}")]


def test_the_document_says_which_routes_need_a_key(
    client: TestClient, elasticsearch_url: str
) -> None:
    open_doc = document(client)
    schemes = open_doc["components"]["securitySchemes"]
    assert {name: (s["in"], s["name"]) for name, s in schemes.items()} == {
        "ReadKey": ("header", "X-API-Key"),
        "AdminKey": ("header", "X-API-Key"),
    }
    search = open_doc["paths"]["/v1/facilities/search"]["get"]
    assert search["security"] == [{}, {"ReadKey": []}]  # no read keys configured: optional
    assert "401" not in search["responses"]
    admin = open_doc["paths"]["/v1/admin/runs"]["get"]
    assert admin["security"] == [{"AdminKey": []}] and "401" in admin["responses"]
    assert "security" not in open_doc["paths"]["/healthz"]["get"]
    keyed = Settings(ELASTICSEARCH_URL=elasticsearch_url, read_api_key_hashes=key_hash("k"))
    with TestClient(create_app(keyed)) as locked:
        keyed_doc = document(locked)
    for path, operations in keyed_doc["paths"].items():
        for operation in operations.values():
            if path.startswith(("/v1/facilities", "/v1/referrals", "/v1/export", "/hsds")):
                assert operation["security"] == [{"ReadKey": []}], path
    assert client.get("/v1/admin/runs").status_code == 401  # as declared, key or not
