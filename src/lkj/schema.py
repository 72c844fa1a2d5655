"""What each CSV file under `data/` must contain.

One place for the shape of the data: every file, its columns, the kind of value each
column holds, which codes it refers to, and the typed row it becomes (`rows.py`). From it
`checks.py` makes two pandera schemas per file. `data/README.md` documents the same rules
for the people who edit the files. No pandas here: the website's tables and the data cache
(`load.py`) use these declarations without importing it.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from . import rows
from .csvfile import Dialect
from .settings import PERIODE

# Kinds of cell value.
TEXT = "text"  # free text, must not be empty
OPTIONAL_TEXT = "optional_text"  # free text, may be empty
CODE = "code"  # identifier such as P01 or IKU04, no spaces
OPTIONAL_CODE = "optional_code"  # a code that may be empty, or its column left out
YEAR = "year"  # four-digit year
PERIOD = "period"  # Tahun, Semester I, Triwulan II, …; empty or absent: Tahun
RUPIAH = "rupiah"  # whole Rupiah, >= 0, written as offices write it (Rp 2.392.837.500)
OPTIONAL_PERCENT = "optional_percent"  # a percentage from 0 to 200 (fisik); empty or absent: not reported
OPTIONAL_DECIMAL = "optional_decimal"  # a number >= 0, may be empty
TARGET = "target"  # a number (may be negative) or a qualitative level; empty: no target
REALISASI = "realisasi"  # a number, a level, or "belum tersedia"; may be empty
CHOICE = "choice"  # one of a fixed set of words
OPTIONAL_CHOICE = "optional_choice"

OPTIONAL = (
    OPTIONAL_TEXT,
    OPTIONAL_CODE,
    PERIOD,
    OPTIONAL_PERCENT,
    OPTIONAL_DECIMAL,
    TARGET,
    REALISASI,
    OPTIONAL_CHOICE,
)
MAY_BE_ABSENT = (OPTIONAL_CODE, PERIOD, OPTIONAL_PERCENT, OPTIONAL_CHOICE)  # a file may leave these columns out
NUMBERS = (RUPIAH, OPTIONAL_PERCENT, OPTIONAL_DECIMAL, TARGET, REALISASI)

ARAH = ("naik", "turun", "kualitatif")
DOKUMEN = ("RK", "PK", "Renstra")  # Renstra: the target at the end of the Renstra period
PERAN = ("utama", "pendukung")
JENIS_UNIT = ("kepala", "sekretariat", "subbagian", "bidang", "seksi", "uptd", "fungsional")
JENIS_BELANJA = (
    "Belanja Tidak Langsung",
    "Belanja Langsung",
    "Belanja Operasi",
    "Belanja Modal",
    "Belanja Tidak Terduga",
    "Belanja Transfer",
)
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
        return self.kind in OPTIONAL

    @property
    def may_be_absent(self) -> bool:
        return self.kind in MAY_BE_ABSENT

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
    row: type  # the typed row of one line (rows.py)
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # columns whose combination must be unique
    may_be_empty: bool = False  # a header without rows is allowed
    required: bool = True  # False: the file may be left out altogether

    @property
    def name(self) -> str:
        return self.file.removesuffix(".csv")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _budget(code: Column) -> tuple[Column, ...]:
    return (
        Column("tahun", YEAR),
        Column("periode", PERIOD, PERIODE),
        code,
        Column("pagu", RUPIAH),
        Column("realisasi", RUPIAH),
        Column("fisik", OPTIONAL_PERCENT),
    )


# In dependency order: a file comes after the files its codes refer to.
TABLES: tuple[Table, ...] = (
    Table(
        "sasaran.csv",
        rows.Sasaran,
        (Column("kode_sasaran", CODE), Column("uraian", TEXT), Column("tujuan", OPTIONAL_TEXT)),
        key=("kode_sasaran",),
    ),
    Table(
        "program.csv",
        rows.Program,
        (
            Column("kode_program", CODE),
            Column("nama_program", TEXT),
            Column("kinerja_program", OPTIONAL_TEXT),
            Column("kode_sasaran", OPTIONAL_CODE, refers_to="sasaran.csv:kode_sasaran"),  # the sasaran it serves
        ),
        key=("kode_program",),
    ),
    Table(
        "kegiatan.csv",
        rows.Kegiatan,
        (
            Column("kode_kegiatan", CODE),
            Column("kode_program", CODE, refers_to="program.csv:kode_program"),
            Column("nama_kegiatan", TEXT),
        ),
        key=("kode_kegiatan",),
        may_be_empty=True,
    ),
    Table(
        "realisasi_anggaran.csv",
        rows.RealisasiAnggaran,
        _budget(Column("kode_kegiatan", CODE, refers_to="kegiatan.csv:kode_kegiatan")),
        key=("tahun", "periode", "kode_kegiatan"),
        may_be_empty=True,
    ),
    Table(
        "realisasi_program.csv",
        rows.RealisasiProgram,
        _budget(Column("kode_program", CODE, refers_to="program.csv:kode_program")),
        key=("tahun", "periode", "kode_program"),
        may_be_empty=True,
        required=False,
    ),
    Table(
        "ringkasan_anggaran.csv",
        rows.RingkasanAnggaran,
        (
            Column("tahun", YEAR),
            Column("periode", PERIOD, PERIODE),
            Column("pagu", RUPIAH),
            Column("realisasi", RUPIAH),
            Column("fisik", OPTIONAL_PERCENT),
        ),
        key=("tahun", "periode"),
        may_be_empty=True,
        required=False,
    ),
    Table(
        "belanja.csv",
        rows.Belanja,
        (
            Column("tahun", YEAR),
            Column("periode", PERIOD, PERIODE),
            Column("jenis_belanja", CHOICE, JENIS_BELANJA),
            Column("pagu", RUPIAH),
            Column("realisasi", RUPIAH),
        ),
        key=("tahun", "periode", "jenis_belanja"),
        may_be_empty=True,
        required=False,
    ),
    Table(
        "anggaran_pk.csv",
        rows.AnggaranPK,
        (
            Column("tahun", YEAR),
            Column("kode_program", CODE, refers_to="program.csv:kode_program"),
            Column("pagu", RUPIAH),
            Column("sumber_dana", TEXT),
        ),
        key=("tahun", "kode_program"),
    ),
    Table(
        "misi.csv",
        rows.Misi,
        (Column("kode_misi", CODE), Column("uraian", TEXT), Column("peran", OPTIONAL_CHOICE, PERAN)),
        key=("kode_misi",),
    ),
    Table(
        "organisasi.csv",
        rows.Unit,
        (
            Column("kode_unit", CODE),
            Column("induk", OPTIONAL_TEXT),  # a kode_unit of this file (consistency.py checks it)
            Column("jenis", CHOICE, JENIS_UNIT),
            Column("nama", TEXT),
        ),
        key=("kode_unit",),
        required=False,
    ),
    Table(
        "renstra.csv",
        rows.Renstra,
        (Column("no", CODE), Column("tujuan", TEXT), Column("sasaran", TEXT), Column("strategi", TEXT)),
        key=("no",),
    ),
    Table(
        "arah_kebijakan.csv",
        rows.ArahKebijakan,
        (
            Column("no_renstra", CODE, refers_to="renstra.csv:no"),
            Column("urutan", CODE),
            Column("uraian", TEXT),
        ),
        key=("no_renstra", "urutan"),
    ),
    Table(
        "indikator.csv",
        rows.Indikator,
        (
            Column("kode_indikator", CODE),
            Column("kode_sasaran", CODE, refers_to="sasaran.csv:kode_sasaran"),
            Column("uraian", TEXT),
            Column("satuan", TEXT),  # as offices write it; the known ones are in satuan.py
            Column("arah", CHOICE, ARAH),
        ),
        key=("kode_indikator",),
    ),
    Table(
        "target_kinerja.csv",
        rows.Target,
        (
            Column("dokumen", CHOICE, DOKUMEN),
            Column("tahun", YEAR),
            Column("periode", PERIOD, PERIODE),
            Column("kode_indikator", CODE, refers_to="indikator.csv:kode_indikator"),
            Column("target", TARGET),
        ),
        key=("dokumen", "tahun", "periode", "kode_indikator"),
    ),
    Table(
        "realisasi_kinerja.csv",
        rows.Realisasi,
        (
            Column("tahun", YEAR),
            Column("periode", PERIOD, PERIODE),
            Column("kode_indikator", CODE, refers_to="indikator.csv:kode_indikator"),
            Column("realisasi", REALISASI),
            Column("capaian_publikasi", OPTIONAL_DECIMAL),
        ),
        key=("tahun", "periode", "kode_indikator"),
    ),
)

# What each kind of value is, in the words of the people who fill the files (datapackage.json,
# the data workbook's "Petunjuk").
KIND_DESCRIPTIONS = {
    TEXT: "teks",
    OPTIONAL_TEXT: "teks, boleh kosong",
    CODE: "kode",
    OPTIONAL_CODE: "kode, boleh kosong",
    YEAR: "tahun",
    PERIOD: "periode (Tahun, Semester I, Triwulan II, …); kosong berarti Tahun",
    RUPIAH: "Rupiah, bilangan bulat",
    OPTIONAL_PERCENT: "persen (0–200), kosong bila tidak dilaporkan",
    OPTIONAL_DECIMAL: "angka, boleh kosong",
    TARGET: "angka dalam satuan indikatornya, atau tingkat kualitatif (mis. Baik); kosong: tanpa target",
    REALISASI: "angka dalam satuan indikatornya, tingkat kualitatif, atau 'belum tersedia'",
    CHOICE: "salah satu dari",
    OPTIONAL_CHOICE: "kosong atau salah satu dari",
}


def describe(column: Column) -> str:
    """`kode, boleh kosong; merujuk ke sasaran.csv kolom kode_sasaran`: what a column holds."""
    description = KIND_DESCRIPTIONS[column.kind]
    if column.choices:
        description += ": " + ", ".join(column.choices)
    if column.refers_to:
        description += f"; merujuk ke {column.refers_to.replace(':', ' kolom ')}"
    return description


# What each file holds, for the readers of the open data (the "Data Terbuka" page).
DESCRIPTIONS = {
    "program.csv": "Program Renstra dan kinerja yang ingin dicapai",
    "kegiatan.csv": "Kegiatan dan program induknya",
    "realisasi_anggaran.csv": "Pagu, realisasi keuangan dan fisik per kegiatan per periode",
    "realisasi_program.csv": "Pagu, realisasi keuangan dan fisik per program (tanpa rincian kegiatan)",
    "ringkasan_anggaran.csv": "Jumlah anggaran periode yang tidak dirinci per program (pembanding)",
    "belanja.csv": "Pagu dan realisasi per jenis belanja",
    "anggaran_pk.csv": "Anggaran per program dalam Perjanjian Kinerja",
    "misi.csv": "Misi RPJMD dan peran instansi dalam tiap misi",
    "organisasi.csv": "Susunan organisasi: unit, jenisnya dan unit induknya",
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
    number: str  # regex of a number (a sign, decimals and a trailing % allowed)
    example: str
    ambiguous: str | None = None  # regex of a number that may be read two ways in this format


PLAIN = NumberFormat(  # comma-separated file: 75.42
    r"^-?[0-9]+(\.[0-9]+)?%?$",
    "75.42",
    ambiguous=r"^-?[1-9][0-9]{0,2}(\.[0-9]{3})+%?$",  # 1.234: one point two three four, or 1234?
)
EXCEL_ID = NumberFormat(r"^-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?%?$", "75,42")  # Excel, Indonesian: 75,42
# Rupiah as offices write them: 2392837500, 2.392.837.500, "2,392,837,500", Rp 2.392.837.500,00
_RUPIAH = re.compile(r"^(?:rp\.?\s*)?([0-9]{1,3}(?:([.,])[0-9]{3})(?:\2[0-9]{3})*|[0-9]+)(?:([.,])([0-9]+))?$", re.I)


def number_format(dialect: Dialect) -> NumberFormat:
    return EXCEL_ID if dialect.decimal_comma else PLAIN


def parse_number(text: str, dialect: Dialect) -> Decimal:
    """A number as written in a file of this dialect (already checked by the text schema)."""
    text = text.removesuffix("%")
    if dialect.decimal_comma:
        text = text.replace(".", "").replace(",", ".")
    return Decimal(text)


def parse_rupiah(text: str) -> int | None:
    """Whole Rupiah as written (`Rp 2.392.837.500,00`), or None if it is not a whole amount."""
    found = _RUPIAH.match(text.strip())
    if not found or _has_sen(found):
        return None
    return int(found.group(1).replace(".", "").replace(",", ""))


def _has_sen(found: re.Match) -> bool:
    """1.500,50 or 1755000.50: an amount with sen (or a separator used twice over)."""
    _, grouping, separator, fraction = found.groups()
    return bool(separator) and (separator == grouping or set(fraction) != {"0"})


def rupiah_with_sen(text: str) -> bool:
    found = _RUPIAH.match(text.strip())
    return found is not None and _has_sen(found)


def is_number(text: str) -> bool:
    return re.search("[0-9]", text) is not None
