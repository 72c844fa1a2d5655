"""`lkj diff`: what a pull request moves, on a temporary git repository of the real report
with a data edit, a chapter edit and a commit that changes nothing."""

import subprocess

import pytest

from lkj_site.commands import diff
from tests.sites import copy_project
from tests.test_validate import replace

pytestmark = pytest.mark.lambat  # builds the report twice per comparison


def git(project, *args):
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("repo") / "lkj")
    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.name=Uji", "-c", "user.email=uji@contoh.go.id", "commit", "-q", "--allow-empty", "-m", "x")
    git(project, "add", "-A")
    git(project, "-c", "user.name=Uji", "-c", "user.email=uji@contoh.go.id", "commit", "-q", "-m", "laporan")
    data = project / "data"
    replace(data / "realisasi_anggaran.csv", "2019,K01.02,68599992,43905991,100", "2019,K01.02,68599992,1,100")
    replace(data / "realisasi_anggaran.csv", "2019,K01.03,92005000,92005000,100", "2019,K01.03,92005000,92005000,160")
    replace(project / "docs" / "bab-4.md", "Laporan", "Dokumen Laporan")
    git(project, "add", "-A")
    git(project, "-c", "user.name=Uji", "-c", "user.email=uji@contoh.go.id", "commit", "-q", "-m", "ubahan")
    git(
        project,
        "-c",
        "user.name=Uji",
        "-c",
        "user.email=uji@contoh.go.id",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "kosong",
    )
    return project


@pytest.fixture(scope="module")
def changes(repository):
    return diff.report(repository, "HEAD~2", "HEAD~1")


def test_a_realisasi_moves_the_serapan_in_the_table_the_home_page_and_the_prose(changes):
    assert "- Tabel 3.2 / Jumlah Tahun 2019 / Perkembangan Pelaksanaan – Keuangan (%): **95,35 → 93,51**" in changes
    assert "- Tabel 3.2 / Jumlah Tahun 2019 / Realisasi (Rp): **2.281.522.116 → 2.237.616.126**" in changes
    assert "- Beranda / Ringkasan Kinerja / Serapan anggaran: **95,35% → 93,51%**" in changes
    assert "- Ikhtisar Eksekutif / serapan() ke-1: **95,35% → 93,51%**" in changes
    assert (
        "Tabel 3.2 / Penyediaan Jasa Administrasi Keuangan / Perkembangan Pelaksanaan – Fisik (%): **100,00 → 160,00**"
        in changes
    )


def test_the_data_rows_that_changed_by_their_key(changes):
    assert "- `data/realisasi_anggaran.csv`: **2019 · Tahun · K01.02**: realisasi 43905991 → 1" in changes
    assert "- `data/realisasi_anggaran.csv`: **2019 · Tahun · K01.03**: fisik 100 → 160" in changes


def test_the_chapter_text_word_by_word_and_the_new_warning(changes):
    text = changes.split("### Teks bab yang berubah")[1].split("###")[0]
    assert "**BAB IV Penutup**, paragraf" in text and "**Dokumen**" in text
    warnings = changes.split("### Peringatan data")[1]
    assert "- baru: PERINGATAN data/realisasi_anggaran.csv, baris 4, kolom 'fisik'" in warnings


def test_an_unchanged_commit_reports_no_change(repository):
    unchanged = diff.report(repository, "HEAD~1", "HEAD")
    assert "### Angka yang berubah\n\nTidak ada angka yang berubah." in unchanged
    assert "Tidak ada baris data yang berubah." in unchanged and "Tidak ada teks bab yang berubah." in unchanged
    status = subprocess.run(["git", "-C", str(repository), "status", "--porcelain"], capture_output=True, text=True)
    assert status.stdout == ""  # the working tree was never touched
    worktrees = subprocess.run(["git", "-C", str(repository), "worktree", "list"], capture_output=True, text=True)
    assert len(worktrees.stdout.splitlines()) == 1  # the temporary worktrees are gone


def test_a_revision_that_does_not_exist_is_one_line(repository, capsys):
    assert diff.main(repository, "tidak-ada") == 1
    assert capsys.readouterr().err.startswith("lkj diff gagal: git rev-parse")


def test_hostile_text_in_the_data_is_inert_in_the_comment():
    """The diff is posted as a pull-request comment: a cell's Markdown or HTML must show as
    written there, never become a link, emphasis or an image its host would fetch."""
    import markdown

    from lkj_site.review import snapshot

    hostile = "_x_ [x](javascript:alert(1)) *x*{: onmouseover=alert(1) } {{ config }} <img src=http://127.0.0.1:9/x>"
    before = snapshot.Snapshot(rows={"program.csv": {"P01": {"kode_program": "P01", "nama_program": "A"}}})
    after = snapshot.Snapshot(
        figures={f"Tabel 3.2 / {hostile} / Pagu (Rp)": "1"},
        rows={"program.csv": {"P01": {"kode_program": "P01", "nama_program": hostile + " " + "W" * 5000}}},
        text={"BAB I": [hostile]},
    )
    text = diff.markdown(before, after, ("a", "0" * 40), ("b", "1" * 40))
    html = markdown.markdown(text)
    assert "<img" not in html and "<a " not in html and "<em>" not in html  # {{ config }} stays, as text
    assert "[x](javascript:alert(1))" in markdown.markdown(text).replace("\\", "")  # shown, as written
    assert "nama_program A →" in text  # a column name keeps its underscore
