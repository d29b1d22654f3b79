"""The FastAPI application: settings, the Elasticsearch client's lifespan, routers."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from elastic_transport import AiohttpHttpNode, BaseAsyncNode
from elasticsearch import AsyncElasticsearch
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api.body_limit import BodySizeLimit
from api.config import Settings, get_settings
from api.docs import install_docs
from api.errors import install_error_handlers
from api.es_connection import HttptoolsNode
from api.observability import RequestContextMiddleware, configure_logging
from api.openapi import install_openapi
from api.routes import admin, facilities, health, hsds, referrals
from api.search import cursor
from api.web import admin as admin_desk
from api.web import pages
from api.web.render import STATIC_DIR
from iop.es_client import client_options
from iop.geocoding import geopy_geocoder

# A search allocates thousands of objects (a parsed response, explained hits) that reference
# counting frees; the collector's default (every 700 allocations) spent a tenth of the API's
# CPU re-scanning them. Collections still run, this many allocations apart.
YOUNG_COLLECTION_THRESHOLD = 20_000


def tune_garbage_collection() -> None:
    """Collect less often, and never re-scan what start-up made (it lives as long as we do)."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)


def node_class(settings: Settings) -> type[BaseAsyncNode]:
    """The API's own node class, or the client's aiohttp node when the settings ask for it."""
    return HttptoolsNode if settings.elasticsearch_node == "httptools" else AiohttpHttpNode


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.elasticsearch = AsyncElasticsearch(
            settings.elasticsearch_url,
            request_timeout=settings.elasticsearch_timeout_seconds,
            retry_on_timeout=False,
            max_retries=0,
            node_class=node_class(settings),
            **client_options(settings.elasticsearch_access),
        )
        tune_garbage_collection()
        try:
            yield
        finally:
            await app.state.elasticsearch.close()

    app = FastAPI(
        title="IOP directory",
        summary="Find intensive outpatient addiction treatment programs that fit a patient.",
        version="0.1.0",
        lifespan=lifespan,
        # FastAPI's pages load their scripts from a CDN; api/docs.py serves them itself.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.geocoder = (
        geopy_geocoder(settings.geocoder, settings.geocoder_options) if settings.geocoder else None
    )
    install_error_handlers(app)
    configure_logging()
    cursor.use_key(settings.cursor_key.get_secret_value().encode() if settings.cursor_key else None)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["X-API-Key", "X-Request-ID", "Content-Type"],
            expose_headers=["X-Request-ID", "Retry-After"],
        )
    app.add_middleware(RequestContextMiddleware)
    app.include_router(health.router)
    app.include_router(facilities.router)
    app.include_router(referrals.router)
    app.include_router(hsds.router)
    app.include_router(hsds.export_router)
    app.include_router(admin.router)
    app.include_router(pages.router)
    app.include_router(admin_desk.router)
    install_docs(app)  # before /static: its files are under /static/docs
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_openapi(app, settings)
    return app
