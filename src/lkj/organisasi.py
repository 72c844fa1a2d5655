"""The office's organisation from data/organisasi.csv: the list of BAB I, its chart, and the
sentence that counts its officials. All three from the same rows, so they always agree.
"""

from dataclasses import dataclass

from . import fmt
from .report import Report, enumerate_words
from .tables import Note

# The official who leads each kind of unit, in the order the sentence names them.
PEJABAT = {
    "sekretariat": "Sekretaris",
    "bidang": "Kepala Bidang",
    "subbagian": "Kepala Sub Bagian",
    "seksi": "Kepala Seksi",
    "uptd": "Kepala UPTD",
}
NO_DATA = "Susunan organisasi belum diisi (data/organisasi.csv)."


@dataclass(frozen=True)
class Node:
    nama: str
    jenis: str
    children: tuple["Node", ...] = ()


@dataclass(frozen=True)
class Organisation:
    """The head of office and the units under it; `caption` set for the chart (a figure)."""

    root: Node
    caption: str | None = None


def _tree(report: Report) -> Node | None:
    units = report.data["organisasi"]
    if not units:
        return None

    def node(unit) -> Node:
        return Node(unit.nama, unit.jenis, tuple(node(u) for u in units if u.induk == unit.kode_unit))

    return node(next(unit for unit in units if not unit.induk))  # validated: exactly one, no loop


def susunan_organisasi(report: Report) -> Organisation | Note:
    """The list: the head of office, then each unit under it with the units it is made of."""
    root = _tree(report)
    return Note(NO_DATA) if root is None else Organisation(root)


def bagan_organisasi(report: Report) -> Organisation | Note:
    """The chart: the same tree, as a numbered figure."""
    root = _tree(report)
    if root is None:
        return Note(NO_DATA)
    return Organisation(root, report.judul_gambar(f"Bagan Struktur Organisasi {report.settings.penyusun}"))


def jumlah_pejabat(report: Report) -> str:
    """`1 (satu) Sekretaris, 2 (dua) Kepala Bidang, ... dan 1 (satu) Kepala UPTD`."""
    units = report.data["organisasi"]
    counts = [(title, sum(1 for u in units if u.jenis == jenis)) for jenis, title in PEJABAT.items()]
    parts = [f"{fmt.bilangan(count)} {title}" for title, count in counts if count]
    if not parts:
        raise LookupError("data/organisasi.csv belum berisi unit di bawah kepala instansi")
    return enumerate_words(parts)
