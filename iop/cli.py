"""``iop``: the command line of the IOP directory.

Each stage registers its own commands (``crawler/cli.py``, ``indexer/cli.py``, ``api/cli.py``);
this module adds the local services (Elasticsearch, the API replicas); ``iop/demo.py`` the demo.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

from iop.paths import VAR_DIR

FEEDS_DIR = VAR_DIR / "feeds"
IOP = (sys.executable, "-m", "iop.cli")


class CommandFailed(Exception):
    """A command that could not do its job; the message says what to do about it."""


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """Which sources ``iop crawl --all`` gathers: also offered by ``iop refresh``."""
    parser.add_argument("--config", help="sources file (default: data/sources.toml)")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SPIDER.NAME=VALUE",
        help="override a spider argument, e.g. --set findtreatment.base_url=URL",
    )


def cmd_es(args: argparse.Namespace) -> None:
    from iop import es_node

    try:
        if args.action == "start":
            print(es_node.start())
        elif args.action == "stop":
            print("stopped" if es_node.stop() else "not running")
        else:
            print(json.dumps(es_node.status(), indent=2))
    except es_node.NodeError as error:
        raise CommandFailed(str(error)) from None


def cmd_replica(args: argparse.Namespace) -> None:
    from replica import findtreatment

    findtreatment.serve(host=args.host, port=args.port, quirks=args.quirks)


def run_iop(*argv: str) -> None:
    """Run another ``iop`` command in its own process (Scrapy's reactor runs once per process)."""
    if subprocess.run([*IOP, *argv]).returncode != 0:
        raise CommandFailed(f"`iop {' '.join(argv)}` failed; see its output above")


def parser() -> argparse.ArgumentParser:
    from api import cli as api_cli
    from crawler import cli as crawler_cli
    from indexer import cli as indexer_cli
    from iop import demo

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

    crawler_cli.register(commands)
    indexer_cli.register(commands)
    api_cli.register(commands)

    demo.register(commands)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except CommandFailed as error:
        print(f"iop: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    # Run the importable module's main, not this __main__ copy: the stages raise
    # iop.cli.CommandFailed, which must be the class main() catches.
    from iop.cli import main as entry_point

    sys.exit(entry_point())
