"""One hit of a search, explained: distance, what matched, what is unknown, the wait, and why.

Works on the ``_source`` dict of a hit, so it serves the search hot path without building a
``Facility``. ``why`` is the score's parts in a doctor's words, nearest part first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson

from api.config import RankingWeights
from api.search.labels import labels, short_label
from api.search.needs import needs_of, unknown_needs
from api.search.query import CURRENT_FIELD, confirmed_tier
from api.search.ranking import score_parts, wait_in_words
from api.search.request import SearchRequest, SortOrder
from iop.documents import EVIDENCE_FIELD, RANKED_WAIT_FIELD
from iop.facility import display_name
from iop.geo import miles_between
from iop.vocabulary import SERVICES

# How far a distance is from, when the location is not the building's.
APPROXIMATE = {
    "zip_centroid": "distance from the ZIP's centre",
    "city_centroid": "distance from the city's centre",
}


def _wait(availability: dict[str, Any]) -> dict[str, Any] | None:
    if availability.get("days_to_intake") is None and (
        availability.get("accepting_new_patients") is None
    ):
        return None
    keys = ("days_to_intake", "accepting_new_patients", "open_slots", "as_of", "source", "url")
    return {key: availability.get(key) for key in keys}


def _where_words(
    distance: float | None, virtual: bool, location: dict[str, Any] | None, state: str | None
) -> str:
    if virtual:
        return f"virtual program licensed in {state}" if state else "virtual program"
    assert distance is not None and location is not None
    precision = location.get("precision")
    note = f" ({APPROXIMATE[precision]})" if precision in APPROXIMATE else ""
    return f"{distance:.1f} mi away{note}"


class Explainer:
    """Explains the hits of one request; what is the same for every hit is worked out once."""

    def __init__(self, request: SearchRequest, weights: RankingWeights) -> None:
        self.request = request
        self.weights = weights
        self.named = request.all_named_services
        self.preferred = request.preferred_services
        self.best = request.sort is SortOrder.BEST
        self.needs = len(needs_of(request))
        self.tier = confirmed_tier(request, weights) if request.include_unknown else 0.0

    def __call__(self, source: dict[str, Any], es_score: float | None) -> dict[str, Any]:
        request = self.request
        access = source.get("access")
        virtual = bool(access and access.get("virtual_only"))
        location = source.get("location")
        distance = (
            None
            if virtual or location is None
            else miles_between(request.origin, location["lat"], location["lon"])
        )
        offered = source.get("services_offered") or ()
        not_offered = source.get("services_not_offered") or ()
        matched: list[str] = []
        missing: list[str] = []
        unknown: list[str] = []
        for code in self.named:
            (matched if code in offered else missing if code in not_offered else unknown).append(
                code
            )
        availability = source.get("availability") or {}
        days = availability.get("days_to_intake")
        ranked_days = source.get(RANKED_WAIT_FIELD)
        as_of = availability.get("as_of")
        as_of_date = date.fromisoformat(as_of) if as_of else None

        why = [_where_words(distance, virtual, location, request.patient_state)]
        preferred = self.preferred
        preferred_offered = [code for code in preferred if code in offered]
        if preferred:
            line = f"offers {len(preferred_offered)} of {len(preferred)} preferred"
            why.append(f"{line}: {labels(preferred_offered)}" if preferred_offered else line)
        for group in request.any_of_services:
            has = [code for code in group if code in offered]
            why.append(f"offers {labels(has)}" if has else f"may offer {labels(group)} (unknown)")
        why.append(
            wait_in_words(
                days,
                availability.get("accepting_new_patients"),
                as_of_date,
                availability.get("source"),
                request.today,
            )
        )
        if days is not None and ranked_days is None:
            why.append("that wait is too old to count in the ranking or the wait filter")
        not_stated = unknown_needs(request, source) if request.include_unknown else []
        confirmed = self.needs - len(not_stated)
        if not_stated:
            why.append(
                f"meets {confirmed} of {self.needs} needs; not stated: {', '.join(not_stated)}"
            )
        why += quoted(source.get(EVIDENCE_FIELD), matched)
        status = source.get("status", "active")
        if status == "stale":
            why.append("not confirmed by its sources lately (stale)")

        score = None
        parts = None
        if self.best:
            turning_away = (
                availability.get("accepting_new_patients") is False
                and source.get(CURRENT_FIELD) is True
            )
            computed = score_parts(
                distance,
                len(preferred_offered),
                len(preferred),
                ranked_days,
                as_of_date,
                request.today,
                self.weights,
                turning_away,
            )
            parts = {
                "nearness": round(computed.nearness, 4),
                "preferences": _rounded(computed.preferences),
                "wait": _rounded(computed.wait),
                "accepting": computed.accepting,
            }
            if es_score is None:
                es_score = computed.total(self.weights) + self.tier * confirmed
            score = round(es_score - self.tier * confirmed, 4)
        return {
            "id": source["id"],
            "name": source.get("name"),
            "operator": source.get("operator"),
            "display_name": display_name(source.get("name"), source.get("operator")),
            "address": source.get("address") or {},
            "location": location,
            "phones": source.get("phones") or [],
            "website": source.get("website"),
            "ownership": source.get("ownership"),
            "status": status,
            "virtual": virtual,
            "distance_miles": None if distance is None else round(distance, 2),
            "matched_services": matched,
            "missing_services": missing,
            "unknown_services": unknown,
            "not_stated": not_stated,
            "needs_confirmed": confirmed,
            "needs": self.needs,
            "wait": _wait(availability),
            "score": score,
            "score_parts": parts,
            "why": why,
        }


def quoted(stored: str | None, codes: list[str]) -> list[str]:
    """For each met need read from a program's own page, the sentence it was read from:
    ``evening: “Groups meet Monday to Thursday, 6 to 9 pm.” (https://…/program)``."""
    if not stored or not codes:
        return []
    said = orjson.loads(stored)
    lines = []
    for code in codes:
        found = said.get(SERVICES[code].path) if code in SERVICES else None
        if found:
            sentence, page = found
            lines.append(f"{short_label(code)}: “{sentence}”" + (f" ({page})" if page else ""))
    return lines


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
