"""The report's settings: `extra.lkj` in mkdocs.yml, declared here once, with types and defaults.

The office, its region and the report's year are typed once; everything that names them
(the site's name, the PDF's title, file name and cover, the keywords) is derived here. The
site, the PDF and the `lkj` command read the settings through `read_settings` alone.
"""

import re
import unicodedata
from dataclasses import MISSING, dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation

from .kategori import KategoriCapaian, Pita, ScaleError, check

PERIODE = ("Tahun", "Semester I", "Semester II", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")

# Ordered scales of qualitative results, lowest first: a target is met when the result
# stands at or above it on the same scale.
SKALA_BAWAAN = (
    ("Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik"),
    ("D", "C", "CC", "B", "BB", "A", "AA"),  # predikat SAKIP
    ("TMP", "TW", "WDP", "WTP"),  # opini BPK atas laporan keuangan
)


class SettingsError(ValueError):
    """A setting is missing or of the wrong kind; the message names it as `extra.lkj.<key>`."""


@dataclass(frozen=True)
class Penandatangan:
    jabatan: tuple[str, ...] = ()  # default: "Kepala <instansi>", "<daerah>"
    nip: str = ""
    nama: str = ""  # never invented: blank leaves a line to sign on
    tempat: str = ""
    tanggal: str = ""


@dataclass(frozen=True)
class PerjanjianKinerja:
    """The Perjanjian Kinerja's second party (the head of the region) and where and when it was
    signed. The name is never invented: blank leaves a line to sign on."""

    jabatan_pihak_kedua: str = ""  # default from the region: "Bupati …", "Wali Kota …", "Gubernur …"
    nama_pihak_kedua: str = ""
    tempat: str = ""
    tanggal: str = ""


@dataclass(frozen=True)
class Singkatan:
    """Short names for the PDF's file name: `lkj-disdik-kotacontoh-2025.pdf`."""

    instansi: str = ""
    daerah: str = ""


@dataclass(frozen=True)
class Settings:
    instansi: str  # "Dinas Pendidikan"
    daerah: str  # "Kabupaten …", "Kota Contoh", "Provinsi …"
    tahun: int  # the report's year, and the year of its plans (Rencana and Perjanjian Kinerja)
    visi: str
    tahun_kinerja: int = 0  # the year whose results it reports; default: the year before `tahun`
    periode: str = "Tahun"  # or "Semester I", "Triwulan II", …: the period reported
    judul: str = "LAPORAN KINERJA INSTANSI PEMERINTAH (LKj)"
    penandatangan: Penandatangan = field(default_factory=Penandatangan)
    singkatan: Singkatan = field(default_factory=Singkatan)
    perjanjian_kinerja: PerjanjianKinerja = field(default_factory=PerjanjianKinerja)
    kata_kunci: tuple[str, ...] = ()  # extra keywords of the PDF, after the derived ones
    logo: str = ""  # the regency's logo on the PDF cover: an image inside the project
    lisensi: str = "CC-BY-4.0"  # the open data's licence (SPDX identifier), in datapackage.json
    tingkat_kualitatif: tuple[tuple[str, ...], ...] = SKALA_BAWAAN
    kategori_capaian: KategoriCapaian = field(default_factory=KategoriCapaian)  # none: capaian not rated

    def __post_init__(self):
        if not self.tahun_kinerja:
            object.__setattr__(self, "tahun_kinerja", self.tahun - 1)
        if not self.perjanjian_kinerja.jabatan_pihak_kedua:
            head = kepala_daerah(self.daerah)
            object.__setattr__(self, "perjanjian_kinerja", replace(self.perjanjian_kinerja, jabatan_pihak_kedua=head))
        if not self.penandatangan.jabatan:
            jabatan = (f"Kepala {self.instansi}", self.daerah)
            object.__setattr__(self, "penandatangan", replace(self.penandatangan, jabatan=jabatan))

    # --- what is derived from the office, its region and the year ----------------------

    @property
    def nama_laporan(self) -> str:
        """`LKj Dinas Pendidikan Kota Contoh Tahun 2025`: the site's name."""
        return f"LKj {self.instansi} {self.daerah} Tahun {self.tahun}"

    @property
    def judul_dokumen(self) -> str:
        """The PDF's title: `LAPORAN KINERJA INSTANSI PEMERINTAH (LKj) Dinas … Tahun 2025`."""
        return f"{self.judul} {self.instansi} {self.daerah} Tahun {self.tahun}"

    @property
    def penyusun(self) -> str:
        """The author of the report: the office and its region."""
        return f"{self.instansi} {self.daerah}"

    @property
    def pemerintah(self) -> str:
        """`Pemerintah Kota Contoh`: the government above the office."""
        return f"Pemerintah {self.daerah}"

    @property
    def periode_kinerja(self) -> str:
        """`Tahun 2019`, `Semester I 2017`: the period whose results are reported."""
        return periode(self.periode, self.tahun_kinerja)

    @property
    def deskripsi(self) -> str:
        plan = f", rencana kinerja Tahun {self.tahun}" if self.tahun != self.tahun_kinerja else ""
        return (
            f"Laporan Kinerja Instansi Pemerintah (LKj) {self.penyusun} Tahun {self.tahun}: "
            f"capaian kinerja dan realisasi anggaran {self.periode_kinerja}{plan}."
        )

    @property
    def semua_kata_kunci(self) -> tuple[str, ...]:
        derived = ("LKj", "laporan kinerja", "akuntabilitas kinerja", self.instansi, self.daerah)
        years = tuple(dict.fromkeys((str(self.tahun_kinerja), str(self.tahun))))
        return tuple(dict.fromkeys((*derived, *self.kata_kunci, *years)))

    @property
    def variabel(self) -> dict:
        """The variables a chapter's prose may use: `{{ tahun }}`, `{{ periode_kinerja }}`, …"""
        return {
            "tahun": self.tahun,
            "tahun_kinerja": self.tahun_kinerja,
            "tahun_sebelumnya": self.tahun_kinerja - 1,
            "periode_kinerja": self.periode_kinerja,
            "instansi": self.instansi,
            "daerah": self.daerah,
            "penyusun": self.penyusun,
        }

    @property
    def tanda_tangan_kosong(self) -> str | None:
        """What the signature block still lacks ("nama, tanggal"), or None when it is complete."""
        signer = self.penandatangan
        missing = [name for name in ("nama", "tempat", "tanggal") if not getattr(signer, name).strip()]
        if not self.perjanjian_kinerja.nama_pihak_kedua.strip():
            missing.append("nama pihak kedua Perjanjian Kinerja")
        return ", ".join(missing) if missing else None

    @property
    def nama_berkas_pdf(self) -> str:
        """`lkj-dinas-pendidikan-kota-contoh-2025.pdf`, or from the short names where given."""
        parts = (self.singkatan.instansi or self.instansi, self.singkatan.daerah or self.daerah)
        return f"lkj-{'-'.join(slug(part) for part in parts)}-{self.tahun}.pdf"


HEADS = (("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota "), ("Provinsi ", "Gubernur "))


def kepala_daerah(daerah: str) -> str:
    """`Kabupaten Contoh` -> `Bupati Contoh` (Kota: Wali Kota; Provinsi: Gubernur)."""
    for region, head in HEADS:
        if daerah.startswith(region):
            return head + daerah.removeprefix(region)
    return f"Kepala Daerah {daerah}"


def periode(name: str, tahun: int) -> str:
    """`Tahun 2019`, `Semester I 2017`."""
    return f"{name} {tahun}"


def slug(text: str) -> str:
    """`Kota Contoh` -> `kota-contoh`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# --- reading ---------------------------------------------------------------------------------


def read_settings(extra) -> Settings:
    """`Settings` from the `extra` section of mkdocs.yml; a missing or wrong key is a SettingsError."""
    lkj = (extra or {}).get("lkj")
    if not isinstance(lkj, dict):
        raise SettingsError("mkdocs.yml: bagian 'extra.lkj' (pengaturan laporan) tidak ada")
    settings = Settings(**_read(Settings, lkj, "extra.lkj"))
    if settings.periode not in PERIODE:
        raise SettingsError(f"mkdocs.yml: extra.lkj.periode harus salah satu dari: {', '.join(PERIODE)}")
    return settings


def _read(kind, mapping: dict, where: str) -> dict:
    """The values of dataclass `kind` from `mapping`, converted to their declared types."""
    known = {spec.name: spec for spec in fields(kind)}
    unknown = sorted(set(mapping) - set(known))
    if unknown:
        raise SettingsError(
            f"mkdocs.yml: {where} tidak mengenal {', '.join(unknown)}; yang dikenal: {', '.join(known)}"
        )
    values = {}
    for name, spec in known.items():
        value = mapping.get(name)
        if value in (None, ""):
            if spec.default is MISSING and spec.default_factory is MISSING:
                raise SettingsError(f"mkdocs.yml: {where}.{name} belum diisi")
            continue
        values[name] = _convert(spec.type, value, f"{where}.{name}")
    return values


def _convert(kind, value, where: str):
    if kind is KategoriCapaian:
        if not isinstance(value, dict):
            raise SettingsError(f"mkdocs.yml: {where} harus berisi 'sumber' dan 'pita'")
        values = _read(kind, value, where)
        bands = values.get("pita", ())
        if not isinstance(bands, list) or not all(isinstance(band, dict) for band in bands):
            raise SettingsError(f"mkdocs.yml: {where}.pita harus daftar pita, mis. - {{kategori: Tinggi, dari: 76}}")
        scale = KategoriCapaian(
            values.get("sumber", ""), tuple(Pita(**_read(Pita, band, f"{where}.pita")) for band in bands)
        )
        try:
            check(scale)
        except ScaleError as error:
            raise SettingsError(f"mkdocs.yml: {where}: {error}") from None
        return scale
    if kind == Decimal | None:
        try:
            return Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            raise SettingsError(f"mkdocs.yml: {where} harus angka, mis. 90 atau 90,5") from None
    if kind == tuple[Pita, ...]:
        return value  # read whole by KategoriCapaian above
    if kind in (Penandatangan, Singkatan, PerjanjianKinerja):
        if not isinstance(value, dict):
            raise SettingsError(f"mkdocs.yml: {where} harus berisi pasangan kunci: nilai")
        return kind(**_read(kind, value, where))
    if kind is int:
        if isinstance(value, bool) or not re.fullmatch(r"[0-9]{4}", str(value).strip()):
            raise SettingsError(f"mkdocs.yml: {where} harus tahun empat angka, mis. 2020")
        return int(value)
    if kind is str:
        if isinstance(value, (list, dict)):
            raise SettingsError(f"mkdocs.yml: {where} harus teks")
        return str(value)
    if kind == tuple[str, ...]:
        return tuple(str(item) for item in (value if isinstance(value, list) else [value]))
    if kind == tuple[tuple[str, ...], ...]:
        if not isinstance(value, list) or not all(isinstance(scale, list) and len(scale) > 1 for scale in value):
            raise SettingsError(f"mkdocs.yml: {where} harus daftar skala, tiap skala daftar tingkat dari terendah")
        return tuple(tuple(str(level) for level in scale) for scale in value)
    raise TypeError(f"{where}: no reader for {kind}")
