"""How the node machinery reports: ``NodeError`` for failures, ``say`` for progress on stderr."""

from __future__ import annotations

import sys


class NodeError(RuntimeError):
    """Elasticsearch could not be fetched, started, reached or stopped.

    The message says what went wrong and, where possible, what to do about it.
    """


def say(msg: str) -> None:
    """A progress line on stderr, so stdout stays for the command's answer."""
    print(f"[es] {msg}", file=sys.stderr, flush=True)
