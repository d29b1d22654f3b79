"""From a :class:`SearchRequest` to the Elasticsearch search body: a pure function.

Required filters are the request's needs (:mod:`api.search.needs`), as ``filter`` clauses.
Unknown never matches: a required service must be in ``services_offered``; with
``include_unknown`` it must only be absent from ``services_not_offered``, and facilities that
confirm every need rank first, then those with unknowns by how many needs they confirm (a
``constant_score`` tier per confirmed need, above anything the rest of the score can add).

``sort=best`` scores with ``should`` clauses that add up, each one a part a referrer can read
back (see :mod:`api.search.ranking`):

* nearness: a ``gauss`` decay on ``point`` (virtual programs get none),
* preferences: ``weights.preferences`` per preferred service offered,
* wait: a ``gauss`` on the current days to intake multiplied by a ``gauss`` on the age of its
  ``as_of``, so a two-day wait stated weeks ago counts for less than one stated yesterday,
* accepting: ``weights.accepting`` unless the facility currently says it is not accepting new
  patients, so a program that turns patients away ranks below one whose wait is unknown.

With ``facets``, the needs move to ``post_filter`` and each facet group counts with every need
but its own (disjunctive facets): the counts say what choosing another value would give.

No scripts: the distribution this runs on has no painless.
"""

from __future__ import annotations

from typing import Any

from api.config import RankingWeights
from api.search.needs import (
    ACCEPTING_FACET,
    ACCEPTING_FIELD,
    LANGUAGES_FACET,
    OWNERSHIP_FACET,
    WAIT_FACET,
    Need,
    either,
    missing,
    needs_of,
)
from api.search.ranking import DECAY_AT_SCALE
from api.search.request import SearchRequest, SortOrder
from iop.documents import EVIDENCE_FIELD, RADIUS_FIELD, RANKED_WAIT_FIELD
from iop.facility import FacilityStatus, Ownership
from iop.vocabulary import SERVICE_GROUPS, SERVICES

# Counting every match of a wide search costs more than the search; beyond this many the
# total is a lower bound ("1,000+"), which is all a referrer needs to know.
EXACT_TOTAL_UP_TO = 1000
WAIT_FIELD = "availability.days_to_intake"
WAIT_AS_OF_FIELD = "availability.as_of"
CURRENT_FIELD = "availability_is_current"
VIRTUAL = {"term": {"access.virtual_only": True}}
# Says, in a statement recent enough to count, that it is not accepting new patients.
TURNING_AWAY = {
    "bool": {"filter": [{"term": {ACCEPTING_FIELD: False}}, {"term": {CURRENT_FIELD: True}}]}
}

# What a hit needs to be explained; the rest of a facility stays in Elasticsearch.
SOURCE_FIELDS = [
    "id",
    EVIDENCE_FIELD,  # the sentence a need read from a program's page was stated in (``why``)
    "name",
    "operator",
    "address",
    "location",
    "phones",
    "website",
    "ownership",
    "status",
    "availability",
    RANKED_WAIT_FIELD,
    CURRENT_FIELD,
    "access.virtual_only",
    "access.licensed_states",
    "languages.other",
    "services_offered",
    "services_not_offered",
]

MAX_DAYS_FACET = (7, 14, 30)
# A function that scores 0 (any numeric field, times 0): see score_clauses.
ZERO = {"field_value_factor": {"field": WAIT_FIELD, "factor": 0, "missing": 0}}


def confirmed_tier(request: SearchRequest, weights: RankingWeights) -> float:
    """What each confirmed need adds with ``include_unknown``: more than any other score."""
    return float(10 ** len(str(int(weights.most(len(request.preferred_services))))))


def where(request: SearchRequest, radius_miles: float | None = None) -> dict[str, Any]:
    origin = {"lat": request.origin.lat, "lon": request.origin.lon}
    miles = request.radius_miles if radius_miles is None else radius_miles
    near = {"geo_distance": {"distance": f"{miles}mi", RADIUS_FIELD: origin}}
    in_person = {"bool": {"filter": [near], "must_not": [VIRTUAL]}}
    if not request.include_virtual or request.patient_state is None:
        return in_person
    licensed: dict[str, Any] = {"term": {"access.licensed_states": request.patient_state}}
    if request.include_unknown:
        licensed = either(licensed, missing("access.licensed_states"))
    virtual = {"bool": {"filter": [VIRTUAL, licensed]}}
    return {"bool": {"should": [in_person, virtual], "minimum_should_match": 1}}


def scope(request: SearchRequest, radius_miles: float | None = None) -> list[dict[str, Any]]:
    """Where, and which listings: the part of the filters that is not a need."""
    clauses: list[dict[str, Any]] = [where(request, radius_miles)]
    if not request.include_stale:
        clauses.append({"term": {"status": FacilityStatus.ACTIVE.value}})
    return clauses


def need_clauses(request: SearchRequest, needs: list[Need]) -> list[dict[str, Any]]:
    return [need.clause(request.include_unknown) for need in needs]


def filters(request: SearchRequest) -> list[dict[str, Any]]:
    return [*scope(request), *need_clauses(request, needs_of(request))]


def distance_sort(request: SearchRequest) -> dict[str, Any]:
    return {
        "_geo_distance": {
            "point": {"lat": request.origin.lat, "lon": request.origin.lon},
            "order": "asc",
            "unit": "mi",
            "distance_type": "arc",
        }
    }


def tier_clauses(request: SearchRequest, weights: RankingWeights) -> list[dict[str, Any]]:
    """With ``include_unknown``: a tier per need a facility confirms (none without it)."""
    if not request.include_unknown:
        return []
    tier = confirmed_tier(request, weights)
    return [
        {"constant_score": {"filter": need.confirmed, "boost": tier}} for need in needs_of(request)
    ]


def score_clauses(request: SearchRequest, weights: RankingWeights) -> list[dict[str, Any]]:
    """The parts of the ``sort=best`` score, as ``should`` clauses that add up.

    Nearness and preferences are functions of one ``function_score`` (summed), which costs
    Elasticsearch less than one ``constant_score`` clause per preference. A
    ``function_score`` gives 1, not 0, to a document no function matches, so virtual programs
    (no nearness) get an explicit zero function.
    """
    origin = {"lat": request.origin.lat, "lon": request.origin.lon}
    nearness: dict[str, Any] = {
        "gauss": {
            "point": {
                "origin": origin,
                "scale": f"{weights.distance_half_miles}mi",
                "decay": DECAY_AT_SCALE,
            }
        },
        "weight": weights.distance,
    }
    if request.include_virtual:
        nearness = {"filter": {"bool": {"must_not": [VIRTUAL]}}, **nearness}
    functions: list[dict[str, Any]] = [nearness]
    functions += [
        {"filter": {"term": {"services_offered": code}}, "weight": weights.preferences}
        for code in request.preferred_services
    ]
    if request.include_virtual:
        functions.append({"filter": VIRTUAL, **ZERO})
    relevance = {
        "function_score": {
            "query": {"match_all": {}},
            "functions": functions,
            "score_mode": "sum",
            "boost_mode": "replace",
        }
    }
    wait = {
        "function_score": {
            "query": {"exists": {"field": RANKED_WAIT_FIELD}},
            "functions": [
                {
                    "gauss": {
                        RANKED_WAIT_FIELD: {
                            "origin": 0,
                            "scale": weights.wait_half_days,
                            "decay": DECAY_AT_SCALE,
                        }
                    },
                    "weight": weights.wait,
                },
                {
                    # A wait with no date is taken at its word (decay functions give 1).
                    "gauss": {
                        WAIT_AS_OF_FIELD: {
                            "origin": request.today.isoformat(),
                            "scale": f"{weights.wait_as_of_half_days:g}d",
                            "decay": DECAY_AT_SCALE,
                        }
                    }
                },
            ],
            "score_mode": "multiply",
            "boost_mode": "replace",
        }
    }
    accepting = {
        "constant_score": {
            "filter": {"bool": {"must_not": [TURNING_AWAY]}},
            "boost": weights.accepting,
        }
    }
    return [relevance, wait, accepting]


def sort_clauses(request: SearchRequest) -> list[Any]:
    tie_break = {"id": "asc"}
    tiers = [{"_score": "desc"}] if request.include_unknown else []
    if request.sort is SortOrder.DISTANCE:
        return [*tiers, distance_sort(request), tie_break]
    if request.sort is SortOrder.WAIT:
        wait = {RANKED_WAIT_FIELD: {"order": "asc", "missing": "_last"}}
        return [*tiers, wait, distance_sort(request), tie_break]
    return [{"_score": "desc"}, distance_sort(request), tie_break]


def _counts(field: str, size: int, include: list[str] | None = None) -> dict[str, Any]:
    terms: dict[str, Any] = {"field": field, "size": size}
    if include is not None:
        terms["include"] = include
    return {"terms": terms}


def _facet_counts() -> dict[str, dict[str, Any]]:
    """Each facet's aggregation, by the facet group whose needs leave its counts. A service's
    group is its group in the vocabulary; languages by name join the ``languages`` group."""
    groups: dict[str, dict[str, Any]] = {
        group: {
            f"services_offered.{group}": _counts(
                "services_offered",
                len(SERVICES),
                [code for code, service in SERVICES.items() if service.group == group],
            )
        }
        for group in SERVICE_GROUPS
    }
    groups.setdefault(OWNERSHIP_FACET, {}).update(
        ownership=_counts("ownership", len(Ownership)),
        ownership_sector=_counts("ownership_sector", 2),
    )
    groups.setdefault(LANGUAGES_FACET, {}).update(languages=_counts("languages.other", 50))
    groups.setdefault(ACCEPTING_FACET, {}).update(
        accepting_new_patients=_counts(ACCEPTING_FIELD, 2)
    )
    groups.setdefault(WAIT_FACET, {}).update(
        max_days_to_intake={
            "range": {
                "field": RANKED_WAIT_FIELD,
                "keyed": True,
                "ranges": [{"key": str(days), "to": days + 1} for days in MAX_DAYS_FACET],
            }
        }
    )
    return groups


def facet_aggregations(request: SearchRequest) -> dict[str, Any]:
    """Counts a UI shows beside each filter: each group counted over the facilities that meet
    every need but the group's own. Groups no need belongs to share one aggregation."""
    needs = needs_of(request)
    facet_groups = {need.facet for need in needs}
    aggregations: dict[str, Any] = {}
    unfiltered: dict[str, Any] = {}
    for group, counts in _facet_counts().items():
        if group not in facet_groups:
            unfiltered.update(counts)
            continue
        others = [need.clause(request.include_unknown) for need in needs if need.facet != group]
        aggregations[f"facet:{group}"] = {
            "filter": {"bool": {"filter": others}},
            "aggs": counts,
        }
    aggregations["facet:"] = {
        "filter": {"bool": {"filter": need_clauses(request, needs)}},
        "aggs": unfiltered,
    }
    return aggregations


def search_body(request: SearchRequest, weights: RankingWeights) -> dict[str, Any]:
    needs = [] if request.facets else need_clauses(request, needs_of(request))
    query: dict[str, Any] = {"bool": {"filter": [*scope(request), *needs]}}
    should = tier_clauses(request, weights)
    if request.sort is SortOrder.BEST:
        should += score_clauses(request, weights)
    if should:
        query["bool"]["should"] = should
    body: dict[str, Any] = {
        "size": request.limit,
        "query": query,
        "sort": sort_clauses(request),
        "track_total_hits": EXACT_TOTAL_UP_TO,
        "_source": {"includes": SOURCE_FIELDS},
    }
    if request.page is not None:
        body["search_after"] = list(request.page.search_after)
    if request.facets:
        body["post_filter"] = {"bool": {"filter": need_clauses(request, needs_of(request))}}
        body["aggs"] = facet_aggregations(request)
    return body


def relaxation_body(request: SearchRequest, wider_radius_miles: float) -> dict[str, Any]:
    """Counts that say why a search found few: for each need, the facilities that meet every
    other need, and of those the ones whose sources have not stated it; and the facilities
    that meet every need within a wider radius."""
    needs = needs_of(request)
    clauses = need_clauses(request, needs)
    in_radius = where(request)
    aggregations: dict[str, Any] = {}
    for i, need in enumerate(needs):
        others = [in_radius, *clauses[:i], *clauses[i + 1 :]]
        aggregations[f"without:{i}"] = {
            "filter": {"bool": {"filter": others}},
            "aggs": {"unknown": {"filter": need.unknown}},
        }
    aggregations["wider"] = {"filter": {"bool": {"filter": clauses}}}
    return {
        "size": 0,
        "query": {"bool": {"filter": scope(request, wider_radius_miles)}},
        "track_total_hits": False,
        "aggs": aggregations,
    }
