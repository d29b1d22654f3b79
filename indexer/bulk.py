"""Bulk indexing the fast way: NDJSON bodies built once, several requests in flight.

Documents arrive as JSON text (see :func:`indexer.documents.document_json`) with external
versions, so Elasticsearch itself refuses an older version of a facility: such refusals are
counted as ``older``, never as errors. Items Elasticsearch is too busy for (429) are retried.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, cast

import orjson
from elasticsearch import Elasticsearch

RETRIES = 5


@dataclass(frozen=True)
class Doc:
    id: str
    version: int
    source: str
    where: str = field(default="", compare=False)


@dataclass
class BulkTally:
    created: int = 0
    updated: int = 0
    older: int = 0
    failed: list[str] = field(default_factory=list)

    def add(self, other: BulkTally) -> None:
        self.created += other.created
        self.updated += other.updated
        self.older += other.older
        self.failed += other.failed


def _body(docs: list[Doc]) -> bytes:
    lines = []
    for doc in docs:
        action = {"index": {"_id": doc.id, "version": doc.version, "version_type": "external"}}
        lines += [orjson.dumps(action), doc.source.encode()]
    return b"\n".join(lines) + b"\n"


def send_chunk(es: Elasticsearch, index: str, docs: list[Doc]) -> BulkTally:
    """Index one chunk; returns what became of each document."""
    tally = BulkTally()
    for attempt in range(RETRIES + 1):
        # The client sends NDJSON text as it is; its type hints only know lists of dicts.
        response = es.bulk(index=index, operations=cast(Any, _body(docs)))
        busy: list[Doc] = []
        for doc, item in zip(docs, response["items"], strict=True):
            result: dict[str, Any] = item["index"]
            status = result["status"]
            if status == 201:
                tally.created += 1
            elif status == 200:
                tally.updated += 1
            elif status == 409:
                tally.older += 1
            elif status == 429 and attempt < RETRIES:
                busy.append(doc)
            else:
                reason = result.get("error", {}).get("reason", f"status {status}")
                tally.failed.append(f"{doc.where or doc.id}: rejected by Elasticsearch: {reason}")
        if not busy:
            break
        docs = busy
        time.sleep(0.5 * 2**attempt)
    return tally


def parallel_send(
    es: Elasticsearch, index: str, chunks: Iterable[list[Doc]], workers: int
) -> Iterator[tuple[list[Doc], BulkTally]]:
    """Send chunks with ``workers`` requests in flight; yields each chunk's tally in order.

    The producer (the caller's generator) runs in this thread while requests wait on the
    network, so parsing the next chunk overlaps Elasticsearch indexing the last ones.
    """
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bulk") as pool:
        pending: deque[tuple[list[Doc], Future[BulkTally]]] = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, pool.submit(send_chunk, es, index, chunk)))
                while len(pending) > workers:
                    done, future = pending.popleft()
                    yield done, future.result()
            while pending:
                done, future = pending.popleft()
                yield done, future.result()
        finally:
            for _, future in pending:
                future.cancel()
