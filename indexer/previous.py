"""What a rebuild needs to know of the index it replaces, kept compact (numpy arrays by id).

For a million facilities this is a few tens of MB: ids, first_seen, content fingerprints and
whether the rebuild that made it listed each one (active, no refresh missed), sorted by id so
a chunk of new facilities is looked up at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from elasticsearch import Elasticsearch, helpers

from iop.facility import FacilityStatus

NO_DATE = np.iinfo(np.int64).min
SCAN_PAGE = 10_000


@dataclass
class Match:
    """A chunk's ids looked up in the previous index."""

    found: npt.NDArray[np.bool_]
    first_seen_ms: npt.NDArray[np.int64]
    fingerprint: npt.NDArray[np.int64]


@dataclass
class PreviousIndex:
    name: str | None = None
    ids: npt.NDArray[np.bytes_] = field(default_factory=lambda: np.array([], dtype="S1"))
    first_seen_ms: npt.NDArray[np.int64] = field(
        default_factory=lambda: np.array([], dtype=np.int64)
    )
    fingerprint: npt.NDArray[np.int64] = field(default_factory=lambda: np.array([], dtype=np.int64))
    listed: npt.NDArray[np.bool_] = field(default_factory=lambda: np.array([], dtype=bool))

    @property
    def listed_count(self) -> int:
        """Facilities the feeds of the previous rebuild listed: what a new one is held to."""
        return int(self.listed.sum())

    def __len__(self) -> int:
        return len(self.ids)

    def lookup(self, ids: list[str]) -> Match:
        wanted = np.array([i.encode() for i in ids], dtype=f"S{max([1, *map(len, ids)])}")
        if len(self.ids) == 0:
            nothing = np.zeros(len(ids), dtype=np.int64)
            return Match(np.zeros(len(ids), dtype=bool), nothing + NO_DATE, nothing)
        at = np.minimum(np.searchsorted(self.ids, wanted), len(self.ids) - 1)
        found = self.ids[at] == wanted
        return Match(found, self.first_seen_ms[at], self.fingerprint[at])

    def missing_from(self, seen: npt.NDArray[np.bytes_]) -> list[str]:
        """Ids of the previous index that are not in ``seen``."""
        gone = self.ids[~np.isin(self.ids, seen)]
        return [i.decode() for i in gone.tolist()]


def _first(hit: dict[str, Any], name: str, default: Any) -> Any:
    values = hit.get("fields", {}).get(name)
    return values[0] if values else default


def read_previous(es: Elasticsearch, index: str | None) -> PreviousIndex:
    """Scan ``index`` (ids and doc values only, no _source): the snapshot a rebuild compares to."""
    if index is None:
        return PreviousIndex()
    pages: list[tuple[npt.NDArray[np.bytes_], npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []
    listed_pages: list[npt.NDArray[np.bool_]] = []
    ids: list[bytes] = []
    first_seen: list[int] = []
    fingerprints: list[int] = []
    listed: list[bool] = []

    def flush() -> None:
        pages.append((np.array(ids, dtype="S"), np.array(first_seen), np.array(fingerprints)))
        listed_pages.append(np.array(listed, dtype=bool))
        for values in (ids, first_seen, fingerprints, listed):
            values.clear()

    hits = helpers.scan(
        es,
        index=index,
        size=SCAN_PAGE,
        query={
            "_source": False,
            "docvalue_fields": [
                {"field": "first_seen", "format": "epoch_millis"},
                "content_fingerprint",
                "status",
                "missed_refreshes",
            ],
        },
    )
    for hit in hits:
        ids.append(hit["_id"].encode())
        first_seen.append(int(float(_first(hit, "first_seen", NO_DATE))))
        fingerprints.append(int(_first(hit, "content_fingerprint", 0)))
        listed.append(
            _first(hit, "status", FacilityStatus.ACTIVE.value) == FacilityStatus.ACTIVE.value
            and int(_first(hit, "missed_refreshes", 0)) == 0
        )
        if len(ids) >= SCAN_PAGE:
            flush()
    flush()
    id_array = np.concatenate([page[0] for page in pages])
    order = np.argsort(id_array, kind="stable")
    return PreviousIndex(
        name=index,
        ids=id_array[order],
        first_seen_ms=np.concatenate([page[1] for page in pages]).astype(np.int64)[order],
        fingerprint=np.concatenate([page[2] for page in pages]).astype(np.int64)[order],
        listed=np.concatenate(listed_pages)[order],
    )
