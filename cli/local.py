"""``iop es`` and ``iop replica``: the local services of a development machine."""

from __future__ import annotations

import argparse
import json

from cli.common import CommandFailed


def cmd_es(args: argparse.Namespace) -> None:
    import local_elasticsearch

    try:
        if args.action == "start":
            print(local_elasticsearch.start())
        elif args.action == "stop":
            print("stopped" if local_elasticsearch.stop() else "not running")
        else:
            print(json.dumps(local_elasticsearch.status(), indent=2))
    except local_elasticsearch.NodeError as error:
        raise CommandFailed(str(error)) from None


def cmd_replica(args: argparse.Namespace) -> None:
    from replica import findtreatment

    findtreatment.serve(host=args.host, port=args.port, quirks=args.quirks)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    es = commands.add_parser("es", help="manage the local Elasticsearch node")
    es.add_argument("action", choices=["start", "stop", "status"])
    es.set_defaults(run=cmd_es)

    replica = commands.add_parser("replica", help="serve a replica of a source API on loopback")
    replica.add_argument("api", choices=["findtreatment"])
    replica.add_argument("--host", default="127.0.0.1")
    replica.add_argument("--port", type=int, default=8765)
    replica.add_argument("--quirks", action="store_true", help="reproduce the live API's quirks")
    replica.set_defaults(run=cmd_replica)
