"""One MkDocs build of the report in this process, every failure told in one Indonesian line.

    python -m lkj_site.builder.run PROJECT SITE_DIR [--pdf]

Prints what an editor needs while it builds (the data warnings, MkDocs' warnings in
Indonesian) and, when the build fails, a last line `Build gagal: <why and what to do>`,
never a traceback (`LKJ_DEBUG=1` shows one, for the project's maintainers). Used by
`make build` (in a child process, see `__main__.py`) and by `make check`.
"""

import logging
import os
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from .. import messages
from .search import SWITCH as SEARCH_SWITCH

OUR_LOGGER = "mkdocs.plugins.lkj"  # the data findings (macros/load.py)


class Console(logging.Handler):
    """Shows our findings and MkDocs' warnings (in Indonesian); keeps MkDocs' errors for the last line."""

    def __init__(self, quiet: bool):
        super().__init__(logging.INFO)
        self.quiet = quiet  # `make check` prints the findings itself
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            self.errors.append(message)
        elif record.levelno >= logging.WARNING:
            line = messages.warning(message)
            self.warnings.append(line)
            print(f"PERINGATAN {line}", file=sys.stderr)
        elif record.name == OUR_LOGGER and not self.quiet:
            print(message, file=sys.stderr)


def build(
    project: Path,
    site_dir: Path,
    pdf: bool,
    quiet: bool = False,
    strict: bool = True,
    details: list | None = None,
    search_index: bool = True,
) -> str | None:
    """Build `project` into `site_dir`. None when it succeeded, else why it failed (one line).

    `strict=False` (`make serve`): warnings are shown, not failures. `details`, when given,
    receives the lines printed above that line (one per data error), for `serve` to show.
    `search_index=False`: the caller makes the search index afterwards (`make serve` does, while
    the browser already reloads the page).
    """
    console = Console(quiet)
    switches = {"LKJ_PDF": "true" if pdf else "false", SEARCH_SWITCH: "1" if search_index else "0"}
    with _logging(console), _environment(**switches), _directory(project):
        try:
            config = load_config(str(Path(project) / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
            return None
        except BaseException as error:  # noqa: BLE001 - every failure becomes one line
            if os.environ.get("LKJ_DEBUG") == "1":
                traceback.print_exc()
            return _reason(error, console, details if details is not None else [])


def _reason(error: BaseException, console: Console, details: list[str]) -> str:
    cause = error.__context__ if isinstance(error, Abort) and error.__context__ is not None else error
    findings = getattr(cause, "findings", None)
    if findings:  # lkj/findings.py DataError: one line per error, then the summary
        for finding in findings:
            details.append(finding.line())
            print(details[-1], file=sys.stderr)
        return f"{len(findings)} galat pada data; perbaiki berkas di data/ (aturannya di data/README.md)"
    if isinstance(cause, MkDocsException) and not isinstance(cause, Abort):
        text = " ".join(str(cause).split()) or "; ".join(messages.warning(e) for e in console.errors)
        return text or "konfigurasi atau isi laporan tidak valid (lihat di atas)"
    if console.warnings:  # strict mode (or mkdocs-with-pdf's): the warnings are the cause
        if len(console.warnings) == 1:
            return console.warnings[0]
        return f"{console.warnings[0]} (dan {len(console.warnings) - 1} peringatan lain di atas)"
    if isinstance(cause, OSError):
        return messages.os_error(cause)
    if isinstance(cause, MemoryError):
        return "memori komputer tidak cukup; tutup program lain atau periksa data yang sangat besar"
    if isinstance(cause, KeyboardInterrupt):
        return "dibatalkan"
    if isinstance(cause, SystemExit):
        return "sebuah plugin menghentikan build; " + ("; ".join(console.errors) or "lihat pesan di atas")
    return messages.unexpected(cause)


@contextmanager
def _logging(handler: logging.Handler):
    logger = logging.getLogger("mkdocs")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.handlers[:], logger.level, logger.propagate = saved


@contextmanager
def _environment(**values: str):
    """mkdocs.yml reads switches such as LKJ_PDF with !ENV."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def _directory(path: Path):
    """mkdocs-with-pdf finds its event hook (pdf_event_hook.py) in the working directory."""
    saved = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(saved)


def main(argv: list[str]) -> int:
    project, site_dir = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    reason = build(project, site_dir, pdf="--pdf" in argv)
    if reason is None:
        return 0
    print(f"Build gagal: {reason}.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
