"""``iop``: the command line of the IOP directory.

iop es start|stop|status          the local Elasticsearch node
iop replica findtreatment         serve the FindTreatment API replica on loopback
iop crawl findtreatment           crawl a source into an NDJSON feed
iop index FEED...                 load feeds into a new index and flip the alias
iop serve                         the search API
iop demo                          all of the above, end to end
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from iop.paths import VAR_DIR

FEEDS_DIR = VAR_DIR / "feeds"
IOP = (sys.executable, "-m", "iop.cli")


def fail(message: str) -> int:
    print(f"iop: error: {message}", file=sys.stderr)
    return 1


def cmd_es(args: argparse.Namespace) -> int:
    from iop import es_node

    try:
        if args.action == "start":
            print(es_node.start())
        elif args.action == "stop":
            print("stopped" if es_node.stop() else "not running")
        else:
            print(json.dumps(es_node.status(), indent=2))
    except es_node.NodeError as error:
        return fail(str(error))
    return 0


def cmd_replica(args: argparse.Namespace) -> int:
    from replica import findtreatment

    findtreatment.serve(host=args.host, port=args.port, quirks=args.quirks)
    return 0


def cmd_crawl(args: argparse.Namespace) -> int:
    from crawler.run import crawl, quarantine_path

    out = Path(args.out or FEEDS_DIR / f"{args.spider}.ndjson")
    spider_args = {}
    if args.base_url:
        spider_args["base_url"] = args.base_url
    if args.states:
        spider_args["states"] = args.states
    stats = crawl(args.spider, out, spider_args)
    items = stats.get("item_scraped_count", 0)
    quarantined = stats.get("quarantine/records", 0)
    print(f"{out}: {items} facilities; {quarantined} quarantined ({quarantine_path(out)})")
    problems = {k: v for k, v in stats.items() if k.startswith(("problems/", args.spider + "/"))}
    for key, value in sorted(problems.items()):
        print(f"  {key}: {value}")
    if stats.get("finish_reason") != "finished" or stats.get("log_count/ERROR", 0):
        return fail(f"crawl ended {stats.get('finish_reason')!r} with errors; see the log above")
    return 0


def _elasticsearch():  # type: ignore[no-untyped-def]
    from elasticsearch import Elasticsearch

    from iop import es_node

    url = es_node.cluster_url()
    if url is None:
        raise es_node.NodeError(
            "no Elasticsearch to talk to: run `iop es start` or set ELASTICSEARCH_URL"
        )
    return Elasticsearch(url, request_timeout=60)


def cmd_index(args: argparse.Namespace) -> int:
    from elasticsearch import TransportError

    from indexer.feeds import FeedError
    from indexer.load import LoadRefused, load_feeds
    from iop import es_node

    try:
        report = load_feeds(_elasticsearch(), [Path(feed) for feed in args.feeds])
    except FeedError as error:
        return fail(f"{error} — nothing was changed; fix or re-crawl the feed")
    except (LoadRefused, es_node.NodeError) as error:
        return fail(f"{error} — the previous index is still serving")
    except TransportError as error:
        return fail(f"Elasticsearch unreachable ({error}); start it with `iop es start`")
    print(
        f"indexed {report.documents} facilities into {report.index}; "
        f"alias moved from {report.previous or 'nothing'}"
        + (f"; pruned {', '.join(report.pruned)}" if report.pruned else "")
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.main import create_app

    uvicorn.run(create_app(), host=args.host, port=args.port, log_level="info")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from iop import es_node
    from replica.findtreatment import running_replica

    try:
        print(f"Elasticsearch: {es_node.start()}", flush=True)
    except es_node.NodeError as error:
        return fail(str(error))
    feed = FEEDS_DIR / "findtreatment.ndjson"
    with running_replica() as base_url:
        print(f"FindTreatment replica: {base_url}", flush=True)
        crawl = [*IOP, "crawl", "findtreatment", "--base-url", base_url, "--out", str(feed)]
        if subprocess.run(crawl).returncode != 0:
            return fail("the crawl failed; see its log above")
    if subprocess.run([*IOP, "index", str(feed)]).returncode != 0:
        return fail("indexing failed; see above")
    api = f"http://{args.host}:{args.port}"
    example = f"{api}/v1/facilities/search?zip=87124&radius_miles=25&services=iop"
    print(f"\nServing the API on {api} (docs: {api}/docs). Try:\n  curl '{example}'\n")
    return cmd_serve(args)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="iop", description=__doc__.split("\n")[0])
    commands = top.add_subparsers(dest="command", required=True)

    es = commands.add_parser("es", help="manage the local Elasticsearch node")
    es.add_argument("action", choices=["start", "stop", "status"])
    es.set_defaults(run=cmd_es)

    replica = commands.add_parser("replica", help="serve a replica of a source API on loopback")
    replica.add_argument("api", choices=["findtreatment"])
    replica.add_argument("--host", default="127.0.0.1")
    replica.add_argument("--port", type=int, default=8765)
    replica.add_argument("--quirks", action="store_true", help="reproduce the live API's quirks")
    replica.set_defaults(run=cmd_replica)

    crawl = commands.add_parser("crawl", help="crawl a source into an NDJSON feed")
    crawl.add_argument("spider", choices=["findtreatment"])
    crawl.add_argument("--base-url", help="the API's base URL (default: the real API)")
    crawl.add_argument("--out", help=f"feed file (default: {FEEDS_DIR}/SPIDER.ndjson)")
    crawl.add_argument("--states", help="comma-separated state codes to sweep (default: all)")
    crawl.set_defaults(run=cmd_crawl)

    index = commands.add_parser("index", help="load feeds into a new index and flip the alias")
    index.add_argument("feeds", nargs="+", metavar="FEED")
    index.set_defaults(run=cmd_index)

    for name, run, help_text in (
        ("serve", cmd_serve, "serve the search API"),
        ("demo", cmd_demo, "start everything, crawl the replica, index and serve"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--host", default="127.0.0.1")
        command.add_argument("--port", type=int, default=8000)
        command.set_defaults(run=run)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
