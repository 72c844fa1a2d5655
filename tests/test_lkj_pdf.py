"""The PDF layer's pure parts: document arrangement, page labels, checksum publishing."""

import gc
import hashlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lkj import fmt, html
from lkj_pdf import publish
from lkj_pdf.document import font_faces, prepare
from lkj_pdf.submission import Metadata, Submission

COMBINED = """<html><head><title>Kata Pengantar - situs</title><meta name="author" content="x"></head><body>
<article id="doc-cover"><div class="sampul-atas"></div><p>LAPORAN</p></article>
<article id="doc-toc"><h1>Daftar Isi</h1><ul>
<li><a href="#.:kata-pengantar">Kata Pengantar</a></li>
<li><a href="#bab-1/:bab-i">BAB I</a></li></ul></article>
<article id=".:"><h1 class="lkj-depan" id=".:kata-pengantar">Kata Pengantar</h1><p>teks</p></article>
<article id="bab-1/:"><h1 id="bab-1/:bab-i">BAB I</h1>
<table><caption>Tabel 1.1 Satu</caption></table>
<figure><figcaption>Gambar 1.1 Bagan</figcaption></figure></article>
<article id="bab-3/:"><h1 id="bab-3/:bab-iii">BAB III</h1>
<table><caption>Tabel 3.2 Dua &amp; tiga</caption></table></article>
</body></html>"""
METADATA = Metadata(title="LKj 2020", author="Dinas", subject="Laporan", keywords=("LKj", "2020"))


def arranged(metadata: Metadata = METADATA, html: str = COMBINED) -> BeautifulSoup:
    return prepare(BeautifulSoup(html, "html.parser"), metadata)


def test_order_cover_front_matter_then_body():
    soup = arranged()
    top = [(child.name, child.get("id"), child.get("class")) for child in soup.body.find_all(recursive=False)]
    assert top == [
        ("article", "doc-cover", None),
        ("section", None, ["lkj-bagian-depan"]),
        ("section", "lkj-isi", ["lkj-bagian-isi"]),
    ]
    front = [a["id"] for a in soup.select("section.lkj-bagian-depan > article")]
    assert front == [".:", "doc-toc", "doc-daftar-tabel", "doc-daftar-gambar"]
    assert [a["id"] for a in soup.select("section.lkj-bagian-isi > article")] == ["bab-1/:", "bab-3/:"]


def test_daftar_tabel_and_gambar_link_to_anchored_captions():
    soup = arranged()
    entries = [(a["href"], a.get_text()) for a in soup.select("#doc-daftar-tabel li a")]
    assert entries == [("#tabel-1-1", "Tabel 1.1 Satu"), ("#tabel-3-2", "Tabel 3.2 Dua & tiga")]
    assert soup.find("caption", id="tabel-3-2")
    assert [a["href"] for a in soup.select("#doc-daftar-gambar li a")] == ["#gambar-1-1"]
    assert soup.find("figcaption", id="gambar-1-1")


def test_toc_marks_front_matter_and_lists_the_lists():
    soup = arranged()
    items = [(li.get("class"), li.a.get_text()) for li in soup.select("#doc-toc > ul > li")]
    assert items == [
        (["lkj-depan"], "Kata Pengantar"),
        (["lkj-depan"], "Daftar Isi"),
        (["lkj-depan"], "Daftar Tabel"),
        (["lkj-depan"], "Daftar Gambar"),
        (None, "BAB I"),
    ]


def test_no_daftar_gambar_without_figures():
    soup = arranged(html=COMBINED.replace("<figure><figcaption>Gambar 1.1 Bagan</figcaption></figure>", ""))
    assert soup.find(id="doc-daftar-gambar") is None
    assert "Daftar Gambar" not in soup.select_one("#doc-toc").get_text()


def test_metadata_replaces_the_site_page_title():
    soup = arranged()
    assert soup.html["lang"] == "id"
    assert [t.get_text() for t in soup.find_all("title")] == ["LKj 2020"]
    assert soup.find("meta", attrs={"name": "author"})["content"] == "Dinas"
    assert soup.find("meta", attrs={"name": "keywords"})["content"] == "LKj, 2020"
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Laporan"


def test_fonts_come_from_the_repository():
    css = font_faces()
    assert css.count("@font-face") == 8
    assert "pdf/fonts/DejaVuSerif.ttf" in css and css.count("file://") == 8


def test_logo_on_the_cover(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"png")
    soup = arranged(Metadata("t", "a", "s", (), logo=logo))
    assert soup.select_one("#doc-cover .sampul-atas img")["src"] == logo.as_uri()
    assert arranged().select_one("#doc-cover img") is None


def test_file_sizes_in_indonesian_style():
    assert fmt.ukuran_berkas(1_028_290) == "1,0 MB"
    assert fmt.ukuran_berkas(1_250_000) == "1,3 MB"  # half-up, as every figure
    assert fmt.ukuran_berkas(850_400) == "850 kB"
    assert fmt.ukuran_berkas(120) == "1 kB"


def test_publish_fills_placeholders_and_writes_a_checksum_file(tmp_path: Path):
    import hashlib

    pdf = tmp_path / "pdf" / "lkj.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.7 isi")
    page = tmp_path / "index.html"
    page.write_text(f"<p>Unduh {html.PDF_INFO_PLACEHOLDER}</p>", encoding="utf-8")
    publish.publish(tmp_path, pdf)
    digest = hashlib.sha256(b"%PDF-1.7 isi").hexdigest()
    assert f'<code class="lkj-sha256">{digest}</code>' in page.read_text(encoding="utf-8")
    assert (tmp_path / "pdf" / "lkj.pdf.sha256").read_text() == f"{digest}  lkj.pdf\n"


# --- what WeasyPrint may read ---------------------------------------------------------------


@pytest.fixture
def fetcher(tmp_path):
    from lkj_pdf.fetcher import ProjectFetcher

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "gaya.css").write_text("p { color: black }", encoding="utf-8")
    (tmp_path / "site" / "keluar.css").symlink_to("/etc/passwd")
    return ProjectFetcher([tmp_path / "site"]), tmp_path


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "https://contoh.go.id/logo.png",
        "ftp://contoh.go.id/x",
        "file:///etc/passwd",
        "file://server/share/x.png",
        "{site}/../rahasia.txt",
        "{site}/keluar.css",
    ],
)
def test_the_pdf_reads_nothing_outside_the_allowed_folders(fetcher, url):
    from lkj_pdf.fetcher import RefusedURL

    project_fetcher, root = fetcher
    (root / "rahasia.txt").write_text("rahasia", encoding="utf-8")
    with pytest.raises(RefusedURL):
        project_fetcher.fetch(url.format(site=(root / "site").as_uri()))


def test_the_pdf_reads_the_project_files_and_inline_data(fetcher):
    project_fetcher, root = fetcher
    response = project_fetcher.fetch((root / "site" / "gaya.css").as_uri())
    assert response.read() == b"p { color: black }" and response.content_type == "text/css"
    assert project_fetcher.fetch("data:text/plain,halo").read() == b"halo"


# --- the one seam into mkdocs-with-pdf ----------------------------------------------------------


def test_the_pinned_mkdocs_with_pdf_still_renders_the_way_the_seam_expects():
    """lkj_pdf.writer.install replaces the name `HTML` in mkdocs-with-pdf's generator, which it
    must call as `HTML(string=...)`, then `.render()`, then `.write_pdf(path)`. An upgrade of the
    plugin that changes this must fail here, not silently skip the submission PDF's options."""
    import inspect

    import mkdocs_with_pdf.generator as generator
    import weasyprint

    source = inspect.getsource(generator.Generator.on_post_build)
    expected = ("html = HTML(string=html_string)", "render = html.render()", "render.write_pdf(abs_pdf_path)")
    missing = [line for line in expected if line not in source]
    assert generator.HTML is weasyprint.HTML or generator.HTML.__name__ == "SubmissionHTML", (
        "mkdocs-with-pdf no longer imports weasyprint.HTML into its generator: lkj_pdf.writer.install must change"
    )
    assert not missing, (
        f"mkdocs-with-pdf's Generator.on_post_build no longer contains {missing}: the seam in "
        "lkj_pdf.writer.install (and SubmissionHTML / SubmissionDocument) must follow the new call"
    )


def test_an_attachment_linked_from_a_chapter_is_fetched_by_the_same_rules(tmp_path):
    """WeasyPrint fetches `<a rel=attachment>` while writing, after rendering: refused the same way."""
    from datetime import UTC, datetime

    from mkdocs.exceptions import PluginError

    from lkj_pdf import writer

    chapter = '<article data-url="/bab-4/"><p><a rel="attachment" href="file:///etc/passwd">lampiran</a></p></article>'
    writer.SubmissionHTML.submission = Submission(
        METADATA, (), datetime(2020, 1, 1, tzinfo=UTC), site_dir=tmp_path, pages={"bab-4/": "docs/bab-4.md"}
    )
    document = writer.SubmissionHTML(f"<html><body>{chapter}</body></html>").render()
    with pytest.raises(PluginError, match=r"halaman docs/bab-4.md meminta 'file:///etc/passwd': berkas di luar folder"):
        document.write_pdf(tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert gc.isenabled() and gc.get_freeze_count() == 0  # the collector, paused while WeasyPrint worked, is back


# --- long tables ---------------------------------------------------------------------------------


def test_a_long_table_is_cut_into_row_groups_never_inside_a_rowspan():
    from lkj_pdf.document import ROWS_PER_GROUP, _split_row_groups

    rows = []
    for number in range(3 * ROWS_PER_GROUP):
        # a cell spanning 3 rows starts at row 39: no cut may fall at rows 40 or 41
        first = '<td rowspan="3">S</td>' if number == ROWS_PER_GROUP - 1 else "" if number in (40, 41) else "<td></td>"
        rows.append(f"<tr>{first}<td>{number}</td></tr>")
    soup = BeautifulSoup(
        f'<table><thead><tr><th>x</th></tr></thead><tbody class="b">{"".join(rows)}</tbody></table>', "html.parser"
    )
    _split_row_groups(soup)
    groups = soup.find_all("tbody")
    assert [len(g.find_all("tr")) for g in groups] == [42, 40, 38]
    assert all(g["class"] == ["b"] for g in groups)
    assert [td.get_text() for td in soup.select("tbody tr td:last-child")] == [
        str(n) for n in range(3 * ROWS_PER_GROUP)
    ]


# --- the links on the website ------------------------------------------------------------------------

PAGE = (
    '<html><body><article class="md-content__inner"><h1 id="x">Judul<a class="headerlink" href="#x">¶</a></h1>'
    '<p>A &amp; B</p></article><div class="md-footer-meta__inner md-grid"><div class="md-copyright">©</div></div>'
    "</body></html>"
)


@pytest.mark.parametrize(
    ("page_uri", "home", "href"),
    [("index.html", True, "pdf/lkj.pdf"), ("bab-1/index.html", False, "../pdf/lkj.pdf")],
)
def test_the_download_links_are_put_in_the_page_and_nothing_else_changes(page_uri, home, href):
    linked = publish.add_links(PAGE, "pdf/lkj.pdf", page_uri, home)
    soup = BeautifulSoup(linked, "html.parser")
    assert soup.select_one(".md-footer-meta__inner > a.lkj-footer-pdf")["href"] == href
    box = soup.select_one("article h1 + div.lkj-unduh a")
    assert (box["href"] if box else None) == (href if home else None)
    for added in soup.select(".lkj-footer-pdf, .lkj-unduh"):
        added.decompose()
    assert str(soup) == str(BeautifulSoup(PAGE, "html.parser"))  # the rest as it was, escaped once


# --- the PDF cache ------------------------------------------------------------------------------------


@pytest.fixture
def stored(tmp_path):
    from lkj import cache as store
    from lkj_pdf import cache

    roots = {"situs": tmp_path / "situs", "huruf": tmp_path / "huruf"}
    for root in roots.values():
        root.mkdir()
    (roots["situs"] / "gaya.css").write_text("p {}", encoding="utf-8")
    (roots["huruf"] / "a.ttf").write_bytes(b"font")
    read = {path: hashlib.sha256(path.read_bytes()).hexdigest() for root in roots.values() for path in root.iterdir()}
    entry = store.key(["html", b"data"])
    assert cache.keep(tmp_path / "cache", entry, b"%PDF-1", read, roots) is None
    return tmp_path / "cache", entry, roots


def test_a_stored_pdf_is_found_while_everything_it_read_is_unchanged(stored):
    from lkj import cache as store
    from lkj_pdf import cache

    where, entry, roots = stored
    assert cache.find(where, entry, roots) == b"%PDF-1"
    assert cache.find(where, store.key(["html", b"data", b""]), roots) is None  # other inputs, other key
    (roots["situs"] / "gaya.css").write_text("p { color: red }", encoding="utf-8")
    assert cache.find(where, entry, roots) is None


@pytest.mark.parametrize("damage", ["pdf", "manifest", "outside", "font gone"])
def test_a_damaged_or_doubtful_entry_is_never_used(stored, damage):
    import json

    from lkj_pdf import cache

    where, entry, roots = stored
    manifest = where / f"{entry}.json"
    if damage == "pdf":
        (where / f"{entry}.pdf").write_bytes(b"%PDF-2")
    elif damage == "manifest":
        manifest.write_text("{", encoding="utf-8")
    elif damage == "outside":  # a manifest pointing out of its root
        content = json.loads(manifest.read_text(encoding="utf-8"))
        content["read"][0][1] = "../../../etc/hostname"
        manifest.write_text(json.dumps(content), encoding="utf-8")
    else:
        (roots["huruf"] / "a.ttf").unlink()
    assert cache.find(where, entry, roots) is None


def test_the_cache_keeps_the_newest_entries_only(tmp_path):
    from lkj import cache as store
    from lkj_pdf import cache

    for number in range(store.ENTRIES + 3):
        assert cache.keep(tmp_path, store.key([str(number)]), b"%PDF", {}, {}) is None
    assert len(list(tmp_path.glob("*.pdf"))) == len(list(tmp_path.glob("*.json"))) == store.ENTRIES


def test_the_caches_are_off_with_zero_and_never_in_the_repository(monkeypatch, tmp_path):
    from lkj import cache as store

    monkeypatch.setenv("LKJ_CACHE", "0")
    assert store.folder("pdf") is None and store.folder("data") is None
    monkeypatch.delenv("LKJ_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert store.folder("pdf") == tmp_path / "lkj" / "pdf"
    monkeypatch.setenv("LKJ_CACHE", str(tmp_path / "lain"))
    assert store.folder("data") == tmp_path / "lain" / "data"
