"""The names of the indices the stages share: the alias search reads, the pattern of the
timestamped indices behind it, the run summaries' index, and the query for those summaries.

The indexer creates and flips them (``indexer.lifecycle``); the API reads them, and the data
desk can roll the alias back: which index a rollback returns to, and the one atomic
``_aliases`` call that does it, are defined here so both agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from iop.settings import core_settings

ALIAS = core_settings().index_alias
INDEX_PATTERN = f"{ALIAS}-*"
# A versioned index's name: the alias and when it was built, to the microsecond.
INDEX_STAMP = "%Y%m%d-%H%M%S-%f"


def index_name(alias: str, built: datetime) -> str:
    return f"{alias}-{built.strftime(INDEX_STAMP)}"


def is_index_of(alias: str, name: str) -> bool:
    """Whether ``name`` is one of the versioned indices behind ``alias`` (and nothing else)."""
    stamp = name.removeprefix(f"{alias}-")
    if stamp == name or not re.fullmatch(r"\d{8}-\d{6}-\d{6}", stamp):
        return False
    try:
        datetime.strptime(stamp, INDEX_STAMP)
    except ValueError:
        return False
    return True


TEMPLATE = f"{ALIAS}-template"
# "facilities" → "crawl_runs"; "test-facilities" → "test-crawl_runs".
RUNS_INDEX = (
    ALIAS.removesuffix("facilities") + "crawl_runs"
    if ALIAS.endswith("facilities")
    else f"{ALIAS}-crawl_runs"
)
# How deep a page may start (from + size): the HSDS API pages by number, and a consumer pages
# through the whole directory that way (Elasticsearch's default, 10,000, is less than the
# real directory holds).
MAX_RESULT_WINDOW = 100_000


def recent_runs_search(limit: int) -> dict[str, Any]:
    """The search for the latest refresh summaries, newest first."""
    return {"index": RUNS_INDEX, "size": limit, "sort": [{"started_at": "desc"}]}


def rollback_target(indices: Iterable[str], serving: str) -> str | None:
    """The index a rollback returns to: the newest of the alias's indices older than the
    serving one (their names sort by creation time); ``None`` when none is kept."""
    older = [name for name in indices if name < serving]
    return max(older, default=None)


def alias_move(serving: str, to: str) -> list[dict[str, Any]]:
    """The actions of one atomic ``_aliases`` call moving the alias from ``serving`` to ``to``.
    The call fails (404) and changes nothing if ``serving`` no longer holds the alias, so a
    rollback confirmed against one serving index never moves another."""
    return [
        {"remove": {"index": serving, "alias": ALIAS, "must_exist": True}},
        {"add": {"index": to, "alias": ALIAS}},
    ]
