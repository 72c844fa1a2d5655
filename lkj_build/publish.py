"""Publishing a build: one build at a time, each into its own folder, switched in one step.

    site -> .site-versi/20261130T050102Z-4242     (a relative symbolic link)

A build writes into a new folder under `.site-versi/`. Only when everything succeeded is
the `site` link replaced, by renaming a new link over it (`os.replace`): a reader, a web
server or a copy sees the old site or the new one, never a mix and never nothing. The old
folder is removed afterwards; if that fails the new site is live anyway and the next
build removes it. A build that was killed leaves only a folder that `site` does not
point to, which the next build removes.
"""

import fcntl
import os
import shutil
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

VERSIONS = ".site-versi"
SITE = "site"
LOCK = ".kunci"
OLD_TEMPORARY = ".site-baru-"  # temporary folders of earlier versions of `make build`


class Busy(Exception):
    """Another build of this project is running."""


class Versions:
    def __init__(self, project: Path):
        self.project = Path(project)
        self.folder = self.project / VERSIONS
        self.site = self.project / SITE

    @contextmanager
    def lock(self):
        """Hold the project's build lock (released by the system even if the build is killed)."""
        self.folder.mkdir(exist_ok=True)
        with open(self.folder / LOCK, "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise Busy() from None
            yield

    def new(self) -> Path:
        """A fresh, empty folder for the next build."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        version = self.folder / f"{stamp}-{os.getpid()}"
        version.mkdir()
        return version

    def current(self) -> Path | None:
        """The version `site` points to, if `site` is such a link."""
        if not self.site.is_symlink():
            return None
        return (self.site.parent / os.readlink(self.site)).resolve()

    def switch(self, version: Path) -> None:
        """Make `site` point to `version`, atomically."""
        link = self.project / f".site-link-{os.getpid()}"
        link.unlink(missing_ok=True)
        link.symlink_to(version.relative_to(self.project))
        if self.site.is_dir() and not self.site.is_symlink():
            # `site/` was a plain folder (an older layout, or `mkdocs build`): it is kept as
            # a version, which costs one moment without `site` this one time.
            self.site.rename(self.folder / f"lama-{version.name}")
        os.replace(link, self.site)

    def clean(self) -> list[str]:
        """Remove every version but the current one, and leftovers of killed builds.

        Returns what could not be removed (the next build tries again).
        """
        keep = self.current()
        leftovers = [path for path in self.folder.iterdir() if path.name != LOCK and path.resolve() != keep]
        leftovers += [path for path in self.project.glob(f"{OLD_TEMPORARY}*")]
        leftovers += [path for path in self.project.glob(".site-link-*")]
        failed = []
        for path in leftovers:
            try:
                remove(path)
            except OSError as error:
                failed.append(f"{path.relative_to(self.project)} ({error.strerror or error})")
        return failed


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
