"""Shared fixtures: the real data, and the real report built once, site and PDF, in this process.

The suite runs on every core (`make test`: `pytest -n auto --dist loadfile`): each module is
given to one worker, so a module's fixtures are made once; every test of the one full build of
the real report is in test_full_report.py. `-m "not lambat"` is the inner loop
(`make test-fast`): everything but the tests that build a report or start processes.
"""

import os
from pathlib import Path

import pytest

from tests.sites import PROJECT_ROOT, copy_project

# Every test validates its data and renders its PDF: nothing comes from, or goes to, the
# user's cache (lkj/cache.py). The tests of the caches give them a folder of their own.
os.environ["LKJ_CACHE"] = "0"

REAL_REPORT = {"built_site", "pdf_path", "pdf_text", "page_texts", "reader", "pages", "plumber"}


def pytest_collection_modifyitems(items):
    for item in items:
        if REAL_REPORT & set(item.fixturenames):
            item.add_marker(pytest.mark.lambat)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "lkj")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real report built once, site and PDF, as `make build` builds it."""
    from lkj_site.builder import run

    project = copy_project(tmp_path_factory.mktemp("built") / "lkj")
    reason = run.build(project, project / "site", pdf=True)
    assert reason is None, reason
    return project / "site"


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
