"""A multi-node Elasticsearch cluster on loopback, for tests of what a real cluster does.

``LocalCluster(name, size)`` runs ``size`` nodes of the same pinned distribution as the
development node, each with its own ports, configuration, data and logs under
``CACHE_DIR/elasticsearch/clusters/<name>/<node>/``. They find each other through
``discovery.seed_hosts`` (their transport ports on 127.0.0.1) and elect the first master among
themselves (``cluster.initial_master_nodes``); the cluster's own name keeps them apart from
the development node, which is never touched. Nodes can be stopped and started one at a time,
to see what searches and rebuilds do while one is down. ``stop()`` ends every node; used as a
context manager, the cluster is stopped and its files removed at the end, failure or not.

Small heaps (``512m`` by default): three nodes fit a 2-core machine next to the development
node and the test runner.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from local_elasticsearch.config import cluster_node_settings, write_node_config
from local_elasticsearch.distribution import ensure_distribution
from local_elasticsearch.errors import NodeError, say
from local_elasticsearch.java import choose_java_home
from local_elasticsearch.layout import CLUSTER_NAME, ES_HOME, ES_ROOT, HOST, LOG_TAIL_LINES
from local_elasticsearch.ports import free_port
from local_elasticsearch.probe import cluster_health, root_info
from local_elasticsearch.process import terminate
from local_elasticsearch.state import is_our_node
from local_elasticsearch.system_user import run_as_prefix

CLUSTERS_DIR = ES_ROOT / "clusters"
CLUSTER_HEAP = "512m"
# Java settings from the caller's environment that would override the node's own.
_SCRUBBED_ENV = {"JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "ES_JAVA_OPTS"}


@dataclass(frozen=True)
class ClusterNode:
    """One node: its name, ports and directory (config, data, logs, tmp, pid file)."""

    name: str
    http_port: int
    transport_port: int
    home: Path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.http_port}"

    @property
    def config_dir(self) -> Path:
        return self.home / "config"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "elasticsearch.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / f"{self.name.rsplit('-', 1)[0]}.log"

    def directories(self) -> list[Path]:
        return [self.home / part for part in ("config", "data", "logs", "tmp", "run")]

    def pid(self) -> int | None:
        """The pid of this node's JVM when it runs, else None."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if is_our_node(pid) else None


class LocalCluster:
    """``size`` Elasticsearch nodes on loopback forming the cluster ``name``."""

    def __init__(self, name: str, size: int = 3, heap: str = CLUSTER_HEAP) -> None:
        if name == CLUSTER_NAME:
            raise NodeError(f"{name!r} is the development node's cluster; choose another name")
        if size < 1:
            raise NodeError("a cluster needs at least one node")
        self.name = name
        self.heap = heap
        self.root = CLUSTERS_DIR / name
        used: set[int] = set()
        nodes = []
        for number in range(1, size + 1):
            http_port = free_port(exclude=used)
            used.add(http_port)
            transport_port = free_port(exclude=used)
            used.add(transport_port)
            node_name = f"{name}-{number}"
            nodes.append(ClusterNode(node_name, http_port, transport_port, self.root / node_name))
        self.nodes: list[ClusterNode] = nodes
        self._java_home: Path | None = None

    @property
    def urls(self) -> list[str]:
        return [node.url for node in self.nodes]

    def node(self, name: str) -> ClusterNode:
        return next(node for node in self.nodes if node.name == name)

    def start(self, timeout: float = 300.0) -> list[str]:
        """Launch every node at once and wait until they form one green-or-yellow cluster."""
        ensure_distribution()
        self._java_home = choose_java_home()
        shutil.rmtree(self.root, ignore_errors=True)
        for node in self.nodes:
            self._write(node)
        say(f"starting cluster {self.name}: {len(self.nodes)} nodes on {', '.join(self.urls)}")
        launchers = [self._launch(node) for node in self.nodes]
        try:
            self.wait_for_nodes(len(self.nodes), timeout)
        except BaseException:
            self.stop()
            raise
        finally:
            for launcher in launchers:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    launcher.wait(timeout=60)
        return self.urls

    def stop_node(self, node: ClusterNode, timeout: float = 60.0) -> None:
        """Stop one node (SIGTERM, SIGKILL after ``timeout``) and wait until it is gone."""
        pid = node.pid()
        say(f"stopping {node.name} (pid {pid})")
        if pid is not None:
            terminate(pid, timeout)

    def start_node(self, node: ClusterNode, timeout: float = 180.0) -> None:
        """Start a stopped node again, with its data, and wait until it has rejoined."""
        if node.pid() is not None:
            return
        say(f"starting {node.name} again")
        launcher = self._launch(node)
        try:
            self.wait_for_nodes(len(self.nodes), timeout)
        finally:
            with contextlib.suppress(subprocess.TimeoutExpired):
                launcher.wait(timeout=60)

    def stop(self, timeout: float = 60.0) -> None:
        """Stop every node that runs."""
        for node in self.nodes:
            if node.pid() is not None:
                self.stop_node(node, timeout)

    def health(self, **params: str) -> dict[str, Any]:
        """``GET /_cluster/health`` with these parameters, through the first running node."""
        query = "&".join(f"{key}={value}" for key, value in params.items())
        for node in self.nodes:
            answer = cluster_health(node.url, query) if node.pid() is not None else None
            if answer is not None:
                return answer
        raise NodeError(f"no node of {self.name} answers")

    def wait_for_nodes(self, count: int, timeout: float) -> None:
        """Wait until ``count`` nodes have joined and the cluster is at least yellow."""
        deadline = time.monotonic() + timeout
        while True:
            for node in self.nodes:
                info = root_info(node.url) if node.pid() is not None else None
                if info is None or info.get("cluster_name") != self.name:
                    continue
                answer = cluster_health(
                    node.url, f"wait_for_nodes={count}&wait_for_status=yellow&timeout=5s"
                )
                if answer and not answer.get("timed_out") and answer["number_of_nodes"] == count:
                    return
            if time.monotonic() >= deadline:
                raise NodeError(
                    f"cluster {self.name} did not reach {count} nodes within {timeout:.0f}s.\n"
                    + self.logs_excerpt()
                )
            time.sleep(1.0)

    def logs_excerpt(self) -> str:
        """The last lines of every node's log, for an error message."""
        parts = []
        for node in self.nodes:
            with contextlib.suppress(OSError):
                lines = node.log_file.read_text(errors="replace").splitlines()
                parts.append(f"--- {node.log_file} ---\n" + "\n".join(lines[-LOG_TAIL_LINES:]))
        return "\n".join(parts) or f"(no logs under {self.root})"

    def remove(self) -> None:
        """Delete the cluster's files (its nodes must be stopped)."""
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> LocalCluster:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self.stop()
        finally:
            self.remove()

    def _write(self, node: ClusterNode) -> None:
        assert self._java_home is not None
        for directory in node.directories():
            directory.mkdir(parents=True, exist_ok=True)
        settings = cluster_node_settings(
            self.name,
            node.name,
            (node.http_port, node.transport_port),
            seeds=[other.transport_port for other in self.nodes],
            masters=[other.name for other in self.nodes],
        )
        settings += [f"path.data: {node.home / 'data'}", f"path.logs: {node.home / 'logs'}"]
        write_node_config(node.config_dir, settings, self._java_home)

    def _launch(self, node: ClusterNode) -> subprocess.Popen[bytes]:
        """Start ``node`` detached (``-d``); the caller waits for it to join."""
        assert self._java_home is not None
        run_as: list[str] = []
        if os.geteuid() == 0:
            run_as = run_as_prefix(self._java_home, writable=[node.home])
        env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED_ENV}
        env.update(
            ES_JAVA_HOME=str(self._java_home),
            ES_PATH_CONF=str(node.config_dir),
            ES_TMPDIR=str(node.home / "tmp"),
            ES_JAVA_OPTS=f"-Xms{self.heap} -Xmx{self.heap}",
        )
        with contextlib.suppress(OSError):
            node.pid_file.unlink()
        command = [*run_as, str(ES_HOME / "bin" / "elasticsearch"), "-d", "-p", str(node.pid_file)]
        with (node.home / "logs" / "launcher.out").open("ab") as out:
            return subprocess.Popen(
                command,
                cwd=str(node.home),
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
