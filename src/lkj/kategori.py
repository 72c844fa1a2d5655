"""Capaian rated as an office rates it: its own scale of bands, declared in `mkdocs.yml`.

    kategori_capaian:
      sumber: Permendagri 86/2017 (kriteria tingkat capaian kinerja)
      pita:
        - {kategori: Sangat Tinggi, lebih_dari: 90}
        - {kategori: Tinggi, lebih_dari: 75, sampai: 90}
        - …
        - {kategori: Sangat Rendah, sampai: 50}

Each band is bounded below by `dari` (≥) or `lebih_dari` (>) and above by `sampai` (≤) or
`kurang_dari` (<). Together the bands must cover every capaian from 0 upwards, each exactly once:
a gap (`sampai: 90` then `dari: 91` leaves 90,5 unrated) or an overlap is refused, naming both
bands. A capaian above the top band's upper bound (above 100 %) is rated in the top band. An
indikator without a percentage (qualitative, or not measurable yet) is not rated. A report that
declares no bands rates nothing and looks as before.
"""

from dataclasses import dataclass
from decimal import Decimal

from . import fmt


class ScaleError(ValueError):
    """The bands leave a gap or overlap; the message names them."""


@dataclass(frozen=True)
class Pita:
    kategori: str
    dari: Decimal | None = None  # ≥
    lebih_dari: Decimal | None = None  # >
    sampai: Decimal | None = None  # ≤
    kurang_dari: Decimal | None = None  # <

    @property
    def lower(self) -> Decimal | None:
        return self.dari if self.dari is not None else self.lebih_dari

    @property
    def upper(self) -> Decimal | None:
        return self.sampai if self.sampai is not None else self.kurang_dari

    def holds(self, value: Decimal) -> bool:
        return (
            (self.dari is None or value >= self.dari)
            and (self.lebih_dari is None or value > self.lebih_dari)
            and (self.sampai is None or value <= self.sampai)
            and (self.kurang_dari is None or value < self.kurang_dari)
        )

    def describe(self) -> str:
        """`'Tinggi' (lebih dari 75 sampai 90)`."""
        bounds = [
            f"{word} {fmt.angka_data(value)}"
            for word, value in (
                ("dari", self.dari),
                ("lebih dari", self.lebih_dari),
                ("sampai", self.sampai),
                ("kurang dari", self.kurang_dari),
            )
            if value is not None
        ]
        return f"'{self.kategori}' ({' '.join(bounds) or 'tanpa batas'})"


@dataclass(frozen=True)
class KategoriCapaian:
    sumber: str = ""  # where the scale comes from (a regulation, the region's own rule)
    pita: tuple[Pita, ...] = ()  # empty: no rating

    @property
    def declared(self) -> bool:
        return bool(self.pita)

    def ordered(self) -> list[Pita]:
        """The bands from the lowest up (checked to be contiguous by `check`)."""
        return sorted(self.pita, key=lambda pita: (pita.lower is not None, pita.lower or Decimal(0)))

    def rate(self, persen: Decimal | None) -> str | None:
        """The category of a capaian; None where it has no percentage or no band is declared."""
        if persen is None or not self.pita:
            return None
        bands = self.ordered()
        for pita in bands:
            if pita.holds(persen):
                return pita.kategori
        top = bands[-1]
        return top.kategori if top.lower is None or persen > top.lower else None  # above the top band

    def from_highest(self) -> list[str]:
        """The categories from the best down, as tables and counts list them."""
        return [pita.kategori for pita in reversed(self.ordered())]


def check(scale: KategoriCapaian) -> None:
    """Refuse bands that leave a capaian unrated or rate one twice (ScaleError, naming them)."""
    for pita in scale.pita:
        if not pita.kategori.strip():
            raise ScaleError("setiap pita perlu nama kategori ('kategori')")
        if pita.dari is not None and pita.lebih_dari is not None:
            raise ScaleError(f"{pita.describe()}: tulis 'dari' atau 'lebih_dari', tidak keduanya")
        if pita.sampai is not None and pita.kurang_dari is not None:
            raise ScaleError(f"{pita.describe()}: tulis 'sampai' atau 'kurang_dari', tidak keduanya")
        lower, upper = pita.lower, pita.upper
        if lower is not None and upper is not None and (lower > upper or (lower == upper and not _closed(pita))):
            raise ScaleError(f"{pita.describe()}: batas bawahnya di atas batas atasnya")
    names = [pita.kategori for pita in scale.pita]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ScaleError(f"kategori {', '.join(twice)} ditulis lebih dari sekali")
    bands = scale.ordered()
    if not bands:
        return
    if sum(1 for pita in bands if pita.lower is None) > 1:
        raise ScaleError("hanya pita terendah yang boleh tanpa batas bawah")
    lowest = bands[0]
    if lowest.lower is not None and (lowest.lower > 0 or lowest.lebih_dari == 0):
        raise ScaleError(
            f"celah di bawah {lowest.describe()}: capaian 0 sampai {fmt.angka_data(lowest.lower)} tidak berkategori; "
            "mulai pita terendah dari 0 atau tanpa batas bawah"
        )
    for below, above in zip(bands, bands[1:], strict=False):
        if below.upper is None:
            raise ScaleError(f"{below.describe()} tanpa batas atas tumpang tindih dengan {above.describe()}")
        meets = (below.sampai is not None and below.sampai == above.lebih_dari) or (
            below.kurang_dari is not None and below.kurang_dari == above.dari
        )
        if meets:
            continue
        if below.upper < above.lower or (below.upper == above.lower and below.kurang_dari is not None):
            raise ScaleError(
                f"celah antara {below.describe()} dan {above.describe()}: capaian di antaranya tidak berkategori; "
                "batas atas pita bawah harus sama dengan batas bawah pita atas (mis. 'sampai: 90' lalu "
                "'lebih_dari: 90')"
            )
        raise ScaleError(
            f"{below.describe()} dan {above.describe()} tumpang tindih: satu capaian masuk dua kategori; "
            "batas atas pita bawah harus sama dengan batas bawah pita atas (mis. 'sampai: 90' lalu 'lebih_dari: 90')"
        )


def _closed(pita: Pita) -> bool:
    return pita.dari is not None and pita.sampai is not None
