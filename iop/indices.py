"""The names of the indices the stages share: the alias search reads, the pattern of the
timestamped indices behind it, the run summaries' index, and the query for those summaries.

The indexer creates and flips them (``indexer.lifecycle``); the API only reads them.
"""

from __future__ import annotations

from typing import Any

from iop.settings import core_settings

ALIAS = core_settings().index_alias
INDEX_PATTERN = f"{ALIAS}-*"
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
