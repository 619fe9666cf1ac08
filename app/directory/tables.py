"""An uploaded directory file as a header and numbered rows of text cells, whatever it came as.

CSV: UTF-8 (with or without the byte-order mark Excel writes), comma, semicolon (German and French Excel) or tab
separated, chosen by the header row. XLSX: the first worksheet, read in streaming mode.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.directory.exceptions import InvalidCsv
from app.directory.upload import Upload

DELIMITERS = (",", ";", "\t")

Rows = Iterator[tuple[int, list[str]]]
_CsvReader = Any  # csv's reader type is private


@dataclass
class Table:
    header: list[str]
    rows: Rows


def read_table(upload: Upload) -> Table:
    return _xlsx_table(upload.data) if upload.kind == "xlsx" else _csv_table(upload.data)


def sniff_delimiter(header_line: str) -> str:
    """The delimiter the header row uses most; a comma when it names a single column."""
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidCsv(
            "The file is not UTF-8. Save it as 'CSV UTF-8' or as an Excel workbook (.xlsx) and try again.",
            details={"byte_offset": exc.start},
        ) from exc


def _csv_table(data: bytes) -> Table:
    text = _decode(data)
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InvalidCsv(f"The header row is malformed: {exc}") from exc
    return Table(header=header or [], rows=_csv_rows(reader))


def _csv_rows(reader: _CsvReader) -> Rows:
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as exc:
        raise InvalidCsv(f"The CSV is malformed near line {reader.line_num}: {exc}") from exc


def _xlsx_table(data: bytes) -> Table:
    from openpyxl import load_workbook  # imported by the first workbook import: 5 MB a worker otherwise carries

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InvalidCsv("The file is not an Excel workbook (.xlsx) this import can read.") from exc
    sheet = workbook.worksheets[0] if workbook.worksheets else None
    if sheet is None:
        raise InvalidCsv("The workbook has no worksheet.")
    rows = enumerate(sheet.iter_rows(values_only=True), start=1)
    first = next(rows, None)
    header = _trim([_cell_text(v) for v in first[1]]) if first else []
    return Table(header=header, rows=((line, _trim([_cell_text(v) for v in values])) for line, values in rows))


def _trim(cells: list[str]) -> list[str]:
    # Worksheets often carry empty trailing cells (formatting); they are not extra columns.
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a customer code typed as 1001 is stored as 1001.0
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)
