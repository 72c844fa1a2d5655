from decimal import Decimal

import pytest

from lkj import compute, fmt

LEVELS = (("Kurang", "Cukup", "Baik", "Sangat Baik"), ("C", "B", "A"))


def test_percent_is_exact_not_float():
    value = compute.percent(2281522116, 2392837500)
    assert fmt.persen(value) == "95,35"
    assert compute.percent(1, 8) == Decimal("12.5")


def test_percent_of_zero_is_none():
    assert compute.percent(5, 0) is None


def test_percent_exactly_at_half_rounds_up_at_display():
    # 12 345 / 100 000 = 12,345 % exactly: displayed 12,35 (half-even would give 12,34)
    assert compute.percent(12345, 100000) == Decimal("12.345")
    assert fmt.persen(compute.percent(12345, 100000)) == "12,35"


def test_capaian_higher_is_better():
    result = compute.capaian("naik", Decimal(300), Decimal(426))
    assert result.persen == Decimal(142)
    assert result.tercapai is True


def test_capaian_higher_is_better_below_target():
    result = compute.capaian("naik", Decimal(20), Decimal(15))
    assert result.persen == Decimal(75)
    assert result.tercapai is False


def test_capaian_lower_is_better_uses_two_target_minus_realisasi():
    # target 20 accidents, 15 happened: (2×20 − 15) / 20 = 125 %
    assert compute.capaian("turun", Decimal(20), Decimal(15)).persen == Decimal(125)
    # 25 happened: (40 − 25) / 20 = 75 %, not met
    result = compute.capaian("turun", Decimal(20), Decimal(25))
    assert result.persen == Decimal(75)
    assert result.tercapai is False


def test_capaian_lower_is_better_never_negative():
    # realisasi more than twice the target: the formula would give −50 %; it stops at 0
    assert compute.capaian("turun", Decimal(20), Decimal(50)).persen == 0


def test_capaian_lower_is_better_with_target_zero():
    assert compute.capaian("turun", Decimal(0), Decimal(0)).persen == 100
    result = compute.capaian("turun", Decimal(0), Decimal(3))
    assert result.persen == 0
    assert result.tercapai is False


def test_capaian_higher_is_better_with_target_zero_cannot_be_a_ratio():
    result = compute.capaian("naik", Decimal(0), Decimal(5))
    assert result.persen is None
    assert result.tercapai is None
    assert "target 0" in result.catatan


def test_capaian_qualitative_met_at_or_above_target():
    assert compute.capaian("kualitatif", "Baik", "Baik", LEVELS).tercapai is True
    assert compute.capaian("kualitatif", "Baik", "Sangat Baik", LEVELS).tercapai is True
    assert compute.capaian("kualitatif", "Baik", "Cukup", LEVELS).tercapai is False
    assert compute.capaian("kualitatif", "B", "A", LEVELS).persen is None


def test_capaian_qualitative_unknown_level_is_an_error():
    with pytest.raises(ValueError, match="skala"):
        compute.capaian("kualitatif", "Baik", "Luar biasa", LEVELS)


def test_capaian_publikasi_is_marked_as_published():
    result = compute.capaian_publikasi(Decimal(100))
    assert result.dipublikasikan is True
    assert result.tercapai is True


def test_anggaran_tahun_sums_kegiatan_into_programs_and_programs_into_the_year(real_data):
    year = compute.anggaran_periode(real_data, 2019, "Tahun", "Tahun 2019")
    assert year.rinci == "kegiatan" and year.nama == "Tahun 2019"
    assert [p.kode for p in year.program] == [f"P0{i}" for i in range(1, 9)]
    for program in year.program:
        assert program.pagu == sum(k.pagu for k in program.kegiatan)
        assert program.realisasi == sum(k.realisasi for k in program.kegiatan)
    assert year.pagu == sum(p.pagu for p in year.program) == sum(r.pagu for r in real_data["realisasi_anggaran"])
    # the seed's program rows, recomputed from its kegiatan rows
    first = year.program[0]
    assert (first.pagu, first.realisasi) == (813399847, 772347557)
    # weighted: total realisasi / total pagu, not the mean of the rows' percentages
    assert fmt.persen(year.serapan) == "95,35"
    mean_of_rows = sum(p.serapan for p in year.program) / len(year.program)
    assert fmt.persen(mean_of_rows) != fmt.persen(year.serapan)


def test_fisik_of_a_program_is_the_mean_of_its_kegiatan(real_data):
    year = compute.anggaran_periode(real_data, 2019, "Tahun", "Tahun 2019")
    programs = {p.kode: p for p in year.program}
    assert programs["P07"].fisik == Decimal(130)  # (142 + 118) / 2
    assert programs["P08"].fisik == Decimal("102.5")
    all_kegiatan = [k.fisik for p in year.program for k in p.kegiatan]
    assert year.fisik == compute.mean(all_kegiatan)
