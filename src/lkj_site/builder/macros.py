"""The report's macros for mkdocs-macros, on this build's data and settings.

The project's `macros/__init__.py` (mkdocs.yml: `module_name: macros`) imports the three
functions below, which mkdocs-macros calls. `define_env` reads the settings and the data
once per build and registers: inline macros (text, made inert by `html.text`) from
`lkj.report.Report`, block macros (tables, lists, signature; HTML by `html.render`) from
`lkj.tables`, and the years as variables for the chapters' prose (`{{ tahun }}`).
"""

import logging
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError

from lkj import analisis, charts, findings, organisasi, perjanjian, summary, tables
from lkj.load import load_data, report_findings
from lkj.report import Report
from lkj.settings import SettingsError, read_settings

from ..review import kesesuaian
from . import chapter, freshness, opendata
from .published import Published

LOG = logging.getLogger("mkdocs.plugins.lkj")

INLINE = (
    "pagu",
    "realisasi_anggaran",
    "serapan",
    "fisik",
    "perbandingan_serapan",
    "pagu_pk",
    "capaian",
    "jumlah_indikator",
    "jumlah_sasaran",
    "jumlah_tujuan",
    "jumlah_misi",
    "jumlah_program",
    "jumlah_tercapai",
    "jumlah_kategori",
    "melampaui_target",
    "visi",
    "misi",
    "misi_utama",
    "judul_gambar",
)
BLOCKS = (
    "tabel_renstra",
    "tabel_target",
    "tabel_anggaran_program",
    "tabel_capaian",
    "tabel_realisasi_anggaran",
    "tabel_belanja",
    "tabel_data_terbuka",
    "tabel_sumber_angka",
    "daftar_misi",
    "daftar_program",
    "cara_menghitung",
    "tanda_tangan",
)
ABOUT_PAGE = "tentang-data.md"  # "Tentang Data Ini", linked under every page where the report has it
ANALYSES = ("tabel_perbandingan_capaian", "tabel_capaian_renstra", "tabel_efisiensi")  # BAB III, A.2, 3, 6
CHARTS = ("grafik_capaian", "grafik_anggaran", "grafik_serapan", "grafik_tren_serapan", "grafik_tren_capaian")


class DataError(PluginError):
    """The data cannot be used: every error found, one line each (`findings`)."""

    def __init__(self, error: findings.DataError):
        super().__init__(str(error))
        self.findings = error.findings


def define_env(env) -> None:
    """Register the macros on the data of this build (read and validated here, once per build)."""
    try:
        settings = read_settings(env.conf["extra"])
        data = load_data(Path(env.project_dir) / "data", settings.tingkat_kualitatif, emit=LOG.info)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    except findings.DataError as error:
        raise DataError(error) from None
    report_findings(data.findings, emit=LOG.info)  # warnings: shown, never fatal
    report = Report(data, settings)
    env.variables["_lkj_report"] = report
    env.variables.update(settings.variabel)
    about = Path(env.conf["docs_dir"], ABOUT_PAGE).is_file()
    published = Published(report, freshness.last_changes(Path(env.project_dir)), about)
    env.variables["_lkj_published"] = published
    inline = [(report, name) for name in INLINE] + [(partial(organisasi.jumlah_pejabat, report), "jumlah_pejabat")]
    for owner, name in inline:
        function = owner if callable(owner) else getattr(owner, name)
        env.macro(chapter.macro(function, name, partial(published.inline, env, name)), name)
    blocks = [(tables, name) for name in BLOCKS] + [(charts, name) for name in CHARTS]
    blocks += [(analisis, name) for name in ANALYSES] + [(perjanjian, "perjanjian_kinerja")]
    blocks += [(organisasi, "susunan_organisasi"), (organisasi, "bagan_organisasi"), (summary, "ringkasan_kinerja")]
    for module, name in blocks:
        present = partial(published.present, env, name)
        env.macro(chapter.macro(partial(getattr(module, name), report), name, present), name)
    env.macro(
        chapter.macro(partial(daftar_kesesuaian, env), "daftar_kesesuaian", lambda block: block), "daftar_kesesuaian"
    )


def daftar_kesesuaian(env):
    """The index of required contents (kesesuaian.py), from the chapters in nav; what is missing
    is said on every build."""
    found = kesesuaian.find(kesesuaian.chapters(env.conf.get("nav"), Path(env.conf["docs_dir"])), env.variables)
    for line in kesesuaian.warnings(found):
        LOG.info(line)
    return env.variables["_lkj_published"].present(env, "daftar_kesesuaian", kesesuaian.table(found, env.page.url))


def on_pre_page_macros(env) -> None:
    """Render the page here, so that an error names the chapter and its line (`chapter.py`).

    Table captions are numbered per chapter: the page's front matter says which (`bab: 3`).
    """
    env.variables["_lkj_report"].start_page(env.page.meta.get("bab"))
    markdown = chapter.render(env)
    env.markdown = f"{markdown}\n\n{env.variables['_lkj_published'].provenance(env.page)}\n"


def on_post_build(env) -> None:
    """Publish the data files beside the site (site/data/), for the "Data Terbuka" page, and
    the charts and downloads the pages made (before the PDF, a later plugin, reads them)."""
    site_dir = Path(env.conf["site_dir"])
    report = env.variables["_lkj_report"]
    opendata.publish(site_dir / "data", report, pdf="lkj-pdf" in env.conf["plugins"])
    env.variables["_lkj_published"].write(site_dir)
