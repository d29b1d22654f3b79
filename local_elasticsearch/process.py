"""Launching, watching and stopping the node's process (callers hold ``state.locked()``).

The node is launched detached (``bin/elasticsearch -d``, in its own session) so it outlives
the process that started it; the pid comes from Elasticsearch's pid file.  A launch that
fails is cleaned up and reported with the relevant lines of the logs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time

from local_elasticsearch.config import write_config
from local_elasticsearch.distribution import ensure_distribution
from local_elasticsearch.errors import NodeError, say
from local_elasticsearch.java import choose_java_home
from local_elasticsearch.layout import (
    CONFIG_DIR,
    ES_HOME,
    ES_ROOT,
    ES_USER,
    ES_VERSION,
    HEAP,
    HOST,
    LAUNCHER_LOG,
    LOGS_DIR,
    PID_FILE,
    TMP_DIR,
    WRITABLE_DIRS,
)
from local_elasticsearch.logs import logs_excerpt, node_log_size
from local_elasticsearch.ports import choose_http_port, free_port
from local_elasticsearch.probe import answers_as_ours, health, root_info, version_of
from local_elasticsearch.state import (
    clear_state,
    is_our_node,
    node_pid,
    pid_alive,
    read_pidfile,
    write_state,
)
from local_elasticsearch.system_user import run_as_prefix

# Java settings from the caller's environment that would override the node's own.
_SCRUBBED_ENV = {"JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "ES_JAVA_OPTS"}


def start_locked(timeout: float) -> str:
    """Launch a new node and wait until it is healthy; returns its URL."""
    ensure_distribution()  # one-time download/unpack: not counted against `timeout`
    deadline = time.monotonic() + timeout
    java_home = choose_java_home()
    http_port = choose_http_port()
    transport_port = free_port(exclude={http_port})
    for d in WRITABLE_DIRS:
        d.mkdir(parents=True, exist_ok=True)
    write_config(http_port, transport_port, java_home)

    run_as: list[str] = []
    if os.geteuid() == 0:
        run_as = run_as_prefix(java_home)

    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED_ENV}
    env.update(
        ES_JAVA_HOME=str(java_home),
        ES_PATH_CONF=str(CONFIG_DIR),
        ES_TMPDIR=str(TMP_DIR),
        ES_JAVA_OPTS=f"-Xms{HEAP} -Xmx{HEAP} {os.environ.get('ES_JAVA_OPTS', '')}".strip(),
    )
    url = f"http://{HOST}:{http_port}"
    cmd = [*run_as, str(ES_HOME / "bin" / "elasticsearch"), "-d", "-p", str(PID_FILE)]
    with contextlib.suppress(OSError):
        PID_FILE.unlink()
    say(f"starting Elasticsearch {ES_VERSION} on {url} (logs: {LOGS_DIR})")
    t0 = time.monotonic()
    log_offset = node_log_size()
    with LAUNCHER_LOG.open("wb") as out:
        launcher = subprocess.Popen(
            cmd,
            cwd=str(ES_ROOT),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # survives the CLI, its terminal and its Ctrl-C
        )
    try:
        if not wait_healthy(url, None, launcher, max(0.0, deadline - time.monotonic())):
            raise NodeError(
                f"Elasticsearch did not become healthy on {url} within {timeout:.0f}s "
                "(start(timeout=...) allows more)"
            )
        pid = read_pidfile()
        if not is_our_node(pid):
            raise NodeError("Elasticsearch answered but its pid file is missing or stale")
    except BaseException as exc:
        _abort_launch(launcher)
        if isinstance(exc, NodeError):
            raise NodeError(f"{exc}.\n{logs_excerpt(log_offset)}") from None
        raise
    write_state(
        {
            "pid": pid,
            "url": url,
            "port": http_port,
            "transport_port": transport_port,
            "version": version_of(root_info(url)),
            "es_home": str(ES_HOME),
            "java_home": str(java_home),
            "user": ES_USER if run_as else None,
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
    )
    say(f"Elasticsearch is up on {url} (pid {pid}, {time.monotonic() - t0:.1f}s)")
    return url


def stop_locked(timeout: float) -> bool:
    """Stop our node if it runs and forget it; returns whether it was running."""
    pid = node_pid()
    if pid is None:
        clear_state()
        return False
    say(f"stopping Elasticsearch (pid {pid})")
    terminate(pid, timeout)
    clear_state()
    return True


def wait_healthy(
    url: str, pid: int | None, launcher: subprocess.Popen[bytes] | None, wait: float
) -> bool:
    """Wait until ``url`` is our cluster with status yellow/green.

    Raises NodeError early when the launcher fails or the node process dies.
    """
    end = time.monotonic() + wait
    while True:
        if launcher is not None:
            rc = launcher.poll()
            if rc is not None and rc != 0:
                raise NodeError(f"the Elasticsearch launcher exited with status {rc}")
            if rc == 0:
                pid = read_pidfile()
                if not pid_alive(pid):
                    raise NodeError("the Elasticsearch process exited right after starting")
        elif pid is not None and not pid_alive(pid):
            return False
        left = end - time.monotonic()
        if left <= 0:
            return False
        if answers_as_ours(url):
            status = health(url, wait=min(5.0, max(1.0, left)))
            if status and status.get("status") in ("yellow", "green"):
                return True
        time.sleep(0.5)


def terminate(pid: int, timeout: float) -> None:
    """SIGTERM ``pid``; SIGKILL it when it is still alive after ``timeout`` seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if not pid_alive(pid):
            return
        time.sleep(0.2)
    say(f"pid {pid} ignored SIGTERM for {timeout:.0f}s; killing it")
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    end = time.monotonic() + 10
    while time.monotonic() < end and pid_alive(pid):
        time.sleep(0.1)


def _abort_launch(launcher: subprocess.Popen[bytes]) -> None:
    """Kill a half-started node: the launcher's process group and the server pid."""
    pid = read_pidfile()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(launcher.pid, signal.SIGTERM)
    if pid is not None and is_our_node(pid):
        terminate(pid, 20.0)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(launcher.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        launcher.wait(timeout=10)
    clear_state()
