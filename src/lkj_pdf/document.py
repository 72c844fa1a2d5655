"""Arrange the combined HTML of mkdocs-with-pdf into the layout of the submitted report.

Order: cover; front matter (chapters whose heading has class `lkj-depan`, then Daftar Isi,
Daftar Tabel and, where there are figures, Daftar Gambar) numbered i, ii, iii; the body
from BAB I numbered 1, 2, 3. Pure function of the HTML and the settings: no files written.
"""

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from .submission import FONTS_DIR, Metadata

# font family used in pdf/templates/styles.scss -> (file, weight, style)
FONT_FILES = {
    "LKj Serif": [
        ("DejaVuSerif.ttf", 400, "normal"),
        ("DejaVuSerif-Bold.ttf", 700, "normal"),
        ("DejaVuSerif-Italic.ttf", 400, "italic"),
        ("DejaVuSerif-BoldItalic.ttf", 700, "italic"),
    ],
    "LKj Sans": [
        ("DejaVuSansCondensed.ttf", 400, "normal"),
        ("DejaVuSansCondensed-Bold.ttf", 700, "normal"),
        ("DejaVuSansCondensed-Oblique.ttf", 400, "italic"),
        ("DejaVuSansCondensed-BoldOblique.ttf", 700, "italic"),
    ],
}
FRONT_MATTER_CLASS = "lkj-depan"
FIRST_BODY_ID = "lkj-isi"
ROWS_PER_GROUP = 40  # rows of a <tbody> in the PDF (see _split_row_groups)


def prepare(soup: BeautifulSoup, metadata: Metadata) -> BeautifulSoup:
    """Arrange the combined document in place (and return it): metadata, fonts, logo, order."""
    _set_metadata(soup, metadata)
    _add_font_faces(soup)
    _add_logo(soup, metadata.logo)
    _arrange(soup)
    _split_row_groups(soup)
    _name_signature_spaces(soup)
    return soup


def _name_signature_spaces(soup: BeautifulSoup) -> None:
    """Each signature block's signing space gets an id, so its place is a named destination of
    the PDF: an electronic signature's visible field goes there (signing.py)."""
    spaces = [
        space for space in soup.select(".lkj-tanda-tangan__ruang") if not space.find_parent(class_="lkj-perjanjian")
    ]
    for number, space in enumerate(spaces, start=1):  # the report's own signatures, not the agreement's
        space["id"] = f"lkj-ttd-ruang-{number}"


def _set_metadata(soup: BeautifulSoup, metadata: Metadata) -> None:
    soup.html["lang"] = metadata.language
    head = soup.head
    for tag in head.find_all("title") + head.find_all(
        "meta", attrs={"name": re.compile("^(author|description|keywords)$")}
    ):
        tag.decompose()
    title = soup.new_tag("title")
    title.string = metadata.title
    head.append(title)
    for name, content in (
        ("author", metadata.author),
        ("description", metadata.subject),
        ("keywords", ", ".join(metadata.keywords)),
    ):
        head.append(soup.new_tag("meta", attrs={"name": name, "content": content}))


def font_faces() -> str:
    """@font-face rules for the fonts shipped in pdf/fonts, so no machine font is used."""
    rules = []
    for family, files in FONT_FILES.items():
        for name, weight, style in files:
            path = FONTS_DIR / name
            if not path.is_file():
                raise FileNotFoundError(f"font PDF tidak ditemukan: {path}")
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)


def _add_font_faces(soup: BeautifulSoup) -> None:
    style = soup.new_tag("style")
    style.string = font_faces()
    soup.head.insert(0, style)


def _add_logo(soup: BeautifulSoup, logo: Path | None) -> None:
    slot = soup.select_one("#doc-cover .sampul-atas")
    if logo is None or slot is None:
        return
    slot.append(soup.new_tag("img", attrs={"class": "sampul-logo", "src": logo.resolve().as_uri(), "alt": "Logo"}))


def _arrange(soup: BeautifulSoup) -> None:
    body = soup.body
    cover = body.find("article", id="doc-cover", recursive=False)
    toc = body.find("article", id="doc-toc", recursive=False)
    chapters = [a for a in body.find_all("article", recursive=False) if a not in (cover, toc)]
    front = [a for a in chapters if a.select_one(f"h1.{FRONT_MATTER_CLASS}")]
    main = [a for a in chapters if a not in front]

    lists = [_list_article(soup, "doc-daftar-tabel", "Daftar Tabel", _captions(soup, main, "caption", "tabel"))]
    figures = _captions(soup, main, "figcaption", "gambar")
    if figures:
        lists.append(_list_article(soup, "doc-daftar-gambar", "Daftar Gambar", figures))
    if toc is not None:
        _complete_toc(soup, toc, front, lists)

    front_section = soup.new_tag("section", attrs={"class": "lkj-bagian-depan"})
    main_section = soup.new_tag("section", attrs={"class": "lkj-bagian-isi", "id": FIRST_BODY_ID})
    for article in [*front, *([toc] if toc else []), *lists]:
        front_section.append(article.extract())
    for article in main:
        main_section.append(article.extract())
    body.append(front_section)
    body.append(main_section)
    if cover is not None:
        body.insert(0, cover.extract())


def _split_row_groups(soup: BeautifulSoup) -> None:
    """Cut every long <tbody> into consecutive ones of about ROWS_PER_GROUP rows.

    WeasyPrint lays a row group out again on each page it continues on, in time proportional
    to all of its rows (weasyprint/layout/table.py, group_layout): a table of 10.000 kegiatan
    over 450 pages cost rows x pages. Consecutive groups look the same (no style here counts
    rows); a cut is made only where no rowspan continues into the next row.
    """
    for body in soup.find_all("tbody"):
        if len(body.find_all("tr", recursive=False)) <= ROWS_PER_GROUP:
            continue
        children = list(body.contents)
        body.clear()  # front to back: BeautifulSoup finds each child at once (one by one is quadratic)
        group, spanning, size = body, 0, 0
        for child in children:
            if isinstance(child, Tag) and child.name == "tr":
                if size >= ROWS_PER_GROUP and spanning == 0:
                    following = soup.new_tag("tbody", attrs=dict(body.attrs))
                    group.insert_after(following)
                    group, size = following, 0
                size += 1
                cells = child.find_all(("td", "th"), recursive=False)
                spanning = max(spanning - 1, *(_span(cell) - 1 for cell in cells), 0)
            group.append(child)


def _span(cell: Tag) -> int:
    value = str(cell.get("rowspan", "1"))
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _captions(soup: BeautifulSoup, articles: list[Tag], tag: str, prefix: str) -> list[tuple[str, str]]:
    """(anchor, text) of every caption in document order; each caption gets its anchor. A
    table's caption also names it for the pages it continues on ("Tabel 3.2 (lanjutan)", in the
    page's top margin: styles.scss), until a mark after the table clears that name."""
    entries = []
    for article in articles:
        for caption in article.find_all(tag):
            title = caption.select_one(".lkj-tabel__judul") or caption  # without the lines under a title
            text = title.get_text(" ", strip=True)
            number = re.match(r"^\w+ ([\w.]+)", text)
            if tag == "caption" and not re.match(r"^Tabel [\w]+\.\d+", text):
                continue  # an unnumbered table (the index of required contents): not in the Daftar Tabel
            anchor = f"{prefix}-{number.group(1).replace('.', '-')}" if number else f"{prefix}-{len(entries) + 1}"
            caption["id"] = anchor
            entries.append((anchor, text))
            if tag == "caption" and number:
                caption["data-lanjutan"] = f"{number.group(0)} (lanjutan)"
                caption.find_parent("table").insert_after(soup.new_tag("div", attrs={"class": "lkj-tabel-selesai"}))
    return entries


def _list_article(soup: BeautifulSoup, anchor: str, title: str, entries: list[tuple[str, str]]) -> Tag:
    article = soup.new_tag("article", attrs={"id": anchor, "class": "lkj-daftar-isi"})
    heading = soup.new_tag("h1", attrs={"id": f"{anchor}-judul"})
    heading.string = title
    article.append(heading)
    items = soup.new_tag("ul")
    for target, text in entries:
        items.append(_entry(soup, target, text))
    article.append(items)
    return article


def _entry(soup: BeautifulSoup, target: str, text: str, css_class: str | None = None) -> Tag:
    """`<li><a href="#target">text</a></li>`: a line of a list whose page number CSS adds."""
    item = soup.new_tag("li", attrs={"class": [css_class]} if css_class else {})
    link = soup.new_tag("a", href=f"#{target}")
    link.string = text
    item.append(link)
    return item


def _complete_toc(soup: BeautifulSoup, toc: Tag, front: list[Tag], lists: list[Tag]) -> None:
    """Mark front matter entries (numbered in roman) and list Daftar Isi/Tabel/Gambar too."""
    top = toc.find("ul")
    front_ids = {h1.get("id") for article in front for h1 in article.find_all("h1")}
    last_front = None
    for item in top.find_all("li", recursive=False):
        link = item.find("a")
        if link and link.get("href", "").lstrip("#") in front_ids:
            item["class"] = [FRONT_MATTER_CLASS]
            last_front = item
    toc_heading = toc.find("h1")
    toc_heading["id"] = "doc-toc-judul"
    extra = [("doc-toc-judul", toc_heading.get_text(strip=True))] + [(a.h1["id"], a.h1.get_text()) for a in lists]
    for target, text in reversed(extra):
        item = _entry(soup, target, text, FRONT_MATTER_CLASS)
        if last_front is not None:
            last_front.insert_after(item)
        else:
            top.insert(0, item)
