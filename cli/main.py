"""``iop``: the command line of the IOP directory.

Each part registers its commands: ``cli/crawl.py`` (crawl, import-directory, merge),
``cli/sites.py`` (sites add, sites list),
``cli/index.py`` (index, refresh), ``cli/serve.py`` (serve), ``cli/local.py`` (the local
Elasticsearch node and the source replicas) and ``cli/demo.py`` (the demo).
"""

from __future__ import annotations

import argparse
import sys

from cli import crawl, demo, index, local, serve, sites
from cli.common import CommandFailed


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="iop", description=__doc__.split("\n")[0])
    commands = top.add_subparsers(dest="command", required=True)
    for part in (local, crawl, sites, index, serve, demo):
        part.register(commands)
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
    sys.exit(main())
