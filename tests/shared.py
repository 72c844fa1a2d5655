"""What a test run shares across its workers: one folder (`LKJ_UJI_BERSAMA`) holding the build's
caches and the real report built once, site and PDF.

The real report is started building in the background as soon as a worker has collected a test
that reads it (`start`), so that it builds while the first tests run; whoever asks for it
(`folder`) waits for that build, or builds it if none was started.

    python -m tests.shared NAME LOCK_FD   (the background build: it holds the lock until done)
"""

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.sites import PROJECT_ROOT, copy_project

VARIABLE = "LKJ_UJI_BERSAMA"


def root() -> Path:
    return Path(os.environ[VARIABLE])


def real_report(folder: Path) -> None:
    from lkj_site.builder import run

    project = copy_project(folder / "lkj")
    reason = run.build(project, project / "site", pdf=True)
    assert reason is None, reason


BUILDS = {"laporan-utuh": real_report}


def _paths(name: str) -> tuple[Path, Path, Path]:
    return root() / name, root() / f"{name}.selesai", root() / f"{name}.kunci"


def folder(name: str) -> Path:
    """The shared build `name`, made once for the whole run, whichever worker asks first."""
    made, done, lock = _paths(name)
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # a build in progress (in the background too) holds it
        if not done.exists():
            shutil.rmtree(made, ignore_errors=True)
            BUILDS[name](made)
            done.touch()
    return made


def start(name: str) -> subprocess.Popen | None:
    """Build `name` in a background process, unless another worker started it already."""
    _, _, lock = _paths(name)
    try:
        claim = os.open(root() / f"{name}.dimulai", os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError:
        return None
    os.close(claim)
    handle = os.open(lock, os.O_WRONLY | os.O_CREAT)
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:  # the child inherits the locked file: the lock is held until it exits
        return subprocess.Popen(
            [sys.executable, "-m", "tests.shared", name, str(handle)],
            cwd=PROJECT_ROOT,
            pass_fds=(handle,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    finally:
        os.close(handle)


if __name__ == "__main__":
    name = sys.argv[1]
    made, done, _ = _paths(name)
    shutil.rmtree(made, ignore_errors=True)
    BUILDS[name](made)  # on a failure no marker: the worker that asks builds it and says why
    done.touch()
