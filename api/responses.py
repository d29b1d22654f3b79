"""A JSON response that skips response-model validation: the search hot path's answers.

Uses orjson when it is installed (several times faster), the standard library otherwise; the
Elasticsearch client gets orjson the same way (:func:`elasticsearch_serializers`).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import JSONResponse

try:
    import orjson
except ImportError:  # pragma: no cover - depends on the environment
    orjson = None


def dumps(content: Any) -> bytes:
    if orjson is not None:
        return bytes(orjson.dumps(content))
    return json.dumps(
        content, separators=(",", ":"), ensure_ascii=False, check_circular=False, default=str
    ).encode()


class FastJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return dumps(content)


def elasticsearch_serializers() -> dict[str, Any]:
    """Client keyword arguments that make the Elasticsearch client use orjson, if installed."""
    try:
        from elasticsearch.serializer import OrjsonSerializer
    except ImportError:
        return {}
    return {"serializer": OrjsonSerializer()}
