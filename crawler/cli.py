"""``iop crawl`` and ``iop import-directory``: sources into NDJSON feeds."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from iop.cli import FEEDS_DIR, CommandFailed


def spider_arguments(pairs: list[str]) -> dict[str, str]:
    arguments = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise CommandFailed(f"spider argument {pair!r} is not NAME=VALUE")
        arguments[name] = value
    return arguments


def report(out: Path, spider: str, stats: dict[str, Any]) -> None:
    from crawler.run import quarantine_path

    items = stats.get("item_scraped_count", 0)
    quarantined = stats.get("quarantine/records", 0)
    print(f"{out}: {items} facilities; {quarantined} quarantined ({quarantine_path(out)})")
    for key, value in sorted(stats.items()):
        if key.startswith(("problems/", f"{spider}/")):
            print(f"  {key}: {value}")
    if stats.get("finish_reason") != "finished" or stats.get("log_count/ERROR", 0):
        raise CommandFailed(f"crawl ended {stats.get('finish_reason')!r} with errors; see the log")


def cmd_crawl(args: argparse.Namespace) -> None:
    from crawler.run import crawl

    out = Path(args.out or FEEDS_DIR / f"{args.spider}.ndjson")
    spider_args = spider_arguments(args.spider_args)
    if args.base_url:
        spider_args["base_url"] = args.base_url
    report(out, args.spider, crawl(args.spider, out, spider_args))


def cmd_import_directory(args: argparse.Namespace) -> None:
    from crawler.run import crawl

    path = Path(args.file)
    if not path.exists():
        raise CommandFailed(f"{path}: no such file")
    out = Path(args.out or FEEDS_DIR / "samhsa_directory.ndjson")
    report(out, "samhsa_directory", crawl("samhsa_directory", out, {"path": str(path.resolve())}))


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    crawl = commands.add_parser("crawl", help="crawl a source into an NDJSON feed")
    crawl.add_argument("spider", help="spider name, e.g. findtreatment")
    crawl.add_argument("--base-url", help="where the source lives (default: the real site/API)")
    crawl.add_argument("--out", help=f"feed file (default: {FEEDS_DIR}/SPIDER.ndjson)")
    crawl.add_argument(
        "-a",
        dest="spider_args",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="spider argument, e.g. -a states=NM,AZ",
    )
    crawl.set_defaults(run=cmd_crawl)

    directory = commands.add_parser(
        "import-directory", help="import SAMHSA's national directory file (CSV or XLSX)"
    )
    directory.add_argument("file")
    directory.add_argument(
        "--out", help=f"feed file (default: {FEEDS_DIR}/samhsa_directory.ndjson)"
    )
    directory.set_defaults(run=cmd_import_directory)
