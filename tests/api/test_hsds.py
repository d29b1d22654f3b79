"""Open Referral HSDS 3.0: one facility, and the whole directory as streamed NDJSON."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from iop.facility import Facility


def by_ref(indexed: list[Facility], ref: str) -> Facility:
    return next(f for f in indexed if f.sources[0].ref == ref)


def test_a_facility_as_an_hsds_organization(client: TestClient, indexed) -> None:
    facility = by_ref(indexed, "den-full")
    response = client.get(f"/v1/facilities/{facility.id}/hsds")
    assert response.status_code == 200
    organization = response.json()
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
    assert "residential" not in attributes  # unknown is left out, not "false"
    assert location["location_type"] == "physical"
    assert location["latitude"] == facility.location.lat
    assert location["addresses"][0]["state_province"] == "NM"
    fields = {m["field_name"] for m in organization["metadata"]}
    assert "availability.days_to_intake" in fields
    assert all(m["updated_by"] == "test" for m in organization["metadata"])


def test_virtual_and_stale_programs_in_hsds(client: TestClient, indexed) -> None:
    virtual = client.get(f"/v1/facilities/{by_ref(indexed, 'virtual-co-nm').id}/hsds").json()
    assert virtual["locations"][0]["location_type"] == "virtual"
    assert virtual["locations"][0]["addresses"] == []
    assert [a["name"] for a in virtual["services"][0]["service_areas"]] == ["CO", "NM"]
    stale = client.get(f"/v1/facilities/{by_ref(indexed, 'den-stale').id}/hsds").json()
    assert stale["services"][0]["status"] == "inactive"
    assert stale["services"][0]["alert"]


def test_hsds_of_an_unknown_facility_is_404(client: TestClient) -> None:
    assert client.get("/v1/facilities/fac_nope/hsds").status_code == 404


def test_export_streams_every_facility_once(elasticsearch_url: str, indexed) -> None:
    settings = Settings(ELASTICSEARCH_URL=elasticsearch_url, export_page_size=10)
    with TestClient(create_app(settings)) as client:
        response = client.get("/v1/export/hsds")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    organizations = [json.loads(line) for line in response.text.splitlines()]
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
