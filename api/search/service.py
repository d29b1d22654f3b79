"""Runs a search against the ``facilities`` alias and explains every hit."""

from __future__ import annotations

from typing import Any

from elasticsearch import AsyncElasticsearch

from api.config import RankingWeights
from api.schemas import SearchHit, Wait
from api.search.query import search_body
from api.search.ranking import score_parts
from api.search.request import SearchRequest, SortOrder
from indexer.documents import from_document
from indexer.lifecycle import ALIAS
from iop.facility import Facility
from iop.geo import Point, great_circle_miles


async def search(
    es: AsyncElasticsearch, request: SearchRequest, weights: RankingWeights
) -> tuple[int, list[SearchHit]]:
    response = await es.search(index=ALIAS, **search_body(request, weights))
    total = response["hits"]["total"]["value"]
    hits = [
        explain(request, from_document(hit["_source"]), hit, weights)
        for hit in response["hits"]["hits"]
    ]
    return total, hits


def explain(
    request: SearchRequest, facility: Facility, hit: dict[str, Any], weights: RankingWeights
) -> SearchHit:
    assert facility.location is not None  # the geo filter only matches located facilities
    distance = great_circle_miles(
        request.origin, Point(facility.location.lat, facility.location.lon)
    )
    availability = facility.availability
    wait = None
    if availability.days_to_intake is not None or availability.accepting_new_patients is not None:
        wait = Wait(
            days_to_intake=availability.days_to_intake,
            accepting_new_patients=availability.accepting_new_patients,
            as_of=availability.as_of,
            source=availability.source,
        )
    why = [f"{distance:.1f} mi away" + _precision_note(facility)]
    if request.required_services:
        why.append(f"offers all requested: {', '.join(request.required_services)}")
    if availability.days_to_intake is not None:
        dated = (
            f" (as of {availability.as_of}, {availability.source})" if availability.as_of else ""
        )
        why.append(f"intake in about {availability.days_to_intake} days{dated}")
    else:
        why.append("wait to intake unknown")
    score = None
    if request.sort is SortOrder.BEST:
        parts = score_parts(distance, availability.days_to_intake, weights)
        score = round(parts.total(weights), 4)
        wait_part = "none (unknown)" if parts.wait is None else f"{parts.wait:.2f}"
        why.append(
            f"score {score:.2f} = nearness {parts.nearness:.2f} + wait {wait_part}, weighted"
        )
    return SearchHit(
        id=facility.id,
        name=facility.name,
        address=facility.address,
        location=facility.location,
        phones=facility.phones,
        website=facility.website,
        distance_miles=round(distance, 2),
        matched_services=list(request.required_services),
        wait=wait,
        score=score,
        why=why,
    )


def _precision_note(facility: Facility) -> str:
    assert facility.location is not None
    precision = facility.location.precision.value
    return (
        ""
        if precision in ("rooftop", "street")
        else f" (location approximate: {precision.replace('_', ' ')})"
    )
