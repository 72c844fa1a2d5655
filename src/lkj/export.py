"""A table of the report as files a reader can download: CSV, CSV for Indonesian Excel, XLSX.

Each holds exactly what the table shows: its rows and columns, computed figures included,
figures as numbers (`Cell.value`), not as the text shown. A cell spanning rows is repeated on
each (so that every row can be read, filtered and summed alone); the header is one row, the
labels of a column's header cells joined. Nothing is fetched; the output is the same bytes for
the same table.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from . import fmt
from .tables import Cell, Row, Table, placed

# Row kinds named for the reader of a download (program lines are sums of their kegiatan).
KIND_LABELS = {"program": "Program", "kegiatan": "Kegiatan", "total": "Jumlah", "pembanding": "Pembanding"}
HEADER_SKIP = ("nomor-kolom",)  # the row of column numbers: (1), (2), …
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a text cell starting so would be a spreadsheet formula
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # every XLSX part dated the same: two builds give the same bytes
WORKBOOK_TIME = datetime(2000, 1, 1)  # the workbook's own created/modified properties, likewise

Value = int | Decimal | str | None


@dataclass(frozen=True)
class Sheet:
    """A table flattened: one header row, then one list of values per row."""

    title: str
    source: str
    header: list[str]
    rows: list[list[Value]]
    places: list[int]  # decimals shown in each column (for the XLSX display format)


def sheet(table: Table, source: str, title: str | None = None) -> Sheet:
    """`table` flattened; `title` (a chart's caption, for its data table) replaces the caption."""
    head = [row for row in table.head if row.kind not in HEADER_SKIP]
    header_grid = _grid(head, spread=True)
    body_grid = _grid([*table.body, *table.foot])
    width = max(len(header_grid[0]) if header_grid else 0, len(body_grid[0]) if body_grid else 0)
    header = []
    for column in range(width):
        labels = [line[column].text for line in header_grid if line[column] is not None and line[column].text]
        header.append(" – ".join(dict.fromkeys(labels)))
    rows = [[_value(cell) for cell in line] for line in body_grid]
    kinds = [row.kind for row in (*table.body, *table.foot)]
    if any(kind in KIND_LABELS for kind in kinds):
        header.insert(0, "Baris")
        rows = [[KIND_LABELS.get(kind, ""), *line] for kind, line in zip(kinds, rows, strict=True)]
    places = [max((_places(line[i]) for line in rows), default=0) for i in range(len(header))]
    return Sheet(title or table.caption or "", source, header, rows, places)


def _grid(rows: list[Row], spread: bool = False) -> list[list[Cell | None]]:
    """The table's cells at their places: a rowspan repeats the cell below; a colspan leaves
    None to its right, or (`spread`, a header) repeats it over every column it heads."""
    cells: dict[tuple[int, int], Cell | None] = {}
    for r, line in enumerate(placed(rows)):
        for column, cell in line:
            for down in range(cell.rowspan):
                for right in range(cell.colspan):
                    cells[(r + down, column + right)] = cell if right == 0 or spread else None
    width = max((column + 1 for _, column in cells), default=0)
    return [[cells.get((r, column)) for column in range(width)] for r in range(len(rows))]


def _value(cell: Cell | None) -> Value:
    if cell is None:
        return None
    if cell.value is not None:
        return cell.value
    text = cell.text
    if cell.numeric and text == fmt.DASH:  # no figure: an empty cell, not a dash in a number column
        return None
    if cell.items:
        text = " ".join([text, *(f"{n}. {item};" for n, item in enumerate(cell.items, start=1))]).strip(" ;")
    return text or None


def _places(value: Value) -> int:
    return max(0, -value.as_tuple().exponent) if isinstance(value, Decimal) else 0


def _safe_text(value: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _csv_text(value: Value, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",") if decimal_comma else format(value, "f")
    if isinstance(value, int):
        return str(value)
    return _safe_text(value)


def to_csv(table: Sheet, excel_id: bool = False) -> bytes:
    """Standard CSV (comma, decimal point, UTF-8), or the form Indonesian Excel opens into
    columns (`excel_id`: semicolon, decimal comma, UTF-8 with a byte-order mark)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel_id else ",", lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows([_csv_text(value, excel_id) for value in line] for line in table.rows)
    return ("\ufeff" if excel_id else "").encode() + out.getvalue().encode("utf-8")


def to_xlsx(table: Sheet) -> bytes:
    """A workbook of one sheet: the caption, the source, the header row, then numeric cells
    with Indonesian display formats (thousands separator, two decimals on percentages)."""
    from openpyxl import Workbook  # only when a table is downloaded: keeps `make serve` light
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = "Tabel"
    ws.append([table.title])
    ws["A1"].font = Font(bold=True)
    ws.append([table.source])
    ws.append([])
    ws.append(table.header)
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line in table.rows:
        ws.append([_xlsx_value(value) for value in line])
    for column, places in enumerate(table.places, start=1):
        number_format = "#,##0" + ("." + "0" * places if places else "")
        for (cell,) in ws.iter_rows(min_row=header_row + 1, min_col=column, max_col=column):
            if isinstance(cell.value, int | float):
                cell.number_format = number_format
        longest = max([len(str(table.header[column - 1]))] + [len(str(v[column - 1] or "")) for v in table.rows])
        ws.column_dimensions[get_column_letter(column)].width = min(60, max(8, longest + 2))
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    return saved(book)


def _xlsx_value(value: Value):
    if isinstance(value, Decimal):
        return float(value)  # a spreadsheet number is binary: 95.35 shows as 95,35
    if isinstance(value, str):
        return _safe_text(value)
    return value


def saved(book) -> bytes:
    """`book`'s bytes, the same for the same content: no date of now inside or on its parts.

    (openpyxl's `Workbook.save` sets the `modified` property to the clock; its writer does not.)"""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.creator = "LKj"
    book.properties.created = book.properties.modified = WORKBOOK_TIME
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return _fixed_zip(out.getvalue())


def _fixed_zip(content: bytes) -> bytes:
    """The same workbook with every part dated ZIP_TIME (openpyxl dates them with the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
