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


def test_text_in_a_number(data_dir):
    replace(data_dir / "realisasi_anggaran.csv", "2019,K01.03,92005000", "2019,K01.03,92.005.000")
    with pytest.raises(DataError, match=r"data/realisasi_anggaran\.csv, baris 4, kolom 'pagu': nilai '92\.005\.000'"):
        load_data(data_dir)


def test_negative_amount(data_dir):
    replace(data_dir / "realisasi_anggaran.csv", "2019,K01.01,1755000,1755000", "2019,K01.01,-1755000,1755000")
    with pytest.raises(DataError, match=r"baris 2, kolom 'pagu'"):
        load_data(data_dir)


def test_unknown_program_code(data_dir):
    replace(data_dir / "kegiatan.csv", "K02.01,P02,", "K02.01,P99,")
    with pytest.raises(DataError) as error:
        load_data(data_dir)
    assert (error.value.file, error.value.row, error.value.column) == ("kegiatan.csv", 13, "kode_program")
    assert "P99" in str(error.value)


def test_unknown_sasaran_code(data_dir):
    replace(data_dir / "indikator.csv", "IKU04,S2,", "IKU04,S9,")
    with pytest.raises(DataError, match=r"data/indikator\.csv, baris 5, kolom 'kode_sasaran': kode 'S9'"):
        load_data(data_dir)


def test_duplicate_code(data_dir):
    replace(data_dir / "program.csv", "P03,", "P02,")
    with pytest.raises(DataError, match=r"data/program\.csv, baris 4, kolom 'kode_program': 'P02' sudah ada"):
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


def test_unknown_column(data_dir):
    replace(data_dir / "misi.csv", "kode_misi,uraian", "kode_misi,uraian,catatan")
    with pytest.raises(DataError, match=r"kolom 'catatan': kolom tidak dikenal"):
        load_data(data_dir)


def test_unknown_direction(data_dir):
    replace(data_dir / "indikator.csv", "orang,naik", "orang,keatas")
    with pytest.raises(DataError, match=r"indikator\.csv, baris 5, kolom 'arah'.*naik, turun, kualitatif"):
        load_data(data_dir)


def test_number_where_a_level_is_expected(data_dir):
    replace(data_dir / "target_kinerja.csv", "PK,2019,IKU01,Baik", "PK,2019,IKU01,3")
    with pytest.raises(DataError, match=r"target_kinerja\.csv, baris 2, kolom 'target'.*kualitatif"):
        load_data(data_dir)


def test_level_where_a_number_is_expected(data_dir):
    replace(data_dir / "realisasi_kinerja.csv", "2019,IKU04,426,", "2019,IKU04,banyak,")
    with pytest.raises(DataError, match=r"realisasi_kinerja\.csv, baris 5, kolom 'realisasi'.*isi angka"):
        load_data(data_dir)


def test_realisasi_and_published_capaian_together_is_refused(data_dir):
    replace(data_dir / "realisasi_kinerja.csv", "2019,IKU04,426,", "2019,IKU04,426,142")
    with pytest.raises(DataError, match="bukan keduanya"):
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
