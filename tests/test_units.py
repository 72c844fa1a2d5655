"""Units (satuan) as offices write them (issue 21): the known ones in any case and every usual
spelling of percent, any other unit shown after the number as written, rates too; a unit one
letter away from a known one is a warning, never an error."""

from decimal import Decimal

import pytest

from lkj.findings import WARNING
from lkj.satuan import dengan_satuan, known, misspelt
from tests.test_validate import data_dir, found  # noqa: F401 - the fixture

SHOWN = [
    ("%", Decimal("80"), "80%"),
    ("persen", Decimal("80.50"), "80,50%"),
    ("Persen", Decimal("80"), "80%"),
    ("PERSEN", Decimal("80"), "80%"),
    ("prosen", Decimal("80"), "80%"),
    ("Persentase", Decimal("80"), "80%"),
    ("Orang", Decimal("1142"), "1.142 orang"),
    ("Nilai", Decimal("83.45"), "83,45"),
    ("Predikat", "BB", "BB"),
    ("rupiah", Decimal("1500000"), "Rp 1.500.000"),
    ("LKS", Decimal("12"), "12 LKS"),
    ("LPK", Decimal("3"), "3 LPK"),
    ("Jumlah Loker", Decimal("1250"), "1.250 Jumlah Loker"),
    ("Ha", Decimal("12.5"), "12,5 Ha"),
    ("Km", Decimal("40"), "40 Km"),
    ("Unit Usaha", Decimal("7"), "7 Unit Usaha"),
    ("Skor", Decimal("3.2"), "3,2 Skor"),
    ("Koperasi", Decimal("15"), "15 Koperasi"),
    ("Tahun", Decimal("2"), "2 Tahun"),
    ("per 100.000 KH", Decimal("85.5"), "85,5 per 100.000 KH"),
    ("per 1.000 KH", Decimal("12"), "12 per 1.000 KH"),
    ("  Unit   Usaha ", Decimal("7"), "7 Unit Usaha"),  # spaces as a spreadsheet leaves them
]


@pytest.mark.parametrize("satuan, value, expected", SHOWN)
def test_every_spelling_shows_as_offices_expect(satuan, value, expected):
    assert dengan_satuan(value, satuan) == expected
    assert dengan_satuan(None, satuan) == "–"


def test_percent_in_all_its_spellings_is_the_same_unit():
    assert {known(spelling) for spelling in ("%", "persen", "Persen", "prosen", "PROSEN", "persentase")} == {"%"}
    assert known("LKS") is None and known("Orang") == "orang"


@pytest.mark.parametrize(
    "satuan, meant", [("presen", "persen"), ("orng", "orang"), ("pesen", "persen"), ("dokumn", "dokumen")]
)
def test_a_unit_one_letter_from_a_known_one_is_probably_that_one(satuan, meant):
    assert misspelt(satuan) == meant


@pytest.mark.parametrize("satuan", ["LKS", "Ha", "Km", "Unit Usaha", "Skor", "Koperasi", "Tahun", "bulanan", "%"])
def test_units_of_their_own_are_not_taken_for_misspellings(satuan):
    assert misspelt(satuan) is None


def test_the_data_accepts_any_unit_and_warns_only_of_a_misspelt_one(data_dir):  # noqa: F811
    text = (data_dir / "indikator.csv").read_text(encoding="utf-8")
    rows = text.splitlines()
    units = iter(["LKS", "Persen", "presen", "per 100.000 KH", "Jumlah Loker", "orng"])
    changed = []
    for row in rows:
        cells = row.split(",")
        if row.startswith("IKU0") and cells[-2] in ("orang", "%", "perusahaan"):
            cells[-2] = next(units, cells[-2])
        changed.append(",".join(cells))
    (data_dir / "indikator.csv").write_text("\n".join(changed) + "\n", encoding="utf-8")
    assert found(data_dir) == []
    warned = {f.value: f for f in found(data_dir, WARNING) if f.column == "satuan"}
    assert set(warned) == {"presen", "orng"}
    assert warned["presen"].file == "indikator.csv" and warned["presen"].row is not None
    assert "mirip 'persen'" in warned["presen"].message
