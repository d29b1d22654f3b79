"""Required filters: every result meets every one, unknown never matches unless asked.

A brute-force oracle over the facilities the suite indexed decides what each search must return.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from fastapi.testclient import TestClient

from iop.documents import DEFAULT_AVAILABILITY_MAX_AGE_DAYS, availability_is_current
from iop.facility import Facility
from iop.geo import Point, great_circle_miles
from iop.vocabulary import service_values
from tests.api.conftest import BOISE, CROWD_CODES, DENVER

RADIUS = 50


def fetch_all(client: TestClient, **params) -> list[dict]:
    """Every result of a search, page by page."""
    results: list[dict] = []
    params = {"limit": 7, **params}
    while True:
        response = client.get("/v1/facilities/search", params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        results += body["results"]
        if body["next_cursor"] is None:
            return results
        params["cursor"] = body["next_cursor"]


def meets(value: object, include_unknown: bool) -> bool:
    return value is True or (include_unknown and value is None)


def oracle(facilities: list[Facility], params: dict, radius: float = RADIUS) -> set[str]:
    unknown_ok = params.get("include_unknown", False)
    origin = Point(*BOISE)
    expected = set()
    for facility in facilities:
        if facility.location is None or facility.status != "active":
            continue
        if great_circle_miles(origin, Point(facility.location.lat, facility.location.lon)) > radius:
            continue
        values = service_values(facility)
        required = [c for c in params.get("services", "iop").split(",") if c]
        if not all(meets(values[code], unknown_ok) for code in required):
            continue
        payment = params.get("payment")
        if payment and not any(meets(values[c], unknown_ok) for c in payment.split(",")):
            continue
        owner = facility.ownership
        if "ownership" in params and not (
            (owner is not None and params["ownership"] in (owner.value, owner.sector))
            or (owner is None and unknown_ok)
        ):
            continue
        # Only a current wait counts: an older one is shown, dated, and is no answer.
        current = availability_is_current(facility, date.today(), DEFAULT_AVAILABILITY_MAX_AGE_DAYS)
        days = facility.availability.days_to_intake if current else None
        if "max_days_to_intake" in params and not (
            (days is not None and days <= params["max_days_to_intake"])
            or (days is None and unknown_ok)
        ):
            continue
        accepting = facility.availability.accepting_new_patients
        if params.get("accepting_new_patients") and not meets(accepting, unknown_ok):
            continue
        expected.add(facility.id)
    return expected


def random_searches(count: int) -> list[dict]:
    rng = random.Random(27)
    searches = []
    for _ in range(count):
        params: dict = {"services": ",".join(rng.sample(CROWD_CODES, rng.randint(1, 2)))}
        if rng.random() < 0.3:
            params["payment"] = "medicaid,self_pay"
        if rng.random() < 0.4:
            params["ownership"] = rng.choice(["public", "private", "private_non_profit"])
        if rng.random() < 0.4:
            params["max_days_to_intake"] = rng.choice([3, 14, 30])
        if rng.random() < 0.3:
            params["accepting_new_patients"] = True
        params["include_unknown"] = rng.random() < 0.5
        params["sort"] = rng.choice(["best", "distance", "wait"])
        searches.append(params)
    return searches


@pytest.mark.parametrize("params", random_searches(24), ids=str)
def test_results_are_exactly_the_facilities_meeting_every_required_filter(
    client: TestClient, indexed: list[Facility], params: dict
) -> None:
    results = fetch_all(client, lat=BOISE[0], lon=BOISE[1], radius_miles=RADIUS, **params)
    ids = [hit["id"] for hit in results]
    assert len(ids) == len(set(ids))
    assert set(ids) == oracle(indexed, params)


def test_unknown_is_kept_only_when_asked_and_then_marked(client: TestClient) -> None:
    where = {"lat": DENVER[0], "lon": DENVER[1], "services": "iop"}
    strict = {hit["name"] for hit in fetch_all(client, **where)}
    assert "Clinic den-iop-unknown" not in strict
    assert "Clinic den-not-iop" not in strict
    loose = {hit["name"]: hit for hit in fetch_all(client, **where, include_unknown=True)}
    assert "Clinic den-not-iop" not in loose  # known not to offer IOP: never
    marked = loose["Clinic den-iop-unknown"]
    assert marked["unknown_services"] == ["iop"]
    assert "meets 0 of 1 needs; not stated: IOP" in marked["why"]
    assert marked["not_stated"] == ["IOP"]
    assert loose["Clinic den-plain"]["unknown_services"] == []


def test_unknown_ownership_and_wait_are_marked(client: TestClient) -> None:
    params = {"ownership": "public", "max_days_to_intake": 5, "include_unknown": True}
    hits = {hit["name"]: hit for hit in fetch_all(client, lat=DENVER[0], lon=DENVER[1], **params)}
    assert set(hits) == {"Clinic den-full", "Clinic den-plain", "Clinic den-iop-unknown"}
    assert hits["Clinic den-plain"]["not_stated"] == ["ownership", "current wait"]
    assert hits["Clinic den-plain"]["needs_confirmed"] == 1  # iop, of iop, ownership, wait
    assert hits["Clinic den-full"]["not_stated"] == []
    assert hits["Clinic den-full"]["needs_confirmed"] == 3


def test_languages_by_name(client: TestClient) -> None:
    where = {"lat": DENVER[0], "lon": DENVER[1]}
    assert [h["name"] for h in fetch_all(client, **where, languages="vietnamese")] == [
        "Clinic den-full"
    ]
    assert fetch_all(client, **where, languages="Hmong") == []


def test_stale_listings_only_when_asked(client: TestClient) -> None:
    where = {"lat": DENVER[0], "lon": DENVER[1]}
    assert "Clinic den-stale" not in {h["name"] for h in fetch_all(client, **where)}
    with_stale = {h["name"]: h for h in fetch_all(client, **where, include_stale=True)}
    assert with_stale["Clinic den-stale"]["status"] == "stale"
    assert any("stale" in line for line in with_stale["Clinic den-stale"]["why"])


def test_virtual_programs_only_when_asked_and_only_where_licensed(client: TestClient) -> None:
    where = {"lat": DENVER[0], "lon": DENVER[1]}
    assert not any(hit["virtual"] for hit in fetch_all(client, **where))
    hits = fetch_all(client, **where, include_virtual=True, sort="distance")
    virtual = [hit for hit in hits if hit["virtual"]]
    assert [hit["name"] for hit in virtual] == ["Clinic virtual-co-nm"]
    assert virtual[0]["distance_miles"] is None
    assert virtual[0]["why"][0] == "virtual program licensed in CO"
    assert hits[-1]["virtual"]  # no distance: after every in-person program
    texas = fetch_all(client, **where, include_virtual=True, state="TX")
    assert [hit["name"] for hit in texas if hit["virtual"]] == ["Clinic virtual-tx"]
    loose = fetch_all(client, **where, include_virtual=True, include_unknown=True)
    assert {h["name"] for h in loose if h["virtual"]} == {
        "Clinic virtual-co-nm",
        "Clinic virtual-states-unknown",
    }


def test_an_old_wait_is_shown_dated_but_does_not_meet_a_wait_filter(client: TestClient) -> None:
    """Clinic den-partial stated a 10-day wait 100 days ago."""
    where = {"lat": DENVER[0], "lon": DENVER[1]}
    within_a_month = {h["name"] for h in fetch_all(client, **where, max_days_to_intake=30)}
    assert "Clinic den-partial" not in within_a_month
    shown = {h["name"]: h for h in fetch_all(client, **where)}["Clinic den-partial"]
    assert shown["wait"]["days_to_intake"] == 10 and shown["wait"]["as_of"] is not None
    assert "that wait is too old to count in the ranking or the wait filter" in shown["why"]
    kept = {
        h["name"]: h
        for h in fetch_all(client, **where, max_days_to_intake=30, include_unknown=True)
    }
    assert kept["Clinic den-partial"]["not_stated"] == ["current wait"]


def test_results_name_the_program_with_its_operator(client: TestClient) -> None:
    hit = fetch_all(client, lat=DENVER[0], lon=DENVER[1])[0]
    assert hit["display_name"] == hit["name"]  # fixtures have no operator
    assert "operator" in hit
