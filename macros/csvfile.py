"""Read one CSV file as the planning staff save it: by hand, or from Excel.

Accepted: UTF-8 with or without BOM; comma `,` or, as Excel writes it in an Indonesian
locale, semicolon `;` as the separator; LF or CRLF line ends; blank or empty (`;;;`)
lines anywhere; stray spaces around cells and column names. The result is all text: the
numbers are read by `schema.py` according to the separator (see `Dialect`).
"""

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .findings import ERROR, Finding

ROW = "_baris"  # extra column: the row's line number in its file (header = 1)

SAVE_AS = "simpan ulang dari Excel dengan 'Simpan Sebagai' → 'CSV UTF-8 (dibatasi koma) (*.csv)'"


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
    sha256: str  # of the file's bytes, published with the open data


def read(path: Path) -> tuple[RawTable | None, list[Finding]]:
    name = path.name
    if not path.is_file():
        return None, [Finding(ERROR, name, f"berkas tidak ditemukan (dicari di {path})")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Finding(ERROR, name, f"berkas bukan UTF-8 (mis. Latin-1/ANSI); {SAVE_AS}", row=line)]
    lines = text.splitlines()
    header = next((line for line in lines if line.strip(" ,;\t")), None)
    if header is None:
        return None, [Finding(ERROR, name, "berkas kosong; baris pertama harus berisi nama kolom")]
    dialect, problem = _dialect(header)
    if problem:
        return None, [Finding(ERROR, name, problem, row=1)]
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=dialect.separator,
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
                f"jumlah sel pada baris ini tidak sama dengan jumlah kolom ({error}); "
                f"periksa pemisah '{dialect.separator}' dan tanda petik",
                row=int(line.group(1)) if line else None,
            )
        ]
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.map(lambda cell: cell.strip() if isinstance(cell, str) else "")
    frame[ROW] = range(2, len(frame) + 2)
    cells = frame.drop(columns=[ROW])
    frame = frame[(cells != "").any(axis=1)].reset_index(drop=True)  # blank and ;;; lines
    return RawTable(frame, dialect, hashlib.sha256(raw).hexdigest()), []


def _dialect(header: str) -> tuple[Dialect | None, str | None]:
    commas, semicolons = header.count(","), header.count(";")
    if semicolons and commas:
        return None, f"pemisah kolom tidak jelas (baris judul memuat ',' dan ';'); {SAVE_AS}"
    return Dialect(";" if semicolons else ","), None
