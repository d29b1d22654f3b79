"""No silent zero: a search that finds fewer than three says what each filter keeps out.

For every required filter: how many facilities would match without it, and how many of those
have not stated it; and how many match within twice the radius. Checked against the
brute-force oracle of the filter tests.
"""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from iop.documents import DEFAULT_AVAILABILITY_MAX_AGE_DAYS, availability_is_current
from iop.facility import Facility
from iop.vocabulary import service_values
from tests.api.conftest import BOISE
from tests.api.test_filters import RADIUS, oracle, random_searches

WHERE = {"lat": BOISE[0], "lon": BOISE[1], "radius_miles": RADIUS}


def unstated(facility: Facility, parameter: str, value: str) -> bool:
    """Whether the facility's sources have said nothing of this filter."""
    values = service_values(facility)
    if parameter == "services":
        return values[value] is None
    if parameter == "payment":
        codes = value.split(",")
        return not any(values[c] for c in codes) and any(values[c] is None for c in codes)
    if parameter == "ownership":
        return facility.ownership is None
    if parameter == "max_days_to_intake":
        current = availability_is_current(facility, date.today(), DEFAULT_AVAILABILITY_MAX_AGE_DAYS)
        return not current or facility.availability.days_to_intake is None
    if parameter == "accepting_new_patients":
        return facility.availability.accepting_new_patients is None
    raise AssertionError(parameter)


def without(params: dict, parameter: str, value: str) -> dict:
    kept = dict(params)
    if parameter == "services":
        codes = [c for c in str(params["services"]).split(",") if c != value]
        kept["services"] = ",".join(codes)
    else:
        kept.pop(parameter)
    return kept


def test_few_or_no_matches_explain_what_each_filter_keeps_out(
    client: TestClient, indexed: list[Facility]
) -> None:
    by_id = {facility.id: facility for facility in indexed}
    explained = 0
    for params in random_searches(60):
        params = {k: v for k, v in params.items() if k != "sort"}
        body = client.get("/v1/facilities/search", params={**WHERE, **params}).json()
        if body["total"] >= 3:
            assert "relaxations" not in body
            continue
        explained += 1
        relaxations = body["relaxations"]
        for relaxation in relaxations[:-1]:
            loose = without(params, relaxation["parameter"], relaxation["value"])
            kept_out = oracle(indexed, loose)
            assert relaxation["matches_without"] == len(kept_out), relaxation
            not_said = [
                i
                for i in kept_out
                if unstated(by_id[i], relaxation["parameter"], relaxation["value"])
            ]
            assert relaxation["matches_unknown"] == len(not_said), relaxation
        wider = relaxations[-1]
        assert wider["parameter"] == "radius_miles" and wider["value"] == str(2 * RADIUS)
        assert wider["matches_without"] == len(oracle(indexed, params, radius=2 * RADIUS))
    assert explained >= 5


def test_a_zero_result_search_says_it_in_words(client: TestClient) -> None:
    params = {**WHERE, "services": "iop,evening,weekend,sign_language", "limit": 5}
    body = client.get("/v1/facilities/search", params=params).json()
    assert body["total"] == 0
    words = {r["label"]: r["words"] for r in body["relaxations"]}
    assert set(words) >= {"IOP", "evening", "weekend", "sign language"}
    for relaxation in body["relaxations"]:
        count = relaxation["matches_without"]
        assert str(count) in relaxation["words"] or "none match" in relaxation["words"]


def test_the_referral_match_explains_itself_too(client: TestClient) -> None:
    needs = {
        "location": {"lat": BOISE[0], "lon": BOISE[1]},
        "radius_miles": RADIUS,
        "required_services": ["iop", "evening", "weekend", "sign_language"],
        "payment": ["medicaid"],
    }
    body = client.post("/v1/referrals/match", json=needs).json()
    assert body["total"] == 0
    parameters = {(r["parameter"], r["value"]) for r in body["relaxations"]}
    assert ("services", "sign_language") in parameters
    assert ("payment", "medicaid") in parameters
