"""The report is ready: its data and chapters pass the checks, and the website and the PDF build."""

from pathlib import Path

from lkj_site.builder import run
from lkj_site.commands.check import check

ROOT = Path(__file__).resolve().parents[1]


def test_data_and_chapters_pass_the_check():
    assert check(ROOT) == 0


def test_the_website_and_the_pdf_build(tmp_path):
    reason = run.build(ROOT, tmp_path / "site", pdf=True)
    assert reason is None, reason
    (pdf,) = (tmp_path / "site" / "pdf").glob("*.pdf")
    assert pdf.stat().st_size > 10_000
    for page in ("index.html", "bab-3/index.html", "data-terbuka/index.html"):
        assert (tmp_path / "site" / page).is_file()
