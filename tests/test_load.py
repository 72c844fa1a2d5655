"""load_data: every bad input stops with the file, the row and the column named."""

import shutil
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from macros.load import DataError, load_data
from tests.sites import PROJECT_ROOT


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(PROJECT_ROOT / "data", tmp_path / "data"))


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_real_data_loads_with_exact_types(real_data):
    pagu = real_data["realisasi_anggaran"]["pagu"]
    assert all(type(v) is int for v in pagu)
    assert real_data["target_kinerja"].iloc[5]["target"] == Decimal("70.15")
    assert real_data["realisasi_kinerja"]["realisasi"].iloc[0] == "Baik"


def test_row_numbers_are_the_lines_of_the_file(real_data):
    # header is line 1, first data row line 2, as in a text editor or Excel
    assert list(real_data["program"]["_baris"])[:2] == [2, 3]


def test_missing_column(data_dir):
    path = data_dir / "kegiatan.csv"
    pd.read_csv(path, dtype=str).drop(columns=["kode_program"]).to_csv(path, index=False)
    with pytest.raises(DataError) as error:
        load_data(data_dir)
    assert (error.value.file, error.value.row, error.value.column) == ("kegiatan.csv", 1, "kode_program")
    assert "data/kegiatan.csv, baris 1, kolom 'kode_program'" in str(error.value)


# case: (file, text to find, replacement, expected message)
EDITS = {
    "text in a number": (
        "realisasi_anggaran.csv",
        "2019,K01.03,92005000",
        "2019,K01.03,92.005.000",
        r"data/realisasi_anggaran\.csv, baris 4, kolom 'pagu': nilai '92\.005\.000'",
    ),
    "negative amount": (
        "realisasi_anggaran.csv",
        "2019,K01.01,1755000,1755000",
        "2019,K01.01,-1755000,1755000",
        r"data/realisasi_anggaran\.csv, baris 2, kolom 'pagu'",
    ),
    "unknown program": (
        "kegiatan.csv",
        "K02.01,P02,",
        "K02.01,P99,",
        r"data/kegiatan\.csv, baris 13, kolom 'kode_program': kode 'P99' tidak ada di data/program\.csv",
    ),
    "unknown sasaran": (
        "indikator.csv",
        "IKU04,S2,",
        "IKU04,S9,",
        r"data/indikator\.csv, baris 5, kolom 'kode_sasaran': kode 'S9'",
    ),
    "duplicate code": (
        "program.csv",
        "P03,",
        "P02,",
        r"data/program\.csv, baris 4, kolom 'kode_program': 'P02' sudah ada",
    ),
    "unknown column": (
        "misi.csv",
        "kode_misi,uraian",
        "kode_misi,uraian,catatan",
        r"kolom 'catatan': kolom tidak dikenal",
    ),
    "unknown direction": (
        "indikator.csv",
        "orang,naik",
        "orang,keatas",
        r"indikator\.csv, baris 5, kolom 'arah'.*naik, turun, kualitatif",
    ),
    "number where a level is expected": (
        "target_kinerja.csv",
        "PK,2019,IKU01,Baik",
        "PK,2019,IKU01,3",
        r"target_kinerja\.csv, baris 2, kolom 'target'.*kualitatif",
    ),
    "level where a number is expected": (
        "realisasi_kinerja.csv",
        "2019,IKU04,426,",
        "2019,IKU04,banyak,",
        r"realisasi_kinerja\.csv, baris 5, kolom 'realisasi'.*isi angka",
    ),
    "realisasi and published capaian together": (
        "realisasi_kinerja.csv",
        "2019,IKU04,426,",
        "2019,IKU04,426,142",
        "bukan keduanya",
    ),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_a_bad_cell_names_file_row_and_column(data_dir, case):
    file, old, new, message = EDITS[case]
    replace(data_dir / file, old, new)
    with pytest.raises(DataError, match=message):
        load_data(data_dir)


def test_empty_file(data_dir):
    (data_dir / "sasaran.csv").write_text("")
    with pytest.raises(DataError, match=r"data/sasaran\.csv: file kosong"):
        load_data(data_dir)


def test_header_only(data_dir):
    (data_dir / "misi.csv").write_text("kode_misi,uraian\n")
    with pytest.raises(DataError, match=r"data/misi\.csv: file hanya berisi baris judul"):
        load_data(data_dir)


def test_missing_file(data_dir):
    (data_dir / "renstra.csv").unlink()
    with pytest.raises(DataError, match=r"data/renstra\.csv: file tidak ditemukan"):
        load_data(data_dir)


def test_a_typed_total_for_a_detailed_year_is_refused(data_dir):
    with (data_dir / "ringkasan_anggaran.csv").open("a") as file:
        file.write("2019,2392837500,2281522116,103.42\n")
    with pytest.raises(DataError, match=r"ringkasan_anggaran\.csv, baris 3, kolom 'tahun'.*dihitung"):
        load_data(data_dir)


def test_stray_spaces_and_a_byte_order_mark_are_tolerated(data_dir):
    path = data_dir / "misi.csv"
    text = path.read_text(encoding="utf-8").replace("kode_misi,uraian", "kode_misi , uraian")
    path.write_text("\ufeff" + text + "\n", encoding="utf-8")
    assert list(load_data(data_dir)["misi"]["kode_misi"]) == ["I", "II", "III", "IV"]
