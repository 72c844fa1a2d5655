"""One macro per kind of table. Each takes the `Report` first (bound in `__init__.py`)."""

from collections import Counter

from markupsafe import Markup

from . import fmt, render, schema
from .render import Cell, Row, ordered_list, signature, table
from .report import Report, satuan_text, year

_N = dict(numeric=True)


def tabel_renstra(report: Report, misi=("II", "III")) -> Markup:
    """Tujuan, sasaran, strategi and arah kebijakan of the Renstra, under the visi and misi."""
    renstra, arah = report.data["renstra"], report.data["arah_kebijakan"]
    head = [
        Row([Cell(f"VISI: {report.settings.visi}", colspan=4)], "judul-renstra"),
        *(Row([Cell(f"MISI {kode}: {report.misi(kode)}", colspan=4)], "judul-renstra") for kode in misi),
        Row([Cell("Tujuan"), Cell("Sasaran"), Cell("Strategi"), Cell("Arah Kebijakan")]),
    ]
    body = []
    for no, tujuan, sasaran, strategi in zip(
        renstra["no"], renstra["tujuan"], renstra["sasaran"], renstra["strategi"], strict=True
    ):
        policies = tuple(arah[arah["no_renstra"] == no]["uraian"])
        body.append(
            Row([Cell(f"{no}. {tujuan}"), Cell(f"{no}. {sasaran}"), Cell(f"{no}. {strategi}"), Cell(items=policies)])
        )
    return table(
        report.caption("Tujuan, Sasaran, Strategi dan Arah Kebijakan"),
        head,
        body,
        kind="renstra",
        widths=(22, 22, 22, 34),
    )


def tabel_target(
    report: Report, tahun: int, dokumen: str = "RK", judul: str | None = None, dengan_tujuan: bool = False
) -> Markup:
    """Targets of the Rencana Kinerja (RK) or Perjanjian Kinerja (PK) of a year, by sasaran."""
    tahun = year(tahun)
    records = report.targets(tahun, dokumen).to_dict("records")
    titles = {"RK": f"Rencana Kinerja Tahun {tahun}", "PK": f"Perjanjian Kinerja Tahun {tahun}"}
    columns = ["No", "Tujuan", "Sasaran Strategis", "Indikator Kinerja", f"Target {tahun}"]
    if not dengan_tujuan:
        columns.remove("Tujuan")
    head = [Row([Cell(c) for c in columns]), Row([Cell(f"({i})") for i in range(1, len(columns) + 1)], "nomor-kolom")]
    body = [
        Row([*leading, Cell(row["uraian"]), Cell(satuan_text(row["target"], row["satuan"]), **_N)])
        for row, leading in zip(records, _sasaran_cells(records, dengan_tujuan), strict=True)
    ]
    widths = (5, 25, 23, 32, 15) if dengan_tujuan else (6, 32, 44, 18)
    return table(report.caption(judul or titles[dokumen]), head, body, kind="target", widths=widths)


def tabel_anggaran_program(report: Report, tahun: int, judul: str | None = None) -> Markup:
    """Budget per program of the Perjanjian Kinerja of a year; the total is their sum."""
    tahun = year(tahun)
    rows = report.pk_budget(tahun)
    head = [Row([Cell("No"), Cell("Program"), Cell("Anggaran (Rp)"), Cell("Sumber Dana")])]
    body = [
        Row([Cell(str(no)), Cell(report.program_name(kode)), Cell(fmt.angka(pagu), **_N), Cell(sumber)])
        for no, (kode, pagu, sumber) in enumerate(
            zip(rows["kode_program"], rows["pagu"], rows["sumber_dana"], strict=True), start=1
        )
    ]
    sources = ", ".join(dict.fromkeys(rows["sumber_dana"]))
    foot = [Row([Cell("Jumlah", colspan=2), Cell(fmt.angka(sum(rows["pagu"])), **_N), Cell(sources)], "total")]
    title = judul or f"Anggaran Program Tahun {tahun}"
    return table(report.caption(title), head, body, foot, kind="anggaran-program", widths=(6, 54, 22, 18))


CAPAIAN_NOTE_PUBLISHED = (
    "* Dokumen sumber hanya memuat capaian indikator ini, tanpa realisasi; "
    "capaian ditampilkan sebagaimana dipublikasikan, tidak dihitung."
)
CAPAIAN_NOTE_FORMULA = (
    "Capaian = realisasi ÷ target × 100 (makin tinggi makin baik); untuk indikator yang makin rendah makin baik: "
    "(2 × target − realisasi) ÷ target × 100; indikator kualitatif tercapai bila realisasi setara atau di atas target."
)


def tabel_capaian(report: Report, tahun: int) -> Markup:
    """Target, realisasi and capaian of each indikator kinerja utama of a year, by sasaran."""
    tahun = year(tahun)
    measured = report.capaian_rows(tahun)
    records = [row for row, _ in measured]
    columns = ("No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target", "Realisasi", "Capaian (%)", "Keterangan")
    head = [Row([Cell(c) for c in columns])]
    body = []
    for (row, result), leading in zip(measured, _sasaran_cells(records), strict=True):
        remark = {True: "Tercapai", False: "Tidak tercapai", None: fmt.DASH}[result.tercapai]
        if result.dipublikasikan:
            remark += " *"
        cells = [
            Cell(row["uraian"]),
            Cell(satuan_text(row["target"], row["satuan"]), **_N),
            Cell(satuan_text(row["realisasi"], row["satuan"]), **_N),
            Cell(fmt.persen(result.persen), **_N),
            Cell(remark),
        ]
        body.append(Row([*leading, *cells]))
    notes = [CAPAIAN_NOTE_PUBLISHED] if any(result.dipublikasikan for _, result in measured) else []
    notes.append(CAPAIAN_NOTE_FORMULA)
    title = f"Capaian Indikator Kinerja Utama Tahun {tahun}"
    return table(report.caption(title), head, body, notes=notes, kind="capaian", widths=(5, 19, 24, 13, 13, 10, 16))


def _sasaran_cells(records: list[dict], with_tujuan: bool = False):
    """For each row, the No (and Tujuan) and Sasaran cells: on the first row of each sasaran,
    spanning all its rows; nothing on the others. Rows come grouped by sasaran."""
    counts = Counter(row["kode_sasaran"] for row in records)
    seen: list[str] = []
    for row in records:
        if row["kode_sasaran"] in seen:
            yield []
            continue
        seen.append(row["kode_sasaran"])
        span = counts[row["kode_sasaran"]]
        cells = [Cell(str(len(seen)), rowspan=span)]
        if with_tujuan:
            cells.append(Cell(row["tujuan"] or fmt.DASH, rowspan=span))
        yield [*cells, Cell(row["uraian_sasaran"], rowspan=span)]


def tabel_realisasi_anggaran(report: Report, tahun: int, pembanding=()) -> Markup:
    """Pagu, realisasi, serapan and fisik per program and kegiatan, with the year's total."""
    tahun = year(tahun)
    whole = report.anggaran(tahun)
    head = [
        Row(
            [
                Cell("No", rowspan=2),
                Cell("Program/Kegiatan", rowspan=2),
                Cell("Pagu (Rp)", rowspan=2),
                Cell("Realisasi (Rp)", rowspan=2),
                Cell("Perkembangan Pelaksanaan", colspan=2),
            ]
        ),
        Row([Cell("Keuangan (%)"), Cell("Fisik (%)")]),
    ]

    def line(no: str, item, kind: str, strong: bool = False) -> Row:
        return Row(
            [
                Cell(no),
                Cell(item.nama, strong=strong),
                Cell(fmt.angka(item.pagu), **_N),
                Cell(fmt.angka(item.realisasi), **_N),
                Cell(fmt.persen(item.serapan), **_N),
                Cell(fmt.persen(item.fisik), **_N),
            ],
            kind,
        )

    body = []
    for p_no, program in enumerate(whole.program, start=1):
        body.append(line(f"{p_no}.", program, "program", strong=True))
        body += [
            line(f"{p_no}.{k_no}", kegiatan, "kegiatan") for k_no, kegiatan in enumerate(program.kegiatan, start=1)
        ]
    total = line("", whole, "total", strong=True)
    total = Row([total.cells[0], Cell(f"Jumlah Tahun {tahun}", strong=True), *total.cells[2:]], "total")
    foot = [total]
    for other in [year(other) for other in pembanding]:
        compared = line("", report.anggaran(other), "pembanding")
        foot.append(Row([compared.cells[0], Cell(f"Pembanding: Tahun {other}"), *compared.cells[2:]], "pembanding"))
    notes = [
        "Pagu dan realisasi program adalah jumlah kegiatannya; jumlah tahun adalah jumlah seluruh program. "
        "Keuangan (%) = realisasi ÷ pagu × 100. Fisik program dan tahun = rata-rata fisik kegiatannya."
    ]
    title = f"Realisasi Program dan Kegiatan {report.settings.instansi} {report.settings.kabupaten} Tahun {tahun}"
    return table(
        report.caption(title), head, body, foot, notes=notes, kind="realisasi-anggaran", widths=(7, 37, 16, 16, 12, 12)
    )


def daftar_misi(report: Report) -> Markup:
    frame = report.data["misi"]
    items = [f"Misi {kode}: {uraian}" for kode, uraian in zip(frame["kode_misi"], frame["uraian"], strict=True)]
    return render.bullet_list(items, "lkj-daftar")


def daftar_program(report: Report) -> Markup:
    """The Renstra programs with the performance each aims at (data/program.csv)."""
    frame = report.data["program"]
    items = [
        f"{nama}, kinerja yang ingin dicapai adalah {kinerja}"
        for nama, kinerja in zip(frame["nama_program"], frame["kinerja_program"], strict=True)
    ]
    return ordered_list(items, "lkj-daftar")


def tanda_tangan(report: Report) -> Markup:
    signer = report.settings.penandatangan
    blank = "…………………"
    place_and_date = f"{signer.tempat or blank}, {signer.tanggal or blank}"
    return signature(place_and_date, signer.jabatan, signer.nama, signer.nip)


def tabel_data_terbuka(report: Report, awalan: str = "../data/") -> Markup:
    """The data files behind the report, with rows and SHA-256, linked for download.

    `awalan` is the path from the page to the copies that `on_post_build` puts in site/data/.
    """
    head = [Row([Cell("Berkas"), Cell("Isi"), Cell("Baris data", numeric=True), Cell("SHA-256")])]
    body = []
    for table_def in schema.TABLES:
        rows = len(report.data[table_def.name])
        link = render.download_link(f"{awalan}{table_def.file}", table_def.file)
        body.append(
            Row(
                [
                    Cell(html=link),
                    Cell(schema.DESCRIPTIONS[table_def.file]),
                    Cell(fmt.angka(rows), **_N),
                    Cell(html=render.checksum(report.data.sha256[table_def.file])),
                ]
            )
        )
    return table(None, head, body, kind="data-terbuka", widths=(24, 36, 10, 30))
