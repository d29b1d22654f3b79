"""Open Referral HSDS 3.0: the HSDS API profile under ``/hsds``, read-only, one facility's view
(``/v1/facilities/{id}/hsds``) and the bulk export (``/v1/export/hsds``).

The profile's lists page with ``page`` and ``per_page`` and answer its ``Page`` envelope;
list items are the ``_list`` forms of the HSDS schemas, one item by id the full ones (see
:mod:`api.hsds` for the mapping, :mod:`api.hsds_index` for the filters). The export streams
NDJSON, one organization per line, paging with ``search_after`` over a point in time: a
consistent snapshot even if the alias flips mid-export, no scroll context. While the point in
time is open a rebuild does not prune its index (:func:`indexer.lifecycle.prune` skips an
index with open search contexts); if the index goes all the same, the stream ends with an
error line, never cut off mid-line.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Annotated, Any

import anyio
from elasticsearch import ApiError, AsyncElasticsearch, NotFoundError, TransportError
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from api.deps import ElasticsearchDep, SettingsDep
from api.errors import invalid_parameter
from api.hsds import (
    CODES_BY_TERM_ID,
    HSDS_VERSION,
    TAXONOMY_DOCUMENT,
    TAXONOMY_ID,
    TERMS,
    FacilityDocuments,
    key_of,
    page,
)
from api.hsds_index import HsdsFilters, Near, PageTooDeep, by_key, listing, page_of
from api.openapi import (
    BAD_PARAMETERS,
    EXPORT_ACCESS,
    EXPORT_KEY_REQUIRED,
    EXPORT_RATE_LIMITED,
    NOT_FOUND,
    READ_KEY_REQUIRED,
    UNAVAILABLE,
    Responses,
)
from api.params import FACILITY_ID_MAX_LENGTH, FacilityIdPath
from api.read_access import ExportStartDep, require_read_key
from api.responses import FastJSONResponse, dumps
from api.routes.facilities import fetch_document
from api.search.location import LocationNotFound, from_zip
from iop.indices import ALIAS

router = APIRouter(
    tags=["open referral"],
    dependencies=[Depends(require_read_key)],
    responses=READ_KEY_REQUIRED,
)
# The export guards itself (api.read_access.require_export_access): a read key or an export
# key, whichever the deployment gives out, so it is not behind the read-key dependency.
export_router = APIRouter(tags=["open referral"])
log = logging.getLogger("api")
# How long the export's point in time outlives its last page: a client that stops reading
# for longer loses it (the stream then ends with an error line), and an API process that died
# pins the index it read no longer than this.
KEEP_ALIVE = "2m"
CLOSE_SECONDS = 10
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
MAX_PROXIMITY_METRES = 805_000  # about 500 miles, the search API's widest radius
LISTS = BAD_PARAMETERS | UNAVAILABLE
NDJSON: Responses = {200: {"content": {"application/x-ndjson": {}}}}
ONE = NOT_FOUND | UNAVAILABLE


class Page(BaseModel):
    """The HSDS API profile's ``Page`` envelope."""

    total_items: int = Field(description="How many items match")
    total_pages: int
    page_number: int
    size: int = Field(description="Items on this page")
    first_page: bool
    last_page: bool
    empty: bool = Field(description="Nothing matches")
    contents: list[dict[str, Any]]


class Meta(BaseModel):
    version: str = Field(description="HSDS version of this API")
    profile: str = Field(description="Where this API's HSDS profile is described")
    openapi_url: str = Field(description="This API's OpenAPI document")


def _one(answer: str) -> Responses:
    schema = {"type": "object", "description": f"HSDS 3.0 {answer} (compiled/{answer}.json)"}
    found: Responses = {200: {"content": {"application/json": {"schema": schema}}}}
    return found | ONE


# Parameters.


async def paging(
    page: Annotated[int, Query(ge=1, description="Page number, from 1")] = 1,
    per_page: Annotated[
        int, Query(ge=1, le=MAX_PER_PAGE, description=f"Items per page (≤ {MAX_PER_PAGE})")
    ] = DEFAULT_PER_PAGE,
) -> tuple[int, int]:
    return page, per_page


Paging = Annotated[tuple[int, int], Depends(paging)]


def _modified_after(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        message = (
            "not an ISO 8601 date or date-time, e.g. 2026-11-20 or 2026-11-20T12:00:00Z "
            "(a + in a query string must be sent as %2B)"
        )
        raise invalid_parameter("modified_after", message, text) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _term_codes(text: str | None) -> tuple[str, ...]:
    ids = [i.strip().lower() for i in (text or "").split(",") if i.strip()]
    unknown = [i for i in ids if i not in CODES_BY_TERM_ID]
    if unknown:
        message = f"unknown taxonomy term id(s): {', '.join(unknown)}; see /hsds/taxonomy_terms"
        raise invalid_parameter("taxonomy_term_id", message, text)
    return tuple(dict.fromkeys(CODES_BY_TERM_ID[i] for i in ids))


def _near(postcode: str | None, proximity: float | None) -> Near | None:
    if postcode is None:
        if proximity is not None:
            raise invalid_parameter("proximity", "proximity needs postcode", proximity)
        return None
    zip5 = postcode[:5]
    try:
        origin = from_zip(zip5)
    except LocationNotFound as error:
        raise invalid_parameter("postcode", str(error), postcode) from None
    return Near(zip5, origin.point, origin.known_state, proximity)


async def hsds_filters(
    search: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="Words in the name (all of them)"),
    ] = None,
    taxonomy_term_id: Annotated[
        str | None,
        Query(
            max_length=2000,
            description="Taxonomy term id(s), comma-separated: services known to offer "
            "every one (see /hsds/taxonomy_terms)",
        ),
    ] = None,
    organization_id: Annotated[
        str | None, Query(max_length=100, description="The organization's service")
    ] = None,
    modified_after: Annotated[
        str | None,
        Query(
            max_length=40,
            description="Only facilities whose facts changed at or after this ISO 8601 date "
            "or date-time (UTC unless it says; encode + as %2B): incremental sync",
        ),
    ] = None,
    postcode: Annotated[
        str | None,
        Query(
            pattern=r"^\d{5}(-\d{4})?$",
            description="US ZIP code: facilities there (with proximity: near it) and virtual "
            "programs licensed in its state",
        ),
    ] = None,
    proximity: Annotated[
        float | None,
        Query(
            gt=0,
            le=MAX_PROXIMITY_METRES,
            description="Metres from the postcode's centroid (needs postcode)",
        ),
    ] = None,
) -> HsdsFilters:
    organization_key = None
    if organization_id is not None:
        organization_key = key_of(organization_id, "organization")
        if organization_key is None:
            message = "not an organization id of this directory (see /hsds/organizations)"
            raise invalid_parameter("organization_id", message, organization_id)
    return HsdsFilters(
        search=search.strip() or None if search else None,
        term_codes=_term_codes(taxonomy_term_id),
        organization_key=organization_key,
        modified_after=_modified_after(modified_after),
        near=_near(postcode, proximity),
    )


Filters = Annotated[HsdsFilters, Depends(hsds_filters)]


# The profile.


@router.get("/hsds/", response_model=Meta)
async def hsds_meta(request: Request) -> Meta:
    """This API and its relationship with HSDS: version, profile and OpenAPI document."""
    base = str(request.base_url)
    return Meta(
        version=HSDS_VERSION,
        profile=f"{base}docs#/open%20referral",
        openapi_url=f"{base}{(request.app.openapi_url or '/openapi.json').lstrip('/')}",
    )


async def _page(
    es: AsyncElasticsearch,
    filters: HsdsFilters,
    paged: tuple[int, int],
    item: Callable[[FacilityDocuments], dict[str, Any]],
) -> FastJSONResponse:
    number, per_page = paged
    try:
        listings, total = await page_of(es, filters, number, per_page)
    except PageTooDeep as error:
        raise invalid_parameter("page", str(error), number) from None
    contents = [item(FacilityDocuments(listing)) for listing in listings]
    return FastJSONResponse(page(contents, total, number, per_page))


async def _by_id(es: AsyncElasticsearch, hsds_id: str, kind: str) -> FacilityDocuments:
    key = key_of(hsds_id, kind)
    listing = await by_key(es, key) if key is not None else None
    if listing is None:
        raise HTTPException(status_code=404, detail=f"no {kind} with id {hsds_id!r}")
    return FacilityDocuments(listing)


IdPath = Annotated[str, Path(max_length=FACILITY_ID_MAX_LENGTH, description="The HSDS id")]


@router.get("/hsds/services", response_model=Page, responses=LISTS)
async def hsds_services(es: ElasticsearchDep, filters: Filters, paged: Paging) -> FastJSONResponse:
    """A page of services (HSDS ``service_list`` items, each with its organization)."""
    return await _page(es, filters, paged, FacilityDocuments.service_summary)


@router.get("/hsds/services/{id}", response_model=None, responses=_one("service"))
async def hsds_service(id: IdPath, es: ElasticsearchDep) -> FastJSONResponse:
    """One service with everything nested (HSDS ``service``)."""
    return FastJSONResponse((await _by_id(es, id, "service")).service())


@router.get("/hsds/organizations", response_model=Page, responses=LISTS)
async def hsds_organizations(
    es: ElasticsearchDep, filters: Filters, paged: Paging
) -> FastJSONResponse:
    """A page of organizations (HSDS ``organization_list`` items)."""
    return await _page(es, filters, paged, FacilityDocuments.organization_summary)


@router.get(
    "/hsds/organizations/{id}",
    response_model=None,
    responses=_one("organization"),
)
async def hsds_organization(id: IdPath, es: ElasticsearchDep) -> FastJSONResponse:
    """One organization with its service and location nested (HSDS ``organization``)."""
    return FastJSONResponse((await _by_id(es, id, "organization")).organization())


@router.get("/hsds/service_at_locations", response_model=Page, responses=LISTS)
async def hsds_service_at_locations(
    es: ElasticsearchDep, filters: Filters, paged: Paging
) -> FastJSONResponse:
    """A page of services at their locations (HSDS ``service_at_location_list`` items): with
    ``postcode`` and ``proximity``, the nearest first."""
    return await _page(es, filters, paged, FacilityDocuments.service_at_location_summary)


@router.get(
    "/hsds/service_at_locations/{id}",
    response_model=None,
    responses=_one("service_at_location"),
)
async def hsds_service_at_location(id: IdPath, es: ElasticsearchDep) -> FastJSONResponse:
    """One service at its location, both in full (HSDS ``service_at_location``)."""
    documents = await _by_id(es, id, "service_at_location")
    return FastJSONResponse(documents.service_at_location())


# The taxonomy: the service vocabulary, no index needed.


def _matches(words: str | None, *texts: str) -> bool:
    if not words:
        return True
    haystack = " ".join(texts).lower()
    return all(word in haystack for word in words.lower().split())


def _static_page(items: list[dict[str, Any]], paged: tuple[int, int]) -> FastJSONResponse:
    number, per_page = paged
    start = (number - 1) * per_page
    return FastJSONResponse(page(items[start : start + per_page], len(items), number, per_page))


Search = Annotated[str | None, Query(max_length=200, description="Words in the name")]


@router.get("/hsds/taxonomies", response_model=Page, responses=BAD_PARAMETERS)
async def hsds_taxonomies(paged: Paging, search: Search = None) -> FastJSONResponse:
    """The taxonomies terms come from: one, the directory's service vocabulary."""
    found = [TAXONOMY_DOCUMENT] if _matches(search, TAXONOMY_DOCUMENT["name"]) else []
    return _static_page(found, paged)


@router.get("/hsds/taxonomies/{id}", response_model=None, responses=NOT_FOUND)
async def hsds_taxonomy(id: IdPath) -> FastJSONResponse:
    """One taxonomy."""
    if id.strip().lower() != TAXONOMY_ID:
        raise HTTPException(status_code=404, detail=f"no taxonomy with id {id!r}")
    return FastJSONResponse(TAXONOMY_DOCUMENT)


@router.get("/hsds/taxonomy_terms", response_model=Page, responses=BAD_PARAMETERS)
async def hsds_taxonomy_terms(
    paged: Paging,
    search: Search = None,
    taxonomy_id: Annotated[str | None, Query(max_length=100)] = None,
    top_only: Annotated[
        bool, Query(description="Only terms with no parent (every term: the list is flat)")
    ] = False,
    parent_id: Annotated[
        str | None, Query(max_length=100, description="Terms under this one (none: flat)")
    ] = None,
) -> FastJSONResponse:
    """The terms of the service vocabulary: one per service code (``code``)."""
    if taxonomy_id is not None and taxonomy_id.strip().lower() != TAXONOMY_ID:
        message = "unknown taxonomy id; see /hsds/taxonomies"
        raise invalid_parameter("taxonomy_id", message, taxonomy_id)
    if parent_id is not None and parent_id.strip().lower() not in CODES_BY_TERM_ID:
        message = "unknown taxonomy term id; see /hsds/taxonomy_terms"
        raise invalid_parameter("parent_id", message, parent_id)
    terms = [] if parent_id is not None else list(TERMS.values())
    found = [t for t in terms if _matches(search, t["name"], t["code"], t["description"])]
    return _static_page(found, paged)


@router.get("/hsds/taxonomy_terms/{id}", response_model=None, responses=NOT_FOUND)
async def hsds_taxonomy_term(id: IdPath) -> FastJSONResponse:
    """One term of the service vocabulary."""
    code = CODES_BY_TERM_ID.get(id.strip().lower())
    if code is None:
        raise HTTPException(status_code=404, detail=f"no taxonomy term with id {id!r}")
    return FastJSONResponse(TERMS[code])


# One facility, and the export.


@router.get("/v1/facilities/{facility_id}/hsds", response_model=None, responses=ONE)
async def facility_hsds(facility_id: FacilityIdPath, es: ElasticsearchDep) -> FastJSONResponse:
    """The facility as an HSDS 3.0 organization, its service and location nested (see
    :mod:`api.hsds` for the mapping)."""
    document = await fetch_document(es, facility_id)
    return FastJSONResponse(FacilityDocuments(listing(document)).organization())


def _organization(source: dict[str, Any]) -> bytes:
    return dumps(FacilityDocuments(listing(source)).organization()) + b"\n"


INDEX_GONE = "the index it read is gone (the directory was refreshed)"
BACKEND_STOPPED = "the search backend stopped answering"


def stopped_record(exported: int, reason: str) -> bytes:
    """The export's last line when it cannot finish: an NDJSON line no organization resembles
    (its one key is ``error``), so a client can tell a cut-short export from a whole one."""
    detail = f"the export stopped after {exported} organizations: {reason}; export again"
    return dumps({"error": {"status": 503, "detail": detail, "exported": exported}}) + b"\n"


async def _close_point_in_time(es: AsyncElasticsearch, pit: str) -> None:
    """Close it even when the client hung up (the stream is being cancelled), so the index it
    held can be pruned; a point in time already gone is no error."""
    with anyio.move_on_after(CLOSE_SECONDS, shield=True):
        try:
            await es.close_point_in_time(id=pit)
        except (ApiError, TransportError) as error:
            log.info("export: point in time not closed: %s", error.__class__.__name__)


async def _organizations(es: AsyncElasticsearch, pit: str, page_size: int) -> AsyncIterator[bytes]:
    search_after: list[Any] | None = None
    exported = 0
    try:
        while True:
            extra: dict[str, Any] = {"search_after": search_after} if search_after else {}
            try:
                response = await es.search(
                    pit={"id": pit, "keep_alive": KEEP_ALIVE},
                    size=page_size,
                    sort=["_shard_doc"],
                    track_total_hits=False,
                    **extra,
                )
            except (ApiError, TransportError) as error:
                log.warning("export stopped: %s", error.__class__.__name__)
                gone = isinstance(error, NotFoundError)  # the index or its point in time
                yield stopped_record(exported, INDEX_GONE if gone else BACKEND_STOPPED)
                return
            if response["_shards"].get("failed"):  # a partial page would end it silently
                log.warning("export stopped: shard failures")
                yield stopped_record(exported, INDEX_GONE)
                return
            hits = response["hits"]["hits"]
            if not hits:
                return
            pit = response.get("pit_id", pit)
            yield b"".join(_organization(hit["_source"]) for hit in hits)
            exported += len(hits)
            search_after = hits[-1]["sort"]
    finally:
        await _close_point_in_time(es, pit)


@export_router.get(
    "/v1/export/hsds",
    response_class=StreamingResponse,
    responses=NDJSON | EXPORT_KEY_REQUIRED | EXPORT_RATE_LIMITED | UNAVAILABLE,
    openapi_extra=EXPORT_ACCESS,
)
async def export_hsds(
    es: ElasticsearchDep, settings: SettingsDep, start: ExportStartDep
) -> StreamingResponse:
    """Every facility as an HSDS 3.0 organization, one JSON object per line (NDJSON), read from
    one point in time: a refresh during the export changes nothing in it, and the index it
    reads is not pruned until it ends. Should the export stop early anyway, its last line is
    ``{"error": {"status": 503, "detail": ..., "exported": N}}`` instead of an organization.
    Who may export is a setting (``IOP_EXPORT_ACCESS``): by default a client without a key
    starts at most ``IOP_EXPORT_PER_CLIENT_PER_HOUR`` exports an hour (429 beyond)."""
    try:
        opened = await es.open_point_in_time(index=ALIAS, keep_alive=KEEP_ALIVE)
    except Exception:
        start.give_back()
        raise
    return StreamingResponse(
        _organizations(es, opened["id"], settings.export_page_size),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="facilities.hsds.ndjson"'},
    )
