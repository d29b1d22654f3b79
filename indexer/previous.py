"""What a rebuild needs to know of the index it replaces, kept compact (numpy arrays by id).

For a million facilities this is a few tens of MB: ids, first_seen, content fingerprints,
when each facility's content last changed and whether it was stale, sorted by id so a batch
of new facilities is looked up at once; and how many facilities the
rebuild that made it listed (active, no refresh missed), which a new one is held to. It is
scanned from the index here, or read from what that rebuild kept (:mod:`indexer.snapshot`).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from elasticsearch import ApiError, Elasticsearch

from iop.documents import CONTENT_CHANGED_FIELD
from iop.facility import FacilityStatus

NO_DATE = np.iinfo(np.int64).min
SCAN_PAGE = 10_000
SCROLL_KEEP_ALIVE = "2m"


@dataclass
class Match:
    """A chunk's ids looked up in the previous index."""

    found: npt.NDArray[np.bool_]
    position: npt.NDArray[np.intp]  # in the previous index's arrays, where found
    first_seen_ms: npt.NDArray[np.int64]
    fingerprint: npt.NDArray[np.int64]
    content_changed_ms: npt.NDArray[np.int64]
    stale: npt.NDArray[np.bool_]


def _no_dates() -> npt.NDArray[np.int64]:
    return np.array([], dtype=np.int64)


@dataclass
class PreviousIndex:
    name: str | None = None
    ids: npt.NDArray[np.bytes_] = field(default_factory=lambda: np.array([], dtype="S1"))
    first_seen_ms: npt.NDArray[np.int64] = field(
        default_factory=lambda: np.array([], dtype=np.int64)
    )
    fingerprint: npt.NDArray[np.int64] = field(default_factory=lambda: np.array([], dtype=np.int64))
    # Facilities the feeds of the previous rebuild listed: what a new one is held to.
    listed_count: int = 0
    # When each one's content last changed (NO_DATE: not known), and whether it was stale.
    content_changed_ms: npt.NDArray[np.int64] = field(default_factory=_no_dates)
    stale: npt.NDArray[np.bool_] = field(default_factory=lambda: np.array([], dtype=bool))

    def __post_init__(self) -> None:
        # Left out (an index described by ids and fingerprints only): not known, not stale.
        if len(self.content_changed_ms) != len(self.ids):
            self.content_changed_ms = np.full(len(self.ids), NO_DATE, dtype=np.int64)
        if len(self.stale) != len(self.ids):
            self.stale = np.zeros(len(self.ids), dtype=bool)

    def __len__(self) -> int:
        return len(self.ids)

    def lookup(self, ids: list[str]) -> Match:
        wanted = np.array([i.encode() for i in ids], dtype=f"S{max([1, *map(len, ids)])}")
        if len(self.ids) == 0:
            nothing = np.zeros(len(ids), dtype=np.int64)
            no = np.zeros(len(ids), dtype=bool)
            return Match(no, nothing, nothing + NO_DATE, nothing, nothing + NO_DATE, no)
        at = np.minimum(np.searchsorted(self.ids, wanted), len(self.ids) - 1)
        found = self.ids[at] == wanted
        return Match(
            found,
            at,
            self.first_seen_ms[at],
            self.fingerprint[at],
            self.content_changed_ms[at],
            self.stale[at],
        )

    def not_seen(self, seen: npt.NDArray[np.intp]) -> list[str]:
        """Ids of the previous index but at the positions ``seen`` (where lookups found them)."""
        gone = np.ones(len(self.ids), dtype=bool)
        gone[seen] = False
        return [i.decode() for i in self.ids[gone].tolist()]


# Of each page, only the doc values are read (and what a scroll needs to go on).
PAGE_FIELDS = "_scroll_id,_shards.failed,hits.hits.fields"
DOC_VALUES = [
    "id",
    {"field": "first_seen", "format": "epoch_millis"},
    "content_fingerprint",
    {"field": CONTENT_CHANGED_FIELD, "format": "epoch_millis"},
    "status",
]
_NONE = [None]
STALE = FacilityStatus.STALE.value
# Listed by the rebuild that made the index: active, and no refresh missed.
LISTED = {
    "bool": {
        "filter": [
            {"term": {"status": FacilityStatus.ACTIVE.value}},
            {"term": {"missed_refreshes": 0}},
        ]
    }
}


def _pages(
    es: Elasticsearch, index: str, part: int, parts: int
) -> Iterator[list[dict[str, list[Any]]]]:
    """The doc values of a ``part`` of the documents, a page at a time (a scroll over doc
    values only: no stored field, not even ``_id``, is read, several times faster)."""
    page = es.search(
        index=index,
        scroll=SCROLL_KEEP_ALIVE,
        size=SCAN_PAGE,
        sort=["_doc"],
        stored_fields="_none_",
        docvalue_fields=cast(Any, DOC_VALUES),
        filter_path=PAGE_FIELDS,
        slice={"id": part, "max": parts} if parts > 1 else None,
    )
    try:
        while hits := page.get("hits", {}).get("hits"):
            if page["_shards"]["failed"]:
                raise ApiError(f"scanning {index} failed on a shard", page.meta, page.body)
            yield [hit.get("fields", {}) for hit in hits]
            if len(hits) < SCAN_PAGE:
                break  # the last page: no need to ask for an empty one
            page = es.scroll(
                scroll_id=page["_scroll_id"], scroll=SCROLL_KEEP_ALIVE, filter_path=PAGE_FIELDS
            )
    finally:
        if "_scroll_id" in page:
            es.options(ignore_status=404).clear_scroll(scroll_id=page["_scroll_id"])


# Of documents: ids, first_seen (epoch ms), content fingerprints, content last changed (epoch
# ms) and whether stale.
Columns = tuple[
    npt.NDArray[np.bytes_],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.bool_],
]
# A document's row of the columns.
Row = tuple[str, int, int, int, bool]


def columns_of(rows: list[Row]) -> Columns:
    """(id, first_seen ms, fingerprint, content changed ms, stale) rows as columns."""
    return (
        np.array([row[0].encode() for row in rows], dtype="S"),
        np.array([row[1] for row in rows], dtype=np.int64),
        np.array([row[2] for row in rows], dtype=np.int64),
        np.array([row[3] for row in rows], dtype=np.int64),
        np.array([row[4] for row in rows], dtype=bool),
    )


def _epoch_ms(fields: dict[str, list[Any]], name: str) -> int:
    return int(float(fields.get(name, _NONE)[0] or NO_DATE))


def _columns(es: Elasticsearch, index: str, part: int, parts: int) -> list[Columns]:
    return [
        (
            np.array([f["id"][0].encode() for f in page], dtype="S"),
            np.array([_epoch_ms(f, "first_seen") for f in page], dtype=np.int64),
            np.array([f.get("content_fingerprint", [0])[0] for f in page], dtype=np.int64),
            np.array([_epoch_ms(f, CONTENT_CHANGED_FIELD) for f in page], dtype=np.int64),
            np.array([f.get("status", _NONE)[0] == STALE for f in page], dtype=bool),
        )
        for page in _pages(es, index, part, parts)
    ]


def previous_index(name: str, pages: list[Columns], listed_count: int) -> PreviousIndex:
    """The index ``name`` from its documents' columns, in any order."""
    if not pages:
        return PreviousIndex(name=name, listed_count=listed_count)
    columns = zip(*pages, strict=True)
    ids, first_seen, fingerprints, changed, stale = (np.concatenate(column) for column in columns)
    order = np.argsort(ids, kind="stable")
    return PreviousIndex(
        name=name,
        ids=ids[order],
        first_seen_ms=first_seen[order],
        fingerprint=fingerprints[order],
        listed_count=listed_count,
        content_changed_ms=changed[order],
        stale=stale[order],
    )


def read_previous(es: Elasticsearch, index: str, parts: int = 2) -> PreviousIndex:
    """Scan ``index`` (doc values only, in ``parts`` slices at once): what a rebuild compares
    the feeds to."""
    with ThreadPoolExecutor(parts, thread_name_prefix="scan") as pool:
        slices = pool.map(lambda part: _columns(es, index, part, parts), range(parts))
        pages = [page for part in slices for page in part]
    return previous_index(index, pages, listed_count(es, index))


def listed_count(es: Elasticsearch, index: str) -> int:
    """How many facilities the rebuild that made ``index`` listed."""
    return int(es.count(index=index, query=LISTED)["count"])
