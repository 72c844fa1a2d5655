"""The report's charts as models: what each shows, its text alternative and its data table.

Like `tables.py`, no drawing here: `draw.py` turns a `Chart` into SVG, the site layer puts it
in a numbered figure with its data table one click away. Every figure drawn is a figure of
the data, computed as the tables compute it; where the data cannot give a chart (one year
only, no measured indicator), the function returns a `Note` saying so.
"""

from dataclasses import dataclass
from decimal import Decimal

from . import fmt
from .report import Report, capaian_text
from .tables import Cell, Note, Row, Table, measure, number, percent

# How each bar or point is marked: by shape, hatching and words as well as colour.
TERCAPAI, TIDAK, KUALITATIF, TIDAK_TERUKUR = "tercapai", "tidak tercapai", "kualitatif", "tidak terukur"


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None  # the bar's length; None: no bar (a qualitative or unmeasured indicator)
    text: str  # written at the bar's end, as in the table
    status: str = ""  # TERCAPAI, TIDAK, KUALITATIF, TIDAK_TERUKUR, or "" (a budget)


@dataclass(frozen=True)
class Series:
    name: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    caption: str  # "Gambar 3.1 ..."
    kind: str  # "batang" (horizontal bars, per label) or "garis" (a line per series over the years)
    series: tuple[Series, ...]
    unit: str  # the value axis: "%" or "juta Rupiah"
    alt: str  # the text alternative: what the chart shows, in one or two sentences
    table: Table  # the chart's figures, as a table
    reference: Decimal | None = None  # a line drawn across (100 %: the target met)


def grafik_capaian(report: Report, tahun=None) -> Chart:
    """Capaian of every indikator against its target (100 %); qualitative ones marked, not drawn."""
    tahun = report.tahun_kinerja(tahun)
    lines = report.capaian_lines(tahun)
    bars = []
    for line in lines:
        result = line.capaian
        status = _status(line.indikator.arah, result)
        label = line.indikator.uraian + (" (makin kecil makin baik)" if line.indikator.arah == "turun" else "")
        text = capaian_text(result) + (" *" if result.dipublikasikan else "")
        bars.append(Bar(label, result.persen, text, status))
    met = sum(1 for line in lines if line.capaian.tercapai)
    measurable = sum(1 for line in lines if line.capaian.terukur)
    alt = (
        f"Grafik batang capaian {len(lines)} indikator kinerja utama {report.label(tahun)} terhadap target (100%): "
        f"{met} dari {measurable} indikator yang terukur mencapai targetnya. "
        + "; ".join(f"{bar.label}: {bar.text}" for bar in bars)
        + "."
    )
    head = [Row([Cell("Indikator Kinerja Utama"), Cell("Target"), Cell("Realisasi"), Cell("Capaian (%)")])]
    body = [
        Row(
            [
                Cell(line.indikator.uraian),
                measure(line.target.target, line.indikator.satuan, "tidak ada target"),
                measure(line.realisasi.realisasi, line.indikator.satuan),
                percent(line.capaian.persen) if line.capaian.persen is not None else Cell(capaian_text(line.capaian)),
            ]
        )
        for line in lines
    ]
    caption = report.caption(f"Capaian Indikator Kinerja Utama terhadap Target {report.label(tahun)}", "Gambar")
    table = Table(None, head, body, kind="data-gambar", widths=(46, 18, 18, 18), row_header=0)
    return Chart(caption, "batang", (Series("Capaian", tuple(bars)),), "%", alt, table, Decimal(100))


def grafik_anggaran(report: Report, tahun=None) -> Chart | Note:
    """Pagu beside realisasi, per program, in millions of Rupiah."""
    tahun = report.tahun_kinerja(tahun)
    whole = report.anggaran(tahun)
    if not whole.program:
        return Note(f"Anggaran {whole.nama} tidak dirinci per program; grafik per program tidak dapat dibuat.")
    million = Decimal(1_000_000)

    def bars(attribute: str) -> tuple[Bar, ...]:
        return tuple(
            Bar(
                p.nama, Decimal(getattr(p, attribute)) / million, fmt.angka(Decimal(getattr(p, attribute)) / million, 1)
            )
            for p in whole.program
        )

    alt = f"Grafik batang pagu dan realisasi anggaran per program {whole.nama}, dalam juta Rupiah: " + "; ".join(
        f"{p.nama}: pagu {fmt.rupiah(p.pagu)}, realisasi {fmt.rupiah(p.realisasi)}" for p in whole.program
    )
    table = _budget_table("Program", [(p.nama, p) for p in whole.program])
    caption = report.caption(f"Pagu dan Realisasi Anggaran per Program {whole.nama}", "Gambar")
    series = (Series("Pagu", bars("pagu")), Series("Realisasi", bars("realisasi")))
    return Chart(caption, "batang", series, "juta Rupiah", alt + ".", table)


def grafik_serapan(report: Report, tahun=None) -> Chart | Note:
    """Serapan (realisasi ÷ pagu) of each program, with the whole period's."""
    tahun = report.tahun_kinerja(tahun)
    whole = report.anggaran(tahun)
    if not whole.program:
        return Note(f"Anggaran {whole.nama} tidak dirinci per program; grafik serapan per program tidak dapat dibuat.")
    items = [*whole.program, whole]
    labels = [p.nama for p in whole.program] + [f"Seluruh program {whole.nama}"]
    bars = tuple(
        Bar(label, item.serapan, fmt.persen_tanda(item.serapan)) for label, item in zip(labels, items, strict=True)
    )
    alt = f"Grafik batang serapan anggaran per program {whole.nama}: " + "; ".join(
        f"{bar.label}: {bar.text}" for bar in bars
    )
    table = _budget_table("Program", list(zip(labels, items, strict=True)))
    caption = report.caption(f"Serapan Anggaran per Program {whole.nama}", "Gambar")
    return Chart(caption, "batang", (Series("Serapan", bars),), "%", alt + ".", table, Decimal(100))


def grafik_tren_serapan(report: Report) -> Chart | Note:
    """Serapan of every year the budget data holds."""
    years = report.tahun_anggaran()
    if len(years) < 2:
        return Note(_one_year("anggaran", years))
    budgets = [report.anggaran_periode(year) for year in years]
    bars = tuple(Bar(str(year), b.serapan, fmt.persen_tanda(b.serapan)) for year, b in zip(years, budgets, strict=True))
    table = _budget_table("Periode", [(b.nama, b) for b in budgets])
    span = f"{years[0]}–{years[-1]}"
    alt = f"Grafik garis serapan anggaran {span}: " + "; ".join(f"{b.label}: {b.text}" for b in bars) + "."
    caption = report.caption(f"Perkembangan Serapan Anggaran {span}", "Gambar")
    return Chart(caption, "garis", (Series("Serapan", bars),), "%", alt, table, Decimal(100))


def grafik_tren_capaian(report: Report) -> Chart | Note:
    """Capaian of each indikator over every year that has both its PK target and its realisasi."""
    years = report.tahun_capaian()
    if len(years) < 2:
        return Note(_one_year("capaian indikator", years))
    by_indikator: dict[str, dict[int, object]] = {}
    names = {}
    for year in years:
        for line in report.capaian_lines(year):
            code = line.indikator.kode_indikator
            names[code] = line.indikator.uraian
            by_indikator.setdefault(code, {})[year] = line
    series = tuple(
        Series(
            names[code],
            tuple(
                Bar(str(year), lines[year].capaian.persen, capaian_text(lines[year].capaian))
                for year in years
                if year in lines
            ),
        )
        for code, lines in by_indikator.items()
        if sum(1 for line in lines.values() if line.capaian.persen is not None) >= 2
    )
    if not series:
        return Note(
            "Belum ada indikator yang capaiannya terukur dalam dua tahun atau lebih; grafik tren belum dapat dibuat."
        )
    head = [Row([Cell("Indikator Kinerja Utama"), *(Cell(f"Capaian {year} (%)") for year in years)])]
    body = [Row([Cell(s.name), *(_year_cell(s, year) for year in years)]) for s in series]
    table = Table(None, head, body, kind="data-gambar", row_header=0)
    span = f"{years[0]}–{years[-1]}"
    alt = (
        f"Grafik garis capaian indikator kinerja utama {span}: "
        + "; ".join(f"{s.name}: " + ", ".join(f"{b.label} {b.text}" for b in s.bars) for s in series)
        + "."
    )
    caption = report.caption(f"Perkembangan Capaian Indikator Kinerja Utama {span}", "Gambar")
    return Chart(caption, "garis", series, "%", alt, table, Decimal(100))


def _budget_table(first: str, lines: list[tuple[str, object]]) -> Table:
    """A budget chart's data: pagu, realisasi and serapan of each program or period."""
    head = [Row([Cell(first), Cell("Pagu (Rp)"), Cell("Realisasi (Rp)"), Cell("Serapan (%)")])]
    body = [Row([Cell(label), number(b.pagu), number(b.realisasi), percent(b.serapan)]) for label, b in lines]
    return Table(None, head, body, kind="data-gambar", widths=(52, 18, 18, 12), row_header=0)


def _year_cell(series: Series, year: int) -> Cell:
    for bar in series.bars:
        if bar.label == str(year):
            return percent(bar.value) if bar.value is not None else Cell(bar.text)
    return Cell(fmt.DASH)


def _status(arah: str, result) -> str:
    if result.tercapai is None:
        return TIDAK_TERUKUR
    if arah == "kualitatif" and result.persen is None:
        return KUALITATIF
    return TERCAPAI if result.tercapai else TIDAK


def _one_year(what: str, years: list[int]) -> str:
    held = f"hanya memuat Tahun {years[0]}" if years else "belum memuat satu tahun pun"
    return f"Data {what} {held}; grafik perkembangan tampil setelah data dua tahun atau lebih tersedia."
