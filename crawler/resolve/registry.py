"""Stable facility ids: which facility each source listing belongs to, kept across crawls.

The registry is a JSON file mapping ``source/ref`` → facility id. A site keeps its id when
sources come and go: a resolved group takes the id its members already had (the most common
one, ties to the smallest), and only a group with no known member gets a new id, the one of
its highest-precedence listing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from iop.facility import Facility


def listing_key(listing: Facility) -> str:
    record = listing.sources[0]
    return f"{record.source}/{record.ref}"


class IdRegistry:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.ids: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}

    def assign(self, group: list[Facility]) -> str:
        """The facility id for a group of listings (ordered by precedence); remembers it."""
        known = Counter(self.ids[key] for key in map(listing_key, group) if key in self.ids)
        facility_id = min(known, key=lambda fid: (-known[fid], fid)) if known else group[0].id
        for listing in group:
            self.ids[listing_key(listing)] = facility_id
        return facility_id

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.ids, indent=0, sort_keys=True))
        tmp.replace(self.path)
