"""From a :class:`SearchRequest` to the Elasticsearch search body: a pure function.

Required filters are ``filter`` clauses. Unknown never matches: a required service must be in
``services_offered``; with ``include_unknown`` it must only be absent from
``services_not_offered``. ``sort=best`` scores with ``should`` clauses that add up, each one a
part a referrer can read back (see :mod:`api.search.ranking`):

* nearness: a ``gauss`` decay on ``point`` (virtual programs get none),
* preferences: an equal share of ``weights.preferences`` per preferred service offered,
* wait: a ``gauss`` on days to intake multiplied by a ``gauss`` on the age of its ``as_of``,
  so a two-day wait stated months ago counts for less than one stated yesterday.

No scripts: the distribution this runs on has no painless.
"""

from __future__ import annotations

from typing import Any

from api.config import RankingWeights
from api.search.ranking import DECAY_AT_SCALE
from api.search.request import SearchRequest, SortOrder
from indexer.documents import RADIUS_FIELD, RANKED_WAIT_FIELD
from iop.facility import FacilityStatus, Ownership
from iop.vocabulary import SERVICES

# Counting every match of a wide search costs more than the search; beyond this many the
# total is a lower bound ("1,000+"), which is all a referrer needs to know.
EXACT_TOTAL_UP_TO = 1000
WAIT_FIELD = "availability.days_to_intake"
WAIT_AS_OF_FIELD = "availability.as_of"
ACCEPTING_FIELD = "availability.accepting_new_patients"
VIRTUAL = {"term": {"access.virtual_only": True}}

# What a hit needs to be explained; the rest of a facility stays in Elasticsearch.
SOURCE_FIELDS = [
    "id",
    "name",
    "address",
    "location",
    "phones",
    "website",
    "ownership",
    "status",
    "availability",
    RANKED_WAIT_FIELD,
    "access.virtual_only",
    "access.licensed_states",
    "languages.other",
    "services_offered",
    "services_not_offered",
]

MAX_DAYS_FACET = (7, 14, 30)
# A function that scores 0 (any numeric field, times 0): see score_clauses.
ZERO = {"field_value_factor": {"field": WAIT_FIELD, "factor": 0, "missing": 0}}


def _missing(field: str) -> dict[str, Any]:
    return {"bool": {"must_not": [{"exists": {"field": field}}]}}


def _or_unknown(clause: dict[str, Any], field: str, include_unknown: bool) -> dict[str, Any]:
    if not include_unknown:
        return clause
    return {"bool": {"should": [clause, _missing(field)], "minimum_should_match": 1}}


def service_filter(code: str, include_unknown: bool) -> dict[str, Any]:
    if include_unknown:
        return {"bool": {"must_not": [{"term": {"services_not_offered": code}}]}}
    return {"term": {"services_offered": code}}


def any_service_filter(codes: tuple[str, ...], include_unknown: bool) -> dict[str, Any]:
    if include_unknown:
        # At least one of them is not known to be missing.
        all_missing = [{"term": {"services_not_offered": code}} for code in codes]
        return {"bool": {"must_not": [{"bool": {"filter": all_missing}}]}}
    return {"terms": {"services_offered": list(codes)}}


def ownership_values(choices: tuple[str, ...]) -> list[str]:
    """``public`` / ``private`` stand for every kind of their sector."""
    values: list[str] = []
    for choice in choices:
        kinds = [k.value for k in Ownership if choice in (k.value, k.sector)]
        values += [kind for kind in kinds if kind not in values]
    return values


def language_variants(name: str) -> list[str]:
    """Language names are stored as English names ("Vietnamese"); match the usual spellings."""
    return list(dict.fromkeys([name, name.strip().title(), name.strip().capitalize()]))


def _where(request: SearchRequest) -> dict[str, Any]:
    origin = {"lat": request.origin.lat, "lon": request.origin.lon}
    near = {"geo_distance": {"distance": f"{request.radius_miles}mi", RADIUS_FIELD: origin}}
    in_person = {"bool": {"filter": [near], "must_not": [VIRTUAL]}}
    if not request.include_virtual or request.patient_state is None:
        return in_person
    licensed = _or_unknown(
        {"term": {"access.licensed_states": request.patient_state}},
        "access.licensed_states",
        request.include_unknown,
    )
    virtual = {"bool": {"filter": [VIRTUAL, licensed]}}
    return {"bool": {"should": [in_person, virtual], "minimum_should_match": 1}}


def filters(request: SearchRequest) -> list[dict[str, Any]]:
    unknown_ok = request.include_unknown
    clauses: list[dict[str, Any]] = [_where(request)]
    if not request.include_stale:
        clauses.append({"term": {"status": FacilityStatus.ACTIVE.value}})
    clauses += [service_filter(code, unknown_ok) for code in request.required_services]
    clauses += [any_service_filter(group, unknown_ok) for group in request.any_of_services]
    if request.ownership:
        owned = {"terms": {"ownership": ownership_values(request.ownership)}}
        clauses.append(_or_unknown(owned, "ownership", unknown_ok))
    for name in request.languages:
        spoken = {"terms": {"languages.other": language_variants(name)}}
        clauses.append(_or_unknown(spoken, "languages.other", unknown_ok))
    if request.max_days_to_intake is not None:
        soon = {"range": {WAIT_FIELD: {"lte": request.max_days_to_intake}}}
        clauses.append(_or_unknown(soon, WAIT_FIELD, unknown_ok))
    if request.accepting_new_patients is not None:
        accepting = {"term": {ACCEPTING_FIELD: request.accepting_new_patients}}
        clauses.append(_or_unknown(accepting, ACCEPTING_FIELD, unknown_ok))
    return clauses


def distance_sort(request: SearchRequest) -> dict[str, Any]:
    return {
        "_geo_distance": {
            "point": {"lat": request.origin.lat, "lon": request.origin.lon},
            "order": "asc",
            "unit": "mi",
            "distance_type": "arc",
        }
    }


def score_clauses(request: SearchRequest, weights: RankingWeights) -> list[dict[str, Any]]:
    """The parts of the ``sort=best`` score, as ``should`` clauses that add up.

    Nearness and preferences are functions of one ``function_score`` (summed): measured on
    a million facilities, that is a sixth cheaper than one ``constant_score`` clause per
    preference. A ``function_score`` gives 1, not 0, to a document no function matches, so
    virtual programs (no nearness) get an explicit zero function.
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
    if request.preferred_services:
        share = weights.preferences / len(request.preferred_services)
        functions += [
            {"filter": {"term": {"services_offered": code}}, "weight": share}
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
    return [relevance, wait]


def sort_clauses(request: SearchRequest) -> list[Any]:
    tie_break = {"id": "asc"}
    if request.sort is SortOrder.DISTANCE:
        return [distance_sort(request), tie_break]
    if request.sort is SortOrder.WAIT:
        wait = {RANKED_WAIT_FIELD: {"order": "asc", "missing": "_last"}}
        return [wait, distance_sort(request), tie_break]
    return [{"_score": "desc"}, distance_sort(request), tie_break]


def facet_aggregations() -> dict[str, Any]:
    """Counts a UI shows beside each filter, over the facilities the filters match."""
    return {
        "services_offered": {"terms": {"field": "services_offered", "size": len(SERVICES)}},
        "ownership": {"terms": {"field": "ownership", "size": len(Ownership)}},
        "ownership_sector": {"terms": {"field": "ownership_sector", "size": 2}},
        "languages": {"terms": {"field": "languages.other", "size": 50}},
        "accepting_new_patients": {"terms": {"field": ACCEPTING_FIELD, "size": 2}},
        "max_days_to_intake": {
            "range": {
                "field": WAIT_FIELD,
                "keyed": True,
                "ranges": [{"key": str(days), "to": days + 1} for days in MAX_DAYS_FACET],
            }
        },
    }


def search_body(request: SearchRequest, weights: RankingWeights) -> dict[str, Any]:
    query: dict[str, Any] = {"bool": {"filter": filters(request)}}
    if request.sort is SortOrder.BEST:
        query["bool"]["should"] = score_clauses(request, weights)
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
        body["aggs"] = facet_aggregations()
    return body
