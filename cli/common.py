"""What every ``iop`` command shares: where feeds go, how a command fails, running another."""

from __future__ import annotations

import argparse
import subprocess
import sys

from iop.paths import VAR_DIR

FEEDS_DIR = VAR_DIR / "feeds"
IOP = (sys.executable, "-m", "cli.main")


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


def run_iop(*argv: str) -> None:
    """Run another ``iop`` command in its own process (Scrapy's reactor runs once per process)."""
    if subprocess.run([*IOP, *argv]).returncode != 0:
        raise CommandFailed(f"`iop {' '.join(argv)}` failed; see its output above")
