"""How a local cluster's nodes are laid out before any starts: apart from the development node
and from each other, and told how to find each other (the cluster itself runs in
tests/cluster/test_node_failures.py, ``make test-cluster``)."""

from __future__ import annotations

import pytest

from local_elasticsearch import NodeError
from local_elasticsearch.cluster import CLUSTERS_DIR, LocalCluster
from local_elasticsearch.config import cluster_node_settings
from local_elasticsearch.layout import CLUSTER_NAME, DATA_DIR


def test_the_development_nodes_cluster_name_is_refused() -> None:
    with pytest.raises(NodeError, match="development node"):
        LocalCluster(CLUSTER_NAME)


def test_each_node_has_its_own_ports_and_directory() -> None:
    cluster = LocalCluster("iop-layout-test", size=3)
    ports = [port for node in cluster.nodes for port in (node.http_port, node.transport_port)]
    assert len(set(ports)) == 6
    homes = {node.home for node in cluster.nodes}
    assert len(homes) == 3
    assert all(home.parent == CLUSTERS_DIR / "iop-layout-test" for home in homes)
    assert all(DATA_DIR not in home.parents for home in homes)
    assert cluster.urls == [f"http://127.0.0.1:{node.http_port}" for node in cluster.nodes]


def test_a_node_is_told_its_peers_and_the_first_masters() -> None:
    lines = cluster_node_settings(
        "iop-layout-test", "iop-layout-test-2", (9301, 9401), [9401, 9402], ["a", "b"]
    )
    assert "cluster.name: iop-layout-test" in lines
    assert "node.name: iop-layout-test-2" in lines
    assert 'discovery.seed_hosts: ["127.0.0.1:9401", "127.0.0.1:9402"]' in lines
    assert 'cluster.initial_master_nodes: ["a", "b"]' in lines
    assert "network.host: 127.0.0.1" in lines
    assert "discovery.type: single-node" not in lines
