"""Cursors page through every result exactly once; facets count what the filters match."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections import Counter
from datetime import date

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.search.cursor import seal, unseal
from iop.documents import DEFAULT_AVAILABILITY_MAX_AGE_DAYS, availability_is_current
from iop.facility import Facility
from iop.indices import ALIAS
from iop.vocabulary import SERVICES, known_services
from tests.api.conftest import BOISE
from tests.api.indexing import index_directory
from tests.api.test_filters import RADIUS, fetch_all, oracle

WHERE = {"lat": BOISE[0], "lon": BOISE[1], "radius_miles": 50}


@pytest.mark.parametrize("sort", ["best", "distance", "wait"])
@pytest.mark.parametrize("limit", [1, 4, 500])
def test_pages_cover_every_result_once_in_order(client: TestClient, sort: str, limit: int) -> None:
    everything = client.get(
        "/v1/facilities/search", params={**WHERE, "sort": sort, "limit": 500}
    ).json()
    paged = fetch_all(client, **WHERE, sort=sort, limit=limit)
    assert [hit["id"] for hit in paged] == [hit["id"] for hit in everything["results"]]
    assert len(paged) == everything["total"] > 10
    assert everything["next_cursor"] is None


def test_a_cursor_only_continues_its_own_search(client: TestClient) -> None:
    first = client.get("/v1/facilities/search", params={**WHERE, "limit": 2}).json()
    other = client.get(
        "/v1/facilities/search",
        params={**WHERE, "limit": 2, "prefer": "spanish", "cursor": first["next_cursor"]},
    )
    assert other.status_code == 422
    assert other.json()["detail"][0]["loc"] == ["query", "cursor"]


def test_a_cursor_into_a_pruned_index_is_gone(client: TestClient) -> None:
    first = client.get("/v1/facilities/search", params={**WHERE, "limit": 2}).json()
    payload = unseal(first["next_cursor"])
    # Signed as the server signs: an index of this directory, since pruned.
    pruned = seal({**payload, "i": f"{ALIAS}-19700101-000000-000000"})
    response = client.get("/v1/facilities/search", params={**WHERE, "limit": 2, "cursor": pruned})
    assert response.status_code == 410


@pytest.mark.parametrize(
    "index",
    [
        "someone-elses-index",
        f"{ALIAS}-*",
        f"{ALIAS}-19700101-000000-000000,someone-elses-index",
        f"{ALIAS}-crawl_runs",
        ".security",
    ],
)
def test_a_signed_cursor_still_names_only_an_index_of_this_directory(
    client: TestClient, index: str
) -> None:
    first = client.get("/v1/facilities/search", params={**WHERE, "limit": 2}).json()
    aimed = seal({**unseal(first["next_cursor"]), "i": index})
    response = client.get("/v1/facilities/search", params={**WHERE, "limit": 2, "cursor": aimed})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "cursor"]
    assert "invalid or expired" in response.json()["detail"][0]["msg"]


def test_an_edited_or_unsigned_cursor_is_refused(client: TestClient) -> None:
    first = client.get("/v1/facilities/search", params={**WHERE, "limit": 2}).json()
    payload, _ = first["next_cursor"].split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    edited = {**body, "a": [0, "x"]}
    raw = base64.urlsafe_b64encode(json.dumps(edited).encode()).decode().rstrip("=")
    other_key = hmac.new(b"another key" * 4, raw.encode(), hashlib.sha256).digest()[:16]
    signed_elsewhere = f"{raw}.{base64.urlsafe_b64encode(other_key).decode().rstrip('=')}"
    for cursor in (raw, f"{raw}.{first['next_cursor'].split('.')[1]}", signed_elsewhere):
        response = client.get("/v1/facilities/search", params={**WHERE, "cursor": cursor})
        assert response.status_code == 422, cursor
        assert "invalid or expired" in response.json()["detail"][0]["msg"]


def mutations(cursor: str) -> st.SearchStrategy[str]:
    """Every small edit of a cursor: a character changed, removed or added, or a cut."""
    position = st.integers(0, len(cursor) - 1)
    character = st.characters(codec="utf-8", exclude_characters="\x00")
    return st.one_of(
        st.tuples(position, character).map(lambda e: cursor[: e[0]] + e[1] + cursor[e[0] + 1 :]),
        position.map(lambda i: cursor[:i] + cursor[i + 1 :]),
        st.tuples(position, character).map(lambda e: cursor[: e[0]] + e[1] + cursor[e[0] :]),
        position.map(lambda i: cursor[:i]),
    ).filter(lambda edited: edited != cursor)


def test_any_edit_of_a_cursor_is_a_4xx_never_a_page(client: TestClient) -> None:
    cursor = client.get("/v1/facilities/search", params={**WHERE, "limit": 2}).json()["next_cursor"]
    assert client.get("/v1/facilities/search", params={**WHERE, "cursor": cursor}).is_success

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutations(cursor))
    def edited_cursor_is_refused(edited: str) -> None:
        response = client.get("/v1/facilities/search", params={**WHERE, "cursor": edited})
        assert response.status_code == 422, (edited, response.text)
        assert response.json()["detail"][0]["loc"] == ["query", "cursor"]

    edited_cursor_is_refused()


def test_facets_count_each_group_as_if_its_own_filter_were_removed(
    client: TestClient, indexed: list[Facility]
) -> None:
    """Disjunctive facets: a count says what choosing that value instead would give."""
    asked = {"services": "iop,evening", "payment": "medicaid,self_pay", "ownership": "private"}
    where = {"lat": BOISE[0], "lon": BOISE[1], "radius_miles": RADIUS}
    params = {**where, **asked, "limit": 1, "facets": True}
    body = client.get("/v1/facilities/search", params=params).json()
    by_id = {facility.id: facility for facility in indexed}
    assert body["total"] == len(oracle(indexed, asked))

    def matches_without(**dropped: str | None) -> list[Facility]:
        kept = {k: v for k, v in {**asked, **dropped}.items() if v is not None}
        return [by_id[i] for i in oracle(indexed, kept)]

    def offered(facilities: list[Facility], group: str) -> dict[str, int]:
        codes = Counter(c for f in facilities for c in known_services(f)[0])
        return {c: n for c, n in codes.items() if SERVICES[c].group == group}

    facets = body["facets"]["services_offered"]
    for group, dropped in [
        ("levels_of_care", {"services": "evening"}),  # iop is this group's need
        ("schedule", {"services": "iop"}),  # evening is
        ("payment", {"payment": None}),
        ("medications", {}),  # no need of its own: counted over the matches
    ]:
        expected = offered(matches_without(**dropped), group)
        assert {c: n for c, n in facets.items() if SERVICES[c].group == group} == expected, group
    owners = Counter(f.ownership.value for f in matches_without(ownership=None) if f.ownership)
    assert body["facets"]["ownership"] == dict(owners)
    assert "facets" not in client.get("/v1/facilities/search", params=where).json()


def test_the_wait_facet_counts_current_waits_only(
    client: TestClient, indexed: list[Facility]
) -> None:
    params = {**WHERE, "services": "iop", "limit": 1, "facets": True}
    body = client.get("/v1/facilities/search", params=params).json()
    matches = {hit["id"] for hit in fetch_all(client, **WHERE, services="iop")}
    by_id = {facility.id: facility for facility in indexed}
    today, max_age = date.today(), DEFAULT_AVAILABILITY_MAX_AGE_DAYS
    within_a_week = sum(
        1
        for i in matches
        if (days := by_id[i].availability.days_to_intake) is not None
        and days <= 7
        and availability_is_current(by_id[i], today, max_age)
    )
    assert body["facets"]["max_days_to_intake"]["7"] == within_a_week


def test_pages_stay_on_the_index_of_the_first_page_across_an_alias_flip(
    client: TestClient, es, indexed: list[Facility]
) -> None:
    first = client.get("/v1/facilities/search", params={**WHERE, "limit": 5}).json()
    before = {hit["id"] for hit in fetch_all(client, **WHERE)}
    dropped = next(
        f for f in indexed if f.id in before and f.id not in {hit["id"] for hit in first["results"]}
    )
    index_directory(es, [f for f in indexed if f.id != dropped.id])
    try:
        assert dropped.id not in {hit["id"] for hit in fetch_all(client, **WHERE)}
        rest = fetch_all(client, **WHERE, limit=5, cursor=first["next_cursor"])
        assert {hit["id"] for hit in first["results"] + rest} == before
    finally:
        index_directory(es, indexed)
