"""SAMHSA's FindTreatment locator API (``/locator/exportsAsJson/v2``).

The spider sweeps the country with radius queries (``limitType=2``), one circle per cell of a
grid over every US ZIP code (:func:`iop.geo.sweep_circles`), each paged until ``totalPages``.
Neighbouring circles list some facilities twice; the spider builds each listing once.

The live API's quirks, each counted in the crawl stats under ``findtreatment/``:
``services: null`` (every service stays unknown), a missing ``frid`` (the listing's ref is then
derived from its name and address), a placeholder phone and swapped coordinates (both handled
by the shared pipelines), and plain-text answers with HTTP 200 for malformed queries.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import scrapy
from scrapy.http import Response

from crawler.listing import build_facility
from crawler.middlewares.retry_backoff import EXPECTS_JSON
from crawler.resolve.precedence import SourceKind
from iop import samhsa
from iop.facility import Facility, Location, LocationPrecision, Phone, PhoneKind
from iop.geo import METRES_PER_MILE, sweep_circles

API_PATH = "/locator/exportsAsJson/v2"
DEFAULT_BASE_URL = "https://findtreatment.gov"


class FindTreatmentSpider(scrapy.Spider):
    name = "findtreatment"
    source = "findtreatment"
    source_kind = SourceKind.DIRECTORY
    page_size = 500

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        states: str | None = None,
        service_codes: str = "",
        survey_year: str | None = None,
        **kwargs: Any,
    ) -> None:
        """``survey_year``: the SAMHSA survey the API serves, when known (the API does not
        say), so facts carry its date rather than none."""
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.as_of = samhsa.survey_as_of(survey_year)
        self.states = frozenset(states.upper().split(",")) if states else None
        self.service_codes = service_codes

    @property
    def refs_seen(self) -> set[str]:
        """Listings already yielded; kept in the job state so a resumed crawl remembers them."""
        state = getattr(self, "state", None)
        if state is None:
            self.state = state = {}
        seen: set[str] = state.setdefault("refs_seen", set())
        return seen

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for centre, radius_miles in sweep_circles(states=self.states):
            query: dict[str, Any] = {
                "sAddr": f"{centre.lat:.6f},{centre.lon:.6f}",
                "limitType": 2,
                "limitValue": round(radius_miles * METRES_PER_MILE),
                "sType": "SA",
                "pageSize": self.page_size,
                "sort": 0,
            }
            if self.service_codes:
                query["sCodes"] = self.service_codes
            yield self._page_request(query, page=1)

    def _page_request(self, query: dict[str, Any], page: int) -> scrapy.Request:
        url = f"{self.base_url}{API_PATH}?{urlencode({**query, 'page': page})}"
        # An answer that is not JSON is retried like a 5xx (crawler.middlewares.retry_backoff).
        return scrapy.Request(
            url,
            callback=self.parse,
            cb_kwargs={"query": query, "page": page},
            meta={EXPECTS_JSON: True},
        )

    def parse(self, response: Response, query: dict[str, Any], page: int) -> Any:
        try:
            payload = json.loads(response.text)
        except json.JSONDecodeError:
            self.crawler.stats.inc_value("findtreatment/non_json_answer")
            self.logger.error("not JSON from %s: %.200s", response.url, response.text)
            return
        fetched_at = datetime.now(UTC)
        for row in payload.get("rows") or []:
            ref = row.get("frid") or derived_ref(row)
            if ref in self.refs_seen:
                # Overlapping sweep circles: this listing came in an earlier answer.
                self.crawler.stats.inc_value("findtreatment/overlap_rows_skipped")
                continue
            self.refs_seen.add(ref)
            yield self.facility_from_row(row, response.url, fetched_at)
        if page < int(payload.get("totalPages") or 0):
            yield self._page_request(query, page + 1)

    def facility_from_row(self, row: dict[str, Any], url: str, fetched_at: datetime) -> Facility:
        stats = self.crawler.stats
        ref = row.get("frid")
        if not ref:
            stats.inc_value("findtreatment/missing_frid")
            ref = derived_ref(row)
        name, operator = samhsa.program_and_operator(row.get("name1"), row.get("name2"))
        facts: dict[str, Any] = {
            "name": name,
            "operator": operator,
            "address.street1": row.get("street1"),
            "address.street2": row.get("street2"),
            "address.city": row.get("city"),
            "address.state": row.get("state"),
            "address.postal_code": row.get("zip"),
            "location": location_from_row(row),
            "phones": phones_from_row(row) or None,
            "website": row.get("website"),
        }
        if row.get("services") is None:
            stats.inc_value("findtreatment/null_services")
        else:
            codes = []
            for service in row["services"]:
                category = service.get("f2") or ""
                for label in (service.get("f3") or "").split(";"):
                    if not label.strip():
                        continue
                    code = samhsa.code_for_label(label, category)
                    if code is None:
                        stats.inc_value("findtreatment/unknown_service_label")
                        self.logger.debug("unknown service label %r (%s)", label, category)
                    else:
                        codes.append(code)
            facts.update(samhsa.facts_from_codes(codes))
        return build_facility(
            source=self.source,
            ref=ref,
            url=url,
            fetched_at=fetched_at,
            facts=facts,
            as_of=self.as_of,
        )


def derived_ref(row: dict[str, Any]) -> str:
    """A stable ref for a row without ``frid``: its name and address, normalised."""
    key = "|".join(
        " ".join(str(row.get(part) or "").lower().split())
        for part in ("name1", "name2", "street1", "city", "state", "zip")
    )
    return "derived-" + hashlib.sha256(key.encode()).hexdigest()[:40]


def location_from_row(row: dict[str, Any]) -> Location | None:
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    # Not validated here: the coordinates pipeline repairs swapped pairs and checks ranges.
    return Location.model_construct(
        lat=lat, lon=lon, precision=LocationPrecision.STREET, source="findtreatment"
    )


def phones_from_row(row: dict[str, Any]) -> list[Phone]:
    kinds = (
        ("phone", PhoneKind.MAIN),
        ("intake1", PhoneKind.INTAKE),
        ("hotline1", PhoneKind.HOTLINE),
    )
    # Raw numbers, not validated here: the phones pipeline turns them into E.164.
    return [
        Phone.model_construct(number=row[key], kind=kind) for key, kind in kinds if row.get(key)
    ]
