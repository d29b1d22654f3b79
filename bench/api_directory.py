"""Directories for the API benchmark: the real one from data/, and synthetic ones drawn from it.

* :func:`real_feed` turns ``data/samhsa``'s directory file into a feed with ``iop
  import-directory`` (cached under ``var/bench``).
* :func:`synthetic_documents` streams any number of index documents drawn from the real
  directory's distribution: each copies the services, ownership, languages and phones of a real
  facility, sits near a real facility's location (Gaussian jitter, ~10 mi), and 35% state a
  wait to intake (0-45 days) with an as-of date in the last 120 days, as availability boards do.
  Provenance is left out: it is stored, never searched, and would only make the load slower.
  Both directories are loaded in the order ``iop merge`` writes feeds: by place.
* :func:`build_index` bulk-loads documents into a new index behind a bench alias.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx2

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from iop.documents import (  # noqa: E402
    SEARCH_FIELDS,
    facility_mappings,
    geo_point,
    missing_search_fields,
    to_document,
)
from iop.facility import Facility  # noqa: E402
from iop.feeds import feed_order  # noqa: E402
from iop.geo import z_order  # noqa: E402

BENCH_DIR = PROJECT_ROOT / "var" / "bench"
DIRECTORY_FILE = PROJECT_ROOT / "data" / "samhsa" / "nsumhss2024_su_directory.csv"
STORED_ONLY = ("provenance", "extras")


def real_feed() -> Path:
    feed = BENCH_DIR / "samhsa_directory.ndjson"
    if not feed.exists():
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "cli.main", "import-directory", str(DIRECTORY_FILE)]
        subprocess.run([*command, "--out", str(feed)], check=True, cwd=PROJECT_ROOT)
    return feed


def real_documents(feed: Path) -> list[dict[str, Any]]:
    """The feed's documents in the order ``iop merge`` writes a feed (:func:`feed_order`)."""
    with feed.open() as lines:
        facilities = [Facility.model_validate_json(line) for line in lines if line.strip()]
    return [to_document(facility) for facility in sorted(facilities, key=feed_order)]


def synthetic_documents(
    templates: list[dict[str, Any]], count: int, seed: int = 1_000_000
) -> Iterator[dict[str, Any]]:
    """``count`` documents, in the order ``iop merge`` writes a feed: by place (see
    :func:`iop.feeds.feed_order`). The random draws are made first, then sorted."""
    rng = random.Random(seed)
    located = [t for t in templates if t.get("location")]
    today = date.today()
    draws = []
    for n in range(count):
        drawn = rng.randrange(len(located))
        anchor = rng.choice(located)["location"]
        lat = min(89.9, max(-89.9, anchor["lat"] + rng.gauss(0, 0.15)))
        lon = min(179.9, max(-179.9, anchor["lon"] + rng.gauss(0, 0.15)))
        wait = None
        if rng.random() < 0.35:
            wait = (rng.randint(0, 45), rng.random() < 0.85, rng.randint(0, 120))
        draws.append((z_order(lat, lon), n, drawn, lat, lon, wait))
    draws.sort(key=lambda draw: draw[:2])
    for _, n, template_index, lat, lon, wait in draws:
        template = located[template_index]
        document = {k: v for k, v in template.items() if k not in STORED_ONLY}
        document["id"] = f"syn_{n:07d}"
        document["name"] = f"{template.get('name') or 'Program'} #{n}"
        document["location"] = {**template["location"], "lat": lat, "lon": lon}
        document["point"] = geo_point(lat, lon)
        availability = dict(template.get("availability") or {})
        if wait is not None:
            days, accepting, age = wait
            availability["days_to_intake"] = days
            availability["accepting_new_patients"] = accepting
            availability["as_of"] = (today - timedelta(days=age)).isoformat()
            availability["source"] = "synthetic board"
        document["availability"] = availability
        document["provenance"] = {}
        yield document


def _bulk_bodies(index: str, documents: Iterable[dict[str, Any]], chunk: int) -> Iterator[bytes]:
    lines: list[str] = []
    for document in documents:
        lines.append(json.dumps({"index": {"_index": index, "_id": document["id"]}}))
        lines.append(json.dumps(document, separators=(",", ":")))
        if len(lines) >= 2 * chunk:
            yield ("\n".join(lines) + "\n").encode()
            lines = []
    if lines:
        yield ("\n".join(lines) + "\n").encode()


def build_index(es_url: str, alias: str, documents: Iterable[dict[str, Any]], expected: int) -> str:
    """A new index of ``documents`` behind ``alias`` (older indices of the alias deleted)."""
    index = f"{alias}-{time.strftime('%Y%m%d-%H%M%S')}"
    mappings = facility_mappings()
    # Documents carry the indexer's derived fields; map any this version of the model lacks.
    mappings["dynamic"] = True
    with httpx2.Client(base_url=es_url, timeout=600) as es:
        settings = {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1"}
        es.put(f"/{index}", json={"settings": settings, "mappings": mappings}).raise_for_status()

        def send(body: bytes) -> None:
            response = es.post(
                "/_bulk", content=body, headers={"content-type": "application/x-ndjson"}
            )
            response.raise_for_status()
            if response.json()["errors"]:
                item = next(i for i in response.json()["items"] if i["index"].get("error"))
                raise RuntimeError(f"bulk rejected a document: {item}")

        started, sent = time.monotonic(), 0
        with ThreadPoolExecutor(max_workers=2) as pool:
            pending = []
            for body in _bulk_bodies(index, documents, chunk=2000):
                pending.append(pool.submit(send, body))
                sent += 2000
                if len(pending) >= 4:
                    pending.pop(0).result()
                if sent % 100_000 == 0:
                    rate = sent / (time.monotonic() - started)
                    print(f"  indexed ~{sent:,} ({rate:,.0f}/s)", file=sys.stderr)
            for future in pending:
                future.result()
        es.put(f"/{index}/_settings", json={"index": {"refresh_interval": "1s"}})
        es.post(f"/{index}/_refresh").raise_for_status()
        # As the indexer does before an index serves (indexer.lifecycle.merge_segments).
        es.post(f"/{index}/_forcemerge", params={"max_num_segments": 1}).raise_for_status()
        count = es.get(f"/{index}/_count").json()["count"]
        if count != expected:
            raise RuntimeError(f"{index} holds {count} documents, expected {expected}")
        old = (
            list(es.get(f"/_alias/{alias}").json())
            if es.head(f"/_alias/{alias}").is_success
            else []
        )
        actions: list[dict[str, Any]] = [{"remove": {"index": i, "alias": alias}} for i in old]
        actions.append({"add": {"index": index, "alias": alias}})
        es.post("/_aliases", json={"actions": actions}).raise_for_status()
        for stale in old:
            es.delete(f"/{stale}")
    return index


def alias_count(es_url: str, alias: str) -> int:
    """How many facilities the index behind ``alias`` holds; 0 when it is missing, or was built
    before a field searches read (it has to be built again)."""
    with httpx2.Client(base_url=es_url, timeout=30) as es:
        fields = es.get(f"/{alias}/_mapping/field/{','.join(SEARCH_FIELDS)}")
        if not fields.is_success or missing_search_fields(fields.json()):
            return 0
        response = es.get(f"/{alias}/_count")
        return int(response.json()["count"]) if response.is_success else 0
