"""The PDF's download links on the website (mkdocs-with-pdf's `inject_link` event).

mkdocs-with-pdf calls `inject_link` for each website page after taking its own copy for
the PDF: what is added here shows on the website only (a box on the home page, a link in
every footer). The project's `pdf_event_hook.py` hands this function to the plugin.
"""

from bs4 import BeautifulSoup

from . import publish


def inject_link(html: str, href: str, page, logger) -> str:
    soup = BeautifulSoup(html, "html.parser")
    info = BeautifulSoup(publish.PLACEHOLDER, "html.parser")  # size and SHA-256, filled in after the build
    footer = soup.select_one(".md-footer-meta__inner")
    if footer is not None:
        link = soup.new_tag("a", href=href, download=None, **{"class": "lkj-footer-pdf"})
        link.string = "Unduh PDF laporan"
        footer.append(link)
    heading = soup.select_one("article h1")
    if page.is_homepage and heading is not None:
        box = BeautifulSoup(
            '<div class="lkj-unduh"><p><strong>Dokumen resmi (PDF):</strong> '
            f'<a href="{href}" download>Unduh Laporan Kinerja lengkap</a><br></p></div>',
            "html.parser",
        )
        box.p.append(info)
        heading.insert_after(box)
    return str(soup)
