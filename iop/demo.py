"""``iop demo``: the whole product on one machine, from nothing to a serving API.

Starts Elasticsearch, serves the FindTreatment replica and every fixture program website on
loopback, crawls all of them plus SAMHSA's directory file and the fixture availability
board, resolves and merges the listings, indexes the result and serves the API.
"""

from __future__ import annotations

import argparse
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from iop.cli import FEEDS_DIR, CommandFailed, run_iop
from iop.paths import DATA_DIR

FIXTURE_SITES = DATA_DIR / "fixtures" / "sites"
DIRECTORY_FILE = DATA_DIR / "samhsa" / "nsumhss2024_su_directory.csv"


def demo_sources(stack: ExitStack) -> list[dict[str, Any]]:
    """Every demo source, with the loopback servers it needs started on ``stack``."""
    from crawler.sources import source_kinds
    from replica.findtreatment import running_replica
    from replica.static_sites import serve_site

    spiders = source_kinds()
    base_url = stack.enter_context(running_replica())
    print(f"FindTreatment replica: {base_url}", flush=True)
    sources: list[dict[str, Any]] = [
        {"spider": "findtreatment", "args": {"base_url": base_url}},
        {"spider": "samhsa_directory", "args": {"path": str(DIRECTORY_FILE)}},
    ]
    for site in sorted(p for p in FIXTURE_SITES.iterdir() if p.is_dir()):
        if site.name in spiders:
            sources.append(
                {"spider": site.name, "args": {"base_url": stack.enter_context(serve_site(site))}}
            )
    if "pinon_county" in spiders:
        sources.append({"spider": "pinon_county", "args": {}})
    return sources


def cmd_demo(args: argparse.Namespace) -> None:
    from api.cli import serve
    from crawler.all_sources import MERGED_FEED, crawl_all
    from iop import es_node

    try:
        print(f"Elasticsearch: {es_node.start()}", flush=True)
    except es_node.NodeError as error:
        raise CommandFailed(str(error)) from None
    feeds_dir = Path(args.feeds_dir or FEEDS_DIR)
    with ExitStack() as stack:
        run = crawl_all(feeds_dir, demo_sources(stack))
    for spider, record in run["sources"].items():
        print(f"  {spider}: {record.get('items', 0)} facilities, {record.get('errors', 0)} errors")
    merged = run["merged"]
    print(f"merged: {merged['facilities']} facilities from {merged['listings']} listings")
    run_iop("index", str(feeds_dir / MERGED_FEED))
    api = f"http://{args.host}:{args.port}"
    example = f"{api}/v1/facilities/search?zip=87124&radius_miles=25&services=iop"
    print(f"\nServing the API on {api} (docs: {api}/docs). Try:\n  curl '{example}'\n")
    serve(args.host, args.port)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser("demo", help="start everything, crawl all sources, index, serve")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--feeds-dir", help=f"where the demo's feeds go (default: {FEEDS_DIR})")
    demo.set_defaults(run=cmd_demo)
