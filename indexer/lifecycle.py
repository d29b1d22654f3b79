"""The ``facilities`` alias and the timestamped indices behind it.

This is the only module that names a concrete index. A load goes into a new index created
from the composable template; the alias is flipped to it in one atomic ``_aliases`` call, so
searches see either the old index or the complete new one, never a half-built one.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError

from indexer.documents import facility_mappings

# One deployment may hold several directories (tests use their own): the alias is a setting.
ALIAS = os.environ.get("IOP_INDEX_ALIAS", "facilities")
INDEX_PATTERN = f"{ALIAS}-*"
TEMPLATE = f"{ALIAS}-template"
INDEX_SETTINGS: dict[str, Any] = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    # Bulk loads go faster without periodic refreshes; set back when the alias flips.
    "refresh_interval": "-1",
}
SERVING_REFRESH_INTERVAL = "1s"


def new_index_name(now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    return f"{ALIAS}-{stamp}"


def save_template(es: Elasticsearch) -> None:
    """Save the composable template every new facilities index is created from."""
    es.indices.put_index_template(
        name=TEMPLATE,
        index_patterns=[INDEX_PATTERN],
        template={"settings": INDEX_SETTINGS, "mappings": facility_mappings()},
        priority=100,
        meta={"description": "IOP facilities; generated from iop.facility.Facility"},
    )


def create_index(es: Elasticsearch) -> str:
    save_template(es)
    name = new_index_name()
    es.indices.create(index=name)
    return name


def serving_index(es: Elasticsearch) -> str | None:
    try:
        aliases = es.indices.get_alias(name=ALIAS)
    except NotFoundError:
        return None
    return next(iter(aliases.body), None)


def flip_alias(es: Elasticsearch, index: str) -> str | None:
    """Point the alias at ``index`` atomically; returns the index it pointed at before."""
    es.indices.put_settings(index=index, settings={"refresh_interval": SERVING_REFRESH_INTERVAL})
    es.indices.refresh(index=index)
    previous = serving_index(es)
    actions: list[dict[str, Any]] = [{"add": {"index": index, "alias": ALIAS}}]
    if previous and previous != index:
        actions.insert(0, {"remove": {"index": previous, "alias": ALIAS}})
    es.indices.update_aliases(actions=actions)
    return previous


def prune(es: Elasticsearch, keep: int = 2) -> list[str]:
    """Delete all but the ``keep`` newest facilities indices (the serving one always stays)."""
    indices = sorted(es.indices.get(index=INDEX_PATTERN).body, reverse=True)
    serving = serving_index(es)
    doomed = [name for name in indices[keep:] if name != serving]
    for name in doomed:
        es.indices.delete(index=name)
    return doomed


def drop_index(es: Elasticsearch, index: str) -> None:
    es.indices.delete(index=index, ignore_unavailable=True)
