"""Nothing changed, nothing done; one thing changed, only what shows it is new.

- **The inputs of a build** (`inputs_key`): every file of the report folder (chapters, data,
  settings, macros, hooks, logo, theme; not what builds leave, nor git's or Python's folders),
  the switches taken from the environment (`LKJ_…`, `SOURCE_DATE_EPOCH`), the dates git gives
  the pages and the PDF, the toolkit's own files and every installed package's version. Their
  SHA-256 is kept beside the published site (`.site-versi/terbit.json`) with the list of its
  files: a build whose key is the same, and whose `site/` is as it was left, is not done at all
  (`published_unchanged`).
- **A build that did run** (`carry_over`): each file of the new version that has the same bytes
  as in the published site keeps the published file's modification time, so that a static host,
  a sync tool and a reader of `ls -l` see exactly which pages, charts and downloads changed; the
  pre-compressed copies of unchanged files are reused (`compress.py`).
"""

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lkj import cache

from .versions import KEPT as MANIFEST  # in .site-versi/: the key and the files of the published site

KEY_VERSION = "2"  # raise when what the key covers changes
TOOLKIT = ("lkj", "lkj_site", "lkj_pdf")
# What builds, git, Python and editors leave in a report folder: never an input of the site.
NOT_INPUTS = {
    ".git",
    "site",
    ".site-versi",
    ".venv",
    "venv",
    "vendor",  # the toolkit's wheel: its installed files and version are part of the key
    "build",
    "dist",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "node_modules",
}
NOT_SWITCHES = {"LKJ_CACHE", "LKJ_BATAS_WAKTU", "LKJ_DEBUG", "LKJ_SEKALIGUS", "LKJ_UJI_BERSAMA"}  # where, how, not what
# The toolkit's folders a report's build never runs: a change there rebuilds no report.
NOT_IN_A_BUILD = ("portal", "commands/template", "commands/template-portal")
KINDS = (  # how the changed files are told, by the folder they are in
    ("pdf/", "berkas PDF"),
    ("gambar/", "grafik"),
    ("unduh/", "unduhan tabel"),
    ("data/", "berkas data terbuka"),
    ("pagefind/", "berkas indeks pencarian"),
)


def inputs_key(project: Path, pdf: bool, environ: dict[str, str] | None = None) -> str:
    """`environ`: the environment the build will have (default: this process's)."""
    return cache.key(_inputs(Path(project), pdf, os.environ if environ is None else environ))


# What git gives the build: the PDF's date (the folder's last commit) and each page's date (the
# last commit of each chapter and data file). Asked of the report's folder only, so that in a
# regency's repository a commit to one office's report leaves the others' keys as they were.
GIT_ASKED = (
    ["log", "-1", "--format=%ct", "--", "."],
    ["log", "--format=@%cs", "--name-only", "--no-renames", "--", "docs", "data"],
)


def _inputs(project: Path, pdf: bool, environ):
    yield from (KEY_VERSION, sys.version, str(pdf))
    for name in sorted(environ):
        if (name.startswith("LKJ_") and name not in NOT_SWITCHES) or name == "SOURCE_DATE_EPOCH":
            yield from (name, environ[name])
    yield from _folder(project, project)
    for command in GIT_ASKED:
        yield _git(project, command)
    yield toolkit_key()


@lru_cache(maxsize=1)
def toolkit_key() -> str:
    """The toolkit's own files and every installed package's version: once per process (a regency's
    portal asks it for every report)."""
    parts: list[str | bytes] = []
    for name in TOOLKIT:
        package = Path(__import__(name).__file__).resolve().parent
        parts += cache.sources(package, suffixes=None, leave_out=NOT_IN_A_BUILD)
    parts += list(_installed())
    return cache.key(parts)


def _folder(root: Path, folder: Path):
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield f"{folder}: {error.strerror}"
        return
    for entry in entries:
        if entry.name in NOT_INPUTS or entry.name.startswith(".site-baru-"):
            continue
        relative = os.path.relpath(entry.path, root)
        if entry.is_symlink():
            yield from (relative, "->", os.readlink(entry.path))
        elif entry.is_dir():
            yield from _folder(root, Path(entry.path))
        elif entry.is_file():
            with open(entry.path, "rb") as file:
                yield from (relative, hashlib.file_digest(file, "sha256").digest())


def _git(project: Path, arguments: list[str]) -> str:
    try:
        result = subprocess.run(["git", *arguments], cwd=project, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "git tidak ada"
    return result.stdout if result.returncode == 0 else "bukan repositori git"


def _installed():
    """Every installed distribution with its version (the names of their .dist-info folders)."""
    for entry in sys.path:
        if os.path.isdir(entry):
            yield from sorted(name for name in os.listdir(entry) if name.endswith((".dist-info", ".egg-info")))


# --- the published site ------------------------------------------------------------------------


@dataclass
class Published:
    key: str
    files: dict[str, list[int]] = field(default_factory=dict)  # path in site/ -> [size, mtime_ns]
    warnings: list[str] = field(default_factory=list)  # what its build said, said again when it is reused


def listing(site: Path) -> dict[str, list[int]]:
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            files[path.relative_to(site).as_posix()] = [info.st_size, info.st_mtime_ns]
    return files


def record(versions_folder: Path, site: Path, key: str, warnings: list[str]) -> None:
    """Keep the key of the site just published, and what it holds."""
    published = Published(key, listing(site), warnings)
    cache.write(versions_folder / MANIFEST, json.dumps(published.__dict__, ensure_ascii=False).encode())


def published_unchanged(versions_folder: Path, site: Path, key: str) -> Published | None:
    """The published site, if it was built from exactly these inputs and nobody changed it since."""
    try:
        published = Published(**json.loads((versions_folder / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    if published.key != key or not site.is_dir() or site.is_symlink():
        return None
    return published if listing(site) == published.files else None


def forget(versions_folder: Path) -> None:
    """The published site is about to change: no key describes it until the new one is recorded."""
    (versions_folder / MANIFEST).unlink(missing_ok=True)


# --- a build that ran --------------------------------------------------------------------------


def carry_over(version: Path, site: Path) -> list[str]:
    """Files of `version` that are the same as in the published `site` keep its modification time.

    Returns the files that are new or changed (paths in the site, sorted).
    """
    changed = []
    for path in sorted(version.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        relative = path.relative_to(version)
        old = site / relative
        if old.is_file() and not old.is_symlink() and _same(path, old):
            info = old.stat()
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        else:
            changed.append(relative.as_posix())
    return changed


def _same(first: Path, second: Path) -> bool:
    if first.stat().st_size != second.stat().st_size:
        return False
    return first.read_bytes() == second.read_bytes()


def summary(changed: list[str], total: int) -> str:
    """`Berubah: 3 halaman (beranda, bab-3/, ikhtisar/), 2 grafik, 6 unduhan tabel; 240 berkas tetap.`"""
    if not changed:
        return f"Tidak ada berkas situs yang berubah; {total} berkas tetap."
    pages = [path for path in changed if path.endswith(".html")]
    parts = []
    if pages:
        names = [_page_name(path) for path in pages]
        parts.append(f"{len(pages)} halaman ({', '.join(names)})")
    counted = set(pages)
    for prefix, label in KINDS:
        mine = [path for path in changed if path.startswith(prefix) and path not in counted]
        counted.update(mine)
        if mine:
            parts.append(f"{len(mine)} {label}")
    rest = len(changed) - len(counted)
    if rest:
        parts.append(f"{rest} berkas lain")
    return f"Berubah: {', '.join(parts)}; {total - len(changed)} berkas tetap."


def _page_name(path: str) -> str:
    if path == "index.html":
        return "beranda"
    return path.removesuffix("index.html") or path
