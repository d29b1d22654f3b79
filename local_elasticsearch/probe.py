"""Asking a cluster over HTTP who it is and how healthy it is (standard library only).

Works against the integ-test distribution, which has no ``rest-root`` module (``GET /``
answers 405 there), and against any external cluster, with or without basic auth in the URL.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from base64 import b64encode
from typing import Any

from local_elasticsearch.layout import CLUSTER_NAME


def redact(url: str) -> str:
    """``url`` with any user and password replaced by ``***``, fit for an error message."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None and parts.username is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, f"***@{host}", parts.path, "", ""))


def _http_json(base: str, path: str, timeout: float = 5.0) -> tuple[int, Any]:
    """GET ``base + path``; returns (status, decoded JSON or None).  Raises OSError."""
    parts = urllib.parse.urlsplit(base)
    headers = {"Accept": "application/json"}
    netloc = parts.netloc
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password or "")
        headers["Authorization"] = "Basic " + b64encode(f"{user}:{password}".encode()).decode()
        netloc = netloc.rsplit("@", 1)[1]
    url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", "")) + path
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
            code = resp.status
    except urllib.error.HTTPError as exc:
        body = exc.read()
        code = exc.code
    try:
        return code, json.loads(body) if body else None
    except ValueError:
        return code, None


def root_info(url: str, timeout: float = 3.0) -> dict[str, Any] | None:
    """Cluster name and version (``GET /`` shape), or None when it does not answer.

    Uses ``GET /_nodes/_local`` because the integ-test distribution has no
    ``rest-root`` module, so ``GET /`` answers 405 there; ``GET /`` is the fallback.
    """
    try:
        code, body = _http_json(
            url, "/_nodes/_local?filter_path=cluster_name,nodes.*.version", timeout=timeout
        )
        if code == 200 and isinstance(body, dict) and body.get("nodes"):
            node = next(iter(body["nodes"].values()))
            return {
                "cluster_name": body.get("cluster_name"),
                "version": {"number": node["version"]},
            }
        code, body = _http_json(url, "/", timeout=timeout)
    except (OSError, ValueError, KeyError, StopIteration):
        return None
    if code == 200 and isinstance(body, dict) and "version" in body:
        return body
    return None


def version_of(info: dict[str, Any] | None) -> Any:
    """The version number in a ``root_info`` answer, or None."""
    return (info or {}).get("version", {}).get("number")


def answers_as_ours(url: str) -> dict[str, Any] | None:
    """``root_info`` of ``url`` when it is a cluster named like ours, else None."""
    info = root_info(url)
    if info and info.get("cluster_name") == CLUSTER_NAME:
        return info
    return None


def health(url: str, wait: float = 0.0, timeout: float = 5.0) -> dict[str, Any] | None:
    """``GET /_cluster/health`` (waiting up to ``wait`` s for yellow), or None when unreachable."""
    path = "/_cluster/health"
    if wait > 0:
        path += f"?wait_for_status=yellow&timeout={max(1, int(wait))}s"
    try:
        code, body = _http_json(url, path, timeout=timeout + wait)
    except (OSError, ValueError):
        return None
    if code in (200, 408) and isinstance(body, dict) and "status" in body:
        return body
    return None


def cluster_health(url: str, query: str = "", timeout: float = 60.0) -> dict[str, Any] | None:
    """``GET /_cluster/health?query`` (e.g. ``wait_for_status=green&timeout=30s``), or None
    when unreachable; a wait that timed out answers with ``timed_out`` true."""
    try:
        code, body = _http_json(url, f"/_cluster/health?{query}", timeout=timeout)
    except (OSError, ValueError):
        return None
    if code in (200, 408) and isinstance(body, dict) and "status" in body:
        return body
    return None
