"""What is known about our node between processes: the state and pid files, and the lock.

``node.json`` records the pid, URL and ports of the node we started; Elasticsearch itself
writes its pid file.  A pid only counts when that process is alive and is the JVM of our
``ES_HOME``, so stale files after a crash or a reboot are harmless.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from local_elasticsearch.layout import ES_HOME, ES_ROOT, LOCK_FILE, PID_FILE, STATE_FILE


@contextlib.contextmanager
def locked() -> Iterator[None]:
    """Serialise start/stop between processes (an exclusive lock on ``ES_ROOT/.lock``)."""
    ES_ROOT.mkdir(parents=True, exist_ok=True)
    with LOCK_FILE.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def read_state() -> dict[str, Any]:
    """The contents of ``node.json``, or {} when it is missing or unreadable."""
    try:
        data = json.loads(STATE_FILE.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(state: dict[str, Any]) -> None:
    """Replace ``node.json`` atomically."""
    tmp = STATE_FILE.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=2) + "\n")
    tmp.replace(STATE_FILE)


def clear_state() -> None:
    """Forget the node: remove ``node.json`` and the pid file."""
    for path in (STATE_FILE, PID_FILE):
        with contextlib.suppress(OSError):
            path.unlink()


def read_pidfile() -> int | None:
    """The pid Elasticsearch wrote (``-p``), or None."""
    try:
        return int(PID_FILE.read_text().strip())
    except (OSError, ValueError):
        return None


def pid_alive(pid: int | None) -> bool:
    """Whether ``pid`` is a live process (zombies count as dead)."""
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    # A dead process nobody reaped (e.g. no init reaping in a container) is a zombie.
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
        if stat_line.rsplit(")", 1)[1].split()[0] in ("Z", "X"):
            return False
    except (OSError, IndexError):
        pass
    return True


def is_our_node(pid: int | None) -> bool:
    """True when ``pid`` is alive and is the Elasticsearch JVM running our ES_HOME."""
    if not pid_alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
    except OSError:
        return True  # no /proc (macOS): trust the pid file
    return str(ES_HOME) in cmdline and "org.elasticsearch" in cmdline


def node_pid() -> int | None:
    """Pid of our running node, from the state file or the node's own pid file."""
    for pid in (read_state().get("pid"), read_pidfile()):
        if isinstance(pid, int) and is_our_node(pid):
            return pid
    return None
