"""Hooks of the submission PDF, in one file at the project root.

It is loaded twice, for two callers:
- mkdocs-with-pdf imports it by this name (`pdf_event_hook`) and calls `inject_link`
  for each website page, after taking its own copy for the PDF: what it adds shows on
  the website only (a download box on the home page, a link in every footer);
- MkDocs loads it as a hook (mkdocs.yml `hooks:`) and calls `on_config` and
  `on_post_build`, which run after every plugin's.
The work itself is in the `lkj_pdf` package.
"""

from pathlib import Path

from bs4 import BeautifulSoup

from lkj_pdf import publish, writer
from lkj_pdf.document import Metadata
from macros.settings import read_settings

PLUGIN = "with-pdf"


def inject_link(html: str, href: str, page, logger) -> str:
    soup = BeautifulSoup(html, "html.parser")
    info = BeautifulSoup(publish.PLACEHOLDER, "html.parser")  # size and SHA-256, filled in after the build
    footer = soup.select_one(".md-footer-meta__inner")
    if footer is not None:
        link = soup.new_tag("a", href=href, download=None, **{"class": "lkj-footer-pdf"})
        link.string = "Unduh PDF laporan"
        footer.append(link)
    heading = soup.select_one("article h1")
    if page.is_homepage and heading is not None:
        box = BeautifulSoup(
            '<div class="lkj-unduh"><p><strong>Dokumen resmi (PDF):</strong> '
            f'<a href="{href}" download>Unduh Laporan Kinerja lengkap</a><br></p></div>',
            "html.parser",
        )
        box.p.append(info)
        heading.insert_after(box)
    return str(soup)


def on_config(config):
    """With the PDF on, make mkdocs-with-pdf write it as the submission PDF."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None or not plugin.enabled:
        return config
    import mkdocs_with_pdf.generator

    project_dir = Path(config.config_file_path).resolve().parent
    settings = read_settings(config.extra)
    lkj = config.extra["lkj"]
    metadata = Metadata(
        title=f"{settings.judul} {settings.instansi} {settings.kabupaten} Tahun {settings.tahun}",
        author=f"{settings.instansi} {settings.kabupaten}",
        subject=config.site_description or "",
        keywords=tuple(lkj.get("kata_kunci") or ()),
        logo=(project_dir / lkj["logo"]) if lkj.get("logo") else None,
    )
    attachments = tuple(sorted((project_dir / "data").glob("*.csv")))
    writer.install(mkdocs_with_pdf.generator, writer.Submission(metadata, attachments, writer.source_date(project_dir)))
    return config


def on_post_build(config):
    """After mkdocs-with-pdf has written the PDF: its size and SHA-256 on the website."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None or not plugin.enabled:
        return
    publish.publish(Path(config.site_dir), Path(config.site_dir) / plugin.config["output_path"])
