"""mkdocs-with-pdf's documented event hooks (the project's `pdf_event_hook.py` hands them over).

- `inject_link`, for each website page after the plugin took its copy for the PDF: the
  PDF's download links, on the website only (a box on the home page, a link in every footer);
- `pre_pdf_render`, on the combined document before it is rendered: the layout of the
  submitted report (`document.prepare`).
"""

from bs4 import BeautifulSoup

from . import document, publish, writer


def pre_pdf_render(soup: BeautifulSoup, logger) -> BeautifulSoup:
    return document.prepare(soup, writer.current().metadata)


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
