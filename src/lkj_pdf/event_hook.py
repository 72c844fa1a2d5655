"""mkdocs-with-pdf's documented event hooks (the project's `pdf_event_hook.py` hands them over).

- `inject_link`, for each website page after the plugin took its copy for the PDF: the
  PDF's download links, on the website only (a box on the home page, a link in every footer);
- `pre_pdf_render`, on the combined document before it is rendered: the layout of the
  submitted report (`document.prepare`).
"""

from bs4 import BeautifulSoup

from lkj import html

from . import document, writer


def pre_pdf_render(soup: BeautifulSoup, logger) -> BeautifulSoup:
    return document.prepare(soup, writer.current().metadata)


def inject_link(page_html: str, href: str, page, logger) -> str:
    soup = BeautifulSoup(page_html, "html.parser")
    footer = soup.select_one(".md-footer-meta__inner")
    if footer is not None:
        footer.append(BeautifulSoup(html.pdf_footer_link(href), "html.parser"))
    heading = soup.select_one("article h1")
    if page.is_homepage and heading is not None:
        heading.insert_after(BeautifulSoup(html.pdf_download_box(href), "html.parser"))
    return str(soup)
