"""Units (satuan) an indikator may have: a closed list, and how a value is written with each.

`%` and `persen` are the same unit and look the same: `80%`. A unit that is not listed
is refused by the data check, with this list in the message (`data/README.md` has it too).
"""

from decimal import Decimal

from . import fmt

# unit -> how a value is written; "{}" is the number in Indonesian style.
SATUAN = {
    "%": "{}" + fmt.PERSEN,
    "persen": "{}" + fmt.PERSEN,
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


def dengan_satuan(value: Decimal | str | None, satuan: str) -> str:
    """`80%`, `300 orang`, `Rp 1.500.000`, `Baik`; "–" when there is no value."""
    if value is None:
        return fmt.DASH
    if isinstance(value, str):  # a level on a qualitative scale
        return value
    return SATUAN[satuan].format(fmt.angka_data(value))
