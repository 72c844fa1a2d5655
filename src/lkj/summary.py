"""The home page's "Ringkasan Kinerja": the year's results at a glance, computed from data.

A model (no HTML): each figure with what it counts and the table it comes from (the name of
the macro that makes that table, so that the site can link the figure to it).
"""

from dataclasses import dataclass

from . import fmt
from .report import Report


@dataclass(frozen=True)
class Figure:
    label: str  # what is counted: "Indikator kinerja utama"
    value: str  # the figure: "9", "Rp 2.392.837.500", "95,35%"
    detail: str  # how it divides or where it comes from: "6 tercapai · 0 tidak tercapai · 3 belum dapat diukur"
    table: str  # the macro of the table it comes from: "tabel_capaian"


@dataclass(frozen=True)
class Summary:
    title: str  # "Ringkasan Kinerja Tahun 2019"
    period: str  # "Kinerja Tahun 2019, dilaporkan dalam LKj Tahun 2020"
    figures: tuple[Figure, ...]


def ringkasan_kinerja(report: Report) -> Summary:
    tahun = report.tahun_kinerja()
    lines = report.capaian_lines(tahun)
    met = sum(1 for line in lines if line.capaian.tercapai is True)
    failed = sum(1 for line in lines if line.capaian.tercapai is False)
    unmeasured = sum(1 for line in lines if line.capaian.tercapai is None)
    budget = report.anggaran(tahun)
    label = report.label(tahun)
    fisik = "tidak dilaporkan" if budget.fisik is None else fmt.persen_tanda(budget.fisik)
    figures = (
        Figure(
            "Indikator kinerja utama",
            str(len(lines)),
            f"{met} tercapai · {failed} tidak tercapai · {unmeasured} belum dapat diukur",
            "tabel_capaian",
        ),
        Figure("Target tercapai", f"{met} dari {met + failed}", "indikator yang dapat diukur", "tabel_capaian"),
        Figure("Pagu anggaran", fmt.rupiah(budget.pagu), f"jumlah seluruh program {label}", "tabel_realisasi_anggaran"),
        Figure("Realisasi anggaran", fmt.rupiah(budget.realisasi), f"dibelanjakan {label}", "tabel_realisasi_anggaran"),
        Figure("Serapan anggaran", fmt.persen_tanda(budget.serapan), "realisasi ÷ pagu", "tabel_realisasi_anggaran"),
        Figure("Realisasi fisik", fisik, "rata-rata fisik kegiatan", "tabel_realisasi_anggaran"),
    )
    scale = report.settings.kategori_capaian
    if scale.declared:
        rated = [category for category in map(report.kategori, lines) if category is not None]
        counts = " · ".join(f"{rated.count(name)} {name}" for name in scale.from_highest() if rated.count(name))
        detail = f"dari {len(rated)} indikator berpersentase" + (f"; skala {scale.sumber}" if scale.sumber else "")
        figures += (Figure("Kategori capaian", counts or "–", detail, "tabel_capaian"),)
    period = f"Kinerja {label}, dilaporkan dalam LKj Tahun {report.settings.tahun}"
    return Summary(f"Ringkasan Kinerja {label}", period, figures)
