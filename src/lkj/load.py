"""Load data/ for a build: validate it (`validate.py`), stop on errors, keep the warnings.

Read once per build; the macros only look at what is loaded here. While `make serve`
runs, a rebuild after a chapter edit reuses the data if no file in data/ changed.
"""

import os
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .findings import DataError, Finding, errors, warnings
from .settings import SKALA_BAWAAN
from .validate import Data, validate


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
    """Cached on the files' names, times and sizes: a changed CSV is read again."""
    data, findings = validate(data_dir, levels)
    if data is None:
        report_findings(warnings(findings), emit=emit)  # warnings are always shown
        annotate(errors(findings))  # the errors' lines are the DataError's message
        raise DataError(errors(findings))
    return data


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
