"""Publishing a build: one build at a time, each into its own folder, swapped in in one step.

A build writes into a new folder under `.site-versi/`. Only when everything succeeded does
that folder take the place of `site/`, by exchanging the two names in one atomic step
(Linux `renameat2(RENAME_EXCHANGE)`): a reader, a web server or a copy sees the old site
or the new one, never a mix and never nothing, and `site/` stays an ordinary folder. The
old site, now under `.site-versi/`, is removed afterwards; if that fails the new site is
live anyway and the next build removes it. A build that was killed leaves only a folder
under `.site-versi/`, which the next build removes.
"""

import ctypes
import errno
import fcntl
import os
import shutil
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

VERSIONS = ".site-versi"
SITE = "site"
LOCK = ".kunci"
KEPT = "terbit.json"  # what the published site was built from (reuse.py): not a leftover
OLD_TEMPORARY = ".site-baru-"  # temporary folders of earlier versions of `make build`
AT_FDCWD, RENAME_EXCHANGE = -100, 2


class Busy(Exception):
    """Another build of this project is running."""


class NotAFolder(Exception):
    """`.site-versi` is a link or a file: building into it could write, or remove, elsewhere."""


class Versions:
    def __init__(self, project: Path):
        self.project = Path(project)
        self.folder = self.project / VERSIONS
        self.site = self.project / SITE

    @contextmanager
    def lock(self):
        """Hold the project's build lock (released by the system even if the build is killed)."""
        if self.folder.is_symlink() or (self.folder.exists() and not self.folder.is_dir()):
            raise NotAFolder(self.folder.name)
        self.folder.mkdir(exist_ok=True)
        try:
            descriptor = os.open(self.folder / LOCK, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise NotAFolder(f"{VERSIONS}/{LOCK}") from None
            raise
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise Busy() from None
            yield
        finally:
            os.close(descriptor)

    def new(self) -> Path:
        """A fresh, empty folder for the next build."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        version = self.folder / f"{stamp}-{os.getpid()}"
        version.mkdir()
        return version

    def switch(self, version: Path) -> None:
        """Put `version` in the place of `site/` in one step; the old site moves to `version`."""
        if not os.path.lexists(self.site):
            os.rename(version, self.site)
        else:
            exchange(version, self.site)

    def clean(self) -> list[str]:
        """Remove every folder under `.site-versi/` and leftovers of older layouts.

        Returns what could not be removed (the next build tries again).
        """
        leftovers = [path for path in self.folder.iterdir() if path.name not in (LOCK, KEPT)]
        leftovers += list(self.project.glob(f"{OLD_TEMPORARY}*"))
        failed = []
        for path in leftovers:
            try:
                remove(path)
            except OSError as error:
                failed.append(f"{path.relative_to(self.project)} ({error.strerror or error})")
        return failed


def exchange(first: Path, second: Path) -> None:
    """Swap the names of two paths atomically; where the system cannot, as fast as it can."""
    rename = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if rename is not None:
        if rename(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
            return
        number = ctypes.get_errno()
        if number not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(number, os.strerror(number), str(second))
    # No atomic exchange on this system or file system: three renames, a moment without `site`.
    aside = first.with_name(first.name + ".lama")
    os.rename(second, aside)
    os.rename(first, second)
    os.rename(aside, first)


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
