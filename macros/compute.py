"""Exact arithmetic of the report: capaian, serapan, program and year totals.

Money is integer Rupiah, measures are Decimal, and nothing is rounded here: rounding to
two decimals (half-up) happens only when a figure is displayed (`fmt.py`).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

import pandas as pd

_PRECISION = 50  # digits kept in divisions; far beyond any rounding we display


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """`part / whole × 100`, exact to 50 digits; None when `whole` is 0."""
    if whole == 0:
        return None
    with localcontext() as context:
        context.prec = _PRECISION
        return Decimal(part) * 100 / Decimal(whole)


def mean(values: Sequence[Decimal]) -> Decimal:
    with localcontext() as context:
        context.prec = _PRECISION
        return sum(values, Decimal(0)) / len(values)


# --- capaian kinerja -------------------------------------------------------------------


@dataclass(frozen=True)
class Capaian:
    """How far an indikator met its target.

    `persen` is None for qualitative indicators and where no ratio can be formed; then
    `tercapai` (met or not) and `catatan` say what there is to say.
    """

    persen: Decimal | None
    tercapai: bool | None
    catatan: str | None = None
    dipublikasikan: bool = False  # True: the figure is the source's, not computed here


def capaian(arah: str, target, realisasi, levels: Sequence[Sequence[str]] = ()) -> Capaian:
    """Capaian of one indikator by its direction (see `data/README.md`).

    naik (higher is better): realisasi / target × 100.
    turun (lower is better): (2 × target − realisasi) / target × 100, never below 0;
        with target 0, capaian is 100 if realisasi is 0 and 0 otherwise.
    kualitatif: met when realisasi stands at or above target on one of `levels` (each an
        ordered list, lowest first, e.g. ["Kurang", "Cukup", "Baik"]).
    """
    if arah == "kualitatif":
        return _capaian_kualitatif(target, realisasi, levels)
    target, realisasi = Decimal(target), Decimal(realisasi)
    if arah == "naik":
        if target == 0:
            return Capaian(None, None, "target 0: capaian tidak dapat dihitung sebagai rasio")
        value = percent(realisasi, target)
    elif arah == "turun":
        if target == 0:
            value = Decimal(100) if realisasi == 0 else Decimal(0)
        else:
            value = max(Decimal(0), percent(2 * target - realisasi, target))
    else:
        raise ValueError(f"arah tidak dikenal: {arah!r}")
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
    """One line of a budget table: a kegiatan, a program (sum of its kegiatan) or a year."""

    kode: str
    nama: str
    pagu: int
    realisasi: int
    fisik: Decimal | None

    @property
    def serapan(self) -> Decimal | None:
        return percent(self.realisasi, self.pagu)


@dataclass(frozen=True)
class ProgramAnggaran(Anggaran):
    kegiatan: tuple[Anggaran, ...] = ()


@dataclass(frozen=True)
class AnggaranTahun(Anggaran):
    program: tuple[ProgramAnggaran, ...] = ()


def anggaran_tahun(realisasi: pd.DataFrame, kegiatan: pd.DataFrame, program: pd.DataFrame, tahun: int) -> AnggaranTahun:
    """Kegiatan of `tahun` grouped under their programs, in the files' order.

    A program's pagu and realisasi are the sums of its kegiatan, the year's the sums of
    its programs. Fisik is reported per kegiatan; a program's and the year's fisik are the
    plain mean of the kegiatan under them (fisik is not weighted by money).
    """
    rows = realisasi[realisasi["tahun"] == tahun].merge(kegiatan, on="kode_kegiatan", suffixes=("", "_k"))
    if rows.empty:
        raise LookupError(f"tidak ada data realisasi anggaran tahun {tahun}")
    programs = []
    for kode, nama in zip(program["kode_program"], program["nama_program"], strict=True):
        mine = rows[rows["kode_program"] == kode]
        if mine.empty:
            continue
        items = tuple(
            Anggaran(k, n, p, r, f)
            for k, n, p, r, f in zip(
                mine["kode_kegiatan"],
                mine["nama_kegiatan"],
                mine["pagu"],
                mine["realisasi"],
                mine["fisik"],
                strict=True,
            )
        )
        programs.append(ProgramAnggaran(kode, nama, *_totals(items), kegiatan=items))
    all_kegiatan = [k for p in programs for k in p.kegiatan]
    pagu, realisasi_total, _ = _totals(programs)
    return AnggaranTahun(
        str(tahun), f"Tahun {tahun}", pagu, realisasi_total, _totals(all_kegiatan)[2], program=tuple(programs)
    )


def _totals(parts: Sequence[Anggaran]) -> tuple[int, int, Decimal]:
    """Sum of pagu, sum of realisasi, plain mean of fisik."""
    return sum(p.pagu for p in parts), sum(p.realisasi for p in parts), mean([p.fisik for p in parts])


def ringkasan_tahun(ringkasan: pd.DataFrame, tahun: int) -> Anggaran:
    """A year known only by its published totals (no kegiatan detail in data/)."""
    rows = ringkasan[ringkasan["tahun"] == tahun]
    if rows.empty:
        raise LookupError(f"tidak ada ringkasan anggaran tahun {tahun}")
    row = rows.iloc[0]
    return Anggaran(str(tahun), f"Tahun {tahun}", row["pagu"], row["realisasi"], row["fisik"])
