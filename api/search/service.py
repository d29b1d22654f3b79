"""Runs a search against the ``facilities`` alias and explains every hit.

Hits stay plain dicts from ``_source`` (filtered to :data:`~api.search.query.SOURCE_FIELDS`):
validating a whole ``Facility`` per hit would cost more than the search itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from elasticsearch import AsyncElasticsearch, NotFoundError

from api.config import RankingWeights
from api.search.cursor import encode_cursor
from api.search.explain import Explainer
from api.search.needs import needs_of
from api.search.query import relaxation_body, search_body
from api.search.request import SearchRequest
from iop.indices import ALIAS

# Fewer matches than this, and the answer says what each filter keeps out.
FEW = 3

# Of a search response, only what a page of results is made from: Elasticsearch writes less
# and the API parses less.
RESPONSE_FIELDS = (
    "hits.total,hits.hits._index,hits.hits._score,hits.hits._source,hits.hits.sort,aggregations"
)


class CursorExpired(LookupError):
    """The index a cursor's first page came from is gone: the directory was refreshed."""


@dataclass(frozen=True)
class SearchOutcome:
    total: int
    total_is_exact: bool
    results: list[dict[str, Any]]
    next_cursor: str | None
    facets: dict[str, dict[str, int]] | None
    relaxations: list[dict[str, Any]] | None = None


async def search(
    es: AsyncElasticsearch,
    request: SearchRequest,
    weights: RankingWeights,
    max_radius_miles: float = 500.0,
) -> SearchOutcome:
    body = search_body(request, weights)
    body["size"] = request.limit + 1  # one more than asked tells whether a next page exists
    index = request.page.index if request.page else ALIAS
    try:
        response = await es.search(index=index, filter_path=RESPONSE_FIELDS, **body)
    except NotFoundError as error:
        if request.page is not None:
            raise CursorExpired(str(error)) from None
        raise
    raw_hits = response["hits"].get("hits", [])  # filter_path drops an empty list
    page, more = raw_hits[: request.limit], len(raw_hits) > request.limit
    explain = Explainer(request, weights)
    results = [explain(hit["_source"], hit.get("_score")) for hit in page]
    next_cursor = None
    if more and page:
        next_cursor = encode_cursor(request, page[-1]["_index"], page[-1]["sort"])
    facets = _facets(response["aggregations"]) if request.facets else None
    total = response["hits"]["total"]["value"]
    relaxations = None
    if total < FEW and request.page is None and needs_of(request):
        relaxations = await relax(es, request, max_radius_miles)
    return SearchOutcome(
        total=total,
        total_is_exact=response["hits"]["total"]["relation"] == "eq",
        results=results,
        next_cursor=next_cursor,
        facets=facets,
        relaxations=relaxations,
    )


async def relax(
    es: AsyncElasticsearch, request: SearchRequest, max_radius_miles: float
) -> list[dict[str, Any]]:
    """For each need, how many facilities meet every other one, and how many of those have
    not stated it; and how many meet every need within twice the radius."""
    wider = min(request.radius_miles * 2, max_radius_miles)
    response = await es.search(index=ALIAS, **relaxation_body(request, wider))
    aggregations = response["aggregations"]
    relaxations = []
    for i, need in enumerate(needs_of(request)):
        without = aggregations[f"without:{i}"]["doc_count"]
        unknown = aggregations[f"without:{i}"]["unknown"]["doc_count"]
        relaxations.append(
            {
                "parameter": need.parameter,
                "value": need.value,
                "label": need.label,
                "matches_without": without,
                "matches_unknown": unknown,
                "words": relaxation_words(need.label, without, unknown),
            }
        )
    if wider > request.radius_miles:
        found = aggregations["wider"]["doc_count"]
        relaxations.append(
            {
                "parameter": "radius_miles",
                "value": f"{wider:g}",
                "label": f"within {wider:g} miles",
                "matches_without": found,
                "matches_unknown": 0,
                "words": f"{programs(found)} within {wider:g} miles",
            }
        )
    return relaxations


def programs(count: int) -> str:
    return f"{count} program{'' if count == 1 else 's'} match{'es' if count == 1 else ''}"


def relaxation_words(label: str, without: int, unknown: int) -> str:
    """ "2 programs match everything except evening, which they have not stated" """
    if without == 0:
        return f"none match even without {label}"
    said = f"{programs(without)} everything except {label}"
    if unknown == without:
        return f"{said}, which {'it has' if without == 1 else 'they have'} not stated"
    if unknown:
        return f"{said}; {unknown} of them {'has' if unknown == 1 else 'have'} not stated it"
    return said


def _facets(aggregations: dict[str, Any]) -> dict[str, dict[str, int]]:
    """The facets, whichever facet group's aggregation counted them."""
    facets: dict[str, dict[str, int]] = {}
    for group in aggregations.values():
        for name, aggregation in group.items():
            if not isinstance(aggregation, dict) or "buckets" not in aggregation:
                continue
            buckets = aggregation["buckets"]
            counted = facets.setdefault(name.split(".", 1)[0], {})
            if isinstance(buckets, dict):  # keyed range buckets
                counted.update({key: bucket["doc_count"] for key, bucket in buckets.items()})
            else:
                counted.update(
                    {
                        str(bucket.get("key_as_string", bucket["key"])): bucket["doc_count"]
                        for bucket in buckets
                    }
                )
    return facets
