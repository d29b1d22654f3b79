"""``iop index``: build a new index from feeds, check it, then flip the alias."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from elasticsearch import Elasticsearch, helpers
from tqdm import tqdm

from indexer import lifecycle
from indexer.documents import to_document
from indexer.feeds import read_feeds
from iop.facility import Facility


class LoadRefused(RuntimeError):
    """A load that was refused; the alias still points at the previous index."""


@dataclass
class LoadReport:
    index: str
    previous: str | None
    documents: int
    pruned: list[str]


def _actions(index: str, facilities: list[Facility]) -> Iterator[dict[str, Any]]:
    for facility in facilities:
        yield {"_index": index, "_id": facility.id, "_source": to_document(facility)}


def load_feeds(
    es: Elasticsearch, feeds: list[Path], *, progress: bool = True, keep: int = 2
) -> LoadReport:
    facilities = list(read_feeds(feeds).values())
    if not facilities:
        raise LoadRefused(f"the feeds hold no facilities: {', '.join(map(str, feeds))}")
    index = lifecycle.create_index(es)
    try:
        failed: list[dict[str, Any]] = []
        bar = tqdm(
            total=len(facilities), unit="doc", desc=f"indexing {index}", disable=not progress
        )
        for ok, result in helpers.streaming_bulk(
            es, _actions(index, facilities), chunk_size=1000, raise_on_error=False
        ):
            bar.update(1)
            if not ok:
                failed.append(result)
        bar.close()
        if failed:
            raise LoadRefused(f"{len(failed)} document(s) were rejected, first: {failed[0]}")
        es.indices.refresh(index=index)
        indexed = es.count(index=index)["count"]
        if indexed != len(facilities):
            raise LoadRefused(f"{index} holds {indexed} documents, expected {len(facilities)}")
        previous = lifecycle.flip_alias(es, index)
    except BaseException:
        lifecycle.drop_index(es, index)
        raise
    pruned = lifecycle.prune(es, keep=keep)
    return LoadReport(index=index, previous=previous, documents=len(facilities), pruned=pruned)
