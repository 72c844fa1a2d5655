"""What each CSV file under `data/` must contain.

One place for the shape of the data: every file, its columns, the kind of value each
column holds and which codes it must refer to. `load.py` enforces it; `data/README.md`
documents it for the people who edit the files.
"""

from dataclasses import dataclass

# Kinds of cell value.
TEXT = "text"  # free text, must not be empty
OPTIONAL_TEXT = "optional_text"  # free text, may be empty
CODE = "code"  # identifier such as P01 or IKU04, no spaces
YEAR = "year"  # four-digit year
RUPIAH = "rupiah"  # whole Rupiah, >= 0, digits only
DECIMAL = "decimal"  # number with "." as decimal point, >= 0
OPTIONAL_DECIMAL = "optional_decimal"  # as DECIMAL, may be empty
LEVEL_OR_NUMBER = "level_or_number"  # a number, or a qualitative level (Baik, B, ...)
OPTIONAL_LEVEL_OR_NUMBER = "optional_level_or_number"
CHOICE = "choice"  # one of a fixed set of words

ARAH = ("naik", "turun", "kualitatif")
DOKUMEN = ("RK", "PK")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    choices: tuple[str, ...] = ()
    refers_to: str | None = None  # "file.csv:column" whose values this column must use


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # columns whose combination must be unique

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


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
            Column("fisik", DECIMAL),
        ),
        key=("tahun", "kode_kegiatan"),
    ),
    Table(
        "ringkasan_anggaran.csv",
        (Column("tahun", YEAR), Column("pagu", RUPIAH), Column("realisasi", RUPIAH), Column("fisik", DECIMAL)),
        key=("tahun",),
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

TABLES_BY_FILE = {t.file: t for t in TABLES}
