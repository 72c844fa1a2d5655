"""Reuse the PDF of an earlier build when nothing it is made of has changed.

A second `make build` of unchanged sources would render the same bytes again (seconds for
this report, minutes for a large one). An entry (in `lkj.cache.folder("pdf")`) is keyed by
everything the PDF is made from, as `plugin.py` lists it (each page's HTML in the report's
order, the PDF options, metadata, attached data and its date), with the versions of
WeasyPrint, pydyf and mkdocs-with-pdf and this package's source, templates included. What
WeasyPrint read while rendering (fonts, stylesheets, images, the logo) is recorded beside it
with each file's SHA-256, relative to the place it was allowed to read from: an entry is used
only if every one of those files still has the same content, and the PDF still has the
SHA-256 it was stored with.
"""

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from lkj import cache

PACKAGE = Path(__file__).resolve().parent
RENDERERS = ("weasyprint", "pydyf", "mkdocs-with-pdf")


def entry(parts: Iterable[str | bytes]) -> tuple[Path, str] | None:
    """(folder, key) of the PDF made from `parts`, with the renderers' versions and this package's
    source (a change in either renders anew); None when caching is off."""
    where = cache.folder("pdf")
    if where is None:
        return None
    code = cache.versions(*RENDERERS) + cache.sources(PACKAGE, (".py", ".j2", ".scss", ".css", ".html"))
    return where, cache.key([*code, *parts])


def find(where: Path, entry: str, roots: dict[str, Path]) -> bytes | None:
    """The PDF stored under `entry`, if it and everything it read are unchanged."""
    try:
        manifest = json.loads((where / f"{entry}.json").read_text(encoding="utf-8"))
        pdf = (where / f"{entry}.pdf").read_bytes()
        if hashlib.sha256(pdf).hexdigest() != manifest["pdf"]:
            return None
        for root, relative, digest in manifest["read"]:
            path = _inside(roots.get(root), relative)
            if path is None or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
                return None
        os.utime(where / f"{entry}.json")  # recently used: kept longest
        return pdf
    except (OSError, ValueError, KeyError, TypeError):
        return None


def keep(where: Path, entry: str, pdf: bytes, read: dict[Path, str], roots: dict[str, Path]) -> str | None:
    """Store the PDF and what it read; None, or why it could not be stored."""
    files = sorted(read)
    located = [_locate(path, roots) for path in files]
    if None in located:
        return "PDF membaca berkas di luar tempat yang diizinkan"
    manifest = {
        "pdf": hashlib.sha256(pdf).hexdigest(),
        "read": [[root, relative, read[path]] for (root, relative), path in zip(located, files, strict=True)],
    }
    try:
        cache.write(where / f"{entry}.pdf", pdf)
        cache.write(where / f"{entry}.json", json.dumps(manifest, indent=1).encode())
        cache.prune(where, ".json")
    except OSError as error:
        return error.strerror or str(error)
    return None


def _locate(path: Path, roots: dict[str, Path]) -> tuple[str, str] | None:
    for name, root in roots.items():
        if path.is_relative_to(root):
            return name, str(path.relative_to(root))
    return None


def _inside(root: Path | None, relative: str) -> Path | None:
    if root is None:
        return None
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) else None
