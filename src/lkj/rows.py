"""One typed row per line of a data file; `baris` is its line in the file (header = 1).

Field names are the files' column names, so that a message, a table and a file say the
same thing. Money is int Rupiah; measures are Decimal; a qualitative result is its level
(str); an empty optional cell is None.
"""

from dataclasses import dataclass
from decimal import Decimal

BELUM_TERSEDIA = "belum tersedia"  # a realisasi not known yet: measured neither as met nor as failed

Measure = Decimal | str | None  # a number, a level on a qualitative scale, or nothing


@dataclass(frozen=True)
class Program:
    kode_program: str
    nama_program: str
    kinerja_program: str | None
    kode_sasaran: str | None  # the sasaran the program serves; None: a supporting program
    baris: int


@dataclass(frozen=True)
class Kegiatan:
    kode_kegiatan: str
    kode_program: str
    nama_kegiatan: str
    baris: int


@dataclass(frozen=True)
class RealisasiAnggaran:
    """Pagu and realisasi of one kegiatan in one period."""

    tahun: int
    periode: str
    kode_kegiatan: str
    pagu: int
    realisasi: int
    fisik: Decimal | None
    baris: int


@dataclass(frozen=True)
class RealisasiProgram:
    """Pagu and realisasi of one program in one period, for offices that report no kegiatan."""

    tahun: int
    periode: str
    kode_program: str
    pagu: int
    realisasi: int
    fisik: Decimal | None
    baris: int


@dataclass(frozen=True)
class RingkasanAnggaran:
    """The office's totals of a period known only as published (no program detail)."""

    tahun: int
    periode: str
    pagu: int
    realisasi: int
    fisik: Decimal | None
    baris: int


@dataclass(frozen=True)
class Belanja:
    """Pagu and realisasi of one jenis belanja (Belanja Tidak Langsung, Belanja Langsung, …)."""

    tahun: int
    periode: str
    jenis_belanja: str
    pagu: int
    realisasi: int
    baris: int


@dataclass(frozen=True)
class AnggaranPK:
    tahun: int
    kode_program: str
    pagu: int
    sumber_dana: str
    baris: int


@dataclass(frozen=True)
class Unit:
    """A unit of the organisation (data/organisasi.csv), under its parent (`induk`)."""

    kode_unit: str
    induk: str | None  # empty: the head of the office, at the top
    jenis: str  # kepala, sekretariat, subbagian, bidang, seksi, uptd, fungsional
    nama: str
    baris: int


@dataclass(frozen=True)
class Misi:
    kode_misi: str
    uraian: str
    peran: str | None  # "utama" or "pendukung": the misi the office works for
    baris: int


@dataclass(frozen=True)
class Renstra:
    no: str
    tujuan: str
    sasaran: str
    strategi: str
    baris: int


@dataclass(frozen=True)
class ArahKebijakan:
    no_renstra: str
    urutan: str
    uraian: str
    baris: int


@dataclass(frozen=True)
class Sasaran:
    kode_sasaran: str
    uraian: str
    tujuan: str | None
    baris: int


@dataclass(frozen=True)
class Indikator:
    kode_indikator: str
    kode_sasaran: str
    uraian: str
    satuan: str
    arah: str  # naik, turun or kualitatif
    baris: int


@dataclass(frozen=True)
class Target:
    dokumen: str  # RK (Rencana Kinerja), PK (Perjanjian Kinerja) or Renstra (end of its period)
    tahun: int
    periode: str
    kode_indikator: str
    target: Measure  # None: no target was set
    baris: int


@dataclass(frozen=True)
class Realisasi:
    tahun: int
    periode: str
    kode_indikator: str
    realisasi: Measure  # BELUM_TERSEDIA: not known yet
    capaian_publikasi: Decimal | None  # only where the source gives a capaian and no realisasi
    baris: int
