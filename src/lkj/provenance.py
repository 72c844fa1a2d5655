"""Which data files each macro reads: the "Sumber" of every table, chart and download, and of
every page (the files its figures come from). `tests/test_provenance.py` runs every macro on
recording data and checks that it reads nothing undeclared here.
"""

from .schema import TABLES

_BUDGET = ("program.csv", "kegiatan.csv", "realisasi_anggaran.csv", "realisasi_program.csv", "ringkasan_anggaran.csv")
_PLANS = ("sasaran.csv", "indikator.csv", "target_kinerja.csv")
_RESULTS = (*_PLANS, "realisasi_kinerja.csv")

SOURCES: dict[str, tuple[str, ...]] = {
    # inline figures
    "pagu": _BUDGET,
    "realisasi_anggaran": _BUDGET,
    "serapan": _BUDGET,
    "fisik": _BUDGET,
    "perbandingan_serapan": _BUDGET,
    "pagu_pk": ("anggaran_pk.csv",),
    "capaian": _RESULTS,
    "jumlah_indikator": _PLANS,
    "jumlah_sasaran": _PLANS,
    "jumlah_tujuan": _PLANS,
    "jumlah_misi": ("misi.csv",),
    "jumlah_program": ("program.csv",),
    "jumlah_tercapai": _RESULTS,
    "jumlah_kategori": _RESULTS,
    "melampaui_target": _RESULTS,
    "visi": (),
    "misi": ("misi.csv",),
    "misi_utama": ("misi.csv",),
    "judul_gambar": (),
    # tables, lists, the signature
    "tabel_renstra": ("misi.csv", "renstra.csv", "arah_kebijakan.csv"),
    "tabel_target": _PLANS,
    "tabel_anggaran_program": ("program.csv", "anggaran_pk.csv"),
    "tabel_capaian": _RESULTS,
    "tabel_realisasi_anggaran": _BUDGET,
    "tabel_belanja": ("belanja.csv",),
    "tabel_data_terbuka": tuple(table.file for table in TABLES),
    "tabel_sumber_angka": (),  # names the files, reads none
    "daftar_misi": ("misi.csv",),
    "daftar_program": ("program.csv",),
    "cara_menghitung": (),
    "tanda_tangan": (),
    "ringkasan_kinerja": (*_RESULTS, *_BUDGET),
    "tabel_perbandingan_capaian": _RESULTS,
    "tabel_capaian_renstra": _RESULTS,
    "tabel_efisiensi": (*_RESULTS, *_BUDGET),
    "perjanjian_kinerja": _PLANS,
    "daftar_kesesuaian": (),  # reads the chapters, not the data
    "jumlah_pejabat": ("organisasi.csv",),
    "susunan_organisasi": ("organisasi.csv",),
    "bagan_organisasi": ("organisasi.csv",),
    # charts
    "grafik_capaian": _RESULTS,
    "grafik_anggaran": _BUDGET,
    "grafik_serapan": _BUDGET,
    "grafik_tren_serapan": _BUDGET,
    "grafik_tren_capaian": _RESULTS,
}


def sources(name: str, published: dict) -> tuple[str, ...]:
    """The files macro `name` reads that this report has (`published`: `Data.raw`)."""
    return tuple(file for file in SOURCES[name] if file in published)


def sentence(files) -> str:
    """`Sumber: data/a.csv, data/b.csv` (or that the figures come from the settings)."""
    files = list(dict.fromkeys(files))
    if not files:
        return "Sumber: pengaturan laporan (mkdocs.yml)"
    return "Sumber: " + ", ".join(f"data/{file}" for file in files)
