"""MkDocs hooks of a report: the settings made into the site's identity, what docs/ may
publish, every chapter in the report, the theme's Indonesian pages (search, 404) and the
search index, and what a static host needs (site_url for the sitemap and canonical links).

`on_config` runs before the plugins' (event priority): the site's name, description,
author and copyright come from `extra.lkj` (the office, its region and the year are typed
once, there). The PDF is a plugin of its own (`lkj_pdf.plugin`, `lkj-pdf` in mkdocs.yml).
"""

import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lkj.settings import SettingsError, read_settings

from . import compiled, guards, seams, search

STYLESHEET = "stylesheets/lkj.css"  # the site's tables, signature and print rules (assets/lkj.css)
SEARCH_SCRIPT = "javascripts/lkj-cari.js"  # the search page's script (assets/lkj-cari.js)
ASSETS = Path(__file__).parent / "assets"
THEME = Path(__file__).parent / "theme"  # over Material: header search link, search page, 404 page
LOG = logging.getLogger("mkdocs.plugins.lkj")
# Material's files that no page of a report loads: lunr's search in other languages and its worker
# (the search is Pagefind's, search.py) and the source maps (read only by a developer's tools).
UNUSED_THEME_FILES = re.compile(r"^assets/javascripts/(lunr|workers)/|\.map$")

__all__ = [
    "on_config",
    "on_files",
    "on_nav",
    "on_env",
    "on_post_page",
    "on_post_build",
]  # the report's hooks.py takes these


@event_priority(100)
def on_config(config):
    seams.install()
    try:
        settings = read_settings(config.extra)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    config.site_name = settings.nama_laporan
    config.site_description = config.site_description or settings.deskripsi
    config.site_author = settings.penyusun
    config.copyright = config.copyright or settings.penyusun
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if str(THEME) not in config.theme.dirs:  # after a custom_dir of the report's own, before Material
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    config.theme.static_templates.add("cari.html")
    missing = settings.tanda_tangan_kosong
    if missing:  # said on every build: a PDF submitted unsigned by mistake is the costly error
        LOG.info(signature_warning(missing))
    return config


def signature_warning(missing: str) -> str:
    return (
        f"PERINGATAN tanda tangan belum lengkap ({missing}): isi extra.lkj.penandatangan dan "
        "extra.lkj.perjanjian_kinerja di mkdocs.yml, atau LKJ_PENANDATANGAN_NAMA, LKJ_PENANDATANGAN_TEMPAT, "
        "LKJ_PENANDATANGAN_TANGGAL dan LKJ_PIHAK_KEDUA_NAMA saat build; sampai itu PDF memuat garis kosong"
    )


def on_files(files, config):
    guards.check_docs(files, config.docs_dir, os.path.dirname(config.config_file_path))
    return toolkit_files(files, config)


def toolkit_files(files, config):
    """The theme's files less those no page loads, plus the toolkit's stylesheet and search script."""
    for unused in [
        file for file in files if file.src_dir != config.docs_dir and UNUSED_THEME_FILES.search(file.src_uri)
    ]:
        files.remove(unused)
    files.append(File.generated(config, STYLESHEET, abs_src_path=str(ASSETS / "lkj.css")))
    files.append(File.generated(config, SEARCH_SCRIPT, abs_src_path=str(ASSETS / "lkj-cari.js")))
    return files


def on_nav(nav, config, files):
    guards.check_nav(nav, files)
    return nav


def on_env(env, config, files):
    env.bytecode_cache = compiled.CompiledTemplates(env)  # the theme compiled once, not at every build
    return env


def on_post_page(output, page, config):
    return search.mark(output)


def on_post_build(config):
    site_dir = Path(config.site_dir)
    if search.wanted():
        search.index(site_dir)
    if not config.site_url:
        drop_sitemap(site_dir)
        LOG.info(
            "PERINGATAN site_url belum diisi (mkdocs.yml, atau LKJ_SITE_URL=https://…): tanpa alamat situs tidak "
            "ada sitemap.xml dan tautan kanonik, dan tautan halaman 404 hanya benar di akar situs"
        )


def drop_sitemap(site_dir: Path) -> None:
    """Without site_url MkDocs would publish a sitemap of empty addresses."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink(missing_ok=True)
