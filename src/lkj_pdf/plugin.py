"""The `lkj-pdf` MkDocs plugin: mkdocs-with-pdf, imported only when the PDF is on.

MkDocs imports a plugin's class before it reads `enabled`, and mkdocs-with-pdf's class
imports WeasyPrint (0,4 s and 30 MB for every site-only build and every `make serve`
start). This plugin takes mkdocs-with-pdf's options in mkdocs.yml and imports it only in
`load_config`, which MkDocs calls only for an enabled plugin. Then, around mkdocs-with-pdf's
own events:

- `on_config`: the PDF's file name, cover, author and templates from `extra.lkj`; the logo checked;
- `on_nav` (the data is loaded by then): the submission (metadata, the validated data to
  attach, the pages) handed to the writer;
- `on_post_build`, after the PDF is written: its size and SHA-256 on the website.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

TEMPLATES = Path(__file__).parent / "templates"  # cover.html.j2 and styles.scss
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


class PdfPlugin(BasePlugin):
    def load_config(self, options, config_file_path=None):
        from mkdocs_with_pdf.plugin import WithPdfPlugin

        self.with_pdf = WithPdfPlugin()
        result = self.with_pdf.load_config(options, config_file_path)
        self.config = self.with_pdf.config
        self.on_post_page = self.with_pdf.on_post_page  # registered by MkDocs with the on_* methods below
        return result

    def on_config(self, config):
        from lkj.settings import read_settings

        settings = read_settings(config.extra)  # checked already, by the site's hooks
        self.config["output_path"] = f"pdf/{settings.nama_berkas_pdf}"
        self.config["cover_title"] = settings.judul
        self.config["cover_subtitle"] = f"{settings.penyusun} Tahun {settings.tahun}"
        self.config["author"] = settings.penyusun
        self.config["copyright"] = settings.nama_laporan
        self.config["custom_template_path"] = str(TEMPLATES)
        logo(Path(config.config_file_path).resolve().parent, settings.logo)  # refused early, not at render time
        self.with_pdf.on_config(config)
        return config

    def on_nav(self, nav, config, files):
        """Hand the submission to the writer: what the PDF says of itself, and the data it attaches."""
        import mkdocs_with_pdf.generator

        from . import writer
        from .document import Metadata

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
        submission = writer.Submission(
            metadata,
            attachments=tuple(sorted(report.data.raw.items())),
            source_date=writer.source_date(project_dir),
            site_dir=Path(config.site_dir),
            pages={page.url: f"docs/{page.file.src_uri}" for page in nav.pages},
        )
        writer.install(mkdocs_with_pdf.generator, submission)
        return self.with_pdf.on_nav(nav, config, files)

    def on_post_build(self, config):
        from . import publish

        self.with_pdf.on_post_build(config)
        publish.publish(Path(config.site_dir), Path(config.site_dir) / self.config["output_path"])


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
