"""Copies of the project in tmp_path, built with the real mkdocs CLI, as `make` does; a built
site served over HTTP and a browser to read it."""

import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("docs", "data", "macros", "mkdocs.yml", "hooks.py", "pdf_event_hook.py", "kamus.txt")


def copy_project(destination: Path) -> Path:
    """The project's sources (chapters, data, macros, PDF templates) copied to `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT_ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def run_python(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """`python <args>` in `cwd` with the test run's interpreter, output captured."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **env}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=600
    )


def build(project: Path, pdf: bool = False, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in `project`, as `make build` (pdf=True) or `make serve` runs it.

    Replicate a failure by hand with: cd <project> && LKJ_PDF=true mkdocs build --strict
    """
    command = ["-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    return run_python(command, project, **{"LKJ_PDF": "true" if pdf else "false", **env})


@contextmanager
def served(folder: Path):
    """`folder` served over HTTP on 127.0.0.1, as a static host serves a site: yields its address."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@contextmanager
def chromium():
    """Debian's Chromium driven by Playwright (no browser is downloaded)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium")
        try:
            yield browser
        finally:
            browser.close()


def with_makefile(project: Path) -> Path:
    """`project` as a writer's checkout: this Makefile, its lock files and this .venv (nothing installed)."""
    for name in ("Makefile", "requirements.lock", "requirements-bootstrap.lock", "pyproject.toml"):
        shutil.copy2(PROJECT_ROOT / name, project / name)  # their times kept: make finds .venv up to date
    (project / "scripts").mkdir(exist_ok=True)
    shutil.copy2(PROJECT_ROOT / "scripts" / "system-deps.sh", project / "scripts" / "system-deps.sh")
    (project / ".venv").symlink_to(PROJECT_ROOT / ".venv")
    return project
