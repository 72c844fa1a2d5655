"""Read the CSV files under `data/` once, check them against `schema.py`, type them.

Every problem raises `DataError` naming the file, the row (the line number as shown in a
text editor or in Excel, the header being line 1) and the column, so that whoever edits
the data knows what to fix. Nothing here writes anywhere.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd
from mkdocs.exceptions import PluginError

from . import schema

ROW = "_baris"  # extra column: line number of the row in its file

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_WHOLE = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"^\d+(\.\d+)?$")

_HINT_NUMBER = "tulis angka saja: tanpa titik ribuan, tanpa 'Rp', titik sebagai tanda desimal (mis. 75.42)"


class DataError(PluginError):
    """A data file that cannot be used as it is. The message says where and why."""

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None):
        self.file, self.row, self.column = file, row, column
        where = f"data/{file}"
        if row is not None:
            where += f", baris {row}"
        if column is not None:
            where += f", kolom '{column}'"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Data:
    """All tables of `data/`, typed. Each DataFrame keeps its file's line numbers in `_baris`."""

    tables: dict[str, pd.DataFrame]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def load_data(data_dir: Path) -> Data:
    """Read, check and type every file in `schema.TABLES`, then check the codes between files."""
    tables = {t.file.removesuffix(".csv"): _read_table(Path(data_dir), t) for t in schema.TABLES}
    data = Data(tables)
    _check_references(data)
    _check_values_match_arah(data)
    _check_no_detail_and_summary(data)
    return data


def _read_table(data_dir: Path, table: schema.Table) -> pd.DataFrame:
    path = data_dir / table.file
    if not path.is_file():
        raise DataError(table.file, f"file tidak ditemukan (dicari di {path})")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skipinitialspace=True)
    except pd.errors.EmptyDataError:
        raise DataError(
            table.file, "file kosong; baris pertama harus berisi nama kolom: " + ", ".join(table.column_names)
        ) from None
    except UnicodeDecodeError:
        raise DataError(table.file, "file tidak tersimpan sebagai UTF-8; simpan ulang sebagai 'CSV UTF-8'") from None
    except pd.errors.ParserError as error:
        raise DataError(table.file, f"bentuk CSV tidak terbaca ({error})") from None

    frame.columns = [str(c).strip() for c in frame.columns]
    for name in table.column_names:
        if name not in frame.columns:
            raise DataError(table.file, "kolom wajib tidak ada", row=1, column=name)
    for name in frame.columns:
        if name not in table.column_names:
            raise DataError(
                table.file,
                f"kolom tidak dikenal; kolom yang diharapkan: {', '.join(table.column_names)}",
                row=1,
                column=name,
            )
    if frame.empty:
        raise DataError(table.file, "file hanya berisi baris judul kolom, tanpa data")

    frame = frame.map(str.strip)
    frame[ROW] = range(2, len(frame) + 2)
    for column in table.columns:
        values = [
            _parse(value, column, table.file, row) for value, row in zip(frame[column.name], frame[ROW], strict=True)
        ]
        frame[column.name] = pd.Series(values, index=frame.index, dtype=object)  # Python int/Decimal: exact
    _check_unique(frame, table)
    return frame


def _parse(value: str, column: schema.Column, file: str, row: int):
    kind = column.kind

    def fail(message: str):
        raise DataError(file, f"nilai '{value}' {message}", row=row, column=column.name)

    if value == "" and kind.startswith("optional"):
        return None
    if value == "":
        raise DataError(file, "sel kosong; kolom ini wajib diisi", row=row, column=column.name)
    if kind in (schema.TEXT, schema.OPTIONAL_TEXT):
        return value
    if kind == schema.CODE:
        return (
            value
            if _CODE.match(value)
            else fail("bukan kode yang sah (huruf, angka, titik atau tanda hubung, tanpa spasi)")
        )
    if kind == schema.YEAR:
        return int(value) if _YEAR.match(value) else fail("bukan tahun empat angka")
    if kind == schema.RUPIAH:
        return int(value) if _WHOLE.match(value) else fail(f"bukan jumlah Rupiah bulat yang sah ({_HINT_NUMBER})")
    if kind in (schema.DECIMAL, schema.OPTIONAL_DECIMAL):
        return Decimal(value) if _DECIMAL.match(value) else fail(f"bukan angka yang sah ({_HINT_NUMBER})")
    if kind in (schema.LEVEL_OR_NUMBER, schema.OPTIONAL_LEVEL_OR_NUMBER):
        if _DECIMAL.match(value):
            return Decimal(value)
        if any(ch.isdigit() for ch in value):
            fail(f"bukan angka yang sah ({_HINT_NUMBER}) dan bukan tingkat kualitatif (mis. Baik)")
        return value
    if kind == schema.CHOICE:
        return (
            value if value in column.choices else fail(f"tidak dikenal; pilih salah satu: {', '.join(column.choices)}")
        )
    raise AssertionError(f"unknown column kind {kind}")


def _check_unique(frame: pd.DataFrame, table: schema.Table) -> None:
    duplicated = frame[frame.duplicated(list(table.key), keep="first")]
    if not duplicated.empty:
        first = duplicated.iloc[0]
        value = " + ".join(str(first[k]) for k in table.key)
        raise DataError(
            table.file,
            f"'{value}' sudah ada di baris sebelumnya; setiap baris harus unik",
            row=int(first[ROW]),
            column=table.key[-1],
        )


def _check_references(data: Data) -> None:
    for table in schema.TABLES:
        frame = data[table.file.removesuffix(".csv")]
        for column in table.columns:
            if not column.refers_to:
                continue
            target_file, target_column = column.refers_to.split(":")
            known = set(data[target_file.removesuffix(".csv")][target_column])
            for value, row in zip(frame[column.name], frame[ROW], strict=True):
                if value not in known:
                    raise DataError(
                        table.file,
                        f"kode '{value}' tidak ada di data/{target_file} (kolom {target_column})",
                        row=row,
                        column=column.name,
                    )


def _check_values_match_arah(data: Data) -> None:
    """A quantitative indikator needs numbers; a qualitative one needs a level such as 'Baik'."""
    arah = dict(zip(data["indikator"]["kode_indikator"], data["indikator"]["arah"], strict=True))
    for name, column in (("target_kinerja", "target"), ("realisasi_kinerja", "realisasi")):
        frame = data[name]
        for code, value, row in zip(frame["kode_indikator"], frame[column], frame[ROW], strict=True):
            if value is None:
                continue
            if arah[code] == "kualitatif" and isinstance(value, Decimal):
                raise DataError(
                    f"{name}.csv",
                    f"indikator {code} kualitatif: isi tingkat (mis. Baik), bukan angka {value}",
                    row=row,
                    column=column,
                )
            if arah[code] != "kualitatif" and not isinstance(value, Decimal):
                raise DataError(
                    f"{name}.csv",
                    f"indikator {code} berarah '{arah[code]}': isi angka, bukan '{value}'",
                    row=row,
                    column=column,
                )
    frame = data["realisasi_kinerja"]
    for realisasi, published, row in zip(frame["realisasi"], frame["capaian_publikasi"], frame[ROW], strict=True):
        if realisasi is not None and published is not None:
            raise DataError(
                "realisasi_kinerja.csv",
                "isi realisasi ATAU capaian_publikasi, bukan keduanya: capaian dihitung dari realisasi",
                row=row,
                column="capaian_publikasi",
            )
        if realisasi is None and published is None:
            raise DataError(
                "realisasi_kinerja.csv",
                "realisasi kosong; isi realisasi (atau capaian_publikasi bila sumber hanya memuat capaian)",
                row=row,
                column="realisasi",
            )


def _check_no_detail_and_summary(data: Data) -> None:
    """A year with kegiatan rows has computed totals; a summary row for it would be a typed total."""
    detailed = set(data["realisasi_anggaran"]["tahun"])
    frame = data["ringkasan_anggaran"]
    for year, row in zip(frame["tahun"], frame[ROW], strict=True):
        if year in detailed:
            raise DataError(
                "ringkasan_anggaran.csv",
                f"tahun {year} sudah dirinci per kegiatan di realisasi_anggaran.csv; "
                "totalnya dihitung, hapus baris ini",
                row=row,
                column="tahun",
            )
