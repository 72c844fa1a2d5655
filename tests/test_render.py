"""HTML from render.py: real tables, every cell escaped."""

from markupsafe import Markup

from macros.render import Cell, Row, ordered_list, signature, table


def test_table_has_caption_head_body_foot_and_numeric_cells():
    html = table(
        "Tabel 3.2 Contoh",
        head=[Row([Cell("Program"), Cell("Pagu (Rp)")])],
        body=[Row([Cell("A"), Cell("1.000", numeric=True)], "program")],
        foot=[Row([Cell("Jumlah"), Cell("1.000", numeric=True)], "total")],
        notes=["catatan"],
        widths=(70, 30),
    )
    assert isinstance(html, Markup)
    assert "<caption>Tabel 3.2 Contoh</caption>" in html
    assert '<colgroup><col style="width: 70%"><col style="width: 30%"></colgroup>' in html
    assert "<thead><tr><th>Program</th><th>Pagu (Rp)</th></tr></thead>" in html.replace("\n", "")
    assert '<tr class="program"><td>A</td><td class="angka">1.000</td></tr>' in html
    assert '<tfoot>\n<tr class="total">' in html
    assert '<p class="lkj-catatan">catatan</p>' in html
    assert "\n\n" not in html  # one raw HTML block for Markdown


def test_cell_text_is_escaped_and_jinja_stays_literal():
    html = table("<b>judul</b>", head=[], body=[Row([Cell("<script>alert(1)</script> {{ 7*7 }}")])], notes=["a & b"])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html
    assert "&lt;b&gt;judul&lt;/b&gt;" in html
    assert "a &amp; b" in html


def test_spans_and_lists():
    html = table("t", head=[], body=[Row([Cell("x", rowspan=2, colspan=3), Cell(items=("satu", "<dua>"))])])
    assert '<td colspan="3" rowspan="2">x</td>' in html
    assert "<ol><li>satu</li><li>&lt;dua&gt;</li></ol>" in html


def test_ordered_list_escapes():
    assert ordered_list(["<i>"], "c") == Markup('<ol class="c"><li>&lt;i&gt;</li></ol>')


def test_signature_without_a_name_leaves_a_line_not_a_name():
    html = signature("……, ……", ["Kepala Dinas"], "", "19780426 199612 1 001")
    assert '<div class="lkj-tanda-tangan__nama lkj-tanda-tangan__nama--kosong"' in html  # a div: kept in the PDF
    assert "NIP. 19780426 199612 1 001" in html
    assert "None" not in html


def test_signature_with_a_name():
    html = signature("Kuala Tungkal, 1 Maret 2020", ["Kepala Dinas"], "Nama <Pejabat>", "1")
    assert '<p class="lkj-tanda-tangan__nama">Nama &lt;Pejabat&gt;</p>' in html
