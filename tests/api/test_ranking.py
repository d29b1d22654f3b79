"""sort=best: nearness, preferences and a dated wait add up, and every hit says so in words."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from api.config import RankingWeights
from api.search.ranking import wait_in_words, wait_worth
from tests.api.conftest import BOISE, DENVER
from tests.api.test_filters import fetch_all

WHERE = {"lat": DENVER[0], "lon": DENVER[1]}


def ranked(client: TestClient, **params) -> list[str]:
    return [hit["name"] for hit in fetch_all(client, **WHERE, **params)]


def test_a_preference_raises_the_facilities_that_meet_it(client: TestClient) -> None:
    plain = ranked(client)
    assert plain.index("Clinic den-plain") < plain.index("Clinic den-partial")
    preferring = ranked(client, prefer="medicaid")
    assert preferring.index("Clinic den-partial") < preferring.index("Clinic den-plain")


def test_why_reads_like_a_referral_note(client: TestClient) -> None:
    hits = fetch_all(client, **WHERE, prefer="medicaid,evening,spanish")
    full = next(hit for hit in hits if hit["name"] == "Clinic den-full")
    assert full["why"] == [
        "2.1 mi away",
        "offers 3 of 3 preferred: Medicaid, evening, Spanish",
        "intake in ~2 days (county board, 3 days ago)",
    ]
    assert full["matched_services"] == ["iop", "medicaid", "evening", "spanish"]
    partial = next(hit for hit in hits if hit["name"] == "Clinic den-partial")
    assert partial["missing_services"] == ["evening"]
    assert partial["unknown_services"] == ["spanish"]
    assert partial["why"][1] == "offers 1 of 3 preferred: Medicaid"
    assert partial["wait"] == {
        "days_to_intake": 10,
        "accepting_new_patients": None,
        "open_slots": None,
        "as_of": (date.today() - timedelta(days=100)).isoformat(),
        "source": "phone survey",
        "url": None,
    }


def test_elasticsearch_scores_are_the_sum_of_the_parts_we_explain(client: TestClient) -> None:
    weights = RankingWeights()
    hits = fetch_all(
        client,
        lat=BOISE[0],
        lon=BOISE[1],
        radius_miles=50,
        services="iop",
        prefer="medicaid,evening,spanish",
    )
    assert len(hits) > 10
    preferred = {"medicaid", "evening", "spanish"}
    for hit in hits:
        parts = hit["score_parts"]
        total = (
            weights.distance * parts["nearness"]
            + weights.preferences * len(preferred & set(hit["matched_services"]))
            + weights.wait * (parts["wait"] or 0)
            + weights.accepting * parts["accepting"]
        )
        assert abs(hit["score"] - total) < 1e-3, hit
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_a_wait_counts_for_less_as_its_statement_ages() -> None:
    weights = RankingWeights()
    today = date(2026, 11, 27)
    fresh = wait_worth(3, today, today, weights)
    month_old = wait_worth(3, today - timedelta(days=30), today, weights)
    assert fresh is not None and month_old is not None
    assert abs(month_old - fresh / 2) < 1e-9  # halves at wait_as_of_half_days
    assert wait_worth(None, today, today, weights) is None
    assert wait_worth(3, None, today, weights) == fresh  # undated: taken at its word


def test_wait_in_words() -> None:
    today = date(2026, 11, 27)
    assert wait_in_words(0, True, today, "board", today) == "intake same day (board, today)"
    assert wait_in_words(None, False, None, None, today) == "not accepting new patients"
    assert wait_in_words(None, None, None, None, today) == "wait unknown"
    assert (
        wait_in_words(5, None, today - timedelta(days=90), "survey", today)
        == "intake in ~5 days (survey, 3 months ago)"
    )


def test_virtual_programs_score_their_preferences_only(client: TestClient) -> None:
    def virtual_hit(prefer: str) -> dict:
        hits = fetch_all(client, **WHERE, include_virtual=True, prefer=prefer)
        return next(hit for hit in hits if hit["virtual"])

    telehealth = virtual_hit("telehealth")
    parts = {"nearness": 0.0, "preferences": 1.0, "wait": None, "accepting": 1.0}
    assert telehealth["score_parts"] == parts
    weights = RankingWeights()
    assert abs(telehealth["score"] - weights.preferences - weights.accepting) < 1e-4
    assert virtual_hit("medicaid")["score"] == weights.accepting
