"""MkDocs events of the submission PDF (registered by the project's `hooks.py`)."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.settings import read_settings

from . import publish, writer
from .document import Metadata

PLUGIN = "with-pdf"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


def enabled(config) -> bool:
    plugin = config.plugins.get(PLUGIN)
    return plugin is not None and plugin.enabled


def on_config(config):
    """With the PDF on, make mkdocs-with-pdf write it as the submission PDF."""
    if not enabled(config):
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
        logo=_logo(project_dir, lkj.get("logo")),
    )
    data = config.plugins["macros"].variables["_lkj_report"].data  # validated once, by the macros
    attachments = tuple(sorted(data.raw.items()))
    submission = writer.Submission(metadata, attachments, writer.source_date(project_dir), Path(config.site_dir))
    writer.install(mkdocs_with_pdf.generator, submission)
    return config


def _logo(project_dir: Path, setting) -> Path | None:
    """The cover's logo: an image file inside the project, or none."""
    if not setting:
        return None
    path = (project_dir / str(setting)).resolve()
    if not path.is_relative_to(project_dir) or path.suffix.lower() not in LOGO_SUFFIXES or not path.is_file():
        raise PluginError(
            f"mkdocs.yml extra.lkj.logo: '{setting}' harus berkas gambar ({', '.join(LOGO_SUFFIXES)}) "
            "di dalam folder proyek ini"
        )
    return path


def on_nav(nav, config, files):
    """The PDF names a page by its source file when it refuses a URL the page asked for."""
    if enabled(config):
        writer.SubmissionHTML.submission.pages.update({page.url: f"docs/{page.file.src_uri}" for page in nav.pages})
    return nav


def on_post_build(config):
    """After mkdocs-with-pdf has written the PDF: its size and SHA-256 on the website."""
    if enabled(config):
        output = config.plugins[PLUGIN].config["output_path"]
        publish.publish(Path(config.site_dir), Path(config.site_dir) / output)
