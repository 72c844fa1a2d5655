"""The real report built once (conftest.py), website and PDF, as readers and an evaluator get it.

The website: every chapter, its tables and figures, the PDF's links, the open data. The PDF:
layout, numbering, fonts, data, bytes; parsed once by pypdf (`reader`, `pages`) and once by
pdfplumber (`plumber`: where each glyph sits). All of it in one module, so that the suite,
which gives each module to one worker, builds the report once.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pdfplumber
import pytest

from lkj_site.builder import run
from tests.html import cells, parse, table_titles

MM = 72 / 25.4
A4 = (595.28, 841.89)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP = 22 * MM, 18 * MM, 22 * MM  # pdf/templates/styles.scss
FRONT_MATTER = ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR"]


def squash(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    chars: list[dict]  # pdfplumber's glyphs: text, x0, x1, top, bottom, size
    header: str  # the text above the top margin
    words: list[dict]  # pdfplumber's words: text, top, …


@pytest.fixture(scope="session")
def plumber(pdf_path) -> list[Page]:
    """Every page parsed once by pdfplumber: its glyphs, its header and its words."""
    with pdfplumber.open(pdf_path) as pdf:
        return [
            Page(
                page.width,
                page.height,
                page.chars,
                squash(page.crop((0, 0, page.width, MARGIN_TOP)).extract_text()),
                page.extract_words(),
            )
            for page in pdf.pages
        ]


@pytest.fixture(scope="session")
def pages(reader, page_texts) -> dict[str, str]:
    """Text of each page by its page label ("Sampul", "i", … "1", "2", …)."""
    return {label: squash(text) for label, text in zip(reader.page_labels, page_texts, strict=True)}


def test_page_labels_roman_then_arabic_from_bab_i(reader, pages):
    labels = reader.page_labels
    assert labels[:5] == ["Sampul", "i", "ii", "iii", "iv"]  # Daftar Tabel and Daftar Gambar share page iv
    assert labels[5:8] == ["1", "2", "3"]
    assert labels[-1] == str(len(labels) - 5)
    assert pages["1"].startswith("BAB I PENDAHULUAN 1.1 Latar Belakang")


def test_front_matter_in_order_with_indonesian_titles(pages):
    for label, title in zip(["i", "ii", "iii", "iv", "iv"], FRONT_MATTER, strict=True):
        assert title in pages[label].upper(), (label, pages[label][:80])
    assert pages["iv"].index("DAFTAR TABEL") < pages["iv"].index("DAFTAR GAMBAR")


def test_cover_has_title_instansi_year_and_no_header_or_footer(pages):
    assert pages["Sampul"] == (
        "PEMERINTAH KABUPATEN TANJUNG JABUNG BARAT LAPORAN KINERJA INSTANSI PEMERINTAH (LKj) "
        "DINAS TENAGA KERJA KABUPATEN TANJUNG JABUNG BARAT TAHUN 2020 Capaian Kinerja Tahun 2019"
    )


def test_page_numbers_in_the_footer(pages):
    assert pages["i"].endswith(" i")
    assert pages["iv"].endswith(" iv")
    assert pages["7"].endswith(" 7")


def listed_page(listing: str, entry: str) -> str | None:
    """The page number an entry of Daftar Isi/Tabel/Gambar gives, after its dotted leader."""
    found = re.search(re.escape(entry) + r"(?: ?\.)+ ([ivx]+|\d+)\b", listing)
    return found and found.group(1)


def test_daftar_isi_gives_the_page_of_each_chapter(pages):
    toc = pages["iii"]
    assert [listed_page(toc, entry) for entry in ("Kata Pengantar", "Ikhtisar Eksekutif", "Daftar Tabel")] == [
        "i",
        "ii",
        "iv",
    ]
    assert listed_page(toc, "BAB I Pendahuluan") == "1"
    for chapter in ("BAB II Perencanaan Kinerja", "BAB III Akuntabilitas Kinerja", "BAB IV Penutup"):
        assert pages[listed_page(toc, chapter)].startswith(chapter.upper()), chapter


def test_daftar_tabel_lists_every_caption_with_its_page(pages, built_site):
    captions = []
    for page in sorted(built_site.rglob("*.html")):
        captions += table_titles(parse(page.read_text(encoding="utf-8")))
    assert len(captions) == 8
    body = {label: text for label, text in pages.items() if label.isdigit()}
    for caption in captions:
        listed = listed_page(pages["iv"], caption)
        assert listed, caption
        assert caption in body[listed], f"{caption} is not on page {listed}"


def test_daftar_gambar_lists_the_organisation_chart(pages):
    listed = listed_page(
        pages["iv"], "Gambar 1.1 Bagan Struktur Organisasi Dinas Tenaga Kerja Kabupaten Tanjung Jabung Barat"
    )
    assert listed and "Gambar 1.1 Bagan Struktur Organisasi" in pages[listed]


def test_running_header_carries_the_chapter_title(reader, plumber):
    for label, page in zip(reader.page_labels, plumber, strict=True):
        if label.isdigit():
            header = re.sub(r"\s*Tabel [\dL]+\.\d+ \(lanjutan\)\s*", " ", page.header).strip()  # at left
            assert re.fullmatch(r"(BAB (I|II|III|IV) \w[\w ]+|Lampiran)", header), (label, page.header)


def test_a_continued_table_says_so_above_it_and_only_where_it_continues(reader, plumber, pages):
    labels = reader.page_labels
    continued = {}
    for index, page in enumerate(plumber):
        for number in re.findall(r"(Tabel [\dL]+\.\d+) \(lanjutan\)", page.header):
            continued.setdefault(number, []).append(index)
    assert set(continued) == {"Tabel 2.1", "Tabel 2.3", "Tabel 3.2"}  # the tables longer than a page
    for number, indexes in continued.items():
        first = indexes[0] - 1
        assert re.search(re.escape(number) + r" [A-Z]", pages[labels[first]]), number  # its caption, the page before
        assert indexes == list(range(indexes[0], indexes[-1] + 1))


def test_no_word_is_hyphenated_at_a_line_end(plumber, built_site):
    """Automatic hyphenation split names ("Ja-bung"), numbers and dates, and broke search and
    copying: it is off. A line may still end at a hyphen the text has ("Undang-" "Undang")."""
    text = " ".join(parse(p.read_text(encoding="utf-8")).get_text(" ") for p in built_site.rglob("index.html"))
    words = set(re.findall(r"\w+", text))
    split = []
    for number, page in enumerate(plumber, start=1):
        lines: dict[int, list[str]] = {}
        for word in page.words:
            lines.setdefault(round(word["top"]), []).append(word["text"])
        rows = [row for _, row in sorted(lines.items())]
        for line, following in zip(rows, rows[1:], strict=False):
            if re.search(r"\w[-\u2010\u00ad]$", line[-1]):
                if line[-1][:-1] + re.sub(r"\W+$", "", following[0]) in words:
                    split.append((number, line[-1], following[0]))
    assert split == []  # before: 120 line ends such as ("Penye‐", "lenggaraan"), ("Ja‐", "bung")


def test_every_page_in_the_index_of_required_contents_is_where_its_section_starts(built_site, pages):
    index = parse(html(built_site, "lampiran/index.html")).select_one(".lkj-tabel--kesesuaian")
    places = [a.get_text() for a in index.select("a.lkj-halaman")]
    assert len(places) >= 18 and [td.get_text() for td in index.select("td strong")].count("tidak ada") >= 1
    listing = squash(" ".join(text for text in pages.values() if "Daftar Kesesuaian" in text or "hlm." in text))
    for place in places:
        found = re.search(re.escape(squash(place)) + r", hlm\. ([ivx]+|\d+)", listing)
        assert found, place
        section = place.split(" › ")[-1]
        assert squash(section).upper() in squash(pages[found.group(1)]).upper(), (place, found.group(1))


def test_no_glyph_outside_the_text_area_or_the_page(plumber):
    for number, page in enumerate(plumber, start=1):
        assert (round(page.width, 2), round(page.height, 2)) == A4
        for char in page.chars:
            inside = MARGIN_LEFT - 1 <= char["x0"] and char["x1"] <= page.width - MARGIN_RIGHT + 1
            assert inside and 0 <= char["top"] and char["bottom"] <= page.height, (
                number,
                char["text"],
                char["x0"],
                char["x1"],
            )


def test_text_is_at_least_8_pt_on_every_page(reader, plumber):
    """The column numbers "(1) (2) …" were 7,6 pt; the charts' text, drawn at 10 pt, is 8 pt or more."""
    for label, page in zip(reader.page_labels, plumber, strict=True):
        sizes = {round(char["size"], 1) for char in page.chars if char["top"] > MARGIN_TOP and char["upright"]}
        assert not sizes or min(sizes) >= 8, (label, sorted(sizes)[:3])  # (a chart's rotated axis label aside)


def test_the_pdf_opens_with_its_bookmarks_and_its_title(reader):
    root = reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_table_header_repeats_when_a_table_spans_pages(pages):
    pages_with_budget_rows = [
        label
        for label, text in pages.items()
        if label.isdigit() and re.search(r"\b\d\.\d+ (Penyediaan|Pengadaan|Pembinaan)", text)
    ]
    assert len(pages_with_budget_rows) >= 2, pages_with_budget_rows
    for label in pages_with_budget_rows:
        assert "Program/Kegiatan Pagu (Rp) Realisasi (Rp)" in pages[label], label


def test_totals_printed_once_at_the_end_of_the_table(pages):
    assert sum(text.count("Jumlah Tahun 2019") for text in pages.values()) == 1


def test_signature_blocks_under_the_kata_pengantar_and_after_bab_iv(pages):
    signed = [label for label, text in pages.items() if "NIP. 19780426 199612 1 001" in text]
    assert signed[0] == "i" and "KATA PENGANTAR" in pages["i"]  # an official Kata Pengantar is signed too
    (label,) = [label for label in signed[1:] if "BAB IV" in pages[label]]
    assert "Kepala Dinas Tenaga Kerja Kabupaten Tanjung Jabung Barat" in pages[label]
    assert "…………………, …………………" in pages[label]


def test_lampiran_has_the_perjanjian_kinerja(pages):
    lampiran = " ".join(text for text in pages.values() if re.search(r" Lampiran \d+$", text))
    assert "Tabel L.1 Perjanjian Kinerja Tahun 2020" in lampiran
    assert "Tabel L.2 Anggaran Program Tahun 2020" in lampiran
    assert "2.553.091.717" in lampiran


def test_the_pdf_stays_small(pdf_path):
    """Under 300 KB. It was 1 MB while the leaders of Daftar Isi/Tabel were dotted borders, which
    WeasyPrint draws dot by dot; as text they cost a few bytes (their presence: listed_page)."""
    assert pdf_path.stat().st_size < 300_000


def test_fonts_are_the_shipped_ones_and_embedded(reader):
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
    assert names <= {
        f"LKj-{family}"
        for family in (
            "Serif",
            "Serif-Bold",
            "Serif-Italic",
            "Serif-Bold-Italic",
            "Sans-Semi-Condensed",
            "Sans-Bold-Semi-Condensed",
            "Sans-Italic-Semi-Condensed",
            "Sans-Bold-Italic-Semi-Condensed",
        )
    }


def test_metadata(reader):
    info = reader.metadata
    assert (
        info.title
        == "LAPORAN KINERJA INSTANSI PEMERINTAH (LKj) Dinas Tenaga Kerja Kabupaten Tanjung Jabung Barat Tahun 2020"
    )
    assert info.author == "Dinas Tenaga Kerja Kabupaten Tanjung Jabung Barat"
    assert "capaian kinerja dan realisasi anggaran Tahun 2019" in info.subject
    assert "laporan kinerja" in info["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "id"


def test_source_data_attached_as_pdf_a_3b(reader):
    root = reader.trailer["/Root"]
    data_files = sorted(p.name for p in (Path(__file__).resolve().parents[1] / "data").glob("*.csv"))
    assert sorted(reader.attachments) == data_files
    assert (
        reader.attachments["realisasi_anggaran.csv"][0].decode().startswith("tahun,kode_kegiatan,pagu,realisasi,fisik")
    )
    assert all(str(spec.get_object()["/AFRelationship"]) == "/Source" for spec in root["/AF"])
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3" pdfaid:conformance="A"' in xmp
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"


def test_the_pdf_is_tagged_for_screen_readers(reader, pdf_path):
    import pdfua

    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root and root["/Lang"] == "id"
    kinds = set()

    def walk(element, depth=0):
        element = element.get_object()
        if isinstance(element, dict) and "/S" in element:
            kinds.add(str(element["/S"]))
        children = element.get("/K") if isinstance(element, dict) else None
        for child in children if isinstance(children, list) else [children] if children is not None else []:
            if hasattr(child, "get_object") and depth < 40:
                walk(child, depth + 1)

    walk(root["/StructTreeRoot"])
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TR", "/TH", "/TD", "/Figure"} <= kinds
    report = pdfua.validate(str(pdf_path))
    errors = [f"{f.rule_id} {f.message}" for f in report.findings if f.severity.name == "ERROR"]
    assert errors == []


def test_site_publishes_size_and_sha256_of_the_pdf(built_site, pdf_path):
    import hashlib

    digest = hashlib.sha256(pdf_path.read_bytes()).hexdigest()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'<code class="lkj-sha256">{digest}</code>' in home
    assert re.search(r"PDF, \d+(,\d)? (MB|kB) · SHA-256", home)
    assert (pdf_path.parent / (pdf_path.name + ".sha256")).read_text() == f"{digest}  {pdf_path.name}\n"


def test_a_missing_logo_stops_the_build(project, monkeypatch):
    monkeypatch.setenv("LKJ_LOGO", "tidak-ada.png")
    reason = run.build(project, project / "site", pdf=True)
    assert reason.startswith("mkdocs.yml extra.lkj.logo: 'tidak-ada.png' harus berkas gambar")


def test_bookmarks_follow_the_document(reader):
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [
        "Kata Pengantar", "Ikhtisar Eksekutif", "Daftar Isi", "Daftar Tabel", "Daftar Gambar",
        "BAB I Pendahuluan", "BAB II Perencanaan Kinerja", "BAB III Akuntabilitas Kinerja", "BAB IV Penutup", "Lampiran",
    ]  # fmt: skip


# --- the website -----------------------------------------------------------------------------------

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
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["id"]  # the search stems Indonesian words (test_browser.py)


def article_text(page) -> str:
    """The article's text as read: inline elements (a figure's span) add no space around them."""
    article = page.select_one("article")
    for figure in article.select("span.lkj-angka"):
        figure.unwrap()
    article.smooth()  # the figure's text joins the text around it
    return " ".join(article.get_text(" ").split())


def test_bab3_tables_carry_computed_values(built_site):
    page = parse(html(built_site, "bab-3/index.html"))
    assert table_titles(page) == [
        "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2019",
        "Tabel 3.2 Realisasi Program dan Kegiatan Dinas Tenaga Kerja Kabupaten Tanjung Jabung Barat Tahun 2019",
    ]
    total = [cell.get_text() for cell in page.select(".lkj-tabel--realisasi-anggaran tfoot tr:first-child :is(th, td)")]
    assert total == ["", "Jumlah Tahun 2019", "2.392.837.500", "2.281.522.116", "95,35", "102,68"]
    assert "pagu sebesar Rp 2.392.837.500, dengan realisasi Rp 2.281.522.116 atau 95,35%" in article_text(page)


def test_bab2_tables(built_site):
    page = parse(html(built_site, "bab-2/index.html"))
    assert table_titles(page) == [
        "Tabel 2.1 Tujuan, Sasaran, Strategi dan Arah Kebijakan",
        "Tabel 2.2 Rencana Kinerja Tahun 2020",
        "Tabel 2.3 Penetapan Kinerja Tahun 2020",
        "Tabel 2.4 Anggaran Program Penetapan Kinerja Tahun 2020",
    ]
    page = article_text(page)
    assert "telah menetapkan 2 (dua) Tujuan, 2 (dua) Sasaran Strategis dan 6 (enam) Indikator Kinerja Utama" in page
    assert "“TERWUJUDNYA KABUPATEN TANJUNG JABUNG BARAT MAJU, ADIL, MAKMUR, BERMARTABAT DAN BERKUALITAS”" in page


def test_no_request_to_another_host(built_site):
    """Nothing a page loads (scripts, styles, images, frames) comes from another host; links may point there."""
    for path in built_site.rglob("*.html"):
        page = parse(path.read_text(encoding="utf-8"))
        loaded = [tag.get("src") for tag in page.find_all(src=True)]
        loaded += [tag.get("href") for tag in page.find_all("link", href=True) if "stylesheet" in tag.get("rel", [])]
        outside = [url for url in loaded if urlsplit(url).netloc or url.startswith("//")]
        assert outside == [], path
    for path in list(built_site.rglob("*.css")) + list(built_site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path


def test_pdf_link_on_the_website(built_site):
    home = html(built_site, "index.html")
    assert 'href="pdf/lkj-disnaker-tanjabbar-2020.pdf"' in home
    assert "Unduh Laporan Kinerja lengkap" in home
    assert 'href="../pdf/lkj-disnaker-tanjabbar-2020.pdf"' in html(built_site, "bab-3/index.html")


def test_pdf_is_one_a4_document_inside_the_site(pdf_path, reader):
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
        captions += table_titles(parse(html(built_site, page)))
    assert len(captions) == 8  # 4 in BAB II, 2 in BAB III, 2 in the Lampiran
    for caption in captions:
        assert caption in text


def test_pdf_tables_have_computed_values(pdf_text):
    text = " ".join(pdf_text.split())
    assert "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2019" in text
    assert "Tabel 3.2 Realisasi Program dan Kegiatan" in text
    assert "2.392.837.500 2.281.522.116 95,35 102,68" in text
    assert "Pembanding: Tahun 2018 2.228.039.860 2.051.831.969 92,09 97,58" in text
    assert "300 orang 426 orang 142,00 Tercapai" in text
    assert "2.553.091.717" in text
    assert "NIP. 19780426 199612 1 001" in text


def test_signatory_name_is_never_invented(built_site):
    block = parse(html(built_site, "bab-4/index.html")).select_one(".lkj-tanda-tangan")
    assert block.select_one(".lkj-tanda-tangan__nama--kosong") is not None  # a line to sign on, no name
    assert "NIP. 19780426 199612 1 001" in block.get_text()


def test_open_data_page_links_the_csv_files_with_their_sha256(built_site, pdf_text):
    page = parse(html(built_site, "data-terbuka/index.html"))
    links = {a.get_text(): a["href"] for a in page.select(".lkj-tabel--data-terbuka a[download]")}
    for path in sorted((built_site.parent / "data").glob("*.csv")):
        copy = built_site / "data" / path.name
        assert copy.read_bytes() == path.read_bytes()
        assert links[path.name] == f"../data/{path.name}"
        assert hashlib.sha256(path.read_bytes()).hexdigest() in page.get_text()
    assert "Data Terbuka" not in pdf_text  # a page of the website only


# --- the transparency website (issue 10) ------------------------------------------------------


def test_home_page_summary_is_computed_and_links_to_its_tables(built_site, real_data):
    from lkj.compute import anggaran_periode

    home = parse((built_site / "index.html").read_text(encoding="utf-8"))
    cards = {c.select_one(".lkj-ringkasan__label").get_text(): c for c in home.select(".lkj-ringkasan__kartu")}
    budget = anggaran_periode(real_data, 2019, "Tahun", "Tahun 2019")
    assert cards["Pagu anggaran"].select_one(".lkj-ringkasan__angka").get_text() == f"Rp {budget.pagu:,}".replace(
        ",", "."
    )
    assert cards["Realisasi anggaran"].a.get_text() == f"Rp {budget.realisasi:,}".replace(",", ".")
    assert cards["Serapan anggaran"].a.get_text() == "95,35%"
    assert cards["Indikator kinerja utama"].a.get_text() == "9"
    assert cards["Target tercapai"].a.get_text() == "9 dari 9"
    assert cards["Serapan anggaran"].a["href"] == "bab-3/#tabel-3-2"
    assert cards["Indikator kinerja utama"].a["href"] == "bab-3/#tabel-3-1"
    chapter = parse((built_site / "bab-3" / "index.html").read_text(encoding="utf-8"))
    assert chapter.select_one("#tabel-3-2 caption").get_text().startswith("Tabel 3.2 Realisasi")
    assert home.select_one(".lkj-unduh a")["href"].endswith(".pdf")  # the PDF beside the summary
    kata_pengantar = parse((built_site / "kata-pengantar" / "index.html").read_text(encoding="utf-8"))
    assert kata_pengantar.h1.get_text().startswith("Kata Pengantar")


def test_every_chart_is_an_svg_in_the_site_and_the_pdf(built_site, pages):
    chapter = parse((built_site / "bab-3" / "index.html").read_text(encoding="utf-8"))
    figures = chapter.select("figure.lkj-grafik")
    captions = [f.figcaption.get_text() for f in figures]
    assert [c.split(" ", 2)[1] for c in captions] == ["3.1", "3.2", "3.3", "3.4"]
    for figure in figures:
        svg = (built_site / "bab-3" / figure.img["src"]).resolve()
        assert svg.read_bytes().startswith(b"<?xml") and b"<svg" in svg.read_bytes()
        assert len(figure.img["alt"]) > 40
        data = figure.find_next_sibling("details")
        assert data.table and [a.get_text() for a in data.select(".lkj-unduh-tabel a")] == [
            "CSV",
            "CSV (Excel Indonesia)",
            "XLSX",
        ]
    pdf = " ".join(pages.values())
    for caption in captions:
        assert pdf.count(caption) == 2  # under the chart, and in the Daftar Gambar
    assert "Lihat data gambar ini" not in pdf and "Unduh:" not in pdf


def test_each_table_downloads_as_shown(built_site):
    from openpyxl import load_workbook

    chapter = parse((built_site / "bab-3" / "index.html").read_text(encoding="utf-8"))
    table = chapter.select_one("#tabel-3-2")
    href = table.select(".lkj-unduh-tabel a")[2]["href"]
    sheet = load_workbook(built_site / "bab-3" / href).active
    assert sheet["A1"].value.startswith("Tabel 3.2 Realisasi")
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    total = next(row for row in rows if row[0] == "Jumlah")
    shown = cells(table.select_one("tfoot tr"))
    assert total[3:] == (2392837500, 2281522116, 95.35, 102.68)
    assert [f"{total[3]:,}".replace(",", "."), "95,35"] == [shown[-4], shown[-2]]
    excel = (built_site / "bab-3" / table.select(".lkj-unduh-tabel a")[1]["href"]).read_bytes()
    assert (
        excel.startswith("\ufeff".encode()) and b"Jumlah;;Jumlah Tahun 2019;2392837500;2281522116;95,35;102,68" in excel
    )


def test_open_data_package_is_valid(built_site):
    from frictionless import Package

    report = Package(str(built_site / "data" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_organisation_list_chart_and_sentence_agree(built_site):
    chapter = parse((built_site / "bab-1" / "index.html").read_text(encoding="utf-8"))
    listed = [li.get_text() for li in chapter.select("ol.lkj-susunan li")]
    charted = [span.get_text() for span in chapter.select("figure.lkj-bagan span")]
    assert "UPTD BLK" in listed and "UPTD BLK" in charted
    seksi = chapter.select("figure.lkj-bagan li.lkj-bagan__bidang li.lkj-bagan__seksi")
    assert len(seksi) == 6  # under their Bidang, not beside them
    assert "2 (dua) Kepala Bidang" in chapter.get_text() and "6 (enam) Kepala Seksi" in chapter.get_text()


def test_every_file_of_the_site_is_linked_loaded_or_published(built_site):
    """Nothing ships that no page uses: every file is linked from a page, loaded by one (a
    stylesheet, a script, an image, what a stylesheet loads), or is the host's 404 page; Pagefind's
    index is what its script loads (the files its entry names, its chunks and fragments)."""
    files = {path.relative_to(built_site).as_posix() for path in built_site.rglob("*") if path.is_file()}
    used = {"404.html"}  # served by the host for any address it does not have

    def refer(page: str, address: str) -> None:
        if address and not address.startswith(("#", "data:", "mailto:")) and not urlsplit(address).scheme:
            path = unquote(urlsplit(urljoin("http://situs/" + page, address)).path).lstrip("/")
            used.add(path + "index.html" if path == "" or path.endswith("/") else path)

    for name in files:
        if name.endswith(".html"):
            for tag in parse((built_site / name).read_text(encoding="utf-8")).find_all(True):
                for attribute in ("href", "src"):
                    refer(name, tag.get(attribute, ""))
        elif name.endswith(".css"):
            for address in re.findall(r"url\(\s*['\"]?([^'\")]+)", (built_site / name).read_text(encoding="utf-8")):
                refer(name, address)
    script = (built_site / "javascripts" / "lkj-cari.js").read_text(encoding="utf-8")
    assert "javascripts/lkj-cari.js" in used and '"pagefind/pagefind.js"' in script  # the search page loads it
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    used |= {"pagefind/pagefind.js", "pagefind/pagefind-worker.js", "pagefind/pagefind-entry.json"}
    for language in entry["languages"].values():
        used |= {f"pagefind/wasm.{language['wasm']}.pagefind", f"pagefind/pagefind.{language['hash']}.pf_meta"}
    used |= {name for name in files if name.startswith(("pagefind/index/", "pagefind/fragment/", "pagefind/filter/"))}
    assert sorted(files - used) == []
    assert not any(name.endswith(".map") or "/lunr/" in name or "/workers/" in name for name in files)


def test_the_results_as_data_are_the_tables_figures(built_site, pdf_path):
    """site/data/hasil.json (issue 22): the same figures as Tabel 3.1 and 3.2, valid against its
    published JSON Schema, listed in datapackage.json, with the PDF's SHA-256."""
    import jsonschema

    results = json.loads((built_site / "data" / "hasil.json").read_text(encoding="utf-8"))
    jsonschema.validate(results, json.loads((built_site / "data" / "hasil.schema.json").read_text(encoding="utf-8")))
    assert results["laporan"]["slug"] == "lkj-disnaker-tanjabbar-2020" and results["laporan"]["tahun_kinerja"] == 2019
    page = parse(html(built_site, "bab-3/index.html"))

    def shown(value: str | None) -> str:  # "107.51" as the table writes it
        return "–" if value is None else value.replace(".", ",")

    capaian = page.select_one(".lkj-tabel--capaian")
    rows = {row[2] if len(row) == 7 else row[0]: row[-2:] for row in map(cells, capaian.select("tbody tr"))}
    assert len(rows) == len(results["indikator"]) == 9
    for item in results["indikator"]:
        value, remark = rows[item["uraian"]]
        assert value == shown(item["capaian"]), item["kode"]
        assert remark.lower().startswith(item["status"]), item["kode"]
    budget = page.select_one(".lkj-tabel--realisasi-anggaran")
    programs = {cells(row)[1]: cells(row)[2:5] for row in budget.select("tbody tr.program")}
    assert len(programs) == len(results["program"])
    for item in results["program"]:
        pagu, realisasi, serapan = programs[item["nama"]]
        assert [pagu, realisasi, serapan] == [f"{int(item['pagu']):,}".replace(",", "."),
                                              f"{int(item['realisasi']):,}".replace(",", "."), shown(item["serapan"])]  # fmt: skip
    total = cells(budget.select_one("tfoot tr"))
    assert total[2:6] == ["2.392.837.500", "2.281.522.116", "95,35", "102,68"]
    assert results["jumlah"] == {"pagu": "2392837500", "realisasi": "2281522116", "serapan": "95.35", "fisik": "102.68"}
    assert results["pdf"] == {
        "berkas": f"pdf/{pdf_path.name}",
        "sha256": hashlib.sha256(pdf_path.read_bytes()).hexdigest(),
    }
    package = json.loads((built_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    listed = next(resource for resource in package["resources"] if resource["path"] == "hasil.json")
    assert listed["jsonschema"] == "hasil.schema.json" and listed["mediatype"] == "application/json"
