"""Open Referral HSDS 3.0: one facility's view, the NDJSON export, and the HSDS API profile
under /hsds, over the known directory of tests/api/conftest.py. Every answer is validated
against Open Referral's published schemas. (Incremental sync, which needs the indexer's
rebuilds, is tested in test_hsds_sync.py.)"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.hsds import TERMS, entity_id
from api.main import create_app
from api.security import key_hash
from iop.facility import Facility
from iop.geo import Point, great_circle_miles, zip_centroid
from tests.api.hsds_schemas import errors, profile_answer, require_standards, schema

LISTS = {
    "/services": ("service_list", "service"),
    "/organizations": ("organization_list", "organization"),
    "/service_at_locations": ("service_at_location_list", "service_at_location"),
}


@pytest.fixture(scope="module", autouse=True)
def standards() -> None:
    require_standards()


def by_ref(indexed: list[Facility], ref: str) -> Facility:
    return next(f for f in indexed if f.sources[0].ref == ref)


def every_page(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, page by page, each page checked against the profile."""
    items: list[dict[str, Any]] = []
    number = 1
    while True:
        body = client.get(f"/hsds{path}", params={**params, "page": number}).json()
        assert errors(profile_answer(path), body) == []
        assert body["page_number"] == number and body["size"] == len(body["contents"])
        assert body["first_page"] is (number == 1)
        items += body["contents"]
        if body["last_page"]:
            assert len(items) == body["total_items"]
            return items
        number += 1


def services_of(items: list[dict[str, Any]]) -> set[str]:
    return {item["service"]["id"] if "service" in item else item["id"] for item in items}


def service_ids(facilities: list[Facility]) -> set[str]:
    return {entity_id(f.id, "service") for f in facilities}


# One facility, and the export.


def test_a_facility_as_an_hsds_organization(client: TestClient, indexed) -> None:
    facility = by_ref(indexed, "den-full")
    response = client.get(f"/v1/facilities/{facility.id}/hsds")
    assert response.status_code == 200
    organization = response.json()
    assert errors(schema("organization"), organization) == []
    assert organization["name"] == "Clinic den-full"
    assert organization["legal_status"] == "public local"
    assert {"iop-directory", "test"} == {
        i["identifier_scheme"] for i in organization["organization_identifiers"]
    }
    [service] = organization["services"]
    [location] = organization["locations"]
    [link] = service["service_at_locations"]
    assert (link["service_id"], link["location_id"]) == (service["id"], location["id"])
    assert service["organization_id"] == location["organization_id"] == organization["id"]
    assert service["name"] == "Intensive outpatient program"
    assert service["status"] == "active"
    assert {(lang["name"], lang["code"]) for lang in service["languages"]} == {
        ("Spanish", "es"),
        ("Vietnamese", "vi"),
    }
    assert [d["document"] for d in service["required_documents"]] == [
        "photo ID",
        "insurance card",
    ]
    assert [p["number"] for p in service["phones"]] == ["+17205550199"]
    assert [p["number"] for p in organization["phones"]] == ["+17205550100"]
    assert service["application_process"] == "walk-ins welcome; intake hours: Mo-Fr 08:00-16:00"
    assert service["wait_time"].startswith("~2 days to intake (as of ")
    attributes = {a["taxonomy_term"]["code"]: a["value"] for a in service["attributes"]}
    assert attributes["iop"] == "true"
    assert attributes["mat_buprenorphine"] == "true"
    assert "residential" not in attributes  # unknown is left out, not "false"
    assert all(a["taxonomy_term"]["description"] for a in service["attributes"])
    assert location["location_type"] == "physical"
    assert location["latitude"] == facility.location.lat
    assert location["addresses"][0]["state_province"] == "NM"
    fields = {m["field_name"] for m in organization["metadata"]}
    assert "availability.days_to_intake" in fields
    assert all(m["updated_by"] == "test" for m in organization["metadata"])


def test_unknown_facts_are_left_out_never_null(client: TestClient, indexed) -> None:
    plain = client.get(f"/v1/facilities/{by_ref(indexed, 'den-plain').id}/hsds")
    assert "null" not in plain.text
    service = plain.json()["services"][0]
    for unknown in ("wait_time", "assured_date", "fees_description", "alert", "url", "email"):
        assert unknown not in service
    assert {a["taxonomy_term"]["code"] for a in service["attributes"]} == {"iop"}


def test_known_not_offered_is_false_and_phone_extensions_are_numbers(
    client: TestClient, indexed
) -> None:
    residential = client.get(f"/v1/facilities/{by_ref(indexed, 'near-residential').id}/hsds")
    attributes = {
        a["taxonomy_term"]["code"]: a["value"]
        for a in residential.json()["services"][0]["attributes"]
    }
    assert attributes == {"iop": "false", "residential": "true"}


def test_virtual_and_stale_programs_in_hsds(client: TestClient, indexed) -> None:
    virtual = client.get(f"/v1/facilities/{by_ref(indexed, 'virtual-co-nm').id}/hsds").json()
    assert errors(schema("organization"), virtual) == []
    location = virtual["locations"][0]
    assert location["location_type"] == "virtual"
    assert "addresses" not in location and "latitude" not in location
    assert [a["name"] for a in virtual["services"][0]["service_areas"]] == ["CO", "NM"]
    stale = client.get(f"/v1/facilities/{by_ref(indexed, 'den-stale').id}/hsds").json()
    assert stale["services"][0]["status"] == "inactive"
    assert stale["services"][0]["alert"]


def test_hsds_of_an_unknown_facility_is_404(client: TestClient) -> None:
    assert client.get("/v1/facilities/fac_nope/hsds").status_code == 404


def test_export_streams_every_facility_once_each_a_valid_organization(
    elasticsearch_url: str, indexed
) -> None:
    settings = Settings(ELASTICSEARCH_URL=elasticsearch_url, export_page_size=10)
    with TestClient(create_app(settings)) as client:
        response = client.get("/v1/export/hsds")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    organizations = [json.loads(line) for line in response.text.splitlines()]
    for organization in organizations:
        assert errors(schema("organization"), organization) == []
    exported = [
        next(
            i["identifier"]
            for i in o["organization_identifiers"]
            if i["identifier_scheme"] == "iop-directory"
        )
        for o in organizations
    ]
    assert sorted(exported) == sorted(f.id for f in indexed)
    assert len({o["id"] for o in organizations}) == len(indexed)


# The HSDS API profile.


def test_the_api_says_what_it_is(client: TestClient) -> None:
    meta = client.get("/hsds/").json()
    assert errors(profile_answer("/"), meta) == []
    assert meta["version"] == "3.0"
    assert meta["openapi_url"] == "http://testserver/openapi.json"
    assert client.get(meta["openapi_url"]).status_code == 200
    assert meta["profile"].startswith("http://testserver/docs")


@pytest.mark.parametrize("path", LISTS)
def test_each_list_pages_through_every_facility_once(
    client: TestClient, indexed, path: str
) -> None:
    form, kind = LISTS[path]
    items = every_page(client, path, per_page=7)
    for item in items:
        assert errors(schema(form), item) == []
    # Each facility once, stale ones too (they say inactive), in the order of facility ids:
    # the same order on every index, so paging keeps its place across a refresh.
    in_id_order = [entity_id(f.id, kind) for f in sorted(indexed, key=lambda f: f.id)]
    assert [item["id"] for item in items] == in_id_order


def test_items_by_id_are_complete_and_unknown_ids_are_404(client: TestClient, indexed) -> None:
    facility = by_ref(indexed, "den-full")
    for path, kind, full in (
        ("/services", "service", "service"),
        ("/organizations", "organization", "organization"),
        ("/service_at_locations", "service_at_location", "service_at_location"),
    ):
        response = client.get(f"/hsds{path}/{entity_id(facility.id, kind)}")
        assert response.status_code == 200
        document = response.json()
        assert errors(schema(full), document) == []
        assert errors(profile_answer(f"{path}/{{id}}"), document) == []
        assert document["id"] == entity_id(facility.id, kind)
        # Another kind's id, or no id of this directory: not found.
        other = entity_id(facility.id, "location")
        assert client.get(f"/hsds{path}/{other}").status_code == 404
        assert client.get(f"/hsds{path}/not-an-id").status_code == 404
    service = client.get(f"/hsds/services/{entity_id(facility.id, 'service')}").json()
    assert service["organization"]["id"] == entity_id(facility.id, "organization")
    link = client.get(f"/hsds/service_at_locations/{entity_id(facility.id, 'service_at_location')}")
    assert link.json()["location"]["addresses"][0]["city"] == "Albuquerque"


def test_taxonomy_is_the_service_vocabulary(client: TestClient) -> None:
    [taxonomy] = every_page(client, "/taxonomies")
    assert errors(profile_answer("/taxonomies/{id}"), taxonomy) == []
    terms = every_page(client, "/taxonomy_terms", per_page=10, taxonomy_id=taxonomy["id"])
    assert {term["code"] for term in terms} == set(TERMS)
    for term in terms:
        assert errors(profile_answer("/taxonomy_terms/{id}"), term) == []
        assert term["taxonomy_id"] == taxonomy["id"] and term["description"]
    one = client.get(f"/hsds/taxonomy_terms/{TERMS['mat_buprenorphine']['id']}").json()
    assert one["name"] == "Buprenorphine"
    found = client.get("/hsds/taxonomy_terms", params={"search": "buprenorphine"}).json()
    assert [term["code"] for term in found["contents"]] == ["mat_buprenorphine"]
    assert client.get(f"/hsds/taxonomies/{taxonomy['id']}").json() == taxonomy
    assert client.get("/hsds/taxonomy_terms/nope").status_code == 404


def test_a_taxonomy_term_lists_only_services_known_to_offer_it(client: TestClient, indexed) -> None:
    term = TERMS["mat_buprenorphine"]["id"]
    listed = every_page(client, "/service_at_locations", taxonomy_term_id=term)
    offering = [f for f in indexed if f.medications.mat_buprenorphine is True]
    assert services_of(listed) == service_ids(offering)  # unknown is not a match
    both = f"{term},{TERMS['medicaid']['id']}"
    listed = every_page(client, "/services", taxonomy_term_id=both)
    offering = [f for f in offering if f.payment.medicaid is True]
    assert services_of(listed) == service_ids(offering)


def test_near_a_postcode_nearest_first(client: TestClient, indexed) -> None:
    centroid = zip_centroid("87102")
    assert centroid is not None
    listed = every_page(client, "/service_at_locations", postcode="87102", proximity=30000)
    near = [
        f
        for f in indexed
        if f.location
        and not f.access.virtual_only
        and great_circle_miles(centroid, Point(f.location.lat, f.location.lon)) * 1609.344 < 30000
    ]
    licensed_nm = [
        f for f in indexed if f.access.virtual_only and "NM" in (f.access.licensed_states or [])
    ]
    assert services_of(listed) == service_ids(near + licensed_nm)
    in_person = [
        item["location"] for item in listed if item["location"]["location_type"] == "physical"
    ]
    distances = [
        great_circle_miles(centroid, Point(loc["latitude"], loc["longitude"])) for loc in in_person
    ]
    assert distances == sorted(distances)
    assert listed[-1]["location"]["location_type"] == "virtual"
    # Without proximity: those at the postcode, and the virtual programs licensed in its state.
    at = every_page(client, "/services", postcode="87102")
    in_zip = [f for f in indexed if f.address.postal_code == "87102" and not f.access.virtual_only]
    assert services_of(at) == service_ids(in_zip + licensed_nm)


def test_search_and_organization_filters(client: TestClient, indexed) -> None:
    found = every_page(client, "/organizations", search="den-full")
    assert [o["name"] for o in found] == ["Clinic den-full"]
    facility = by_ref(indexed, "den-partial")
    listed = every_page(client, "/services", organization_id=entity_id(facility.id, "organization"))
    assert [s["id"] for s in listed] == [entity_id(facility.id, "service")]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": 0}, "page"),
        ({"per_page": 0}, "per_page"),
        ({"per_page": 5000}, "per_page"),
        ({"page": 1000, "per_page": 1000}, "page"),
        ({"proximity": 1000}, "proximity"),
        ({"postcode": "8710"}, "postcode"),
        ({"postcode": "00000"}, "postcode"),
        ({"postcode": "87102", "proximity": -5}, "proximity"),
        ({"modified_after": "last tuesday"}, "modified_after"),
        ({"taxonomy_term_id": "nope"}, "taxonomy_term_id"),
        ({"organization_id": "nope"}, "organization_id"),
    ],
)
def test_bad_parameters_are_422_naming_them(
    client: TestClient, indexed, params: dict[str, Any], field: str
) -> None:
    response = client.get("/hsds/service_at_locations", params=params)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", field] and error["msg"]


def test_hsds_is_503_without_elasticsearch_and_401_without_a_required_key(
    elasticsearch_url: str, indexed
) -> None:
    with TestClient(create_app(Settings(ELASTICSEARCH_URL="http://127.0.0.1:9"))) as client:
        down = client.get("/hsds/services")
    assert down.status_code == 503 and down.headers["Retry-After"]
    keyed = Settings(ELASTICSEARCH_URL=elasticsearch_url, read_api_key_hashes=key_hash("k1"))
    with TestClient(create_app(keyed)) as client:
        assert client.get("/hsds/services").status_code == 401
        assert client.get("/hsds/services", headers={"X-API-Key": "k1"}).status_code == 200
