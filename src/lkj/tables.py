"""The report's tables, lists and signature block as models: rows of cells, no HTML.

One function per block a chapter can ask for; each takes the `Report` first (bound when
the macros are registered) and returns a model that the site layer renders (HTML for the
website and the PDF) and that any other output can render the same way.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from . import compute, fmt, schema
from .report import Report
from .satuan import dengan_satuan

# --- models ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str = ""
    numeric: bool = False  # right-aligned, tabular figures
    colspan: int = 1
    rowspan: int = 1
    items: tuple[str, ...] = ()  # a numbered list after the text
    strong: bool = False
    href: str | None = None  # a link to a file of the site (built by the code, never from data)
    link: str | None = None  # a link to a section of the report (built by the code, never from data)
    link_class: str = ""
    code: bool = False  # set in a monospace font (checksums)
    value: int | Decimal | None = None  # a figure's number as shown (downloads hold it as a number)


@dataclass(frozen=True)
class Row:
    cells: Sequence[Cell]
    kind: str = ""  # "program", "kegiatan", "total", "pembanding", "nomor-kolom"


@dataclass(frozen=True)
class Table:
    caption: str | None  # None: outside the numbered tables of the report
    head: Sequence[Row]
    body: Sequence[Row]
    foot: Sequence[Row] = ()
    notes: Sequence[str] = ()
    kind: str = ""
    widths: Sequence[int] = ()  # each column's share of the text width, in percent
    row_header: int | None = None  # the column whose cell names its row (a row header to a screen reader)
    subtitles: Sequence[str] = ()  # lines under the caption: what the whole table stands under
    label: str = ""  # the title of a table outside the numbered ones (no caption number)


@dataclass(frozen=True)
class ItemList:
    items: tuple[str, ...]
    ordered: bool = False
    kind: str = "lkj-daftar"


@dataclass(frozen=True)
class Note:
    """A sentence standing where a table would be, saying why it is not there."""

    text: str


@dataclass(frozen=True)
class Signature:
    place_and_date: str
    jabatan: tuple[str, ...]
    nama: str  # empty: a line is left to sign on; a name is never invented
    nip: str


def placed(rows, cells=lambda row: row.cells, spans=lambda cell: (cell.rowspan, cell.colspan)) -> list[list]:
    """Each row's own cells with the column each starts in, past the cells that rows above
    span down into it. `cells` and `spans` read other rows the same way (an HTML table's)."""
    taken: set[tuple[int, int]] = set()
    placed_rows = []
    for r, row in enumerate(rows):
        line, column = [], 0
        for cell in cells(row):
            while (r, column) in taken:
                column += 1
            line.append((column, cell))
            rowspan, colspan = spans(cell)
            taken.update((r + down, column + right) for down in range(rowspan) for right in range(colspan))
            column += colspan
        placed_rows.append(line)
    return placed_rows


def number(value: int | Decimal | None, places: int = 0) -> Cell:
    """A figure: shown in Indonesian style, kept as the number shown (rounded half-up)."""
    kept = None if value is None else fmt.round_half_up(Decimal(value), places)
    return Cell(fmt.angka(value, places), numeric=True, value=int(kept) if kept is not None and not places else kept)


def percent(value: Decimal | None) -> Cell:
    return number(value, 2)


def measure(value, satuan: str, empty: str = fmt.DASH) -> Cell:
    """A target or realisasi with its unit: `300 orang`, `77,50%`, or a level (`Baik`)."""
    if value is None:
        return Cell(empty, numeric=True)
    return Cell(dengan_satuan(value, satuan), numeric=True, value=value if isinstance(value, Decimal) else None)


# --- tables ---------------------------------------------------------------------------------


def tabel_renstra(report: Report) -> Table:
    """Tujuan, sasaran, strategi and arah kebijakan of the Renstra, under the visi and the misi
    the office works for (`peran` in data/misi.csv)."""
    misi = [m for m in report.data["misi"] if m.peran] or list(report.data["misi"])
    head = [Row([Cell("Tujuan"), Cell("Sasaran"), Cell("Strategi"), Cell("Arah Kebijakan")])]
    subtitles = (f"VISI: {report.settings.visi}", *(f"MISI {m.kode_misi}: {m.uraian}" for m in misi))
    body = []
    for line in report.data["renstra"]:
        policies = tuple(a.uraian for a in report.data["arah_kebijakan"] if a.no_renstra == line.no)
        no = line.no
        body.append(
            Row(
                [
                    Cell(f"{no}. {line.tujuan}"),
                    Cell(f"{no}. {line.sasaran}"),
                    Cell(f"{no}. {line.strategi}"),
                    Cell(items=policies),
                ]
            )
        )
    caption = report.caption("Tujuan, Sasaran, Strategi dan Arah Kebijakan")
    return Table(caption, head, body, kind="renstra", widths=(22, 22, 22, 34), subtitles=subtitles)


DOKUMEN_JUDUL = {"RK": "Rencana Kinerja", "PK": "Perjanjian Kinerja"}


def tabel_target(
    report: Report, dokumen: str = "RK", judul: str | None = None, dengan_tujuan: bool = False, tahun=None
) -> Table | Note:
    """Targets of the Rencana Kinerja (RK) or Perjanjian Kinerja (PK) of the report's year, by sasaran.

    `judul` replaces the document's name in the caption ("Penetapan Kinerja"); the year is added.
    """
    tahun = report.tahun_rencana(tahun)
    lines = report.targets(tahun, dokumen)
    if not lines:
        if dokumen == "RK":
            return Note(
                f"Tidak ada Rencana Kinerja Tahun {tahun} tersendiri; target yang berlaku adalah Perjanjian Kinerja."
            )
        report.targets_or_fail(tahun, dokumen)
    label = report.label_target(tahun, dokumen)
    columns = ["No", "Tujuan", "Sasaran Strategis", "Indikator Kinerja", f"Target {label.removeprefix('Tahun ')}"]
    if not dengan_tujuan:
        columns.remove("Tujuan")
    head = [Row([Cell(c) for c in columns]), Row([Cell(f"({i})") for i in range(1, len(columns) + 1)], "nomor-kolom")]
    body = [
        Row([*leading, Cell(line.indikator.uraian), _target(line.target.target, line.indikator.satuan)])
        for line, leading in zip(lines, _sasaran_cells(lines, dengan_tujuan), strict=True)
    ]
    widths = (5, 25, 23, 32, 15) if dengan_tujuan else (6, 32, 44, 18)
    caption = report.caption(f"{judul or DOKUMEN_JUDUL[dokumen]} {label}")
    return Table(caption, head, body, kind="target", widths=widths, row_header=len(columns) - 2)


def _target(value, satuan: str) -> Cell:
    return measure(value, satuan, "tidak ada target")


def tabel_anggaran_program(report: Report, judul: str | None = None, tahun=None) -> Table:
    """Budget per program of the Perjanjian Kinerja of the report's year; the total is their sum."""
    tahun = report.tahun_rencana(tahun)
    rows = report.pk_budget(tahun)
    head = [Row([Cell("No"), Cell("Program"), Cell("Anggaran (Rp)"), Cell("Sumber Dana")])]
    body = [
        Row(
            [
                Cell(str(no)),
                Cell(report.program_name(row.kode_program)),
                number(row.pagu),
                Cell(row.sumber_dana),
            ]
        )
        for no, row in enumerate(rows, start=1)
    ]
    sources = ", ".join(dict.fromkeys(row.sumber_dana for row in rows))
    foot = [Row([Cell("Jumlah", colspan=2), number(sum(row.pagu for row in rows)), Cell(sources)], "total")]
    caption = report.caption(f"{judul or 'Anggaran Program'} Tahun {tahun}")
    return Table(caption, head, body, foot, kind="anggaran-program", widths=(6, 54, 22, 18), row_header=1)


CAPAIAN_NOTE_PUBLISHED = (
    "* Dokumen sumber hanya memuat capaian indikator ini, tanpa realisasi; "
    "capaian ditampilkan sebagaimana dipublikasikan, tidak dihitung."
)
KETERANGAN = {True: "Tercapai", False: "Tidak tercapai"}


def tabel_capaian(report: Report, tahun=None) -> Table:
    """Target, realisasi and capaian of each indikator kinerja utama of the measured period, by sasaran."""
    tahun = report.tahun_kinerja(tahun)
    lines = report.capaian_lines(tahun)
    scale = report.settings.kategori_capaian
    columns = ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target", "Realisasi", "Capaian (%)"]
    columns += ["Kategori", "Keterangan"] if scale.declared else ["Keterangan"]
    head = [Row([Cell(c) for c in columns])]
    body = []
    for line, leading in zip(lines, _sasaran_cells(lines), strict=True):
        result = line.capaian
        remark = KETERANGAN.get(result.tercapai) or f"Belum dapat diukur: {result.catatan}"
        if result.dipublikasikan:
            remark += " *"
        satuan = line.indikator.satuan
        cells = [
            Cell(line.indikator.uraian),
            _target(line.target.target, satuan),
            measure(line.realisasi.realisasi, satuan),
            percent(result.persen),
            *([Cell(report.kategori(line) or fmt.DASH)] if scale.declared else []),
            Cell(remark),
        ]
        body.append(Row([*leading, *cells]))
    notes = [CAPAIAN_NOTE_PUBLISHED] if any(line.capaian.dipublikasikan for line in lines) else []
    notes.append(capaian_note({line.indikator.arah for line in lines}, any(not line.capaian.terukur for line in lines)))
    widths = (5, 19, 24, 13, 13, 10, 16)
    if scale.declared:
        notes.append(kategori_note(scale))
        widths = (5, 17, 22, 12, 12, 9, 10, 13)
    caption = report.caption(f"Capaian Indikator Kinerja Utama {report.label(tahun)}")
    return Table(caption, head, body, notes=notes, kind="capaian", widths=widths, row_header=2)


def kategori_note(scale) -> str:
    """`Kategori (skala …): Sangat Tinggi lebih dari 90; …; tanpa persentase: –.`"""
    bands = "; ".join(pita.describe().replace("'", "") for pita in reversed(scale.ordered()))
    source = f" ({scale.sumber})" if scale.sumber else ""
    return (
        f"Kategori capaian{source}: {bands}; capaian di atas pita tertinggi masuk pita tertinggi; indikator tanpa "
        "persentase capaian (kualitatif atau belum dapat diukur) tidak berkategori (–)."
    )


def capaian_note(arah: set[str], unmeasured: bool) -> str:
    """How the capaian in the table were computed: the formulas of the directions it holds."""
    parts = [compute.RUMUS[a] for a in ("naik", "turun", "kualitatif") if a in arah]
    parts.append(compute.RUMUS["batas"])
    if unmeasured:
        parts.append(compute.RUMUS["tidak terukur"])
    text = "; ".join(parts)
    return f"Capaian: {text}."


def _sasaran_cells(lines, with_tujuan: bool = False):
    """For each line, the No (and Tujuan) and Sasaran cells: on the first line of each sasaran,
    spanning all its lines; nothing on the others. Lines come grouped by sasaran."""
    counts = Counter(line.sasaran.kode_sasaran for line in lines)
    seen: list[str] = []
    for line in lines:
        code = line.sasaran.kode_sasaran
        if code in seen:
            yield []
            continue
        seen.append(code)
        cells = [Cell(str(len(seen)), rowspan=counts[code])]
        if with_tujuan:
            cells.append(Cell(line.sasaran.tujuan or fmt.DASH, rowspan=counts[code]))
        yield [*cells, Cell(line.sasaran.uraian, rowspan=counts[code])]


def tabel_realisasi_anggaran(report: Report, tahun=None) -> Table:
    """Pagu, realisasi, serapan and fisik per program and kegiatan, with the period's total and,
    where the data has it, the same period a year before for comparison."""
    tahun = report.tahun_kinerja(tahun)
    whole = report.anggaran(tahun)
    previous = report.anggaran_periode(tahun - 1)
    with_fisik = whole.fisik is not None
    head = [
        Row(
            [
                Cell("No", rowspan=2),
                Cell("Program/Kegiatan", rowspan=2),
                Cell("Pagu (Rp)", rowspan=2),
                Cell("Realisasi (Rp)", rowspan=2),
                Cell("Perkembangan Pelaksanaan", colspan=2 if with_fisik else 1),
            ]
        ),
        Row([Cell("Keuangan (%)"), *([Cell("Fisik (%)")] if with_fisik else [])]),
    ]

    def line(no: str, name: str, item: compute.Anggaran, kind: str, strong: bool = False) -> Row:
        cells = [
            Cell(no),
            Cell(name, strong=strong),
            number(item.pagu),
            number(item.realisasi),
            percent(item.serapan),
        ]
        if with_fisik:
            cells.append(percent(item.fisik))
        return Row(cells, kind)

    body = []
    for p_no, program in enumerate(whole.program, start=1):
        body.append(line(f"{p_no}.", program.nama, program, "program", strong=True))
        body += [line(f"{p_no}.{k_no}", k.nama, k, "kegiatan") for k_no, k in enumerate(program.kegiatan, start=1)]
    foot = [line("", f"Jumlah {whole.nama}", whole, "total", strong=True)]
    notes = [
        "Pagu dan realisasi program adalah jumlah kegiatannya; jumlah periode adalah jumlah seluruh program. "
        "Keuangan (%) = realisasi ÷ pagu × 100."
        + (" Fisik program dan periode = rata-rata fisik kegiatannya." if with_fisik else "")
    ]
    if previous is None:
        notes.append(f"Data anggaran {report.label(tahun - 1)} tidak tersedia sebagai pembanding.")
    else:
        foot.append(line("", f"Pembanding: {previous.nama}", previous, "pembanding"))
    if not with_fisik:
        notes.append("Realisasi fisik tidak dilaporkan untuk periode ini.")
    title = f"Realisasi Program dan Kegiatan {report.settings.penyusun} {whole.nama}"
    # an amount never wraps: its columns widen with the longest one (a digit is about 1 % of the width)
    longest = max(len(fmt.angka(amount)) for item in (whole, *whole.program) for amount in (item.pagu, item.realisasi))
    money = max(16 if with_fisik else 18, longest + 3)
    widths = (
        (7, 100 - 7 - 2 * money - 24, money, money, 12, 12)
        if with_fisik
        else (7, 100 - 7 - 2 * money - 14, money, money, 14)
    )
    return Table(
        report.caption(title), head, body, foot, notes=notes, kind="realisasi-anggaran", widths=widths, row_header=1
    )


def tabel_belanja(report: Report, tahun=None) -> Table | Note:
    """Pagu and realisasi per jenis belanja of the measured period (data/belanja.csv)."""
    tahun = report.tahun_kinerja(tahun)
    rows = [r for r in report.data["belanja"] if (r.tahun, r.periode) == (tahun, report.settings.periode)]
    if not rows:
        return Note(f"Tidak ada data per jenis belanja {report.label(tahun)} (data/belanja.csv).")
    head = [Row([Cell("No"), Cell("Jenis Belanja"), Cell("Pagu (Rp)"), Cell("Realisasi (Rp)"), Cell("Serapan (%)")])]
    total = compute.Anggaran("", "", sum(r.pagu for r in rows), sum(r.realisasi for r in rows), None)

    def cells(item: compute.Anggaran) -> list[Cell]:
        return [number(item.pagu), number(item.realisasi), percent(item.serapan)]

    body = [
        Row([Cell(str(no)), Cell(r.jenis_belanja), *cells(compute.Anggaran("", "", r.pagu, r.realisasi, None))])
        for no, r in enumerate(rows, start=1)
    ]
    foot = [Row([Cell(f"Jumlah {report.label(tahun)}", colspan=2, strong=True), *cells(total)], "total")]
    caption = report.caption(f"Realisasi Anggaran per Jenis Belanja {report.label(tahun)}")
    return Table(caption, head, body, foot, kind="belanja", widths=(6, 46, 18, 18, 12), row_header=1)


def tabel_data_terbuka(report: Report, awalan: str = "../data/") -> Table:
    """The data files published with the report, with rows and SHA-256, linked for download.

    `awalan` is the path from the page to the copies published in site/data/.
    """
    head = [Row([Cell("Berkas"), Cell("Isi"), Cell("Baris data", numeric=True), Cell("SHA-256")])]
    body = [
        Row(
            [
                Cell(table.file, href=f"{awalan}{table.file}"),
                Cell(schema.DESCRIPTIONS[table.file]),
                number(len(report.data[table.name])),
                Cell(report.data.sha256[table.file], code=True),
            ]
        )
        for table in schema.TABLES
        if table.file in report.data.raw
    ]
    label = "Berkas data laporan, isi, jumlah baris dan SHA-256"
    return Table(None, head, body, kind="data-terbuka", widths=(24, 36, 10, 30), row_header=0, label=label)


WHAT_FROM = (  # what a reader sees, and the macro that makes it (its files: provenance.SOURCES)
    ("Ringkasan kinerja di Beranda", "ringkasan_kinerja"),
    ("Capaian indikator kinerja utama: tabel, grafik dan angka di teks", "tabel_capaian"),
    ("Realisasi dan capaian dibanding tahun-tahun sebelumnya", "tabel_perbandingan_capaian"),
    ("Realisasi dibanding target akhir Renstra", "tabel_capaian_renstra"),
    ("Capaian kinerja dan serapan anggaran per sasaran (efisiensi)", "tabel_efisiensi"),
    ("Target Rencana dan Perjanjian Kinerja", "tabel_target"),
    ("Anggaran program Perjanjian Kinerja", "tabel_anggaran_program"),
    ("Realisasi anggaran, serapan dan fisik: tabel, grafik dan angka di teks", "tabel_realisasi_anggaran"),
    ("Tujuan, sasaran, strategi dan arah kebijakan Renstra", "tabel_renstra"),
    ("Susunan dan bagan organisasi", "susunan_organisasi"),
)


def tabel_sumber_angka(report: Report) -> Table:
    """Where each kind of figure of the report comes from: its data files."""
    from .provenance import sources

    head = [Row([Cell("Yang ditampilkan"), Cell("Berkas data")])]
    body = [
        Row([Cell(title), Cell(", ".join(f"data/{f}" for f in sources(name, report.data.raw)) or fmt.DASH)])
        for title, name in WHAT_FROM
    ]
    label = "Asal setiap jenis angka laporan"
    return Table(None, head, body, kind="sumber-angka", widths=(50, 50), row_header=0, label=label)


# --- lists and the signature ------------------------------------------------------------------


def daftar_misi(report: Report) -> ItemList:
    return ItemList(tuple(f"Misi {m.kode_misi}: {m.uraian}" for m in report.data["misi"]))


def daftar_program(report: Report) -> ItemList:
    """The Renstra programs with the performance each aims at (data/program.csv)."""
    items = tuple(
        f"{p.nama_program}, kinerja yang ingin dicapai adalah {p.kinerja_program}"
        if p.kinerja_program
        else p.nama_program
        for p in report.data["program"]
    )
    return ItemList(items, ordered=True)


def cara_menghitung(report: Report) -> ItemList:
    """How every figure of the report is computed: the same rules the code applies."""
    return ItemList(
        (
            "Jumlah pagu dan realisasi sebuah program adalah jumlah kegiatannya; jumlah periode adalah jumlah "
            "seluruh programnya.",
            "Serapan (keuangan) = realisasi ÷ pagu × 100, dihitung dari angka Rupiah yang utuh; persentase jumlah "
            "periode dihitung dari jumlah Rupiah, bukan rata-rata persentase.",
            "Fisik dilaporkan per kegiatan; fisik program dan periode adalah rata-rata fisik kegiatannya.",
            *(f"Capaian {compute.RUMUS[key]}." for key in ("naik", "turun", "kualitatif")),
            f"{compute.RUMUS['batas'].capitalize()}; {compute.RUMUS['target nol']}.",
            f"Capaian: {compute.RUMUS['tidak terukur']}.",
            "Capaian terhadap target akhir Renstra dihitung dengan rumus yang sama, dari realisasi tahun yang "
            "dilaporkan dan target Renstra untuk akhir periodenya.",
            "Pagu dan realisasi sebuah sasaran adalah jumlah program yang melayaninya; serapannya = realisasi ÷ "
            "pagu × 100, disajikan di samping capaian indikator sasaran itu (efisiensi).",
            "Persentase dibulatkan ke dua angka desimal (setengah ke atas) hanya saat ditampilkan.",
            "Bila dokumen sumber hanya memuat capaian tanpa realisasi, capaian ditampilkan sebagaimana "
            "dipublikasikan dan diberi tanda.",
        )
    )


def tanda_tangan(report: Report) -> Signature:
    signer = report.settings.penandatangan
    blank = "…………………"
    return Signature(f"{signer.tempat or blank}, {signer.tanggal or blank}", signer.jabatan, signer.nama, signer.nip)
