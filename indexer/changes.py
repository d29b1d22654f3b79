"""What a refresh changed, facility by facility: new, changed (with the fields that changed),
gone stale, back from stale.

The index a rebuild replaced and the one it built are compared by what each rebuild kept of
them (:mod:`indexer.previous`: ids, content fingerprints, stale flags; read from their
snapshots, so no scan at a million facilities). Every change is counted; the first
``CHANGES_LISTED`` are listed with their names, and a changed one with the field paths whose
values differ (read from both indices), so a summary stays small whatever happened.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from elasticsearch import Elasticsearch

from indexer.previous import PreviousIndex
from iop.documents import from_document
from iop.facility import Facility, display_name

CHANGES_LISTED = 500
KINDS = ("new", "changed", "back", "stale")
MGET_BATCH = 500
# When and how often a facility was seen, and who said what: not what it says (the content
# fingerprint leaves them out too).
NOT_CONTENT = {"sources", "provenance", "first_seen", "last_seen", "status", "missed_refreshes"}


Mask = np.ndarray[Any, np.dtype[np.bool_]]


def change_masks(before: PreviousIndex, after: PreviousIndex) -> dict[str, Mask]:
    """Of the facilities ``after`` holds (in its id order), which are of each kind of change.
    A facility back from stale is "back" whether or not its content changed too; "stale":
    it went stale in this refresh."""
    if len(before) == 0:
        nothing = np.zeros(len(after), dtype=bool)
        return {"new": ~nothing, "changed": nothing, "back": nothing, "stale": nothing}
    # Both are sorted by id: each id of ``after`` is looked up in ``before`` at once.
    at = np.minimum(np.searchsorted(before.ids, after.ids), len(before) - 1)
    found = before.ids[at] == after.ids
    was_stale = before.stale[at]
    back = found & was_stale & ~after.stale
    return {
        "new": ~found,
        "changed": found & (before.fingerprint[at] != after.fingerprint) & ~back,
        "back": back,
        "stale": found & ~was_stale & after.stale,
    }


def changed_ids(
    before: PreviousIndex, after: PreviousIndex, limit: int
) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """How many changes of each kind, and the first ``limit`` as (kind, id), by kind then id
    (only those ids are decoded: a first refresh of a million facilities lists 500)."""
    masks = change_masks(before, after)
    counts = {kind: int(masks[kind].sum()) for kind in KINDS}
    listed: list[tuple[str, str]] = []
    for kind in KINDS:
        room = limit - len(listed)
        if room <= 0:
            break
        ids = after.ids[masks[kind]][:room]
        listed += [(kind, i.decode()) for i in ids.tolist()]
    return counts, listed


def _flat(value: Any, prefix: str, into: dict[str, Any]) -> dict[str, Any]:
    if isinstance(value, dict) and value:
        for key, inner in value.items():
            _flat(inner, f"{prefix}.{key}" if prefix else key, into)
    elif value not in (None, [], {}):
        into[prefix] = value  # a list counts as one value: its path changed
    return into


def content_paths(facility: Facility) -> dict[str, Any]:
    """``{dotted path: value}`` of what a facility says (unknown fields left out)."""
    return _flat(facility.model_dump(mode="json", exclude=NOT_CONTENT), "", {})


def changed_fields(before: Facility, after: Facility) -> list[str]:
    """The dotted paths whose values differ, an unknown value included (``medications.x``)."""
    was, now = content_paths(before), content_paths(after)
    return sorted(path for path in was.keys() | now.keys() if was.get(path) != now.get(path))


def _facilities(es: Elasticsearch, index: str | None, ids: list[str]) -> dict[str, Facility]:
    found: dict[str, Facility] = {}
    if index is None:
        return found
    for start in range(0, len(ids), MGET_BATCH):
        response = es.mget(index=index, ids=ids[start : start + MGET_BATCH])
        for doc in response["docs"]:
            if doc.get("found"):
                found[doc["_id"]] = from_document(doc["_source"])
    return found


def changes(
    es: Elasticsearch, before: PreviousIndex, after: PreviousIndex, limit: int = CHANGES_LISTED
) -> dict[str, Any]:
    """``{"counts": {kind: n}, "listed": [{"id", "change", "name", "fields"?}...],
    "more": n}``: every change counted, the first ``limit`` listed (new, changed, back, stale)."""
    counts, listed = changed_ids(before, after, limit)
    now = _facilities(es, after.name, [i for _, i in listed])
    was = _facilities(es, before.name, [i for kind, i in listed if kind in ("changed", "back")])
    entries = []
    for kind, facility_id in listed:
        facility = now.get(facility_id)
        entry: dict[str, Any] = {
            "id": facility_id,
            "change": kind,
            "name": facility and display_name(facility.name, facility.operator),
        }
        if kind in ("changed", "back") and facility is not None and facility_id in was:
            entry["fields"] = changed_fields(was[facility_id], facility)
        entries.append(entry)
    return {"counts": counts, "listed": entries, "more": sum(counts.values()) - len(entries)}
