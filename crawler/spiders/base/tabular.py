"""Spiders for sources that publish tables (CSV, XLSX or JSON records) instead of pages.

The tables are downloaded by Scrapy like any page (``file://`` for a local file, ``http://`` for
a board), so the downloader's stats, the item pipelines and the quarantine apply to a file
import exactly as to a crawled site. A spider names its tables (:meth:`TabularSpider.tables`);
once all of them are in, it turns their rows into facilities (:meth:`TabularSpider.facilities`)
with the helpers here: :func:`group_rows` for sources that list one site on several rows,
:meth:`TabularSpider.listing` for a facility and :meth:`TabularSpider.rejected` for a row that
is no facility at all (it still goes through the pipelines, to the quarantine file).
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar
from urllib.parse import urlparse

import pandas as pd
import scrapy
from scrapy.http import Response

from crawler.listing import build_facility
from iop.facility import Facility

Row = dict[str, str]

FORMATS_BY_SUFFIX = {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".json": "json"}

# Excel keeps numbers as floats: a ZIP or phone typed as a number comes back as "2056.0".
_EXCEL_INTEGER = re.compile(r"^\d+\.0$")


@dataclass(frozen=True)
class Table:
    url: str
    rows: list[Row]


def file_url(path: str | Path) -> str:
    """A local file as a ``file://`` URL Scrapy can download."""
    return Path(path).expanduser().resolve().as_uri()


def table_format(url: str) -> str:
    suffix = PurePosixPath(urlparse(url).path).suffix.lower()
    try:
        return FORMATS_BY_SUFFIX[suffix]
    except KeyError:
        raise ValueError(f"{url}: not a table (expected .csv, .xlsx or .json)") from None


def read_table(body: bytes, fmt: str, records_key: str | None = None) -> list[Row]:
    """Every row of a table as ``{column: text}``; a missing value is ``""``, never NaN.

    Everything is read as text: a ZIP code is a string, and its lost leading zeros are the
    addresses pipeline's business, not pandas'. JSON records may hold lists (joined with
    ``"; "``, the separator board columns use) and are found under ``records_key`` if given.
    """
    if fmt == "json":
        data = json.loads(body)
        records = data[records_key] if records_key else data
        return [{str(k).strip(): _json_cell(v) for k, v in record.items()} for record in records]
    if fmt == "csv":
        frame = pd.read_csv(
            io.BytesIO(body), dtype=str, keep_default_na=False, encoding="utf-8-sig"
        )
    elif fmt == "xlsx":
        frame = pd.read_excel(io.BytesIO(body), dtype=str, keep_default_na=False)
    else:
        raise ValueError(f"unknown table format {fmt!r}")
    columns = [str(column).strip() for column in frame.columns]
    clean = _excel_cell if fmt == "xlsx" else _text_cell
    return [
        {column: clean(value) for column, value in zip(columns, values, strict=True)}
        for values in frame.itertuples(index=False, name=None)
    ]


def _text_cell(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _excel_cell(value: Any) -> str:
    text = _text_cell(value)
    return text[:-2] if _EXCEL_INTEGER.match(text) else text


def _json_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_json_cell(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def group_rows(rows: Iterable[Row], key: Callable[[Row], Hashable]) -> list[list[Row]]:
    """Rows with the same key, in the order their key first appears."""
    groups: dict[Hashable, list[Row]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return list(groups.values())


def normal(text: str) -> str:
    """Case and whitespace do not tell two spellings of one name or street apart."""
    return " ".join(text.split()).casefold()


class TabularSpider(scrapy.Spider):
    """Downloads the tables :meth:`tables` names, in order, then yields :meth:`facilities`."""

    source: ClassVar[str]
    #: For JSON tables: the key the records are under (``None``: the document is the list).
    records_key: ClassVar[str | None] = None

    def tables(self) -> dict[str, str]:
        """``{role: url}`` of the tables this source is made of."""
        raise NotImplementedError

    def facilities(self, tables: dict[str, Table], fetched_at: datetime) -> Iterable[Facility]:
        raise NotImplementedError

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self._table_request(list(self.tables().items()), {})

    def _table_request(self, pending: list[tuple[str, str]], loaded: dict[str, Table]) -> Any:
        role, url = pending[0]
        return scrapy.Request(
            url,
            callback=self._table_loaded,
            cb_kwargs={"role": role, "pending": pending[1:], "loaded": loaded},
            # A missing table must fail the crawl loudly, not end it quietly with no items.
            # A table is always fetched fresh: availability changes, a local file is cheap.
            meta={"handle_httpstatus_all": True, "dont_cache": True},
            dont_filter=True,
        )

    def _table_loaded(
        self,
        response: Response,
        role: str,
        pending: list[tuple[str, str]],
        loaded: dict[str, Table],
    ) -> Iterator[Any]:
        if response.status != 200:
            self.logger.error("table %r: HTTP %s from %s", role, response.status, response.url)
            return
        rows = read_table(response.body, table_format(response.url), self.records_key)
        self.crawler.stats.set_value(f"{self.source}/table_rows/{role}", len(rows))
        loaded = {**loaded, role: Table(response.url, rows)}
        if pending:
            yield self._table_request(pending, loaded)
        else:
            self.filled: Counter[str] = Counter()
            yield from self.facilities(loaded, datetime.now(UTC))
            # Counted locally: a stats call per field per facility costs more than the count.
            for field, count in self.filled.items():
                self.crawler.stats.set_value(f"{self.source}/filled/{field}", count)

    def listing(
        self,
        *,
        ref: str,
        url: str,
        fetched_at: datetime,
        facts: dict[str, Any],
        extras: dict[str, Any] | None = None,
        as_of: date | None = None,
    ) -> Facility:
        """A facility from a source's facts, with the per-field fill counted in the stats."""
        self.filled.update(
            {_stat_field(path) for path, value in facts.items() if value not in (None, "")}
        )
        facility = build_facility(
            source=self.source, ref=ref, url=url, fetched_at=fetched_at, facts=facts, as_of=as_of
        )
        facility.extras.update(extras or {})
        return facility

    def rejected(
        self, *, ref: str, url: str, fetched_at: datetime, problems: list[str], rows: list[Row]
    ) -> Facility:
        """A row that is no facility, as a record with no facts: the validate pipeline sends it
        to the quarantine file, where ``extras.source_problems`` says what is wrong with it."""
        for problem in problems:
            slug = problem.split(":")[0].replace(" ", "_")
            self.crawler.stats.inc_value(f"{self.source}/rejected_rows/{slug}")
        return self.listing(
            ref=ref,
            url=url,
            fetched_at=fetched_at,
            facts={},
            extras={"source_problems": problems, "source_rows": rows},
        )


def _stat_field(path: str) -> str:
    # Address and availability parts are worth telling apart; a service group is one field.
    return path if path.startswith(("address.", "availability.")) else path.split(".")[0]
