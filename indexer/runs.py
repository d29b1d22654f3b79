"""The ``crawl_runs`` index: one summary per refresh, newest first, for data staff and the API."""

from __future__ import annotations

from typing import Any

from elasticsearch import Elasticsearch, NotFoundError

from indexer import lifecycle
from iop.indices import RUNS_INDEX, recent_runs_search


def save_run(es: Elasticsearch, summary: dict[str, Any]) -> None:
    index = lifecycle.ensure_runs_index(es)
    es.index(index=index, id=summary["run_id"], document=summary, refresh="wait_for")


def recent_runs(es: Elasticsearch, limit: int = 20) -> list[dict[str, Any]]:
    try:
        response = es.search(**recent_runs_search(limit))
    except NotFoundError:
        return []
    return [hit["_source"] for hit in response["hits"]["hits"]]


def last_successful_run(es: Elasticsearch) -> dict[str, Any] | None:
    try:
        response = es.search(
            index=RUNS_INDEX,
            size=1,
            query={"term": {"status": "succeeded"}},
            sort=[{"started_at": "desc"}],
        )
    except NotFoundError:
        return None
    hits = response["hits"]["hits"]
    return hits[0]["_source"] if hits else None
