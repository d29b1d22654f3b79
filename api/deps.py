"""Dependencies shared by the routes, as ``Annotated`` aliases.

Settings come from ``app.state`` (set once by :func:`api.main.create_app`), not from a
dependency override: FastAPI re-analyses an overriding callable on every request, which cost
more than the search itself on the hot path. Dependencies are ``async def``: FastAPI runs a
plain ``def`` dependency in a worker thread, a thread hop per dependency per request.
"""

from __future__ import annotations

from typing import Annotated

from elasticsearch import AsyncElasticsearch
from fastapi import Depends, Request

from api.config import Settings


async def get_elasticsearch(request: Request) -> AsyncElasticsearch:
    es: AsyncElasticsearch = request.app.state.elasticsearch
    return es


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
ElasticsearchDep = Annotated[AsyncElasticsearch, Depends(get_elasticsearch)]
