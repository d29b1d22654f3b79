"""The API's own OpenAPI document validates, declares every answer a route really gives (and no
answer it cannot give), and says which routes need a key, as configured.

Every operation of the document has a sample request here, so a new route must be thought
about: its 401, 413, 429 and 503 are then checked both ways, declared ⇔ answered, under the
settings that make them (keys required, a body over the limit, the export's per-client limit,
Elasticsearch away)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from api.config import Settings
from api.hsds import entity_id
from api.main import create_app
from api.security import AdminSettings, get_admin_settings, key_hash

DOWN = "http://127.0.0.1:9"  # nothing listens there: Elasticsearch is away
BAD_SEARCH = "/v1/facilities/search?zip=abc"
ADMIN_KEY = "admin key"
READ_KEY = "read key"
EXPORT_KEY = "export key"

Operation = tuple[str, str]  # (method, route in the document)

# One request per operation: (request path, JSON body or None). Ids are well formed but
# unknown: a 404 with Elasticsearch up, a 503 without it.
SAMPLES: dict[Operation, tuple[str, Any]] = {
    ("get", "/healthz"): ("/healthz", None),
    ("get", "/readyz"): ("/readyz", None),
    ("get", "/v1/facilities/search"): ("/v1/facilities/search?zip=87102", None),
    ("get", "/v1/facilities/{facility_id}"): ("/v1/facilities/fac_nope", None),
    ("get", "/v1/facilities/{facility_id}/hsds"): ("/v1/facilities/fac_nope/hsds", None),
    ("get", "/v1/export/hsds"): ("/v1/export/hsds", None),
    ("post", "/v1/referrals/match"): ("/v1/referrals/match", {"location": {"zip": "87102"}}),
    ("get", "/v1/referrals/sheet"): ("/v1/referrals/sheet?ids=fac_nope", None),
    ("get", "/hsds/"): ("/hsds/", None),
    ("get", "/hsds/services"): ("/hsds/services", None),
    ("get", "/hsds/services/{id}"): (f"/hsds/services/{entity_id('fac_nope', 'service')}", None),
    ("get", "/hsds/organizations"): ("/hsds/organizations", None),
    ("get", "/hsds/organizations/{id}"): (
        f"/hsds/organizations/{entity_id('fac_nope', 'organization')}",
        None,
    ),
    ("get", "/hsds/service_at_locations"): ("/hsds/service_at_locations", None),
    ("get", "/hsds/service_at_locations/{id}"): (
        f"/hsds/service_at_locations/{entity_id('fac_nope', 'service_at_location')}",
        None,
    ),
    ("get", "/hsds/taxonomies"): ("/hsds/taxonomies", None),
    ("get", "/hsds/taxonomies/{id}"): ("/hsds/taxonomies/nope", None),
    ("get", "/hsds/taxonomy_terms"): ("/hsds/taxonomy_terms", None),
    ("get", "/hsds/taxonomy_terms/{id}"): ("/hsds/taxonomy_terms/nope", None),
    ("get", "/v1/admin/runs"): ("/v1/admin/runs", None),
}


def document(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    found: dict[str, Any] = response.json()
    return found


def operations(doc: dict[str, Any]) -> dict[Operation, dict[str, Any]]:
    return {
        (method, path): operation
        for path, methods in doc["paths"].items()
        for method, operation in methods.items()
    }


def declared(doc: dict[str, Any], method: str, path: str) -> set[str]:
    return set(doc["paths"][path][method]["responses"])


@contextmanager
def app_with(settings: Settings) -> Iterator[TestClient]:
    """The app under ``settings``, with an admin key configured."""
    app = create_app(settings)
    hashes = key_hash(ADMIN_KEY)
    app.dependency_overrides[get_admin_settings] = lambda: AdminSettings(
        admin_api_key_hashes=hashes
    )
    with TestClient(app) as client:
        yield client


def answer(
    client: TestClient, operation: Operation, key: str | None = None, body: Any = None
) -> int:
    method = operation[0]
    url, sample = SAMPLES[operation]
    headers = {"X-API-Key": key} if key else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
        return client.request(method, url, content=body, headers=headers).status_code
    return client.request(method, url, json=sample, headers=headers).status_code


def the_key_for(operation: Operation, configured: dict[str, Any] | None = None) -> str:
    """The key a request to ``operation`` sends to be let in."""
    if operation[1].startswith("/v1/admin"):
        return ADMIN_KEY
    if operation[1] == "/v1/export/hsds" and "export_api_key_hashes" in (configured or {}):
        return EXPORT_KEY
    return READ_KEY


def test_the_document_is_valid_openapi(client: TestClient) -> None:
    validate(document(client))


def test_every_operation_has_a_sample_request(client: TestClient) -> None:
    assert set(operations(document(client))) == set(SAMPLES)


# The property: for each of these answers, a route declares it if and only if it gives it.


@pytest.mark.parametrize(
    "configured",
    [
        {},
        {"read_api_key_hashes": key_hash(READ_KEY)},
        {"export_access": "key", "export_api_key_hashes": key_hash(EXPORT_KEY)},
        {"export_access": "open"},
    ],
    ids=["defaults", "read-keys", "export-keyed", "export-open"],
)
def test_401_is_declared_where_a_request_without_a_key_gets_it(
    elasticsearch_url: str, indexed, configured: dict[str, Any]
) -> None:
    with app_with(Settings(ELASTICSEARCH_URL=elasticsearch_url, **configured)) as client:
        doc = document(client)
        for operation in operations(doc):
            status = answer(client, operation)
            assert (status == 401) == ("401" in declared(doc, *operation)), (operation, status)
            if status == 401:
                keyed = answer(client, operation, key=the_key_for(operation, configured))
                assert keyed != 401, operation


def test_503_is_declared_where_elasticsearch_away_gives_it(elasticsearch_url: str) -> None:
    with app_with(Settings(ELASTICSEARCH_URL=DOWN)) as client:
        doc = document(client)
        for operation in operations(doc):
            status = answer(client, operation, key=the_key_for(operation))
            assert (status == 503) == ("503" in declared(doc, *operation)), (operation, status)


def test_413_is_declared_on_every_route_that_takes_a_body_and_only_there(
    elasticsearch_url: str, indexed
) -> None:
    limit = Settings().max_body_bytes
    too_large = b'{"location": {"zip": "87102"}, "x": "' + b"a" * limit + b'"}'
    with app_with(Settings(ELASTICSEARCH_URL=elasticsearch_url)) as client:
        doc = document(client)
        for operation, spec in operations(doc).items():
            takes_a_body = "requestBody" in spec
            assert ("413" in declared(doc, *operation)) == takes_a_body, operation
            if takes_a_body:
                status = answer(client, operation, key=the_key_for(operation), body=too_large)
                assert status == 413, operation


def test_429_is_declared_where_a_client_can_reach_its_limit(
    elasticsearch_url: str, indexed
) -> None:
    settings = Settings(ELASTICSEARCH_URL=elasticsearch_url, export_per_client_per_hour=1)
    with app_with(settings) as client:
        doc = document(client)
        for operation in operations(doc):
            key = ADMIN_KEY if operation[1].startswith("/v1/admin") else None
            statuses = {answer(client, operation, key=key) for _ in range(2)}
            limited = 429 in statuses
            assert limited == ("429" in declared(doc, *operation)), (operation, statuses)


# Every other answer a route gives is declared too.


def test_every_answer_a_route_gives_is_declared(client: TestClient, elasticsearch_url) -> None:
    doc = document(client)
    seen: dict[Operation, set[int]] = {}
    # As served: 200s, unknown ids (404), bad parameters (422).
    for operation in SAMPLES:
        if operation != ("get", "/v1/admin/runs"):
            seen.setdefault(operation, set()).add(answer(client, operation))
    for method, route, url in (
        ("get", "/v1/facilities/search", BAD_SEARCH),
        ("get", "/hsds/services", "/hsds/services?per_page=0"),
        ("get", "/hsds/service_at_locations", "/hsds/service_at_locations?postcode=1"),
        ("get", "/v1/referrals/sheet", "/v1/referrals/sheet?ids="),
        ("get", "/hsds/taxonomy_terms", "/hsds/taxonomy_terms?taxonomy_id=nope"),
    ):
        seen.setdefault((method, route), set()).add(client.request(method, url).status_code)
    bad_match = client.post("/v1/referrals/match", json={"location": {}})
    seen[("post", "/v1/referrals/match")].add(bad_match.status_code)
    for (method, route), statuses in seen.items():
        assert {str(s) for s in statuses} <= declared(doc, method, route), (route, statuses)
    assert 422 in seen[("get", "/hsds/services")]
    assert 404 in seen[("get", "/hsds/services/{id}")]


def test_the_document_says_which_routes_need_a_key(
    client: TestClient, elasticsearch_url: str
) -> None:
    open_doc = document(client)
    schemes = open_doc["components"]["securitySchemes"]
    assert {name: (s["in"], s["name"]) for name, s in schemes.items()} == {
        "ReadKey": ("header", "X-API-Key"),
        "AdminKey": ("header", "X-API-Key"),
        "ExportKey": ("header", "X-API-Key"),
    }
    search = open_doc["paths"]["/v1/facilities/search"]["get"]
    assert search["security"] == [{}, {"ReadKey": []}]  # no read keys configured: optional
    assert "401" not in search["responses"]
    export = open_doc["paths"]["/v1/export/hsds"]["get"]
    assert export["security"] == [{}, {"ExportKey": []}]  # keyless, but limited: 429
    assert {"401", "429"} & set(export["responses"]) == {"429"}
    admin = open_doc["paths"]["/v1/admin/runs"]["get"]
    assert admin["security"] == [{"AdminKey": []}] and "401" in admin["responses"]
    assert "security" not in open_doc["paths"]["/healthz"]["get"]
    keyed = Settings(ELASTICSEARCH_URL=elasticsearch_url, read_api_key_hashes=key_hash("k"))
    with TestClient(create_app(keyed)) as locked:
        keyed_doc = document(locked)
    for path, methods in keyed_doc["paths"].items():
        for operation in methods.values():
            if path.startswith(("/v1/facilities", "/v1/referrals", "/hsds")):
                assert operation["security"] == [{"ReadKey": []}], path
    # The export takes a read key, or a key for the export alone.
    keyed_export = keyed_doc["paths"]["/v1/export/hsds"]["get"]
    assert keyed_export["security"] == [{"ReadKey": []}, {"ExportKey": []}]
    export_keyed = Settings(
        ELASTICSEARCH_URL=elasticsearch_url,
        export_access="key",
        export_api_key_hashes=key_hash("e"),
    )
    with TestClient(create_app(export_keyed)) as locked:
        export_doc = document(locked)
    assert export_doc["paths"]["/v1/export/hsds"]["get"]["security"] == [{"ExportKey": []}]
    assert export_doc["paths"]["/hsds/services"]["get"]["security"] == [{}, {"ReadKey": []}]
    assert client.get("/v1/admin/runs").status_code == 401  # as declared, key or not
