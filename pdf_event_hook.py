"""mkdocs-with-pdf event hook (the plugin imports this file from the working directory).

`inject_link` receives each website page after the plugin has taken its copy for the
PDF, so what it adds shows on the website only: a download box on the home page and a
link in every page's footer, in Indonesian (the plugin's default says "download PDF").
"""

from bs4 import BeautifulSoup


def inject_link(html: str, href: str, page, logger) -> str:
    soup = BeautifulSoup(html, "html.parser")
    footer = soup.select_one(".md-footer-meta__inner")
    if footer is not None:
        link = soup.new_tag("a", href=href, download=None, **{"class": "lkj-footer-pdf"})
        link.string = "Unduh PDF laporan"
        footer.append(link)
    heading = soup.select_one("article h1")
    if page.is_homepage and heading is not None:
        box = BeautifulSoup(
            '<div class="lkj-unduh"><p><strong>Dokumen resmi (PDF):</strong> '
            f'<a href="{href}" download>Unduh Laporan Kinerja lengkap</a></p></div>',
            "html.parser",
        )
        heading.insert_after(box)
    return str(soup)
