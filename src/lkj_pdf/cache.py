"""Reuse the PDF of an earlier build when nothing it is made of has changed.

A second `make build` of unchanged sources would render the same bytes again (seconds for
this report, minutes for a large one). An entry is keyed by the SHA-256 of everything the
PDF is made from, as `plugin.py` lists it (each page's HTML in the report's order, the PDF
options, metadata, attached data and its date) together with `code()`: the versions of
WeasyPrint, pydyf and mkdocs-with-pdf and the source of this package, its templates
included. What WeasyPrint read while rendering (fonts, stylesheets, images, the logo) is
recorded with each file's SHA-256, relative to the place it was allowed to read from: an
entry is used only if every one of those files still has the same content, and the PDF still
has the SHA-256 it was stored with.

Where: `$XDG_CACHE_HOME/lkj/pdf` (else `~/.cache/lkj/pdf`), outside the repository, so that
no pull request can put a PDF there; the newest ENTRIES are kept. `LKJ_PDF_CACHE=0` turns it
off (the reproducibility test does), `LKJ_PDF_CACHE=<folder>` puts it elsewhere. A cache
that cannot be read or written is skipped: the PDF is rendered, the build goes on.
"""

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ENTRIES = 8
PACKAGE = Path(__file__).resolve().parent
RENDERERS = ("weasyprint", "pydyf", "mkdocs-with-pdf")


def folder() -> Path | None:
    setting = os.environ.get("LKJ_PDF_CACHE", "")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lkj" / "pdf"


def key(parts: Iterable[str | bytes]) -> str:
    """SHA-256 of the parts, each length-prefixed: no two different lists give the same key."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def code() -> list[str | bytes]:
    """The renderers' versions and this package's source: a change in either renders anew."""
    parts: list[str | bytes] = []
    for name in RENDERERS:
        try:
            parts += [name, version(name)]
        except PackageNotFoundError:
            parts += [name, "?"]
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".scss", ".css", ".html"):
            parts += [str(path.relative_to(PACKAGE)), path.read_bytes()]
    return parts


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
    located = [_locate(path, roots) for path in sorted(read)]
    if None in located:
        return "PDF membaca berkas di luar tempat yang diizinkan"
    manifest = {
        "pdf": hashlib.sha256(pdf).hexdigest(),
        "read": [[root, relative, read[path]] for (root, relative), path in zip(located, sorted(read), strict=True)],
    }
    try:
        where.mkdir(parents=True, exist_ok=True)
        _write(where / f"{entry}.pdf", pdf)
        _write(where / f"{entry}.json", json.dumps(manifest, indent=1).encode())
        _prune(where)
    except OSError as error:
        return error.strerror or str(error)
    return None


def _locate(path: Path, roots: dict[str, Path]) -> tuple[str, str] | None:
    for name, root in roots.items():
        if path == root or path.is_relative_to(root):
            return name, str(path.relative_to(root))
    return None


def _inside(root: Path | None, relative: str) -> Path | None:
    if root is None:
        return None
    path = (root / relative).resolve()
    return path if path == root or path.is_relative_to(root) else None


def _write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tulis-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _prune(where: Path) -> None:
    manifests = sorted(where.glob("*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in manifests[ENTRIES:]:
        old.with_suffix(".pdf").unlink(missing_ok=True)
        old.unlink(missing_ok=True)
