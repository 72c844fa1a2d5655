"""mkdocs-with-pdf event hook (the plugin imports this file from the working directory).

`inject_link` receives each website page after the plugin has taken its copy for the
PDF, so what it adds shows on the website only: a download box on the home page and a
link in every page's footer, in Indonesian (the plugin's default says "download PDF").
`pre_pdf_render` receives the combined document just before WeasyPrint renders it.
"""

from pathlib import Path

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


FONTS = Path(__file__).resolve().parent / "pdf" / "fonts"
# family used in pdf/templates/styles.scss -> (file, weight, style)
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


def font_faces() -> str:
    """@font-face rules for the fonts shipped in pdf/fonts (absolute file URLs)."""
    rules = []
    for family, files in FONT_FILES.items():
        for name, weight, style in files:
            path = FONTS / name
            if not path.is_file():
                raise FileNotFoundError(f"font PDF tidak ditemukan: {path}")
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)


def pre_pdf_render(soup, logger):
    """Make the PDF use the fonts in the repository, not whatever the machine has."""
    style = soup.new_tag("style")
    style.string = font_faces()
    soup.head.insert(0, style)
    return soup
