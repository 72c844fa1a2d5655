"""mkdocs-with-pdf's event hook: it imports this file by its name, from the project root.

It calls `inject_link` for each website page, after taking its own copy for the PDF:
what it adds shows on the website only (a download box on the home page, a link in
every footer). The rest of the PDF is in the `lkj_pdf` package, wired in by `hooks.py`.
"""

from bs4 import BeautifulSoup

from lkj_pdf import publish


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
