"""The portal's own pages built by MkDocs, with the reports' look: a small MkDocs project written
into a folder of `.portal/` (settings as the reports' template has them, the pages of `pages.py`,
the regency's logo), built in this process like a report (`builder/run.py`), then the charts and
downloads of its pages written beside them. Nothing of the workspace is written into.
"""

import json
import shutil
from pathlib import Path

from lkj import html

from ..builder import run
from .pages import Pages
from .workspace import Portal, PortalError

HOOKS_SHIM = "from lkj_site.portal.hooks import *  # noqa: F403 - MkDocs loads hooks by path\n"
LOGO_TYPES = (".png", ".svg", ".jpg", ".jpeg", ".webp")
PALETTE = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "indigo",
     "toggle": {"icon": "material/weather-night", "name": "Tampilan gelap"}},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo",
     "toggle": {"icon": "material/weather-sunny", "name": "Tampilan terang"}},
]  # fmt: skip


def build(portal: Portal, pages: Pages, project: Path, site_dir: Path, merged: list[str]) -> str | None:
    """Build the portal's pages into `site_dir` from a project written in `project`; `merged`: the
    folders of the search indexes its search page merges into the first. None when it succeeded,
    else why it failed (one line)."""
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    for path, content in pages.docs.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(content, encoding="utf-8")
    theme = {"name": "material", "language": "id", "font": False, "palette": PALETTE,
             "features": ["navigation.footer", "navigation.top", "toc.follow"]}  # fmt: skip
    logo = _logo(portal)
    if logo:
        (docs / "gambar").mkdir(exist_ok=True)
        shutil.copyfile(logo, docs / "gambar" / f"logo-daerah{logo.suffix.lower()}")
        theme["logo"] = f"gambar/logo-daerah{logo.suffix.lower()}"
    config = {
        "site_name": str(html.text(portal.judul)),  # the theme puts it in the page as it is
        "site_description": f"Laporan kinerja setiap perangkat daerah {portal.daerah}, berdampingan",
        "site_url": portal.alamat,
        "docs_dir": "docs",
        "theme": theme,
        "extra": {"generator": False, "lkj_indeks": merged},
        "hooks": ["hooks.py"],
        "plugins": [],  # no lunr index: the portal's search is Pagefind's, over every report
        "nav": pages.nav,
        "markdown_extensions": [
            "attr_list",
            "admonition",
            {"toc": {"permalink": True, "permalink_title": "Tautan ke bagian ini"}},
        ],  # fmt: skip
        "validation": {"links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "info"}},
    }
    (project / "hooks.py").write_text(HOOKS_SHIM, encoding="utf-8")
    (project / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    reason = run.build(project, site_dir, pdf=False, quiet=True, search_index=False)
    if reason is not None:
        return reason
    for path, content in pages.files.items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(content)
    return None


def _logo(portal: Portal) -> Path | None:
    """portal.yml's `logo`: an image inside the workspace (never a file elsewhere, never a URL)."""
    if not portal.logo:
        return None
    path = (portal.folder / portal.logo).resolve()
    if not path.is_relative_to(portal.folder.resolve()) or path.suffix.lower() not in LOGO_TYPES:
        raise PortalError(f"portal.yml: 'logo' harus berkas gambar ({', '.join(LOGO_TYPES)}) di folder portal")
    if not path.is_file():
        raise PortalError(f"portal.yml: berkas logo {portal.logo} tidak ada")
    return path
