"""The real report built with hostile data, as `make build` builds it: data text stays text
in the website and the PDF, nothing is fetched, nothing but the report's data is published,
a 10.000-character word does not hang the PDF, and amounts never break."""

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader

from lkj_site.builder import run
from tests.html import parse
from tests.sites import PROJECT_ROOT, chromium, copy_project, run_python, served
from tests.test_validate import replace

pytestmark = pytest.mark.lambat  # full builds, or `lkj build` in its own processes

SCHEMA_FILES = sorted(path.name for path in (PROJECT_ROOT / "data").glob("*.csv"))  # the report's data files
LONG_WORD = ("PelatihanKerja" * 715)[:10_000]
BIG_PAGU = 999_999_999_999_999  # the largest amount the data takes (15 digits): never wraps, never overlaps
BUILD_LIMIT = 180  # seconds; the long word used to keep WeasyPrint busy for over ten minutes


class Loopback:
    """An HTTP server on 127.0.0.1 that records every request it gets."""

    def __init__(self):
        requests = self.requests = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the name http.server calls
                requests.append(self.path)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture(scope="module")
def loopback():
    server = Loopback()
    yield server
    server.close()


def hostile_misi(url: str) -> str:
    return (
        f"[x](javascript:alert(1)) *x*{{: onmouseover=alert(1) }} [l](file:///etc/passwd){{: rel=attachment }} "
        f'![]({url}/x.png) <img src="{url}/y.png"> A & B "kutip" Meningkatkan pembangunan ekonomi'
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, loopback):
    """The project with hostile data, built once with `python -m lkj_site build` (site and PDF)."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "lkj")
    data = project / "data"
    misi = hostile_misi(loopback.url).replace('"', '""')
    replace(
        data / "misi.csv",
        "III,Meningkatkan pembangunan ekonomi masyarakat melalui agroindustri dan perikanan",
        f'III,"{misi}"',
    )
    replace(data / "arah_kebijakan.csv", "2,6,Membangun Balai Latihan Kerja (BLK)", f"2,6,Membangun {LONG_WORD}")
    replace(data / "realisasi_anggaran.csv", "2019,K01.10,500212445,", f"2019,K01.10,{BIG_PAGU},")
    # shown in the charts, their alt texts and the downloads; a unit of the organisation chart
    replace(data / "program.csv", "P01,Program Pelayanan Administrasi Perkantoran", f'P01,"{misi}"')
    header, *programs = (data / "program.csv").read_text(encoding="utf-8").splitlines()  # P01, P02 serve S1: a list
    programs = [f"{line},{'S1' if line.startswith(('P01', 'P02')) else ''}" for line in programs]  # in the analyses
    (data / "program.csv").write_text("\n".join([f"{header},kode_sasaran", *programs]) + "\n", encoding="utf-8")
    replace(data / "organisasi.csv", "UPTD,KD,uptd,UPTD BLK", f"UPTD,KD,uptd,UPTD {LONG_WORD}")
    (data / "pegawai_internal.csv").write_text("nip,nama,gaji\n1,Rahasia,100\n", encoding="utf-8")
    (data / "rahasia.csv").symlink_to("/etc/passwd")
    (data / "lingkungan.csv").symlink_to("/proc/self/environ")
    Image.new("RGB", (120, 150), "darkgreen").save(project / "logo.png")  # the cover's logo, a project file
    started = time.monotonic()
    result = run_python(["-m", "lkj_site", "build"], project, LKJ_PDF="true", LKJ_LOGO="logo.png")
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result, seconds


@pytest.fixture(scope="module")
def hostile_pdf(hostile) -> PdfReader:
    """The hostile build's PDF, parsed once."""
    project, _, _ = hostile
    (pdf,) = (project / "site" / "pdf").glob("*.pdf")
    return PdfReader(pdf)


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, parse(path.read_text(encoding="utf-8"))


def test_no_script_link_or_event_handler_reaches_any_page(hostile):
    project, _, _ = hostile
    for path, page in pages(project / "site"):
        for tag in page.find_all(True):
            assert not any(name.lower().startswith("on") for name in tag.attrs), (path, tag)
            for name in ("href", "src"):
                assert not str(tag.get(name, "")).strip().lower().startswith(("javascript:", "file:")), (path, tag)


def test_charts_and_downloads_show_the_text_as_written(hostile, loopback):
    from openpyxl import load_workbook

    project, _, _ = hostile
    site = project / "site"
    for svg in (site / "gambar").glob("*.svg"):
        content = svg.read_bytes()
        assert not re.search(rb"<(a|script|img|image|foreignObject)\b", content), svg
    assert b"[x](javascript:alert(1))" in (site / "gambar" / "gambar-3-2.svg").read_bytes()
    chart = parse((site / "bab-3" / "index.html").read_text(encoding="utf-8")).select("figure.lkj-grafik img")[1]
    assert hostile_misi(loopback.url) in chart["alt"]
    sheet = load_workbook(site / "unduh" / "tabel-3-2.xlsx").active
    assert hostile_misi(loopback.url) in [row[2] for row in sheet.iter_rows(values_only=True)]


def test_the_efficiency_table_lists_the_program_as_written(hostile, loopback):
    from openpyxl import load_workbook

    project, _, _ = hostile
    written = hostile_misi(loopback.url)
    page = parse((project / "site" / "bab-3" / "index.html").read_text(encoding="utf-8"))
    table = next(t for t in page.select("table") if t.caption and "per Sasaran" in t.caption.get_text())
    assert written in [li.get_text() for li in table.select("li")]
    assert table.find("img") is None and table.find("em") is None
    sheets = [load_workbook(path).active for path in (project / "site" / "unduh").glob("*.xlsx")]
    (sheet,) = [sheet for sheet in sheets if "per Sasaran" in str(sheet["A1"].value)]
    assert any(written in str(value) for row in sheet.iter_rows(values_only=True) for value in row)


def test_a_huge_unit_name_never_cuts_the_pdf_short(hostile_pdf):
    last_pages = "".join(page.extract_text() for page in hostile_pdf.pages[-6:])
    assert "BAB IV" in last_pages or "Lampiran" in last_pages  # everything after the chart is still there


def test_the_misi_reads_as_written_in_the_text_and_in_the_renstra_table(hostile, loopback):
    project, _, _ = hostile
    written = hostile_misi(loopback.url)
    page = parse((project / "site" / "bab-2" / "index.html").read_text(encoding="utf-8"))
    assert f"MISI III: {written}" in [line.get_text() for line in page.select("caption .lkj-tabel__subjudul")]
    assert written in page.select_one("article").get_text()
    assert page.select_one("article").find("img") is None and page.select_one("article em") is None


def test_the_search_shows_hostile_text_as_text(hostile, loopback):
    project, _, _ = hostile
    with served(project / "site") as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}cari.html?q=agroindustri")
        page.wait_for_function("/^(Ditemukan|Tidak ada)/.test(document.getElementById('lkj-cari-status').textContent)")
        results = page.locator("#lkj-cari-hasil")
        assert '<img src="' in results.inner_text()  # the misi's markup, found and shown as written
        assert results.locator("img, script, [onmouseover], a[href^=javascript]").count() == 0
        page.wait_for_timeout(300)
    assert loopback.requests == []


@pytest.mark.usefixtures("hostile")
def test_nothing_was_fetched_from_the_network(loopback):
    assert loopback.requests == []


def test_the_cover_shows_the_logo_of_the_project(hostile_pdf):
    cover = hostile_pdf.pages[0]
    assert len(cover.images) == 1
    assert " ".join(cover.extract_text().split()).startswith(
        "PEMERINTAH KABUPATEN TANJUNG JABUNG BARAT LAPORAN KINERJA"
    )


def test_only_the_report_data_is_published_and_attached(hostile, hostile_pdf):
    project, result, _ = hostile
    assert result.stdout.splitlines()[-1] == "Situs: site/index.html  PDF: site/pdf/lkj-disnaker-tanjabbar-2020.pdf"
    published = sorted(p.name for p in (project / "site" / "data").iterdir())
    assert published == sorted([*SCHEMA_FILES, "datapackage.json", "hasil.json", "hasil.schema.json"])
    for name in SCHEMA_FILES:
        assert (project / "site" / "data" / name).read_bytes() == (project / "data" / name).read_bytes()
    assert sorted(hostile_pdf.attachments) == SCHEMA_FILES
    for name in ("pegawai_internal.csv", "rahasia.csv", "lingkungan.csv"):
        assert f"PERINGATAN data/{name}: berkas tidak dikenal" in result.stderr


def test_the_pdf_links_nowhere_outside(hostile_pdf):
    for page in hostile_pdf.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert not str(action.get("/URI", "")).lower().startswith(("javascript:", "file:"))


def test_a_ten_thousand_character_word_builds_in_bounded_time(hostile):
    _, _, seconds = hostile
    assert seconds < BUILD_LIMIT


def test_large_amounts_never_break_inside_the_number(hostile, hostile_pdf):
    project, _, _ = hostile
    total = sum(
        int(line.split(",")[2]) for line in (project / "data" / "realisasi_anggaran.csv").read_text().splitlines()[1:]
    )
    expected = {f"{BIG_PAGU:,}".replace(",", "."), f"{total:,}".replace(",", ".")}
    (pdf,) = (project / "site" / "pdf").glob("*.pdf")
    reader = hostile_pdf
    chapters = {
        item.title: reader.get_destination_page_number(item) for item in reader.outline if not isinstance(item, list)
    }
    bab_iii = range(chapters["BAB III Akuntabilitas Kinerja"], chapters["BAB IV Penutup"])
    budget = [n for n in bab_iii if "Tabel 3.2" in reader.pages[n].extract_text()]  # its pages, "(lanjutan)" too
    assert budget
    with pdfplumber.open(pdf, pages=[n + 1 for n in budget]) as document:
        words = {word["text"] for page in document.pages for word in page.extract_words()}
        fragments = {w for w in words if re.fullmatch(r"\d{1,3}(\.\d{3}){2,}\.?\d{0,2}", w)}
    assert expected <= words
    assert not {f for f in fragments if any(e.startswith(f) and e != f for e in expected)}


def test_a_chapter_cannot_make_the_pdf_fetch_from_the_network(tmp_path, loopback, capsys):
    project = copy_project(tmp_path / "lkj")
    with (project / "docs" / "bab-1.md").open("a", encoding="utf-8") as chapter:
        chapter.write(f'\n<img src="{loopback.url}/bagan.png" alt="bagan">\n')
    reason = run.build(project, tmp_path / "site", pdf=True)
    assert reason == (
        f"halaman docs/bab-1.md meminta '{loopback.url}/bagan.png': "
        "alamat di luar proyek; PDF hanya memuat berkas proyek ini sendiri"
    )
    assert loopback.requests == []
    assert "Traceback" not in capsys.readouterr().err
