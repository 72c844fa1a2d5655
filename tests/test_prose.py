"""The chapter checks of `make check` (issue 12): a figure typed instead of its macro and a
reference to a table that does not exist are errors naming the chapter's line; a word the
Indonesian dictionary does not know is a warning."""

import pytest

from lkj.findings import ERROR, Finding
from lkj_site.commands.check import check
from lkj_site.review import prose
from tests.sites import copy_project

pytestmark = pytest.mark.lambat  # `make check` builds the site into a temporary folder

ADDED = """
Serapan anggaran mencapai 95,35% dengan realisasi Rp 2.281.522.116 untuk 6 (enam) indikator, lihat Tabel 3.9.
Angka yang bukan dari data: 12,5% dari 1.500 peserta pada tahun 2019; {{ serapan() }} dan Tabel 3.2 benar.
Kata salah ketik: pelaksanaaan; istilah *output* dan singkatan APBD tidak diperiksa; Sarolangun ada di kamus.
"""


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """`make check` of the report with the lines above added at the end of BAB III, run once:
    its exit code, what it printed, and the number of the first added line."""
    import contextlib
    import io

    project = copy_project(tmp_path_factory.mktemp("prosa") / "lkj")
    chapter = project / "docs" / "bab-3.md"
    lines = len(chapter.read_text(encoding="utf-8").splitlines())
    chapter.write_text(chapter.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = check(project)
    return code, out.getvalue(), lines + 2


def test_a_typed_figure_and_a_missing_table_are_errors_on_their_line(checked):
    code, out, line = checked
    assert code == 1
    where = f"GALAT docs/bab-3.md, baris {line}"
    assert f"{where}: nilai '95,35': angka yang diketik sama dengan angka dari data; tulis {{{{ serapan() }}}}" in out
    assert f"{where}: nilai '2.281.522.116'" in out and "tulis {{ realisasi_anggaran() }}" in out
    assert f"{where}: nilai '6 (enam)'" in out and "{{ jumlah_indikator() }}" in out
    assert f"{where}: nilai 'Tabel 3.9': rujukan ke Tabel 3.9, yang tidak ada di laporan" in out
    assert f"baris {line + 1}" not in out.split("PERINGATAN")[0]  # 12,5%, 1.500, 2019, a macro, Tabel 3.2: fine
    assert "4 galat pada bab" in out


@pytest.mark.skipif(not prose.available(), reason="hunspell-id is installed by scripts/system-deps.sh")
def test_an_unknown_word_is_a_warning_and_the_word_list_and_italics_are_respected(checked):
    _, out, line = checked
    assert f"PERINGATAN docs/bab-3.md, baris {line + 2}: nilai 'pelaksanaaan': kata tidak dikenal" in out
    for word in ("'output'", "'APBD'", "'Sarolangun'"):
        assert word not in out


# The real report passing `make check` (exit 0, no error) is asserted in test_check.py.


def test_prose_lines_keep_line_numbers_and_leave_out_macros_comments_and_markup():
    source = "---\ntitle: x\n---\n<!-- 95,35%\n-->\nA {{ pagu() }} [teks](b.md) `95,35%` <span>c</span>\n"
    number, text = prose._prose_lines(source)[5]
    assert (number, text.split()) == (6, ["A", "teks", "c"])
    assert prose._prose_lines(source)[3][1] == ""  # the comment's line, blank


def test_a_chapter_finding_is_annotated_on_the_chapter():
    finding = Finding(ERROR, "bab-3.md", "x", row=12, value="95,35", folder="docs")
    assert finding.line().startswith("GALAT docs/bab-3.md, baris 12: nilai '95,35'")
    assert finding.github_annotation().startswith("::error file=docs/bab-3.md,line=12,title=Bab LKj::")
