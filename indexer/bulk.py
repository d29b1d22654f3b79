"""Bulk indexing the fast way: NDJSON bodies built once (:class:`BulkChunk`), several requests
in flight.

Documents arrive as JSON text (see :func:`iop.documents.document_json`) with external
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
# Of a bulk response, only what becomes of each document is read.
BULK_RESPONSE_FIELDS = "items.*.status,items.*.error.reason"


@dataclass(frozen=True)
class Doc:
    id: str
    version: int
    source: str
    where: str = field(default="", compare=False)


def _action(doc_id: str, version: int) -> bytes:
    return orjson.dumps({"index": {"_id": doc_id, "version": version, "version_type": "external"}})


@dataclass
class BulkChunk:
    """Documents as one ``_bulk`` body, and where each one's two lines are in it.

    Built where the documents are made (a worker process, see :mod:`indexer.prepare`), so the
    process that sends it handles one bytes object, not a thousand documents.
    """

    body: bytes
    ids: list[str]
    wheres: list[str]
    ends: list[int]  # document n is body[ends[n - 1]:ends[n]]

    @classmethod
    def of(cls, docs: Iterable[Doc]) -> BulkChunk:
        parts: list[bytes] = []
        ids: list[str] = []
        wheres: list[str] = []
        ends: list[int] = []
        end = 0
        for doc in docs:
            text = b"%s\n%s\n" % (_action(doc.id, doc.version), doc.source.encode())
            parts.append(text)
            end += len(text)
            ids.append(doc.id)
            wheres.append(doc.where or doc.id)
            ends.append(end)
        return cls(b"".join(parts), ids, wheres, ends)

    def __len__(self) -> int:
        return len(self.ids)

    def only(self, positions: list[int]) -> BulkChunk:
        """The documents at these positions, as a chunk of their own."""
        parts, ends, end = [], [], 0
        for n in positions:
            part = self.body[self.ends[n - 1] if n else 0 : self.ends[n]]
            parts.append(part)
            end += len(part)
            ends.append(end)
        ids = [self.ids[n] for n in positions]
        return BulkChunk(b"".join(parts), ids, [self.wheres[n] for n in positions], ends)


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


def send_chunk(es: Elasticsearch, index: str, chunk: BulkChunk) -> BulkTally:
    """Index one chunk; returns what became of each document."""
    tally = BulkTally()
    for attempt in range(RETRIES + 1):
        # The client sends NDJSON bytes as they are; its type hints only know lists of dicts.
        response = es.bulk(
            index=index, operations=cast(Any, chunk.body), filter_path=BULK_RESPONSE_FIELDS
        )
        busy: list[int] = []
        for n, item in enumerate(response["items"]):
            result: dict[str, Any] = item["index"]
            status = result["status"]
            if status == 201:
                tally.created += 1
            elif status == 200:
                tally.updated += 1
            elif status == 409:
                tally.older += 1
            elif status == 429 and attempt < RETRIES:
                busy.append(n)
            else:
                reason = result.get("error", {}).get("reason", f"status {status}")
                tally.failed.append(f"{chunk.wheres[n]}: rejected by Elasticsearch: {reason}")
        if not busy:
            break
        chunk = chunk.only(busy)
        time.sleep(0.5 * 2**attempt)
    return tally


def parallel_send(
    es: Elasticsearch, index: str, chunks: Iterable[BulkChunk], workers: int
) -> Iterator[tuple[BulkChunk, BulkTally]]:
    """Send chunks with ``workers`` requests in flight; yields each chunk's tally in order.

    The producer (the caller's generator) runs in this thread while requests wait on the
    network, so parsing the next chunk overlaps Elasticsearch indexing the last ones.
    """
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bulk") as pool:
        pending: deque[tuple[BulkChunk, Future[BulkTally]]] = deque()
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
