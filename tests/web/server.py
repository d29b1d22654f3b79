"""The app served for real, by uvicorn on a free loopback port, for a browser to load."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from fastapi import FastAPI

from iop.facility import Facility

STARTUP_SECONDS = 30.0


@dataclass(frozen=True)
class LiveServer:
    url: str  # e.g. http://127.0.0.1:41234, no trailing slash
    facilities: list[Facility]  # what the index behind it holds


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` in a background thread until the block ends; yields its base URL.

    The socket is bound before uvicorn starts, so the port is ours and nothing races for it.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    host, port = sock.getsockname()
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="live-server", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("the live server did not start (see the log above)")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        sock.close()
