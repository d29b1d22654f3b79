"""Open Referral HSDS 3.0: one facility (``/v1/facilities/{id}/hsds``) and the bulk export.

The export streams NDJSON, one HSDS organization per line, paging with ``search_after`` over
a point-in-time: a consistent snapshot even if the alias flips mid-export, no scroll context.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from elasticsearch import AsyncElasticsearch
from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from api.deps import ElasticsearchDep, SettingsDep
from api.hsds import to_hsds
from api.read_access import require_read_key
from api.responses import FastJSONResponse, dumps
from api.routes.facilities import fetch_facility
from indexer.documents import from_document
from indexer.lifecycle import ALIAS

router = APIRouter(tags=["open referral"], dependencies=[Depends(require_read_key)])
KEEP_ALIVE = "2m"


@router.get("/v1/facilities/{facility_id}/hsds")
async def facility_hsds(facility_id: str, es: ElasticsearchDep) -> FastJSONResponse:
    """The facility as an HSDS 3.0 organization, its service and location nested (see
    :mod:`api.hsds` for the mapping)."""
    return FastJSONResponse(to_hsds(await fetch_facility(es, facility_id)))


async def _organizations(es: AsyncElasticsearch, pit: str, page_size: int) -> AsyncIterator[bytes]:
    search_after: list[Any] | None = None
    try:
        while True:
            extra: dict[str, Any] = {"search_after": search_after} if search_after else {}
            response = await es.search(
                pit={"id": pit, "keep_alive": KEEP_ALIVE},
                size=page_size,
                sort=["_shard_doc"],
                track_total_hits=False,
                **extra,
            )
            hits = response["hits"]["hits"]
            if not hits:
                return
            pit = response.get("pit_id", pit)
            yield b"".join(dumps(to_hsds(from_document(hit["_source"]))) + b"\n" for hit in hits)
            search_after = hits[-1]["sort"]
    finally:
        await es.close_point_in_time(id=pit)


@router.get(
    "/v1/export/hsds",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}}}},
)
async def export_hsds(es: ElasticsearchDep, settings: SettingsDep) -> StreamingResponse:
    """Every facility as an HSDS 3.0 organization, one JSON object per line (NDJSON)."""
    opened = await es.open_point_in_time(index=ALIAS, keep_alive=KEEP_ALIVE)
    return StreamingResponse(
        _organizations(es, opened["id"], settings.export_page_size),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="facilities.hsds.ndjson"'},
    )
