"""Exact arithmetic of the report: capaian, serapan, program and year totals.

Money is integer Rupiah, measures are Decimal, and nothing is rounded here: rounding to
two decimals (half-up) happens only when a figure is displayed (`fmt.py`). The formulas'
text for readers (`RUMUS`) sits beside the formulas, so that the table notes and the
Lampiran say what the code does.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from .rows import BELUM_TERSEDIA, Measure

_PRECISION = 50  # digits kept in divisions; far beyond any rounding we display


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """`part / whole × 100`, exact to 50 digits; None when `whole` is 0."""
    if whole == 0:
        return None
    with localcontext() as context:
        context.prec = _PRECISION
        return Decimal(part) * 100 / Decimal(whole)


def mean(values: Sequence[Decimal]) -> Decimal | None:
    """The plain mean; None when there is nothing to average (e.g. fisik not reported)."""
    if not values:
        return None
    with localcontext() as context:
        context.prec = _PRECISION
        return sum(values, Decimal(0)) / len(values)


# --- capaian kinerja -------------------------------------------------------------------

# How each capaian is computed, in the words of the report (table notes, Lampiran).
RUMUS = {
    "naik": (
        "indikator yang makin tinggi makin baik: capaian = (1 + (realisasi − target) ÷ |target|) × 100, "
        "untuk target positif sama dengan realisasi ÷ target × 100"
    ),
    "turun": (
        "indikator yang makin rendah makin baik: capaian = (1 − (realisasi − target) ÷ |target|) × 100, "
        "untuk target positif sama dengan (2 × target − realisasi) ÷ target × 100"
    ),
    "kualitatif": "indikator kualitatif: tercapai bila realisasi setara atau di atas target pada skalanya",
    "batas": "capaian tidak kurang dari 0 dan tidak dibatasi di atas",
    "target nol": (
        "target 0: capaian indikator yang makin tinggi makin baik tidak dihitung (–); yang makin rendah "
        "makin baik 100 bila realisasi 0 atau kurang, selain itu 0"
    ),
    "tidak terukur": (
        "indikator tanpa target atau yang realisasinya belum tersedia tidak dihitung sebagai tercapai "
        "maupun tidak tercapai"
    ),
}


@dataclass(frozen=True)
class Capaian:
    """How far an indikator met its target.

    `tercapai` is None where nothing can be said yet (no target, realisasi not available,
    no ratio with a target of 0): such an indikator counts neither as met nor as failed.
    `persen` is None for qualitative indicators and where no ratio can be formed.
    """

    persen: Decimal | None
    tercapai: bool | None
    catatan: str | None = None
    dipublikasikan: bool = False  # True: the figure is the source's, not computed here

    @property
    def terukur(self) -> bool:
        return self.tercapai is not None


def capaian(arah: str, target: Measure, realisasi: Measure, levels: Sequence[Sequence[str]] = ()) -> Capaian:
    """Capaian of one indikator by its direction (`RUMUS`)."""
    if target is None:
        return Capaian(None, None, "tidak ada target")
    if realisasi == BELUM_TERSEDIA:
        return Capaian(None, None, "realisasi belum tersedia")
    if arah == "kualitatif":
        return _capaian_kualitatif(target, realisasi, levels)
    target, realisasi = Decimal(target), Decimal(realisasi)
    if target == 0:
        if arah == "naik":
            return Capaian(None, None, "target 0: capaian tidak dapat dihitung sebagai rasio")
        value = Decimal(100) if realisasi <= 0 else Decimal(0)
        return Capaian(value, value >= 100)
    gap = percent(realisasi - target, abs(target))
    if arah == "naik":
        value = 100 + gap
    elif arah == "turun":
        value = 100 - gap
    else:
        raise ValueError(f"arah tidak dikenal: {arah!r}")
    value = max(Decimal(0), value)
    return Capaian(value, value >= 100)


def capaian_publikasi(value: Decimal) -> Capaian:
    """A capaian taken as published, where the source gives no realisasi to compute it from."""
    return Capaian(
        Decimal(value), Decimal(value) >= 100, "realisasi tidak dimuat dalam dokumen sumber", dipublikasikan=True
    )


def _capaian_kualitatif(target: str, realisasi: str, levels: Sequence[Sequence[str]]) -> Capaian:
    for scale in levels:
        if target in scale and realisasi in scale:
            return Capaian(None, list(scale).index(realisasi) >= list(scale).index(target))
    known = "; ".join(" < ".join(scale) for scale in levels)
    raise ValueError(f"target '{target}' dan realisasi '{realisasi}' tidak berada pada satu skala kualitatif ({known})")


# --- anggaran ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Anggaran:
    """One line of a budget table: a kegiatan, a program (sum of its kegiatan) or a period."""

    kode: str
    nama: str
    pagu: int
    realisasi: int
    fisik: Decimal | None  # None: not reported

    @property
    def serapan(self) -> Decimal | None:
        return percent(self.realisasi, self.pagu)


@dataclass(frozen=True)
class ProgramAnggaran(Anggaran):
    kegiatan: tuple[Anggaran, ...] = ()


@dataclass(frozen=True)
class AnggaranPeriode(Anggaran):
    """A period's budget: from its kegiatan, its programs, or only its published totals."""

    program: tuple[ProgramAnggaran, ...] = ()
    rinci: str = "kegiatan"  # "kegiatan", "program", or "ringkasan" (no detail)


def anggaran_periode(data, tahun: int, periode: str, label: str) -> AnggaranPeriode | None:
    """The budget of one period, from the most detailed data there is; None if there is none.

    A program's pagu and realisasi are the sums of its kegiatan, the period's the sums of its
    programs. Fisik is reported per kegiatan (or program); a program's and the period's
    fisik are the plain mean of those reported under them (fisik is not weighted by money).
    """
    programs = {p.kode_program: p.nama_program for p in data["program"]}
    of_period = [r for r in data["realisasi_anggaran"] if (r.tahun, r.periode) == (tahun, periode)]
    if of_period:
        kegiatan = {k.kode_kegiatan: k for k in data["kegiatan"]}
        lines = []
        for code, name in programs.items():
            items = tuple(
                Anggaran(r.kode_kegiatan, kegiatan[r.kode_kegiatan].nama_kegiatan, r.pagu, r.realisasi, r.fisik)
                for r in of_period
                if kegiatan[r.kode_kegiatan].kode_program == code
            )
            if items:
                lines.append(ProgramAnggaran(code, name, *_totals(items), kegiatan=items))
        return AnggaranPeriode(
            str(tahun), label, *_totals(lines, [k for p in lines for k in p.kegiatan]), program=tuple(lines)
        )
    per_program = [r for r in data["realisasi_program"] if (r.tahun, r.periode) == (tahun, periode)]
    if per_program:
        lines = [
            ProgramAnggaran(r.kode_program, programs[r.kode_program], r.pagu, r.realisasi, r.fisik) for r in per_program
        ]
        return AnggaranPeriode(str(tahun), label, *_totals(lines), program=tuple(lines), rinci="program")
    for row in data["ringkasan_anggaran"]:
        if (row.tahun, row.periode) == (tahun, periode):
            return AnggaranPeriode(str(tahun), label, row.pagu, row.realisasi, row.fisik, rinci="ringkasan")
    return None


def _totals(parts: Sequence[Anggaran], fisik_from: Sequence[Anggaran] | None = None) -> tuple[int, int, Decimal | None]:
    """Sum of pagu, sum of realisasi, plain mean of the fisik reported."""
    reported = [p.fisik for p in (parts if fisik_from is None else fisik_from) if p.fisik is not None]
    return sum(p.pagu for p in parts), sum(p.realisasi for p in parts), mean(reported)
