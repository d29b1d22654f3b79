"""The ``facilities`` alias, the timestamped indices behind it, and the ``crawl_runs`` index.

This is the only module that names a concrete index (the alias and its pattern are the index
contract's, :mod:`iop.indices`). A load goes into a new index created
from the composable template; the alias is flipped to it in one atomic ``_aliases`` call, so
searches see either the old index or the complete new one, never a half-built one. The index
it replaced is kept, so ``rollback`` can flip back at once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from elasticsearch import BadRequestError, Elasticsearch, NotFoundError

from indexer.settings import IndexerSettings
from iop.documents import facility_mappings
from iop.indices import (
    ALIAS,
    INDEX_PATTERN,
    MAX_RESULT_WINDOW,
    RUNS_INDEX,
    TEMPLATE,
    alias_move,
    index_name,
    rollback_target,
)

# A new index is in build mode: no periodic refreshes, and the translog synced in the
# background (a crash mid-build loses nothing that matters: the build is redone). Its shards
# and replicas come from the settings (index_settings).
BUILD_SETTINGS: dict[str, Any] = {
    "refresh_interval": "-1",
    "translog.durability": "async",
    "max_result_window": MAX_RESULT_WINDOW,
}
# What an index serves with, set in one call by ready_to_serve.
SERVING_SETTINGS: dict[str, Any] = {"refresh_interval": "1s", "translog.durability": "request"}
RUNS_MAPPINGS: dict[str, Any] = {
    # The summary's per-source and per-field parts are read, never searched.
    "dynamic": False,
    "properties": {
        "run_id": {"type": "keyword"},
        "started_at": {"type": "date"},
        "finished_at": {"type": "date"},
        "status": {"type": "keyword"},
    },
}


# A new index whose primaries have not started by then is dropped and made again, so often.
COPIES_WAIT_SECONDS = 30
CREATE_ATTEMPTS = 3


class RollbackImpossible(RuntimeError):
    """There is no older index to flip back to."""


class IndexNotStarted(RuntimeError):
    """The cluster could not start the shards of a new index."""


def new_index_name(now: datetime | None = None) -> str:
    return index_name(ALIAS, now or datetime.now(UTC))


def shard_settings(settings: IndexerSettings | None = None) -> dict[str, int]:
    """The shards and replicas of a new index (``IOP_NUMBER_OF_SHARDS``, ``_REPLICAS``)."""
    settings = settings or IndexerSettings()
    return {
        "number_of_shards": settings.number_of_shards,
        "number_of_replicas": settings.number_of_replicas,
    }


def save_template(es: Elasticsearch, settings: IndexerSettings | None = None) -> None:
    """Save the composable template every new facilities index is created from."""
    es.indices.put_index_template(
        name=TEMPLATE,
        index_patterns=[INDEX_PATTERN],
        template={
            "settings": shard_settings(settings) | BUILD_SETTINGS,
            "mappings": facility_mappings(),
        },
        priority=100,
        meta={"description": "IOP facilities; generated from iop.facility.Facility"},
    )


def create_index(es: Elasticsearch, settings: IndexerSettings | None = None) -> str:
    """A new, empty facilities index whose every shard has all the copies the cluster can
    hold started, so that no node stopping during the build can take a shard's only copy.

    A node that stops before then can take a primary with it; the index is still empty (and
    no alias points at it), so it is dropped and made again on the nodes that are left.
    """
    settings = settings or IndexerSettings()
    save_template(es, settings)
    for _ in range(CREATE_ATTEMPTS):
        name = new_index_name()
        try:
            es.indices.create(index=name, wait_for_active_shards="0")
        except BadRequestError as error:
            # When the elected master stops mid-request, Elasticsearch sends the request again
            # to the next master, which finds the index the first attempt made: this call's
            # own name.
            if error.error != "resource_already_exists_exception":
                raise
        if _copies_started(es, name, settings):
            return name
        drop_index(es, name)
    raise IndexNotStarted(
        f"a new index did not start its primary shards {CREATE_ATTEMPTS} times in a row within "
        f"{COPIES_WAIT_SECONDS} s: check the cluster's health (GET _cluster/health)"
    )


def _copies_started(es: Elasticsearch, index: str, settings: IndexerSettings) -> bool:
    """Whether the new ``index`` can be built: every shard has as many started copies as
    there are data nodes to hold them (one per node, up to its replicas and primary), or,
    when the cluster cannot place them all in time (allocation rules, disk), at least every
    primary has started. Only an index with a primary down is made again."""
    nodes = es.cluster.health()["number_of_data_nodes"]
    copies = min(settings.number_of_replicas + 1, max(nodes, 1))
    # A wait that times out answers 408 with the health in its body: that is the answer here.
    waiting = es.options(request_timeout=COPIES_WAIT_SECONDS + 30, ignore_status=408)
    health = waiting.cluster.health(
        index=index,
        wait_for_active_shards=str(settings.number_of_shards * copies),
        timeout=f"{COPIES_WAIT_SECONDS}s",
    )
    return not health["timed_out"] or health["status"] != "red"


def serving_index(es: Elasticsearch) -> str | None:
    try:
        aliases = es.indices.get_alias(name=ALIAS)
    except NotFoundError:
        return None
    return next(iter(aliases.body), None)


def facilities_indices(es: Elasticsearch) -> list[str]:
    """Every facilities index of this alias, oldest first (names sort by creation time)."""
    return sorted(es.indices.get(index=INDEX_PATTERN, expand_wildcards="open").body)


def ready_to_serve(es: Elasticsearch, index: str) -> None:
    """Leave build mode: serving settings, and every document searchable."""
    es.indices.put_settings(index=index, settings=SERVING_SETTINGS)
    es.indices.refresh(index=index)


def merge_segments(es: Elasticsearch, index: str) -> None:
    """Merge a freshly built index into one segment (and commit it to disk) before it serves.

    A rebuilt index only takes the few incremental upserts until the next rebuild, so one
    segment costs a little once and makes every search cheaper (``make bench-api``).
    """
    es.options(request_timeout=1800).indices.forcemerge(index=index, max_num_segments=1)


def flip_alias(es: Elasticsearch, index: str) -> str | None:
    """Point the alias at ``index`` atomically; returns the index it pointed at before.

    ``index`` must be ready to serve (:func:`ready_to_serve`); every index the alias has
    pointed at is.
    """
    previous = serving_index(es)
    actions: list[dict[str, Any]] = [{"add": {"index": index, "alias": ALIAS}}]
    if previous and previous != index:
        actions.insert(0, {"remove": {"index": previous, "alias": ALIAS}})
    es.indices.update_aliases(actions=actions)
    return previous


def rollback(es: Elasticsearch) -> tuple[str, str]:
    """Flip the alias back to the newest index older than the serving one: (from, to)."""
    serving = serving_index(es)
    if serving is None:
        raise RollbackImpossible(f"the alias {ALIAS!r} points at no index yet")
    target = rollback_target(facilities_indices(es), serving)
    if target is None:
        raise RollbackImpossible(f"{serving} is serving and no older index is kept")
    es.indices.update_aliases(actions=alias_move(serving, target))
    return serving, target


def being_read(es: Elasticsearch, indices: list[str]) -> set[str]:
    """Those of ``indices`` that a search context holds open: a point in time (the HSDS
    export's) or a search under way. Elasticsearch counts them itself, so this sees every API
    process, and a process that died pins nothing for long: its point in time expires with its
    keep-alive."""
    if not indices:
        return set()
    stats = es.indices.stats(
        index=INDEX_PATTERN,  # a pattern: an index deleted meanwhile is no error
        metric="search",
        filter_path="indices.*.total.search.open_contexts",
    ).body
    found: dict[str, Any] = stats.get("indices", {})
    return {
        name
        for name, stat in found.items()
        if name in indices and stat["total"]["search"]["open_contexts"]
    }


def prune(es: Elasticsearch, keep: int = 2, previous: str | None = None) -> list[str]:
    """Delete all but ``keep`` facilities indices: the serving one, ``previous``, then newest.

    An index a search context still reads (an export's point in time) is left for a later
    prune, so a stream that began before the rebuild reads to its end. Returns the deleted."""
    serving = serving_index(es)
    kept = [name for name in (serving, previous) if name]
    for name in reversed(facilities_indices(es)):
        if len(kept) >= keep:
            break
        if name not in kept:
            kept.append(name)
    doomed = [name for name in facilities_indices(es) if name not in kept]
    in_use = being_read(es, doomed)
    deleted = [name for name in doomed if name not in in_use]
    for name in deleted:
        es.indices.delete(index=name, ignore_unavailable=True)
    return deleted


def drop_index(es: Elasticsearch, index: str) -> None:
    es.indices.delete(index=index, ignore_unavailable=True)


def drop_all(es: Elasticsearch) -> None:
    """Delete every facilities index of this alias and its runs: for tests and benchmarks."""
    for name in facilities_indices(es):
        es.indices.delete(index=name)
    es.indices.delete(index=RUNS_INDEX, ignore_unavailable=True)


def ensure_runs_index(es: Elasticsearch, settings: IndexerSettings | None = None) -> str:
    """The index refresh summaries are stored in, created on first use."""
    if not es.indices.exists(index=RUNS_INDEX):
        try:
            es.indices.create(
                index=RUNS_INDEX,
                mappings=RUNS_MAPPINGS,
                settings=shard_settings(settings) | {"number_of_shards": 1},
            )
        except BadRequestError as error:  # created meanwhile by another refresh
            if error.error != "resource_already_exists_exception":
                raise
    return RUNS_INDEX
