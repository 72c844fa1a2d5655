"""What may be published from docs/, and what must be in the report.

- docs/ holds chapters, stylesheets and images. Only regular files of those kinds,
  inside docs/ itself, are published: a link (symlink) to a file elsewhere on the
  machine, or a file of another kind (a spreadsheet, a database dump), stops the build.
- Every chapter under docs/ is in `nav`: a chapter left out of `nav` would silently be
  missing from the website's menu and from the official PDF.
"""

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

# Kinds of file in docs/ that are published as part of the website.
PUBLISHED_SUFFIXES = (".md", ".css", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


class GuardError(PluginError):
    """docs/ or mkdocs.yml would publish something wrong; the message says what and how to fix it."""


def check_docs(files, docs_dir: str, project_dir: str) -> None:
    """Refuse links out of docs/ and kinds of file the report does not publish."""
    root = Path(os.path.realpath(docs_dir))
    if Path(docs_dir).is_symlink() or not root.is_relative_to(os.path.realpath(project_dir)):
        raise GuardError(f"folder bab ({docs_dir}) harus folder biasa di dalam proyek, bukan tautan ke tempat lain")
    for file in files:
        if file.src_dir is None or Path(file.src_dir).resolve() != root:
            continue  # the theme's files and generated ones
        source = Path(file.abs_src_path)
        target = os.path.realpath(source)
        if target != str(root / file.src_uri):
            raise GuardError(
                f"docs/{file.src_uri}: berkas ini (atau foldernya) tautan simbolik (symlink) ke {target}; "
                "yang diterbitkan hanya berkas yang benar-benar ada di dalam docs/"
            )
        if source.suffix.lower() not in PUBLISHED_SUFFIXES:
            raise GuardError(
                f"docs/{file.src_uri}: jenis berkas ini tidak diterbitkan (boleh: {', '.join(PUBLISHED_SUFFIXES)}); "
                "pindahkan berkas itu keluar dari docs/"
            )


def check_nav(nav, files) -> None:
    """Every chapter in docs/ is in the `nav` of mkdocs.yml."""
    listed = {page.file.src_uri for page in nav.pages}
    missing = [file.src_uri for file in files.documentation_pages() if file.src_uri not in listed]
    if missing:
        names = ", ".join(f"docs/{name}" for name in sorted(missing))
        raise GuardError(
            f"{names} tidak ada di 'nav' mkdocs.yml: bab ini tidak akan masuk ke situs maupun PDF; "
            "tambahkan ke 'nav' atau hapus berkasnya"
        )
