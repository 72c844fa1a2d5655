"""The report's settings, read from `extra.lkj` in `mkdocs.yml` and checked once."""

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Penandatangan:
    jabatan: tuple[str, ...]
    nip: str
    nama: str = ""  # never invented: blank leaves a line to sign on
    tempat: str = ""
    tanggal: str = ""


@dataclass(frozen=True)
class Settings:
    judul: str
    instansi: str
    kabupaten: str
    tahun: int  # the report's year (LKj 2020)
    tahun_kinerja: int  # the year whose results it reports (2019)
    visi: str
    penandatangan: Penandatangan
    tingkat_kualitatif: tuple[tuple[str, ...], ...]  # ordered scales, lowest level first


_REQUIRED = ("judul", "instansi", "kabupaten", "tahun", "tahun_kinerja", "visi", "penandatangan", "tingkat_kualitatif")


def read_settings(extra: dict) -> Settings:
    """Build `Settings` from the `extra` section of mkdocs.yml; a missing key stops the build."""
    lkj = (extra or {}).get("lkj")
    if not isinstance(lkj, dict):
        raise PluginError("mkdocs.yml: bagian 'extra.lkj' (pengaturan laporan) tidak ada")
    missing = [key for key in _REQUIRED if lkj.get(key) in (None, "")]
    if missing:
        raise PluginError(f"mkdocs.yml: extra.lkj belum berisi {', '.join(missing)}")
    signer = lkj["penandatangan"]
    for key in ("jabatan", "nip"):
        if not signer.get(key):
            raise PluginError(f"mkdocs.yml: extra.lkj.penandatangan.{key} belum diisi")
    return Settings(
        judul=str(lkj["judul"]),
        instansi=str(lkj["instansi"]),
        kabupaten=str(lkj["kabupaten"]),
        tahun=int(lkj["tahun"]),
        tahun_kinerja=int(lkj["tahun_kinerja"]),
        visi=str(lkj["visi"]),
        penandatangan=Penandatangan(
            jabatan=tuple(str(line) for line in signer["jabatan"]),
            nip=str(signer["nip"]),
            nama=str(signer.get("nama") or ""),
            tempat=str(signer.get("tempat") or ""),
            tanggal=str(signer.get("tanggal") or ""),
        ),
        tingkat_kualitatif=tuple(tuple(str(level) for level in scale) for scale in lkj["tingkat_kualitatif"]),
    )
