"""What a rebuild wrote, kept beside the index it built, so the next rebuild need not scan it.

A rebuild compares the feeds with the serving index (:mod:`indexer.previous`): each
facility's id, first_seen, content fingerprint, when its content last changed and whether it
was stale. Scanning them back out of Elasticsearch
takes a few percent of a rebuild (about 5 s at a million facilities). The rebuild that made
the index knew them all: it saves them (``<IOP_VAR_DIR>/index-snapshots/<index>.npz``) with
what identifies the index's content, its uuid and the sequence number of its last write. The
next rebuild takes the file only while both still match, that is while nothing (an
incremental load, say) has written to the index since. Otherwise, or when there is no file
(the index was built on another machine) or it cannot be read, it scans the index.
"""

from __future__ import annotations

import logging
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from elasticsearch import Elasticsearch

from indexer.previous import Columns, PreviousIndex, previous_index, read_previous
from iop.indices import INDEX_PATTERN
from iop.paths import VAR_DIR

log = logging.getLogger(__name__)

SNAPSHOT_DIR = VAR_DIR / "index-snapshots"
_STATE_FIELDS = "indices.*.uuid,indices.*.shards.*.routing.primary,indices.*.shards.*.seq_no"


@dataclass(frozen=True)
class IndexState:
    """What changes when anything is written to an index: its uuid (a deleted index recreated
    under the same name has another) and each primary shard's last sequence number."""

    uuid: str
    max_seq_no: tuple[int, ...]


def index_state(es: Elasticsearch, index: str) -> IndexState:
    stats = es.indices.stats(index=index, level="shards", filter_path=_STATE_FIELDS)
    found = stats["indices"][index]
    shards = sorted(found["shards"].items(), key=lambda shard: int(shard[0]))
    return IndexState(
        uuid=found["uuid"],
        max_seq_no=tuple(
            copy["seq_no"]["max_seq_no"]
            for _, copies in shards
            for copy in copies
            if copy["routing"]["primary"]
        ),
    )


def _path(directory: Path, index: str) -> Path:
    return directory / f"{index}.npz"


def save(
    directory: Path, index: str, state: IndexState, written: list[Columns], listed_count: int
) -> None:
    """Keep what ``index`` holds (``written``: its documents' columns) as of ``state``; the
    snapshots of other indices of the same alias go, as only the serving one is read."""
    snapshot = previous_index(index, written, listed_count)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        partial = directory / f".{index}.npz.partial"
        with partial.open("wb") as out:
            np.savez(
                out,
                ids=snapshot.ids,
                first_seen_ms=snapshot.first_seen_ms,
                fingerprint=snapshot.fingerprint,
                content_changed_ms=snapshot.content_changed_ms,
                stale=snapshot.stale,
                listed_count=np.int64(listed_count),
                uuid=np.str_(state.uuid),
                max_seq_no=np.array(state.max_seq_no, dtype=np.int64),
            )
        os.replace(partial, _path(directory, index))
        for other in directory.glob(f"{INDEX_PATTERN}.npz"):
            if other.name != _path(directory, index).name:
                other.unlink(missing_ok=True)
    except OSError as error:  # the index serves all the same; the next rebuild scans it
        log.warning("could not keep the snapshot of %s in %s: %s", index, directory, error)


def load(es: Elasticsearch, directory: Path, index: str) -> PreviousIndex | None:
    """The snapshot of ``index``, if it still says what the index holds."""
    path = _path(directory, index)
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as kept:
            saved = IndexState(str(kept["uuid"]), tuple(int(n) for n in kept["max_seq_no"]))
            if saved != index_state(es, index):
                return None
            return PreviousIndex(
                name=index,
                ids=kept["ids"],
                first_seen_ms=kept["first_seen_ms"],
                fingerprint=kept["fingerprint"],
                listed_count=int(kept["listed_count"]),
                # A file kept before these existed lacks them (KeyError): the index is scanned.
                content_changed_ms=kept["content_changed_ms"],
                stale=kept["stale"],
            )
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:  # scan instead
        log.warning("ignoring the snapshot %s: %s", path, error)
        return None


def previous_of(es: Elasticsearch, index: str | None, directory: Path) -> PreviousIndex:
    """What a rebuild compares to: the snapshot of ``index`` when it is current, else a scan."""
    if index is None:
        return PreviousIndex()
    kept = load(es, directory, index)
    return kept if kept is not None else read_previous(es, index)
