"""Pluggable geocoding with geopy: one definition for the crawler and the API.

Nothing is geocoded over the network unless an operator configures a geopy service
(``IOP_GEOCODER``, e.g. ``nominatim``, with ``IOP_GEOCODER_OPTIONS`` as JSON keyword
arguments such as ``{"user_agent": "...", "domain": "..."}``); without one, the project
falls back to offline ZIP and city centroids and says so in the precision it records.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable

# A geocoder takes words and answers (lat, lon, label) or None.
Geocoder = Callable[[str], tuple[float, float, str] | None]


def geopy_geocoder(
    name: str, options: dict[str, object], min_delay_seconds: float = 0.0
) -> Geocoder:
    """A geopy geocoder by service name (``nominatim``, ``arcgis``...), built with ``options``.

    ``min_delay_seconds`` spaces calls out (geopy's ``RateLimiter``), as public services ask.
    """
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import get_geocoder_for_service

    service = get_geocoder_for_service(name)(**options)
    lookup = RateLimiter(service.geocode, min_delay_seconds=min_delay_seconds, max_retries=1)

    def geocode(text: str) -> tuple[float, float, str] | None:
        found = lookup(text, exactly_one=True)
        if found is None:
            return None
        return float(found.latitude), float(found.longitude), str(found.address)

    return geocode


def configured_geocoder(min_delay_seconds: float = 1.0) -> tuple[str, Geocoder] | None:
    """The geocoder the environment configures, with its name; ``None`` when there is none."""
    name = os.environ.get("IOP_GEOCODER")
    if not name:
        return None
    options = json.loads(os.environ.get("IOP_GEOCODER_OPTIONS") or "{}")
    return name, geopy_geocoder(name, options, min_delay_seconds)
