"""What the build keeps to reuse, and where: one folder outside the repository.

`$XDG_CACHE_HOME/lkj` (else `~/.cache/lkj`), with `data/` (the validated data, `load.py`),
`pdf/` (the rendered PDF, `lkj_pdf/cache.py`), `jinja/` (the theme compiled,
`lkj_site/builder/compiled.py`), and what `remembered` keeps: `gambar/` (charts drawn),
`unduhan/` (workbooks written) and `kompresi/` (the site's pre-compressed copies). Outside the
repository, so that no pull request can put an entry there. `LKJ_CACHE=0` turns them all off (the test suite does),
`LKJ_CACHE=<folder>` puts them elsewhere. An entry is named by the SHA-256 of everything it
is made from (`key`), including the code that made it (`sources`, `versions`); it is written
whole or not at all; the newest ENTRIES of each kind are kept. A cache that cannot be read
or written is passed over: the work is done again, the build goes on.
"""

import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ENTRIES = 8


def folder(kind: str) -> Path | None:
    """The folder of one kind of entry ("data", "pdf"), or None when caching is off."""
    setting = os.environ.get("LKJ_CACHE", "")
    if setting == "0":
        return None
    base = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lkj"
    return base / kind


def key(parts: Iterable[str | bytes]) -> str:
    """SHA-256 of the parts, each length-prefixed: no two different lists give the same key."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def versions(*distributions: str) -> list[str]:
    """Python's version and each distribution's, as parts of a key."""
    parts = [sys.version]
    for name in distributions:
        try:
            parts += [name, version(name)]
        except PackageNotFoundError:
            parts += [name, "?"]
    return parts


def sources(
    package: Path, suffixes: tuple[str, ...] | None = (".py",), leave_out: tuple[str, ...] = ()
) -> list[str | bytes]:
    """The files of a package (name and content; `suffixes=None`: every file), as parts of a key:
    edited code, new entry. `leave_out`: folders of the package that the work keyed never runs."""
    parts: list[str | bytes] = []
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if relative.parts[0] in leave_out or "/".join(relative.parts[:2]) in leave_out:
            continue
        if (suffixes is None or path.suffix in suffixes) and path.is_file() and "__pycache__" not in path.parts:
            parts += [str(relative), path.read_bytes()]
    return parts


_MEMORY: dict[tuple[str, str], bytes] = {}  # (kind, key) -> bytes, across the rebuilds of `make serve`
_MEMORY_MAX = 512
MADE_MAX = 4096  # entries of one kind of `remembered` kept on disk (a regency's reports share them)


def remembered(kind: str, parts: Iterable[str | bytes], make) -> bytes:
    """`make()`, or what it gave before for the same `parts`: in memory during this process, and
    on disk in the folder of `kind` (unless caching is off). For pure and costly work only (a chart
    drawn, a workbook written): `parts` must name everything the bytes depend on, code included."""
    name = key(parts)
    found = _MEMORY.get((kind, name))
    if found is not None:
        return found
    where = folder(kind)
    entry = where / f"{name}.bin" if where else None
    try:
        found = entry.read_bytes() if entry else None
    except OSError:
        found = None
    if found is None:
        found = make()
        if entry:
            try:
                write(entry, found)
                prune(where, ".bin", MADE_MAX)
            except OSError:
                pass  # made again next time
    if len(_MEMORY) >= _MEMORY_MAX:
        _MEMORY.clear()
    _MEMORY[(kind, name)] = found
    return found


def write(path: Path, data: bytes) -> None:
    """`path` holds `data`, whole, or is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tulis-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def prune(where: Path, suffix: str, keep: int = ENTRIES) -> None:
    """Keep the `keep` newest entries (by their `suffix` file), with every file of the same name."""
    entries = list(where.glob(f"*{suffix}"))
    if len(entries) <= keep:
        return
    newest = sorted(entries, key=lambda path: path.stat().st_mtime, reverse=True)
    for old in newest[keep:]:
        for part in where.glob(f"{old.name[: -len(suffix)]}.*"):
            part.unlink(missing_ok=True)
