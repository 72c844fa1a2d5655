"""The analyses BAB III carries beside the year's capaian (LKJ-FORMAT.md, III.A.2, 3 and 6).

- `tabel_perbandingan_capaian`: each indikator's realisasi and capaian this year against the
  years before it;
- `tabel_capaian_renstra`: this year's realisasi against the Renstra's end-of-period target;
- `tabel_efisiensi`: capaian beside serapan, per sasaran (the programs serving it).

Each is computed from the data whenever the data holds what it needs. Where it does not (one
year of realisasi, no Renstra target, no program linked to a sasaran), the function returns a
`Note` that says what is missing and where to enter it: never a failure, never a guess.
"""

from dataclasses import replace

from . import compute
from .report import CapaianLine, Report, capaian_text
from .tables import CAPAIAN_NOTE_PUBLISHED, Cell, Note, Row, Table, measure, number, percent

TAHUN_PEMBANDING = 5  # years shown side by side at most: the length of a Renstra


def tabel_perbandingan_capaian(report: Report, tahun=None) -> Table | Note:
    """Realisasi and capaian of this year's indikator in this year and the years before it."""
    tahun = report.tahun_kinerja(tahun)
    lines = report.capaian_lines(tahun)
    periode = report.settings.periode
    codes = {line.indikator.kode_indikator for line in lines}
    realised = {
        (r.tahun, r.kode_indikator): r
        for r in report.data["realisasi_kinerja"]
        if r.periode == periode and r.tahun <= tahun and r.kode_indikator in codes
    }
    years = sorted({year for year, _ in realised})[-TAHUN_PEMBANDING:]
    if len(years) < 2:
        return Note(
            f"Data realisasi kinerja (data/realisasi_kinerja.csv) hanya memuat {report.label(tahun)}: realisasi dan "
            "capaian tahun ini belum dapat dibandingkan dengan tahun-tahun sebelumnya. Perbandingan tampil di sini "
            "setelah realisasi tahun sebelumnya dimasukkan."
        )
    results = {
        (year, line.indikator.kode_indikator): line.capaian
        for year in years
        if report.targets(year, "PK", periode)
        for line in report.capaian_lines(year)
    }
    head = [
        Row(
            [
                Cell("No", rowspan=2),
                Cell("Indikator Kinerja Utama", rowspan=2),
                *(Cell(report.label(year), colspan=2) for year in years),
            ]
        ),
        Row([cell for _ in years for cell in (Cell("Realisasi"), Cell("Capaian (%)"))]),
    ]
    body = []
    for no, line in enumerate(lines, start=1):
        code, satuan = line.indikator.kode_indikator, line.indikator.satuan
        cells = [Cell(str(no)), Cell(line.indikator.uraian)]
        for year in years:
            found = realised.get((year, code))
            cells.append(measure(found.realisasi, satuan) if found else Cell(NO_DATA, numeric=True))
            cells.append(_capaian_cell(results.get((year, code))))
        body.append(Row(cells))
    notes = [
        f"{NO_DATA}: tidak ada data tahun itu. Capaian setiap tahun dihitung terhadap target Perjanjian Kinerja "
        "tahun yang sama, dengan rumus yang sama dengan capaian tahun ini."
    ]
    if any(result.dipublikasikan for result in results.values()):
        notes.append(CAPAIAN_NOTE_PUBLISHED)
    share = 70 // (2 * len(years))
    caption = report.caption(f"Perbandingan Realisasi dan Capaian Indikator Kinerja Utama {years[0]}–{years[-1]}")
    return Table(
        caption,
        head,
        body,
        notes=notes,
        kind="perbandingan",
        row_header=1,
        widths=(5, 95 - 2 * share * len(years)) + (share,) * (2 * len(years)),
    )


def tabel_capaian_renstra(report: Report, tahun=None) -> Table | Note:
    """This year's realisasi of each indikator against the target at the end of the Renstra period."""
    tahun = report.tahun_kinerja(tahun)
    lines = report.capaian_lines(tahun)
    renstra = {}  # kode_indikator -> its target in the Renstra running in `tahun` (the nearest end)
    for target in sorted(report.data["target_kinerja"], key=lambda t: -t.tahun):
        if target.dokumen == "Renstra" and target.tahun >= tahun:
            renstra[target.kode_indikator] = target
    if not any(line.indikator.kode_indikator in renstra for line in lines):
        return Note(
            "Target akhir periode Renstra belum dimuat di data/target_kinerja.csv (baris berdokumen Renstra): "
            f"realisasi sampai {report.label(tahun)} belum dapat dibandingkan dengan target jangka menengah."
        )
    columns = (
        "No",
        "Indikator Kinerja Utama",
        "Target Akhir Renstra",
        "Tahun Akhir",
        f"Realisasi {report.label(tahun)}",
        "Capaian terhadap Target Renstra (%)",
        "Keterangan",
    )
    body = []
    for no, line in enumerate(lines, start=1):
        target = renstra.get(line.indikator.kode_indikator)
        result = _against(report, line, target)
        satuan = line.indikator.satuan
        body.append(
            Row(
                [
                    Cell(str(no)),
                    Cell(line.indikator.uraian),
                    measure(target.target if target else None, satuan, "tidak ada target"),
                    Cell(str(target.tahun), numeric=True) if target else Cell(NO_DATA, numeric=True),
                    measure(line.realisasi.realisasi, satuan),
                    _capaian_cell(result),
                    Cell(_remark(result)),
                ]
            )
        )
    notes = [
        f"Realisasi {report.label(tahun)} dibandingkan dengan target yang ditetapkan Renstra untuk akhir "
        "periodenya, dengan rumus capaian yang sama dengan capaian tahunan; 100% atau lebih berarti target akhir "
        "Renstra sudah tercapai."
    ]
    caption = report.caption(f"Realisasi {report.label(tahun)} terhadap Target Akhir Renstra")
    return Table(
        caption,
        [Row([Cell(c) for c in columns])],
        body,
        notes=notes,
        kind="renstra-capaian",
        row_header=1,
        widths=(5, 29, 15, 9, 15, 11, 16),
    )


def tabel_efisiensi(report: Report, tahun=None) -> Table | Note:
    """Capaian of each sasaran's indikator beside the serapan of the programs serving it
    (`kode_sasaran` in data/program.csv); supporting programs on a line of their own."""
    tahun = report.tahun_kinerja(tahun)
    lines = report.capaian_lines(tahun)
    whole = report.anggaran_periode(tahun)
    if whole is None:
        return Note(
            f"Tidak ada data anggaran {report.label(tahun)}: efisiensi (capaian kinerja dibanding serapan "
            "anggaran) belum dapat disajikan."
        )
    serves = {p.kode_program: p.kode_sasaran for p in report.data["program"] if p.kode_sasaran}
    if not any(program.kode in serves for program in whole.program):
        return Note(
            "Kaitan program dengan sasaran belum dimuat di data/program.csv (kolom kode_sasaran), sehingga efisiensi "
            f"per sasaran belum dapat disajikan. Secara keseluruhan, {report.jumlah_tercapai(tahun)} indikator yang "
            f"terukur mencapai targetnya pada {report.label(tahun)}, dengan serapan anggaran "
            f"{report.serapan(tahun=tahun)} ({report.realisasi_anggaran(tahun=tahun)} "
            f"dari pagu {report.pagu(tahun=tahun)})."
        )
    columns = ("No", "Sasaran Strategis", "Capaian Indikator", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)")
    body = []
    for sasaran in report.data["sasaran"]:
        own = [line for line in lines if line.sasaran.kode_sasaran == sasaran.kode_sasaran]
        programs = [p for p in whole.program if serves.get(p.kode) == sasaran.kode_sasaran]
        if own or programs:
            body.append(_efficiency_row(str(len(body) + 1), Cell(sasaran.uraian), _results(own), programs))
    supporting = [p for p in whole.program if p.kode not in serves]
    if supporting:
        label = Cell("Program penunjang (tidak terkait langsung dengan satu sasaran)")
        body.append(_efficiency_row("", label, Cell("tidak diukur dengan indikator sasaran"), supporting))
    foot = [Row([Cell(f"Jumlah {whole.nama}", colspan=4, strong=True), *_budget(whole)], "total")]
    notes = [
        "Pagu dan realisasi sebuah sasaran adalah jumlah program yang melayaninya (kolom kode_sasaran di "
        "data/program.csv); serapan = realisasi ÷ pagu × 100. Capaian dan serapan disajikan berdampingan: kinerja "
        "yang tercapai dengan serapan di bawah 100% menunjukkan penggunaan anggaran yang efisien."
    ]
    caption = report.caption(f"Capaian Kinerja dan Serapan Anggaran per Sasaran {report.label(tahun)}")
    return Table(
        caption,
        [Row([Cell(c) for c in columns])],
        body,
        foot,
        notes=notes,
        kind="efisiensi",
        row_header=1,
        widths=(5, 17, 24, 16, 14, 14, 10),
    )


NO_DATA = "–"
REMARK = {True: "Target akhir sudah tercapai", False: "Target akhir belum tercapai"}


def _against(report: Report, line: CapaianLine, target) -> compute.Capaian | None:
    if target is None or line.realisasi.realisasi is None:
        return None
    return compute.capaian(
        line.indikator.arah, target.target, line.realisasi.realisasi, report.settings.tingkat_kualitatif
    )


def _remark(result: compute.Capaian | None) -> str:
    if result is None:
        return "Tidak dapat dibandingkan"
    return REMARK.get(result.tercapai) or f"Belum dapat diukur: {result.catatan}"


def _capaian_cell(result: compute.Capaian | None) -> Cell:
    """A capaian as the capaian table shows it: a percentage, or met / not met for a level."""
    if result is None:
        return Cell(NO_DATA, numeric=True)
    cell = percent(result.persen) if result.persen is not None else Cell(capaian_text(result), numeric=True)
    return replace(cell, text=cell.text + " *") if result.dipublikasikan else cell


def _results(lines: list[CapaianLine]) -> Cell:
    """`2 dari 3 indikator tercapai`, then each indikator with its capaian."""
    if not lines:
        return Cell("tidak ada indikator yang diukur")
    measurable = [line for line in lines if line.capaian.terukur]
    met = sum(1 for line in measurable if line.capaian.tercapai)
    items = tuple(f"{line.indikator.uraian}: {capaian_text(line.capaian)}" for line in lines)
    return Cell(f"{met} dari {len(measurable)} indikator terukur tercapai", items=items)


def _budget(item: compute.Anggaran) -> list[Cell]:
    return [number(item.pagu), number(item.realisasi), percent(item.serapan)]


def _efficiency_row(no: str, sasaran: Cell, results: Cell, programs: list[compute.Anggaran]) -> Row:
    if not programs:
        return Row([Cell(no), sasaran, results, Cell("tidak ada program terkait"), *[Cell(NO_DATA, numeric=True)] * 3])
    total = compute.Anggaran("", "", sum(p.pagu for p in programs), sum(p.realisasi for p in programs), None)
    names = Cell(programs[0].nama) if len(programs) == 1 else Cell(items=tuple(p.nama for p in programs))
    return Row([Cell(no), sasaran, results, names, *_budget(total)])
