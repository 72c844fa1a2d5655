"""Checks across rows and files, after each file has passed its schema.

Errors: values that contradict another file (a number for a qualitative indikator, a level
off its scale, a typed total for a period that is detailed, a PK target without realisasi).
Warnings: what is allowed but worth a second look before publishing (realisasi above pagu,
fisik above 100 %, capaian above 150 %, targets that differ between documents, …).
"""

import re
from collections.abc import Sequence
from decimal import Decimal

from . import compute, fmt, satuan
from .findings import ERROR, WARNING, Finding
from .rows import BELUM_TERSEDIA

CAPAIAN_HIGH = Decimal(150)
FISIK_FULL = Decimal(100)
AMOUNT_HIGH = 10**12  # Rp 1 triliun: more than the whole budget of a regency office
MARKUP = re.compile(r"<[A-Za-z/!]|\{\{|\{%|\{#")
BUDGET_FILES = ("realisasi_anggaran", "realisasi_program", "ringkasan_anggaran")


def check(data, levels: Sequence[Sequence[str]]) -> list[Finding]:
    return [
        *_values_match_arah(data, levels),
        *_realisasi_or_published(data),
        *_targets_measured(data),
        *_one_source_per_period(data),
        *_budget_warnings(data),
        *_implausible_amounts(data),
        *_program_without_kegiatan(data),
        *_capaian_warnings(data, levels),
        *_targets_differ(data),
        *_renstra_targets_yearly(data),
        *_markup_in_text(data),
        *_units_misspelt(data),
        *_organisation_tree(data),
    ]


def _organisation_tree(data) -> list[Finding]:
    """One head of office at the top; every other unit under a unit of the file, without a loop."""
    units = {unit.kode_unit: unit for unit in data["organisasi"]}
    findings = []
    heads = [unit for unit in units.values() if not unit.induk]
    if units and len(heads) != 1:
        message = f"harus tepat satu unit tanpa induk (kepala instansi), ada {len(heads)}"
        findings.append(Finding(ERROR, "organisasi.csv", message, (heads or list(units.values()))[0].baris, "induk"))
    for unit in units.values():
        if unit.induk and unit.induk not in units:
            message = f"induk '{unit.induk}' tidak ada di kolom kode_unit"
            findings.append(Finding(ERROR, "organisasi.csv", message, unit.baris, "induk", unit.induk))
            continue
        seen, current = {unit.kode_unit}, unit
        while current.induk and current.induk in units:
            if current.induk in seen:
                findings.append(Finding(ERROR, "organisasi.csv", "induk berputar", unit.baris, "induk", unit.induk))
                break
            seen.add(current.induk)
            current = units[current.induk]
    return findings


def _values_match_arah(data, levels) -> list[Finding]:
    """A quantitative indikator needs numbers; a qualitative one a level on a known scale."""
    arah = {i.kode_indikator: i.arah for i in data["indikator"]}
    known_levels = {level for scale in levels for level in scale}
    scales = "; ".join(" < ".join(scale) for scale in levels)
    findings = []
    for name, column in (("target_kinerja", "target"), ("realisasi_kinerja", "realisasi")):
        for row in data[name]:
            value, code, file = getattr(row, column), row.kode_indikator, f"{name}.csv"
            if value is None or value == BELUM_TERSEDIA:
                continue
            if arah[code] == "kualitatif" and isinstance(value, Decimal):
                message = f"indikator {code} kualitatif: isi tingkat seperti Baik, bukan angka"
                findings.append(Finding(ERROR, file, message, row.baris, column, str(value)))
            elif arah[code] != "kualitatif" and not isinstance(value, Decimal):
                message = f"indikator {code} berarah '{arah[code]}': isi angka (atau 'belum tersedia')"
                findings.append(Finding(ERROR, file, message, row.baris, column, str(value)))
            elif arah[code] == "kualitatif" and value not in known_levels:
                message = f"tingkat tidak dikenal; pakai salah satu skala di mkdocs.yml ({scales})"
                findings.append(Finding(ERROR, file, message, row.baris, column, value))
    return findings


def _realisasi_or_published(data) -> list[Finding]:
    findings = []
    for row in data["realisasi_kinerja"]:
        if row.realisasi is not None and row.capaian_publikasi is not None:
            message = "isi realisasi ATAU capaian_publikasi, bukan keduanya: capaian dihitung dari realisasi"
            findings.append(
                Finding(
                    ERROR, "realisasi_kinerja.csv", message, row.baris, "capaian_publikasi", str(row.capaian_publikasi)
                )
            )
        if row.realisasi is None and row.capaian_publikasi is None:
            message = (
                f"realisasi kosong; isi realisasi, '{BELUM_TERSEDIA}' bila belum diketahui, "
                "atau capaian_publikasi bila sumber hanya memuat capaian"
            )
            findings.append(Finding(ERROR, "realisasi_kinerja.csv", message, row.baris, "realisasi"))
    return findings


def _targets_measured(data) -> list[Finding]:
    """Every PK target of a period that has realisasi must have its realisasi row."""
    measured = {(r.tahun, r.periode, r.kode_indikator) for r in data["realisasi_kinerja"]}
    periods = {(r.tahun, r.periode) for r in data["realisasi_kinerja"]}
    findings = []
    for row in data["target_kinerja"]:
        key = (row.tahun, row.periode, row.kode_indikator)
        if row.dokumen == "PK" and key[:2] in periods and key not in measured:
            message = (
                f"target PK {row.periode} {row.tahun} indikator {row.kode_indikator} belum punya realisasi di "
                f"data/realisasi_kinerja.csv (isi '{BELUM_TERSEDIA}' bila belum diketahui)"
            )
            findings.append(
                Finding(ERROR, "target_kinerja.csv", message, row.baris, "kode_indikator", row.kode_indikator)
            )
    return findings


def _one_source_per_period(data) -> list[Finding]:
    """A period's budget comes from one file: its totals are computed from its detail, never typed."""
    detailed = {(r.tahun, r.periode) for r in data["realisasi_anggaran"]}
    per_program = {(r.tahun, r.periode) for r in data["realisasi_program"]}
    findings = [
        Finding(
            ERROR,
            "realisasi_program.csv",
            "periode ini dirinci per kegiatan di realisasi_anggaran.csv; hapus baris ini (jumlah program dihitung)",
            row.baris,
            "tahun",
            str(row.tahun),
        )
        for row in data["realisasi_program"]
        if (row.tahun, row.periode) in detailed
    ]
    findings += [
        Finding(
            ERROR,
            "ringkasan_anggaran.csv",
            "periode ini dirinci di realisasi_anggaran.csv atau realisasi_program.csv; "
            "totalnya dihitung, hapus baris ini",
            row.baris,
            "tahun",
            str(row.tahun),
        )
        for row in data["ringkasan_anggaran"]
        if (row.tahun, row.periode) in detailed | per_program
    ]
    return findings


def _budget_warnings(data) -> list[Finding]:
    findings = []
    for name in (*BUDGET_FILES, "belanja"):
        for row in data[name]:
            if row.realisasi > row.pagu:
                message = f"realisasi melebihi pagu ({fmt.rupiah(row.pagu)}); periksa kedua angka"
                findings.append(Finding(WARNING, f"{name}.csv", message, row.baris, "realisasi", str(row.realisasi)))
            fisik = getattr(row, "fisik", None)
            if fisik is not None and fisik > FISIK_FULL:
                message = "fisik di atas 100%; pastikan memang melampaui target fisik"
                findings.append(Finding(WARNING, f"{name}.csv", message, row.baris, "fisik", str(fisik)))
    return findings


def _implausible_amounts(data) -> list[Finding]:
    """Amounts no regency office has: above Rp 1 triliun, or one kegiatan or program above the
    office's whole program budget of the year before (a slip of the keyboard: digits too many)."""
    totals = _office_totals(data)
    findings = []
    for name in (*BUDGET_FILES, "belanja", "anggaran_pk"):
        for row in data[name]:
            for column in ("pagu", "realisasi"):
                amount = getattr(row, column, None)
                if amount is None:
                    continue
                previous = totals.get(row.tahun - 1)
                if amount >= AMOUNT_HIGH:
                    message = "lebih dari Rp 1 triliun; periksa jumlah digitnya"
                elif (
                    previous
                    and name in ("realisasi_anggaran", "realisasi_program", "anggaran_pk")
                    and amount > previous
                ):
                    message = (
                        f"satu baris ini melebihi seluruh pagu dinas tahun {row.tahun - 1} ({fmt.rupiah(previous)}); "
                        "periksa jumlah digitnya"
                    )
                else:
                    continue
                findings.append(Finding(WARNING, f"{name}.csv", message, row.baris, column, str(amount)))
    return findings


def _office_totals(data) -> dict[int, int]:
    """Pagu of the whole office per year (whole-year rows): its detail's sum, or its published total."""
    totals: dict[int, int] = {}
    for name in reversed(BUDGET_FILES):  # the most detailed source wins
        years = {row.tahun for row in data[name] if row.periode == "Tahun"}
        for year in years:
            totals[year] = sum(row.pagu for row in data[name] if row.tahun == year and row.periode == "Tahun")
    return totals


def _program_without_kegiatan(data) -> list[Finding]:
    program_of = {k.kode_kegiatan: k.kode_program for k in data["kegiatan"]}
    findings = []
    for period in sorted({(r.tahun, r.periode) for r in data["realisasi_anggaran"]}):
        present = {program_of[r.kode_kegiatan] for r in data["realisasi_anggaran"] if (r.tahun, r.periode) == period}
        for program in data["program"]:
            if program.kode_program not in present:
                message = (
                    f"program ini tidak punya kegiatan di realisasi_anggaran.csv {period[1]} {period[0]}; "
                    "tabel realisasinya tidak memuat program ini"
                )
                findings.append(
                    Finding(WARNING, "program.csv", message, program.baris, "kode_program", program.kode_program)
                )
    return findings


def _capaian_warnings(data, levels) -> list[Finding]:
    pk = {(t.tahun, t.periode, t.kode_indikator): t for t in data["target_kinerja"] if t.dokumen == "PK"}
    arah = {i.kode_indikator: i.arah for i in data["indikator"]}
    findings = []
    file = "realisasi_kinerja.csv"
    for row in data["realisasi_kinerja"]:
        if row.capaian_publikasi is not None and row.capaian_publikasi > CAPAIAN_HIGH:
            message = "capaian di atas 150%; periksa angkanya"
            findings.append(Finding(WARNING, file, message, row.baris, "capaian_publikasi", str(row.capaian_publikasi)))
        target = pk.get((row.tahun, row.periode, row.kode_indikator))
        if target is None or not isinstance(target.target, Decimal) or not isinstance(row.realisasi, Decimal):
            continue  # qualitative, unmeasured, or already an error above
        if arah[row.kode_indikator] == "kualitatif":
            continue
        if target.target == 0:
            if arah[row.kode_indikator] == "turun":
                message = "target 0: capaian dihitung 100 bila realisasi 0, selain itu 0"
            else:
                message = "target 0: capaian tidak dapat dihitung, ditampilkan '–'"
            findings.append(Finding(WARNING, "target_kinerja.csv", message, target.baris, "target", str(target.target)))
            continue
        result = compute.capaian(arah[row.kode_indikator], target.target, row.realisasi, levels)
        if arah[row.kode_indikator] == "turun" and result.persen == 0:
            message = f"jauh di atas target ({target.target}), makin rendah makin baik: capaian ditampilkan 0"
            findings.append(Finding(WARNING, file, message, row.baris, "realisasi", str(row.realisasi)))
        elif result.persen is not None and result.persen > CAPAIAN_HIGH:
            message = f"capaian {fmt.persen_tanda(result.persen)} di atas 150%; periksa target dan realisasi"
            findings.append(Finding(WARNING, file, message, row.baris, "realisasi", str(row.realisasi)))
    return findings


def _targets_differ(data) -> list[Finding]:
    """The same indikator with different targets in two documents of one period (RK and PK).
    A Renstra's end-of-period target may differ from that year's plans: it is not compared."""
    seen: dict[tuple, object] = {}
    findings = []
    for row in (t for t in data["target_kinerja"] if t.dokumen != "Renstra"):
        key = (row.tahun, row.periode, row.kode_indikator)
        other = seen.get(key)
        if other and other.target != row.target:
            message = (
                f"target {row.kode_indikator} {row.tahun} berbeda dengan {other.dokumen} "
                f"({other.target}, baris {other.baris}); pastikan benar"
            )
            findings.append(Finding(WARNING, "target_kinerja.csv", message, row.baris, "target", str(row.target)))
        seen.setdefault(key, row)
    return findings


def _renstra_targets_yearly(data) -> list[Finding]:
    """A Renstra target is the one set for the end of its period: a whole year, never a semester."""
    message = "target Renstra adalah target akhir periode Renstra: kosongkan periode atau isi 'Tahun'"
    return [
        Finding(ERROR, "target_kinerja.csv", message, row.baris, "periode", row.periode)
        for row in data["target_kinerja"]
        if row.dokumen == "Renstra" and row.periode != "Tahun"
    ]


def _units_misspelt(data) -> list[Finding]:
    """A unit outside the known ones is shown as written; one a letter away from a known one is
    probably that one misspelt."""
    findings = []
    for row in data["indikator"]:
        meant = satuan.misspelt(row.satuan)
        if meant:
            message = (
                f"satuan ini tidak dikenal dan mirip '{meant}'; bila maksudnya '{meant}', perbaiki ejaannya "
                "(satuan lain ditulis apa adanya di belakang angka)"
            )
            findings.append(Finding(WARNING, "indikator.csv", message, row.baris, "satuan", row.satuan))
    return findings


def _markup_in_text(data) -> list[Finding]:
    """HTML or Jinja in a text cell is shown as plain text, never run; say so."""
    from .schema import OPTIONAL_TEXT, TABLES, TEXT

    findings = []
    for table in TABLES:
        for column in (c for c in table.columns if c.kind in (TEXT, OPTIONAL_TEXT)):
            for row in data[table.name]:
                value = getattr(row, column.name)
                if value and MARKUP.search(value):
                    message = "berisi tanda HTML atau Jinja; ditampilkan apa adanya sebagai teks"
                    findings.append(Finding(WARNING, table.file, message, row.baris, column.name, value))
    return findings
