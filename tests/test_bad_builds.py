"""A bad CSV stops `make build` with a message naming the file, the row and the column."""

import pytest

from tests.sites import build

BAD_INPUTS = {
    "missing column": ("sasaran.csv", "kode_sasaran,uraian,tujuan", "kode_sasaran,uraian,tujuan_"),
    "text in a number": ("realisasi_anggaran.csv", "2019,K02.02,37040000,", "2019,K02.02,Rp 37.040.000,"),
    "unknown program": ("kegiatan.csv", "K03.01,P03,", "K03.01,P30,"),
    "unknown sasaran": ("indikator.csv", "IKU12,S3,", "IKU12,S4,"),
    "duplicate code": ("kegiatan.csv", "K06.02,P06,", "K06.01,P06,"),
}
EXPECTED = {
    "missing column": "data/sasaran.csv, baris 1, kolom 'tujuan'",
    "text in a number": "data/realisasi_anggaran.csv, baris 14, kolom 'pagu'",
    "unknown program": "data/kegiatan.csv, baris 17, kolom 'kode_program': kode 'P30' tidak ada di data/program.csv",
    "unknown sasaran": "data/indikator.csv, baris 13, kolom 'kode_sasaran': kode 'S4' tidak ada di data/sasaran.csv",
    "duplicate code": "data/kegiatan.csv, baris 21, kolom 'kode_kegiatan': 'K06.01' sudah ada",
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_csv_stops_the_build(project, case):
    file, old, new = BAD_INPUTS[case]
    path = project / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build(project, pdf=True)
    assert result.returncode != 0
    assert EXPECTED[case] in result.stdout + result.stderr
    assert not (project / "site" / "pdf").exists()


def test_empty_file_stops_the_build(project):
    (project / "data" / "program.csv").write_text("", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "data/program.csv: file kosong" in result.stderr


def test_a_macro_error_stops_the_build(project):
    """on_error_fail: a chapter asking for a figure that does not exist fails the build."""
    path = project / "docs" / "bab-3.md"
    path.write_text(path.read_text(encoding="utf-8") + '\n{{ capaian("IKU99", 2019) }}\n', encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "IKU99" in result.stdout + result.stderr


def test_an_undefined_variable_stops_the_build(project):
    """on_undefined: strict: a misspelt macro or variable is an error, not an empty string."""
    path = project / "docs" / "bab-1.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n{{ jumlah_indikatorr }}\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "jumlah_indikatorr" in result.stdout + result.stderr


def test_a_qualitative_level_off_the_scale_stops_the_build(project):
    path = project / "data" / "realisasi_kinerja.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2019,IKU02,Baik,", "2019,IKU02,Bagus,"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "data/realisasi_kinerja.csv, baris 3, kolom 'realisasi'" in result.stdout + result.stderr
