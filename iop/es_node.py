"""The development Elasticsearch node, as the rest of the project uses it.

``from iop import es_node``, then ``es_node.start()`` (returns the URL), ``stop()``,
``status()`` and ``cluster_url()``; failures raise ``es_node.NodeError``.  From a shell:
``python -m iop.es_node start|stop|status``.  The code lives in ``iop/elasticsearch_node/``,
whose docstring describes the node, its files and ``ELASTICSEARCH_URL``.
"""

from __future__ import annotations

import sys

from iop.elasticsearch_node import (
    CACHE_DIR,
    ES_SHA512,
    ES_VERSION,
    NodeError,
    cluster_url,
    start,
    status,
    stop,
)
from iop.elasticsearch_node.layout import CONFIG_DIR as CONFIG_DIR
from iop.elasticsearch_node.ports import free_port

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

_free_port = free_port  # how the tests find a port where nothing listens


def _main(argv: list[str]) -> int:
    """``python -m iop.es_node start|stop|status`` is ``iop es start|stop|status``."""
    from iop.cli import main

    return main(["es", *argv])


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
