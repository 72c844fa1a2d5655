"""Load data/ for a build: validate it (`validate.py`), stop on errors, keep the warnings.

Read once per build; the macros only look at what is loaded here. While `make serve`
runs, a rebuild after a chapter edit reuses the data if no file in data/ changed. Across
builds, data that validated is kept in the cache (`cache.py`, `data/`), keyed by the bytes
of every entry of data/, the scale of levels, and the code and versions that validate it:
an unchanged data/ is neither parsed nor validated again, and pandas is not even imported.
"""

import os
import pickle
import stat
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from . import cache
from .csvfile import read_regular_file
from .data import Data
from .findings import DataError, Finding, errors, warnings
from .settings import SKALA_BAWAAN

PACKAGE = Path(__file__).resolve().parent
VALIDATORS = ("pandas", "pandera", "numpy")


def load_data(data_dir: Path, levels: Sequence[Sequence[str]] = SKALA_BAWAAN, emit=print) -> Data:
    """The typed data, or DataError listing every error found (warnings stay in `Data.findings`)."""
    data_dir = Path(data_dir).absolute()
    return _load(data_dir, tuple(tuple(scale) for scale in levels), _stamp(data_dir), emit)


def _stamp(data_dir: Path) -> tuple:
    """What identifies the folder's content: each entry's name, kind, size and time (links not followed)."""
    try:
        entries = [(entry.name, entry.lstat()) for entry in data_dir.iterdir()]
    except OSError:
        return ()
    return tuple(sorted((name, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ino) for name, info in entries))


@lru_cache(maxsize=4)
def _load(data_dir: Path, levels: tuple[tuple[str, ...], ...], files: tuple, emit) -> Data:
    """Kept in memory on the files' names, times and sizes: a changed CSV is read again."""
    where = cache.folder("data")
    entry = where / f"{cache.key(_inputs(data_dir, levels))}.pickle" if where else None
    data = _cached(entry) if entry else None
    if data is not None:
        return data
    from .validate import validate  # pandas and pandera: only when the data is validated

    data, findings = validate(data_dir, levels)
    if data is None:
        report_findings(warnings(findings), emit=emit)  # warnings are always shown
        annotate(errors(findings))  # the errors' lines are the DataError's message
        raise DataError(errors(findings))
    if entry:
        try:
            cache.write(entry, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
            cache.prune(entry.parent, ".pickle")
        except OSError:
            pass  # validated again next time
    return data


def _inputs(data_dir: Path, levels: tuple) -> Iterable[str | bytes]:
    """What validated data depends on: the code and versions, the scale, every entry of data/."""
    yield from cache.versions(*VALIDATORS)
    yield from cache.sources(PACKAGE)
    yield repr(levels)
    yield repr(data_dir.is_symlink())
    try:
        entries = sorted(data_dir.iterdir())
    except OSError as error:
        yield f"tidak terbaca: {error}"
        return
    for entry in entries:
        try:
            mode = entry.lstat().st_mode
        except OSError:  # gone meanwhile: validate() says so
            mode = 0
        content = read_regular_file(entry)[0] if stat.S_ISREG(mode) else None  # never opens a FIFO or link
        yield from (entry.name, str(stat.S_IFMT(mode)), content if content is not None else b"")


def _cached(entry: Path) -> Data | None:
    try:
        data = pickle.loads(entry.read_bytes())
    except Exception:  # noqa: BLE001 - missing, partly written, from another version: validated again
        return None
    return data if isinstance(data, Data) else None


def report_findings(findings: Sequence[Finding], emit=print) -> None:
    """One line per finding; under GitHub Actions also as annotations on the pull request."""
    for finding in findings:
        emit(finding.line())
    annotate(findings)


def annotate(findings: Sequence[Finding]) -> None:
    """Under GitHub Actions, print the findings as annotations shown on the pull request's diff."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for finding in findings:
            print(finding.github_annotation(), file=sys.stdout)
