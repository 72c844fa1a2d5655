"""A second `make build` of unchanged sources reuses the PDF (lkj_pdf/cache.py); a change in
anything the PDF is made of, even a stylesheet it reads, renders it anew."""

import hashlib

import pytest

from lkj_site.builder import run
from tests.sites import copy_project

pytestmark = pytest.mark.lambat  # three builds with the PDF

REUSED = "PDF tidak berubah sejak build sebelumnya: dipakai lagi"


def pdf_of(site):
    (pdf,) = (site / "pdf").glob("*.pdf")
    return pdf.read_bytes()


def test_an_unchanged_build_reuses_the_pdf_and_a_changed_stylesheet_renders_it_anew(tmp_path, monkeypatch, capfd):
    project = copy_project(tmp_path / "lkj")
    (project / "docs" / "gaya").mkdir()
    stylesheet = project / "docs" / "gaya" / "tambahan.css"
    stylesheet.write_text(".md-typeset p { color: #222; }\n", encoding="utf-8")
    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(settings + "\nextra_css:\n  - gaya/tambahan.css\n", encoding="utf-8")
    monkeypatch.setenv("LKJ_CACHE", str(tmp_path / "cache"))

    assert run.build(project, tmp_path / "satu", pdf=True) is None
    assert REUSED not in capfd.readouterr().err
    assert run.build(project, tmp_path / "dua", pdf=True) is None
    assert REUSED in capfd.readouterr().err
    assert pdf_of(tmp_path / "dua") == pdf_of(tmp_path / "satu")
    digest = hashlib.sha256(pdf_of(tmp_path / "dua")).hexdigest()  # published beside the reused PDF too
    assert f'<code class="lkj-sha256">{digest}</code>' in (tmp_path / "dua" / "index.html").read_text(encoding="utf-8")

    stylesheet.write_text(".md-typeset p { color: #a00; }\n", encoding="utf-8")  # the pages' HTML is the same
    assert run.build(project, tmp_path / "tiga", pdf=True) is None
    assert REUSED not in capfd.readouterr().err
    assert pdf_of(tmp_path / "tiga") != pdf_of(tmp_path / "satu")
