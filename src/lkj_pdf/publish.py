"""Publish the PDF's size and SHA-256 next to its links on the website.

Anyone can then check that the file the office submitted is the one published:
`sha256sum -c lkj-….pdf.sha256` beside the PDF, or compare the hash on the home page.
"""

import hashlib
from pathlib import Path

from lkj import fmt, html


def describe(pdf: Path) -> tuple[int, str]:
    data = pdf.read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()


def publish(site_dir: Path, pdf: Path) -> None:
    """Fill the placeholders left in the site's pages and write `<pdf>.sha256` beside the PDF."""
    size, digest = describe(pdf)
    info = html.pdf_info(fmt.ukuran_berkas(size), digest)
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if html.PDF_INFO_PLACEHOLDER in text:
            page.write_text(text.replace(html.PDF_INFO_PLACEHOLDER, info), encoding="utf-8")
    pdf.with_name(pdf.name + ".sha256").write_text(f"{digest}  {pdf.name}\n", encoding="utf-8")
