"""Spiders for sources that publish tables (CSV, XLSX or JSON records) instead of pages.

The tables are downloaded by Scrapy like any page (``file://`` for a local file, ``http://`` for
a board), so the downloader's stats, the item pipelines and the quarantine apply to a file
import exactly as to a crawled site. A spider names its tables (:meth:`TabularSpider.tables`);
once all of them are in, it turns their rows into facilities (:meth:`TabularSpider.facilities`)
with the helpers here: :func:`group_rows` for sources that list one site on several rows,
:meth:`TabularSpider.listing` for a facility and :meth:`TabularSpider.rejected` for a row that
is no facility at all (it still goes through the pipelines, to the quarantine file).

What is wrong with a table is told apart by its reach:

* **The file** (:class:`TableError`): bytes that are not UTF-8 (wrong encoding: re-saving the
  file as UTF-8 fixes every row at once, so no row of it is imported half-read), a NUL byte, no
  header, a header without a column the spider needs (:attr:`TabularSpider.required_columns`),
  no rows after it, a workbook or JSON document that does not parse. The crawl stops at once,
  its finish reason ``unreadable table: FILE: line N: reason``, which ``iop crawl`` and ``iop
  import-directory`` print before failing.
* **One row**: a row with fewer or more fields than the header (a truncated last line, a stray
  comma) is read as far as it goes and marked (:attr:`TableRow.misfit`); the spider quarantines
  it. Every row knows its place in the file (:attr:`TableRow.place`, ``line 12207``: the header
  is line 1, as a spreadsheet numbers its rows), and a rejected record's reasons name it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar
from urllib.parse import unquote, urlparse

import pandas as pd
import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from crawler.listing import build_facility
from crawler.middlewares.retry_backoff import EXPECTS_JSON
from iop.facility import Facility

Row = dict[str, str]
# Where a table's header is, as its rows' places are named.
FIRST_ROW = {"csv": "line 1", "xlsx": "row 1"}
FIRST_DATA_ROW = {"csv": "line 2", "xlsx": "row 2"}
# The finish reason of a crawl stopped by a table it cannot read (see the module's docstring).
UNREADABLE_TABLE = "unreadable table: "


class TableRow(dict[str, str]):
    """A row as read from its file: ``{column: text}``, where it is, and whether it fits."""

    def __init__(self, values: Mapping[str, str], place: str, misfit: str | None = None) -> None:
        super().__init__(values)
        #: Where the row is: ``line 12207`` (CSV: the line it starts on), ``row 9`` (XLSX).
        self.place = place
        #: Why the row does not fit the header (too few or too many fields); ``None`` if it does.
        self.misfit = misfit


class TableError(ValueError):
    """A table that cannot be read at all: the file, where in it, and why."""

    def __init__(self, url: str, where: str, reason: str) -> None:
        self.file, self.where, self.reason = file_name(url), where, reason
        super().__init__(f"{self.file}: {where}: {reason}" if where else f"{self.file}: {reason}")


def file_name(url: str) -> str:
    """A ``file://`` URL as the path people typed; any other URL as it is."""
    parts = urlparse(url)
    return unquote(parts.path) if parts.scheme == "file" else url


def place_of(row: Row) -> str | None:
    """Where a row is in its file (``line 12207``), if it was read by :func:`read_table`."""
    return row.place if isinstance(row, TableRow) else None


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


def read_table(
    body: bytes, fmt: str, records_key: str | None = None, url: str = "table"
) -> list[Row]:
    """Every row of a table as a :class:`TableRow` ``{column: text}``; a missing value is
    ``""``, never NaN. A table that cannot be read raises :class:`TableError`.

    Everything is read as text: a ZIP code is a string, and its lost leading zeros are the
    addresses pipeline's business. JSON records may hold lists (joined with ``"; "``, the
    separator board columns use) and are found under ``records_key`` if given.
    """
    return read_header_and_rows(body, fmt, records_key, url)[1]


def read_header_and_rows(
    body: bytes, fmt: str, records_key: str | None = None, url: str = "table"
) -> tuple[list[str], list[Row]]:
    """:func:`read_table`, with the table's columns (a JSON table's: its first record's)."""
    if fmt == "json":
        return _json_rows(body, records_key, url)
    if fmt == "csv":
        return _csv_rows(body, url)
    if fmt == "xlsx":
        return _xlsx_rows(body, url)
    raise ValueError(f"unknown table format {fmt!r}")


def _csv_rows(body: bytes, url: str) -> tuple[list[str], list[Row]]:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = body[: error.start].count(b"\n") + 1
        byte = body[error.start]
        raise TableError(
            url,
            f"line {line}",
            f"byte 0x{byte:02x} is not UTF-8: the file is in another encoding; save it as UTF-8",
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise TableError(
            url, f"line {line}", "a NUL byte: not UTF-8 text (UTF-16?); save it as UTF-8"
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows: list[Row] = []
    starts = 1  # the line the next record starts on: a quoted field may span lines
    for fields in reader:
        place, starts = f"line {starts}", reader.line_num + 1
        if not fields or (header is not None and not any(f.strip() for f in fields)):
            continue  # a blank line is no row
        if header is None:
            header = _header(fields, url)
            continue
        rows.append(_fitted(header, fields, place))
    if header is None:
        raise TableError(url, "line 1", "empty file: no header line")
    return header, rows


def _header(fields: list[str], url: str) -> list[str]:
    columns = [field.strip() for field in fields]
    twice = sorted({column for column in columns if columns.count(column) > 1})
    if twice:
        raise TableError(url, "line 1", f"column {', '.join(map(repr, twice))} twice in the header")
    return columns


def _fitted(header: list[str], fields: list[str], place: str) -> TableRow:
    """A CSV record as a row; one with too few or too many fields is kept, marked."""
    if len(fields) == len(header):
        return TableRow(dict(zip(header, fields, strict=True)), place)
    if len(fields) < len(header):
        missing = header[len(fields) :]
        misfit = (
            f"short row: {len(fields)} of {len(header)} fields, cut off after "
            f"{header[len(fields) - 1]!r} (no {', '.join(missing)})"
        )
        return TableRow(
            {**dict(zip(header, fields, strict=False)), **dict.fromkeys(missing, "")}, place, misfit
        )
    misfit = (
        f"long row: {len(fields)} fields for {len(header)} columns "
        "(a stray delimiter or an unquoted comma)"
    )
    return TableRow(dict(zip(header, fields, strict=False)), place, misfit)


def _xlsx_rows(body: bytes, url: str) -> tuple[list[str], list[Row]]:
    try:
        frame = pd.read_excel(io.BytesIO(body), dtype=str, keep_default_na=False)
    except Exception as error:  # openpyxl and zipfile raise many kinds for a damaged file
        raise TableError(url, "", f"not a readable XLSX workbook ({error})") from None
    columns = _header([str(column) for column in frame.columns], url)
    return columns, [
        # Row 1 of the sheet is the header.
        TableRow({c: _excel_cell(v) for c, v in zip(columns, values, strict=True)}, f"row {n}")
        for n, values in enumerate(frame.itertuples(index=False, name=None), start=2)
    ]


def _json_rows(body: bytes, records_key: str | None, url: str) -> tuple[list[str], list[Row]]:
    try:
        data = json.loads(body)
    except json.JSONDecodeError as error:
        raise TableError(url, f"line {error.lineno}", f"not JSON: {error.msg}") from None
    except UnicodeDecodeError:
        raise TableError(url, "", "not JSON: the bytes are not UTF-8 text") from None
    records = data.get(records_key) if records_key and isinstance(data, dict) else data
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        where = f"the list under {records_key!r}" if records_key else "a list of records"
        raise TableError(url, "", f"not {where}")
    rows: list[Row] = [
        TableRow({str(k).strip(): _json_cell(v) for k, v in record.items()}, f"record {n}")
        for n, record in enumerate(records, start=1)
    ]
    return (list(rows[0]) if rows else []), rows


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
    #: ``{role: columns}``: a table whose header lacks one of its columns, or that has no row
    #: under its header, fails the crawl (:class:`TableError`).
    required_columns: ClassVar[dict[str, tuple[str, ...]]] = {}

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
            # A JSON answer that does not parse is retried like a 5xx (retry_backoff).
            meta={
                "handle_httpstatus_all": True,
                "dont_cache": True,
                EXPECTS_JSON: table_format(url) == "json",
            },
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
        try:
            rows = self.read(role, response)
        except TableError as error:
            # Nothing of a file that cannot be read is imported: the crawl ends saying why.
            self.logger.error("%s", error)
            raise CloseSpider(UNREADABLE_TABLE + str(error)) from None
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

    def read(self, role: str, response: Response) -> list[Row]:
        """The rows of one table, checked against :attr:`required_columns`."""
        fmt = table_format(response.url)
        header, rows = read_header_and_rows(response.body, fmt, self.records_key, response.url)
        required = self.required_columns.get(role, ())
        if required:
            missing = [column for column in required if column not in header]
            if missing:
                raise TableError(
                    response.url,
                    FIRST_ROW.get(fmt, ""),
                    f"no column {', '.join(missing)} in the header "
                    f"({', '.join(header) or 'no columns'}); is this the right file?",
                )
            if not rows:
                where = FIRST_DATA_ROW.get(fmt, "")
                raise TableError(response.url, where, "no rows under the header")
        return rows

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
        to the quarantine file, where ``extras.source_problems`` says what is wrong with it,
        each problem after the rows' place in the file (``line 12207: short row: ...``)."""
        for problem in problems:
            slug = problem.split(":")[0].replace(" ", "_")
            self.crawler.stats.inc_value(f"{self.source}/rejected_rows/{slug}")
        places = ", ".join(place for row in rows if (place := place_of(row)))
        return self.listing(
            ref=ref,
            url=url,
            fetched_at=fetched_at,
            facts={},
            extras={
                "source_problems": [f"{places}: {p}" if places else p for p in problems],
                "source_rows": [dict(row) for row in rows],
            },
        )


def _stat_field(path: str) -> str:
    # Address and availability parts are worth telling apart; a service group is one field.
    return path if path.startswith(("address.", "availability.")) else path.split(".")[0]
