"""The PDF on the website: its download links, its size and SHA-256 next to them.

Anyone can then check that the file the office submitted is the one published:
`sha256sum -c lkj-….pdf.sha256` beside the PDF, or compare the hash on the home page.
"""

import hashlib
import posixpath
from pathlib import Path

from lkj import fmt, hasil, html

# Where the links go, in the page as MkDocs and Material write it: the footer's first line,
# and (home page) after the page's heading. A page without these marks gets no link.
FOOTER = '<div class="md-footer-meta__inner md-grid">'
HEADING_END = "</h1>"


def add_links(page_html: str, pdf_uri: str, page_uri: str, is_homepage: bool, root: str = "") -> str:
    """The page with a link to the PDF in its footer and, on the home page, a download box.

    `pdf_uri` and `page_uri` are relative to the site ("pdf/lkj.pdf", "bab-1/index.html");
    `root` ("/lkj/"), where given, makes the link absolute (the 404 page, shown at any address).
    Inserted as text at two fixed marks: no page is parsed for it.
    """
    href = posixpath.join(root, pdf_uri) if root else posixpath.relpath(pdf_uri, posixpath.dirname(page_uri) or ".")
    footer = page_html.find(FOOTER)
    if footer >= 0:
        end = footer + len(FOOTER)
        page_html = page_html[:end] + str(html.pdf_footer_link(href)) + page_html[end:]
    article = page_html.find("<article")
    heading = page_html.find(HEADING_END, article) if is_homepage and article >= 0 else -1
    if heading >= 0:
        end = heading + len(HEADING_END)
        page_html = page_html[:end] + str(html.pdf_download_box(href)) + page_html[end:]
    return page_html


def describe(pdf: Path) -> tuple[int, str]:
    data = pdf.read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()


def publish(site_dir: Path, pdf: Path, signature=None) -> None:
    """Fill the placeholders left in the site's pages and write `<pdf>.sha256` beside the PDF;
    a signed PDF says by whom and when (`signing.Signature`), its hash the signed file's."""
    size, digest = describe(pdf)
    signed = f"{signature.signer}, {signature.time}" if signature else None
    info = html.pdf_info(fmt.ukuran_berkas(size), digest, signed)
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if html.PDF_INFO_PLACEHOLDER in text:
            page.write_text(text.replace(html.PDF_INFO_PLACEHOLDER, info), encoding="utf-8")
    pdf.with_name(pdf.name + ".sha256").write_text(f"{digest}  {pdf.name}\n", encoding="utf-8")
    results = site_dir / "data" / hasil.FILE  # the report's results name the PDF: now its SHA-256 too
    if results.is_file():
        results.write_bytes(hasil.with_pdf(results.read_bytes(), digest))
