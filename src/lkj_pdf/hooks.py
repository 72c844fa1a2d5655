"""MkDocs events of the submission PDF (called by `lkj_site.hooks`).

- `on_config` (before mkdocs-with-pdf reads its options): the PDF's file name, cover,
  author and templates from the settings, and the logo checked;
- `on_nav` (the data is loaded by then): the submission (metadata, the validated data to
  attach, the pages) handed to the writer;
- `on_post_build`: the PDF's size and SHA-256 on the website.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from lkj.settings import Settings

from . import publish, writer
from .document import Metadata

PLUGIN = "with-pdf"
TEMPLATES = Path(__file__).parent / "templates"  # cover.html.j2 and styles.scss
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


def enabled(config) -> bool:
    """The PDF is on (MkDocs leaves a plugin with `enabled: false` out of config.plugins)."""
    return PLUGIN in config.plugins


def on_config(config, settings: Settings):
    """Set mkdocs-with-pdf's options from the settings, before the plugin reads them."""
    if not enabled(config):
        return config
    options = config.plugins[PLUGIN].config
    options["output_path"] = f"pdf/{settings.nama_berkas_pdf}"
    options["cover_title"] = settings.judul
    options["cover_subtitle"] = f"{settings.penyusun} Tahun {settings.tahun}"
    options["author"] = settings.penyusun
    options["copyright"] = settings.nama_laporan
    options["custom_template_path"] = str(TEMPLATES)
    logo(Path(config.config_file_path).resolve().parent, settings.logo)  # refused early, not at render time
    return config


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


def on_nav(nav, config, files):
    """Hand the submission to the writer: what the PDF says of itself, and the data it attaches."""
    if not enabled(config):
        return nav
    import mkdocs_with_pdf.generator

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
    return nav


def on_post_build(config):
    """After mkdocs-with-pdf has written the PDF: its size and SHA-256 on the website."""
    if enabled(config):
        output = config.plugins[PLUGIN].config["output_path"]
        publish.publish(Path(config.site_dir), Path(config.site_dir) / output)
