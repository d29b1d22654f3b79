"""The API's connection to Elasticsearch: keep-alive HTTP/1.1 on asyncio, parsed by httptools.

A search is one small request to a node nearby, and the API's CPU per search decides its
latency under load (it shares the machine with Elasticsearch). This node spends less of it
than the client's aiohttp node (``make bench-api`` measures the API on both, against raw
Elasticsearch). Responses are parsed by httptools, the parser uvicorn serves the API with.

It is an ``elastic_transport`` node class (``AsyncElasticsearch(node_class=...)``), so
requests are still made, serialised, checked and turned into errors by the official client.
It returns the transport's ``NodeApiResponse``, from a private module: ``pyproject.toml`` pins
``elastic-transport`` to the minor version this was written against, and
``tests/api/test_es_connection.py`` runs it against the real node. It speaks HTTP or HTTPS;
a client that needs HTTP compression or a certificate fingerprint, or a deployment that would
rather not depend on it, uses the client's own node (``IOP_ELASTICSEARCH_NODE=aiohttp``).

A keep-alive connection the server closed while it sat idle fails the next request sent on it
before any answer arrives; that request is sent again, once, on a new connection, so a
server's idle timeout never becomes a user's 503.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass
from typing import cast

import httptools
from elastic_transport import (
    ApiResponseMeta,
    BaseAsyncNode,
    ConnectionTimeout,
    HttpHeaders,
    NodeConfig,
)
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport._node import NodeApiResponse
from elastic_transport.client_utils import DEFAULT, DefaultType


@dataclass(frozen=True)
class _Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    keep_alive: bool


class _Connection(asyncio.Protocol):
    """One connection: one request at a time, its response parsed as it arrives."""

    def __init__(self) -> None:
        self._parser = httptools.HttpResponseParser(self)
        self._transport: asyncio.Transport | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._head = False
        self._headers: list[tuple[str, str]] = []
        self._body: list[bytes] = []
        self._status = 0
        self._keep_alive = False
        self.open = False
        self.answered = False  # a byte of an answer to the request under way has arrived

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass
        self.open = True

    def connection_lost(self, exc: Exception | None) -> None:
        self.open = False
        self._fail(exc or ConnectionResetError("Elasticsearch closed the connection"))

    def data_received(self, data: bytes) -> None:
        self.answered = True
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as error:
            self._fail(ConnectionAbortedError(f"not an HTTP response: {error}"))
            self.close()

    # httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers.append((name.decode("latin-1"), value.decode("latin-1")))

    def on_headers_complete(self) -> None:
        # read now: once the message is complete, the parser has moved on to the next one
        self._status = self._parser.get_status_code()
        self._keep_alive = self._parser.should_keep_alive()
        if self._head:  # a response to HEAD has no body, whatever its content-length says
            self._done()

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        self._done()

    def _done(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def _fail(self, error: Exception) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_exception(error)

    async def exchange(self, request: bytes, *, head: bool) -> _Response:
        assert self._transport is not None and self._waiter is None
        if not self.open:
            raise ConnectionResetError("Elasticsearch closed the connection")
        self._head, self._headers, self._body = head, [], []
        self.answered = False
        self._waiter = asyncio.get_running_loop().create_future()
        self._transport.write(request)
        try:
            await self._waiter
        finally:
            self._waiter = None
        return _Response(
            status=self._status,
            headers=self._headers,
            body=b"".join(self._body),
            # after HEAD the parser still expects the body its content-length announced
            keep_alive=self._keep_alive and not head,
        )

    def close(self) -> None:
        self.open = False
        if self._transport is not None:
            self._transport.close()


def _ssl_context(config: NodeConfig) -> ssl.SSLContext:
    if config.ssl_context is not None:
        return config.ssl_context
    context = ssl.create_default_context(cafile=config.ca_certs)
    if config.verify_certs is False:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    if config.client_cert:
        context.load_cert_chain(config.client_cert, config.client_key)
    return context


class HttptoolsNode(BaseAsyncNode):
    """An Elasticsearch node reached over at most ``connections_per_node`` keep-alive
    connections; a request beyond them waits for one (its wait counts in its timeout), as with
    the client's aiohttp node, so a burst of searches queues here rather than flooding the
    node with connections."""

    def __init__(self, config: NodeConfig) -> None:
        super().__init__(config)
        if config.http_compress or config.ssl_assert_fingerprint:
            raise ValueError(
                "HttptoolsNode sends no compressed requests and checks no certificate "
                "fingerprints: use node_class='aiohttp'"
            )
        self._ssl = _ssl_context(config) if config.scheme == "https" else None
        self._server_hostname = (config.ssl_assert_hostname or config.host) if self._ssl else None
        self._host_header = f"{config.host}:{config.port}"
        self._idle: list[_Connection] = []
        self._slots = asyncio.Semaphore(config.connections_per_node)

    async def perform_request(  # type: ignore[override]
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: HttpHeaders | None = None,
        request_timeout: DefaultType | float | None = DEFAULT,
    ) -> NodeApiResponse:
        timeout = self.config.request_timeout if request_timeout is DEFAULT else request_timeout
        request_headers = self.headers.copy()
        if headers:
            request_headers.update(headers)
        request = self._request(method, self.path_prefix + target, request_headers, body)
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            async with asyncio.timeout(timeout), self._slots:
                response = await self._exchange(request, head=method == "HEAD")
        except TimeoutError as error:
            failure: Exception = ConnectionTimeout(
                "Connection timed out during request", errors=(error,)
            )
        except OSError as error:
            failure = TransportConnectionError(str(error), errors=(error,))
        else:
            meta = ApiResponseMeta(
                node=self.config,
                duration=loop.time() - start,
                http_version="1.1",
                status=response.status,
                headers=HttpHeaders(response.headers),
            )
            self._log_request(method, target, request_headers, body, meta, response.body)
            return NodeApiResponse(meta, response.body)
        self._log_request(method, target, request_headers, body, exception=failure)
        raise failure

    def _request(self, method: str, target: str, headers: HttpHeaders, body: bytes | None) -> bytes:
        lines = [f"{method} {target} HTTP/1.1", f"host: {self._host_header}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines.append(f"content-length: {len(body) if body else 0}")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        return head + body if body else head

    async def _exchange(self, request: bytes, *, head: bool) -> _Response:
        connection, reused = await self._checkout()
        try:
            response = await connection.exchange(request, head=head)
        except OSError:
            connection.close()
            if not reused or connection.answered:
                raise
            # The server closed this idle keep-alive connection before reading the request:
            # nothing was done, so send it again, once, on a new connection.
            connection, _ = await self._checkout(fresh=True)
            try:
                response = await connection.exchange(request, head=head)
            except BaseException:
                connection.close()
                raise
        except BaseException:  # timed out or cancelled: its state is unknown
            connection.close()
            raise
        if response.keep_alive:
            self._idle.append(connection)
        else:
            connection.close()
        return response

    async def _checkout(self, fresh: bool = False) -> tuple[_Connection, bool]:
        """An idle connection still open (the last used first), else a new one; and whether
        it was reused."""
        while self._idle and not fresh:
            connection = self._idle.pop()
            if connection.open:
                return connection, True
        _, connection = await asyncio.get_running_loop().create_connection(
            _Connection,
            self.host,
            self.port,
            ssl=self._ssl,
            server_hostname=self._server_hostname,
        )
        return connection, False

    async def close(self) -> None:  # type: ignore[override]
        while self._idle:
            self._idle.pop().close()
