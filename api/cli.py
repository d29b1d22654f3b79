"""``iop serve``: the search API."""

from __future__ import annotations

import argparse


def serve(host: str, port: int) -> None:
    import uvicorn

    from api.main import create_app

    uvicorn.run(create_app(), host=host, port=port, log_level="info")


def cmd_serve(args: argparse.Namespace) -> None:
    serve(args.host, args.port)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser("serve", help="serve the search API")
    command.add_argument("--host", default="127.0.0.1")
    command.add_argument("--port", type=int, default=8000)
    command.set_defaults(run=cmd_serve)
