"""Two builds of one commit give the same PDF, byte for byte; a second `make build` of unchanged
sources reuses it (lkj_pdf/cache.py); a change in anything the PDF is made of, even only the
content of a stylesheet it reads (the pages' HTML the same), renders it anew."""

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from lkj_site.builder import hooks, run
from tests.sites import copy_project

pytestmark = pytest.mark.lambat  # builds with the PDF

REUSED = "PDF tidak berubah sejak build sebelumnya: dipakai lagi"


def pdf_of(site):
    (pdf,) = (site / "pdf").glob("*.pdf")
    return pdf.read_bytes()


def without_pdf_info(page) -> str:
    return re.sub(r'<span class="lkj-pdf-info">.*?</span>', "", page.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_same_commit_gives_the_same_pdf_and_a_second_build_reuses_it(tmp_path, monkeypatch, capfd, pdf_path):
    project = copy_project(tmp_path / "lkj")
    monkeypatch.setenv("LKJ_CACHE", str(tmp_path / "cache"))  # its own: the first build renders

    assert run.build(project, tmp_path / "satu", pdf=True) is None
    assert REUSED not in capfd.readouterr().err
    assert pdf_of(tmp_path / "satu") == pdf_path.read_bytes()  # the real report's own build, elsewhere
    assert run.build(project, tmp_path / "dua", pdf=True) is None
    assert REUSED in capfd.readouterr().err
    assert pdf_of(tmp_path / "dua") == pdf_of(tmp_path / "satu")
    digest = hashlib.sha256(pdf_of(tmp_path / "dua")).hexdigest()  # published beside the reused PDF too
    assert f'<code class="lkj-sha256">{digest}</code>' in (tmp_path / "dua" / "index.html").read_text(encoding="utf-8")


def one_chapter(project: Path) -> Path:
    """The report cut down to BAB IV: a PDF of a few pages, for what does not depend on its length."""
    for chapter in (project / "docs").glob("*.md"):
        if chapter.name != "bab-4.md":
            chapter.unlink()
    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    settings = settings[: settings.index("\nnav:")] + '\nnav:\n  - "BAB IV Penutup": bab-4.md\n'
    (project / "mkdocs.yml").write_text(settings, encoding="utf-8")
    return project


def test_only_the_content_of_a_stylesheet_the_pdf_reads_changed_and_it_is_rendered_anew(tmp_path, monkeypatch, capfd):
    project = one_chapter(copy_project(tmp_path / "lkj"))
    monkeypatch.setenv("LKJ_CACHE", str(tmp_path / "cache"))
    assert run.build(project, tmp_path / "satu", pdf=True) is None
    assert run.build(project, tmp_path / "dua", pdf=True) is None
    assert REUSED in capfd.readouterr().err

    # the toolkit's stylesheet changed (as after an upgrade): the same link in every page, other rules
    assets = shutil.copytree(hooks.ASSETS, tmp_path / "aset")
    with (assets / "lkj.css").open("a", encoding="utf-8") as stylesheet:
        stylesheet.write("\n@media print { .md-typeset p { color: #a00; } }\n")
    monkeypatch.setattr(hooks, "ASSETS", assets)
    assert run.build(project, tmp_path / "tiga", pdf=True) is None
    assert REUSED not in capfd.readouterr().err
    page = "bab-4/index.html"
    assert without_pdf_info(tmp_path / "tiga" / page) == without_pdf_info(tmp_path / "dua" / page)
    assert pdf_of(tmp_path / "tiga") != pdf_of(tmp_path / "dua")
