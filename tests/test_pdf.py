"""The submitted PDF as an evaluator receives it: layout, numbering, fonts, data, bytes."""

import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from tests.sites import build, copy_project

MM = 72 / 25.4
A4 = (595.28, 841.89)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP = 22 * MM, 18 * MM, 22 * MM  # pdf/templates/styles.scss
FRONT_MATTER = ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR"]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def reader(pdf_path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="module")
def pages(reader) -> dict[str, str]:
    """Text of each page by its page label ("Sampul", "i", … "1", "2", …)."""
    return {label: squash(page.extract_text()) for label, page in zip(reader.page_labels, reader.pages, strict=True)}


def test_page_labels_roman_then_arabic_from_bab_i(reader, pages):
    labels = reader.page_labels
    assert labels[:6] == ["Sampul", "i", "ii", "iii", "iv", "v"]
    assert labels[6:9] == ["1", "2", "3"]
    assert labels[-1] == str(len(labels) - 6)
    assert pages["1"].startswith("BAB I PENDAHULUAN 1.1 Latar Belakang")


def test_front_matter_in_order_with_indonesian_titles(pages):
    for label, title in zip(["i", "ii", "iii", "iv", "v"], FRONT_MATTER, strict=True):
        assert title in pages[label].upper(), (label, pages[label][:80])


def test_cover_has_title_instansi_year_and_no_header_or_footer(pages):
    assert pages["Sampul"] == (
        "LAPORAN KINERJA INSTANSI PEMERINTAH (LKj) DINAS TENAGA KERJA KABUPATEN TANJUNG JABUNG BARAT TAHUN 2020"
    )


def test_page_numbers_in_the_footer(pages):
    assert pages["i"].endswith(" i")
    assert pages["iv"].endswith(" iv")
    assert pages["7"].endswith(" 7")


def test_daftar_isi_gives_the_page_of_each_chapter(pages):
    toc = pages["iii"]
    assert "Kata Pengantar i" in toc and "Ikhtisar Eksekutif ii" in toc and "Daftar Tabel iv" in toc
    assert "BAB I Pendahuluan 1 " in toc
    for chapter in ("BAB II Perencanaan Kinerja", "BAB III Akuntabilitas Kinerja", "BAB IV Penutup"):
        number = re.search(re.escape(chapter) + r" (\d+)", toc).group(1)
        assert pages[number].startswith(chapter.upper()), chapter


def test_daftar_tabel_lists_every_caption_with_its_page(pages, built_site):
    captions = []
    for page in sorted(built_site.rglob("*.html")):
        captions += re.findall(r"<caption>(.*?)</caption>", page.read_text(encoding="utf-8"))
    assert len(captions) == 8
    body = {label: text for label, text in pages.items() if label.isdigit()}
    for caption in captions:
        listed = re.search(re.escape(caption) + r" (\d+)", pages["iv"])
        assert listed, caption
        assert caption in body[listed.group(1)], f"{caption} is not on page {listed.group(1)}"


def test_daftar_gambar_lists_the_organisation_chart(pages):
    entry = re.search(
        r"Gambar 1\.1 Bagan Struktur Organisasi Dinas Tenaga Kerja Kabupaten Tanjung Jabung Barat (\d+)", pages["v"]
    )
    assert entry and "Gambar 1.1 Bagan Struktur Organisasi" in pages[entry.group(1)]


def test_running_header_carries_the_chapter_title(pdf_path, reader):
    labels = reader.page_labels
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages):
            if not labels[number].isdigit():
                continue
            header = squash(page.crop((0, 0, page.width, MARGIN_TOP)).extract_text())
            assert re.fullmatch(r"(BAB (I|II|III|IV) \w[\w ]+|Lampiran)", header), (labels[number], header)


def test_no_glyph_outside_the_text_area_or_the_page(pdf_path):
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            assert (round(page.width, 2), round(page.height, 2)) == A4
            for char in page.chars:
                inside = MARGIN_LEFT - 1 <= char["x0"] and char["x1"] <= page.width - MARGIN_RIGHT + 1
                assert inside and 0 <= char["top"] and char["bottom"] <= page.height, (
                    number,
                    char["text"],
                    char["x0"],
                    char["x1"],
                )


def test_budget_table_text_is_at_least_8_pt(pdf_path, pages):
    label = next(label for label, text in pages.items() if label.isdigit() and "Tabel 3.2 Realisasi" in text)
    with pdfplumber.open(pdf_path) as pdf:
        page = next(p for p in pdf.pages if "Tabel 3.2 Realisasi" in squash(p.extract_text()))
        sizes = {round(char["size"], 1) for char in page.chars if char["top"] > MARGIN_TOP}
    assert min(sizes) >= 8, (label, sorted(sizes))


def test_table_header_repeats_when_a_table_spans_pages(pages):
    spans = [
        label for label, text in pages.items() if label.isdigit() and "Penyediaan" in text or "Pemeliharaan" in text
    ]
    pages_with_budget_rows = [
        label
        for label, text in pages.items()
        if label.isdigit() and re.search(r"\b\d\.\d+ (Penyediaan|Pengadaan|Pembinaan)", text)
    ]
    assert len(pages_with_budget_rows) >= 2, spans
    for label in pages_with_budget_rows:
        assert "Program/Kegiatan Pagu (Rp) Realisasi (Rp)" in pages[label], label


def test_totals_printed_once_at_the_end_of_the_table(pages):
    assert sum(text.count("Jumlah Tahun 2019") for text in pages.values()) == 1


def test_signature_block_on_one_page_after_bab_iv(pages):
    (label,) = [label for label, text in pages.items() if "NIP. 19780426 199612 1 001" in text]
    assert "Kepala Dinas Tenaga Kerja Kabupaten Tanjung Jabung Barat" in pages[label]
    assert "…………………, …………………" in pages[label]
    assert "BAB IV" in pages[label]


def test_lampiran_has_the_perjanjian_kinerja(pages):
    lampiran = " ".join(text for text in pages.values() if re.search(r" Lampiran \d+$", text))
    assert "Tabel L.1 Perjanjian Kinerja Tahun 2020" in lampiran
    assert "Tabel L.2 Anggaran Program Tahun 2020" in lampiran
    assert "2.553.091.717" in lampiran


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
    assert 'pdfaid:part="3" pdfaid:conformance="B"' in xmp
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"


def test_two_builds_of_one_commit_are_byte_identical(pdf_path, tmp_path):
    other = copy_project(tmp_path / "elsewhere" / "lkj")
    result = build(other, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (other / "site" / "pdf" / pdf_path.name).read_bytes() == pdf_path.read_bytes()


def test_site_publishes_size_and_sha256_of_the_pdf(built_site, pdf_path):
    import hashlib

    digest = hashlib.sha256(pdf_path.read_bytes()).hexdigest()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'<code class="lkj-sha256">{digest}</code>' in home
    assert re.search(r"PDF, \d+(,\d)? (MB|kB) · SHA-256", home)
    assert (pdf_path.parent / (pdf_path.name + ".sha256")).read_text() == f"{digest}  {pdf_path.name}\n"


def test_cover_shows_the_logo_when_one_is_configured(project):
    from PIL import Image

    Image.new("RGB", (120, 150), "darkgreen").save(project / "logo.png")
    result = build(project, pdf=True, LKJ_LOGO="logo.png")
    assert result.returncode == 0, result.stdout + result.stderr
    (pdf,) = (project / "site" / "pdf").glob("*.pdf")
    cover = PdfReader(pdf).pages[0]
    assert len(cover.images) == 1
    assert squash(cover.extract_text()).startswith("LAPORAN KINERJA INSTANSI PEMERINTAH (LKj)")


def test_a_missing_logo_stops_the_build(project):
    result = build(project, pdf=True, LKJ_LOGO="tidak-ada.png")
    assert result.returncode != 0
    assert "extra.lkj.logo: 'tidak-ada.png' harus berkas gambar" in result.stdout + result.stderr
    shutil.rmtree(project / "site", ignore_errors=True)


def test_bookmarks_follow_the_document(reader):
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [
        "Kata Pengantar", "Ikhtisar Eksekutif", "Daftar Isi", "Daftar Tabel", "Daftar Gambar",
        "BAB I Pendahuluan", "BAB II Perencanaan Kinerja", "BAB III Akuntabilitas Kinerja", "BAB IV Penutup", "Lampiran",
    ]  # fmt: skip
