"""Child processes that die with their parent: a stopped build leaves nothing running or writing.

Used by `lkj build` and `lkj portal build` (the build's child process: its command and time
limit are here too) and by the search index
(Pagefind, `builder/search.py`): when the process that started them dies, even of SIGKILL,
Linux sends them the signal asked for here.
"""

import ctypes
import os
import sys
from pathlib import Path

PR_SET_PDEATHSIG = 1


def die_with_parent(signal_number: int) -> None:
    """Ask Linux to send `signal_number` to this process when its parent dies."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal_number))


DEFAULT_TIME_LIMIT = 1800  # seconds; the report builds in seconds, a large one in minutes


def stage_command(project: Path, version: Path, pdf: bool) -> list[str]:
    """The child process (`publisher/stage.py`) that builds `project` into `version`
    (`lkj build`, `lkj portal build`)."""
    return [sys.executable, "-m", "lkj_site.publisher.stage", str(project), str(version), *(["--pdf"] if pdf else [])]


def stage_time_limit() -> int:
    """How long that child may run: `LKJ_BATAS_WAKTU` seconds, else DEFAULT_TIME_LIMIT."""
    value = os.environ.get("LKJ_BATAS_WAKTU", "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_TIME_LIMIT
