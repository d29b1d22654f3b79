"""The framework's floor for ``bench/api_bench.py``: FastAPI and the official client, no product.

One route takes a search body, forwards it unchanged to the bench alias through the same client
and connection the API uses (:class:`api.es_connection.HttptoolsNode`, orjson), and returns the
parsed response re-serialised. No parameters to validate, no query to build, no explanations,
request ids, logs or metrics. What it costs over raw Elasticsearch is the least any FastAPI
route on this stack can cost; ``api_bench`` prints it next to the API's.

    IOP_INDEX_ALIAS=bench-api-1m uvicorn bench.passthrough_app:app
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from elasticsearch import AsyncElasticsearch
from fastapi import FastAPI, Request
from fastapi.responses import Response

from api.config import get_settings
from api.main import node_class, tune_garbage_collection
from api.responses import dumps
from iop.es_client import client_options
from iop.indices import ALIAS

JSON = {"content-type": "application/json", "accept": "application/json"}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.elasticsearch = AsyncElasticsearch(
        get_settings().elasticsearch_url,
        node_class=node_class(get_settings()),
        **client_options(),
    )
    tune_garbage_collection()
    try:
        yield
    finally:
        await app.state.elasticsearch.close()


app = FastAPI(lifespan=lifespan)


@app.get("/readyz")
async def ready() -> dict[str, bool]:
    return {"ready": True}


@app.post("/search")
async def forward(request: Request) -> Response:
    es: AsyncElasticsearch = request.app.state.elasticsearch
    found = await es.perform_request(
        "POST", f"/{ALIAS}/_search", headers=JSON, body=await request.body()
    )
    return Response(dumps(found.body), media_type="application/json")
