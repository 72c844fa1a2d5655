"""The portal's own pages, as Markdown with the toolkit's HTML blocks (`lkj/html.py`): the home page
(the regency's totals per year, and every report side by side), a page per office (its years,
and their trend as charts), and the status of every build. Every table downloads as CSV and
XLSX, every chart is an SVG with its data table, as in the reports. Every figure comes from the
reports' own `hasil.json` (`results.py`); text from them is made inert by `lkj/html.py`.
"""

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup

from lkj import charts, export, fmt, html
from lkj.tables import Cell, Row, Table, number, percent

from ..builder.published import anchor_of, download_files, download_links, drawn
from .results import Result, serapan
from .workspace import Portal

STATUS_WORDS = {"dibangun": "dibangun", "tetap": "tidak berubah", "gagal": "GAGAL"}
SOURCE = "Sumber: data/hasil.json setiap laporan"


@dataclass
class Pages:
    docs: dict[str, str] = field(default_factory=dict)  # path in docs/ -> Markdown
    files: dict[str, bytes] = field(default_factory=dict)  # path in the site -> content (charts, downloads)
    nav: list[dict] = field(default_factory=list)


def make(portal: Portal, results: list[Result]) -> Pages:
    pages = Pages()
    offices = _offices(results)
    pages.docs["index.md"] = _home(portal, results, offices, pages)
    pages.nav.append({"Beranda": "index.md"})
    office_nav = []
    for kantor, mine in offices.items():
        path = f"kantor/{kantor}.md"
        pages.docs[path] = _office(portal, kantor, mine, pages)
        office_nav.append({str(html.text(_name(mine))): path})  # the theme puts nav titles in as they are
    if office_nav:
        pages.nav.append({"Perangkat Daerah": office_nav})
    pages.docs["status.md"] = _status(results, pages)
    pages.nav.append({"Status Build": "status.md"})
    return pages


def _offices(results: list[Result]) -> dict[str, list[Result]]:
    offices: dict[str, list[Result]] = {}
    for result in results:
        offices.setdefault(result.entry.kantor, []).append(result)
    return offices


def _name(mine: list[Result]) -> str:
    named = [result.name for result in mine if result.hasil]
    return named[-1] if named else mine[-1].name


def _front(title: str) -> str:
    """The page's front matter. The theme puts the title in `<title>` as it is, or (a page without
    one) through `striptags`, which turns character references back into `<`, `>` and `&`: those
    three are left out of it, so that no data can ever close `<title>`."""
    return f"---\ntitle: {json.dumps(str(html.text(re.sub(r'[<>&]', '', title))))}\n---\n\n"


def _block(pages: Pages, model: Table, page: str, up: str) -> str:
    """A numbered table, its downloads named after its page (`beranda-tabel-1-2.csv`)."""
    anchor = anchor_of(model.caption)
    stem = f"{page}-{anchor}"
    sheet = export.sheet(model, SOURCE)
    pages.files.update(download_files(stem, sheet))
    return "\n\n" + str(html.table(model, anchor, download_links(stem, sheet, up))) + "\n\n"


def _met(result: Result) -> str:
    met, measurable, total = result.measured()
    text = f"{met} dari {measurable}"
    return text + (f" ({total - measurable} belum dapat diukur)" if total > measurable else "")


def _home(portal: Portal, results: list[Result], offices: dict, pages: Pages) -> str:
    built = [result for result in results if result.hasil]
    failed = [result for result in results if result.outcome.failed]
    years = sorted({result.entry.tahun for result in built})
    text = _front("Beranda") + f"# {html.text(portal.judul)}\n\n"
    text += (
        f"Laporan Kinerja (LKj) {len(offices)} perangkat daerah {html.text(portal.daerah)}, "
        f"{len(built)} laporan. Setiap angka di halaman ini berasal dari hasil yang dihitung setiap laporan "
        "sendiri; buka laporannya untuk tabel asalnya.\n"
    )
    if failed:
        text += f'\n!!! warning "{len(failed)} laporan gagal dibangun"\n    Lihat [Status Build](status.md).\n'
    head = [Row([Cell("Tahun LKj"), Cell("Laporan"), Cell("IKU tercapai"), Cell("Pagu (Rp)"),
                 Cell("Realisasi (Rp)"), Cell("Serapan (%)")])]  # fmt: skip
    body = []
    for year in years:
        mine = [result for result in built if result.entry.tahun == year]
        counts = [result.measured() for result in mine]
        pagu = sum((result.total("pagu") or Decimal(0)) for result in mine)
        realisasi = sum((result.total("realisasi") or Decimal(0)) for result in mine)
        body.append(Row([
            Cell(str(year)), number(len(mine)), Cell(f"{sum(c[0] for c in counts)} dari {sum(c[1] for c in counts)}"),
            number(int(pagu)), number(int(realisasi)), percent(serapan(pagu, realisasi)),
        ]))  # fmt: skip
    totals = Table("Tabel 1.1 Jumlah Semua Perangkat Daerah per Tahun", head, body, kind="portal-jumlah", row_header=0)
    text += _block(pages, totals, "beranda", "")
    head = [Row([Cell("Perangkat Daerah"), Cell("Tahun LKj"), Cell("IKU tercapai"), Cell("Serapan (%)"),
                 Cell("Pagu (Rp)"), Cell("Realisasi (Rp)"), Cell("Laporan"), Cell("PDF")])]  # fmt: skip
    body = []
    for kantor, mine in offices.items():
        for result in mine:
            if not result.hasil:
                body.append(Row([Cell(_name(mine), link=f"kantor/{kantor}/"), Cell(str(result.entry.tahun)),
                                 Cell("belum terbit"), Cell("–", numeric=True), Cell("–", numeric=True),
                                 Cell("–", numeric=True), Cell("–"), Cell("–")]))  # fmt: skip
                continue
            body.append(Row([
                Cell(_name(mine), link=f"kantor/{kantor}/"), Cell(str(result.entry.tahun)), Cell(_met(result)),
                percent(result.total("serapan")), number(int(result.total("pagu") or 0)),
                number(int(result.total("realisasi") or 0)),
                Cell("Situs", link=result.url), Cell("PDF", href=result.pdf) if result.pdf else Cell("–"),
            ]))  # fmt: skip
    reports = Table("Tabel 1.2 Laporan Setiap Perangkat Daerah", head, body, kind="portal lkj-urut", row_header=0)
    text += '\n<p class="lkj-saring" hidden><label for="lkj-saring-1-2">Saring baris</label> '
    text += '<input id="lkj-saring-1-2" type="search" data-lkj-saring-tabel="tabel-1-2" '
    text += 'placeholder="nama perangkat daerah atau tahun"></p>\n'
    text += _block(pages, reports, "beranda", "")
    text += (
        "\nTabel dapat diurutkan dengan mengeklik judul kolomnya dan disaring dengan kotak di atasnya "
        '(bila JavaScript aktif). Semua laporan dapat dicari sekaligus di halaman <a href="cari.html">Cari</a>; '
        "data semua laporan untuk portal data ada di katalog "
        '<a href="catalog.jsonld">catalog.jsonld</a> (DCAT).\n'
    )
    return text


def _office(portal: Portal, kantor: str, mine: list[Result], pages: Pages) -> str:
    name = _name(mine)
    built = [result for result in mine if result.hasil]
    text = _front(name) + f"# {html.text(name)}\n\n"
    text += f"Laporan Kinerja {html.text(name)} {html.text(portal.daerah)}, {len(built)} tahun.\n"
    head = [Row([Cell("Tahun LKj"), Cell("Kinerja"), Cell("IKU tercapai"), Cell("Serapan (%)"),
                 Cell("Laporan"), Cell("PDF")])]  # fmt: skip
    body = [
        Row([
            Cell(str(result.entry.tahun)),
            Cell(f"{result.hasil['laporan']['periode']} {result.hasil['laporan']['tahun_kinerja']}"),
            Cell(_met(result)), percent(result.total("serapan")),
            Cell("Situs", link=f"../../{result.url}"),
            Cell("PDF", href=f"../../{result.pdf}") if result.pdf else Cell("–"),
        ])
        for result in built
    ]  # fmt: skip
    years = Table("Tabel 1.1 Laporan per Tahun", head, body, kind="portal", row_header=0)
    text += _block(pages, years, f"kantor-{kantor}", "../../")
    text += _trend(kantor, built, pages)
    return text


def _trend(kantor: str, built: list[Result], pages: Pages) -> str:
    """Serapan per year, and the capaian of each indikator whose kode persists over the years."""
    if len(built) < 2:
        return "\nTren antartahun tampil bila ada laporan dua tahun atau lebih.\n"
    text = ""
    labels = [str(result.hasil["laporan"]["tahun_kinerja"]) for result in built]
    points = [
        charts.Bar(label, result.total("serapan"), fmt.persen_tanda(result.total("serapan")))
        for label, result in zip(labels, built, strict=True)
    ]
    head = [Row([Cell("Tahun kinerja"), Cell("Serapan (%)")])]
    table = Table(None, head, [Row([Cell(bar.label), percent(bar.value)]) for bar in points], row_header=0)
    serapan_chart = charts.Chart(
        "Gambar 1.1 Serapan Anggaran per Tahun", "garis", (charts.Series("Serapan", tuple(points)),), "%",
        f"Grafik garis serapan anggaran {len(points)} tahun: " + ", ".join(f"{b.label} {b.text}" for b in points),
        table, Decimal(100),
    )  # fmt: skip
    text += _figure(kantor, serapan_chart, pages)
    codes: dict[str, dict[str, dict]] = {}
    for label, result in zip(labels, built, strict=True):
        for item in result.hasil["indikator"]:
            if item["capaian"] is not None:
                codes.setdefault(item["kode"], {})[label] = item
    persistent = {code: years for code, years in codes.items() if len(years) >= 2}
    if not persistent:
        return text + "\nTidak ada indikator dengan kode yang sama dan capaian berpersentase di dua tahun atau lebih.\n"
    series = tuple(
        charts.Series(
            f"{code} {list(years.values())[-1]['uraian']}",
            tuple(
                charts.Bar(
                    label,
                    Decimal(years[label]["capaian"]) if label in years else None,
                    fmt.persen_tanda(Decimal(years[label]["capaian"])) if label in years else fmt.DASH,
                )
                for label in labels
            ),  # fmt: skip
        )
        for code, years in persistent.items()
    )
    head = [Row([Cell("Indikator"), *(Cell(label) for label in labels)])]
    body = [Row([Cell(item.name), *(percent(bar.value) for bar in item.bars)]) for item in series]
    capaian_chart = charts.Chart(
        "Gambar 1.2 Capaian Indikator yang Ada di Setiap Tahun", "garis", series, "%",
        f"Grafik garis capaian {len(series)} indikator dengan kode yang sama selama {len(labels)} tahun.",
        Table(None, head, body, row_header=0), Decimal(100),
    )  # fmt: skip
    return text + _figure(kantor, capaian_chart, pages)


def _figure(kantor: str, chart: charts.Chart, pages: Pages) -> str:
    anchor = f"{kantor}-{anchor_of(chart.caption)}"
    pages.files[f"gambar/{anchor}.svg"] = drawn(chart)
    sheet = export.sheet(chart.table, SOURCE, chart.caption)
    pages.files.update(download_files(f"{anchor}-data", sheet))
    label = f"Data {chart.caption}"
    data_table = html.table(Table(None, chart.table.head, chart.table.body, row_header=0, label=label))
    figure = html.figure(
        chart.caption, anchor, f"../../gambar/{anchor}.svg", chart.alt, data_table,
        download_links(f"{anchor}-data", sheet, "../../"),
    )  # fmt: skip
    return "\n\n" + str(figure) + "\n\n"


def _status(results: list[Result], pages: Pages) -> str:
    text = _front("Status Build") + "# Status Build\n\n"
    failed = [result for result in results if result.outcome.failed]
    text += (
        f"{len(results)} laporan; {len(failed)} gagal dibangun. Laporan yang gagal tetap terbit dengan "
        "versi terakhir yang berhasil (bila ada); galatnya di bawah, dengan berkas, baris dan kolomnya.\n"
    )
    head = [Row([Cell("Perangkat Daerah"), Cell("Tahun LKj"), Cell("Build terakhir"), Cell("Yang terbit"),
                 Cell("Galat")])]  # fmt: skip
    body = []
    for result in results:
        errors = result.outcome.errors
        body.append(Row([
            Cell(result.name), Cell(str(result.entry.tahun)), Cell(STATUS_WORDS[result.outcome.status]),
            Cell("versi terakhir yang berhasil" if result.hasil else "belum ada"),
            Cell(errors[0] if errors else "–", items=tuple(errors[1:])),
        ]))  # fmt: skip
    table = Table("Tabel 1.1 Status Build Setiap Laporan", head, body, kind="portal", row_header=0)
    return text + _block(pages, table, "status", "../")


def filters(kantor: str, tahun: int) -> Markup:
    """What a report's page carries into the portal's search: its office and year, to label and filter
    the results (hidden from readers; `lkj_site/builder/assets/lkj-cari.js` shows them)."""
    return Markup(
        '<span class="lkj-cari-saring" data-pagefind-filter="kantor" data-pagefind-meta="kantor">{}</span>'
        '<span class="lkj-cari-saring" data-pagefind-filter="tahun" data-pagefind-meta="tahun">{}</span>'
    ).format(html.text(kantor), tahun)
