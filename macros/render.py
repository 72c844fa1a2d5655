"""All HTML of the report is built here: tables, lists, the signature block, inline text.

Text from data (and from settings) is never trusted. `text()` turns it into HTML that
shows it as written wherever it lands: in a table (a raw HTML block) or inside a
paragraph, where Markdown and its extensions (`attr_list`, links, emphasis) would
otherwise act on it. Macro output is inserted after Jinja has run, so it is never
evaluated as a template either.
"""

import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

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


@dataclass(frozen=True)
class Cell:
    text: str = ""
    numeric: bool = False  # right-aligned, tabular figures
    colspan: int = 1
    rowspan: int = 1
    items: tuple[str, ...] = ()  # rendered as a numbered list after the text
    strong: bool = False
    html: Markup | None = None  # already-escaped content built by a macro (a link), instead of text


@dataclass(frozen=True)
class Row:
    cells: Sequence[Cell]
    kind: str = ""  # css class of the row: "program", "kegiatan", "total", "pembanding"


def table(
    caption: str | None,
    head: Sequence[Row],
    body: Sequence[Row],
    foot: Sequence[Row] = (),
    notes: Iterable[str] = (),
    kind: str = "",
    widths: Sequence[int] = (),
) -> Markup:
    """A captioned table inside a `div.lkj-tabel` wrapper, with notes under it.

    `widths` are the columns' shares of the text width in percent (they fix the layout
    on paper, where a table must never run off the page).
    """
    lines = [Markup('<div class="lkj-tabel{}">').format(f" lkj-tabel--{kind}" if kind else ""), Markup("<table>")]
    if caption:  # None: an uncaptioned table, outside the numbered ones of the report
        lines.append(Markup("<caption>{}</caption>").format(text(caption)))
    if widths:
        cols = Markup("").join(Markup('<col style="width: {}%">').format(int(w)) for w in widths)
        lines.append(Markup("<colgroup>{}</colgroup>").format(cols))
    for tag, rows, cell_tag in (("thead", head, "th"), ("tbody", body, "td"), ("tfoot", foot, "td")):
        if not rows:
            continue
        lines.append(Markup(f"<{tag}>"))
        lines.extend(_row(row, cell_tag) for row in rows)
        lines.append(Markup(f"</{tag}>"))
    lines.append(Markup("</table>"))
    lines.extend(Markup('<p class="lkj-catatan">{}</p>').format(text(note)) for note in notes)
    lines.append(Markup("</div>"))
    return Markup("\n").join(lines)


def _row(row: Row, cell_tag: str) -> Markup:
    cells = Markup("").join(_cell(cell, cell_tag) for cell in row.cells)
    if row.kind:
        return Markup('<tr class="{}">{}</tr>').format(row.kind, cells)
    return Markup("<tr>{}</tr>").format(cells)


def _cell(cell: Cell, tag: str) -> Markup:
    attributes = Markup("")
    if cell.colspan > 1:
        attributes += Markup(' colspan="{}"').format(cell.colspan)
    if cell.rowspan > 1:
        attributes += Markup(' rowspan="{}"').format(cell.rowspan)
    if cell.numeric:
        attributes += Markup(' class="angka"')
    content = cell.html if cell.html is not None else text(cell.text)
    if cell.strong and cell.text:
        content = Markup("<strong>{}</strong>").format(content)
    if cell.items:
        content += ordered_list(cell.items)
    return Markup("<{0}{1}>{2}</{0}>").format(Markup(tag), attributes, content)


def ordered_list(items: Iterable[str], css_class: str = "") -> Markup:
    return _list("ol", items, css_class)


def bullet_list(items: Iterable[str], css_class: str = "") -> Markup:
    return _list("ul", items, css_class)


def _list(tag: str, items: Iterable[str], css_class: str) -> Markup:
    class_attribute = Markup(' class="{}"').format(css_class) if css_class else Markup("")
    inner = Markup("").join(Markup("<li>{}</li>").format(text(item)) for item in items)
    return Markup("<{0}{1}>{2}</{0}>").format(Markup(tag), class_attribute, inner)


def download_link(href: str, label: str) -> Markup:
    """A link to a file of the site (`href` is built by the code, never taken from data)."""
    return Markup('<a href="{}" download>{}</a>').format(href, text(label))


def checksum(digest: str) -> Markup:
    return Markup('<code class="lkj-sha256">{}</code>').format(digest)


def signature(place_and_date: str, jabatan: Sequence[str], nama: str, nip: str) -> Markup:
    """The head of office's signature block; an unset name leaves a line to sign above."""
    lines = [Markup('<div class="lkj-tanda-tangan">')]
    lines.append(Markup('<p class="lkj-tanda-tangan__tanggal">{}</p>').format(text(place_and_date)))
    lines.extend(Markup('<p class="lkj-tanda-tangan__jabatan">{}</p>').format(text(line)) for line in jabatan)
    # empty blocks are divs: mkdocs-with-pdf drops empty paragraphs from the PDF
    lines.append(Markup('<div class="lkj-tanda-tangan__ruang" aria-hidden="true"></div>'))
    if nama:
        lines.append(Markup('<p class="lkj-tanda-tangan__nama">{}</p>').format(text(nama)))
    else:
        blank = (
            '<div class="lkj-tanda-tangan__nama lkj-tanda-tangan__nama--kosong" aria-label="nama belum diisi"></div>'
        )
        lines.append(Markup(blank))
    lines.append(Markup('<p class="lkj-tanda-tangan__nip">{}</p>').format(text(f"NIP. {nip}")))
    lines.append(Markup("</div>"))
    return Markup("\n").join(lines)
