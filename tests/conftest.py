"""Shared fixtures: the real data, and the real report built once, site and PDF, for the whole run.

The suite runs on every core (`make test`: `pytest -n auto --dist loadfile`): each module is given
whole to one worker, so a module's fixtures are made once. The real report's full build
(`built_site`) is made once for all workers, in the background from the moment a test that reads
it is collected (`tests/shared.py`). `-m "not lambat"` is the inner loop (`make test-fast`):
everything but the tests that build a report or start processes.

The caches of the build (lkj/cache.py: data validated, charts drawn, workbooks written, copies
compressed, PDFs) are one folder for the whole run, as on a writer's machine: a report built twice
is validated, drawn and rendered once. The tests of the caches, and those that must render twice,
use their own.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests import shared
from tests.sites import PROJECT_ROOT, copy_project

_background: list = []  # the shared builds this process started


def pytest_configure(config):
    """One folder for the whole run, inherited by every worker: the caches and the shared build.
    Nothing comes from, or goes to, the user's own cache (~/.cache/lkj)."""
    if shared.VARIABLE not in os.environ:
        os.environ[shared.VARIABLE] = tempfile.mkdtemp(prefix="lkj-uji-")
        config.lkj_shared_owner = True
    os.environ["LKJ_CACHE"] = str(shared.root() / "cache")


def pytest_unconfigure(config):
    for process in _background:  # a run stopped early: its background build goes too
        if process.poll() is None:
            process.kill()
            process.wait()
    if getattr(config, "lkj_shared_owner", False):
        shutil.rmtree(os.environ.pop(shared.VARIABLE), ignore_errors=True)


REAL_REPORT = {"built_site", "pdf_path", "pdf_text", "page_texts", "reader", "pages", "plumber"}


def pytest_collection_modifyitems(items):
    for item in items:
        if REAL_REPORT & set(item.fixturenames):
            item.add_marker(pytest.mark.lambat)


def pytest_collection_finish(session):
    """The real report starts building now if a test will read it (after `-m` chose the tests)."""
    if any(REAL_REPORT & set(item.fixturenames) for item in session.items):
        started = shared.start("laporan-utuh")
        if started is not None:
            _background.append(started)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "lkj")


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The real report built once for the whole run, site and PDF, as `make build` builds it."""
    return shared.folder("laporan-utuh") / "lkj" / "site"


@pytest.fixture(scope="session")
def pdf_path(built_site: Path) -> Path:
    (path,) = (built_site / "pdf").glob("*.pdf")
    return path


@pytest.fixture(scope="session")
def reader(pdf_path: Path):
    from pypdf import PdfReader

    return PdfReader(pdf_path)


@pytest.fixture(scope="session")
def page_texts(reader) -> list[str]:
    """The text of each page of the real report's PDF, extracted once."""
    return [page.extract_text() for page in reader.pages]


@pytest.fixture(scope="session")
def pdf_text(page_texts) -> str:
    return "\n".join(page_texts)


@pytest.fixture(scope="session")
def real_data():
    from lkj.load import load_data

    return load_data(PROJECT_ROOT / "data")


@pytest.fixture(scope="session")
def extra():
    """The settings section (`extra`) of the real report's mkdocs.yml."""
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    with (PROJECT_ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=get_yaml_loader())["extra"]


@pytest.fixture
def report(real_data, extra):
    """The real report's `Report`, on a page of BAB III."""
    from lkj.report import Report
    from lkj.settings import read_settings

    report = Report(real_data, read_settings(extra))
    report.start_page(3)
    return report
