"""The data workbook read back (`lkj excel import`): its sheets as the CSV files of data/.

Excel's habits are met here, each with a finding that names the sheet, the Excel row and the
column (letter and name): a code that Excel turned into a number or a date (`1.10` -> 1,1), a
formula (its stored value is not trusted), merged cells, hidden rows (read, and said), a sheet
renamed or missing, a sheet of its own (left out, and said). A file saved as `.xls` or `.ods`,
protected by a password, too large, or not a workbook at all cannot be read: `UnreadableWorkbook`
says how to save it as `.xlsx`.

Each sheet becomes the text of its CSV file (`Sheet.csv`): in the dialect of the file it replaces,
a record kept as written where its values did not change, so that a workbook exported and imported
without an edit gives back data/ byte for byte, and an edit shows as exactly that edit.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from . import csvfile, schema
from .findings import ERROR, WARNING, printable
from .workbook import AS_NUMBER, AS_TEXT, GUIDE, SHEETS, decimal_of, places_of

MAX_BYTES = 25_000_000  # a report's workbook is well under 1 MB; a larger one holds something else
MAX_UNPACKED = 200_000_000  # what its parts may hold once unpacked (a zip bomb is refused)
SAVE_AS = "simpan ulang di Excel dengan File → Simpan Sebagai → 'Buku Kerja Excel (*.xlsx)'"
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: .xls, or an .xlsx under a password
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class UnreadableWorkbook(Exception):
    """The file cannot be read as a workbook; the message says why and what to do."""


@dataclass(frozen=True)
class Place:
    sheet: str
    row: int | None = None
    letter: str | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = f"lembar '{printable(self.sheet)}'"
        if self.row is not None:
            where += f", baris {self.row}"
        if self.letter is not None:
            where += f", kolom {self.letter}" + (f" ({printable(self.column)})" if self.column else "")
        return where


@dataclass(frozen=True)
class SheetFinding:
    level: str
    place: Place
    message: str
    value: str | None = None

    def line(self) -> str:
        value = f"nilai '{printable(self.value)}': " if self.value is not None else ""
        return f"{self.level.upper()} {self.place}: {value}{printable(self.message)}"


@dataclass
class Sheet:
    """One sheet as text cells: its header (row 1) and rows, each with its Excel row number."""

    table: schema.Table
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)

    def csv(self, dialect: csvfile.Dialect) -> tuple[bytes, dict[int, int]]:
        """Plain CSV text of the sheet in `dialect` (to be checked) and, for each of its lines, the
        Excel row it comes from."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=dialect.separator, lineterminator="\n")
        writer.writerow(self.header)
        rows, line = {1: 1}, 2
        for number, cells in self.rows:
            cells = _localised(cells, self, dialect)
            writer.writerow(cells)
            rows[line] = number
            line += 1 + sum(cell.count("\n") for cell in cells)
        return out.getvalue().encode("utf-8"), rows


def read(path: Path) -> tuple[dict[str, Sheet], list[SheetFinding]]:
    """Every data sheet of the workbook at `path`, and what was found on the way."""
    from openpyxl import load_workbook

    book_bytes = _readable(path)
    try:
        book = load_workbook(io.BytesIO(book_bytes), data_only=False)
    except Exception as error:  # noqa: BLE001 - whatever openpyxl cannot read: one line
        raise UnreadableWorkbook(f"{path.name} tidak dapat dibaca sebagai buku kerja ({error}); {SAVE_AS}") from None
    findings: list[SheetFinding] = []
    sheets = {}
    unknown = [name for name in book.sheetnames if name not in SHEETS and name != GUIDE]
    for name in unknown:
        message = "lembar ini tidak dikenal dan tidak dibaca (lembar data bernama seperti berkas di data/)"
        findings.append(SheetFinding(WARNING, Place(name), message))
    for table in schema.TABLES:
        if table.name not in book.sheetnames:
            hint = f"; lembar lain di buku kerja: {', '.join(unknown)} (kembalikan namanya)" if unknown else ""
            message = f"lembar '{table.name}' (isi data/{table.file}) tidak ada{hint}"
            findings.append(SheetFinding(ERROR, Place(table.name), message))
            continue
        sheet, found = _sheet(book[table.name], table)
        sheets[table.name] = sheet
        findings += found
    return sheets, findings


def _readable(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UnreadableWorkbook(f"{path}: berkas tidak dapat dibaca ({error.strerror})") from None
    if size > MAX_BYTES:
        raise UnreadableWorkbook(
            f"{path.name} terlalu besar ({size // 1_000_000} MB, paling besar {MAX_BYTES // 1_000_000} MB): buku "
            "kerja data LKj berukuran kurang dari 1 MB; hapus lembar, gambar atau baris kosong yang terbawa lalu simpan"
        )
    content, problem = csvfile.read_regular_file(path) if size <= csvfile.MAX_BYTES else (None, "terlalu besar")
    if content is None:
        raise UnreadableWorkbook(f"{path}: {problem}")
    if content.startswith(CFB):
        if ENCRYPTED in content:
            raise UnreadableWorkbook(
                f"{path.name} dilindungi kata sandi; buka di Excel, hapus kata sandinya (File → Info → Lindungi "
                "Buku Kerja → Enkripsi dengan Kata Sandi → kosongkan), simpan, lalu impor lagi"
            )
        raise UnreadableWorkbook(f"{path.name} berformat Excel 97-2003 (.xls); {SAVE_AS}")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise UnreadableWorkbook(f"{path.name} bukan buku kerja Excel (.xlsx); {SAVE_AS}")
    with zipfile.ZipFile(io.BytesIO(content)) as parts:
        names = parts.namelist()
        if "mimetype" in names and b"opendocument" in parts.read("mimetype"):
            raise UnreadableWorkbook(
                f"{path.name} berformat OpenDocument (.ods); di LibreOffice: File → Simpan Sebagai → "
                "'Excel 2007-365 (.xlsx)', lalu impor berkas .xlsx itu"
            )
        if "xl/workbook.xml" not in names:
            raise UnreadableWorkbook(f"{path.name} bukan buku kerja Excel (.xlsx); {SAVE_AS}")
        if sum(info.file_size for info in parts.infolist()) > MAX_UNPACKED:
            raise UnreadableWorkbook(f"{path.name}: isinya jauh lebih besar daripada data laporan; periksa berkasnya")
    return content


def _sheet(worksheet, table: schema.Table) -> tuple[Sheet, list[SheetFinding]]:
    from openpyxl.utils import get_column_letter

    findings: list[SheetFinding] = []
    for merged in sorted(str(cells) for cells in worksheet.merged_cells.ranges):
        message = "sel digabung (merge); pisahkan lagi (Beranda → Gabungkan & Tengahkan → Pisahkan Sel)"
        findings.append(SheetFinding(ERROR, Place(table.name, letter=merged), message))
    width = worksheet.max_column
    first = next(worksheet.iter_rows(max_row=1, values_only=True), ())
    header = ["" if value is None else str(value).strip() for value in first]
    while header and not header[-1]:
        header.pop()
    columns = {column.name: column for column in table.columns}
    sheet = Sheet(table, header)
    for row in worksheet.iter_rows(min_row=2, max_col=max(width, len(header))):
        number = row[0].row
        cells = []
        for index, cell in enumerate(row[: len(header)]):
            name = header[index]
            place = Place(table.name, number, get_column_letter(index + 1), name)
            text, finding = _text(cell, columns.get(name), place)
            cells.append(text)
            if finding:
                findings.append(finding)
        extra = [cell for cell in row[len(header) :] if cell.value not in (None, "")]
        for cell in extra:
            message = "sel di luar kolom berjudul; beri judul kolomnya atau pindahkan isinya"
            findings.append(SheetFinding(ERROR, Place(table.name, number, cell.column_letter), message))
        if not any(cells):
            continue
        if worksheet.row_dimensions[number].hidden:
            message = "baris tersembunyi di Excel; ikut diimpor seperti baris lain"
            findings.append(SheetFinding(WARNING, Place(table.name, number), message))
        sheet.rows.append((number, cells))
    return sheet, findings


def _text(cell, column: schema.Column | None, place: Place) -> tuple[str, SheetFinding | None]:
    """A cell as the text of a CSV cell; a finding where Excel changed what was meant."""
    value = cell.value
    if value is None:
        return "", None
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=") and cell.data_type != "s"):
        message = "sel berisi rumus; nilai yang tersimpan tidak dipercaya: ketik nilainya (tanpa '=')"
        return "", SheetFinding(ERROR, place, message, str(value))
    if isinstance(value, datetime | date | time):
        message = "Excel mengubah isi sel ini menjadi tanggal; format sel sebagai Teks lalu ketik ulang isinya"
        return "", SheetFinding(ERROR, place, message, str(value))
    if isinstance(value, bool):
        return "", SheetFinding(ERROR, place, "sel berisi BENAR/SALAH (TRUE/FALSE); ketik isinya sebagai teks")
    if isinstance(value, str):
        return value, None
    kind = column.kind if column is not None else schema.TEXT
    if kind in AS_NUMBER:
        return _number(value, kind, cell.number_format), None
    if kind == schema.YEAR and float(value).is_integer():
        return str(int(value)), None
    if kind in AS_TEXT:
        shown = format(decimal_of(value, None), "f").replace(".", ",")
        message = (
            f"Excel mengubah kode ini menjadi angka ({shown}); format sel sebagai Teks lalu ketik ulang kodenya "
            "persis seperti tertulis (mis. 1.10)"
        )
        return "", SheetFinding(ERROR, place, message, shown)
    return format(decimal_of(value, None), "f"), None


def _number(value, kind: str, number_format: str) -> str:
    if kind == schema.RUPIAH and float(value).is_integer():
        return str(int(value))
    return format(decimal_of(value, places_of(number_format)), "f")


# --- back to the files of data/ -----------------------------------------------------------------


def as_file(sheet: Sheet, original: bytes | None) -> bytes | None:
    """The bytes of the sheet's data file: None where its values are those of `original` (the file
    stays as it is); else `original`'s dialect, line ends and byte-order mark, each of its records
    kept as written where the sheet's row holds the same values, the other rows written plainly."""
    records = []
    dialect, bom, newline = csvfile.Dialect(","), "", "\n"
    if original is not None and original.strip(b" ,;\t\r\n\xef\xbb\xbf"):
        dialect, records = csvfile.written(original)
        bom = "\ufeff" if original.startswith(b"\xef\xbb\xbf") else ""
        newline = "\r\n" if b"\r\n" in original else "\n"
    header, *kept = records or [None]
    rows = [_localised(cells, sheet, dialect) for _, cells in sheet.rows]
    same_header = header is not None and [c.strip() for c in header.cells] == sheet.header
    unchanged = len(kept) == len(rows) and all(
        _same(cells, record.cells, sheet, dialect) for cells, record in zip(rows, kept, strict=True)
    )
    if same_header and unchanged:
        return None
    if original is None and not rows:
        return None  # a file the report does not have, and an empty sheet: nothing to write
    lines = [header.text if same_header else _line(sheet.header, dialect)]
    unused = list(kept)
    for cells in rows:
        match = next((record for record in unused if _same(cells, record.cells, sheet, dialect)), None)
        if match is not None:
            unused.remove(match)
        lines.append(match.text if match is not None else _line(cells, dialect))
    return (bom + newline.join(line.replace("\n", newline) for line in lines) + newline).encode("utf-8")


def _localised(cells: list[str], sheet: Sheet, dialect: csvfile.Dialect) -> list[str]:
    """Numbers with the decimal mark of the file (`75,42` in a `;` file)."""
    if not dialect.decimal_comma:
        return cells
    columns = {column.name: column for column in sheet.table.columns}
    out = []
    for name, text in zip(sheet.header, cells, strict=False):
        column = columns.get(name)
        numeric = column is not None and column.kind in AS_NUMBER and column.kind != schema.RUPIAH
        out.append(text.replace(".", ",") if numeric and schema.is_number(text) and "." in text else text)
    return out


def _same(cells: list[str], written: list[str], sheet: Sheet, dialect: csvfile.Dialect) -> bool:
    """Do the sheet's cells hold the values a record of the file holds (as the build reads them)?"""
    columns = {column.name: column for column in sheet.table.columns}
    if len(written) < len(cells):
        written = [*written, *[""] * (len(cells) - len(written))]
    for name, new, old in zip(sheet.header, cells, written, strict=False):
        if _value(new.strip(), columns.get(name), dialect) != _value(old.strip(), columns.get(name), dialect):
            return False
    return all(not old.strip() for old in written[len(cells) :])


def _value(text: str, column: schema.Column | None, dialect: csvfile.Dialect):
    if column is None or not text or not schema.is_number(text):
        return text
    if column.kind == schema.RUPIAH:
        return schema.parse_rupiah(text) or text
    if column.kind in AS_NUMBER and not text.endswith("%"):
        try:
            number = schema.parse_number(text, dialect)
        except ArithmeticError:
            return text
        return (number, number.as_tuple().exponent)  # 77,50 is not 77,5: the report shows the decimals
    return text


def _line(cells: list[str], dialect: csvfile.Dialect) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=dialect.separator, lineterminator="").writerow(cells)
    return out.getvalue()
