"""MkDocs hooks of the portal's own pages (`site.py` builds them): the reports' look (Material, the
toolkit's stylesheet and its theme: header search link, 404 page), the portal's search page with
its filters (`theme/cari.html`), the tables' sorting and filtering (`assets/lkj-portal.js`), the
theme compiled once. The portal's pages are not in the search index: it searches the reports."""

from pathlib import Path

from mkdocs.structure.files import File

from ..builder import compiled
from ..builder.hooks import STYLESHEET, THEME, drop_sitemap, toolkit_files

OWN_THEME = Path(__file__).parent / "theme"
OWN_ASSETS = Path(__file__).parent / "assets"
TABLE_SCRIPT = "javascripts/lkj-portal.js"

__all__ = ["on_config", "on_files", "on_env", "on_post_build"]


def on_config(config):
    for folder in (THEME, OWN_THEME):  # the portal's search page before the report's
        if str(folder) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(folder))
    config.theme.static_templates.add("cari.html")
    config.extra_css.append(STYLESHEET)
    config.extra_javascript.append(TABLE_SCRIPT)
    return config


def on_files(files, config):
    files = toolkit_files(files, config)
    files.append(File.generated(config, TABLE_SCRIPT, abs_src_path=str(OWN_ASSETS / "lkj-portal.js")))
    return files


def on_env(env, config, files):
    env.bytecode_cache = compiled.CompiledTemplates(env)
    return env


def on_post_build(config):
    if not config.site_url:
        drop_sitemap(Path(config.site_dir))
