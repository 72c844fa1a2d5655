"""What the chapters' blocks add to the site beside their HTML, for one build.

A numbered table gets an anchor (`tabel-3-2`) and its downloads (CSV, CSV for Indonesian
Excel, XLSX of exactly what it shows); a chart gets its SVG (`gambar/gambar-3-1.svg`) and its
data table with the same downloads; the home page's summary links each figure to its table.
The files are kept in memory while the pages render and written into the site at the end
(`write`), before the PDF is made from the pages: nothing is written into docs/ or data/.
"""

import re
from dataclasses import replace
from functools import cache as once
from pathlib import Path

from markupsafe import Markup

from lkj import cache, charts, draw, export, html, provenance, summary
from lkj.tables import Table

from . import freshness

DOWNLOADS = "unduh"
CHARTS = "gambar"
WORDS = ("visi", "misi", "misi_utama", "judul_gambar")  # inline macros that give words, not figures
PLACEHOLDER = "#lkj-tautan-"  # a summary figure's link until the page of its table is known
LKJ = Path(draw.__file__).resolve().parent  # the domain package: the code that draws and writes


class Published:
    def __init__(self, report, changes: dict, about: bool):
        self.report = report
        self.changes = changes  # path -> date of its last commit (`freshness.last_changes`)
        self.about = about  # the report has the page "Tentang Data Ini"
        self.files: dict[str, bytes] = {}  # path in the site -> content
        self.places: dict[str, str] = {}  # macro name -> "bab-3/#tabel-3-1", its first table
        self.page_sources: dict[str, list[str]] = {}  # page URL -> data files its macros read

    def record(self, page_url: str, name: str) -> tuple[str, ...]:
        """Macro `name` ran on the page: its data files are among the page's sources."""
        files = provenance.sources(name, self.report.data.raw)
        known = self.page_sources.setdefault(page_url, [])
        known += [f for f in files if f not in known]
        return files

    def inline(self, env, name: str, result) -> Markup:
        """HTML of an inline macro's result (inert text); records its sources. A figure is
        marked with the macro that made it, for `lkj diff` to say which figure moved."""
        self.record(env.page.url, name)
        if name in WORDS:
            return html.text(result)
        return html.figure_text(name, result)

    def present(self, env, name: str, block) -> Markup:
        """HTML of a block macro's result on the page being rendered; records what it adds."""
        page_url = env.page.url
        files = self.record(page_url, name)
        up = "../" * page_url.count("/")
        source = f"{provenance.sentence(files)} ({self.report.settings.judul_dokumen})"
        if isinstance(block, Table) and block.caption:
            anchor = anchor_of(block.caption)
            self.places.setdefault(name, f"{page_url}#{anchor}")
            return html.table(block, anchor, self._downloads(anchor, export.sheet(block, source), up))
        if isinstance(block, charts.Chart):
            anchor = anchor_of(block.caption)
            self.places.setdefault(name, f"{page_url}#{anchor}")
            self.files[f"{CHARTS}/{anchor}.svg"] = drawn(block)
            data_table = replace(block.table, label=f"Data {block.caption}")
            links = self._downloads(f"{anchor}-data", export.sheet(block.table, source, block.caption), up)
            return html.figure(
                block.caption, anchor, f"{up}{CHARTS}/{anchor}.svg", block.alt, html.table(data_table), links
            )
        if isinstance(block, summary.Summary):
            return html.summary(block, {figure.table: PLACEHOLDER + figure.table for figure in block.figures})
        return html.render(block)

    def _downloads(self, stem: str, sheet: export.Sheet, up: str) -> Markup:
        self.files.update(download_files(stem, sheet))
        return download_links(stem, sheet, up)

    def provenance(self, page) -> Markup:
        """The line under a rendered page: when it or its data last changed, the years, its sources."""
        sources = self.page_sources.get(page.url, [])
        paths = [f"docs/{page.file.src_uri}", *(f"data/{file}" for file in sources)]
        settings = self.report.settings
        period = f"Kinerja {settings.periode_kinerja}, LKj Tahun {settings.tahun}"
        where = provenance.sentence(sources) if sources else "Halaman ini tidak memuat angka dari data"
        about = "../" * page.url.count("/") + "tentang-data/" if self.about else None
        return html.provenance(about, freshness.line(paths, self.changes), period, where)

    def write(self, site_dir: Path) -> None:
        """The files into the site, and the summary's links to the tables' pages."""
        for path, content in sorted(self.files.items()):
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        index = site_dir / "index.html"
        if index.is_file():
            page = index.read_text(encoding="utf-8")
            if PLACEHOLDER in page:
                index.write_text(self._resolve(page), encoding="utf-8")

    def _resolve(self, page: str) -> str:
        def link(found: re.Match) -> str:
            return self.places.get(found.group(1), "#")

        return re.sub(re.escape(PLACEHOLDER) + r"([a-z_]+)", link, page)


def download_files(stem: str, sheet: export.Sheet) -> dict[str, bytes]:
    """A table's downloads, by their path in the site: CSV, CSV for Indonesian Excel, XLSX."""
    return {
        f"{DOWNLOADS}/{stem}.csv": export.to_csv(sheet),
        f"{DOWNLOADS}/{stem}-excel-id.csv": export.to_csv(sheet, excel_id=True),
        f"{DOWNLOADS}/{stem}.xlsx": _xlsx(sheet),
    }


def download_links(stem: str, sheet: export.Sheet, up: str) -> Markup:
    """The links under a table to its downloads (`up`: from the page to the site's root)."""
    links = (
        ("CSV", f"{up}{DOWNLOADS}/{stem}.csv"),
        ("CSV (Excel Indonesia)", f"{up}{DOWNLOADS}/{stem}-excel-id.csv"),
        ("XLSX", f"{up}{DOWNLOADS}/{stem}.xlsx"),
    )
    return html.downloads(links, sheet.source)


def anchor_of(caption: str) -> str:
    """`Tabel 3.2 ...` -> `tabel-3-2`."""
    found = re.match(r"(Tabel|Gambar) ([0-9A-Za-z]+)\.([0-9]+) ", caption)
    if not found:
        raise ValueError(f"judul tanpa nomor: {caption!r}")
    return f"{found.group(1).lower()}-{found.group(2).lower()}-{found.group(3)}"


def drawn(chart: charts.Chart) -> bytes:
    """The chart drawn (matplotlib, a few tenths of a second), or as drawn before from the same model."""
    return cache.remembered("gambar", [*_code("matplotlib"), repr(chart)], lambda: draw.svg(chart))


def _xlsx(sheet: export.Sheet) -> bytes:
    """The workbook (openpyxl), or as written before from the same sheet."""
    return cache.remembered("unduhan", [*_code("openpyxl"), repr(sheet)], lambda: export.to_xlsx(sheet))


@once
def _code(library: str) -> tuple:
    """What a drawing or a workbook depends on besides its model: the library and our code."""
    return (*cache.versions(library), *cache.sources(LKJ))
