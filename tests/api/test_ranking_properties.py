"""Ranking a doctor would agree with, as properties over generated data, on a real index.

A generated neighbourhood is indexed through the indexer's own documents; hypothesis then
generates searches (where, what is required, what is preferred, unknowns kept or not) and
every answer must keep these promises:

* a facility that currently says it is not accepting new patients ranks below its twin whose
  availability is unknown, all else equal;
* a known, short, current wait ranks above its twin's unknown wait;
* of two twins, the closer one ranks first (moving a facility closer never lowers it);
* adding a preferred service never lowers a facility that offers it;
* with ``include_unknown``, facilities that confirm every need come first, then the others by
  how many needs they confirm.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from elasticsearch import Elasticsearch, helpers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.config import RankingWeights
from api.search.query import search_body
from api.search.request import SearchRequest, SortOrder
from indexer import lifecycle
from iop.documents import to_document
from iop.facility import Facility
from iop.geo import Point
from tests.factories import make_facility

ORIGIN = Point(40.0, -100.0)
CODES = ("mat_buprenorphine", "medicaid", "evening", "spanish", "weekend")
PATHS = {
    "mat_buprenorphine": "medications.mat_buprenorphine",
    "medicaid": "payment.medicaid",
    "evening": "schedule.evening",
    "spanish": "languages.spanish",
    "weekend": "schedule.weekend",
}
TODAY = date.today()
WEIGHTS = RankingWeights()


def at(miles: float, bearing: float) -> tuple[float, float]:
    """A point ``miles`` from the origin (flat enough at these distances)."""
    dlat = miles * math.cos(bearing) / 69.0
    dlon = miles * math.sin(bearing) / (69.0 * math.cos(math.radians(ORIGIN.lat)))
    return ORIGIN.lat + dlat, ORIGIN.lon + dlon


def neighbourhood() -> tuple[list[Facility], list[tuple[str, str, str]]]:
    """Facilities with random services and distances, and twins that differ in one thing:
    ``(better, worse, why)``."""
    rng = random.Random(16)
    facilities: list[Facility] = []
    twins: list[tuple[str, str, str]] = []

    def services() -> dict[str, Any]:
        facts: dict[str, Any] = {"levels_of_care.iop": rng.choice([True, True, None])}
        for code in CODES:
            facts[PATHS[code]] = rng.choice([True, False, None])
        return facts

    for number in range(60):
        miles, bearing = rng.uniform(0.5, 25), rng.uniform(0, 2 * math.pi)
        facts = services()
        if rng.random() < 0.3:
            facts["availability.days_to_intake"] = rng.randint(0, 40)
            facts["availability.as_of"] = TODAY - timedelta(days=rng.randint(0, 60))
        facilities.append(make_facility(f"n{number:02}", *at(miles, bearing), **facts))
    for number in range(15):
        miles, bearing = rng.uniform(0.5, 25), rng.uniform(0, 2 * math.pi)
        facts = services()
        refusing = {
            "availability.accepting_new_patients": False,
            "availability.as_of": TODAY - timedelta(days=rng.randint(0, 20)),
        }
        waiting = {
            "availability.days_to_intake": rng.randint(0, 14),
            "availability.as_of": TODAY - timedelta(days=rng.randint(0, 20)),
        }
        here = at(miles, bearing)
        closer = at(miles * rng.uniform(0.2, 0.9), bearing)
        facilities += [
            make_facility(f"t{number:02}-unknown", *here, **facts),
            make_facility(f"t{number:02}-refusing", *here, **facts, **refusing),
            make_facility(f"t{number:02}-waiting", *here, **facts, **waiting),
            make_facility(f"t{number:02}-closer", *closer, **facts),
        ]
        ids = {kind: facilities[-4 + i].id for i, kind in enumerate(("u", "r", "w", "c"))}
        twins += [
            (ids["u"], ids["r"], "not accepting ranks below unknown"),
            (ids["w"], ids["u"], "a short current wait ranks above an unknown one"),
            (ids["c"], ids["u"], "the closer twin ranks first"),
        ]
    return facilities, twins


@pytest.fixture(scope="module")
def world(es: Elasticsearch) -> Iterator[tuple[str, dict[str, Facility], list]]:
    facilities, twins = neighbourhood()
    index = lifecycle.create_index(es)
    helpers.bulk(
        es,
        ({"_index": index, "_id": f.id, "_source": to_document(f)} for f in facilities),
    )
    lifecycle.ready_to_serve(es, index)
    yield index, {f.id: f for f in facilities}, twins
    es.indices.delete(index=index)


def ranked(es: Elasticsearch, index: str, request: SearchRequest) -> list[dict[str, Any]]:
    body = search_body(request, WEIGHTS)
    body["size"] = 500
    return [hit["_source"] for hit in es.search(index=index, **body)["hits"]["hits"]]


searches = st.fixed_dictionaries(
    {
        "radius_miles": st.sampled_from([10.0, 30.0]),
        "required_services": st.lists(st.sampled_from(("iop", *CODES)), max_size=2, unique=True),
        "preferred_services": st.lists(st.sampled_from(CODES), max_size=3, unique=True),
        "include_unknown": st.booleans(),
        "sort": st.sampled_from([SortOrder.BEST, SortOrder.BEST, SortOrder.DISTANCE]),
    }
)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def request_of(search: dict[str, Any]) -> SearchRequest:
    return SearchRequest(
        origin=ORIGIN,
        radius_miles=search["radius_miles"],
        today=TODAY,
        required_services=tuple(search["required_services"]),
        preferred_services=tuple(search["preferred_services"]),
        include_unknown=search["include_unknown"],
        sort=search["sort"],
    )


@SETTINGS
@given(search=searches)
def test_twins_rank_as_a_doctor_would(es: Elasticsearch, world, search: dict) -> None:
    index, _, twins = world
    request = request_of({**search, "sort": SortOrder.BEST})
    place = {hit["id"]: n for n, hit in enumerate(ranked(es, index, request))}
    for better, worse, why in twins:
        if better in place and worse in place:
            assert place[better] < place[worse], why


@SETTINGS
@given(search=searches, added=st.sampled_from(CODES))
def test_a_preference_never_lowers_a_facility_that_meets_it(
    es: Elasticsearch, world, search: dict, added: str
) -> None:
    index, _, _ = world
    if added in search["preferred_services"]:
        return
    search = {**search, "sort": SortOrder.BEST}
    before = ranked(es, index, request_of(search))
    with_added = {**search, "preferred_services": [*search["preferred_services"], added]}
    after = {hit["id"]: n for n, hit in enumerate(ranked(es, index, request_of(with_added)))}
    for n, hit in enumerate(before):
        if added in (hit.get("services_offered") or ()):
            assert after[hit["id"]] <= n, hit["id"]


@SETTINGS
@given(search=searches)
def test_with_unknowns_kept_those_confirming_more_needs_come_first(
    es: Elasticsearch, world, search: dict
) -> None:
    index, _, _ = world
    request = request_of({**search, "include_unknown": True})
    confirmed = [
        sum(code in (hit.get("services_offered") or ()) for code in request.required_services)
        for hit in ranked(es, index, request)
    ]
    assert confirmed == sorted(confirmed, reverse=True)
    for hit in ranked(es, index, request):  # and no facility known to lack a need is kept
        assert not set(request.required_services) & set(hit.get("services_not_offered") or ())
