"""When each source file last changed, from git: the "Terakhir diubah" line of every page.

One `git log` per build reads the whole history once (dates of commits, the files each
touched). Outside a git repository, or for a file git does not know, there is no date and
the page says so; nothing is guessed from the file system's clock.
"""

import subprocess
from datetime import date
from pathlib import Path

from babel.dates import format_date


def last_changes(project_dir: Path) -> dict[str, date]:
    """Path in the repository ("docs/bab-3.md") -> date of the last commit that changed it."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--no-renames", "--", "docs", "data"],
            cwd=project_dir,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
        prefix = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], cwd=project_dir, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    changes: dict[str, date] = {}
    day = None
    for line in log.splitlines():
        if line.startswith("@"):
            day = date.fromisoformat(line[1:])
        elif line and day is not None:
            changes.setdefault(line.removeprefix(prefix), day)  # newest first: the first seen is the last change
    return changes


def line(paths: list[str], changes: dict[str, date]) -> str:
    """`Terakhir diubah 30 November 2026`, the newest date of `paths`, or why there is none."""
    known = [changes[path] for path in paths if path in changes]
    if not known:
        return "Tanggal perubahan belum tercatat di git"
    return f"Terakhir diubah {format_date(max(known), 'd MMMM y', locale='id')}"
