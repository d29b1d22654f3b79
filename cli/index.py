"""``iop index`` and ``iop refresh``: feeds into a new index behind the alias, checked."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from elasticsearch import Elasticsearch

from cli.common import FEEDS_DIR, CommandFailed, add_source_options
from iop.indices import ALIAS


def elasticsearch_client() -> Elasticsearch:
    import local_elasticsearch as es_node
    from iop.es_client import client_options

    url = es_node.cluster_url()
    if url is None:
        raise CommandFailed(
            "no Elasticsearch to talk to: run `iop es start` or set ELASTICSEARCH_URL"
        )
    return Elasticsearch(url, request_timeout=120, **client_options())


def crawl_all_sources(extra_args: Sequence[str] = ()) -> Callable[[Path], None]:
    """The real crawl: ``iop crawl --all --feeds-dir DIR`` in its own process."""

    def crawl(feeds_dir: Path) -> None:
        command = [sys.executable, "-m", "cli.main", "crawl", "--all", "--feeds-dir"]
        # A source that fails is in the run record and is not counted; only a crawl that
        # wrote no run record at all fails the refresh (checked by the caller).
        subprocess.run([*command, str(feeds_dir), *extra_args], check=False)

    return crawl


@contextmanager
def explained_errors() -> Iterator[None]:
    """Turn what can go wrong into messages that say what to do."""
    from elasticsearch import ApiError, TransportError

    from indexer.feeds import FeedError
    from indexer.incremental import IncrementalRefused
    from indexer.lifecycle import IndexNotStarted, RollbackImpossible
    from indexer.load import LoadRefused
    from indexer.refresh import RefreshFailed

    try:
        yield
    except FeedError as error:
        raise CommandFailed(f"{error} — nothing was changed; fix or re-crawl the feed") from None
    except (LoadRefused, RefreshFailed, IndexNotStarted) as error:
        raise CommandFailed(f"{error} — the previous index is still serving") from None
    except (IncrementalRefused, RollbackImpossible) as error:
        raise CommandFailed(str(error)) from None
    except TransportError as error:
        raise CommandFailed(
            f"Elasticsearch unreachable ({error}); start it with `iop es start` "
            "or point ELASTICSEARCH_URL at a running cluster — nothing was changed"
        ) from None
    except ApiError as error:
        raise CommandFailed(
            f"Elasticsearch refused a request ({error}); the previous index is still serving"
        ) from None


def cmd_index(args: argparse.Namespace) -> None:
    from indexer import lifecycle
    from indexer.incremental import upsert_feed
    from indexer.load import load_feeds

    es = elasticsearch_client()
    with explained_errors():
        if args.rollback:
            if args.feeds:
                raise CommandFailed("--rollback takes no feeds")
            left, now = lifecycle.rollback(es)
            print(f"alias {ALIAS} moved back from {left} to {now}")
            return
        if not args.feeds:
            raise CommandFailed("name at least one FEED (or --rollback)")
        if args.incremental:
            if len(args.feeds) != 1:
                raise CommandFailed("--incremental takes exactly one FEED")
            done = upsert_feed(es, Path(args.feeds[0]), progress=not args.quiet)
            print(
                f"{done.index}: {done.new} new, {done.updated} updated, "
                f"{done.older_ignored} older than the indexed data, ignored"
            )
            return
        report = load_feeds(
            es,
            [Path(feed) for feed in args.feeds],
            progress=not args.quiet,
            force=args.force,
            carry_over=not args.replace,
        )
    print(
        f"indexed {report.documents} facilities into {report.index} ({report.new} new, "
        f"{report.changed} changed, {report.carried_over} not in the feeds but kept, "
        f"{report.superseded} merged into others, "
        f"{report.stale} stale); alias moved from {report.previous or 'nothing'}"
        + (f"; dropped {report.dropped} not in the feeds" if report.dropped else "")
        + (f"; pruned {', '.join(report.pruned)}" if report.pruned else "")
    )


def cmd_refresh(args: argparse.Namespace) -> None:
    from indexer.refresh import RefreshFailed, refresh
    from indexer.summary import render

    crawl_args = [option for pair in args.set for option in ("--set", pair)]
    if args.config:
        crawl_args += ["--config", args.config]
    es = elasticsearch_client()
    try:
        with explained_errors():
            try:
                summary = refresh(
                    es,
                    Path(args.feeds_dir),
                    crawl_all_sources(crawl_args),
                    force=args.force,
                    progress=not args.quiet,
                )
            except RefreshFailed as error:
                print(render(error.summary))
                raise
    finally:
        es.close()
    print(render(summary))


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    index = commands.add_parser(
        "index", help="load feeds into a new index and flip the alias (or update, roll back)"
    )
    index.add_argument("feeds", nargs="*", metavar="FEED")
    index.add_argument(
        "--force", action="store_true", help="flip even if the directory shrank past tolerance"
    )
    index.add_argument(
        "--incremental", action="store_true", help="upsert FEED into the serving index"
    )
    index.add_argument(
        "--rollback", action="store_true", help="flip the alias back to the previous index"
    )
    index.add_argument(
        "--replace",
        action="store_true",
        help="the feeds are the whole directory: drop facilities they do not list",
    )
    index.add_argument("--quiet", action="store_true", help="no progress bar")
    index.set_defaults(run=cmd_index)

    refresh = commands.add_parser(
        "refresh", help="crawl every source, rebuild the index, print what changed"
    )
    refresh.add_argument("--feeds-dir", default=str(FEEDS_DIR), help="where the crawl writes")
    add_source_options(refresh)
    refresh.add_argument(
        "--force",
        action="store_true",
        help="rebuild even if a source failed or listed far fewer than last run, and flip even "
        "if the directory shrank past tolerance",
    )
    refresh.add_argument("--quiet", action="store_true", help="no progress bar")
    refresh.set_defaults(run=cmd_refresh)
