"""The `lkj-pdf` MkDocs plugin: the submission PDF, with mkdocs-with-pdf and WeasyPrint
imported only when the PDF is rendered.

MkDocs imports a plugin's class before it reads `enabled`, and mkdocs-with-pdf's class
imports WeasyPrint (0,4 s and 30 MB for every site-only build and every `make serve`
start). This plugin takes mkdocs-with-pdf's options in mkdocs.yml, checks them with its
schema, and:

- `on_config`: sets the PDF's file name, cover, author and templates from `extra.lkj`, and
  checks the logo;
- `on_post_page`: keeps each page for the PDF and puts the download links in it;
- `on_post_build`: the PDF from the cache when nothing it is made of changed (`cache.py`),
  else rendered: mkdocs-with-pdf gets the pages now, combines them, and renders through
  `writer.py`; then its size and SHA-256 on the website (`publish.py`).
"""

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from lkj import html

from . import cache, publish, signing
from .submission import Metadata, Submission, source_date

TEMPLATES = Path(__file__).parent / "templates"  # cover.html.j2 and styles.scss
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
log = logging.getLogger("mkdocs.plugins.lkj")


class PdfPlugin(BasePlugin):
    def load_config(self, options, config_file_path=None):
        from mkdocs_with_pdf.options import Options  # the schema only: no WeasyPrint

        self.config_scheme = Options.config_scheme
        self._pages = []  # (page, its HTML), in the order MkDocs wrote them
        return super().load_config(options, config_file_path)

    def on_config(self, config):
        from lkj.settings import read_settings

        settings = read_settings(config.extra)  # checked already, by the site's hooks
        self.config["output_path"] = f"pdf/{settings.nama_berkas_pdf}"
        self.config["cover_title"] = settings.judul
        self.config["cover_subtitle"] = f"Capaian Kinerja {settings.periode_kinerja}"  # under the year
        self.config["author"] = settings.penyusun
        self.config["copyright"] = settings.nama_laporan
        self.config["custom_template_path"] = str(TEMPLATES)
        project_dir = Path(config.config_file_path).resolve().parent
        logo(project_dir, settings.logo)  # refused early, not at render time
        self._signer = None
        certificate = signing.requested(project_dir)
        if certificate is not None:  # a wrong password too: before anything is built
            self._signer = signing.load(*certificate)
        return config

    def on_nav(self, nav, config, files):
        self._nav, self._files = nav, files
        return nav

    def on_post_page(self, output, page, config):
        self._pages.append((page, output))
        return publish.add_links(output, self.config["output_path"], page.file.dest_uri, page.is_homepage)

    def on_post_template(self, output_content, template_name, config):
        """The search page and the 404 page link the PDF too; the 404 page from the site's root."""
        if template_name not in ("cari.html", "404.html"):
            return output_content
        root = urlsplit(config.site_url).path if template_name == "404.html" and config.site_url else ""
        return publish.add_links(output_content, self.config["output_path"], template_name, False, root)

    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        output = site_dir / self.config["output_path"]
        submission = self._submission(config)
        entry = cache.entry(self._inputs(config, submission))
        pdf = entry and cache.find(*entry, submission.roots)
        if pdf:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(pdf)
            log.info(f"PDF tidak berubah sejak build sebelumnya: dipakai lagi ({entry[0]})")
        else:
            self._render(config, submission)
            problem = entry and cache.keep(*entry, output.read_bytes(), submission.read, submission.roots)
            if problem:
                log.info(f"PDF tidak disimpan untuk build berikutnya ({entry[0]}): {problem}")
        publish.publish(site_dir, output, self._sign(config, output))

    def _sign(self, config, output: Path):
        """The PDF signed electronically when a certificate is given (signing.py); who signed."""
        if self._signer is None:
            return None
        signed, signature = signing.sign(output.read_bytes(), self._signer)
        output.write_bytes(signed)
        log.info(f"PDF ditandatangani secara elektronik oleh {signature.signer} ({signature.time})")
        return signature

    def _submission(self, config) -> Submission:
        """What the PDF says of itself, the data it attaches, what it may read."""
        report = config.plugins["macros"].variables["_lkj_report"]  # data validated once, by the macros
        settings = report.settings
        project_dir = Path(config.config_file_path).resolve().parent
        metadata = Metadata(
            title=settings.judul_dokumen,
            author=settings.penyusun,
            subject=config.site_description or "",
            keywords=settings.semua_kata_kunci,
            logo=logo(project_dir, settings.logo),
        )
        return Submission(
            metadata,
            attachments=tuple(sorted(report.data.raw.items())),
            source_date=source_date(project_dir),
            site_dir=Path(config.site_dir),
            pages={page.url: f"docs/{page.file.src_uri}" for page in self._nav.pages},
        )

    def _inputs(self, config, submission: Submission):
        """Everything the PDF is made from, for its cache key (what WeasyPrint reads is checked apart)."""
        yield repr(sorted((name, repr(value)) for name, value in self.config.items()))
        metadata = submission.metadata
        yield repr((metadata.title, metadata.author, metadata.subject, metadata.keywords, metadata.language))
        yield submission.source_date.isoformat()
        for name, content in submission.attachments:
            yield from (name, content)
        for page in self._nav.pages:
            yield from (page.url, str(page.title))
        for page, page_html in self._pages:
            yield from (page.url, page_html)
        hook = Path(config.config_file_path).resolve().parent / "pdf_event_hook.py"
        yield hook.read_bytes() if hook.is_file() else b""

    def _render(self, config, submission: Submission) -> None:
        """mkdocs-with-pdf, given now the events it would have had, renders through `writer.py`."""
        import mkdocs_with_pdf.generator
        from mkdocs_with_pdf.plugin import WithPdfPlugin

        from . import writer

        with_pdf = WithPdfPlugin()
        with_pdf.config = self.config
        with_pdf.on_config(config)
        writer.install(mkdocs_with_pdf.generator, submission)
        with_pdf.on_nav(self._nav, config, self._files)
        for page, page_html in self._pages:
            with_pdf.on_post_page(_head_and_article(page_html), page, config)  # its copy; the links are in already
        with_pdf.on_post_build(config)


def _head_and_article(page_html: str) -> str:
    """What mkdocs-with-pdf takes from a page, its <head> and its <article>, without the rest
    (Material's navigation, icons and scripts), which it would parse only to throw away, and
    without the blocks of the website only (`html.WEB_ONLY`: downloads, a chart's data)."""
    head = (page_html.find("<head>"), page_html.find("</head>"))
    article = (page_html.find("<article"), page_html.rfind("</article>"))
    if min(*head, *article) < 0:
        return page_html
    return (
        f"<!doctype html><html>{page_html[head[0] : head[1] + len('</head>')]}"
        f"<body>{html.WEB_ONLY.sub('', page_html[article[0] : article[1] + len('</article>')])}</body></html>"
    )


def logo(project_dir: Path, setting: str) -> Path | None:
    """The cover's logo: an image file inside the project, or none."""
    if not setting:
        return None
    path = (project_dir / setting).resolve()
    if not path.is_relative_to(project_dir) or path.suffix.lower() not in LOGO_SUFFIXES or not path.is_file():
        raise PluginError(
            f"mkdocs.yml extra.lkj.logo: '{setting}' harus berkas gambar ({', '.join(LOGO_SUFFIXES)}) "
            "di dalam folder proyek ini"
        )
    return path
