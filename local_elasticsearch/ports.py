"""Choosing the node's loopback ports: the previous HTTP port when free, else 9200, else any."""

from __future__ import annotations

import contextlib
import socket

from local_elasticsearch.errors import NodeError
from local_elasticsearch.layout import DEFAULT_HTTP_PORT, HOST, PORT_FILE


def port_free(port: int) -> bool:
    """Whether nothing listens on ``port`` and the node could bind it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        if s.connect_ex((HOST, port)) == 0:
            return False  # something listens there
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # Like the JVM's server sockets: lingering TIME_WAIT connections don't count.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port(exclude: frozenset[int] | set[int] = frozenset()) -> int:
    """A port the system reports free on loopback, not one of ``exclude``."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind((HOST, 0))
            port = int(s.getsockname()[1])
        if port not in exclude:
            return port
    raise NodeError("could not find a free TCP port on 127.0.0.1")


def choose_http_port() -> int:
    """The previous run's port (stable URL across restarts), else 9200, else any free port."""
    candidates = [DEFAULT_HTTP_PORT]
    with contextlib.suppress(OSError, ValueError):
        candidates.insert(0, int(PORT_FILE.read_text().strip()))
    for port in candidates:
        if 0 < port < 65536 and port_free(port):
            break
    else:
        port = free_port()
    PORT_FILE.write_text(f"{port}\n")
    return port
