from decimal import Decimal

import pytest

from lkj import fmt


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("12.345"), "12,35"),  # exactly half: up, not to even (Babel alone gives 12,34)
        (Decimal("2.345"), "2,35"),
        (Decimal("0.005"), "0,01"),
        (Decimal("95.3479756"), "95,35"),
        (Decimal("100"), "100,00"),
        (Decimal("1234.5"), "1.234,50"),
    ],
)
def test_persen_rounds_half_up_to_two_decimals_in_indonesian_style(value, expected):
    assert fmt.persen(value) == expected


def test_missing_percentage_shows_a_dash():
    assert fmt.persen(None) == "–"


def test_angka_groups_thousands_with_dots():
    assert fmt.angka(2392837500) == "2.392.837.500"
    assert fmt.angka(0) == "0"


def test_rupiah():
    assert fmt.rupiah(2392837500) == "Rp 2.392.837.500"


def test_angka_data_keeps_the_recorded_decimals():
    assert fmt.angka_data(Decimal("77.50")) == "77,50"
    assert fmt.angka_data(Decimal("70.15")) == "70,15"
    assert fmt.angka_data(Decimal("300")) == "300"


def test_bilangan_adds_the_number_in_words():
    assert fmt.bilangan(9) == "9 (sembilan)"
    assert fmt.bilangan(2) == "2 (dua)"


def test_terbilang():
    assert fmt.terbilang(2500) == "dua ribu lima ratus rupiah"
