"""The real report's website in a real browser: Debian's Chromium driven by Playwright (no
browser is downloaded), the site served over HTTP from 127.0.0.1 as a static host serves it.

Every page loads with no console error and asks nothing of another host; nothing overflows a
390 px phone; the Indonesian search finds every page with the word or a form of it, and what it
loads is there; every link of the site, the PDF and every download answer 200; and axe-core (the
copy pinned inside the axe-playwright-python package) reports no violation on any page at 1280
and 390 px, in the light and the dark scheme.

Each page is loaded once and seen in every view (`visits`): laid out again at the other width, and
switched to the other scheme with the header's toggle, as a reader does; everything asked of a
view is taken then. A page load costs as much as an axe run.
"""

import re
from dataclasses import dataclass
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


VIEWS = [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")]
ORDER = [(1280, "light"), (1280, "dark"), (390, "dark"), (390, "light")]  # one change at a time, back to light
SEARCH_DONE = "/^(Ditemukan|Tidak ada)/.test(document.getElementById('lkj-cari-status').textContent)"
SCHEMES = {"light": ("default", "__palette_0"), "dark": ("slate", "__palette_1")}  # Material's palettes


@dataclass
class Visit:
    errors: list  # console errors and uncaught exceptions
    requested: list  # every URL the page asked for
    width: int  # the document's width, in CSS pixels
    violations: list  # axe's findings: (rule, the first nodes)


class Watched:
    """A page whose console errors and requests are collected per visit."""

    def __init__(self, context):
        self.page = context.new_page()
        self.errors, self.requested, self.failed = [], [], []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requested.append(request.url))
        self.page.on("response", lambda response: response.status >= 400 and self.failed.append(response.url))

    def visit(self, url: str) -> None:
        self.errors, self.requested = [], []
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        if "q=" in url:
            self.page.wait_for_function(SEARCH_DONE)

    def view(self, width: int, scheme: str) -> None:
        """The loaded page at another width (laid out again) or in the other scheme, switched with
        the header's toggle as a reader switches it (Material keeps the choice for the next page)."""
        self.page.set_viewport_size({"width": width, "height": 900})
        name, toggle = SCHEMES[scheme]
        if self.page.evaluate("document.body.getAttribute('data-md-color-scheme')") != name:
            self.page.locator(f"label[for='{toggle}']").click()
        self.page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{name}'")

    def axe(self) -> list:
        found = self.page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
        return [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in found]


def context_for(browser, width: int = 1280, scheme: str = "light"):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    context.add_init_script(Axe().axe_script)  # in every page before its own scripts: axe.run() at hand
    return context


@pytest.fixture(scope="module")
def visits(browser, base) -> dict[tuple[int, str, str], Visit]:
    """Every page loaded once and seen in every view: each width, each scheme (a page load costs
    as much as an axe run; what differs between views is only the layout and the colours)."""
    found = {}
    context = context_for(browser)
    watched = Watched(context)
    for path in PAGES:
        watched.visit(base + path)
        for width, scheme in ORDER:
            watched.view(width, scheme)
            found[(width, scheme, path)] = Visit(
                list(watched.errors),
                list(watched.requested),
                watched.page.evaluate("document.documentElement.scrollWidth"),
                watched.axe(),
            )
    context.close()
    return found


def test_every_page_loads_with_no_error_and_asks_nothing_of_another_host(visits, base):
    assert len(visits) == len(VIEWS) * len(PAGES)
    for (width, scheme, path), visit in visits.items():
        assert visit.errors == [], (width, scheme, path)
        outside = [url for url in visit.requested if not url.startswith(base) and not url.startswith("data:")]
        assert outside == [], (width, scheme, path)


def test_nothing_overflows_a_phone(visits):
    phone = {key: visit.width for key, visit in visits.items() if key[0] == 390}
    assert phone and {key: width for key, width in phone.items() if width > 390} == {}


@pytest.mark.parametrize("width, scheme", VIEWS)
def test_axe_finds_no_violation_on_any_page(visits, width, scheme):
    violations = {path: visits[(width, scheme, path)].violations for path in PAGES}
    assert {path: found for path, found in violations.items() if found} == {}


@pytest.fixture(scope="module")
def searcher(browser, base):
    context = context_for(browser)
    watched = Watched(context)
    watched.visit(base + "cari.html")
    yield watched
    context.close()


def search(watched: Watched, query: str) -> set[str]:
    """The pages the search page lists for `query`, as a reader gets them: typed into the search box."""
    page = watched.page
    page.fill("#lkj-cari-kata", query)
    page.press("#lkj-cari-kata", "Enter")
    page.wait_for_function(
        "query => document.getElementById('lkj-cari-status').textContent.includes('“' + query + '”')", arg=query
    )
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
def test_the_search_finds_every_page_with_the_word_or_its_forms(searcher, built_site, query):
    expected = holding(built_site, QUERIES[query])
    assert expected, query  # the report holds the word: the test cannot pass on an empty set
    assert search(searcher, query) >= expected
    assert searcher.errors == [] and searcher.failed == []  # every file of the index it asked for is there


def test_the_search_loads_only_files_of_the_site_and_all_of_them_exist(searcher):
    search(searcher, "pelatihan")
    loaded = {urlsplit(url).path for url in searcher.requested}
    assert {"/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", "/pagefind/wasm.id.pagefind"} <= loaded
    assert any(path.endswith(".pf_fragment") for path in loaded) and any(path.endswith(".pf_index") for path in loaded)
    assert searcher.failed == []


def test_the_search_page_is_in_indonesian_and_links_its_results(searcher, base):
    page = searcher.page
    searcher.visit(base + "cari.html?q=pelatihan")  # as the header's search link opens it
    assert page.inner_text("label[for=lkj-cari-kata]") == "Kata yang dicari"
    assert re.fullmatch(r"Ditemukan \d+ halaman untuk “pelatihan”\.", page.inner_text("#lkj-cari-status"))
    first = page.locator("#lkj-cari-hasil > li > a").first
    assert first.inner_text().startswith("BAB ")
    first.click()
    page.wait_for_load_state()
    assert "pelatihan" in page.inner_text("article").lower()
    searcher.visit(base + "cari.html?q=qqqzzz")
    assert page.inner_text("#lkj-cari-status").startswith("Tidak ada")
    searcher.visit(base + "cari.html")  # where the other tests type their words


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
