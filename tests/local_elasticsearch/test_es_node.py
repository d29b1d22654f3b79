"""The development Elasticsearch node (local_elasticsearch), against the real node.

The node is left running at the end: the rest of the suite reuses it.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.request
from typing import Any

import pytest

import local_elasticsearch as es_node
from local_elasticsearch.layout import CONFIG_DIR
from local_elasticsearch.ports import free_port

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        bool(os.environ.get("ELASTICSEARCH_URL")),
        reason="ELASTICSEARCH_URL is set: the local node is not managed in this run",
    ),
]

RESTART_BUDGET_S = 40.0  # stop()+start() is only tested when a start is this cheap


def _get(url: str, path: str) -> Any:
    with urllib.request.urlopen(url + path, timeout=30) as resp:
        return json.loads(resp.read())


@pytest.fixture(scope="module")
def node() -> dict[str, Any]:
    t0 = time.monotonic()
    url = es_node.start()
    return {"url": url, "start_seconds": time.monotonic() - t0}


def test_start_gives_a_healthy_9_2_4_node(node: dict[str, Any]) -> None:
    url = node["url"]
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
    health = _get(url, "/_cluster/health?wait_for_status=yellow&timeout=30s")
    assert health["status"] in ("green", "yellow")
    assert health["cluster_name"] == "iop-dev"
    assert health["number_of_nodes"] == 1

    st = es_node.status()
    assert st["url"] == url
    assert st["running"] is True
    assert st["managed"] is True
    assert st["version"] == es_node.ES_VERSION == "9.2.4"
    assert st["health"] in ("green", "yellow")
    assert isinstance(st["pid"], int)


def test_second_start_is_fast_and_reuses_the_process(node: dict[str, Any]) -> None:
    pid = es_node.status()["pid"]
    t0 = time.monotonic()
    assert es_node.start() == node["url"]
    assert time.monotonic() - t0 < 5.0
    assert es_node.status()["pid"] == pid


def test_cluster_url_is_the_running_node(node: dict[str, Any]) -> None:
    assert es_node.cluster_url() == node["url"]


def test_elasticsearch_url_is_used_without_starting_anything(
    node: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = es_node.status()["pid"]
    monkeypatch.setenv("ELASTICSEARCH_URL", node["url"])

    assert es_node.start() == node["url"]
    assert es_node.cluster_url() == node["url"]
    st = es_node.status()
    assert st["managed"] is False
    assert st["running"] is True
    assert st["version"] == "9.2.4"
    assert es_node.stop() is False  # an external cluster is never ours to stop

    monkeypatch.delenv("ELASTICSEARCH_URL")
    assert es_node.status()["pid"] == pid  # still the same, untouched node


def test_unreachable_elasticsearch_url_is_a_node_error(
    node: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("ELASTICSEARCH_URL", dead)
    with pytest.raises(es_node.NodeError, match="ELASTICSEARCH_URL"):
        es_node.start(timeout=2)


def test_node_is_bound_to_loopback_only(node: dict[str, Any]) -> None:
    config = (CONFIG_DIR / "elasticsearch.yml").read_text()
    settings = dict(
        line.split(": ", 1) for line in config.splitlines() if line and not line.startswith("#")
    )
    assert settings["network.host"] == "127.0.0.1"
    assert settings["discovery.type"] == "single-node"
    assert settings["cluster.name"] == "iop-dev"
    assert node["url"].endswith(f":{settings['http.port']}")

    info = _get(node["url"], "/_nodes/_local/http,transport?filter_path=nodes.*.*.bound_address")
    (only_node,) = info["nodes"].values()
    bound = only_node["http"]["bound_address"] + only_node["transport"]["bound_address"]
    assert bound and all(addr.startswith("127.0.0.1:") for addr in bound), bound


@pytest.mark.skipif(os.geteuid() != 0, reason="only root hands the node to a system user")
def test_node_does_not_run_as_root(node: dict[str, Any]) -> None:
    pid = es_node.status()["pid"]
    assert os.stat(f"/proc/{pid}").st_uid != 0


def test_stop_then_start(node: dict[str, Any]) -> None:
    """Runs last in this module and leaves the node running for the rest of the suite."""
    if node["start_seconds"] > RESTART_BUDGET_S:
        pytest.skip(f"a start took {node['start_seconds']:.0f}s here; restart test too costly")
    old_pid = es_node.status()["pid"]

    assert es_node.stop() is True
    assert es_node.status()["running"] is False
    assert es_node.cluster_url() is None
    assert es_node.stop() is False

    t0 = time.monotonic()
    url = es_node.start()
    assert time.monotonic() - t0 < 120
    assert url == node["url"]  # same port again: clients of the rest of the suite keep working
    st = es_node.status()
    assert st["running"] is True
    assert st["pid"] != old_pid
    assert st["health"] in ("green", "yellow")
