"""The data workbook (issue 21): `lkj excel export` and `lkj excel import`, as a data officer uses
them. Export then import changes no byte of data/; an edit in a sheet becomes exactly that edit;
each habit of Excel is said with its sheet, Excel row and column, and nothing is written while any
error is found; hostile text travels as text and no cell of the workbook is a formula."""

import io
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lkj import schema, workbook
from lkj_site.commands import excel
from lkj_site.commands.cli import main
from tests.sites import copy_project
from tests.test_hostile_build import hostile_misi
from tests.test_validate import replace


def data_bytes(project: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((project / "data").iterdir())}


@pytest.fixture
def exported(tmp_path):
    project = copy_project(tmp_path / "lkj")
    assert excel.export(project, None) == 0
    return project, project / "data.xlsx"


def edited(source: Path, target: Path, change) -> Path:
    book = openpyxl.load_workbook(source)
    change(book)
    book.save(target)
    return target


def imported(project: Path, book: Path, capsys) -> tuple[int, list[str]]:
    code = excel.import_(book, project)
    output = capsys.readouterr()
    return code, (output.out + output.err).splitlines()


def test_the_workbook_has_a_guide_then_a_sheet_per_data_file_in_the_schemas_order(exported):
    _, path = exported
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Petunjuk", *(table.name for table in schema.TABLES)]
    guide = [row for row in book["Petunjuk"].iter_rows(values_only=True)]
    assert ("Lembar", "Kolom", "Isi", "Wajib") in guide
    assert ("", "kode_kegiatan", "kode; merujuk ke kegiatan.csv kolom kode_kegiatan", "ya") in [
        tuple(cell or "" for cell in row) for row in guide
    ]
    sheet = book["realisasi_anggaran"]
    assert sheet.freeze_panes == "A2" and sheet["C1"].comment.text.startswith("pagu: Rupiah")
    assert (sheet["A2"].value, sheet["A2"].number_format) == ("2019", "@")  # a year as text
    assert (sheet["C2"].value, sheet["C2"].number_format) == (1755000, "#,##0")  # a number, Indonesian display
    kinerja = book["realisasi_kinerja"]
    decimals = [cell for row in kinerja.iter_rows(min_row=2) for cell in row if isinstance(cell.value, float)]
    assert decimals and all(cell.number_format.startswith("#,##0") for cell in decimals)
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in book["target_kinerja"].data_validations.dataValidation}
    assert lists["A2"] == '"RK,PK,Renstra"' and lists["C2"] == "=indikator!$A$2:$A$5001"
    units = next(v for v in book["indikator"].data_validations.dataValidation if "persen" in v.formula1)
    assert not units.showErrorMessage  # the known units offered, any other accepted
    assert not any(cell.data_type == "f" for name in book.sheetnames for row in book[name].iter_rows() for cell in row)


def test_the_same_data_gives_the_same_workbook(exported, tmp_path):
    project, path = exported
    assert workbook.export(project / "data") == path.read_bytes()
    with zipfile.ZipFile(path) as parts:
        assert {info.date_time for info in parts.infolist()} == {(1980, 1, 1, 0, 0, 0)}  # no date on a part
        dates = re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z?", parts.read("docProps/core.xml").decode())
        assert dates == ["2000-01-01T00:00:00Z"] * 2  # created, modified: not the clock's (openpyxl's save sets it)


@pytest.mark.lambat  # the import checks the chapters: a site build
def test_export_then_import_changes_no_byte_of_data(exported, capsys):
    project, path = exported
    before = data_bytes(project)
    code, lines = imported(project, path, capsys)
    assert code == 0 and lines[-1] == "Tidak ada data yang berubah: data/ tetap (4 peringatan)."
    assert data_bytes(project) == before
    assert "PERINGATAN lembar 'realisasi_anggaran', baris 22, kolom E (fisik): nilai '142'" in lines[0]


@pytest.mark.lambat
def test_an_edit_becomes_exactly_that_edit_hidden_rows_are_read_and_a_sheet_of_ones_own_is_left(
    exported, tmp_path, capsys
):
    project, path = exported
    before = data_bytes(project)

    def change(book):
        book["realisasi_anggaran"]["D3"] = 40000000  # K01.02's realisasi
        book["program"].row_dimensions[3].hidden = True
        book.create_sheet("catatan saya")["A1"] = "bukan data"

    code, lines = imported(project, edited(path, tmp_path / "ubah.xlsx", change), capsys)
    assert code == 0
    assert "PERINGATAN lembar 'program', baris 3: baris tersembunyi di Excel; ikut diimpor seperti baris lain" in lines
    assert any(line.startswith("PERINGATAN lembar 'catatan saya': lembar ini tidak dikenal") for line in lines)
    assert lines[-1] == "- `data/realisasi_anggaran.csv`: **2019 · Tahun · K01.02**: realisasi 43905991 → 40000000"
    after = data_bytes(project)
    assert [name for name in after if after[name] != before[name]] == ["realisasi_anggaran.csv"]
    old, new = before["realisasi_anggaran.csv"].splitlines(), after["realisasi_anggaran.csv"].splitlines()
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [
        (b"2019,K01.02,68599992,43905991,100", b"2019,K01.02,68599992,40000000,100")
    ]


HABITS = {  # what Excel or its user does -> (the change, what is said)
    "a code turned into a number": (
        lambda book: book["kegiatan"].__setitem__("A5", 1.1),
        "GALAT lembar 'kegiatan', baris 5, kolom A (kode_kegiatan): nilai '1,1': Excel mengubah kode ini menjadi angka",
    ),
    "a code turned into a date": (
        lambda book: book["program"].__setitem__("A3", __import__("datetime").datetime(2020, 2, 1)),
        "GALAT lembar 'program', baris 3, kolom A (kode_program): nilai '2020-02-01 00:00:00': Excel mengubah isi "
        "sel ini menjadi tanggal",
    ),
    "a formula": (
        lambda book: book["realisasi_anggaran"].__setitem__("C2", "=C3+C4"),
        "GALAT lembar 'realisasi_anggaran', baris 2, kolom C (pagu): nilai '=C3+C4': sel berisi rumus; nilai yang "
        "tersimpan tidak dipercaya",
    ),
    "merged cells": (
        lambda book: book["program"].merge_cells("B2:C2"),
        "GALAT lembar 'program', kolom B2:C2: sel digabung (merge)",
    ),
    "a sheet renamed": (
        lambda book: setattr(book["sasaran"], "title", "Sasaran (2)"),
        "GALAT lembar 'sasaran': lembar 'sasaran' (isi data/sasaran.csv) tidak ada; lembar lain di buku kerja: "
        "Sasaran (2) (kembalikan namanya)",
    ),
}


@pytest.mark.parametrize("habit", sorted(HABITS))
def test_each_habit_of_excel_is_said_at_its_cell_and_nothing_is_written(exported, tmp_path, capsys, habit):
    project, path = exported
    before = data_bytes(project)
    change, says = HABITS[habit]
    code, lines = imported(project, edited(path, tmp_path / "kebiasaan.xlsx", change), capsys)
    assert code == 1
    assert any(line.startswith(says) for line in lines), lines
    assert lines[-1].endswith("data/ tidak diubah; perbaiki buku kerja lalu impor lagi.")
    assert data_bytes(project) == before


def test_a_data_error_in_a_sheet_is_said_at_its_cell(exported, tmp_path, capsys):
    project, path = exported
    code, lines = imported(
        project,
        edited(path, tmp_path / "salah.xlsx", lambda b: b["realisasi_anggaran"].__setitem__("D4", "abc")),
        capsys,
    )
    assert code == 1
    assert (
        "GALAT lembar 'realisasi_anggaran', baris 4, kolom D (realisasi): nilai 'abc': harus jumlah Rupiah"
        in "\n".join(lines)
    )


def unreadable(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_a_workbook_that_cannot_be_read_says_how_to_save_it(exported, tmp_path, capsys):
    from msoffcrypto.format.ooxml import OOXMLFile

    project, path = exported
    before = data_bytes(project)
    protected = io.BytesIO()
    with path.open("rb") as plain:
        OOXMLFile(plain).encrypt("rahasia", protected)
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as parts:
        parts.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    big = tmp_path / "besar.xlsx"
    with big.open("wb") as file:
        file.truncate(50_000_000)  # a workbook of 50 MB
    cases = {
        unreadable(tmp_path, "terkunci.xlsx", protected.getvalue()): "dilindungi kata sandi; buka di Excel",
        unreadable(tmp_path, "lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)): "(.xls); simpan ulang",
        unreadable(tmp_path, "lain.ods", ods.getvalue()): "berformat OpenDocument (.ods); di LibreOffice",
        big: "terlalu besar (50 MB, paling besar 25 MB)",
        unreadable(tmp_path, "teks.xlsx", b"kode,nama\n"): "bukan buku kerja Excel (.xlsx)",
    }
    for book, says in cases.items():
        code, lines = imported(project, book, capsys)
        assert code == 2 and len(lines) == 1 and lines[0].startswith("Impor gagal: ") and says in lines[0], lines
    assert data_bytes(project) == before


@pytest.mark.lambat
def test_hostile_text_travels_as_text_and_no_cell_is_a_formula(tmp_path, capsys):
    project = copy_project(tmp_path / "lkj")
    misi = hostile_misi("http://127.0.0.1:9").replace('"', '""')
    replace(
        project / "data" / "misi.csv",
        "III,Meningkatkan pembangunan ekonomi masyarakat melalui agroindustri dan perikanan",
        f'III,"{misi}"',
    )
    assert main(["excel", "export", str(project), "--ke", str(tmp_path / "data.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "data.xlsx")
    cells = [cell for name in book.sheetnames for row in book[name].iter_rows() for cell in row]
    assert hostile_misi("http://127.0.0.1:9") in [cell.value for cell in cells]
    assert not [cell for cell in cells if cell.data_type == "f"]
    runnable = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert all(cell.quotePrefix for cell in runnable)  # none here; shown as text if there were

    def injected(book):
        book["misi"]["B2"] = '=HYPERLINK("http://127.0.0.1:9/x","klik")'
        book["misi"]["B2"].data_type = "s"  # typed as text: still refused, as a CSV cell would be

    before = data_bytes(project)
    capsys.readouterr()
    code, lines = imported(project, edited(tmp_path / "data.xlsx", tmp_path / "suntik.xlsx", injected), capsys)
    assert code == 1 and data_bytes(project) == before
    assert any(re.match(r"GALAT lembar 'misi', baris 2, kolom B \(uraian\): .*diawali '='", line) for line in lines)
    code, _ = imported(project, tmp_path / "data.xlsx", capsys)  # the hostile text itself imports as written
    assert code == 0 and data_bytes(project) == before


def test_the_command_line(tmp_path, capsys):
    project = copy_project(tmp_path / "lkj")
    shutil.rmtree(project / "data")
    assert main(["excel", "export", str(project)]) == 2
    assert "folder data/ tidak ada" in capsys.readouterr().err


def test_the_readme_of_data_documents_every_file_and_column_the_guide_sheet_lists():
    """The workbook's Petunjuk comes from schema.py; data/README.md, for people, says the same."""
    from tests.sites import PROJECT_ROOT

    readme = (PROJECT_ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for table in schema.TABLES:
        assert f"`{table.file}`" in readme, table.file
        for column in table.columns:
            assert f"`{column.name}`" in readme, (table.file, column.name)
