"""Validation of data/: every bad input gives a finding naming file, row, column and value.

Each case of the issue "Data staff can trust" has its documented outcome here: an error
that stops the build, or a warning with a safe rendering; never a traceback.
"""

import shutil
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from lkj.findings import ERROR, WARNING, DataError, Finding
from lkj.load import load_data
from lkj.validate import validate
from tests.sites import PROJECT_ROOT

LEVELS = (("Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik"), ("D", "C", "CC", "B", "BB", "A", "AA"))
REAL_WARNINGS = 4  # fisik above 100 % three times, IKU09's RK and PK targets differ


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(PROJECT_ROOT / "data", tmp_path / "data"))


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(data_dir: Path, level: str = ERROR) -> list[Finding]:
    _, findings = validate(data_dir, LEVELS)
    return [f for f in findings if f.level == level]


def test_real_data_is_valid_with_its_known_warnings():
    data, findings = validate(PROJECT_ROOT / "data", LEVELS)
    assert data is not None
    assert [f.level for f in findings] == [WARNING] * REAL_WARNINGS
    assert {(f.file, f.row, f.column) for f in findings} == {
        ("realisasi_anggaran.csv", 22, "fisik"),
        ("realisasi_anggaran.csv", 23, "fisik"),
        ("realisasi_anggaran.csv", 26, "fisik"),
        ("target_kinerja.csv", 20, "target"),
    }


def test_values_are_typed_exactly(real_data):
    assert all(type(row.pagu) is int for row in real_data["realisasi_anggaran"])
    assert real_data["target_kinerja"][5].target == Decimal("70.15")
    assert real_data["realisasi_kinerja"][0].realisasi == "Baik"
    assert [row.baris for row in real_data["program"]][:2] == [2, 3]  # header is line 1
    assert {row.periode for row in real_data["target_kinerja"]} == {"Tahun"}  # the column may be left out


# Amounts as offices write them, each read as the same whole number of Rupiah.
AMOUNTS = ["92005000", "92.005.000", "Rp 92.005.000", '"Rp. 92.005.000,00"', '"92,005,000"', "92005000.00"]


@pytest.mark.parametrize("written", AMOUNTS)
def test_amounts_are_read_as_offices_write_them(data_dir, written):
    replace(data_dir / "realisasi_anggaran.csv", "2019,K01.03,92005000", f"2019,K01.03,{written}")
    data, findings = validate(data_dir, LEVELS)
    assert data is not None, [f.line() for f in findings]
    (row,) = [r for r in data["realisasi_anggaran"] if r.kode_kegiatan == "K01.03"]
    assert row.pagu == 92005000


# case: (file, text to find, replacement, expected finding: file, row, column, value, words in the message)
ERRORS = {
    "text in a number": (
        "realisasi_anggaran.csv", "2019,K01.03,92005000", "2019,K01.03,sembilan puluh juta",
        (4, "pagu", "sembilan puluh juta", "harus jumlah Rupiah, ditulis seperti 2392837500 atau Rp 2.392.837.500"),
    ),
    "negative amount": (
        "realisasi_anggaran.csv", "2019,K01.01,1755000,1755000", "2019,K01.01,-1755000,1755000",
        (2, "pagu", "-1755000", "tidak boleh negatif"),
    ),
    "fractional rupiah": (
        "realisasi_anggaran.csv", "2019,K01.01,1755000,1755000", "2019,K01.01,1755000.50,1755000",
        (2, "pagu", "1755000.50", "Rupiah harus bulat"),
    ),
    "empty required cell": (
        "program.csv", "P04,Program Peningkatan Kapasitas Sumber Daya Aparatur,", "P04,,",
        (5, "nama_program", None, "wajib diisi"),
    ),
    "kegiatan of an unknown program": (
        "kegiatan.csv", "K02.01,P02,", "K02.01,P99,",
        (13, "kode_program", "P99", "kode tidak ada di data/program.csv"),
    ),
    "unknown sasaran": (
        "indikator.csv", "IKU04,S2,", "IKU04,S9,", (5, "kode_sasaran", "S9", "kode tidak ada di data/sasaran.csv"),
    ),
    "duplicate code": (
        "program.csv", "P03,", "P02,", (4, "kode_program", None, "'P02' sudah ada di baris sebelumnya"),
    ),
    "duplicate key of two columns": (
        "realisasi_anggaran.csv", "2019,K01.02,", "2019,K01.01,", (3, "kode_kegiatan", None, "'2019 + Tahun + K01.01' sudah ada"),
    ),
    "unknown direction": (
        "indikator.csv", "orang,naik", "orang,keatas", (5, "arah", "keatas", "naik, turun, kualitatif"),
    ),
    "fisik out of range": (
        "realisasi_anggaran.csv", "62477000,62477000,142", "62477000,62477000,250",
        (22, "fisik", "250", "antara 0 dan 200"),
    ),
    "number for a qualitative indikator": (
        "target_kinerja.csv", "PK,2019,IKU01,Baik", "PK,2019,IKU01,3", (2, "target", "3", "kualitatif"),
    ),
    "word for a quantitative indikator": (
        "realisasi_kinerja.csv", "2019,IKU04,426,", "2019,IKU04,banyak,", (5, "realisasi", "banyak", "isi angka"),
    ),
    "level off the scale": (
        "realisasi_kinerja.csv", "2019,IKU02,Baik,", "2019,IKU02,Bagus,", (3, "realisasi", "Bagus", "tingkat tidak dikenal"),
    ),
    "realisasi and published capaian together": (
        "realisasi_kinerja.csv", "2019,IKU04,426,", "2019,IKU04,426,142", (5, "capaian_publikasi", "142", "bukan keduanya"),
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_bad_cell_is_an_error_naming_file_row_column_and_value(data_dir, case):
    file, old, new, (row, column, value, words) = ERRORS[case]
    replace(data_dir / file, old, new)
    (finding,) = found(data_dir)
    assert (finding.file, finding.row, finding.column, finding.value) == (file, row, column, value)
    assert words in finding.message
    assert finding.line().startswith(f"GALAT data/{file}, baris {row}, kolom '{column}': ")


def test_every_error_is_reported_at_once(data_dir):
    replace(data_dir / "realisasi_anggaran.csv", "2019,K01.01,1755000,1755000", "2019,K01.01,-1,1755000")
    replace(data_dir / "realisasi_anggaran.csv", "2019,K01.03,92005000", "2019,K01.03,9x")
    replace(data_dir / "program.csv", "P03,", "P02,")
    assert [(f.file, f.row) for f in found(data_dir)] == [
        ("program.csv", 4), ("realisasi_anggaran.csv", 2), ("realisasi_anggaran.csv", 4)
    ]  # fmt: skip
    with pytest.raises(DataError) as error:
        load_data(data_dir, LEVELS)
    assert "3 galat pada data" in str(error.value)
    assert "data/realisasi_anggaran.csv, baris 4, kolom 'pagu': nilai '9x'" in str(error.value)


def test_missing_column(data_dir):
    path = data_dir / "kegiatan.csv"
    pd.read_csv(path, dtype=str).drop(columns=["kode_program"]).to_csv(path, index=False)
    (finding,) = found(data_dir)
    assert (finding.file, finding.row, finding.column, finding.message) == (
        "kegiatan.csv",
        1,
        "kode_program",
        "kolom wajib tidak ada",
    )


def test_missing_file(data_dir):
    (data_dir / "renstra.csv").unlink()
    (finding,) = found(data_dir)
    assert finding.file == "renstra.csv" and "berkas tidak ditemukan" in finding.message


def test_empty_file(data_dir):
    (data_dir / "sasaran.csv").write_text("")
    (finding,) = found(data_dir)
    assert finding.file == "sasaran.csv" and "berkas kosong" in finding.message


def test_header_only(data_dir):
    (data_dir / "misi.csv").write_text("kode_misi,uraian\n")
    (finding,) = found(data_dir)
    assert finding.file == "misi.csv" and "hanya berisi baris judul" in finding.message


def test_header_only_is_allowed_where_the_file_may_be_empty(data_dir):
    (data_dir / "ringkasan_anggaran.csv").write_text("tahun,pagu,realisasi,fisik\n")
    assert found(data_dir) == []


def test_latin_1_file_is_refused_with_how_to_save_it(data_dir):
    path = data_dir / "misi.csv"
    path.write_bytes(
        path.read_text(encoding="utf-8").replace("Misi", "Misi").replace("lingkungan", "lingkungàn").encode("latin-1")
    )
    (finding,) = found(data_dir)
    assert finding.file == "misi.csv" and "bukan UTF-8" in finding.message and "CSV UTF-8" in finding.message


def test_unknown_extra_column_is_a_warning_and_ignored(data_dir):
    replace(data_dir / "misi.csv", "kode_misi,uraian,peran\n", "kode_misi,uraian,peran,catatan\n")
    assert found(data_dir) == []
    (warning,) = [f for f in found(data_dir, WARNING) if f.file == "misi.csv"]
    assert (warning.row, warning.column) == (1, "catatan") and "diabaikan" in warning.message


def test_trailing_empty_lines_and_stray_spaces_are_tolerated(data_dir):
    path = data_dir / "program.csv"
    text = path.read_text(encoding="utf-8").replace("kode_program,nama_program", " kode_program , nama_program ")
    path.write_text(text + "\n\n,,\n", encoding="utf-8")
    assert found(data_dir) == []


def test_blank_line_inside_keeps_row_numbers(data_dir):
    replace(data_dir / "program.csv", "P03,", "\nP03,")
    replace(data_dir / "program.csv", "P05,", "P05 X,")
    (finding,) = found(data_dir)
    assert (finding.row, finding.value) == (7, "P05 X")


def test_a_file_saved_by_excel_in_indonesian_reads_the_same(data_dir):
    """UTF-8 with BOM, `;` separators, CRLF, 1.234.567,00 numbers: same values as the original."""
    original, _ = validate(data_dir, LEVELS)
    for name in ("realisasi_anggaran.csv", "target_kinerja.csv", "kegiatan.csv"):
        path = data_dir / name
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in ("pagu", "realisasi"):
            if column in frame and name == "realisasi_anggaran.csv":
                frame[column] = [f"{int(v):,}".replace(",", ".") + ",00" for v in frame[column]]
        for column in ("fisik", "target"):
            if column in frame:
                frame[column] = [v.replace(".", ",") for v in frame[column]]
        path.write_bytes(b"\xef\xbb\xbf" + frame.to_csv(index=False, sep=";", lineterminator="\r\n").encode("utf-8"))
    assert "1.755.000,00;1.755.000,00" in (data_dir / "realisasi_anggaran.csv").read_text(encoding="utf-8-sig")
    excel, findings = validate(data_dir, LEVELS)
    assert excel is not None, [f.line() for f in findings]
    for name in ("realisasi_anggaran", "target_kinerja", "kegiatan"):
        assert excel[name] == original[name]  # the same typed rows, line numbers included


def test_excel_file_with_sen_is_refused(data_dir):
    path = data_dir / "anggaran_pk.csv"
    path.write_text("tahun;kode_program;pagu;sumber_dana\r\n2020;P01;912.283.357,50;APBD\r\n", encoding="utf-8-sig")
    (finding,) = [f for f in found(data_dir) if f.file == "anggaran_pk.csv"]
    assert (finding.row, finding.column, finding.value) == (2, "pagu", "912.283.357,50")
    assert "Rupiah harus bulat" in finding.message


def test_mixed_separators_are_refused(data_dir):
    (data_dir / "misi.csv").write_text("kode_misi;uraian,x\nI;a\n", encoding="utf-8")
    (finding,) = found(data_dir)
    assert finding.row == 1 and "pemisah kolom tidak jelas" in finding.message


WARNINGS = {
    "realisasi above pagu": ("realisasi_anggaran.csv", "2019,K01.01,1755000,1755000", "2019,K01.01,1755000,1855000", 2, "melebihi pagu"),
    "capaian above 150 %": ("realisasi_kinerja.csv", "2019,IKU04,426,", "2019,IKU04,500,", 5, "di atas 150%"),
    "target 0": ("target_kinerja.csv", "PK,2019,IKU10,20", "PK,2019,IKU10,0", 9, "target 0"),
    "lower is better, above twice the target": ("realisasi_kinerja.csv", "2019,IKU12,,100", "2019,IKU12,45,", 10, "capaian ditampilkan 0"),
    "html in a text cell": ("kegiatan.csv", "Pengembangan SDM", "Pengembangan <b>SDM</b>", 18, "ditampilkan apa adanya"),
    "jinja in a text cell": ("misi.csv", "dan perikanan", "dan {{ perikanan }}", 4, "ditampilkan apa adanya"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_warning_does_not_stop_but_is_reported(data_dir, case):
    file, old, new, row, words = WARNINGS[case]
    replace(data_dir / file, old, new)
    data, findings = validate(data_dir, LEVELS)
    assert data is not None
    (warning,) = [f for f in findings if f.level == WARNING and f.file == file and f.row == row]
    assert words in warning.message
    assert warning.line().startswith(f"PERINGATAN data/{file}, baris {row}")


def test_program_without_kegiatan_is_a_warning(data_dir):
    with (data_dir / "program.csv").open("a", encoding="utf-8") as file:
        file.write("P09,Program Baru,kinerja baru\n")
    (warning,) = [f for f in found(data_dir, WARNING) if f.file == "program.csv"]
    assert (warning.row, warning.value) == (10, "P09") and "tidak punya kegiatan" in warning.message


def test_a_typed_total_for_a_detailed_year_is_refused(data_dir):
    with (data_dir / "ringkasan_anggaran.csv").open("a") as file:
        file.write("2019,2392837500,2281522116,103.42\n")
    (finding,) = found(data_dir)
    assert (finding.file, finding.row, finding.column) == ("ringkasan_anggaran.csv", 3, "tahun")


def test_pk_target_without_realisasi_is_refused(data_dir):
    replace(data_dir / "realisasi_kinerja.csv", "2019,IKU06,75.42,\n", "")
    (finding,) = found(data_dir)
    assert (finding.file, finding.row) == ("target_kinerja.csv", 7) and "belum punya realisasi" in finding.message


def test_a_renstra_target_is_for_a_whole_year_and_never_compared_with_the_plans(data_dir):
    targets = data_dir / "target_kinerja.csv"
    header, *lines = targets.read_text(encoding="utf-8").splitlines()
    renstra = ["Renstra,2020,IKU05,45,", "Renstra,2021,IKU06,80,Semester I"]  # lines 23 and 24
    targets.write_text("\n".join([f"{header},periode", *(f"{line}," for line in lines), *renstra]) + "\n")
    (finding,) = found(data_dir)
    assert (finding.file, finding.row, finding.column, finding.value) == (
        "target_kinerja.csv",
        24,
        "periode",
        "Semester I",
    )
    assert not any("IKU05" in f.message for f in found(data_dir, WARNING))  # 45 beside PK 2020's 30: expected


def test_a_program_serves_a_sasaran_that_exists_or_none(data_dir):
    replace(
        data_dir / "program.csv",
        "kode_program,nama_program,kinerja_program\n",
        "kode_program,nama_program,kinerja_program,kode_sasaran\n",
    )
    replace(
        data_dir / "program.csv",
        "disiplin kerja aparatur dalam penyelenggaraan pemerintahan dan pembangunan\n",
        "disiplin kerja aparatur dalam penyelenggaraan pemerintahan dan pembangunan,S9\n",
    )
    (finding,) = found(data_dir)
    assert (finding.file, finding.row, finding.column, finding.value) == ("program.csv", 4, "kode_sasaran", "S9")
    assert "kode tidak ada di data/sasaran.csv" in finding.message


def test_github_annotation_format():
    finding = Finding(ERROR, "kegiatan.csv", "kode tidak ada", row=13, column="kode_program", value="P99")
    assert finding.github_annotation() == (
        "::error file=data/kegiatan.csv,line=13,title=Data LKj::"
        "data/kegiatan.csv, baris 13, kolom 'kode_program': nilai 'P99': kode tidak ada"
    )
    assert Finding(WARNING, "x.csv", "a%b").github_annotation().startswith("::warning file=data/x.csv,title")


def test_load_is_reused_until_a_csv_changes(data_dir):
    first = load_data(data_dir, LEVELS)
    assert load_data(data_dir, LEVELS) is first  # make serve: a chapter edit does not re-read the data
    replace(data_dir / "misi.csv", "dan perikanan", "dan perikanan laut")
    again = load_data(data_dir, LEVELS)
    assert again is not first
    assert again["misi"][2].uraian.endswith("perikanan laut")
