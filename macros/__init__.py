"""mkdocs-macros module of the LKj: `module_name: macros` in mkdocs.yml loads this package.

`define_env` reads the settings and the data once per build and registers the macros;
it does nothing else. What the macros do lives in `report.py` (figures) and `tables.py`
(tables); loading and validation in `load.py` (with `csvfile.py`, `schema.py`,
`validate.py`, `consistency.py`, `findings.py`), arithmetic in `compute.py`, number
style in `fmt.py`, HTML in `render.py`, rendering a chapter and its errors in
`chapter.py`, the published copies of the data in `opendata.py`.
"""

from functools import partial
from pathlib import Path

from . import chapter, opendata, tables
from .load import load_data, log, report_findings
from .report import Report
from .settings import read_settings

INLINE = (
    "pagu",
    "realisasi_anggaran",
    "serapan",
    "fisik",
    "pagu_pk",
    "capaian",
    "jumlah_indikator",
    "jumlah_sasaran",
    "jumlah_tujuan",
    "jumlah_misi",
    "jumlah_program",
    "jumlah_tercapai",
    "visi",
    "misi",
    "judul_gambar",
)
TABLES = (
    "tabel_renstra",
    "tabel_target",
    "tabel_anggaran_program",
    "tabel_capaian",
    "tabel_realisasi_anggaran",
    "daftar_misi",
    "daftar_program",
    "tanda_tangan",
    "tabel_data_terbuka",
)


def define_env(env) -> None:
    """Register the macros on the data of this build (read and validated here, once per build)."""
    settings = read_settings(env.conf["extra"])
    data = load_data(Path(env.project_dir) / "data", settings.tingkat_kualitatif)
    report_findings(data.findings, emit=log.info)  # warnings: shown, never fatal
    report = Report(data, settings)
    env.variables["_lkj_report"] = report
    for name in INLINE:
        env.macro(chapter.macro(getattr(report, name), name, inline=True), name)
    for name in TABLES:
        env.macro(chapter.macro(partial(getattr(tables, name), report), name, inline=False), name)


def on_pre_page_macros(env) -> None:
    """Render the page here, so that an error names the chapter and its line (`chapter.py`).

    Table captions are numbered per chapter: the page's front matter says which (`bab: 3`).
    """
    env.variables["_lkj_report"].start_page(env.page.meta.get("bab"))
    env.markdown = chapter.render(env)


def on_post_build(env) -> None:
    """Publish the data files beside the site (site/data/), for the "Data Terbuka" page."""
    opendata.publish(Path(env.conf["site_dir"]) / "data", env.variables["_lkj_report"].data)
