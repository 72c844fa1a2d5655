"""HTML from lkj_site/html.py: real tables; data text shown as written, never acting as markup."""

import markdown
import pytest
from markupsafe import Markup

from lkj.html import render, text
from lkj.tables import Cell, ItemList, Row, Signature, Table
from tests.html import cells, parse


def test_table_has_caption_head_body_foot_and_numeric_cells():
    html = render(
        Table(
            "Tabel 3.2 Contoh",
            head=[Row([Cell("Program"), Cell("Pagu (Rp)")])],
            body=[Row([Cell("A"), Cell("1.000", numeric=True)], "program")],
            foot=[Row([Cell("Jumlah"), Cell("1.000", numeric=True)], "total")],
            notes=["catatan"],
            widths=(70, 30),
        )
    )
    assert isinstance(html, Markup)
    page = parse(html)
    assert page.caption.get_text() == "Tabel 3.2 Contoh"
    assert [col["style"] for col in page.select("colgroup col")] == ["width: 70%", "width: 30%"]
    assert cells(page.thead) == ["Program", "Pagu (Rp)"]
    body_row = page.select_one("tbody tr")
    assert body_row["class"] == ["program"] and cells(body_row) == ["A", "1.000"]
    assert body_row.find_all("td")[1]["class"] == ["angka"]
    assert page.select_one("tfoot tr")["class"] == ["total"]
    assert page.select_one("p.lkj-catatan").get_text() == "catatan"
    assert "\n\n" not in html  # one raw HTML block for Markdown


def test_a_screen_reader_gets_header_scopes_row_headers_and_a_focusable_named_region():
    page = parse(
        render(
            Table(
                "Tabel 3.1 Contoh",
                head=[
                    Row([Cell("No", rowspan=2), Cell("Indikator", rowspan=2), Cell("Tahun 2019", colspan=2)]),
                    Row([Cell("Realisasi"), Cell("Capaian (%)")]),
                ],
                body=[
                    Row([Cell("1", rowspan=2), Cell("A"), Cell("5"), Cell("100")]),
                    Row([Cell("B"), Cell("6"), Cell("")]),  # the rowspan above moves B into column 1
                ],
                foot=[Row([Cell("Jumlah", colspan=2), Cell("11"), Cell("")])],
                row_header=1,
                subtitles=("VISI: maju",),
            )
        )
    )
    assert [(th.get_text(), th["scope"]) for th in page.thead.find_all("th")] == [
        ("No", "col"),
        ("Indikator", "col"),
        ("Tahun 2019", "colgroup"),
        ("Realisasi", "col"),
        ("Capaian (%)", "col"),
    ]
    assert [th.get_text() for th in page.select("tbody th[scope=row]")] == ["A", "B"]
    assert [td.get_text() for td in page.select("tbody td")] == ["1", "5", "100", "6", ""]
    assert [th.get_text() for th in page.select("tfoot th[scope=row]")] == ["Jumlah"]
    region = page.select_one("div.lkj-tabel__gulir")
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-label"] == "Tabel 3.1 Contoh"
    assert page.select_one("caption .lkj-tabel__judul").get_text() == "Tabel 3.1 Contoh"
    assert page.select_one("caption .lkj-tabel__subjudul").get_text() == "VISI: maju"  # not a column header


# What data may contain, and what it must never do (issue: hostile input).
HOSTILE = (
    "<script>alert(1)</script> {{ 7*7 }} {% raw %}",
    "[x](javascript:alert(1))",
    "*x*{: onmouseover=alert(1) }",
    "[l](file:///etc/passwd){: rel=attachment }",
    "![](http://127.0.0.1:9/x.png)",
    '<img src=x onerror="alert(1)"> & "kutip" \'satu\'',
    "`kode` __tebal__ ~~coret~~ <http://contoh.go.id>",
)
MARKDOWN = markdown.Markdown(extensions=["attr_list", "admonition", "toc"])  # as mkdocs.yml


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("context", ["{} di tengah kalimat.", "{}", "- butir {}", "## Judul {}"])
def test_text_reaches_the_reader_as_written_wherever_markdown_puts_it(value, context):
    html = MARKDOWN.reset().convert(context.format(text(value)))
    page = parse(html)
    assert value in page.get_text()
    assert page.find_all(["a", "img", "script", "em", "strong", "code", "del"]) == []
    assert all(not name.startswith("on") for tag in page.find_all(True) for name in tag.attrs)


def test_text_keeps_one_line_and_breaks_long_words_only():
    assert text("1. satu\n\n# dua\n    tiga") == "1&#46; satu &#35; dua tiga"
    long_word = "Pelatihan" * 10
    html = text(f"kata {long_word}")
    assert html.count("<wbr>") == 4 and parse(html).get_text() == f"kata {long_word}"
    assert "<wbr>" not in text("2.392.837.500 Rp Kesejahteraan")


def test_cell_text_is_escaped_and_jinja_stays_literal():
    html = render(
        Table("<b>judul</b>", head=[], body=[Row([Cell("<script>alert(1)</script> {{ 7*7 }}")])], notes=["a & b"])
    )
    page = parse(html)
    assert page.find("script") is None and page.find("b") is None
    assert cells(page) == ["<script>alert(1)</script> {{ 7*7 }}"]
    assert page.caption.get_text() == "<b>judul</b>"
    assert page.select_one(".lkj-catatan").get_text() == "a & b"


def test_spans_and_lists():
    html = render(Table("t", head=[], body=[Row([Cell("x", rowspan=2, colspan=3), Cell(items=("satu", "<dua>"))])]))
    first = parse(html).td
    assert (first["colspan"], first["rowspan"], first.get_text()) == ("3", "2", "x")
    assert [li.get_text() for li in parse(html).select("td ol li")] == ["satu", "<dua>"]


def test_ordered_list_escapes():
    html = render(ItemList(("<i>",), ordered=True, kind="c"))
    assert parse(html).ol["class"] == ["c"] and parse(html).li.get_text() == "<i>" and parse(html).i is None


def test_signature_without_a_name_leaves_a_line_not_a_name():
    html = render(Signature("……, ……", ("Kepala Dinas",), "", "19780426 199612 1 001"))
    assert '<div class="lkj-tanda-tangan__nama lkj-tanda-tangan__nama--kosong"' in html  # a div: kept in the PDF
    assert parse(html).select_one(".lkj-tanda-tangan__nip").get_text() == "NIP. 19780426 199612 1 001"
    assert "None" not in html


def test_signature_with_a_name():
    html = render(Signature("Kuala Tungkal, 1 Maret 2020", ("Kepala Dinas",), "Nama <Pejabat>", "1"))
    assert parse(html).select_one("p.lkj-tanda-tangan__nama").get_text() == "Nama <Pejabat>"
