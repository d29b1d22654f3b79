"""``iop crawl --all``: every configured source, then entity resolution, then one run record.

Sources come from a TOML file (default ``data/sources.toml``): a list of ``[[source]]`` tables
with ``spider`` and optional ``args``. ``spider = "websites"`` is every program website of a
sites file (``args.sites``) and of the listings of earlier sources (``args.from_feeds``: their
names), crawled by :mod:`crawler.websites`. ``--set SPIDER.NAME=VALUE`` overrides an argument
(the demo points ``base_url`` at loopback replicas). Each spider runs in its own process —
Scrapy's reactor runs once per process — so one failing source does not stop the others;
its failure is in the run record.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.resolve.run import merge_feeds
from crawler.run import run_record_path
from crawler.sites import WEBSITES
from crawler.sources import source_kinds
from iop.paths import DATA_DIR, PROJECT_ROOT, VAR_DIR

DEFAULT_CONFIG = DATA_DIR / "sources.toml"
MERGED_FEED = "facilities.ndjson"
REGISTRY = VAR_DIR / "facility_ids.json"


def load_sources(
    config: Path = DEFAULT_CONFIG, overrides: dict[str, dict[str, str]] | None = None
) -> list[dict[str, Any]]:
    """The ``[[source]]`` tables of a sources file, with ``overrides`` applied: a relative
    ``path`` or ``base_url`` is a file or folder under the project's root; an ``optional``
    source whose file or folder is missing is left out, and said so on standard error."""
    overrides = overrides or {}
    sources: list[dict[str, Any]] = []
    for source in tomllib.loads(config.read_text())["source"]:
        args = {key: str(value) for key, value in source.get("args", {}).items()}
        local = None
        for name in ("path", "sites"):
            if name in args and not Path(args[name]).is_absolute():
                local = PROJECT_ROOT / args[name]
                args[name] = str(local)
        if "base_url" in args and "://" not in args["base_url"]:
            local = (PROJECT_ROOT / args["base_url"]).resolve()
            args["base_url"] = local.as_uri() + "/"
        if source.get("optional") and local is not None and not local.exists():
            print(f"{source['spider']}: {local} is not there; left out", file=sys.stderr)
            continue
        sources.append(
            {"spider": source["spider"], "args": args | overrides.get(source["spider"], {})}
        )
    return sources


def crawl_all(
    feeds_dir: Path, sources: list[dict[str, Any]], registry: Path = REGISTRY
) -> dict[str, Any]:
    """Crawl every source into ``feeds_dir``, merge into ``facilities.ndjson``, write run.json.

    ``sources``: ``[{"spider": name, "args": {name: value}}, ...]``, e.g. from
    :func:`load_sources`.
    """
    feeds_dir.mkdir(parents=True, exist_ok=True)
    started_at = datetime.now(UTC)
    records: dict[str, Any] = {}
    for number, source in enumerate(sources, start=1):
        spider = source["spider"]
        feed = feeds_dir / f"{spider}.ndjson"
        print(f"[{number}/{len(sources)}] {spider}", file=sys.stderr, flush=True)
        command = source_command(spider, feed, source["args"], feeds_dir)
        exit_code = subprocess.run(command).returncode
        record = _read_record(feed) or {"spider": spider, "items": 0, "errors": 1}
        record["exit_code"] = exit_code
        records[spider] = record
    feeds = [feeds_dir / f"{spider}.ndjson" for spider in records]
    merged = merge_feeds(
        [feed for feed in feeds if feed.exists()], feeds_dir / MERGED_FEED, registry, source_kinds()
    )
    run = {
        "started_at": started_at.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(),
        "sources": records,
        "merged": {
            "feed": str(feeds_dir / MERGED_FEED),
            "listings": merged.listings,
            "facilities": merged.facilities,
            "multi_source": merged.multi_source,
        },
    }
    (feeds_dir / "run.json").write_text(json.dumps(run, indent=2) + "\n")
    return run


def source_command(spider: str, feed: Path, args: dict[str, str], feeds_dir: Path) -> list[str]:
    """The child process that crawls one source into ``feed``."""
    if spider == WEBSITES:
        # Earlier sources named by ``from_feeds`` lend their listings' websites.
        names = [name for name in args.get("from_feeds", "").split(",") if name]
        args = args | {"from_feeds": ",".join(str(feeds_dir / f"{n}.ndjson") for n in names)}
        command = [sys.executable, "-m", "crawler.websites", str(feed)]
    else:
        command = [sys.executable, "-m", "crawler", spider, str(feed)]
    return command + [f"{name}={value}" for name, value in args.items()]


def _read_record(feed: Path) -> dict[str, Any] | None:
    path = run_record_path(feed)
    return json.loads(path.read_text()) if path.exists() else None
