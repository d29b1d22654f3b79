"""Group listings into sites: candidate pairs by blocking keys, then union-find.

Only listings sharing a blocking key (ZIP code, phone number or website domain) are
compared, so a national crawl compares thousands of pairs, not millions. Two listings of the
same source are never joined: a source that lists two entries has told us they differ
(SAMHSA's own repeated rows are folded by its importer before this step).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from crawler.resolve.keys import website_domain
from crawler.resolve.matching import evidence
from iop.facility import Facility

# A blocking key shared by more listings than this says nothing (a national hotline).
MAX_BLOCK = 60


def source_of(listing: Facility) -> str:
    return listing.sources[0].source if listing.sources else "unknown"


def blocking_keys(listing: Facility) -> Iterator[str]:
    if listing.address.postal_code:
        yield f"zip:{listing.address.postal_code}"
    for phone in listing.phones:
        yield f"phone:{phone.number}"
    domain = website_domain(listing.website)
    if domain:
        yield f"web:{domain}"


def candidate_pairs(listings: list[Facility]) -> set[tuple[int, int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, listing in enumerate(listings):
        for key in set(blocking_keys(listing)):
            blocks[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) <= MAX_BLOCK:
            pairs.update(combinations(members, 2))
    return pairs


class Clusters:
    """Union-find over listing indices that refuses to join two listings of one source."""

    def __init__(self, listings: list[Facility]) -> None:
        self.parent = list(range(len(listings)))
        self.sources = [{source_of(listing)} for listing in listings]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> bool:
        root_i, root_j = self.find(i), self.find(j)
        if root_i == root_j or self.sources[root_i] & self.sources[root_j]:
            return False
        self.parent[root_j] = root_i
        self.sources[root_i] |= self.sources[root_j]
        return True

    def groups(self) -> list[list[int]]:
        members: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            members[self.find(i)].append(i)
        return list(members.values())


def resolve(listings: Iterable[Facility]) -> list[list[Facility]]:
    """Listings grouped by real site, strongest matches joined first."""
    listings = list(listings)
    scored = []
    for i, j in candidate_pairs(listings):
        if source_of(listings[i]) == source_of(listings[j]):
            continue
        found = evidence(listings[i], listings[j])
        if found.same_site:
            scored.append((found.score, i, j))
    clusters = Clusters(listings)
    for _, i, j in sorted(scored, reverse=True):
        clusters.join(i, j)
    return [[listings[i] for i in group] for group in clusters.groups()]
