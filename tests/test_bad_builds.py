"""A bad input stops `make build` with a message naming the file, the row and the column."""

import pytest

from tests.sites import build

# case: (file in the project, text to find, replacement, expected in the build's output)
BAD_INPUTS = {
    "missing column": (
        "data/sasaran.csv",
        "kode_sasaran,uraian,tujuan",
        "kode_sasaran,uraian,tujuan_",
        "data/sasaran.csv, baris 1, kolom 'tujuan'",
    ),
    "text in a number": (
        "data/realisasi_anggaran.csv",
        "2019,K02.02,37040000,",
        "2019,K02.02,Rp 37.040.000,",
        "data/realisasi_anggaran.csv, baris 14, kolom 'pagu'",
    ),
    "unknown program": (
        "data/kegiatan.csv",
        "K03.01,P03,",
        "K03.01,P30,",
        "data/kegiatan.csv, baris 17, kolom 'kode_program': nilai 'P30': kode tidak ada di data/program.csv",
    ),
    "unknown sasaran": (
        "data/indikator.csv",
        "IKU12,S3,",
        "IKU12,S4,",
        "data/indikator.csv, baris 13, kolom 'kode_sasaran': nilai 'S4': kode tidak ada di data/sasaran.csv",
    ),
    "duplicate code": (
        "data/kegiatan.csv",
        "K06.02,P06,",
        "K06.01,P06,",
        "data/kegiatan.csv, baris 21, kolom 'kode_kegiatan': 'K06.01' sudah ada",
    ),
    "qualitative level off the scale": (
        "data/realisasi_kinerja.csv",
        "2019,IKU02,Baik,",
        "2019,IKU02,Bagus,",
        "data/realisasi_kinerja.csv, baris 3, kolom 'realisasi'",
    ),
    # on_error_fail: a chapter asking for a figure that does not exist
    "macro error": ("docs/bab-3.md", "{{ tabel_capaian(2019) }}", '{{ capaian("IKU99", 2019) }}', "IKU99"),
    # on_undefined: strict: a misspelt macro is an error, not an empty string
    "undefined name": ("docs/bab-2.md", "{{ jumlah_misi() }}", "{{ jumlah_misii() }}", "jumlah_misii"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_stops_the_build(project, case):
    file, old, new, expected = BAD_INPUTS[case]
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build(project, pdf=True)
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr
    assert not (project / "site" / "pdf").exists()


def test_empty_file_stops_the_build(project):
    (project / "data" / "program.csv").write_text("", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "GALAT data/program.csv: berkas kosong" in result.stderr
