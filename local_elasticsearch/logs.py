"""Excerpts of the node's logs, so a failed start explains itself in the error message."""

from __future__ import annotations

import os
from pathlib import Path

from local_elasticsearch.layout import LAUNCHER_LOG, LOG_TAIL_LINES, LOGS_DIR, NODE_LOG


def _tail(path: Path, lines: int = LOG_TAIL_LINES, since: int = 0) -> str:
    """Last ``lines`` lines of ``path``, ignoring the first ``since`` bytes (older runs)."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(since if since <= size else 0, size - 64 * 1024))
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def node_log_size() -> int:
    """Current size of the node log: where this run's lines will start."""
    try:
        return NODE_LOG.stat().st_size
    except OSError:
        return 0


def logs_excerpt(node_log_offset: int = 0) -> str:
    """The node log's last lines, plus launcher output the node log lacks (JVM errors)."""
    parts = []
    node_tail = _tail(NODE_LOG, since=node_log_offset)
    seen = set(node_tail.splitlines())
    extra = [ln for ln in _tail(LAUNCHER_LOG, 200).splitlines() if ln not in seen and ln.strip()]
    if extra:
        parts.append(f"--- launcher output ({LAUNCHER_LOG}) ---\n" + "\n".join(extra[-15:]))
    if node_tail.strip():
        parts.append(f"--- last lines of {NODE_LOG} ---\n{node_tail}")
    return "\n".join(parts) if parts else f"(no log output; see {LOGS_DIR})"
