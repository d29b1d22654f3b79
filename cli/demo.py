"""``iop demo``: the whole product on one machine, from nothing to a serving API, on real data.

Starts Elasticsearch; serves on loopback the FindTreatment replica (filled with SAMHSA's real
2024 directory) and, when ``../shared/realworld`` is there, the real program site read in place;
crawls them, SAMHSA's directory file and the real LA County availability board (also read in
place), resolves and merges the listings, indexes the result and serves the API. The invented
fixture programs of the tests are not in it: a demo in real cities must show real programs.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from cli.common import FEEDS_DIR, CommandFailed, run_iop
from iop.paths import PROJECT_ROOT

# The real program websites of ../shared/realworld/sites, by source name (their rows in
# data/sites.csv): served there in place.
REAL_SITES = {"dmhiop": PROJECT_ROOT.parent / "shared" / "realworld" / "sites" / "dmhiop"}


def demo_sources(stack: ExitStack, quirks: bool = False) -> list[dict[str, Any]]:
    """The sources of ``data/sources.toml``, the live ones pointed at their loopback stand-ins
    (started on ``stack``): the locator replica (``quirks``: with the live API's), and real
    sites served from their folders."""
    from crawler.all_sources import load_sources
    from crawler.sites import WEBSITES
    from replica.findtreatment import running_replica

    base_url = stack.enter_context(running_replica(quirks))
    print(f"FindTreatment replica (SAMHSA's 2024 directory): {base_url}", flush=True)
    sources = []
    for source in load_sources():
        spider = source["spider"]
        if spider == "findtreatment":
            source["args"] |= {"base_url": base_url, "survey_year": "2024"}
        elif spider == WEBSITES:
            source["args"]["sites"] = str(served_sites_file(stack, Path(source["args"]["sites"])))
        sources.append(source)
    return sources


def served_sites_file(stack: ExitStack, sites_file: Path) -> Path:
    """The rows of ``sites_file`` whose real copy is on this machine, each fetched from it on
    loopback (started on ``stack``); the others are left out, so the demo never leaves it."""
    from crawler.sites import read_sites, write_sites
    from replica.static_sites import serve_site

    rows, _ = read_sites(sites_file)
    served = []
    for row in rows:
        folder = REAL_SITES.get(row.source)
        if folder is None or not folder.exists():
            print(f"{row.source}: no copy of {row.host} here; left out", flush=True)
            continue
        base_url = stack.enter_context(serve_site(folder))
        served.append(dataclasses.replace(row, base_url=base_url))
    file = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "sites.csv"
    write_sites(file, served)
    return file


def cmd_demo(args: argparse.Namespace) -> None:
    import local_elasticsearch as es_node
    from cli.serve import serve
    from crawler.all_sources import MERGED_FEED, crawl_all

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
    print(
        f"\nServing the pages on {api}/ (search near a ZIP such as 87102) and the API"
        f" (docs: {api}/docs). Try:\n  curl '{example}'\n"
    )
    serve(args.host, args.port)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser("demo", help="start everything, crawl all sources, index, serve")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--feeds-dir", help=f"where the demo's feeds go (default: {FEEDS_DIR})")
    demo.set_defaults(run=cmd_demo)
