"""MkDocs hooks of a report: the settings made into the site's identity, what docs/ may
publish, and every chapter in the report.

`on_config` runs before the plugins' (event priority): the site's name, description,
author and copyright come from `extra.lkj` (the office, its region and the year are typed
once, there). The PDF is a plugin of its own (`lkj_pdf.plugin`, `lkj-pdf` in mkdocs.yml).
"""

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from lkj.settings import SettingsError, read_settings

from . import guards

STYLESHEET = "stylesheets/lkj.css"  # the site's tables, signature and print rules (assets/lkj.css)
ASSETS = Path(__file__).parent / "assets"


@event_priority(100)
def on_config(config):
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
    return config


def on_files(files, config):
    guards.check_docs(files, config.docs_dir, os.path.dirname(config.config_file_path))
    files.append(File.generated(config, STYLESHEET, abs_src_path=str(ASSETS / "lkj.css")))
    return files


def on_nav(nav, config, files):
    guards.check_nav(nav, files)
    return nav
