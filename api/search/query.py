"""From a :class:`SearchRequest` to the Elasticsearch search body: a pure function."""

from __future__ import annotations

from typing import Any

from api.config import RankingWeights
from api.search.ranking import DECAY_AT_SCALE
from api.search.request import SearchRequest, SortOrder
from iop.facility import FacilityStatus

WAIT_FIELD = "availability.days_to_intake"


def _filters(request: SearchRequest) -> list[dict[str, Any]]:
    origin = {"lat": request.origin.lat, "lon": request.origin.lon}
    filters: list[dict[str, Any]] = [
        {"geo_distance": {"distance": f"{request.radius_miles}mi", "point": origin}},
        {"term": {"status": FacilityStatus.ACTIVE.value}},
    ]
    filters += [{"term": {"services_offered": code}} for code in request.required_services]
    return filters


def _distance_sort(request: SearchRequest) -> dict[str, Any]:
    return {
        "_geo_distance": {
            "point": {"lat": request.origin.lat, "lon": request.origin.lon},
            "order": "asc",
            "unit": "mi",
            "distance_type": "arc",
        }
    }


def search_body(request: SearchRequest, weights: RankingWeights) -> dict[str, Any]:
    filtered = {"bool": {"filter": _filters(request)}}
    tie_break = {"id": "asc"}
    body: dict[str, Any] = {"size": request.limit, "track_total_hits": True}
    if request.sort is SortOrder.DISTANCE:
        body |= {"query": filtered, "sort": [_distance_sort(request), tie_break]}
    elif request.sort is SortOrder.WAIT:
        wait = {WAIT_FIELD: {"order": "asc", "missing": "_last"}}
        body |= {"query": filtered, "sort": [wait, _distance_sort(request), tie_break]}
    else:
        origin = {"lat": request.origin.lat, "lon": request.origin.lon}
        functions = [
            {
                "gauss": {
                    "point": {
                        "origin": origin,
                        "scale": f"{weights.distance_half_miles}mi",
                        "decay": DECAY_AT_SCALE,
                    }
                },
                "weight": weights.distance,
            },
            {
                "filter": {"exists": {"field": WAIT_FIELD}},
                "gauss": {
                    WAIT_FIELD: {
                        "origin": 0,
                        "scale": weights.wait_half_days,
                        "decay": DECAY_AT_SCALE,
                    }
                },
                "weight": weights.wait,
            },
        ]
        body |= {
            "query": {
                "function_score": {
                    "query": filtered,
                    "functions": functions,
                    "score_mode": "sum",
                    "boost_mode": "replace",
                }
            },
            "sort": ["_score", _distance_sort(request), tie_break],
        }
    return body
