"""mkdocs-with-pdf's documented event hooks (the project's `pdf_event_hook.py` hands them over).

- `pre_pdf_render`, on the combined document before it is rendered: the layout of the
  submitted report (`document.prepare`);
- `inject_link` leaves each page as it is: the download links are already in the website's
  pages (`publish.add_links`, from the plugin), and without this hook mkdocs-with-pdf would add
  its own English "download PDF" link.
"""

from bs4 import BeautifulSoup

from . import document, writer


def pre_pdf_render(soup: BeautifulSoup, logger) -> BeautifulSoup:
    return document.prepare(soup, writer.current().metadata)


def inject_link(page_html: str, href: str, page, logger) -> str:
    return page_html
