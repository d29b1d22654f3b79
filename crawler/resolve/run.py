"""``iop merge``: per-source feeds in, one feed of resolved, merged facilities out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crawler.resolve.clusters import resolve, source_of
from crawler.resolve.merge import merge
from crawler.resolve.precedence import SourceKind
from crawler.resolve.registry import IdRegistry
from iop.facility import Facility
from iop.feeds import feed_order, read_feed, write_feed


@dataclass
class MergeReport:
    listings: int
    facilities: int
    multi_source: int


def merge_feeds(
    feeds: list[Path], out: Path, registry_path: Path, kinds: dict[str, SourceKind]
) -> MergeReport:
    listings = [listing for feed in feeds for listing in read_feed(feed)]

    def kind_of(listing: Facility) -> SourceKind:
        return kinds.get(source_of(listing), SourceKind.WEBSITE)

    registry = IdRegistry(registry_path)
    merged = []
    for group in resolve(listings):
        group.sort(key=lambda x: (list(SourceKind).index(kind_of(x)), x.id))
        merged.append(merge(registry.assign(group), group, kind_of))
    merged.sort(key=feed_order)
    write_feed(out, merged)
    registry.save()
    return MergeReport(
        listings=len(listings),
        facilities=len(merged),
        multi_source=sum(1 for facility in merged if len(facility.sources) > 1),
    )
