"""What each CSV file under `data/` must contain, checked with pandera.

One place for the shape of the data: every file, its columns, the kind of value each
column holds and which codes it refers to. From it come two pandera schemas per file:
one on the text as read (columns, empty cells, number formats, allowed words, unique
keys) and one on the typed values (ranges, codes that must exist in another file).
`data/README.md` documents the same rules for the people who edit the files.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
import pandera.pandas as pa

from .csvfile import Dialect

# Kinds of cell value.
TEXT = "text"  # free text, must not be empty
OPTIONAL_TEXT = "optional_text"  # free text, may be empty
CODE = "code"  # identifier such as P01 or IKU04, no spaces
YEAR = "year"  # four-digit year
RUPIAH = "rupiah"  # whole Rupiah, >= 0
PERCENT = "percent"  # a percentage from 0 to 200 (fisik)
OPTIONAL_DECIMAL = "optional_decimal"  # a number >= 0, may be empty
LEVEL_OR_NUMBER = "level_or_number"  # a number, or a qualitative level (Baik, B, ...)
OPTIONAL_LEVEL_OR_NUMBER = "optional_level_or_number"
CHOICE = "choice"  # one of a fixed set of words

ARAH = ("naik", "turun", "kualitatif")
DOKUMEN = ("RK", "PK")
FISIK_MAX = 200
MAX_DIGITS = 15  # Rp 999 triliun; no amount or measure of an office comes near it


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    choices: tuple[str, ...] = ()
    refers_to: str | None = None  # "file.csv:column" whose values this column must use

    @property
    def optional(self) -> bool:
        return self.kind.startswith("optional")

    @property
    def target_table(self) -> str:
        """Name (without .csv) of the table this column's codes refer to."""
        return self.refers_to.split(":")[0].removesuffix(".csv")

    @property
    def target_column(self) -> str:
        return self.refers_to.split(":")[1]


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # columns whose combination must be unique
    may_be_empty: bool = False  # a header without rows is allowed

    @property
    def name(self) -> str:
        return self.file.removesuffix(".csv")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


# In dependency order: a file comes after the files its codes refer to.
TABLES: tuple[Table, ...] = (
    Table(
        "program.csv",
        (Column("kode_program", CODE), Column("nama_program", TEXT), Column("kinerja_program", TEXT)),
        key=("kode_program",),
    ),
    Table(
        "kegiatan.csv",
        (
            Column("kode_kegiatan", CODE),
            Column("kode_program", CODE, refers_to="program.csv:kode_program"),
            Column("nama_kegiatan", TEXT),
        ),
        key=("kode_kegiatan",),
    ),
    Table(
        "realisasi_anggaran.csv",
        (
            Column("tahun", YEAR),
            Column("kode_kegiatan", CODE, refers_to="kegiatan.csv:kode_kegiatan"),
            Column("pagu", RUPIAH),
            Column("realisasi", RUPIAH),
            Column("fisik", PERCENT),
        ),
        key=("tahun", "kode_kegiatan"),
    ),
    Table(
        "ringkasan_anggaran.csv",
        (Column("tahun", YEAR), Column("pagu", RUPIAH), Column("realisasi", RUPIAH), Column("fisik", PERCENT)),
        key=("tahun",),
        may_be_empty=True,
    ),
    Table(
        "anggaran_pk.csv",
        (
            Column("tahun", YEAR),
            Column("kode_program", CODE, refers_to="program.csv:kode_program"),
            Column("pagu", RUPIAH),
            Column("sumber_dana", TEXT),
        ),
        key=("tahun", "kode_program"),
    ),
    Table("misi.csv", (Column("kode_misi", CODE), Column("uraian", TEXT)), key=("kode_misi",)),
    Table(
        "renstra.csv",
        (Column("no", CODE), Column("tujuan", TEXT), Column("sasaran", TEXT), Column("strategi", TEXT)),
        key=("no",),
    ),
    Table(
        "arah_kebijakan.csv",
        (
            Column("no_renstra", CODE, refers_to="renstra.csv:no"),
            Column("urutan", CODE),
            Column("uraian", TEXT),
        ),
        key=("no_renstra", "urutan"),
    ),
    Table(
        "sasaran.csv",
        (Column("kode_sasaran", CODE), Column("uraian", TEXT), Column("tujuan", OPTIONAL_TEXT)),
        key=("kode_sasaran",),
    ),
    Table(
        "indikator.csv",
        (
            Column("kode_indikator", CODE),
            Column("kode_sasaran", CODE, refers_to="sasaran.csv:kode_sasaran"),
            Column("uraian", TEXT),
            Column("satuan", TEXT),
            Column("arah", CHOICE, choices=ARAH),
        ),
        key=("kode_indikator",),
    ),
    Table(
        "target_kinerja.csv",
        (
            Column("dokumen", CHOICE, choices=DOKUMEN),
            Column("tahun", YEAR),
            Column("kode_indikator", CODE, refers_to="indikator.csv:kode_indikator"),
            Column("target", LEVEL_OR_NUMBER),
        ),
        key=("dokumen", "tahun", "kode_indikator"),
    ),
    Table(
        "realisasi_kinerja.csv",
        (
            Column("tahun", YEAR),
            Column("kode_indikator", CODE, refers_to="indikator.csv:kode_indikator"),
            Column("realisasi", OPTIONAL_LEVEL_OR_NUMBER),
            Column("capaian_publikasi", OPTIONAL_DECIMAL),
        ),
        key=("tahun", "kode_indikator"),
    ),
)

# What each file holds, for the readers of the open data (the "Data Terbuka" page).
DESCRIPTIONS = {
    "program.csv": "Program Renstra dan kinerja yang ingin dicapai",
    "kegiatan.csv": "Kegiatan dan program induknya",
    "realisasi_anggaran.csv": "Pagu, realisasi keuangan dan fisik per kegiatan per tahun",
    "ringkasan_anggaran.csv": "Jumlah anggaran tahun yang tidak dirinci per kegiatan (pembanding)",
    "anggaran_pk.csv": "Anggaran per program dalam Perjanjian Kinerja",
    "misi.csv": "Misi RPJMD Kabupaten",
    "renstra.csv": "Tujuan, sasaran dan strategi Renstra",
    "arah_kebijakan.csv": "Arah kebijakan Renstra",
    "sasaran.csv": "Sasaran strategis dan tujuannya",
    "indikator.csv": "Indikator kinerja utama: sasaran, satuan, arah",
    "target_kinerja.csv": "Target indikator dalam Rencana dan Perjanjian Kinerja",
    "realisasi_kinerja.csv": "Realisasi indikator kinerja",
}


# --- numbers as written -----------------------------------------------------------------


@dataclass(frozen=True)
class NumberFormat:
    whole: str  # regex of a whole number
    decimal: str  # regex of a number with optional decimals
    fraction: str  # regex that finds a non-zero fraction
    example_whole: str
    example_decimal: str
    no_grouping: str = ""  # said of whole numbers in this format
    ambiguous: str | None = None  # regex of a number that may be read two ways in this format


PLAIN = NumberFormat(  # comma-separated file: 2392837500 and 75.42
    r"^[0-9]+$",
    r"^[0-9]+(\.[0-9]+)?$",
    r"^[0-9]+\.[0-9]*[1-9][0-9]*$",
    "2392837500",
    "75.42",
    ", tanpa titik ribuan",
    ambiguous=r"^[1-9][0-9]{0,2}(\.[0-9]{3})+$",  # 1.234: one point two three four, or 1234 with a thousands dot?
)
EXCEL_ID = NumberFormat(  # Excel, Indonesian locale: 2.392.837.500 and 75,42
    r"^([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,0+)?$",
    r"^([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$",
    r",[0-9]*[1-9]",
    "2.392.837.500",
    "75,42",
)


def number_format(dialect: Dialect) -> NumberFormat:
    return EXCEL_ID if dialect.decimal_comma else PLAIN


def parse_number(text: str, dialect: Dialect) -> Decimal:
    """A number as written in a file of this dialect (already checked by the text schema)."""
    if dialect.decimal_comma:
        text = text.replace(".", "").replace(",", ".")
    return Decimal(text)


# --- pandera schemas ---------------------------------------------------------------------


def text_schema(table: Table, dialect: Dialect) -> pa.DataFrameSchema:
    """Checks on the cells as text: presence, formats, allowed words, unique keys."""
    fmt = number_format(dialect)
    columns = {c.name: pa.Column(str, nullable=c.optional, checks=_text_checks(c, fmt)) for c in table.columns}
    return pa.DataFrameSchema(columns, unique=list(table.key), report_duplicates="exclude_first")


def _text_checks(column: Column, fmt: NumberFormat) -> list[pa.Check]:
    kind = column.kind
    if kind == CODE:
        return [
            pa.Check.str_matches(
                r"^[A-Za-z0-9][A-Za-z0-9._-]*$", error="harus kode tanpa spasi (huruf, angka, titik, -)"
            )
        ]
    if kind == YEAR:
        return [pa.Check.str_matches(r"^(19|20)[0-9][0-9]$", error="harus tahun empat angka, mis. 2019")]
    if kind == CHOICE:
        return [pa.Check.isin(column.choices, error=f"harus salah satu dari: {', '.join(column.choices)}")]
    negative = pa.Check(lambda s: ~s.str.startswith("-"), error="tidak boleh negatif")
    size = pa.Check(
        lambda s: s.str.count(r"[0-9]") <= MAX_DIGITS,
        error=f"angka terlalu panjang (lebih dari {MAX_DIGITS} digit); periksa jumlah digitnya",
    )
    numbers = [negative, size]
    if fmt.ambiguous and kind != RUPIAH:  # whole Rupiah have no decimals to confuse
        numbers.append(
            pa.Check(
                lambda s: ~s.str.match(fmt.ambiguous),
                error=(
                    "ambigu: titik di sini bisa berarti pemisah ribuan atau desimal; di berkas berpemisah koma "
                    "tulis ribuan tanpa titik (1234), desimal dengan titik dan angka nol di belakang (1.2340)"
                ),
            )
        )
    if kind == RUPIAH:
        return [
            *numbers,
            pa.Check(lambda s: ~s.str.contains(fmt.fraction), error="Rupiah harus bulat, tanpa sen"),
            pa.Check.str_matches(
                fmt.whole,
                error=f"harus jumlah Rupiah bulat, ditulis seperti {fmt.example_whole} (tanpa 'Rp'{fmt.no_grouping})",
            ),
        ]
    if kind in (PERCENT, OPTIONAL_DECIMAL):
        return [
            *numbers,
            pa.Check.str_matches(fmt.decimal, error=f"harus angka, ditulis seperti {fmt.example_decimal}"),
        ]
    if kind in (LEVEL_OR_NUMBER, OPTIONAL_LEVEL_OR_NUMBER):
        number_or_word = pa.Check(
            lambda s: ~s.str.contains(r"[0-9]") | s.str.match(fmt.decimal),
            error=f"harus angka (seperti {fmt.example_decimal}) atau tingkat kualitatif (seperti Baik)",
        )
        return [*numbers, number_or_word]
    return []


def to_typed(frame: pd.DataFrame, table: Table, dialect: Dialect) -> pd.DataFrame:
    """Text to values: Rupiah as int, measures as Decimal, levels and text as str, empty as None.

    Columns stay of object dtype so that Python's exact int and Decimal are kept.
    """
    typed = frame.copy()
    for column in table.columns:
        typed[column.name] = pd.Series(
            [_value(cell, column, dialect) for cell in frame[column.name]], index=frame.index, dtype=object
        )
    return typed


def _value(cell, column: Column, dialect: Dialect):
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or cell == "":
        return None
    if column.kind == YEAR:
        return int(cell)
    if column.kind == RUPIAH:
        return int(parse_number(cell, dialect))
    if column.kind in (PERCENT, OPTIONAL_DECIMAL):
        return parse_number(cell, dialect)
    if column.kind in (LEVEL_OR_NUMBER, OPTIONAL_LEVEL_OR_NUMBER):
        return parse_number(cell, dialect) if re.search("[0-9]", cell) else cell
    return cell


def typed_schema(table: Table, known: dict[str, set]) -> pa.DataFrameSchema:
    """Checks on the values: ranges, and codes that must exist in the file they refer to.

    `known` maps "file.csv:column" to the codes of that column (files that loaded).
    """
    columns = {}
    for column in table.columns:
        checks = []
        if column.kind == PERCENT:
            checks.append(pa.Check.in_range(0, FISIK_MAX, error=f"harus persen antara 0 dan {FISIK_MAX}"))
        if column.refers_to in known:
            checks.append(
                pa.Check.isin(
                    known[column.refers_to],
                    error=f"kode tidak ada di data/{column.target_table}.csv (kolom {column.target_column})",
                )
            )
        if checks:
            columns[column.name] = pa.Column(nullable=column.optional, checks=checks)
    return pa.DataFrameSchema(columns)
