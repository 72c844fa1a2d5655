"""Full builds of the real project: the website's HTML and the PDF's text."""

import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.html import cells, parse
from tests.sites import build

PAGES = (
    "index.html",
    "ikhtisar/index.html",
    "bab-1/index.html",
    "bab-2/index.html",
    "bab-3/index.html",
    "bab-4/index.html",
    "lampiran/index.html",
)


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_every_chapter_is_built_in_indonesian(built_site):
    for page in PAGES:
        assert re.search(r'<html[^>]* lang="id"', html(built_site, page)), page
    assert (built_site / "search" / "search_index.json").is_file()


def test_bab3_tables_carry_computed_values(built_site):
    page = html(built_site, "bab-3/index.html")
    assert "<caption>Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2019</caption>" in page
    title = "Tabel 3.2 Realisasi Program dan Kegiatan Dinas Tenaga Kerja Kabupaten Tanjung Jabung Barat Tahun 2019"
    assert f"<caption>{title}</caption>" in page
    tfoot = page[page.index("<tfoot>") : page.index("</tfoot>")]
    assert "2.392.837.500" in tfoot and "2.281.522.116" in tfoot and "95,35" in tfoot
    assert "pagu sebesar Rp 2.392.837.500, dengan realisasi Rp 2.281.522.116 atau 95,35%" in page


def test_bab2_tables(built_site):
    page = html(built_site, "bab-2/index.html")
    for caption in (
        "Tabel 2.1 Tujuan, Sasaran, Strategi dan Arah Kebijakan",
        "Tabel 2.2 Rencana Kinerja Tahun 2020",
        "Tabel 2.3 Penetapan Kinerja Tahun 2020",
        "Tabel 2.4 Anggaran Program Penetapan Kinerja Tahun 2020",
    ):
        assert f"<caption>{caption}</caption>" in page
    assert "telah menetapkan 2 (dua) Tujuan, 2 (dua) Sasaran Strategis dan 6 (enam) Indikator Kinerja Utama" in page
    assert "“TERWUJUDNYA KABUPATEN TANJUNG JABUNG BARAT MAJU, ADIL, MAKMUR, BERMARTABAT DAN BERKUALITAS”" in page


def test_no_request_to_another_host(built_site):
    outside = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")
    for path in built_site.rglob("*.html"):
        for match in outside.finditer(path.read_text(encoding="utf-8")):
            context = path.read_text(encoding="utf-8")[match.start() : match.start() + 120]
            assert 'rel="noopener"' in context or "<a " in context[:3], f"{path}: {context}"
    for path in list(built_site.rglob("*.css")) + list(built_site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path


def test_pdf_link_on_the_website(built_site):
    home = html(built_site, "index.html")
    assert 'href="pdf/lkj-disnaker-tanjabbar-2020.pdf"' in home
    assert "Unduh Laporan Kinerja lengkap" in home
    assert 'href="../pdf/lkj-disnaker-tanjabbar-2020.pdf"' in html(built_site, "bab-3/index.html")


def test_pdf_is_one_a4_document_inside_the_site(pdf_path):
    reader = PdfReader(pdf_path)
    assert pdf_path.parent.parent.name == "site"
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert len(reader.pages) >= 15


def test_pdf_front_matter_and_chapters_in_indonesian(pdf_text):
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH (LKj)" in pdf_text
    assert (
        "DINAS TENAGA KERJA" in pdf_text and "KABUPATEN TANJUNG JABUNG BARAT" in pdf_text and "TAHUN 2020" in pdf_text
    )
    assert "DAFTAR ISI" in pdf_text.upper()
    assert "Table of contents" not in pdf_text
    assert "None" not in pdf_text
    for heading in (
        "1.1 Latar Belakang",
        "1.2.3 Struktur Organisasi",
        "2.1.1 Rencana Strategis",
        "3.2 Realisasi Anggaran",
    ):
        assert heading in pdf_text
    # the plugin's automatic numbers are off: no "2.1 3.2"-style doubles
    assert not re.search(r"\b\d\.\d(?:\.\d)? \d\.\d", pdf_text)


def test_pdf_has_every_table_with_its_caption(pdf_text, built_site):
    text = " ".join(pdf_text.split())
    captions = []
    for page in PAGES:
        captions += re.findall(r"<caption>(.*?)</caption>", html(built_site, page))
    assert len(captions) == 8  # 4 in BAB II, 2 in BAB III, 2 in the Lampiran
    for caption in captions:
        assert caption.replace("&amp;", "&") in text


def test_pdf_tables_have_computed_values(pdf_text):
    text = " ".join(pdf_text.split())
    assert "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2019" in text
    assert "Tabel 3.2 Realisasi Program dan Kegiatan" in text
    assert "2.392.837.500 2.281.522.116 95,35 102,68" in text
    assert "Pembanding: Tahun 2018 2.228.039.860 2.051.831.969 92,09 97,58" in text
    assert "300 orang 426 orang 142,00 Tercapai" in text
    assert "2.553.091.717" in text
    assert "NIP. 19780426 199612 1 001" in text


def test_pdf_fonts_are_embedded(pdf_path):
    reader = PdfReader(pdf_path)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font["/FontDescriptor"]
            )
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts and all(name.startswith("LKj") for name in fonts), fonts


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return digest.hexdigest()


def test_build_never_writes_into_docs_or_data(project):
    before = tree_digest(project / "docs"), tree_digest(project / "data")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tree_digest(project / "docs"), tree_digest(project / "data")) == before


def test_signatory_name_is_a_setting(project):
    result = build(project, LKJ_PENANDATANGAN_NAMA="Nama Kepala Dinas", LKJ_PENANDATANGAN_TEMPAT="Kuala Tungkal")
    assert result.returncode == 0, result.stdout + result.stderr
    block = parse(html(project / "site", "bab-4/index.html")).select_one(".lkj-tanda-tangan")
    assert block.select_one("p.lkj-tanda-tangan__nama").get_text() == "Nama Kepala Dinas"
    assert block.select_one(".lkj-tanda-tangan__tanggal").get_text().startswith("Kuala Tungkal, …")


def test_signatory_name_is_never_invented(built_site):
    page = html(built_site, "bab-4/index.html")
    assert "lkj-tanda-tangan__nama--kosong" in page
    assert "NIP. 19780426 199612 1 001" in page


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}"])
def test_data_cannot_inject_html_or_jinja(project, text):
    path = project / "data" / "kegiatan.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Pengembangan SDM", f'"Pengembangan SDM {text}"'), encoding="utf-8"
    )
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    table = parse(html(project / "site", "bab-3/index.html")).select_one(".lkj-tabel--realisasi-anggaran")
    assert f"Pengembangan SDM {text}" in cells(table)
    assert table.find("script") is None


def test_open_data_page_links_the_csv_files_with_their_sha256(built_site, pdf_text):
    page = parse(html(built_site, "data-terbuka/index.html"))
    links = {a.get_text(): a["href"] for a in page.select(".lkj-tabel--data-terbuka a[download]")}
    for path in sorted((built_site.parent / "data").glob("*.csv")):
        copy = built_site / "data" / path.name
        assert copy.read_bytes() == path.read_bytes()
        assert links[path.name] == f"../data/{path.name}"
        assert hashlib.sha256(path.read_bytes()).hexdigest() in page.get_text()
    assert "Data Terbuka" not in pdf_text  # a page of the website only
