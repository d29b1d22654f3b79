"""``iop crawl`` and ``iop import-directory``: sources into NDJSON feeds."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli import sites
from cli.common import FEEDS_DIR, CommandFailed, add_source_options
from crawler.sites import WEBSITES


def spider_arguments(pairs: list[str]) -> dict[str, str]:
    arguments = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise CommandFailed(f"spider argument {pair!r} is not NAME=VALUE")
        arguments[name] = value
    return arguments


def report(out: Path, spider: str, record: dict[str, Any]) -> None:
    from crawler.run import failure, summary_lines

    print("\n".join(summary_lines(out, record)))
    why = failure(out, record)
    if why is not None:
        raise CommandFailed(why)


def overrides(pairs: list[str]) -> dict[str, dict[str, str]]:
    by_spider: dict[str, dict[str, str]] = {}
    for pair in pairs:
        target, sep, value = pair.partition("=")
        spider, dot, name = target.partition(".")
        if not (sep and dot):
            raise CommandFailed(f"--set {pair!r} is not SPIDER.NAME=VALUE")
        by_spider.setdefault(spider, {})[name] = value
    return by_spider


def cmd_crawl(args: argparse.Namespace) -> None:
    from crawler.extensions.job_journal import JobStateError
    from crawler.run import crawl

    if args.all:
        cmd_crawl_all(args)
        return
    if not args.spider:
        raise CommandFailed("name a spider, or use --all")
    out = Path(args.out or FEEDS_DIR / f"{args.spider}.ndjson")
    is_website = args.spider == WEBSITES or sites.site_named(args.spider) is not None
    if args.jobdir and is_website:
        from crawler.run import NOT_RESUMABLE

        raise CommandFailed(NOT_RESUMABLE.format(spider=args.spider))
    if args.spider == WEBSITES:  # every row of the sites file, into one feed
        sites.crawl_websites_command(out, args.base_url)
        return
    if (row := sites.site_named(args.spider)) is not None:  # one row, by its source name
        report(out, args.spider, sites.crawl_one_site(row, out, args.base_url))
        return
    spider_args = spider_arguments(args.spider_args)
    if args.base_url:
        spider_args["base_url"] = args.base_url
    jobdir = Path(args.jobdir) if args.jobdir else None
    try:
        record = crawl(args.spider, out, spider_args, jobdir=jobdir, progress=True)
    except JobStateError as error:
        raise CommandFailed(f"cannot resume: {error}") from None
    report(out, args.spider, record)


def cmd_crawl_all(args: argparse.Namespace) -> None:
    from crawler.all_sources import DEFAULT_CONFIG, crawl_all, load_sources

    feeds_dir = Path(args.feeds_dir or FEEDS_DIR)
    config = Path(args.config or DEFAULT_CONFIG)
    run = crawl_all(feeds_dir, load_sources(config, overrides(args.set)))
    for spider, record in run["sources"].items():
        print(
            f"  {spider}: {record.get('items', 0)} facilities, "
            f"{record.get('quarantined', 0)} quarantined, {record.get('errors', 0)} errors"
        )
    merged = run["merged"]
    print(
        f"{merged['feed']}: {merged['facilities']} facilities from {merged['listings']} listings "
        f"({merged['multi_source']} from several sources); run record {feeds_dir / 'run.json'}"
    )
    failed = [s for s, r in run["sources"].items() if r.get("exit_code")]
    if failed:
        raise CommandFailed(f"these sources failed: {', '.join(failed)}; see their .log files")


def cmd_merge(args: argparse.Namespace) -> None:
    from crawler.all_sources import REGISTRY
    from crawler.resolve.run import merge_feeds
    from crawler.sources import source_kinds
    from iop.feeds import FeedError

    try:
        report = merge_feeds(
            [Path(f) for f in args.feeds], Path(args.out), REGISTRY, source_kinds()
        )
    except FeedError as error:
        raise CommandFailed(str(error)) from None
    print(
        f"{args.out}: {report.facilities} facilities from {report.listings} listings "
        f"({report.multi_source} from several sources)"
    )


def cmd_import_directory(args: argparse.Namespace) -> None:
    from crawler.run import crawl

    path = Path(args.file)
    if not path.exists():
        raise CommandFailed(f"{path}: no such file")
    out = Path(args.out or FEEDS_DIR / "samhsa_directory.ndjson")
    record = crawl("samhsa_directory", out, {"path": str(path.resolve())}, progress=True)
    report(out, "samhsa_directory", record)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    crawl = commands.add_parser("crawl", help="crawl a source into an NDJSON feed")
    crawl.add_argument(
        "spider",
        nargs="?",
        help="spider name (e.g. findtreatment), a site's source name in the sites file, or "
        "`websites`: every site of the sites file",
    )
    crawl.add_argument("--all", action="store_true", help="every source in the config, merged")
    crawl.add_argument("--feeds-dir", help=f"with --all: where feeds go (default: {FEEDS_DIR})")
    add_source_options(crawl)
    crawl.add_argument(
        "--jobdir",
        help="keep crawl state here: a stopped crawl resumes, even after kill -9",
    )
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

    merge = commands.add_parser("merge", help="resolve and merge per-source feeds into one")
    merge.add_argument("feeds", nargs="+", metavar="FEED")
    merge.add_argument("--out", required=True)
    merge.set_defaults(run=cmd_merge)
