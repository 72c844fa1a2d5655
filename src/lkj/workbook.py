"""The data of a report as one Excel workbook, for the data officers who work in spreadsheets.

`lkj excel export` writes it (`export`), `lkj excel import` reads it back (`workbook_read.py`).
One sheet per data file, in the schema's order, after a first sheet "Petunjuk" that says what
each sheet and column holds (from `schema.py`, the source datapackage.json and data/README.md
describe too). Each sheet: the file's own header row (frozen, each name described in a note),
then its rows, in the file's order: numbers as numbers shown the Indonesian way with the
decimals they were recorded with (`#,##0.00`), codes and years as text, never a formula; a
drop-down on each column whose values come from a list or from another sheet. The same data
gives the same bytes (no date inside), so that a workbook can be compared and signed.
"""

from decimal import Decimal
from pathlib import Path

from . import csvfile, schema
from .export import saved
from .satuan import SPELLINGS

GUIDE = "Petunjuk"
MAX_ROWS = 5000  # rows a drop-down and a format reach below the header (a report has a few hundred)
TEXT_FORMAT = "@"
FORMULA_START = ("=", "+", "-", "@")
AS_TEXT = (schema.CODE, schema.OPTIONAL_CODE, schema.YEAR, schema.PERIOD, schema.CHOICE, schema.OPTIONAL_CHOICE)
AS_NUMBER = (schema.RUPIAH, schema.OPTIONAL_PERCENT, schema.OPTIONAL_DECIMAL, schema.TARGET, schema.REALISASI)
SHEETS = {table.name: table for table in schema.TABLES}  # sheet name -> its data file


def number_format(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def places_of(number_format_text: str) -> int | None:
    """The decimals a cell shows (`#,##0.00` -> 2), or None for a format of no fixed decimals."""
    if not number_format_text or number_format_text == "General" or "0" not in number_format_text:
        return None
    decimals = number_format_text.split(";")[0].partition(".")[2]
    return sum(1 for mark in decimals if mark == "0")


def as_number(text: str, column: schema.Column, dialect: csvfile.Dialect) -> int | float | None:
    """A CSV cell as the number a spreadsheet stores, or None where it is not a plain number
    (a level like `Baik`, `belum tersedia`, an empty cell)."""
    if not text or not schema.is_number(text):
        return None
    if column.kind == schema.RUPIAH:
        return schema.parse_rupiah(text)
    if text.endswith("%"):
        return None  # kept as written: the percent sign is part of what the office wrote
    try:
        return float(schema.parse_number(text, dialect))
    except ArithmeticError:
        return None


def recorded_places(text: str, dialect: csvfile.Dialect) -> int:
    mark = "," if dialect.decimal_comma else "."
    return len(text.rpartition(mark)[2]) if mark in text else 0


def export(data_dir: Path) -> bytes:
    from openpyxl import Workbook  # only when a workbook is made

    book = Workbook()
    guide = book.active
    guide.title = GUIDE
    _guide(guide)
    headers: dict[str, list[str]] = {}
    for table in schema.TABLES:
        sheet = book.create_sheet(table.name)
        headers[table.name] = _sheet(sheet, table, data_dir / table.file)
    for table in schema.TABLES:
        _drop_downs(book[table.name], table, headers)
    return saved(book)


def _sheet(sheet, table: schema.Table, path: Path) -> list[str]:
    """The file's header and rows on `sheet`; returns the header."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    content, _ = csvfile.read_regular_file(path)
    if content and content.strip(b" ,;\t\r\n\xef\xbb\xbf"):
        dialect, (first, *records) = csvfile.written(content)
        header = first.cells
        rows = [(record.line - first.line + 1, record.cells) for record in records]  # sheet row: as in the file
    else:  # a file the report does not have (yet): its columns, for whoever fills it
        dialect, header, rows = csvfile.Dialect(","), table.column_names, []
    header = [name.strip() for name in header]
    columns = {column.name: column for column in table.columns}
    sheet.append(header)
    for index, name in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        column = columns.get(name)
        text = schema.describe(column) if column else "kolom yang tidak dikenal skema: tidak dibaca laporan"
        cell.comment = Comment(f"{name}: {text}", "LKj")
    for line, cells in rows:
        for index, text in enumerate(cells, start=1):
            name = header[index - 1] if index <= len(header) else ""
            _cell(sheet.cell(row=line, column=index), text.strip(), columns.get(name), dialect)
    for index, name in enumerate(header, start=1):
        column = columns.get(name)
        if column is not None and column.kind in AS_TEXT:  # a new cell typed in the column: text too
            sheet.column_dimensions[_letter(index)].number_format = TEXT_FORMAT
        width = max([len(name), *(len(str(cells[index - 1])) for _, cells in rows if len(cells) >= index)])
        sheet.column_dimensions[_letter(index)].width = min(60, max(10, width + 2))
    sheet.freeze_panes = "A2"
    return header


def _cell(cell, text: str, column: schema.Column | None, dialect: csvfile.Dialect) -> None:
    number = as_number(text, column, dialect) if column is not None and column.kind in AS_NUMBER else None
    if number is not None:
        cell.value = number
        places = 0 if column.kind == schema.RUPIAH else recorded_places(text, dialect)
        cell.number_format = number_format(places)
        return
    cell.value = text or None
    if column is not None and column.kind in AS_TEXT:
        cell.number_format = TEXT_FORMAT
    if text.startswith(FORMULA_START):  # shown as text, never run as a formula (data never has one)
        cell.data_type = "s"
        cell.quotePrefix = True


def _drop_downs(sheet, table: schema.Table, headers: dict[str, list[str]]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    header = headers[table.name]
    for column in table.columns:
        if column.name not in header:
            continue
        where = f"{_letter(header.index(column.name) + 1)}2:{_letter(header.index(column.name) + 1)}{MAX_ROWS + 1}"
        if column.refers_to:
            target = headers.get(column.target_table, [])
            if column.target_column not in target:
                continue
            letter = _letter(target.index(column.target_column) + 1)
            source = f"={column.target_table}!${letter}$2:${letter}${MAX_ROWS + 1}"
            strict = True
        elif column.choices:
            source, strict = '"' + ",".join(column.choices) + '"', True
        elif column.name == "satuan":  # the known units offered; any other accepted as written
            source, strict = '"' + ",".join(SPELLINGS) + '"', False
        else:
            continue
        validation = DataValidation(type="list", formula1=source, allow_blank=column.optional)
        validation.showErrorMessage = strict
        validation.error = f"Pilih dari daftar ({schema.describe(column)})"
        validation.errorTitle = column.name
        validation.prompt = schema.describe(column)
        validation.showInputMessage = True
        sheet.add_data_validation(validation)
        validation.add(where)


def _guide(sheet) -> None:
    from openpyxl.styles import Alignment, Font

    lines = [
        ["Data laporan kinerja (LKj) dalam satu buku kerja"],
        ["Isi setiap lembar seperti berkas data/ yang sama namanya; satu baris satu baris data, baris judul tetap."],
        ["Angka diketik sebagai angka; kode dan tahun sebagai teks (jangan diubah menjadi angka atau tanggal)."],
        ["Jangan memakai rumus, menggabungkan sel, atau mengganti nama lembar."],
        ["Simpan sebagai Excel (.xlsx), lalu: lkj excel import <berkas>.xlsx (make check memeriksa hasilnya)."],
        [],
        ["Lembar", "Kolom", "Isi", "Wajib"],
    ]
    for table in schema.TABLES:
        lines.append([table.name, "", schema.DESCRIPTIONS[table.file], "ya" if table.required else "boleh tidak ada"])
        for column in table.columns:
            lines.append(["", column.name, schema.describe(column), "boleh kosong" if column.optional else "ya"])
    for line in lines:
        sheet.append(line)
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[7]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=8):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in (("A", 24), ("B", 22), ("C", 80), ("D", 16)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A8"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def decimal_of(value: float, places: int | None) -> Decimal:
    """A spreadsheet's number as the exact decimal it shows: 77.5 with 2 places -> 77.50."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return number.quantize(Decimal(1).scaleb(-places)) if places is not None else number
