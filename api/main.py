"""The FastAPI application: settings, the Elasticsearch client's lifespan, routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from elasticsearch import AsyncElasticsearch
from fastapi import FastAPI

from api.config import Settings, get_settings
from api.errors import install_error_handlers
from api.routes import facilities, health
from iop import es_node


def elasticsearch_url(settings: Settings) -> str:
    return settings.elasticsearch_url or es_node.cluster_url() or "http://127.0.0.1:9200"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.elasticsearch = AsyncElasticsearch(
            elasticsearch_url(settings),
            request_timeout=settings.elasticsearch_timeout_seconds,
            retry_on_timeout=False,
            max_retries=0,
        )
        try:
            yield
        finally:
            await app.state.elasticsearch.close()

    app = FastAPI(
        title="IOP directory",
        summary="Find intensive outpatient addiction treatment programs that fit a patient.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.dependency_overrides[get_settings] = lambda: settings
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(facilities.router)
    return app
