"""Dependencies shared by the routes, as ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from elasticsearch import AsyncElasticsearch
from fastapi import Depends, Request

from api.config import Settings, get_settings


def get_elasticsearch(request: Request) -> AsyncElasticsearch:
    es: AsyncElasticsearch = request.app.state.elasticsearch
    return es


SettingsDep = Annotated[Settings, Depends(get_settings)]
ElasticsearchDep = Annotated[AsyncElasticsearch, Depends(get_elasticsearch)]
