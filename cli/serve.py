"""``iop serve``: the search API."""

from __future__ import annotations

import argparse
import os
import secrets


def serve(host: str, port: int, workers: int = 1) -> None:
    """Serve the API; without ``ELASTICSEARCH_URL``, on the local node (``iop es start``)."""
    import uvicorn

    import local_elasticsearch

    if not os.environ.get("ELASTICSEARCH_URL"):
        url = local_elasticsearch.cluster_url()
        if url is not None:
            os.environ["ELASTICSEARCH_URL"] = url  # read by api.config.Settings

    # Workers are processes of their own: one cursor key for all, so a next page can land on
    # any of them (api.search.cursor); set IOP_CURSOR_KEY for cursors that outlive a restart.
    os.environ.setdefault("IOP_CURSOR_KEY", secrets.token_urlsafe(32))
    # uvicorn's access log would print paths and query strings (facility ids, patient needs):
    # requests are logged by api.observability instead, by route template, without values.
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=False,
    )


def cmd_serve(args: argparse.Namespace) -> None:
    serve(args.host, args.port, args.workers)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser("serve", help="serve the search API")
    command.add_argument("--host", default="127.0.0.1")
    command.add_argument("--port", type=int, default=8000)
    command.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    command.set_defaults(run=cmd_serve)
