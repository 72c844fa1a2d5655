"""All HTML of the report is built here: tables, lists, the signature block, inline text.

Text from data (and from settings) is never trusted. `text()` turns it into HTML that
shows it as written wherever it lands: in a table (a raw HTML block) or inside a
paragraph, where Markdown and its extensions (`attr_list`, links, emphasis) would
otherwise act on it. Macro output is inserted after Jinja has run, so it is never
evaluated as a template either.
"""

import re
import string
from collections.abc import Iterable, Sequence

from markupsafe import Markup

from lkj.organisasi import Node, Organisation
from lkj.perjanjian import Perjanjian
from lkj.tables import Cell, ItemList, Note, Row, Signature, Table, placed

# Every ASCII punctuation mark becomes a numeric character reference (`[` -> `&#91;`):
# the reader sees the same character, but neither HTML nor Markdown, nor Jinja, can
# read it as syntax. Letters, digits and all non-ASCII text stay as they are.
_INERT = str.maketrans({mark: f"&#{ord(mark)};" for mark in string.punctuation})
# A word longer than this gets break opportunities (<wbr>) every `_CHUNK` characters:
# a cell may then wrap it, and WeasyPrint never has to hyphenate one huge word.
LONG_WORD = 30
_CHUNK = 20


def text(value) -> Markup:
    """Untrusted text as inert HTML: `*x*{: onclick=y }` is shown as `*x*{: onclick=y }`.

    Runs of white space (line breaks included) become one space, so the text can never
    start a Markdown block (a list, a heading, a code block) or end an HTML block.
    """
    words = []
    for word in str(value).split():
        if len(word) > LONG_WORD:
            chunks = (word[i : i + _CHUNK].translate(_INERT) for i in range(0, len(word), _CHUNK))
            words.append("<wbr>".join(chunks))
        else:
            words.append(word.translate(_INERT))
    return Markup(" ".join(words))


def figure_text(macro: str, value) -> Markup:
    """An inline figure as inert text, marked with the macro that made it (`data-makro`)."""
    return Markup('<span class="lkj-angka" data-makro="{}">{}</span>').format(macro, text(value))


def attribute(value) -> Markup:
    """Untrusted text for an attribute's value (an image's alt text): inert like `text()`,
    without the `<wbr>` break opportunities, which an attribute would show as written."""
    return Markup(" ".join(str(value).split()).translate(_INERT))


def render(block) -> Markup:
    """HTML of a block model from `lkj.tables`: a table, a list, a note or the signature."""
    if isinstance(block, Table):
        return table(block)
    if isinstance(block, ItemList):
        return _list("ol" if block.ordered else "ul", block.items, block.kind)
    if isinstance(block, Note):
        return Markup('<p class="lkj-catatan lkj-catatan--pengganti">{}</p>').format(text(block.text))
    if isinstance(block, Signature):
        return signature(block)
    if isinstance(block, Organisation):
        return organisation(block)
    if isinstance(block, Perjanjian):
        return agreement(block)
    raise TypeError(f"no HTML for {type(block).__name__}")


def table(model: Table, anchor: str = "", downloads: Markup | None = None) -> Markup:
    """A captioned table inside a `div.lkj-tabel` wrapper, with notes and downloads under it.

    `widths` are the columns' shares of the text width in percent (they fix the layout
    on paper, where a table must never run off the page). `anchor` (built by the code:
    `tabel-3-2`) lets other pages link the table. For screen readers: every header cell has
    its scope, the cell that names a row (`row_header`, and the label of a total) is a row
    header, and the table scrolls sideways in a region that takes the keyboard focus.
    """
    kind = f" lkj-tabel--{model.kind}" if model.kind else ""
    ident = Markup(' id="{}"').format(anchor) if anchor else Markup("")
    title = model.caption or model.label or "Tabel"
    lines = [
        Markup('<div class="lkj-tabel{}"{}>').format(kind, ident),
        Markup('<div class="lkj-tabel__gulir" role="region" tabindex="0" aria-label="{}">').format(attribute(title)),
        Markup("<table>"),
    ]
    if model.caption or model.label:
        more = Markup("").join(
            Markup('<span class="lkj-tabel__subjudul">{}</span>').format(text(line)) for line in model.subtitles
        )
        lines.append(Markup('<caption><span class="lkj-tabel__judul">{}</span>{}</caption>').format(text(title), more))
    if model.widths:
        cols = Markup("").join(Markup('<col style="width: {}%">').format(int(w)) for w in model.widths)
        lines.append(Markup("<colgroup>{}</colgroup>").format(cols))
    for tag, rows in (("thead", model.head), ("tbody", model.body), ("tfoot", model.foot)):
        if not rows:
            continue
        lines.append(Markup(f"<{tag}>"))
        for row, cells in zip(rows, placed(rows), strict=True):
            lines.append(
                _row(row, [_cell(cell, _scope(tag, column, cell, model.row_header)) for column, cell in cells])
            )
        lines.append(Markup(f"</{tag}>"))
    lines += [Markup("</table>"), Markup("</div>")]
    lines.extend(Markup('<p class="lkj-catatan">{}</p>').format(text(note)) for note in model.notes)
    if downloads:
        lines.append(downloads)
    lines.append(Markup("</div>"))
    return Markup("\n").join(lines)


def _scope(section: str, column: int, cell: Cell, row_header: int | None) -> str:
    """`col` / `colgroup` for a column header, `row` for the cell naming its row, "" for data."""
    if section == "thead":
        return "col" if cell.colspan == 1 else "colgroup"
    names_row = row_header is not None and column <= row_header < column + cell.colspan
    if section == "tfoot" and row_header is None:
        names_row = column == 0
    return "row" if names_row and cell.text else ""


def downloads(links: Sequence[tuple[str, str]], source: str) -> Markup:
    """`Unduh: CSV · CSV (Excel Indonesia) · XLSX` and where the figures come from (website only)."""
    items = Markup(" · ").join(
        Markup('<a href="{}" download>{}</a>').format(href, text(label)) for label, href in links
    )
    return Markup('<p class="lkj-unduh-tabel lkj-hanya-web">Unduh: {} <span class="lkj-sumber">{}</span></p>').format(
        items, text(source)
    )


def figure(caption: str, anchor: str, src: str, alt: str, data_table: Markup, more: Markup) -> Markup:
    """A chart: its SVG with a text alternative, the numbered caption, and its data one click away."""
    return Markup(
        '<figure class="lkj-grafik" id="{anchor}" tabindex="0"><img src="{src}" alt="{alt}" width="700">'
        "<figcaption>{caption}</figcaption></figure>\n"
        '<details class="lkj-data-grafik lkj-hanya-web"><summary>Lihat data gambar ini</summary>\n'
        "{table}\n{more}</details>"
    ).format(
        anchor=anchor,
        src=src,
        alt=attribute(alt),
        caption=text(caption),
        table=data_table,
        more=more,
    )


def summary(model, links: dict[str, str]) -> Markup:
    """The home page's Ringkasan Kinerja: one card per figure, each linked to its table."""
    cards = []
    for item in model.figures:
        value = text(item.value)
        href = links.get(item.table)
        if href:
            value = Markup('<a href="{}">{}</a>').format(href, value)
        cards.append(
            Markup(
                '<div class="lkj-ringkasan__kartu"><p class="lkj-ringkasan__label">{}</p>'
                '<p class="lkj-ringkasan__angka">{}</p><p class="lkj-ringkasan__rincian">{}</p></div>'
            ).format(text(item.label), value, text(item.detail))
        )
    return Markup(
        '<section class="lkj-ringkasan" aria-label="{title}"><p class="lkj-ringkasan__periode">{period}</p>'
        '<div class="lkj-ringkasan__kartu-kartu">{cards}</div></section>'
    ).format(title=attribute(model.title), period=text(model.period), cards=Markup("").join(cards))


def _row(row: Row, cells: list[Markup]) -> Markup:
    if row.kind:
        return Markup('<tr class="{}">{}</tr>').format(row.kind, Markup("").join(cells))
    return Markup("<tr>{}</tr>").format(Markup("").join(cells))


def _cell(cell: Cell, scope: str) -> Markup:
    """A header cell (`th` with its `scope`) where `scope` is given, else a data cell."""
    attributes = Markup(' scope="{}"').format(scope) if scope else Markup("")
    if cell.colspan > 1:
        attributes += Markup(' colspan="{}"').format(cell.colspan)
    if cell.rowspan > 1:
        attributes += Markup(' rowspan="{}"').format(cell.rowspan)
    if cell.numeric:  # a figure; with its unit ("20 perusahaan") it may wrap at the space
        attributes += Markup(' class="angka satuan"' if " " in cell.text.strip() else ' class="angka"')
    content = text(cell.text)
    if cell.code:
        content = Markup('<code class="lkj-sha256">{}</code>').format(content)
    if cell.href:  # a file of the site, the path built by the code
        content = Markup('<a href="{}" download>{}</a>').format(cell.href, content)
    if cell.link:  # a section of the report, the path built by the code
        content = Markup('<a href="{}" class="{}">{}</a>').format(cell.link, cell.link_class, content)
    if cell.strong and cell.text:
        content = Markup("<strong>{}</strong>").format(content)
    if cell.items:
        content += _list("ol", cell.items, "")
    tag = Markup("th" if scope else "td")
    return Markup("<{0}{1}>{2}</{0}>").format(tag, attributes, content)


def _list(tag: str, items: Iterable[str], css_class: str) -> Markup:
    class_attribute = Markup(' class="{}"').format(css_class) if css_class else Markup("")
    inner = Markup("").join(Markup("<li>{}</li>").format(text(item)) for item in items)
    return Markup("<{0}{1}>{2}</{0}>").format(Markup(tag), class_attribute, inner)


def organisation(model: Organisation) -> Markup:
    """The list of BAB I (a. Kepala Dinas, b. Sekretariat, terdiri dari: 1. ...) or, with a
    caption, the chart: a tree of boxes, each level indented under its parent with a line."""
    if model.caption is None:
        items = [Markup("<li>{}</li>").format(text(model.root.nama))]
        for unit in model.root.children:
            inner = _list("ol", (child.nama for child in unit.children), "") if unit.children else Markup("")
            label = f"{unit.nama}, terdiri dari:" if unit.children else unit.nama
            items.append(Markup("<li>{}{}</li>").format(text(label), inner))
        return Markup('<ol class="lkj-susunan" type="a">{}</ol>').format(Markup("").join(items))
    return Markup(
        '<figure class="lkj-bagan"><ul class="lkj-bagan__pohon">{}</ul><figcaption>{}</figcaption></figure>'
    ).format(_node(model.root), text(model.caption))


def _node(node: Node) -> Markup:
    inner = Markup("<ul>{}</ul>").format(Markup("").join(_node(c) for c in node.children)) if node.children else ""
    return Markup('<li class="lkj-bagan__{}"><span>{}</span>{}</li>').format(node.jenis, text(node.nama), inner)


def provenance(about: str | None, changed: str, period: str, sources: str) -> Markup:
    """The line under every page of the website: freshness, years, where its figures come from;
    `about`: the link to the page "Tentang data ini", where the report has one."""
    link = Markup(' · <a href="{}">Tentang data ini</a>').format(about) if about else Markup("")
    return Markup('<p class="lkj-asal lkj-hanya-web">{} · {} · {}{}</p>').format(
        text(changed), text(period), text(sources), link
    )


# --- the PDF's links on the website -----------------------------------------------------------

# Blocks of the website only (a chart's data, a table's downloads): left out of the PDF. Made
# here only, in exactly this form, and never nested in one another (lkj_pdf/plugin.py).
WEB_ONLY = re.compile(r'<(details|p) class="[^"]*\blkj-hanya-web\b[^"]*">.*?</\1>', re.S)

PDF_INFO_PLACEHOLDER = Markup('<span class="lkj-pdf-info"></span>')  # filled in once the PDF exists


def pdf_info(size: str, digest: str, signed: str | None = None) -> Markup:
    """`PDF, 1,0 MB · SHA-256: …` beside the PDF's download link; by whom and when it was signed."""
    signature = (
        Markup(' · <span class="lkj-pdf-ttd">Ditandatangani secara elektronik oleh {}</span>').format(text(signed))
        if signed
        else Markup("")
    )
    return Markup('<span class="lkj-pdf-info">PDF, {}{} · SHA-256: <code class="lkj-sha256">{}</code></span>').format(
        size, signature, digest
    )


def pdf_download_box(href: str) -> Markup:
    """The home page's box linking the official PDF (its size and SHA-256 follow, and the
    checksum file beside it, for `sha256sum -c`)."""
    return Markup(
        '<div class="lkj-unduh"><p><strong>Dokumen resmi (PDF):</strong> '
        '<a href="{}" download>Unduh Laporan Kinerja lengkap</a><br>{}<br>'
        '<a href="{}.sha256" download>Berkas sidik jari SHA-256</a> untuk memeriksa unduhan '
        "(<code>sha256sum -c</code>)</p></div>"
    ).format(href, PDF_INFO_PLACEHOLDER, href)


def pdf_footer_link(href: str) -> Markup:
    return Markup('<a href="{}" download class="lkj-footer-pdf">Unduh PDF laporan</a>').format(href)


def signature(block: Signature, with_nip: bool = True) -> Markup:
    """The head of office's signature block; an unset name leaves a line to sign above."""
    nama, nip = block.nama, block.nip or "…………………"
    lines = [Markup('<div class="lkj-tanda-tangan">')]
    if block.place_and_date:
        lines.append(Markup('<p class="lkj-tanda-tangan__tanggal">{}</p>').format(text(block.place_and_date)))
    lines.extend(Markup('<p class="lkj-tanda-tangan__jabatan">{}</p>').format(text(line)) for line in block.jabatan)
    # empty blocks are divs: mkdocs-with-pdf drops empty paragraphs from the PDF
    lines.append(Markup('<div class="lkj-tanda-tangan__ruang" aria-hidden="true"></div>'))
    if nama:
        lines.append(Markup('<p class="lkj-tanda-tangan__nama">{}</p>').format(text(nama)))
    else:
        blank = (
            '<div class="lkj-tanda-tangan__nama lkj-tanda-tangan__nama--kosong" role="img" '
            'aria-label="tempat nama penandatangan, belum diisi"></div>'
        )
        lines.append(Markup(blank))
    # without a NIP (a regent has none) the line stays, empty, so that two blocks side by side align
    nip_line = text(f"NIP. {nip}") if with_nip else Markup("&nbsp;")
    lines.append(Markup('<p class="lkj-tanda-tangan__nip">{}</p>').format(nip_line))
    lines.append(Markup("</div>"))
    return Markup("\n").join(lines)


def agreement(model: Perjanjian) -> Markup:
    """The Perjanjian Kinerja (`lkj.perjanjian`): title, parties, commitments, two signatures."""
    parties = Markup("").join(
        Markup(
            '<p class="lkj-perjanjian__pihak"><span class="lkj-perjanjian__label">Nama</span>: {}<br>'
            '<span class="lkj-perjanjian__label">Jabatan</span>: {}</p><p>{}</p>'
        ).format(text(party.nama), text(party.jabatan), text(party.role))
        for party in model.parties
    )
    second, first = model.signatures
    return Markup(
        '<div class="lkj-perjanjian"><p class="lkj-perjanjian__judul">{title}<br>{office}</p><p>{opening}</p>'
        '{parties}{commitments}<p class="lkj-perjanjian__tanggal">{date}</p>'
        '<div class="lkj-perjanjian__tanda-tangan">{second}{first}</div></div>'
    ).format(
        title=text(model.title),
        office=text(model.office),
        opening=text(model.opening),
        parties=parties,
        commitments=Markup("").join(Markup("<p>{}</p>").format(text(line)) for line in model.commitments),
        date=text(model.place_and_date),
        second=signature(second, with_nip=bool(second.nip)),
        first=signature(first),
    )


def build_error_page(reason: str, details: Sequence[str]) -> str:
    """`make serve`'s page while the report does not build: why, and each data error, as text.

    Served in place of every chapter, so that the page open in the browser shows it, and
    reloads itself (MkDocs' live reload) as soon as a save builds again.
    """
    items = Markup("").join(Markup("<li><code>{}</code></li>").format(line) for line in details)
    return str(
        Markup(
            '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Build gagal</title>'
            "<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}"
            "h1{{color:#b00020}}code{{white-space:pre-wrap}}</style></head><body>"
            "<h1>Build gagal</h1><p>{}</p><ul>{}</ul>"
            "<p><em>Halaman ini dimuat ulang sendiri setelah perbaikan disimpan.</em></p></body></html>"
        ).format(reason, items)
    )
