"""Shared fixtures: the real data, and the real project built once with its PDF."""

from pathlib import Path

import pytest

from tests.sites import PROJECT_ROOT, build, copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "lkj")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project built once, site and PDF, as `make build` does."""
    project = copy_project(tmp_path_factory.mktemp("built") / "lkj")
    result = build(project, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def pdf_path(built_site: Path) -> Path:
    (path,) = (built_site / "pdf").glob("*.pdf")
    return path


@pytest.fixture(scope="session")
def pdf_text(pdf_path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(pdf_path).pages)


@pytest.fixture(scope="session")
def real_data():
    from lkj.load import load_data

    return load_data(PROJECT_ROOT / "data")
