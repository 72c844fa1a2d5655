"""Checks across rows and files, after each file has passed its schema.

Errors: values that contradict another file (a number for a qualitative indikator, a level
off its scale, a typed total for a year that is detailed, a PK target without realisasi).
Warnings: what is allowed but worth a second look before publishing (realisasi above pagu,
fisik above 100 %, capaian above 150 %, targets that differ between documents, …).
"""

import re
from collections.abc import Sequence
from decimal import Decimal

from . import compute, fmt
from .csvfile import ROW
from .findings import ERROR, WARNING, Finding

CAPAIAN_HIGH = Decimal(150)
FISIK_FULL = Decimal(100)
AMOUNT_HIGH = 10**12  # Rp 1 triliun: more than the whole budget of a regency office
MARKUP = re.compile(r"<[A-Za-z/!]|\{\{|\{%|\{#")


def check(data, levels: Sequence[Sequence[str]]) -> list[Finding]:
    return [
        *_values_match_arah(data, levels),
        *_realisasi_or_published(data),
        *_targets_measured(data),
        *_no_detail_and_summary(data),
        *_budget_warnings(data),
        *_implausible_amounts(data),
        *_program_without_kegiatan(data),
        *_capaian_warnings(data, levels),
        *_targets_differ(data),
        *_markup_in_text(data),
    ]


def _rows(frame, *columns):
    return zip(*(frame[c] for c in columns), frame[ROW], strict=True)


def _values_match_arah(data, levels) -> list[Finding]:
    """A quantitative indikator needs numbers; a qualitative one a level on a known scale."""
    arah = dict(zip(data["indikator"]["kode_indikator"], data["indikator"]["arah"], strict=True))
    known_levels = {level for scale in levels for level in scale}
    findings = []
    for name, column in (("target_kinerja", "target"), ("realisasi_kinerja", "realisasi")):
        for code, value, row in _rows(data[name], "kode_indikator", column):
            file = f"{name}.csv"
            if value is None:
                continue
            if arah[code] == "kualitatif" and isinstance(value, Decimal):
                message = f"indikator {code} kualitatif: isi tingkat seperti Baik, bukan angka"
                findings.append(Finding(ERROR, file, message, row, column, str(value)))
            elif arah[code] != "kualitatif" and not isinstance(value, Decimal):
                message = f"indikator {code} berarah '{arah[code]}': isi angka"
                findings.append(Finding(ERROR, file, message, row, column, str(value)))
            elif arah[code] == "kualitatif" and levels and value not in known_levels:
                scales = "; ".join(" < ".join(scale) for scale in levels)
                message = f"tingkat tidak dikenal; pakai salah satu skala di mkdocs.yml ({scales})"
                findings.append(Finding(ERROR, file, message, row, column, value))
    return findings


def _realisasi_or_published(data) -> list[Finding]:
    findings = []
    for realisasi, published, row in _rows(data["realisasi_kinerja"], "realisasi", "capaian_publikasi"):
        if realisasi is not None and published is not None:
            message = "isi realisasi ATAU capaian_publikasi, bukan keduanya: capaian dihitung dari realisasi"
            findings.append(Finding(ERROR, "realisasi_kinerja.csv", message, row, "capaian_publikasi", str(published)))
        if realisasi is None and published is None:
            message = "realisasi kosong; isi realisasi (atau capaian_publikasi bila sumber hanya memuat capaian)"
            findings.append(Finding(ERROR, "realisasi_kinerja.csv", message, row, "realisasi"))
    return findings


def _targets_measured(data) -> list[Finding]:
    """Every PK target of a year that has realisasi must have its realisasi row."""
    measured = set(zip(data["realisasi_kinerja"]["tahun"], data["realisasi_kinerja"]["kode_indikator"], strict=True))
    years = {year for year, _ in measured}
    findings = []
    for dokumen, year, code, row in _rows(data["target_kinerja"], "dokumen", "tahun", "kode_indikator"):
        if dokumen == "PK" and year in years and (year, code) not in measured:
            message = f"target PK {year} indikator {code} belum punya realisasi di data/realisasi_kinerja.csv"
            findings.append(Finding(ERROR, "target_kinerja.csv", message, row, "kode_indikator", code))
    return findings


def _no_detail_and_summary(data) -> list[Finding]:
    """A year detailed per kegiatan has computed totals; a summary row would be a typed total."""
    detailed = set(data["realisasi_anggaran"]["tahun"])
    return [
        Finding(
            ERROR,
            "ringkasan_anggaran.csv",
            "tahun ini dirinci per kegiatan di realisasi_anggaran.csv; totalnya dihitung, hapus baris ini",
            row,
            "tahun",
            str(year),
        )
        for year, row in _rows(data["ringkasan_anggaran"], "tahun")
        if year in detailed
    ]


def _budget_warnings(data) -> list[Finding]:
    findings = []
    for name in ("realisasi_anggaran", "ringkasan_anggaran"):
        for pagu, realisasi, fisik, row in _rows(data[name], "pagu", "realisasi", "fisik"):
            if realisasi > pagu:
                message = f"realisasi melebihi pagu ({pagu}); periksa kedua angka"
                findings.append(Finding(WARNING, f"{name}.csv", message, row, "realisasi", str(realisasi)))
            if fisik > FISIK_FULL:
                message = "fisik di atas 100%; pastikan memang melampaui target fisik"
                findings.append(Finding(WARNING, f"{name}.csv", message, row, "fisik", str(fisik)))
    return findings


def _implausible_amounts(data) -> list[Finding]:
    """Amounts no regency office has: above Rp 1 triliun, or one line above the office's
    whole budget of the year before (a slip of the keyboard: 10 digits too many)."""
    totals = _office_totals(data)
    findings = []
    for name in ("realisasi_anggaran", "ringkasan_anggaran", "anggaran_pk"):
        frame = data[name]
        for column in ("pagu", "realisasi"):
            if column not in frame:
                continue
            for year, amount, row in _rows(frame, "tahun", column):
                previous = totals.get(year - 1)
                if amount >= AMOUNT_HIGH:
                    message = "lebih dari Rp 1 triliun; periksa jumlah digitnya"
                elif previous and name != "ringkasan_anggaran" and amount > previous:
                    message = (
                        f"satu baris ini melebihi seluruh pagu dinas tahun {year - 1} ({fmt.rupiah(previous)}); "
                        "periksa jumlah digitnya"
                    )
                else:
                    continue
                findings.append(Finding(WARNING, f"{name}.csv", message, row, column, str(amount)))
    return findings


def _office_totals(data) -> dict[int, int]:
    """Pagu of the whole office per year: the sum of its kegiatan, or its published total."""
    summary = data["ringkasan_anggaran"]
    totals = dict(zip(summary["tahun"], summary["pagu"], strict=True))
    detail = data["realisasi_anggaran"]
    for year in set(detail["tahun"]):
        totals[year] = sum(detail[detail["tahun"] == year]["pagu"])
    return totals


def _program_without_kegiatan(data) -> list[Finding]:
    realisasi = data["realisasi_anggaran"].merge(data["kegiatan"], on="kode_kegiatan")
    findings = []
    for year in sorted(set(realisasi["tahun"])):
        present = set(realisasi[realisasi["tahun"] == year]["kode_program"])
        for code, row in _rows(data["program"], "kode_program"):
            if code not in present:
                message = (
                    f"program ini tidak punya kegiatan di realisasi_anggaran.csv tahun {year}; "
                    "tabel realisasinya tidak memuat program ini"
                )
                findings.append(Finding(WARNING, "program.csv", message, row, "kode_program", code))
    return findings


def _capaian_warnings(data, levels) -> list[Finding]:
    targets = data["target_kinerja"]
    pk = {
        (y, c): (t, row)
        for d, y, c, t, row in _rows(targets, "dokumen", "tahun", "kode_indikator", "target")
        if d == "PK"
    }
    arah = dict(zip(data["indikator"]["kode_indikator"], data["indikator"]["arah"], strict=True))
    findings = []
    columns = ("tahun", "kode_indikator", "realisasi", "capaian_publikasi")
    for year, code, realisasi, published, row in _rows(data["realisasi_kinerja"], *columns):
        file = "realisasi_kinerja.csv"
        if published is not None and published > CAPAIAN_HIGH:
            message = "capaian di atas 150%; periksa angkanya"
            findings.append(Finding(WARNING, file, message, row, "capaian_publikasi", str(published)))
        target, target_row = pk.get((year, code), (None, None))
        if not isinstance(target, Decimal) or not isinstance(realisasi, Decimal) or arah[code] == "kualitatif":
            continue  # qualitative, unmeasured, or already an error above
        if target == 0:
            if arah[code] == "turun":
                message = "target 0: capaian dihitung 100 bila realisasi 0, selain itu 0"
            else:
                message = "target 0: capaian tidak dapat dihitung, ditampilkan '–'"
            findings.append(Finding(WARNING, "target_kinerja.csv", message, target_row, "target", str(target)))
            continue
        if arah[code] == "turun" and realisasi > 2 * target:
            message = f"lebih dari dua kali target ({target}), makin rendah makin baik: capaian ditampilkan 0"
            findings.append(Finding(WARNING, file, message, row, "realisasi", str(realisasi)))
        result = compute.capaian(arah[code], target, realisasi, levels)
        if result.persen is not None and result.persen > CAPAIAN_HIGH:
            message = f"capaian {fmt.persen(result.persen)}% di atas 150%; periksa target dan realisasi"
            findings.append(Finding(WARNING, file, message, row, "realisasi", str(realisasi)))
    return findings


def _targets_differ(data) -> list[Finding]:
    """The same indikator with different targets in two documents of one year (RK and PK)."""
    frame = data["target_kinerja"]
    seen: dict[tuple, tuple] = {}
    findings = []
    for dokumen, year, code, target, row in _rows(frame, "dokumen", "tahun", "kode_indikator", "target"):
        other = seen.get((year, code))
        if other and other[1] != target:
            message = f"target {code} {year} berbeda dengan {other[0]} ({other[1]}, baris {other[2]}); pastikan benar"
            findings.append(Finding(WARNING, "target_kinerja.csv", message, row, "target", str(target)))
        seen.setdefault((year, code), (dokumen, target, row))
    return findings


def _markup_in_text(data) -> list[Finding]:
    """HTML or Jinja in a text cell is shown as plain text, never run; say so."""
    from .schema import OPTIONAL_TEXT, TABLES, TEXT

    findings = []
    for table in TABLES:
        for column in (c for c in table.columns if c.kind in (TEXT, OPTIONAL_TEXT)):
            for value, row in _rows(data[table.name], column.name):
                if value and MARKUP.search(value):
                    message = "berisi tanda HTML atau Jinja; ditampilkan apa adanya sebagai teks"
                    findings.append(Finding(WARNING, table.file, message, row, column.name, value))
    return findings
