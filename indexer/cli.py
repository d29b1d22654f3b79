"""``iop index``: feeds into a new index behind the alias."""

from __future__ import annotations

import argparse
from pathlib import Path

from elasticsearch import Elasticsearch

from iop.cli import CommandFailed


def elasticsearch_client() -> Elasticsearch:
    from iop import es_node

    url = es_node.cluster_url()
    if url is None:
        raise CommandFailed(
            "no Elasticsearch to talk to: run `iop es start` or set ELASTICSEARCH_URL"
        )
    return Elasticsearch(url, request_timeout=60)


def cmd_index(args: argparse.Namespace) -> None:
    from elasticsearch import TransportError

    from indexer.feeds import FeedError
    from indexer.load import LoadRefused, load_feeds

    try:
        report = load_feeds(elasticsearch_client(), [Path(feed) for feed in args.feeds])
    except FeedError as error:
        raise CommandFailed(f"{error} — nothing was changed; fix or re-crawl the feed") from None
    except LoadRefused as error:
        raise CommandFailed(f"{error} — the previous index is still serving") from None
    except TransportError as error:
        raise CommandFailed(
            f"Elasticsearch unreachable ({error}); start it: `iop es start`"
        ) from None
    print(
        f"indexed {report.documents} facilities into {report.index}; "
        f"alias moved from {report.previous or 'nothing'}"
        + (f"; pruned {', '.join(report.pruned)}" if report.pruned else "")
    )


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    index = commands.add_parser("index", help="load feeds into a new index and flip the alias")
    index.add_argument("feeds", nargs="+", metavar="FEED")
    index.set_defaults(run=cmd_index)
