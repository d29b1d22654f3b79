"""The query builder is a pure function: requests in, the exact Elasticsearch body out."""

from __future__ import annotations

from datetime import date

from api.config import RankingWeights
from api.search.query import SOURCE_FIELDS, search_body
from api.search.request import Page, SearchRequest, SortOrder
from iop.geo import Point

ORIGIN = Point(35.0, -106.0)
NEAR = {"geo_distance": {"distance": "10.0mi", "radius_point": {"lat": 35.0, "lon": -106.0}}}
IN_PERSON = {"bool": {"filter": [NEAR], "must_not": [{"term": {"access.virtual_only": True}}]}}
DISTANCE_SORT = {
    "_geo_distance": {
        "point": {"lat": 35.0, "lon": -106.0},
        "order": "asc",
        "unit": "mi",
        "distance_type": "arc",
    }
}
TURNING_AWAY = {
    "bool": {
        "filter": [
            {"term": {"availability.accepting_new_patients": False}},
            {"term": {"availability_is_current": True}},
        ]
    }
}
WEIGHTS = RankingWeights(
    distance=1.0,
    distance_half_miles=10,
    wait=0.6,
    wait_half_days=14,
    wait_as_of_half_days=30,
    preferences=0.8,
)


def request(**fields) -> SearchRequest:
    return SearchRequest(origin=ORIGIN, radius_miles=10.0, today=date(2026, 11, 27), **fields)


def test_distance_sort_with_required_services() -> None:
    body = search_body(
        request(required_services=("iop", "medicaid"), sort=SortOrder.DISTANCE, limit=5), WEIGHTS
    )
    assert body == {
        "size": 5,
        "query": {
            "bool": {
                "filter": [
                    IN_PERSON,
                    {"term": {"status": "active"}},
                    {"term": {"services_offered": "iop"}},
                    {"term": {"services_offered": "medicaid"}},
                ]
            }
        },
        "sort": [DISTANCE_SORT, {"id": "asc"}],
        "track_total_hits": 1000,
        "_source": {"includes": SOURCE_FIELDS},
    }


def test_include_unknown_only_excludes_what_is_known_not_to_match() -> None:
    body = search_body(
        request(
            include_unknown=True,
            include_stale=True,
            any_of_services=(("medicaid", "self_pay"),),
            ownership=("public",),
            max_days_to_intake=7,
            sort=SortOrder.DISTANCE,
        ),
        WEIGHTS,
    )
    not_known = {
        "bool": {"must_not": [{"exists": {"field": "availability_current_days_to_intake"}}]}
    }
    no_owner = {"bool": {"must_not": [{"exists": {"field": "ownership"}}]}}
    public = [
        "public_federal",
        "public_state",
        "public_local",
        "public_tribal",
        "public_va",
        "public_ihs",
        "public_military",
    ]
    assert body["query"]["bool"]["filter"] == [
        IN_PERSON,
        {"bool": {"must_not": [{"term": {"services_not_offered": "iop"}}]}},
        {
            "bool": {
                "must_not": [
                    {
                        "bool": {
                            "filter": [
                                {"term": {"services_not_offered": "medicaid"}},
                                {"term": {"services_not_offered": "self_pay"}},
                            ]
                        }
                    }
                ]
            }
        },
        {
            "bool": {
                "should": [{"terms": {"ownership": public}}, no_owner],
                "minimum_should_match": 1,
            }
        },
        {
            "bool": {
                "should": [
                    {"range": {"availability_current_days_to_intake": {"lte": 7}}},
                    not_known,
                ],
                "minimum_should_match": 1,
            }
        },
    ]
    # Facilities that confirm more needs rank first: a tier per confirmed need, then distance.
    tier = 10.0  # more than the 3.4 that every other part of a score adds up to at most
    assert body["sort"] == [{"_score": "desc"}, DISTANCE_SORT, {"id": "asc"}]
    assert body["query"]["bool"]["should"][0] == {
        "constant_score": {"filter": {"term": {"services_offered": "iop"}}, "boost": tier}
    }
    assert len(body["query"]["bool"]["should"]) == 4  # iop, payment, ownership, wait


def test_best_adds_nearness_preferences_and_a_dated_wait() -> None:
    body = search_body(request(preferred_services=("medicaid", "evening")), WEIGHTS)
    assert body["sort"] == [{"_score": "desc"}, DISTANCE_SORT, {"id": "asc"}]
    assert body["query"]["bool"]["should"] == [
        {
            "function_score": {
                "query": {"match_all": {}},
                "functions": [
                    {
                        "gauss": {
                            "point": {
                                "origin": {"lat": 35.0, "lon": -106.0},
                                "scale": "10.0mi",
                                "decay": 0.5,
                            }
                        },
                        "weight": 1.0,
                    },
                    {"filter": {"term": {"services_offered": "medicaid"}}, "weight": 0.8},
                    {"filter": {"term": {"services_offered": "evening"}}, "weight": 0.8},
                ],
                "score_mode": "sum",
                "boost_mode": "replace",
            }
        },
        {
            "function_score": {
                "query": {"exists": {"field": "availability_current_days_to_intake"}},
                "functions": [
                    {
                        "gauss": {
                            "availability_current_days_to_intake": {
                                "origin": 0,
                                "scale": 14.0,
                                "decay": 0.5,
                            }
                        },
                        "weight": 0.6,
                    },
                    {
                        "gauss": {
                            "availability.as_of": {
                                "origin": "2026-11-27",
                                "scale": "30d",
                                "decay": 0.5,
                            }
                        }
                    },
                ],
                "score_mode": "multiply",
                "boost_mode": "replace",
            }
        },
        {
            "constant_score": {
                "filter": {"bool": {"must_not": [TURNING_AWAY]}},
                "boost": WEIGHTS.accepting,
            }
        },
    ]


def test_virtual_programs_join_by_licensed_state_and_get_no_nearness() -> None:
    body = search_body(request(include_virtual=True, patient_state="NM"), WEIGHTS)
    virtual = {"term": {"access.virtual_only": True}}
    assert body["query"]["bool"]["filter"][0] == {
        "bool": {
            "should": [
                IN_PERSON,
                {"bool": {"filter": [virtual, {"term": {"access.licensed_states": "NM"}}]}},
            ],
            "minimum_should_match": 1,
        }
    }
    functions = body["query"]["bool"]["should"][0]["function_score"]["functions"]
    assert functions[0]["filter"] == {"bool": {"must_not": [virtual]}}
    # Virtual programs match no other function: an explicit zero, or function_score says 1.
    assert functions[-1] == {
        "filter": virtual,
        "field_value_factor": {
            "field": "availability.days_to_intake",
            "factor": 0,
            "missing": 0,
        },
    }


def test_wait_sort_puts_unknown_waits_last_and_pages_continue_after_the_cursor() -> None:
    page = Page(search_after=(3, 1.5, "fac_x"), index="facilities-1")
    body = search_body(request(sort=SortOrder.WAIT, page=page, facets=True), WEIGHTS)
    assert body["sort"] == [
        {"availability_current_days_to_intake": {"order": "asc", "missing": "_last"}},
        DISTANCE_SORT,
        {"id": "asc"},
    ]
    assert body["search_after"] == [3, 1.5, "fac_x"]
    # The needs filter the hits after the counts: each facet group counts without its own.
    assert body["post_filter"] == {"bool": {"filter": [{"term": {"services_offered": "iop"}}]}}
    assert body["query"]["bool"]["filter"] == [IN_PERSON, {"term": {"status": "active"}}]
    levels = body["aggs"]["facet:levels_of_care"]
    assert levels["filter"] == {"bool": {"filter": []}}  # iop was the group's only need
    assert set(levels["aggs"]) == {"services_offered.levels_of_care"}
    rest = body["aggs"]["facet:"]
    assert rest["filter"] == body["post_filter"]
    assert {"ownership", "languages", "max_days_to_intake"} <= set(rest["aggs"])
