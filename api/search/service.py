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
from api.search.query import search_body
from api.search.request import SearchRequest
from indexer.lifecycle import ALIAS

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


async def search(
    es: AsyncElasticsearch, request: SearchRequest, weights: RankingWeights
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
    return SearchOutcome(
        total=response["hits"]["total"]["value"],
        total_is_exact=response["hits"]["total"]["relation"] == "eq",
        results=results,
        next_cursor=next_cursor,
        facets=facets,
    )


def _facets(aggregations: dict[str, Any]) -> dict[str, dict[str, int]]:
    facets: dict[str, dict[str, int]] = {}
    for name, aggregation in aggregations.items():
        buckets = aggregation["buckets"]
        if isinstance(buckets, dict):  # keyed range buckets
            facets[name] = {key: bucket["doc_count"] for key, bucket in buckets.items()}
        else:
            facets[name] = {
                str(bucket.get("key_as_string", bucket["key"])): bucket["doc_count"]
                for bucket in buckets
            }
    return facets
