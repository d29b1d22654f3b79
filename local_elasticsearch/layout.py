"""What the development node is: pinned versions, fixed settings, and where its files live.

Everything lives under ``CACHE_DIR/elasticsearch/`` (``CACHE_DIR`` is ``IOP_CACHE_DIR``, else
``.cache`` in the project); the package docstring draws the tree.
"""

from __future__ import annotations

import os
from pathlib import Path

# The project this tool serves: its .cache/ holds the distribution and the node.
PROJECT_ROOT = Path(__file__).resolve().parents[1]

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
HEAP = "1g"
MIN_JAVA = 21
ES_USER = "iop-es"  # the node runs as this system user when we are root
LOG_TAIL_LINES = 30

CACHE_DIR = Path(os.environ.get("IOP_CACHE_DIR") or PROJECT_ROOT / ".cache").expanduser().resolve()
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
# The directories the node writes to (owned by ES_USER when we are root).
WRITABLE_DIRS = (CONFIG_DIR, DATA_DIR, LOGS_DIR, TMP_DIR, RUN_DIR)
PID_FILE = RUN_DIR / "elasticsearch.pid"
STATE_FILE = ES_ROOT / "node.json"
PORT_FILE = ES_ROOT / "http.port"  # last HTTP port used: restarts keep the same URL
LOCK_FILE = ES_ROOT / ".lock"
LAUNCHER_LOG = LOGS_DIR / "launcher.out"
NODE_LOG = LOGS_DIR / f"{CLUSTER_NAME}.log"
UNPACKED_MARKER = ".iop-unpacked"
