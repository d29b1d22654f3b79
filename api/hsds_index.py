"""What the HSDS API reads from the index: pages of facilities by the profile's filters, and one
facility by an HSDS id. No HTTP here (the routes are in :mod:`api.routes.hsds`).

Each facility is one organization, one service and one service_at_location, so the three
lists are pages of the same facilities, in the order of their ids (or by distance from a
postcode): a page is the same whichever index the alias points at, so a consumer paging
through keeps its place across a refresh. Filters, as the profile names them:

* ``search``: words in the facility's name or other names (all of them);
* ``taxonomy_term_id``: terms of the service vocabulary; the facility must offer each (a
  service it is not known to offer does not match: unknown is not false);
* ``organization_id``: that organization's service;
* ``modified_after``: facilities whose content changed at or after that moment (the index's
  ``content_changed_at``: facts that changed, not facilities merely fetched again);
* ``postcode``: facilities at that ZIP code, and virtual programs licensed in its state
  (their service area); with ``proximity`` (metres): facilities within that distance of the
  ZIP code's centroid instead, nearest first, and the virtual programs. This is the search
  API's own place filter (:func:`api.search.query.filters`).

Stale facilities are listed too: HSDS says what they are (service ``status: inactive``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from elasticsearch import AsyncElasticsearch, BadRequestError

from api.hsds import Listing
from api.search.query import VIRTUAL, distance_sort, filters
from api.search.request import SearchRequest
from iop.documents import CONTENT_CHANGED_FIELD, HSDS_KEY_FIELD, from_document
from iop.geo import Point
from iop.indices import ALIAS, MAX_RESULT_WINDOW

METRES_PER_MILE = 1609.344
BY_ID = {"id": "asc"}
# Lists leave provenance out (only full documents carry it, as metadata).
LIST_SOURCE = {"excludes": ["provenance"]}


class PageTooDeep(ValueError):
    """A page beyond what the index pages to (``MAX_RESULT_WINDOW``)."""


@dataclass(frozen=True)
class Near:
    """A postcode's centroid and state, and how far from it (metres; ``None``: in it)."""

    postcode: str
    centroid: Point
    state: str | None
    proximity_metres: float | None = None


@dataclass(frozen=True)
class HsdsFilters:
    search: str | None = None
    term_codes: tuple[str, ...] = ()
    organization_key: str | None = None
    modified_after: datetime | None = None
    near: Near | None = None


def _place_request(near: Near, codes: tuple[str, ...], radius_miles: float) -> SearchRequest:
    return SearchRequest(
        origin=near.centroid,
        radius_miles=radius_miles,
        required_services=codes,
        include_virtual=near.state is not None,
        include_stale=True,
        patient_state=near.state,
    )


def _in_postcode(near: Near) -> dict[str, Any]:
    at = {
        "bool": {
            "filter": [{"term": {"address.postal_code": near.postcode}}],
            "must_not": [VIRTUAL],
        }
    }
    if near.state is None:
        return at
    licensed = {"bool": {"filter": [VIRTUAL, {"term": {"access.licensed_states": near.state}}]}}
    return {"bool": {"should": [at, licensed], "minimum_should_match": 1}}


def search_body(hsds: HsdsFilters) -> dict[str, Any]:
    """The query and sort of a list (a pure function, like :func:`api.search.query.search_body`)."""
    clauses: list[dict[str, Any]]
    sort: list[Any] = [BY_ID]
    near = hsds.near
    if near is not None and near.proximity_metres is not None:
        request = _place_request(near, hsds.term_codes, near.proximity_metres / METRES_PER_MILE)
        clauses = filters(request)  # the place, and every service offered
        sort = [distance_sort(request), BY_ID]
    else:
        clauses = [{"term": {"services_offered": code}} for code in hsds.term_codes]
        if near is not None:
            clauses.append(_in_postcode(near))
    if hsds.search:
        words = {"query": hsds.search, "fields": ["name", "alternate_names"], "operator": "and"}
        clauses.append({"multi_match": words})
    if hsds.organization_key is not None:
        clauses.append({"term": {HSDS_KEY_FIELD: hsds.organization_key}})
    if hsds.modified_after is not None:
        moment = hsds.modified_after.astimezone(UTC).isoformat(timespec="milliseconds")
        clauses.append({"range": {CONTENT_CHANGED_FIELD: {"gte": moment}}})
    return {"query": {"bool": {"filter": clauses}}, "sort": sort}


def listing(source: dict[str, Any]) -> Listing:
    return Listing(from_document(source), source.get(CONTENT_CHANGED_FIELD))


async def page_of(
    es: AsyncElasticsearch, hsds: HsdsFilters, page: int, per_page: int
) -> tuple[list[Listing], int]:
    """The facilities of one page, and how many match in all."""
    start = (page - 1) * per_page
    if start + per_page > MAX_RESULT_WINDOW:
        raise PageTooDeep(
            f"page times per_page may be at most {MAX_RESULT_WINDOW}; narrow the list "
            "(modified_after, postcode, taxonomy_term_id) or read /v1/export/hsds"
        )
    try:
        response = await es.search(
            index=ALIAS,
            **search_body(hsds),
            from_=start,
            size=per_page,
            track_total_hits=True,
            source=LIST_SOURCE,
        )
    except BadRequestError as error:  # an index built before its window was raised
        if "result window is too large" in str(error).lower():
            message = f"page times per_page is beyond what this index pages to: {error}"
            raise PageTooDeep(message) from None
        raise
    hits = response["hits"]["hits"]
    return [listing(hit["_source"]) for hit in hits], response["hits"]["total"]["value"]


async def by_key(es: AsyncElasticsearch, key: str) -> Listing | None:
    """The facility whose HSDS ids have this key (:func:`iop.documents.hsds_key`)."""
    response = await es.search(
        index=ALIAS, query={"term": {HSDS_KEY_FIELD: key}}, size=1, track_total_hits=False
    )
    hits = response["hits"]["hits"]
    return listing(hits[0]["_source"]) if hits else None
