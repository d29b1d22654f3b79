"""The API's own connection to Elasticsearch, against the real node (through a cuttable proxy)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from elastic_transport import ConnectionError, ConnectionTimeout
from elasticsearch import AsyncElasticsearch, Elasticsearch

from api.es_connection import HttptoolsNode
from iop.es_client import client_options
from tests.api.tcp_proxy import CuttableProxy, cuttable_proxy


def node_client(url: str, **options: object) -> AsyncElasticsearch:
    return AsyncElasticsearch(
        url, node_class=HttptoolsNode, max_retries=0, **options, **client_options()
    )


@pytest.fixture(scope="module")
def stored(es: Elasticsearch) -> Iterator[tuple[str, dict[str, Any]]]:
    """An index holding one large document."""
    index = "test-es-connection"
    document = {"words": [f"word {n} " * 20 for n in range(3000)]}
    es.options(ignore_status=404).indices.delete(index=index)
    es.indices.create(index=index, mappings={"enabled": False})
    es.index(index=index, id="big", document=document, refresh=True)
    yield index, document
    es.indices.delete(index=index)


@pytest.fixture
async def proxied(
    elasticsearch_url: str,
) -> AsyncIterator[tuple[AsyncElasticsearch, CuttableProxy]]:
    with cuttable_proxy(elasticsearch_url) as proxy:
        client = node_client(proxy.url)
        yield client, proxy
        await client.close()


async def test_requests_share_one_kept_alive_connection(proxied) -> None:
    client, proxy = proxied
    for _ in range(20):
        assert (await client.cluster.health())["status"] in {"green", "yellow"}
    assert proxy.connections == 1


async def test_a_large_response_reads_back_whole(proxied, stored: tuple[str, dict]) -> None:
    client, _ = proxied
    index, document = stored
    answer = await client.get(index=index, id="big")
    assert answer["_source"] == document  # hundreds of kB: many reads, one body


async def test_head_requests_answer_and_the_client_goes_on(proxied, stored) -> None:
    client, _ = proxied
    index, _ = stored
    assert await client.indices.exists(index=index)
    assert not await client.indices.exists(index="no-such-index-anywhere")
    assert (await client.get(index=index, id="big"))["found"]


async def test_concurrent_requests_share_at_most_the_connection_limit(
    elasticsearch_url: str,
) -> None:
    with cuttable_proxy(elasticsearch_url) as proxy:
        client = node_client(proxy.url, connections_per_node=4)
        answers = await asyncio.gather(*(client.cluster.health() for _ in range(24)))
        assert all(answer["status"] in {"green", "yellow"} for answer in answers)
        assert proxy.connections == 4  # the other 20 requests waited for one of them
        await client.close()


async def test_a_lost_node_is_a_connection_error_then_a_new_connection_serves(proxied) -> None:
    client, proxy = proxied
    await client.cluster.health()
    proxy.cut()
    with pytest.raises(ConnectionError):
        await client.cluster.health()
    proxy.restore()
    await asyncio.sleep(0.1)
    assert (await client.cluster.health())["status"] in {"green", "yellow"}


async def test_an_unanswered_request_times_out() -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, never answers
        client = node_client(f"http://127.0.0.1:{silent.getsockname()[1]}", request_timeout=0.3)
        with pytest.raises(ConnectionTimeout):
            await client.cluster.health()
        await client.close()


def test_compression_is_refused_with_the_node_that_does_it() -> None:
    with pytest.raises(ValueError, match="aiohttp"):
        AsyncElasticsearch("http://127.0.0.1:9200", node_class=HttptoolsNode, http_compress=True)


async def test_a_kept_alive_connection_the_server_closed_is_retried_once_on_a_new_one(
    proxied,
) -> None:
    """Elasticsearch (or a proxy before it) closes idle keep-alive connections: the next
    search sent on one must not become a user's 503."""
    client, proxy = proxied
    assert (await client.cluster.health())["status"] in {"green", "yellow"}
    proxy.cut()  # the server side closes the idle connection ...
    proxy.restore()  # ... and still takes new ones
    assert (await client.cluster.health())["status"] in {"green", "yellow"}
    assert proxy.connections == 2
