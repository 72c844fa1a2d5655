"""Hostile or broken data files: refused with file, line and column; never followed, never
published, never a hang; and findings that cannot be turned into commands of a CI runner."""

import os
import shutil
from pathlib import Path

import pytest

from lkj import csvfile
from lkj.findings import ERROR, WARNING, Finding
from lkj.load import report_findings
from lkj.report import Report
from lkj.settings import Settings
from lkj.validate import validate
from lkj_site.builder import opendata
from tests.sites import PROJECT_ROOT
from tests.test_validate import LEVELS, REAL_WARNINGS, found, replace

PRESENT_FILES = sorted(path.name for path in (PROJECT_ROOT / "data").glob("*.csv"))


SETTINGS = Settings(instansi="Dinas Contoh", daerah="Kabupaten Contoh", tahun=2020, visi="Visi")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(PROJECT_ROOT / "data", tmp_path / "data"))


# --- files that are not what they seem ----------------------------------------------------


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ", "program.csv", "/tidak/ada"])
def test_a_data_file_that_is_a_link_is_refused_not_followed(data_dir, target):
    (data_dir / "misi.csv").unlink()
    (data_dir / "misi.csv").symlink_to(target)
    (finding,) = found(data_dir)
    assert finding.file == "misi.csv" and "tautan simbolik" in finding.message


def test_a_data_folder_that_is_a_link_is_refused(data_dir, tmp_path):
    link = tmp_path / "elsewhere"
    link.symlink_to(data_dir)
    (finding,) = found(link)
    assert finding.line().startswith("GALAT data/: folder data/ adalah tautan simbolik")


def test_a_folder_named_like_a_data_file(data_dir):
    (data_dir / "misi.csv").unlink()
    (data_dir / "misi.csv").mkdir()
    (finding,) = found(data_dir)
    assert finding.line() == "GALAT data/misi.csv: ini sebuah folder, bukan berkas CSV; pindahkan atau ganti namanya"


def test_a_pipe_named_like_a_data_file_does_not_hang(data_dir):
    (data_dir / "misi.csv").unlink()
    os.mkfifo(data_dir / "misi.csv")  # opening it for reading would wait for a writer forever
    (finding,) = found(data_dir)
    assert "bukan berkas biasa" in finding.message


def test_a_file_too_large_is_refused_before_it_is_read(data_dir, monkeypatch):
    monkeypatch.setattr(csvfile, "MAX_BYTES", 100)
    (finding,) = [f for f in found(data_dir) if f.file == "kegiatan.csv"]
    assert "berkas terlalu besar" in finding.message


def test_unknown_files_in_data_are_warnings_and_never_published(data_dir, tmp_path):
    (data_dir / "pegawai_internal.csv").write_text("nip,nama,gaji\n1,A,100\n", encoding="utf-8")
    (data_dir / "rahasia.csv").symlink_to("/etc/passwd")
    (data_dir / "lingkungan.csv").symlink_to("/proc/self/environ")
    (data_dir / "cadangan.csv").mkdir()
    data, findings = validate(data_dir, LEVELS)
    unknown = sorted(f.file for f in findings if "berkas tidak dikenal" in f.message)
    assert unknown == ["cadangan.csv", "lingkungan.csv", "pegawai_internal.csv", "rahasia.csv"]
    assert {f.level for f in findings} == {WARNING} and len(findings) == REAL_WARNINGS + 4
    opendata.publish(tmp_path / "site" / "data", Report(data, SETTINGS), pdf=False)
    published = sorted(p.name for p in (tmp_path / "site" / "data").iterdir())
    assert published == sorted([*data.raw, opendata.DESCRIPTOR, "hasil.json", "hasil.schema.json"])
    assert sorted(data.raw) == PRESENT_FILES


def test_the_published_bytes_are_the_validated_ones(data_dir, tmp_path):
    data, _ = validate(data_dir, LEVELS)
    original = (data_dir / "misi.csv").read_bytes()
    (data_dir / "misi.csv").write_text("kode_misi,uraian\nI,diganti setelah pemeriksaan\n", encoding="utf-8")
    opendata.publish(tmp_path / "terbit", Report(data, SETTINGS), pdf=False)
    assert (tmp_path / "terbit" / "misi.csv").read_bytes() == original


# --- cells --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("character", "name"), [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\u202e", "U+202E"), ("\x85", "U+0085")]
)
def test_control_characters_are_refused_with_their_place(data_dir, character, name):
    replace(data_dir / "kegiatan.csv", "Pengembangan SDM", f"Pengembangan{character} SDM")
    (finding,) = found(data_dir)
    assert (finding.file, finding.row, finding.column) == ("kegiatan.csv", 18, "nama_kegiatan")
    assert name in finding.message


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://x","klik")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"])
def test_a_cell_a_spreadsheet_would_run_is_refused(data_dir, formula):
    quoted = '"' + formula.replace('"', '""') + '"'
    replace(data_dir / "kegiatan.csv", "K06.01,P06,Pelatihan Pencari Kerja Kejuruan Bordir", f"K06.01,P06,{quoted}")
    (finding,) = found(data_dir)
    assert (finding.row, finding.column, finding.value) == (20, "nama_kegiatan", formula)
    assert "rumus" in finding.message


def test_a_formula_in_a_column_name_is_refused(data_dir):
    replace(data_dir / "misi.csv", "kode_misi,uraian", "kode_misi,uraian,=1+1")
    (finding,) = found(data_dir)
    assert (finding.row, finding.column) == (1, "=1+1") and "rumus" in finding.message


def test_line_numbers_stay_right_after_a_cell_that_spans_lines(data_dir):
    replace(data_dir / "misi.csv", 'II,"Meningkatkan kualitas hidup', 'II,"Meningkatkan\nkualitas hidup')
    replace(data_dir / "misi.csv", 'IV,"Meningkatkan persatuan', 'IV,"Meningkatkan persatuan\n\n')
    replace(data_dir / "misi.csv", "III,Meningkatkan", "III,=Meningkatkan")
    (finding,) = found(data_dir)
    assert finding.row == 5  # header 1, I 2, II 3-4, III 5


def test_a_column_given_twice_is_named_as_in_the_file(data_dir):
    replace(
        data_dir / "realisasi_anggaran.csv",
        "tahun,kode_kegiatan,pagu,realisasi,fisik",
        "tahun,kode_kegiatan,pagu,realisasi,fisik,pagu",
    )
    (finding,) = found(data_dir)
    assert (finding.row, finding.column) == (1, "pagu") and "muncul dua kali (kolom ke-3 dan ke-6)" in finding.message
    assert "pagu.1" not in finding.line()


def test_a_number_that_may_have_a_thousands_dot_is_an_error(data_dir):
    replace(data_dir / "realisasi_kinerja.csv", "2019,IKU04,426,", "2019,IKU04,1.234,")
    (finding,) = found(data_dir)
    assert (finding.row, finding.column, finding.value) == (5, "realisasi", "1.234") and "ambigu" in finding.message
    replace(data_dir / "realisasi_kinerja.csv", "2019,IKU04,1.234,", "2019,IKU04,1.2340,")  # a decimal, said so
    assert found(data_dir) == []


def test_amounts_no_office_has(data_dir):
    replace(data_dir / "realisasi_anggaran.csv", "2019,K01.01,1755000,", "2019,K01.01,100000000000000000000,")
    (finding,) = found(data_dir)
    assert (finding.row, finding.column) == (2, "pagu") and "lebih dari 15 digit" in finding.message
    replace(data_dir / "realisasi_anggaran.csv", "100000000000000000000,", "10000000000000,")
    data, findings = validate(data_dir, LEVELS)
    assert data is not None
    (high,) = [f for f in findings if f.row == 2 and f.file == "realisasi_anggaran.csv"]
    assert "lebih dari Rp 1 triliun" in high.message


def test_one_line_above_the_whole_budget_of_the_year_before_is_a_warning(data_dir):
    replace(data_dir / "realisasi_anggaran.csv", "2019,K01.01,1755000,1755000", "2019,K01.01,17550000000,1755000")
    (warning,) = [f for f in found(data_dir, WARNING) if f.row == 2 and f.file == "realisasi_anggaran.csv"]
    assert "melebihi seluruh pagu dinas tahun 2018" in warning.message


# --- findings quote data: they must stay one line of text ---------------------------------

HOSTILE = Finding(ERROR, "x,line=1::y.csv", "pesan", row=3, column="a\r\n::error::b", value="v\n::set-env name=X::1%0A")


def test_a_finding_is_one_line_whatever_the_cell_holds():
    line = HOSTILE.line()
    assert "\n" not in line and "\r" not in line
    assert "\\n::set-env" in line  # shown, escaped, not acted on


def test_github_annotations_escape_every_field():
    annotation = HOSTILE.github_annotation()
    assert "\n" not in annotation and "\r" not in annotation
    # the properties end at the first "::"; what the data holds cannot add one of its own
    assert annotation.startswith("::error file=data/x%2Cline=1%3A%3Ay.csv,line=3,title=Data LKj::")
    assert "%250A" in annotation  # a literal %0A in the data stays literal


def test_hostile_findings_print_no_workflow_command(capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    report_findings([HOSTILE])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("GALAT ") and lines[1].startswith("::error file=")


def test_a_cell_longer_than_any_report_needs_is_refused(data_dir):
    replace(data_dir / "misi.csv", "dan perikanan", "dan perikanan " + "x" * csvfile.MAX_CELL)
    (finding,) = found(data_dir)
    assert (finding.row, finding.column) == (4, "uraian") and "sel terlalu panjang" in finding.message


@pytest.mark.parametrize("digits", ["١٧٥٥٠٠٠", "１７５５０００"])
def test_digits_of_other_scripts_are_not_numbers(data_dir, digits):
    replace(data_dir / "realisasi_anggaran.csv", "2019,K01.01,1755000,", f"2019,K01.01,{digits},")
    (finding,) = found(data_dir)
    assert (finding.row, finding.column, finding.value) == (2, "pagu", digits)


def test_a_message_quotes_a_long_cell_cut_with_its_length():
    """A 5.000-character cell names itself in a line a writer can read, not a 5.000-character one."""
    word = "W" * 5000
    line = Finding(WARNING, "indikator.csv", "berisi tanda HTML atau Jinja", 2, "uraian", f"<b>{word}").line()
    assert line.startswith("PERINGATAN data/indikator.csv, baris 2, kolom 'uraian': nilai '<b>WWW")
    assert "… (5003 karakter)'" in line and len(line) < 250
