"""Child processes that die with their parent: a stopped build leaves nothing running or writing.

Used by `lkj build` (the build's child process, `commands/build.py`) and by the search index
(Pagefind, `builder/search.py`): when the process that started them dies, even of SIGKILL,
Linux sends them the signal asked for here.
"""

import ctypes
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(signal_number: int) -> None:
    """Ask Linux to send `signal_number` to this process when its parent dies."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal_number))
