"""`lkj new`: a report for another office and year, built with the same toolkit, with no word
of this report in it; and another office's data dropped into it builds with no change to code
or chapters (fewer programs, no kegiatan, a lower-is-better and a negative target, a category
result, a realisasi not available yet, no Rencana Kinerja, no fisik, a semester)."""

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from lkj_site.builder import run
from lkj_site.commands.cli import main
from lkj_site.commands.new import create
from tests.html import cells, parse, table_titles
from tests.sites import PROJECT_ROOT

pytestmark = pytest.mark.lambat  # full builds, or `lkj build` in its own processes

THIS_REPORT = re.compile(r"Tanjung Jabung|Tanjab|Tenaga Kerja|Disnaker", re.IGNORECASE)
OTHER_DATA = PROJECT_ROOT / "tests" / "fixtures" / "laporan-lain" / "data"


@pytest.fixture(scope="module")
def contoh(tmp_path_factory) -> Path:
    return create(tmp_path_factory.mktemp("baru") / "lkj-contoh", "Dinas Pendidikan", "Kota Contoh", 2025)


@pytest.fixture(scope="module")
def contoh_built(contoh, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("situs-contoh") / "site"
    assert run.build(contoh, site, pdf=True) is None
    return site


def texts(folder: Path):
    for path in sorted(folder.rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".md", ".csv", ".yml", ".html", ".py", ".toml", ".txt", "")
            and "vendor" not in path.parts
        ):
            yield path, path.read_text(encoding="utf-8", errors="replace")


def test_the_new_folder_is_a_complete_report(contoh):
    for name in ("mkdocs.yml", "Makefile", "README.md", "docs/bab-3.md", "data/README.md", "tests/test_laporan.py"):
        assert (contoh / name).is_file(), name
    for name in (".github/workflows/pull-request.yml", ".gitlab-ci.yml", "scripts/mr_note.py"):  # its review
        assert (contoh / name).read_bytes() == (PROJECT_ROOT / name).read_bytes(), name
    (wheel,) = (contoh / "vendor").glob("lkj-*.whl")
    lock = (contoh / "requirements.lock").read_text(encoding="utf-8")
    assert f"./vendor/{wheel.name} \\\n    --hash=sha256:" in lock  # the toolkit, pinned like every package
    assert "Dinas Pendidikan" in (contoh / "mkdocs.yml").read_text(encoding="utf-8")
    assert "make build" in (contoh / "README.md").read_text(encoding="utf-8")


def test_nothing_of_this_report_is_in_the_new_one(contoh):
    for path, text in texts(contoh):
        assert not THIS_REPORT.search(text), path


def test_no_figure_or_year_of_the_report_is_typed_in_its_chapters(contoh):
    for path in (contoh / "docs").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(2023|2024|2025)\b", text), path  # the report's years come from the settings
        assert not re.search(r"\d+,\d+ ?%|Rp ?\d", text), path


def test_the_new_report_builds_with_no_word_of_this_one(contoh_built):
    (pdf,) = (contoh_built / "pdf").glob("*.pdf")
    assert pdf.name == "lkj-dinas-pendidikan-kota-contoh-2025.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "DINAS PENDIDIKAN" in text and "KOTA CONTOH" in text and "TAHUN 2025" in text
    assert not THIS_REPORT.search(text)
    for path, html in texts(contoh_built):
        assert not THIS_REPORT.search(html), path
    home = parse((contoh_built / "index.html").read_text(encoding="utf-8"))
    assert home.title.get_text().endswith("LKj Dinas Pendidikan Kota Contoh Tahun 2025")
    caption = parse((contoh_built / "bab-3" / "index.html").read_text(encoding="utf-8")).caption.get_text()
    assert caption == "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024"  # the year before the report's


def table_by_caption(page, start: str):
    return next(t for t in page.select("table") if t.caption and t.caption.get_text().startswith(start))


def test_the_new_report_carries_the_analyses_of_bab_iii(contoh_built):
    """Its example data holds two years, Renstra targets and programs linked to sasaran: the
    chapters' analyses show as tables, every figure computed (checked by hand here)."""
    page = parse((contoh_built / "bab-3" / "index.html").read_text(encoding="utf-8"))
    years = table_by_caption(page, "Tabel 3.2 Perbandingan Realisasi dan Capaian Indikator Kinerja Utama 2023–2024")
    assert cells(str(years.select("tbody tr")[1])) == [
        "2",
        "Jumlah warga yang dilayani",
        "1.085 orang",
        "98,64",
        "1.142 orang",
        "95,17",
    ]
    renstra = table_by_caption(page, "Tabel 3.3 Realisasi Tahun 2024 terhadap Target Akhir Renstra")
    rows = [cells(str(tr))[1:6] for tr in renstra.select("tbody tr")]
    assert rows[1] == ["Jumlah warga yang dilayani", "1.500 orang", "2026", "1.142 orang", "76,13"]  # 1142 ÷ 1500
    assert rows[2][-1] == "60,00"  # lower is better: (2 × 5 − 7) ÷ 5
    efficiency = table_by_caption(page, "Tabel 3.6 Capaian Kinerja dan Serapan Anggaran per Sasaran Tahun 2024")
    first = cells(str(efficiency.select("tbody tr")[0]))
    assert first[2].startswith("2 dari 3 indikator terukur tercapai") and first[4:] == [
        "430.000.000",
        "405.850.000",
        "94,38",
    ]
    assert cells(str(efficiency.tfoot)) == ["Jumlah Tahun 2024", "1.435.000.000", "1.367.150.000", "95,27"]
    captions = [f.get_text() for f in page.select("figcaption")]
    assert "Gambar 3.2 Perkembangan Capaian Indikator Kinerja Utama 2023–2024" in captions
    bab1 = parse((contoh_built / "bab-1" / "index.html").read_text(encoding="utf-8"))
    assert "dibantu oleh 1 (satu) Sekretaris, 2 (dua) Kepala Bidang" in " ".join(bab1.get_text().split())


def test_a_folder_that_is_not_empty_is_refused(tmp_path, capsys):
    (tmp_path / "ada").mkdir()
    (tmp_path / "ada" / "catatan.txt").write_text("milik orang lain", encoding="utf-8")
    code = main(["new", str(tmp_path / "ada"), "--instansi", "Dinas X", "--daerah", "Kota Y", "--tahun", "2025"])
    assert code == 1 and "sudah ada dan tidak kosong" in capsys.readouterr().err
    assert (tmp_path / "ada" / "catatan.txt").read_text(encoding="utf-8") == "milik orang lain"


# --- another office's data, no change to code or chapters ----------------------------------


@pytest.fixture(scope="module")
def other(contoh, tmp_path_factory) -> Path:
    """The new report with another office's data in place of the example."""
    project = tmp_path_factory.mktemp("lain") / "laporan"
    shutil.copytree(contoh, project, ignore=shutil.ignore_patterns("vendor"))
    shutil.rmtree(project / "data")
    shutil.copytree(OTHER_DATA, project / "data")
    return project


def page(site: Path, name: str):
    return parse((site / name / "index.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def other_built(other, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("situs-lain") / "site"
    assert run.build(other, site, pdf=False) is None
    return site


def test_capaian_of_every_kind_of_indikator(other_built):
    """Target, realisasi, capaian, the category on the scale `lkj new` writes, and what it means."""
    table = page(other_built, "bab-3").select_one(".lkj-tabel--capaian")
    rows = {row[2] if len(row) == 8 else row[0]: row[-5:] for row in map(cells, table.select("tbody tr"))}
    assert rows["Angka partisipasi murni SD"] == ["95%", "96,2%", "101,26", "Sangat Tinggi", "Tercapai"]  # persen: %
    assert rows["Angka putus sekolah"] == ["1,5%", "1,8%", "80,00", "Tinggi", "Tidak tercapai"]  # lower is better
    assert rows["Opini BPK atas laporan keuangan"] == ["WTP", "WDP", "–", "–", "Tidak tercapai"]  # TMP < … < WTP
    assert rows["Pertumbuhan jumlah guru bersertifikat"] == [
        "-2,5%",
        "-1,0%",
        "160,00",
        "Sangat Tinggi",  # above 100 %: the top band
        "Tercapai",
    ]  # negative target
    assert rows["Jumlah sekolah terakreditasi A"] == [
        "40 unit",
        "belum tersedia",
        "–",
        "–",  # not measurable: no category
        "Belum dapat diukur: realisasi belum tersedia",
    ]
    assert rows["Indeks integritas pelayanan"] == [
        "tidak ada target",
        "0,82",
        "–",
        "–",
        "Belum dapat diukur: tidak ada target",
    ]


def test_unmeasured_indikator_count_neither_way(other_built):
    text = page(other_built, "ikhtisar").select_one("article").get_text(" ")
    assert "Sebanyak 2 (dua) dari 4 (empat) (dan 2 (dua) belum dapat diukur) IKU" in " ".join(text.split())
    assert "Angka partisipasi murni SD (101,26%) dan Pertumbuhan jumlah guru bersertifikat (160,00%)" in " ".join(
        text.split()
    )


def test_a_budget_per_program_and_per_jenis_belanja_without_fisik(other_built):
    bab3 = page(other_built, "bab-3")
    budget = bab3.select_one(".lkj-tabel--realisasi-anggaran")
    assert [c for c in cells(budget.thead) if "Fisik" in c] == []  # fisik not reported: no column
    assert len(budget.select("tr.program")) == 2 and budget.select("tr.kegiatan") == []
    assert cells(budget.tfoot) == [
        "", "Jumlah Tahun 2024", "4.470.000.000", "4.098.150.000", "91,68",
        "", "Pembanding: Tahun 2023", "4.000.000.000", "3.800.500.000", "95,01",
    ]  # fmt: skip
    belanja = bab3.select_one(".lkj-tabel--belanja")
    assert cells(belanja.tfoot) == ["Jumlah Tahun 2024", "7.270.000.000", "6.852.150.000", "94,25"]


def test_an_office_without_rencana_kinerja(other_built):
    bab2 = page(other_built, "bab-2")
    note = bab2.select_one(".lkj-catatan--pengganti").get_text()
    assert note == "Tidak ada Rencana Kinerja Tahun 2025 tersendiri; target yang berlaku adalah Perjanjian Kinerja."


def test_a_report_of_a_semester(other, tmp_path):
    project = tmp_path / "semester"
    shutil.copytree(other, project)
    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        settings.replace("    # periode: Semester I", "    periode: Semester I"), encoding="utf-8"
    )
    assert run.build(project, tmp_path / "site", pdf=False) is None
    bab3 = page(tmp_path / "site", "bab-3")
    captions = table_titles(bab3)
    assert captions[0] == "Tabel 3.1 Capaian Indikator Kinerja Utama Semester I 2024"
    assert captions[1].endswith("Semester I 2024")
    capaian = {
        row[2] if len(row) == 8 else row[0]: row[-3] for row in map(cells, bab3.select(".lkj-tabel--capaian tbody tr"))
    }
    assert capaian == {"Angka partisipasi murni SD": "102,67", "Angka putus sekolah": "120,00"}
    notes = [p.get_text() for p in bab3.select(".lkj-tabel--realisasi-anggaran .lkj-catatan")]
    assert "Data anggaran Semester I 2023 tidak tersedia sebagai pembanding." in notes


def test_a_report_of_its_own_year(other, tmp_path):
    """An office that reports the results of the report's own year (tahun_kinerja = tahun)."""
    project = tmp_path / "tahun-sendiri"
    shutil.copytree(other, project)
    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    settings = settings.replace("    tahun: 2025 ", "    tahun: 2024\n    tahun_kinerja: 2024 ")
    (project / "mkdocs.yml").write_text(settings, encoding="utf-8")
    with (project / "data" / "anggaran_pk.csv").open("a", encoding="utf-8") as budget:  # its 2024 agreement
        budget.write("2024,A1,3.450.000.000,APBD\n2024,A2,1.020.000.000,APBD\n")
    assert run.build(project, tmp_path / "site", pdf=False) is None
    bab3 = page(tmp_path / "site", "bab-3")
    assert bab3.caption.get_text() == "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024"
    bab2 = page(tmp_path / "site", "bab-2")
    assert "Tabel 2.2 Perjanjian Kinerja Tahun 2024" in table_titles(bab2)


# --- a report of any period, the template's chapters unchanged ------------------------------------

PERIODS = ["Tahun", "Semester I", "Semester II", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
MEASURED = {  # data file -> which of its rows belong to the measured period (not the plans of the year)
    "target_kinerja.csv": lambda row: row["dokumen"] == "PK" and row["tahun"] in ("2023", "2024"),
    "realisasi_kinerja.csv": lambda row: True,
    "realisasi_anggaran.csv": lambda row: True,
    "ringkasan_anggaran.csv": lambda row: True,
    "belanja.csv": lambda row: True,
}


def of_period(project: Path, periode: str) -> None:
    """The template's example data as an office of `periode` keeps it: the measured rows of that
    period (with a `periode` column), the plans of the year as they are; `periode` in mkdocs.yml."""
    import csv

    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    # periode: Semester I" in settings
    (project / "mkdocs.yml").write_text(settings.replace("    # periode: Semester I", f"    periode: {periode}"))
    for name, measured in MEASURED.items():
        path = project / "data" / name
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file))
        header = list(rows[0]) if rows else []
        header.insert(header.index("tahun") + 1, "periode")
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, header, lineterminator="\n")
            writer.writeheader()
            writer.writerows({**row, "periode": periode if measured(row) else ""} for row in rows)


@pytest.mark.parametrize("periode", PERIODS)
def test_the_new_report_builds_for_every_period_with_its_chapters_unchanged(contoh, tmp_path, periode):
    project = tmp_path / "laporan"
    shutil.copytree(contoh, project, ignore=shutil.ignore_patterns("vendor"))
    chapters = {path.name: path.read_bytes() for path in (project / "docs").glob("*.md")}
    of_period(project, periode)
    assert run.build(project, tmp_path / "site", pdf=False) is None
    assert {path.name: path.read_bytes() for path in (project / "docs").glob("*.md")} == chapters
    bab3 = page(tmp_path / "site", "bab-3")
    titles = table_titles(bab3)
    assert titles[0] == f"Tabel 3.1 Capaian Indikator Kinerja Utama {periode} 2024"
    assert any(title.endswith(f"{periode} 2024") for title in titles[1:])  # the budget of the period
    text = " ".join(page(tmp_path / "site", "ikhtisar").select_one("article").get_text(" ").split())
    assert f"Kinerja {periode} 2024 diukur dengan 4 (empat) IKU" in text
    home = page(tmp_path / "site", "")
    assert home.select_one(".lkj-ringkasan").get_text(" ").count(f"{periode} 2024") >= 1
