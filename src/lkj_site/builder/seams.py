"""Where the build changes a library's behaviour from the outside, and why: one place, each change
guarded by a test (`tests/test_build.py`) that fails when the pinned library moves.

- **mkdocs-macros' `git` variable** is made at the start of every build by running git twelve
  times (`mkdocs_macros.context.get_git_info`), 25 ms of each rebuild of `make serve`, for a
  variable no chapter of ours uses. It is made lazily instead: the same values, asked of git
  only when a chapter reads `{{ git.… }}`.
"""

from collections.abc import Mapping


class LazyGitInfo(Mapping):
    """mkdocs-macros' git information, computed on first use."""

    def __init__(self, compute):
        self._compute, self._values = compute, None

    def _all(self) -> dict:
        if self._values is None:
            self._values = self._compute()
        return self._values

    def __getitem__(self, key):
        return self._all()[key]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def install() -> None:
    """Called before mkdocs-macros configures itself (hooks.py, `on_config` with a high priority)."""
    from mkdocs_macros import context

    original = getattr(context.get_git_info, "__wrapped__", context.get_git_info)

    def lazy_git_info():
        return LazyGitInfo(original)

    lazy_git_info.__wrapped__ = original
    context.get_git_info = lazy_git_info
