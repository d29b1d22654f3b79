"""The public operations: ``start``, ``stop``, ``status`` and ``cluster_url``.

Each first honours ``ELASTICSEARCH_URL``: when it is set, that cluster is used as is and
nothing local is started or stopped.  Otherwise they manage the local node, taking the lock
before changing anything so concurrent callers (test workers, the CLI) agree on one node.
"""

from __future__ import annotations

import os
import time
from typing import Any

from local_elasticsearch.errors import NodeError, say
from local_elasticsearch.layout import ES_ROOT, NODE_LOG
from local_elasticsearch.probe import answers_as_ours, health, redact, root_info, version_of
from local_elasticsearch.process import start_locked, stop_locked, wait_healthy
from local_elasticsearch.state import clear_state, is_our_node, locked, node_pid, read_state


def cluster_url() -> str | None:
    """Where Elasticsearch is: ``ELASTICSEARCH_URL`` if set, else our running local node.

    Returns None when ``ELASTICSEARCH_URL`` is unset and no local node answers.
    """
    external = _external_url()
    if external:
        return external
    state = read_state()
    url = state.get("url")
    if not url or not is_our_node(state.get("pid")):
        return None
    return url if answers_as_ours(url) else None


def start(timeout: float = 180.0) -> str:
    """Make sure Elasticsearch is up and return its URL.

    With ``ELASTICSEARCH_URL`` set, only checks that it answers.  Otherwise starts
    (downloading/unpacking on first use) the local single-node cluster, or returns the
    URL of the one already running.  Raises NodeError on failure.
    """
    external = _external_url()
    if external:
        return _check_external(external, min(timeout, 30.0))

    # Fast path, no lock and no output: our node is already up.
    url = cluster_url()
    if url:
        return url

    with locked():
        state = read_state()
        pid = node_pid()
        url = str(state.get("url") or "")
        if pid and url:
            # Running (perhaps still starting, perhaps started by a concurrent caller).
            if wait_healthy(url, pid, None, min(30.0, timeout)):
                return url
            say(f"node pid {pid} does not answer on {url}; restarting it")
            stop_locked(30.0)
        elif pid:
            stop_locked(30.0)
        clear_state()
        return start_locked(timeout)


def stop(timeout: float = 60.0) -> bool:
    """Stop the local node (SIGTERM, then SIGKILL after ``timeout``).

    Returns whether a node was running.  Does nothing (returns False) when
    ``ELASTICSEARCH_URL`` is set: that cluster is not ours to stop.
    """
    if _external_url():
        return False
    if not ES_ROOT.exists():
        return False
    with locked():
        return stop_locked(timeout)


def status() -> dict[str, Any]:
    """Describe the cluster: url, running, managed, pid, version, health (and a bit more)."""
    external = _external_url()
    if external:
        return _describe(external, root_info(external), managed=False, pid=None)
    state = read_state()
    pid = node_pid()
    url = state.get("url") if pid else None
    info = answers_as_ours(url) if url else None
    return {
        **_describe(url, info, managed=True, pid=pid),
        "home": str(ES_ROOT),
        "log": str(NODE_LOG),
    }


def _describe(
    url: str | None, info: dict[str, Any] | None, *, managed: bool, pid: int | None
) -> dict[str, Any]:
    """The fields ``status()`` reports for any cluster, external or ours."""
    cluster_health = health(url) if info and url else None
    return {
        "url": url,
        "running": info is not None,
        "managed": managed,
        "pid": pid,
        "version": version_of(info),
        "health": (cluster_health or {}).get("status"),
        "cluster_name": (info or {}).get("cluster_name"),
    }


def _external_url() -> str | None:
    url = os.environ.get("ELASTICSEARCH_URL", "").strip()
    return url.rstrip("/") or None


def _check_external(url: str, wait: float) -> str:
    """``url`` once it answers like Elasticsearch; NodeError after ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while True:
        if root_info(url) is not None:
            return url
        if time.monotonic() >= deadline:
            raise NodeError(
                f"ELASTICSEARCH_URL={redact(url)} does not answer like Elasticsearch "
                f"(GET / failed for {wait:.0f}s). Start that cluster, fix the URL, or unset "
                "ELASTICSEARCH_URL to use the local development node."
            )
        time.sleep(1.0)
