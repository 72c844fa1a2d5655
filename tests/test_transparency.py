"""The website a citizen reads at a glance: downloads, charts, the open-data package, the
organisation from data, provenance (issue 10). Pure functions here; the real report's
figures are asserted in test_full_report.py on its one shared build."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from lkj import charts, datapackage, draw, export, organisasi, provenance
from lkj.consistency import _organisation_tree
from lkj.data import Data
from lkj.findings import ERROR
from lkj.report import Report
from lkj.rows import Unit
from lkj.tables import Cell, Row, Table, number, percent
from lkj_site.builder import run
from tests.html import parse
from tests.sites import copy_project

TABLE = Table(
    "Tabel 9.1 Contoh",
    [
        Row([Cell("No", rowspan=2), Cell("Nama", rowspan=2), Cell("Anggaran", colspan=2)]),
        Row([Cell("Pagu"), Cell("Serapan (%)")]),
    ],
    [
        Row(
            [Cell("1", rowspan=2), Cell('=HYPERLINK("http://x")'), number(1500000), percent(Decimal("95.345"))],
            "program",
        ),
        Row([Cell('Dua; "tiga"'), number(0), Cell("–", numeric=True)], "kegiatan"),
    ],
    [Row([Cell("Jumlah", colspan=2), number(1500000), percent(Decimal("95.345"))], "total")],
)


def test_a_table_flattens_as_shown_with_numbers_as_numbers():
    sheet = export.sheet(TABLE, "Sumber: data/x.csv")
    assert sheet.header == ["Baris", "No", "Nama", "Anggaran – Pagu", "Anggaran – Serapan (%)"]
    assert sheet.rows[0] == ["Program", "1", '=HYPERLINK("http://x")', 1500000, Decimal("95.35")]  # rounded as shown
    assert sheet.rows[1] == ["Kegiatan", "1", 'Dua; "tiga"', 0, None]  # rowspan repeated; a dash is no figure
    assert sheet.rows[2] == ["Jumlah", "Jumlah", None, 1500000, Decimal("95.35")]


def test_csv_standard_and_for_indonesian_excel_and_never_a_formula():
    sheet = export.sheet(TABLE, "s")
    standard = export.to_csv(sheet).decode()
    assert 'Program,1,"\'=HYPERLINK(""http://x"")",1500000,95.35' in standard
    excel = export.to_csv(sheet, excel_id=True).decode("utf-8")
    assert excel.startswith("\ufeff") and 'Kegiatan;1;"Dua; ""tiga""";0;' in excel and ";1500000;95,35" in excel


def test_xlsx_has_caption_source_header_and_numeric_cells_and_same_bytes_twice():
    sheet = export.sheet(TABLE, "Sumber: data/x.csv")
    content = export.to_xlsx(sheet)
    assert content == export.to_xlsx(sheet)
    book = load_workbook(io.BytesIO(content)).active
    assert [book["A1"].value, book["A2"].value] == ["Tabel 9.1 Contoh", "Sumber: data/x.csv"]
    assert [c.value for c in book[4]] == sheet.header
    assert book["D5"].value == 1500000 and book["D5"].number_format == "#,##0"
    assert book["E5"].value == 95.35 and book["E5"].number_format == "#,##0.00"
    assert book["C5"].value.startswith("'=")  # text, never a formula


def test_charts_are_the_same_bytes_and_hostile_labels_stay_text(report):
    report.start_page(3)
    chart = charts.grafik_serapan(report)
    assert draw.svg(chart) == draw.svg(chart)
    hostile = charts.Chart(
        "Gambar 9.1 x",
        "batang",
        (charts.Series("s", (charts.Bar("$\\alpha$ <script>alert(1)</script> & x", Decimal(5), "5"),)),),
        "%",
        "alt",
        chart.table,
    )
    svg = draw.svg(hostile)
    assert b"<script" not in svg and b"&lt;script&gt;" in svg and b"$\\alpha$" in svg  # no mathtext, escaped XML
    assert b"http" not in svg.replace(b"http://www.w3.org", b"").replace(b"http://purl.org", b"").replace(
        b"http://creativecommons.org", b""
    ).replace(b"http://matplotlib.org", b"")


def test_a_trend_needs_two_years_and_says_so(report):
    report.start_page(3)
    note = charts.grafik_tren_capaian(report)
    assert isinstance(note, charts.Note) and "hanya memuat Tahun 2019" in note.text
    assert isinstance(charts.grafik_tren_serapan(report), charts.Chart)  # 2018 and 2019


def unit(code, parent, kind, row=2):
    return Unit(code, parent, kind, code, row)


@pytest.mark.parametrize(
    "units, message",
    [
        ([unit("A", None, "kepala"), unit("B", None, "kepala", 3)], "tepat satu unit tanpa induk"),
        ([unit("A", None, "kepala"), unit("B", "Z", "bidang", 3)], "induk 'Z' tidak ada"),
        ([unit("A", None, "kepala"), unit("B", "C", "bidang", 3), unit("C", "B", "seksi", 4)], "induk berputar"),
    ],
)
def test_an_organisation_that_is_not_a_tree_is_an_error(units, message):
    findings = _organisation_tree(Data({"organisasi": tuple(units)}))
    assert findings and all(f.level == ERROR and f.file == "organisasi.csv" for f in findings)
    assert any(message in f.message for f in findings)


def test_the_sentence_counts_the_units(report):
    assert organisasi.jumlah_pejabat(report) == (
        "1 (satu) Sekretaris, 2 (dua) Kepala Bidang, 2 (dua) Kepala Sub Bagian, 6 (enam) Kepala Seksi "
        "dan 1 (satu) Kepala UPTD"
    )


class Recording(Data):
    def __getitem__(self, name):
        self.tables.setdefault("__read__", set()).add(name)
        return super().__getitem__(name)


@pytest.mark.parametrize("name", sorted(set(provenance.SOURCES) - {"daftar_kesesuaian"}))  # that one reads chapters
def test_each_macro_reads_only_the_files_declared_for_it(name, real_data, report):
    from dataclasses import replace

    from lkj import analisis, perjanjian, summary, tables
    from tests.test_kategori import SCALE

    data = Recording(dict(real_data.tables), raw=real_data.raw)
    fresh = Report(data, replace(report.settings, kategori_capaian=SCALE))  # jumlah_kategori needs a scale
    fresh.start_page(3)
    owner = next(m for m in (fresh, tables, charts, organisasi, summary, analisis, perjanjian) if hasattr(m, name))
    function = getattr(owner, name)
    args = {"misi": ("III",), "capaian": ("IKU04",), "judul_gambar": ("Bagan",)}.get(name, ())
    function(*args) if owner is fresh else function(fresh, *args)
    read = {f"{table}.csv" for table in data.tables.get("__read__", set())}
    assert read <= set(provenance.SOURCES[name]), read - set(provenance.SOURCES[name])


def test_the_data_package_describes_every_published_file(real_data, report):
    package = datapackage.descriptor(real_data, report.settings)
    assert [r["path"] for r in package["resources"]] == [t for t in real_data.raw]
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    realisasi = next(r for r in package["resources"] if r["name"] == "realisasi_anggaran")
    assert realisasi["schema"]["primaryKey"] == ["tahun", "kode_kegiatan"]  # periode: absent from the file
    assert {"fields": "kode_kegiatan", "reference": {"resource": "kegiatan", "fields": "kode_kegiatan"}} in realisasi[
        "schema"
    ]["foreignKeys"]
    assert [f["type"] for f in realisasi["schema"]["fields"]] == ["year", "string", "integer", "integer", "number"]


def test_a_data_edit_moves_the_home_page_the_charts_and_the_downloads(tmp_path):
    project = copy_project(tmp_path / "lkj")
    assert run.build(project, project / "site", pdf=False) is None
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    budget = project / "data" / "realisasi_anggaran.csv"
    budget.write_text(budget.read_text().replace("2019,K01.02,68599992,43905991", "2019,K01.02,68599992,1"))
    assert run.build(project, project / "site2", pdf=False) is None
    home = parse((project / "site2" / "index.html").read_text(encoding="utf-8"))
    serapan = next(c for c in home.select(".lkj-ringkasan__kartu") if "Serapan" in c.get_text()).a.get_text()
    assert serapan != "95,35%" and serapan.endswith("%")
    after = project / "site2"
    changed = {
        path
        for path, content in before.items()
        if not (after / path).is_file() or (after / path).read_bytes() != content
    }
    from pathlib import Path

    assert {Path("gambar/gambar-3-2.svg"), Path("gambar/gambar-3-3.svg"), Path("unduh/tabel-3-2.xlsx")} <= changed
    assert Path("gambar/gambar-3-1.svg") not in changed  # the capaian did not move
