"""Group listings into sites: candidate pairs by blocking keys, then union-find.

Only listings sharing a blocking key (ZIP code, phone number or website domain) are
compared, so a national crawl compares thousands of pairs, not millions. Two listings of the
same source are joined only when they are the same names at the same street address and suite
— SAMHSA lists one program twice that way — otherwise a source that lists two entries has
told us they differ, and no chain of matches through other sources may join them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from crawler.resolve.keys import name_key, website_domain
from crawler.resolve.matching import address_score, evidence
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


def same_name_same_address(a: Facility, b: Facility) -> bool:
    """One program listed twice: the same names (program and operator) at the same street
    address and suite. Two programs at one address are two facilities."""
    return (
        bool(a.name)
        and name_key(a.name) == name_key(b.name)
        and name_key(a.operator) == name_key(b.operator)
        and name_key(a.address.street2) == name_key(b.address.street2)
        and address_score(a, b) == 1.0
    )


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

    def join(self, i: int, j: int, same_source_ok: bool = False) -> bool:
        root_i, root_j = self.find(i), self.find(j)
        if root_i == root_j:
            return False
        if self.sources[root_i] & self.sources[root_j] and not same_source_ok:
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
    clusters = Clusters(listings)
    for i, j in candidate_pairs(listings):
        a, b = listings[i], listings[j]
        if source_of(a) == source_of(b):
            if same_name_same_address(a, b):
                clusters.join(i, j, same_source_ok=True)
            continue
        found = evidence(a, b)
        if found.same_site:
            scored.append((found.score, i, j))
    for _, i, j in sorted(scored, reverse=True):
        clusters.join(i, j)
    return [[listings[i] for i in group] for group in clusters.groups()]
