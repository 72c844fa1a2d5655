"""The analyses of BAB III (issue 10, item 7): against previous years, against the Renstra's
end-of-period target, and capaian beside serapan per sasaran. On the real data, which holds
none of what they need (each says so), and on the real data with what they need added."""

from dataclasses import replace
from decimal import Decimal

import pytest

from lkj import analisis
from lkj.data import Data
from lkj.report import Report
from lkj.rows import Realisasi, Target
from lkj.tables import Note, Table


def with_rows(report: Report, **tables) -> Report:
    """The report on its data with rows added to (or, for `program`, replacing) some tables."""
    data = dict(report.data.tables)
    for name, rows in tables.items():
        data[name] = tuple(rows) if name == "program" else data[name] + tuple(rows)
    fresh = Report(Data(data, raw=report.data.raw), report.settings)
    fresh.start_page(3)
    return fresh


def column(table: Table, header: str) -> list[str]:
    """The texts of one column of the body, by the header's text (one header row)."""
    index = [cell.text for cell in table.head[0].cells].index(header)
    return [row.cells[index].text for row in table.body]


def by_indikator(table: Table, first: int = 1) -> dict[str, list[str]]:
    return {row.cells[first].text: [cell.text for cell in row.cells[first + 1 :]] for row in table.body}


@pytest.mark.parametrize(
    "name, says",
    [
        ("tabel_perbandingan_capaian", "hanya memuat Tahun 2019"),
        ("tabel_capaian_renstra", "Target akhir periode Renstra belum dimuat di data/target_kinerja.csv"),
        ("tabel_efisiensi", "Kaitan program dengan sasaran belum dimuat di data/program.csv (kolom kode_sasaran)"),
    ],
)
def test_on_the_real_data_each_analysis_says_what_is_missing(report, name, says):
    note = getattr(analisis, name)(report)
    assert isinstance(note, Note) and says in note.text
    assert report.caption("x") == "Tabel 3.1 x"  # a sentence takes no table number


def test_the_overall_efficiency_sentence_is_computed(report):
    note = analisis.tabel_efisiensi(report)
    assert "9 (sembilan) dari 9 (sembilan) indikator yang terukur mencapai targetnya pada Tahun 2019," in note.text
    assert f"serapan anggaran {report.serapan()} ({report.realisasi_anggaran()} dari pagu {report.pagu()})" in note.text


def test_previous_years_side_by_side_with_their_own_targets(report):
    fresh = with_rows(
        report,
        target_kinerja=[
            Target("PK", 2018, "Tahun", "IKU04", Decimal(250), 90),
            Target("PK", 2018, "Tahun", "IKU06", Decimal(70), 91),
        ],
        realisasi_kinerja=[
            Realisasi(2018, "Tahun", "IKU04", Decimal(200), None, 90),
            Realisasi(2018, "Tahun", "IKU06", Decimal("71.4"), None, 91),
            Realisasi(2017, "Tahun", "IKU04", Decimal(180), None, 92),  # realisasi without a target: no capaian
            Realisasi(2020, "Tahun", "IKU04", Decimal(999), None, 93),  # after the measured year: not shown
        ],
    )
    table = analisis.tabel_perbandingan_capaian(fresh)
    assert table.caption == "Tabel 3.1 Perbandingan Realisasi dan Capaian Indikator Kinerja Utama 2017–2019"
    assert [c.text for c in table.head[0].cells][2:] == ["Tahun 2017", "Tahun 2018", "Tahun 2019"]
    rows = by_indikator(table)
    placed = rows["Jumlah tenaga kerja yang ditempatkan sesuai kompetensi"]
    assert placed == ["180 orang", "–", "200 orang", "80,00", "426 orang", "142,00"]
    assert rows["Persentase Tingkat Partisipasi Angkatan Kerja"] == ["–", "–", "71,4%", "102,00", "75,42%", "107,51"]
    assert rows["Nilai AKIP Disnaker"] == ["–", "–", "–", "–", "Baik", "tercapai"]
    assert rows["Persentase wirausaha baru mandiri"][-1] == "100,00 *"  # as published, marked
    capaian_2018 = table.body[3].cells[5]
    assert capaian_2018.value == Decimal("80.00")  # a number in the downloads


def test_realisasi_against_the_renstra_end_target(report):
    fresh = with_rows(
        report,
        target_kinerja=[
            Target("Renstra", 2021, "Tahun", "IKU04", Decimal(1500), 90),
            Target("Renstra", 2026, "Tahun", "IKU04", Decimal(9000), 91),  # the next Renstra: not this one
            Target("Renstra", 2016, "Tahun", "IKU06", Decimal(1), 92),  # a Renstra already ended
            Target("Renstra", 2021, "Tahun", "IKU10", Decimal(20), 93),
        ],
    )
    table = analisis.tabel_capaian_renstra(fresh)
    assert table.caption == "Tabel 3.1 Realisasi Tahun 2019 terhadap Target Akhir Renstra"
    rows = by_indikator(table)
    assert rows["Jumlah tenaga kerja yang ditempatkan sesuai kompetensi"] == [
        "1.500 orang",
        "2021",
        "426 orang",
        "28,40",
        "Target akhir belum tercapai",
    ]
    assert rows[
        "Persentase Penurunan jumlah kasus penyelesaian perselisihan hubungan industrial yang diselesaikan"
    ] == ["20 kasus", "2021", "23 kasus", "115,00", "Target akhir sudah tercapai"]
    assert rows["Persentase Tingkat Partisipasi Angkatan Kerja"][:2] == ["tidak ada target", "–"]
    assert rows["Persentase Tingkat Partisipasi Angkatan Kerja"][-1] == "Tidak dapat dibandingkan"


def test_capaian_beside_serapan_per_sasaran(report):
    links = {"P06": "S2", "P07": "S2", "P08": "S3"}
    programs = [replace(p, kode_sasaran=links.get(p.kode_program)) for p in report.data["program"]]
    table = analisis.tabel_efisiensi(with_rows(report, program=programs))
    assert table.caption == "Tabel 3.1 Capaian Kinerja dan Serapan Anggaran per Sasaran Tahun 2019"
    s1, s2, s3, supporting = table.body
    assert s1.cells[3].text == "tidak ada program terkait" and s1.cells[2].text.startswith("3 dari 3")
    serving = [report.anggaran(program=p) for p in ("P06", "P07")]
    pagu, realisasi = sum(a.pagu for a in serving), sum(a.realisasi for a in serving)
    assert [c.value for c in s2.cells[4:6]] == [pagu, realisasi]
    assert s2.cells[6].value == (Decimal(realisasi) * 100 / Decimal(pagu)).quantize(Decimal("0.01"))
    assert s2.cells[3].items == tuple(report.program_name(p) for p in ("P06", "P07"))
    assert "Jumlah tenaga kerja yang ditempatkan sesuai kompetensi: 142,00%" in s2.cells[2].items
    assert supporting.cells[1].text.startswith("Program penunjang")
    assert len(supporting.cells[3].items) == 5  # P01–P05
    total = table.foot[0].cells
    assert [c.value for c in total[1:3]] == [report.anggaran().pagu, report.anggaran().realisasi]
    assert sum(row.cells[4].value or 0 for row in table.body) == report.anggaran().pagu  # nothing counted twice
