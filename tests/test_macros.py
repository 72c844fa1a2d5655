"""Each macro on the real data: what a chapter gets when it calls it."""

import pytest
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import get_yaml_loader

from macros import tables
from macros.report import Report
from macros.settings import read_settings
from tests.html import cells, parse, section
from tests.sites import PROJECT_ROOT


@pytest.fixture(scope="module")
def extra():
    with (PROJECT_ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=get_yaml_loader())["extra"]


@pytest.fixture
def report(real_data, extra):
    report = Report(real_data, read_settings(extra))
    report.start_page(3)
    return report


def test_inline_budget_figures(report):
    assert report.pagu(2019) == "Rp 2.392.837.500"
    assert report.realisasi_anggaran(2019) == "Rp 2.281.522.116"
    assert report.serapan(2019) == "95,35%"
    assert report.serapan(2018) == "92,09%"
    assert report.serapan(2019, "P06") == "97,58%"
    assert report.pagu(2019, "P01") == "Rp 813.399.847"
    assert report.fisik(2019, "P07") == "130,00%"
    assert report.fisik(2018) == "97,58%"


def test_pagu_pk_is_the_sum_of_the_programs(report, real_data):
    rows = real_data["anggaran_pk"]
    assert report.pagu_pk(2020) == "Rp 2.553.091.717" == "Rp " + f"{sum(rows['pagu']):,}".replace(",", ".")


def test_capaian_inline(report):
    assert report.capaian("IKU04", 2019) == "142,00%"
    assert report.capaian("IKU06", 2019) == "107,51%"
    assert report.capaian("IKU10", 2019) == "115,00%"
    assert report.capaian("IKU01", 2019) == "tercapai"


def test_counts(report):
    assert report.jumlah_indikator(2019) == "9 (sembilan)"
    assert report.jumlah_indikator(2020) == "6 (enam)"
    assert report.jumlah_indikator(2020, "RK") == "6 (enam)"
    assert report.jumlah_sasaran(2020) == "2 (dua)"
    assert report.jumlah_tujuan(2020) == "2 (dua)"
    assert report.jumlah_program() == "8 (delapan)"
    assert report.jumlah_misi() == "4 (empat)"
    assert report.jumlah_tercapai(2019) == "9 (sembilan) dari 9 (sembilan)"


def test_visi_and_misi(report):
    assert report.visi() == "Terwujudnya Kabupaten Tanjung Jabung Barat Maju, Adil, Makmur, Bermartabat dan Berkualitas"
    assert report.misi("III") == "Meningkatkan pembangunan ekonomi masyarakat melalui agroindustri dan perikanan"


def test_unknown_things_raise(report):
    with pytest.raises(LookupError):
        report.capaian("IKU99", 2019)
    with pytest.raises(LookupError):
        report.pagu(2017)
    with pytest.raises(LookupError, match="kode yang ada: I, II, III, IV"):
        report.misi("IX")
    with pytest.raises(ValueError, match="tahun harus empat angka"):
        report.pagu("20x9")


def test_captions_are_numbered_per_chapter(report):
    first = tables.tabel_capaian(report, 2019)
    second = tables.tabel_realisasi_anggaran(report, 2019)
    assert parse(first).caption.get_text() == "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2019"
    assert parse(second).caption.get_text().startswith("Tabel 3.2 Realisasi Program dan Kegiatan")
    report.start_page(2)
    assert parse(tables.tabel_renstra(report)).caption.get_text().startswith("Tabel 2.1 ")


def test_a_table_on_a_page_without_bab_is_refused(report):
    report.start_page(None)
    with pytest.raises(ValueError, match="bab"):
        tables.tabel_capaian(report, 2019)


def test_tabel_capaian(report):
    html = tables.tabel_capaian(report, 2019)
    row = cells(html)
    assert "Jumlah tenaga kerja yang ditempatkan sesuai kompetensi" in row
    i = row.index("Jumlah tenaga kerja yang ditempatkan sesuai kompetensi")
    assert row[i + 1 : i + 5] == ["300 orang", "426 orang", "142,00", "Tercapai"]
    j = row.index("Persentase wirausaha baru mandiri")
    assert row[j + 1 : j + 5] == ["50 orang", "–", "100,00", "Tercapai *"]  # published capaian, no realisasi
    assert "sebagaimana dipublikasikan" in parse(html).select_one(".lkj-catatan").get_text()
    assert len(parse(html).find_all("tr")) == 1 + 9  # header + nine IKU
    assert 'rowspan="3"' in html  # three IKU per sasaran


def test_tabel_realisasi_anggaran(report):
    html = str(tables.tabel_realisasi_anggaran(report, 2019, pembanding=[2018]))
    assert len(parse(html).select("tr.program")) == 8
    assert len(parse(html).select("tr.kegiatan")) == 28
    tfoot = section(html, "tfoot")
    assert cells(tfoot)[:6] == ["", "Jumlah Tahun 2019", "2.392.837.500", "2.281.522.116", "95,35", "102,68"]
    assert cells(tfoot)[6:] == ["", "Pembanding: Tahun 2018", "2.228.039.860", "2.051.831.969", "92,09", "97,58"]
    programs = [cells(row) for row in parse(html).select("tr.program")]
    row = next(r for r in programs if r[1] == "Program Peningkatan Kualitas dan Produktivitas Tenaga Kerja")
    assert row[2:5] == ["360.031.000", "351.336.000", "97,58"]
    assert parse(html).select("tr.program")[programs.index(row)].find_all("td")[1].strong is not None


def test_tabel_target_rk_and_pk(report):
    rk = cells(tables.tabel_target(report, 2020, "RK"))
    pk_html = tables.tabel_target(report, 2020, "PK", dengan_tujuan=True)
    pk = cells(pk_html)
    assert rk[rk.index("Cakupan perusahaan yang terdaftar kepesertaan BPJS Ketenagakerjaan") + 1] == "100%"
    assert pk[pk.index("Cakupan perusahaan yang terdaftar kepesertaan BPJS Ketenagakerjaan") + 1] == "80%"
    assert "77,50%" in rk and "30 orang" in rk
    assert "Menyediakan tenaga kerja terampil serta menciptakan wirausaha baru" in pk
    assert parse(pk_html).caption.get_text().endswith("Perjanjian Kinerja Tahun 2020")


def test_tabel_anggaran_program(report):
    html = tables.tabel_anggaran_program(report, 2020)
    row = cells(html)
    assert row[row.index("Program Pelayanan Administrasi Perkantoran") + 1] == "912.283.357"
    assert cells(section(html, "tfoot")) == ["Jumlah", "2.553.091.717", "APBD"]


def test_tabel_renstra(report):
    html = tables.tabel_renstra(report, misi=["II", "III"])
    headings = cells(parse(html).select("tr.judul-renstra"))
    assert headings[0].startswith("VISI: Terwujudnya Kabupaten Tanjung Jabung Barat Maju")
    assert headings[2] == "MISI III: Meningkatkan pembangunan ekonomi masyarakat melalui agroindustri dan perikanan"
    assert len(parse(html).select("td li")) == 14  # arah kebijakan: 2 + 7 + 5


def test_lists_and_signature(report):
    assert len(parse(tables.daftar_misi(report)).find_all("li")) == 4
    programs = [li.get_text() for li in parse(tables.daftar_program(report)).find_all("li")]
    assert len(programs) == 8
    expected = "Program Peningkatan Kesempatan Kerja, kinerja yang ingin dicapai adalah persentase tenaga kerja"
    assert any(item.startswith(expected + " yang ditempatkan") for item in programs)
    signature = parse(tables.tanda_tangan(report))
    assert signature.select_one(".lkj-tanda-tangan__nip").get_text() == "NIP. 19780426 199612 1 001"
    assert signature.select_one(".lkj-tanda-tangan__jabatan").get_text() == "Kepala Dinas Tenaga Kerja"


def test_settings_missing_key_is_a_clear_error(extra):
    broken = {"lkj": {k: v for k, v in extra["lkj"].items() if k != "visi"}}
    with pytest.raises(PluginError, match="extra.lkj belum berisi visi"):
        read_settings(broken)


def test_macros_never_read_csv_files(report, monkeypatch):
    """Data is read once per build (in define_env); a macro call never touches the files."""
    import pandas

    def refuse(*args, **kwargs):
        raise AssertionError("a macro read a CSV file")

    monkeypatch.setattr(pandas, "read_csv", refuse)
    report.pagu(2019)
    report.capaian("IKU04", 2019)
    tables.tabel_realisasi_anggaran(report, 2019, pembanding=[2018])
    tables.tabel_capaian(report, 2019)
    tables.tabel_target(report, 2020, "PK", dengan_tujuan=True)


def test_judul_gambar_numbers_figures_per_chapter_apart_from_tables(report):
    report.start_page(1)
    tables.tabel_capaian(report, 2019)
    assert report.judul_gambar("Bagan <Struktur>") == "Gambar 1.1 Bagan <Struktur>"  # made inert by the macro
    assert report.judul_gambar("Lain") == "Gambar 1.2 Lain"


def test_tabel_data_terbuka(report, real_data):
    html = tables.tabel_data_terbuka(report, awalan="../data/")
    page = parse(html)
    assert page.caption is None  # not one of the report's numbered tables
    row = next(tr for tr in page.select("tbody tr") if tr.a.get_text() == "realisasi_anggaran.csv")
    assert row.a["href"] == "../data/realisasi_anggaran.csv" and row.a.has_attr("download")
    assert cells(row)[2] == str(len(real_data["realisasi_anggaran"]))
    assert len(page.select("code.lkj-sha256")) == 12
