"""Units (satuan) of an indikator, as offices write them, and how a value is written with each.

Known units are compared without regard to case (`Persen`, `Orang`, `Nilai`); percent has its
usual spellings (`%`, `persen`, `prosen`, `persentase`), all written `80%`. What a known unit
decides stays with it: the percent sign, Rupiah's `Rp`, a grade shown as its level. Any other
unit is taken as written and shown after the number as written (`12 LKS`, `85 per 100.000 KH`);
one that looks like a known unit misspelt (`presen`, `orng`) is a warning of the data check
(`consistency.py`), never an error.
"""

from decimal import Decimal

from . import fmt

PERSEN = ("%", "persen", "prosen", "persentase")  # percent as offices write it
# known unit -> how a value is written; "{}" is the number in Indonesian style.
SATUAN = {
    "%": "{}" + fmt.PERSEN,
    "orang": "{} orang",
    "kasus": "{} kasus",
    "perusahaan": "{} perusahaan",
    "dokumen": "{} dokumen",
    "laporan": "{} laporan",
    "kegiatan": "{} kegiatan",
    "unit": "{} unit",
    "paket": "{} paket",
    "lembaga": "{} lembaga",
    "desa": "{} desa",
    "kali": "{} kali",
    "hari": "{} hari",
    "bulan": "{} bulan",
    "poin": "{} poin",
    "rupiah": "Rp {}",
    "indeks": "{}",
    "nilai": "{}",  # a score (80,5) or a grade (B)
    "predikat": "{}",  # a rating on a scale (AA … D, Sangat Baik … Sangat Kurang)
    "opini": "{}",  # an audit opinion (WTP, WDP, TW, TMP)
    "kategori": "{}",
}
SPELLINGS = (*PERSEN, *SATUAN)  # every known spelling, for the data's README and the workbook's lists


def known(satuan: str) -> str | None:
    """The known unit `satuan` is a spelling of (`Persen` -> `%`, `Orang` -> `orang`), or None."""
    word = " ".join(satuan.split()).lower()
    if word in PERSEN:
        return "%"
    return word if word in SATUAN else None


def dengan_satuan(value: Decimal | str | None, satuan: str) -> str:
    """`80%`, `300 orang`, `Rp 1.500.000`, `Baik`, `12 LKS`; "–" when there is no value."""
    if value is None:
        return fmt.DASH
    if isinstance(value, str):  # a level on a qualitative scale
        return value
    unit = known(satuan)
    if unit is None:
        return f"{fmt.angka_data(value)} {' '.join(satuan.split())}"
    return SATUAN[unit].format(fmt.angka_data(value))


def misspelt(satuan: str) -> str | None:
    """The known unit an unknown `satuan` is one letter away from (`presen` -> `persen`), or None."""
    word = " ".join(satuan.split()).lower()
    if known(word) is not None or len(word) < 4:
        return None
    for spelling in SPELLINGS:
        if len(spelling) >= 4 and _one_edit(word, spelling):
            return "persen" if spelling in PERSEN else spelling
    return None


def _one_edit(first: str, second: str) -> bool:
    """One letter added, removed, changed, or two neighbours swapped."""
    if abs(len(first) - len(second)) > 1 or first == second:
        return False
    if len(first) == len(second):
        different = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
        if len(different) == 1:
            return True
        i, j = (different + [None, None])[:2]
        return len(different) == 2 and j == i + 1 and first[i] == second[j] and first[j] == second[i]
    shorter, longer = sorted((first, second), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
