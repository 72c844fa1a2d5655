"""The real report's website in a real browser: Debian's Chromium driven by Playwright (no
browser is downloaded), the site served over HTTP from 127.0.0.1 as a static host serves it.

Every page loads with no console error and asks nothing of another host; nothing overflows a
390 px phone; the Indonesian search finds every page with the word or a form of it; every link
of the site, the PDF and every download answer 200; and axe-core (the copy pinned inside the
axe-playwright-python package) reports no violation on any page at 1280 and 390 px, in the
light and the dark scheme.
"""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.html import parse
from tests.sites import chromium, served

PAGES = [
    "",
    "kata-pengantar/",
    "ikhtisar/",
    "bab-1/",
    "bab-2/",
    "bab-3/",
    "bab-4/",
    "lampiran/",
    "data-terbuka/",
    "tentang-data/",
    "cari.html",
    "cari.html?q=pelatihan",
    "404.html",
]
# Each query and the word forms a reader expects it to find (the pages holding one must come back).
QUERIES = {
    "penyediaan": r"penyediaan",
    "pemberdayaan": r"pemberdayaan",
    "latih": r"latih|pelatihan|dilatih|melatih|pelatih",
    "tempat": r"tempat|penempatan|ditempatkan|menempatkan",
    "anggaran": r"anggaran",
    "kecelakaan": r"kecelakaan",
    "dilatih": r"latih|pelatihan|dilatih|melatih|pelatih",
    "penempatan": r"tempat|penempatan|ditempatkan|menempatkan",
    "sediakan": r"penyediaan|menyediakan|disediakan|sediakan",
}
NOT_SEARCHED = ".headerlink, .lkj-asal, .lkj-unduh-tabel"  # as lkj_site/search.py leaves them out


@pytest.fixture(scope="module")
def base(built_site):
    with served(built_site) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


def visit(browser, url: str, width: int = 1280, scheme: str = "light"):
    """A fresh page at `url`, with what it logged and requested."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.errors, page.requested = [], []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requested.append(request.url))
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def test_every_page_loads_with_no_error_and_asks_nothing_of_another_host(browser, base):
    for path in PAGES:
        page = visit(browser, base + path)
        assert page.errors == [], path
        outside = [url for url in page.requested if not url.startswith(base) and not url.startswith("data:")]
        assert outside == [], path
        page.context.close()


def test_nothing_overflows_a_phone(browser, base):
    for path in PAGES:
        page = visit(browser, base + path, width=390)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
        page.context.close()


def search(page, base: str, query: str) -> set[str]:
    """The pages the search page lists for `query`, as a reader gets them."""
    page.goto(f"{base}cari.html?q={query}")
    page.wait_for_function("/^(Ditemukan|Tidak ada)/.test(document.getElementById('lkj-cari-status').textContent)")
    links = page.eval_on_selector_all("#lkj-cari-hasil > li > a", "links => links.map(link => link.href)")
    return {urlsplit(link).path for link in links}


def holding(built_site, forms: str) -> set[str]:
    """The pages whose text (as the search indexes it) holds one of the word forms."""
    found = set()
    for path in PAGES:
        if path.startswith(("cari", "404")):
            continue
        page = parse((built_site / path / "index.html").read_text(encoding="utf-8"))
        article = page.select_one("article")
        for skipped in article.select(NOT_SEARCHED):
            skipped.decompose()
        if re.search(rf"\b({forms})\b", article.get_text(" "), re.IGNORECASE):
            found.add("/" + path)
    return found


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_the_search_finds_every_page_with_the_word_or_its_forms(browser, base, built_site, query):
    page = visit(browser, base + "cari.html")
    expected = holding(built_site, QUERIES[query])
    assert expected, query  # the report holds the word: the test cannot pass on an empty set
    assert search(page, base, query) >= expected
    page.context.close()


def test_the_search_page_is_in_indonesian_and_links_its_results(browser, base):
    page = visit(browser, base + "cari.html?q=pelatihan")
    page.wait_for_function("document.getElementById('lkj-cari-status').textContent.startsWith('Ditemukan')")
    assert page.inner_text("label[for=lkj-cari-kata]") == "Kata yang dicari"
    assert re.fullmatch(r"Ditemukan \d+ halaman untuk “pelatihan”\.", page.inner_text("#lkj-cari-status"))
    first = page.locator("#lkj-cari-hasil > li > a").first
    assert first.inner_text().startswith("BAB ")
    first.click()
    page.wait_for_load_state()
    assert "pelatihan" in page.inner_text("article").lower()
    page.goto(base + "cari.html?q=qqqzzz")
    page.wait_for_function("document.getElementById('lkj-cari-status').textContent.startsWith('Tidak ada')")
    page.context.close()


def test_every_link_the_pdf_and_every_download_answer_200(browser, base, built_site):
    targets = set()
    for path in PAGES:
        if "?" in path:
            continue
        file = built_site / (path if path.endswith(".html") else path + "index.html")
        document = parse(file.read_text(encoding="utf-8"))
        assert document.select_one("a.lkj-footer-pdf[href$='.pdf']"), path  # "Unduh PDF" on every page
        for link in document.select("a[href]"):
            href = link["href"].split("#")[0]
            if href and not urlsplit(href).scheme and not href.startswith("/"):
                targets.add(urljoin(base + path, href))
    assert any(target.endswith(".pdf") for target in targets)
    assert sum(target.endswith(".xlsx") for target in targets) >= 8
    context = browser.new_context()
    failed = {target: context.request.get(target).status for target in sorted(targets)}
    assert {target: status for target, status in failed.items() if status != 200} == {}
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violation_on_any_page(browser, base, width, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    violations = {}
    for path in PAGES:
        page.goto(base + path)
        if "q=" in path:
            page.wait_for_function(
                "/^(Ditemukan|Tidak ada)/.test(document.getElementById('lkj-cari-status').textContent)"
            )
        found = axe.run(page).response["violations"]
        if found:
            violations[path] = [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in found]
    context.close()
    assert violations == {}
