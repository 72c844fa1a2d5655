"""Read one CSV file as the planning staff save it: by hand, or from Excel.

Accepted: UTF-8 with or without BOM; comma `,` or, as Excel writes it in an Indonesian
locale, semicolon `;` as the separator; LF, CRLF or CR line ends; blank or empty (`;;;`)
lines anywhere; stray spaces around cells and column names; cells that span lines. The
result is all text: the numbers are read by `schema.py` according to the separator (see
`Dialect`).

Refused, each with the file, line and column: a link (symlink) or anything that is not a
regular file, a file over `MAX_BYTES`, control characters (NUL, …) and invisible
direction marks, a column name given twice, and a cell that a spreadsheet would run as a
formula (`=`, `+`, `-`, `@` at the start). The bytes read here are the ones validated,
published in site/data/ and attached to the PDF.

pandas reads the cells; it is imported when a file is parsed, not before (an unchanged
data/ comes from the cache, see `load.py`, without it).
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .findings import ERROR, WARNING, Finding

if TYPE_CHECKING:
    import pandas as pd

ROW = "_baris"  # extra column: the row's line number in its file (header = 1)
MAX_BYTES = 20_000_000  # far above any report's data; a larger file is a mistake

SAVE_AS = "simpan ulang dari Excel dengan 'Simpan Sebagai' → 'CSV UTF-8 (dibatasi koma) (*.csv)'"

# Characters no data cell needs and that can hide or change what a reader sees: control
# characters other than tab and line ends, direction overrides (U+202A–E, U+2066–9), line
# and paragraph separators, and a byte order mark after the start of the file.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
FORMULA = re.compile(r"^[=+\-@]")
NUMBER = re.compile(r"^[+-]?[0-9][0-9.,]*$")  # a plain number starting with a sign is not a formula
MAX_CELL = 20_000  # characters; twice the longest word the PDF is tested with


@dataclass(frozen=True)
class Dialect:
    separator: str

    @property
    def decimal_comma(self) -> bool:
        """`;` files come from Excel in an Indonesian locale: 1.234.567,89."""
        return self.separator == ";"


@dataclass(frozen=True)
class RawTable:
    frame: pd.DataFrame  # text cells, column ROW added
    dialect: Dialect
    content: bytes  # the file's bytes, as validated: these are published


def read(path: Path) -> tuple[RawTable | None, list[Finding]]:
    raw, problem = read_regular_file(path)
    if problem:
        return None, [Finding(ERROR, path.name, problem)]
    return parse(path.name, raw)


def parse(name: str, raw: bytes) -> tuple[RawTable | None, list[Finding]]:
    """The cells of a file's bytes (`name` for the findings)."""
    import pandas as pd

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Finding(ERROR, name, f"berkas bukan UTF-8 (mis. Latin-1/ANSI); {SAVE_AS}", row=line)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip(" ,;\t")), None)
    if first is None:
        return None, [Finding(ERROR, name, "berkas kosong; baris pertama harus berisi nama kolom")]
    dialect, problem = _dialect(lines[first])
    if problem:
        return None, [Finding(ERROR, name, problem, row=first + 1)]
    findings = _forbidden_characters(name, lines, dialect)
    if findings:
        return None, findings
    try:
        records = pd.read_csv(
            io.StringIO("\n".join(lines[first:])),
            sep=dialect.separator,
            header=None,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            skipinitialspace=True,
            quoting=csv.QUOTE_MINIMAL,
        )
    except pd.errors.ParserError as error:
        line = re.search(r"line (\d+)", str(error))
        return None, [
            Finding(
                ERROR,
                name,
                f"jumlah sel pada baris ini tidak sama dengan jumlah kolom; "
                f"periksa pemisah '{dialect.separator}' dan tanda petik",
                row=first + int(line.group(1)) if line else None,
            )
        ]
    frame, findings = _table(name, records, first + 1)
    if frame is None:
        return None, findings
    return RawTable(frame, dialect, raw), findings


def records(raw: bytes) -> tuple[Dialect, list[list[str]]]:
    """The cells of bytes that `parse` has validated, without pandas: the header row first.

    For the descriptions of the published files (`datapackage.py`), which need the dialect and
    what the cells look like on builds that take the typed data from the cache.
    """
    lines = [line for line in raw.decode("utf-8-sig").splitlines() if line.strip(" ,;\t")]
    dialect, _ = _dialect(lines[0])
    return dialect, list(csv.reader(lines, delimiter=dialect.separator))


@dataclass(frozen=True)
class Record:
    """One record of a file as written: the line it starts on, its text, its cells."""

    line: int
    text: str  # without its line end; a quoted cell's line ends kept
    cells: list[str]


def written(raw: bytes) -> tuple[Dialect, list[Record]]:
    """Every record of bytes that `parse` has validated, with its line and text as written (blank
    and `;;;` lines left out): what the data workbook lays out and writes back (`workbook.py`)."""
    lines = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next(line for line in lines if line.strip(" ,;\t"))
    dialect, _ = _dialect(first)
    found, start, pending = [], 0, []
    for number, line in enumerate(lines, start=1):
        if not pending:
            start = number
        pending.append(line)
        text = "\n".join(pending)
        if text.count('"') % 2:  # a quoted cell goes on to the next line
            continue
        pending = []
        if text.strip(" ,;\t"):
            found.append(Record(start, text, next(csv.reader([text], delimiter=dialect.separator))))
    return dialect, found


def read_regular_file(path: Path) -> tuple[bytes | None, str | None]:
    """The bytes of `path` if it is a regular file (not a link, folder, pipe or device)."""
    try:  # O_NOFOLLOW: a symlink is refused, not followed; O_NONBLOCK: a pipe cannot hang us
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None, f"berkas tidak ditemukan (dicari di {path})"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return None, (
                "berkas ini tautan simbolik (symlink); hanya berkas biasa yang dibaca dan diterbitkan: "
                "ganti tautan dengan berkasnya sendiri"
            )
        return None, f"berkas tidak dapat dibaca ({os.strerror(error.errno)})"
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            return None, "ini sebuah folder, bukan berkas CSV; pindahkan atau ganti namanya"
        if not stat.S_ISREG(info.st_mode):
            return None, "bukan berkas biasa (mis. pipa atau perangkat); ganti dengan berkas CSV"
        if info.st_size > MAX_BYTES:
            return None, f"berkas terlalu besar ({info.st_size} byte, paling besar {MAX_BYTES}); periksa isinya"
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read(MAX_BYTES + 1), None
    finally:
        os.close(descriptor)


def _dialect(header: str) -> tuple[Dialect | None, str | None]:
    commas, semicolons = header.count(","), header.count(";")
    if semicolons and commas:
        return None, f"pemisah kolom tidak jelas (baris judul memuat ',' dan ';'); {SAVE_AS}"
    return Dialect(";" if semicolons else ","), None


def _forbidden_characters(name: str, lines: list[str], dialect: Dialect) -> list[Finding]:
    header = next(csv.reader([next(line for line in lines if line.strip(" ,;\t"))], delimiter=dialect.separator))
    findings = []
    for number, line in enumerate(lines, start=1):
        found = FORBIDDEN.search(line)
        if not found:
            continue
        column = None
        for index, cell in enumerate(next(csv.reader([line], delimiter=dialect.separator), [])):
            if FORBIDDEN.search(cell):
                column = header[index].strip() if index < len(header) else f"kolom ke-{index + 1}"
                break
        message = (
            f"karakter kendali tak terlihat U+{ord(found.group()):04X} tidak boleh ada di data; "
            "hapus karakter itu (ketik ulang selnya)"
        )
        findings.append(Finding(ERROR, name, message, row=number, column=column))
    return findings


def _table(name: str, records: pd.DataFrame, header_line: int) -> tuple[pd.DataFrame | None, list[Finding]]:
    """Header and rows of the parsed records; each row keeps its first line in the file."""
    records = records.fillna("")
    starts, line = [], header_line
    for values in records.itertuples(index=False):
        starts.append(line)
        line += 1 + sum(cell.count("\n") for cell in values)  # a quoted cell may span lines
    names = [cell.strip() for cell in records.iloc[0]]
    findings = []
    for index, column in enumerate(names):
        if column and names.index(column) != index:
            message = f"nama kolom ini muncul dua kali (kolom ke-{names.index(column) + 1} dan ke-{index + 1})"
            findings.append(Finding(ERROR, name, message, row=header_line, column=column))
    frame = records.iloc[1:].apply(lambda column: column.str.strip())
    frame.columns = range(len(names))
    frame[ROW] = starts[1:]
    for index, column in enumerate(names):
        if not column and (frame[index] != "").any():
            message = f"kolom ke-{index + 1} tidak punya nama di baris judul; isinya diabaikan"
            findings.append(Finding(WARNING, name, message, row=header_line))
    findings += _unsafe_cells(name, names, frame, header_line)
    if any(f.level == ERROR for f in findings):
        return None, findings
    keep = [index for index, column in enumerate(names) if column]
    frame = frame[[*keep, ROW]]
    frame.columns = [names[index] for index in keep] + [ROW]
    cells = frame.drop(columns=[ROW])
    return frame[(cells != "").any(axis=1)].reset_index(drop=True), findings  # blank and ;;; lines


def _unsafe_cells(name: str, names: list[str], frame: pd.DataFrame, header_line: int) -> list[Finding]:
    """Cells a spreadsheet would run as a formula when someone opens the published file,
    and cells too long for any report (they would only slow the PDF down)."""
    formula = (
        "diawali '{}': Excel dan aplikasi lembar kerja lain dapat menjalankannya sebagai rumus "
        "saat berkas terbuka dibuka; hapus tanda itu atau awali dengan huruf"
    )
    findings = [
        Finding(ERROR, name, formula.format(column[0]), row=header_line, column=column)
        for column in names
        if FORMULA.match(column)
    ]
    for index, column in enumerate(names):
        for cell, row in zip(frame[index], frame[ROW], strict=True):
            if FORMULA.match(cell) and not NUMBER.match(cell):
                findings.append(Finding(ERROR, name, formula.format(cell[0]), row, column or None, cell))
            elif len(cell) > MAX_CELL:
                message = f"sel terlalu panjang ({len(cell)} karakter, paling banyak {MAX_CELL}); periksa isinya"
                findings.append(Finding(ERROR, name, message, row, column or None))
    return findings
