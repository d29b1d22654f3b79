"""Referral matching and the printable sheet; a patient's needs are neither logged nor kept."""

from __future__ import annotations

import csv
import io
import logging
from urllib.parse import parse_qs, urlparse

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from iop.indices import ALIAS
from tests.api.conftest import DENVER
from tests.api.log_records import what_records_say

NEEDS = {
    "location": {"zip": "80202"},
    "required_services": ["iop"],
    "payment": ["medicaid", "self_pay"],
    "schedule": ["evening", "weekend"],
    "languages": ["spanish"],
    "populations": ["women"],
    "preferred_services": ["mat_buprenorphine"],
}


def match(client: TestClient, needs: dict) -> dict:
    response = client.post("/v1/referrals/match", json=needs)
    assert response.status_code == 200, response.text
    return response.json()


def test_match_returns_the_facilities_meeting_every_need_with_reasons(
    client: TestClient,
) -> None:
    body = match(client, NEEDS)
    assert [hit["name"] for hit in body["results"]] == ["Clinic den-full"]
    hit = body["results"][0]
    assert hit["why"][1] == "offers 1 of 2 preferred: Buprenorphine"
    assert "offers Medicaid" in hit["why"]
    assert "offers evening" in hit["why"]
    assert body["origin"]["precision"] == "zip_centroid"
    sheet = parse_qs(urlparse(body["sheet_url"]).query)
    assert sheet["ids"] == [hit["id"]]
    assert (sheet["zip"], sheet["services"], sheet["schedule"]) == (
        ["80202"],
        ["iop"],
        ["evening,weekend"],
    )


def test_match_can_relax_to_unknown_and_add_virtual_programs(client: TestClient) -> None:
    needs = {"location": {"near": "Denver, CO"}, "include_virtual": True, "limit": 50}
    body = match(client, needs)
    assert body["origin"]["precision"] == "city_centroid"
    names = {hit["name"] for hit in body["results"]}
    assert {"Clinic den-full", "Clinic den-plain", "Clinic virtual-co-nm"} <= names
    assert "Clinic virtual-tx" not in names


@pytest.mark.parametrize(
    ("needs", "loc"),
    [
        ({**NEEDS, "payment": ["medicaid", "evening"]}, ["body", "payment"]),
        ({**NEEDS, "required_services": ["iop", "levitation"]}, ["body", "required_services"]),
        ({**NEEDS, "radius_miles": 501}, ["body", "radius_miles"]),
        ({**NEEDS, "location": {"zip": "123"}}, ["body", "location", "zip"]),
        ({**NEEDS, "location": {"zip": "80202-12"}}, ["body", "location", "zip"]),
        ({**NEEDS, "location": {"zip": "00000"}}, ["body", "location", "zip"]),
        ({**NEEDS, "location": {"lat": 39.7}}, ["body"]),
        ({**NEEDS, "location": {"zip": "80202", "near": "Denver, CO"}}, ["body"]),
        ({**NEEDS, "diagnosis": "x"}, ["body", "diagnosis"]),
    ],
)
def test_bad_needs_are_422_naming_the_field(client: TestClient, needs: dict, loc: list) -> None:
    response = client.post("/v1/referrals/match", json=needs)
    assert response.status_code == 422
    assert any(error["loc"][: len(loc)] == loc for error in response.json()["detail"]), (
        response.json()
    )


def sheet_ids(client: TestClient) -> str:
    ids = [hit["id"] for hit in match(client, {**NEEDS, "payment": [], "schedule": []})["results"]]
    return ",".join(ids)


def test_sheet_html_lists_what_the_patient_needs_to_get_in(client: TestClient) -> None:
    params = {"ids": sheet_ids(client), "lat": DENVER[0], "lon": DENVER[1]}
    response = client.get("/v1/referrals/sheet", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    page = response.text
    for expected in [
        "Clinic den-full",
        "2.1 miles away",
        "(720) 555-0199 (intake); (720) 555-0100 (main line)",
        "Mo-Fr 08:00-16:00",
        "photo ID, insurance card",
        '<th scope="row">Buprenorphine</th><td>yes</td>',
        '<th scope="row">Accepts outside MAT prescriptions</th><td>yes</td>',
        "English, Spanish, Vietnamese",
        "intake in about 2 days (county board,",
        "fetched 2026-11-20; the source states no date (test)",
    ]:
        assert expected in page, expected


def test_sheet_csv_by_format_or_accept(client: TestClient) -> None:
    ids = sheet_ids(client)
    by_format = client.get("/v1/referrals/sheet", params={"ids": ids, "format": "csv"})
    by_accept = client.get(
        "/v1/referrals/sheet", params={"ids": ids}, headers={"Accept": "text/csv"}
    )
    assert by_format.text == by_accept.text
    assert by_format.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(by_format.text)))
    assert rows[0]["name"] == "Clinic den-full"
    assert rows[0]["phone"] == "(720) 555-0199 (intake); (720) 555-0100 (main line)"
    assert rows[0]["what_to_bring"] == "photo ID, insurance card"
    assert rows[0]["mat_buprenorphine_verified"].startswith("fetched 2026-11-20;")
    assert rows[0]["distance_miles"] == ""


def test_a_zip_plus_4_is_its_five_digit_zip_in_a_search(client: TestClient) -> None:
    def search(zip_code: str) -> dict:
        response = client.get("/v1/facilities/search", params={"zip": zip_code})
        assert response.status_code == 200, response.text
        return response.json()

    plus4, five = search("80202-1234"), search("80202")
    assert plus4["origin"] == five["origin"]
    assert plus4["results"] == five["results"]
    assert plus4["origin"]["label"] == "80202"


def test_a_zip_plus_4_is_its_five_digit_zip_in_referral_needs(client: TestClient) -> None:
    plus4 = match(client, {**NEEDS, "location": {"zip": "80202-1234"}})
    five = match(client, NEEDS)
    assert plus4["origin"] == five["origin"]
    assert [hit["id"] for hit in plus4["results"]] == [hit["id"] for hit in five["results"]]


def test_sheet_of_an_unknown_facility_is_404(client: TestClient) -> None:
    response = client.get("/v1/referrals/sheet", params={"ids": "fac_nope"})
    assert response.status_code == 404


DISTINCT = {
    "location": {"near": "1742 Zanzibarian Way, Denver, CO 80202"},
    "languages": ["Klingonese"],
    "required_services": ["iop"],
    "include_unknown": True,
}


def _indexing_total(es: Elasticsearch) -> int:
    stats = es.indices.stats(index=f"{ALIAS}-*", metric="indexing")
    return int(stats["_all"]["total"]["indexing"]["index_total"])


def test_no_patient_data_in_logs_or_elasticsearch(
    client: TestClient, es: Elasticsearch, caplog: pytest.LogCaptureFixture
) -> None:
    before = _indexing_total(es)
    with caplog.at_level(logging.DEBUG):
        match(client, DISTINCT)
        sheet = client.get(
            "/v1/referrals/sheet",
            params={"ids": sheet_ids(client), "near": "1742 Zanzibarian Way, Denver, CO 80202"},
        )
        assert sheet.status_code == 200
    served = [r for r in caplog.records if not r.name.startswith("httpx2")]  # the test's client
    logged = what_records_say(served)
    assert "/v1/referrals/match" in logged
    for secret in ("Zanzibarian", "Klingonese", "80202"):
        assert secret not in logged
    es.indices.refresh(index="*")
    assert _indexing_total(es) == before
    found = es.search(index="*", q="Zanzibarian OR Klingonese", size=0)
    assert found["hits"]["total"]["value"] == 0
