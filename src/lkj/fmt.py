"""Indonesian number style: `2.392.837.500`, `95,35`, `95,35%`, `Rp 2.392.837.500`, `9 (sembilan)`.

Rounding happens here and only here: half-up, at display, for figures, warnings and file
sizes alike. The percent sign is written here too. Babel does the locale work (it would
round half-even, so values are quantized before they reach it).
"""

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal
from num2words import num2words

LOCALE = "id"
DASH = "–"
PERSEN = "%"  # the percent sign, written right after the number: 95,35%


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round half away from zero: 12.345 -> 12.35 (Python's round() would give 12.34)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def angka(value: int | Decimal | None, places: int = 0) -> str:
    """A number with thousands dots and `places` decimals after a comma; "–" for None."""
    if value is None:
        return DASH
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(round_half_up(Decimal(value), places), format=pattern, locale=LOCALE)


def angka_data(value: Decimal) -> str:
    """A value with the decimals it was recorded with (77.50 -> "77,50", 300 -> "300")."""
    places = max(0, -Decimal(value).as_tuple().exponent)
    return angka(value, places)


def persen(value: Decimal | None) -> str:
    """A percentage with two decimals, without the sign (the column header carries "%")."""
    return angka(value, 2)


def persen_tanda(value: Decimal | None) -> str:
    """A percentage in running text: `95,35%` ("–" when there is none)."""
    return DASH if value is None else f"{persen(value)}{PERSEN}"


def ukuran_berkas(size: int) -> str:
    """`1,2 MB` or `850 kB`: the size of a file, for the download links."""
    if size >= 1_000_000:
        return f"{angka(Decimal(size) / 1_000_000, 1)} MB"
    return f"{angka(max(Decimal(1), Decimal(size) / 1000))} kB"


def rupiah(value: int) -> str:
    return f"Rp {angka(value)}"


def bilangan(value: int) -> str:
    """A count as official Indonesian documents write it: `9 (sembilan)`."""
    return f"{value} ({num2words(value, lang=LOCALE)})"


def terbilang(value: int) -> str:
    """An amount of money in words: `dua miliar ... rupiah`."""
    return f"{num2words(value, lang=LOCALE)} rupiah"
