"""Search: required services filter, the radius holds, sorts order, every hit says why."""

from __future__ import annotations

from fastapi.testclient import TestClient

from iop.facility import Facility
from iop.geo import Point, great_circle_miles
from tests.api.conftest import ORIGIN

LAT, LON = ORIGIN


def search(client: TestClient, **params) -> dict:
    response = client.get("/v1/facilities/search", params={"lat": LAT, "lon": LON, **params})
    assert response.status_code == 200, response.text
    return response.json()


def names(body: dict) -> list[str]:
    return [hit["name"] for hit in body["results"]]


def test_required_services_within_the_radius_nearest_first(client: TestClient) -> None:
    body = search(client, services="iop", radius_miles=25, sort="distance")
    assert names(body) == [
        "Clinic near-iop-bup",
        "Clinic mid-iop-wait2",
        "Clinic mid-iop-unknown-bup",
        "Clinic far-iop",
    ]
    assert body["total"] == 4
    distances = [hit["distance_miles"] for hit in body["results"]]
    assert distances == sorted(distances)


def test_distances_are_great_circle_miles(client: TestClient, indexed: list[Facility]) -> None:
    body = search(client, services="iop", sort="distance")
    by_id = {f.id: f for f in indexed}
    for hit in body["results"]:
        location = by_id[hit["id"]].location
        expected = great_circle_miles(Point(LAT, LON), Point(location.lat, location.lon))
        assert abs(hit["distance_miles"] - expected) <= 0.05


def test_services_default_to_iop(client: TestClient) -> None:
    assert names(search(client, sort="distance")) == names(
        search(client, services="iop", sort="distance")
    )


def test_unknown_is_not_a_match(client: TestClient) -> None:
    body = search(client, services="iop,mat_buprenorphine")
    assert names(body) == ["Clinic near-iop-bup"]
    assert body["results"][0]["matched_services"] == ["iop", "mat_buprenorphine"]


def test_zip_searches_from_the_zip_centroid(client: TestClient) -> None:
    body = client.get(
        "/v1/facilities/search", params={"zip": "87102", "services": "iop", "radius_miles": 30}
    ).json()
    assert body["origin"]["source"] == "zip"
    assert body["origin"]["precision"] == "zip_centroid"
    assert body["origin"]["state"] == "NM"
    assert "Clinic near-iop-bup" in names(body)


def test_sort_by_wait_puts_known_short_waits_first(client: TestClient) -> None:
    body = search(client, services="iop", sort="wait")
    assert names(body)[:2] == ["Clinic mid-iop-wait2", "Clinic far-iop"]
    assert body["results"][0]["wait"]["days_to_intake"] == 2


def test_best_blends_distance_and_wait_and_explains_it(client: TestClient) -> None:
    body = search(client, services="iop")
    ranked = names(body)
    # A stated two-day wait outweighs 0.7 mile; the 30-day wait 22 miles out comes last.
    assert ranked.index("Clinic mid-iop-wait2") < ranked.index("Clinic mid-iop-unknown-bup")
    assert ranked[-1] == "Clinic far-iop"
    scores = [hit["score"] for hit in body["results"]]
    assert scores == sorted(scores, reverse=True)
    for hit in body["results"]:
        assert hit["why"][0].endswith("mi away")
        assert set(hit["score_parts"]) == {"nearness", "preferences", "wait", "accepting"}


def test_facility_by_id_has_every_field_and_provenance(
    client: TestClient, indexed: list[Facility]
) -> None:
    facility = indexed[0]
    body = client.get(f"/v1/facilities/{facility.id}").json()
    assert body["levels_of_care"]["iop"] is True
    assert body["levels_of_care"]["residential"] is None  # unknown stays unknown
    assert body["provenance"]["levels_of_care.iop"]["source"] == "test"


def test_unknown_facility_is_404(client: TestClient) -> None:
    response = client.get("/v1/facilities/fac_doesnotexist")
    assert response.status_code == 404
