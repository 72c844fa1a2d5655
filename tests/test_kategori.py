"""Capaian rated on the office's own scale (issue 21, `lkj/kategori.py`): the bands' edges, a
capaian above 100 %, gaps and overlaps refused in one line naming the bands, the category in the
capaian table and the home summary, the counts macro; a report without a scale looks as before."""

from dataclasses import replace
from decimal import Decimal

import pytest

from lkj import summary, tables
from lkj.kategori import KategoriCapaian, Pita
from lkj.settings import SettingsError, read_settings

D = Decimal
SCALE = KategoriCapaian(  # the scale `lkj new` writes (Permendagri 86/2017), bands as mkdocs.yml declares them
    "Permendagri 86/2017",
    (
        Pita("Sangat Tinggi", lebih_dari=D(90)),
        Pita("Tinggi", lebih_dari=D(75), sampai=D(90)),
        Pita("Sedang", lebih_dari=D(65), sampai=D(75)),
        Pita("Rendah", lebih_dari=D(50), sampai=D(65)),
        Pita("Sangat Rendah", sampai=D(50)),
    ),
)
LOW = KategoriCapaian("uji", (Pita("Baik", lebih_dari=D(125)), Pita("Kurang", sampai=D(125))))
BASE = {"instansi": "Dinas X", "daerah": "Kota Y", "tahun": 2025, "visi": "v"}


def declared(*bands: dict, sumber: str = "uji"):
    return read_settings({"lkj": {**BASE, "kategori_capaian": {"sumber": sumber, "pita": list(bands)}}})


@pytest.mark.parametrize(
    "capaian, expected",
    [
        ("0", "Sangat Rendah"),
        ("50", "Sangat Rendah"),  # exactly on the boundary: 'sampai' holds it
        ("50.0001", "Rendah"),
        ("75", "Sedang"),
        ("90", "Tinggi"),
        ("90.005", "Sangat Tinggi"),  # between 90 and 91: no gap
        ("100", "Sangat Tinggi"),
        ("142", "Sangat Tinggi"),  # above 100 %: the top band
    ],
)
def test_the_edges_of_the_bands(capaian, expected):
    assert SCALE.rate(D(capaian)) == expected


def test_a_scale_read_from_mkdocs_yml_rates_the_same():
    settings = declared(
        {"kategori": "Sangat Tinggi", "lebih_dari": 90},
        {"kategori": "Tinggi", "lebih_dari": 75, "sampai": 90},
        {"kategori": "Sedang", "lebih_dari": 65, "sampai": 75},
        {"kategori": "Rendah", "lebih_dari": 50, "sampai": "65"},
        {"kategori": "Sangat Rendah", "sampai": 50},
        sumber="Permendagri 86/2017",
    )
    assert settings.kategori_capaian == SCALE


def test_a_top_band_with_an_upper_bound_still_rates_what_is_above_it():
    settings = declared({"kategori": "Baik", "dari": 86, "sampai": 100}, {"kategori": "Kurang", "kurang_dari": 86})
    assert settings.kategori_capaian.rate(D("120")) == "Baik" and settings.kategori_capaian.rate(D("85.99")) == "Kurang"


@pytest.mark.parametrize(
    "bands, says",
    [
        (  # the office's "86 s/d 100 Baik, 71 s/d <85 Sedang": nothing below 71, nothing from 85 to 86
            [{"kategori": "Baik", "dari": 86, "sampai": 100}, {"kategori": "Sedang", "dari": 71, "kurang_dari": 85}],
            "celah di bawah 'Sedang' (dari 71 kurang dari 85): capaian 0 sampai 71 tidak berkategori",
        ),
        (
            [{"kategori": "Baik", "dari": 86}, {"kategori": "Sedang", "kurang_dari": 85}],
            "celah antara 'Sedang' (kurang dari 85) dan 'Baik' (dari 86)",
        ),
        (
            [{"kategori": "Baik", "dari": 90}, {"kategori": "Kurang", "sampai": 90}],  # 90 in both
            "'Kurang' (sampai 90) dan 'Baik' (dari 90) tumpang tindih",
        ),
        (
            [{"kategori": "Baik", "lebih_dari": 90}, {"kategori": "Kurang", "kurang_dari": 90}],  # 90 in neither
            "celah antara 'Kurang' (kurang dari 90) dan 'Baik' (lebih dari 90)",
        ),
        (
            [{"kategori": "Baik", "dari": 60}, {"kategori": "Kurang", "sampai": 80}],
            "'Kurang' (sampai 80) dan 'Baik' (dari 60) tumpang tindih",
        ),
        ([{"kategori": "Baik", "dari": 80, "lebih_dari": 80}], "tulis 'dari' atau 'lebih_dari', tidak keduanya"),
        ([{"kategori": "Baik", "dari": "sembilan"}], "kategori_capaian.pita.dari harus angka"),
    ],
)
def test_gaps_and_overlaps_are_refused_naming_the_bands(bands, says):
    with pytest.raises(SettingsError) as refused:
        declared(*bands)
    message = str(refused.value)
    assert message.startswith("mkdocs.yml: extra.lkj.kategori_capaian") and says in message and "\n" not in message


def _rated(report):
    """The real report, rated on SCALE."""
    from lkj.report import Report

    fresh = Report(report.data, replace(report.settings, kategori_capaian=SCALE))
    fresh.start_page(3)
    return fresh


def test_the_capaian_table_shows_the_category_of_each_measured_indikator(report):
    plain, scaled = tables.tabel_capaian(report), tables.tabel_capaian(_rated(report))
    assert [cell.text for cell in plain.head[0].cells][-2:] == ["Capaian (%)", "Keterangan"]  # as before
    assert [cell.text for cell in scaled.head[0].cells][-3:] == ["Capaian (%)", "Kategori", "Keterangan"]
    by_name = {row.cells[-6].text if len(row.cells) > 6 else row.cells[0].text: row for row in scaled.body}
    categories = {name: row.cells[-2].text for name, row in by_name.items()}
    assert categories["Persentase Tingkat Partisipasi Angkatan Kerja"] == "Sangat Tinggi"
    assert categories["Nilai AKIP Disnaker"] == "–"  # qualitative: no percentage, no category
    assert scaled.notes[-1].startswith(
        "Kategori capaian (Permendagri 86/2017): Sangat Tinggi (lebih dari 90); Tinggi (lebih dari 75 sampai 90);"
    )


def test_the_counts_per_category_are_computed(report):
    from lkj import fmt
    from lkj.compute import percent
    from lkj.report import Report

    rated = _rated(report)
    lines = rated.capaian_lines(2019)
    categories = [SCALE.rate(line.capaian.persen) for line in lines if line.capaian.persen is not None]
    parts = [
        f"{fmt.bilangan(categories.count(name))} indikator "
        f"({fmt.persen_tanda(percent(categories.count(name), len(categories)))}) {name}"
        for name in SCALE.from_highest()
        if categories.count(name)
    ]
    unrated = len(lines) - len(categories)
    assert unrated and parts == ["6 (enam) indikator (100,00%) Sangat Tinggi"]  # the real data: all above 90 %
    expected = f"{parts[0]} ({fmt.bilangan(unrated)} indikator tidak berkategori: "
    assert rated.jumlah_kategori() == expected + "kualitatif atau belum dapat diukur)"
    with pytest.raises(LookupError, match="belum menyatakan skala kategori capaian"):
        report.jumlah_kategori()
    lower = Report(report.data, replace(report.settings, kategori_capaian=LOW))  # 142 % above 125; the rest below
    assert lower.jumlah_kategori().startswith(
        "1 (satu) indikator (16,67%) Baik dan 5 (lima) indikator (83,33%) Kurang (3 (tiga) indikator tidak"
    )


def test_the_home_summary_counts_the_categories_only_where_the_report_has_a_scale(report):
    assert "Kategori capaian" not in [figure.label for figure in summary.ringkasan_kinerja(report).figures]
    figure = summary.ringkasan_kinerja(_rated(report)).figures[-1]
    assert figure.label == "Kategori capaian" and figure.table == "tabel_capaian"
    assert "Sangat Tinggi" in figure.value and "skala Permendagri 86/2017" in figure.detail
