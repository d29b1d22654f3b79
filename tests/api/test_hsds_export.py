"""The full HSDS export (/v1/export/hsds) over real HTTP: a rebuild in the middle of it prunes
nothing it reads, so it arrives whole; an index that vanishes all the same ends the stream with
an error line, never a cut-off; and who may export is a setting (a key, or a per-client limit).

The app is served by uvicorn on loopback; the client reads with a small receive buffer (64 KB
against an export of 5 MB), so the server, held back by TCP's flow control, is still
mid-export while the test rebuilds.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx
import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from api.config import Settings
from api.main import create_app
from api.rate_limit import SlidingWindowLimit
from api.security import key_hash
from indexer import lifecycle
from indexer.load import load_feeds
from indexer.settings import IndexerSettings
from iop.facility import Facility
from iop.feeds import feed_line
from tests.api.indexing import index_directory
from tests.factories import make_facility
from tests.web.server import serve

# Enough organizations that the export cannot sit whole in the sockets' buffers.
FACILITIES = 1200
PAGE = 10
EXPORT = "/v1/export/hsds"
SMALL_RECEIVE_BUFFER = [(socket.SOL_SOCKET, socket.SO_RCVBUF, 65_536)]


def facilities() -> list[Facility]:
    return [
        make_facility(f"exp-{n:04d}", 35.0 + n / 10_000, -106.6, **{"levels_of_care.iop": True})
        for n in range(FACILITIES)
    ]


def rebuild(es: Elasticsearch, feed: Path, tmp_path: Path) -> str:
    """One rebuild as `iop index` runs it: new index, alias flipped, older indices pruned."""
    indexer = IndexerSettings(snapshot_dir=tmp_path / "snapshots")
    return load_feeds(es, [feed], progress=False, settings=indexer).index


@pytest.fixture
def feed(es: Elasticsearch, tmp_path: Path) -> Iterator[Path]:
    lifecycle.drop_all(es)
    path = tmp_path / "facilities.ndjson"
    path.write_text("".join(feed_line(f) + "\n" for f in facilities()))
    yield path
    lifecycle.drop_all(es)


@contextmanager
def exporting(elasticsearch_url: str) -> Iterator[Iterator[str]]:
    """The export's lines as a client reads them over real HTTP, a line at a time."""
    app = create_app(
        Settings(ELASTICSEARCH_URL=elasticsearch_url, export_page_size=PAGE, export_access="open")
    )
    transport = httpx.HTTPTransport(socket_options=SMALL_RECEIVE_BUFFER)
    with (
        serve(app) as url,
        httpx.Client(base_url=url, transport=transport, timeout=60) as client,
        client.stream("GET", EXPORT) as response,
    ):
        assert response.status_code == 200
        yield response.iter_lines()


def organization_ids(lines: list[str]) -> list[str]:
    ids = []
    for line in lines:
        record = json.loads(line)
        assert "error" not in record, record
        [identifier] = [
            i["identifier"]
            for i in record["organization_identifiers"]
            if i["identifier_scheme"] == "iop-directory"
        ]
        ids.append(identifier)
    return ids


def test_a_rebuild_mid_export_prunes_nothing_it_reads_and_the_export_arrives_whole(
    es: Elasticsearch, elasticsearch_url: str, feed: Path, tmp_path: Path
) -> None:
    read = rebuild(es, feed, tmp_path)
    with exporting(elasticsearch_url) as lines:
        first = next(lines)
        # Two rebuilds: the index the export reads is neither serving nor the previous one,
        # which a prune would delete.
        rebuild(es, feed, tmp_path)
        serving = rebuild(es, feed, tmp_path)
        assert lifecycle.serving_index(es) == serving
        assert read in lifecycle.facilities_indices(es)  # kept: the export reads it
        rest = list(lines)
    exported = organization_ids([first, *rest])
    assert sorted(exported) == sorted(f.id for f in facilities())
    # The export closed its point in time as it ended: the next prune deletes the index.
    assert lifecycle.prune(es) == [read]
    assert read not in lifecycle.facilities_indices(es)


def test_an_index_gone_mid_export_ends_the_stream_with_an_error_line(
    es: Elasticsearch, elasticsearch_url: str, feed: Path, tmp_path: Path
) -> None:
    read = rebuild(es, feed, tmp_path)
    with exporting(elasticsearch_url) as lines:
        first = next(lines)
        es.indices.delete(index=read)  # what no prune does while the export reads it
        rest = list(lines)  # the stream ends cleanly: no protocol error
    *organizations, last = [first, *rest]
    error = json.loads(last)["error"]
    assert error["status"] == 503 and "export again" in error["detail"]
    assert error["exported"] == len(organization_ids(organizations)) < FACILITIES


# Who may export.


def ndjson_export(client: TestClient, **headers: str) -> int:
    response = client.get(EXPORT, headers=headers)
    if response.status_code == 200:
        assert response.headers["content-type"].startswith("application/x-ndjson")
    return response.status_code


@pytest.fixture(scope="module")
def served(es: Elasticsearch) -> Iterator[None]:
    index_directory(es, facilities()[:30])
    yield
    lifecycle.drop_all(es)


def test_by_default_a_client_without_a_key_is_limited_per_hour(
    elasticsearch_url: str, served: None
) -> None:
    assert Settings().export_access == "rate_limited"  # the default protects the service
    options = {"export_per_client_per_hour": 2, "export_api_key_hashes": key_hash("partner")}
    app = create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url, **options))
    with TestClient(app) as client:
        assert [ndjson_export(client), ndjson_export(client)] == [200, 200]
        refused = client.get(EXPORT)
        assert refused.status_code == 429
        assert 0 < int(refused.headers["Retry-After"]) <= 3600
        assert "exports an hour" in refused.json()["detail"]
        assert ndjson_export(client, **{"X-API-Key": "partner"}) == 200  # a key is not limited
        assert ndjson_export(client, **{"X-API-Key": "wrong"}) == 429


def test_an_export_that_failed_to_start_does_not_count() -> None:
    app = create_app(Settings(ELASTICSEARCH_URL="http://127.0.0.1:9", export_per_client_per_hour=1))
    with TestClient(app) as client:
        assert [ndjson_export(client) for _ in range(3)] == [503, 503, 503]


def test_a_keyed_export_is_401_without_a_key(elasticsearch_url: str, served: None) -> None:
    keyed = Settings(
        ELASTICSEARCH_URL=elasticsearch_url,
        export_access="key",
        export_api_key_hashes=key_hash("partner"),
    )
    with TestClient(create_app(keyed)) as client:
        missing = client.get(EXPORT)
        assert missing.status_code == 401 and "X-API-Key" in missing.json()["detail"]
        assert ndjson_export(client, **{"X-API-Key": "wrong"}) == 401
        assert ndjson_export(client, **{"X-API-Key": "partner"}) == 200
        assert client.get("/hsds/organizations").status_code == 200  # other routes stay open
    read_keyed = Settings(
        ELASTICSEARCH_URL=elasticsearch_url,
        export_access="key",
        read_api_key_hashes=key_hash("reader"),
    )
    with TestClient(create_app(read_keyed)) as client:
        assert ndjson_export(client, **{"X-API-Key": "reader"}) == 200


def test_a_private_api_takes_its_export_key_for_the_export(
    elasticsearch_url: str, served: None
) -> None:
    """Read keys make every route private; the export then takes a read key or a key given out
    for the export alone, and nothing else (whatever the export's own access setting)."""
    for access in ("rate_limited", "key", "open"):
        private = Settings(
            ELASTICSEARCH_URL=elasticsearch_url,
            export_access=access,
            read_api_key_hashes=key_hash("reader"),
            export_api_key_hashes=key_hash("partner"),
        )
        with TestClient(create_app(private)) as client:
            assert ndjson_export(client, **{"X-API-Key": "partner"}) == 200, access
            assert ndjson_export(client, **{"X-API-Key": "reader"}) == 200, access
            assert ndjson_export(client) == 401, access
            assert ndjson_export(client, **{"X-API-Key": "wrong"}) == 401, access
            assert client.get("/hsds/organizations").status_code == 401  # the rest: read keys


def test_a_keyed_export_with_no_key_configured_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="export_access=key needs"):
        Settings(export_access="key")


# The limit's rule, against a brute-force count.

Step = tuple[str, float]  # (client, seconds since the previous step)


@settings(max_examples=200, deadline=None)
@given(
    limit=st.integers(1, 4),
    steps=st.lists(
        st.tuples(st.sampled_from("abc"), st.floats(0, 40, allow_nan=False)), max_size=60
    ),
)
def test_a_client_starts_at_most_limit_in_any_window_and_is_never_refused_below_it(
    limit: int, steps: list[Step]
) -> None:
    window = 100.0
    rule = SlidingWindowLimit(limit, window)
    counted: dict[str, list[float]] = {}
    now = 0.0
    for client, elapsed in steps:
        now += elapsed
        recent = [t for t in counted.get(client, []) if t > now - window]
        wait = rule.take(client, now)
        if len(recent) < limit:
            assert wait is None
            counted.setdefault(client, []).append(now)
        else:
            assert wait is not None and 0 < wait <= window
            assert wait == pytest.approx(min(recent) + window - now)


def test_the_limit_remembers_a_bounded_number_of_clients() -> None:
    rule = SlidingWindowLimit(1, 3600, max_clients=100)
    for n in range(1000):
        assert rule.take(f"client-{n}", 0.0) is None
    assert len(rule._starts) == 100
    assert rule.take("client-999", 1.0) is not None  # the latest are remembered
