"""`hasil.json`: a report's computed results as data, for portals and for whoever compares reports.

The report's identity (office, region, year, period, a stable slug), every indikator of the
measured period (kode, uraian, satuan, arah, target, realisasi, capaian, status, category on the
report's scale), every program's budget (pagu, realisasi, serapan, fisik), the period's totals,
and the PDF (file name; its SHA-256 once it is made, `with_pdf`). Taken from the same computation
as the tables (`Report`); numbers are strings: amounts exact, percentages rounded half-up to two
decimals as the tables show them (`fmt.py`), never floats. `SCHEMA` describes it (JSON Schema),
published beside it and named in datapackage.json.
"""

import json
from decimal import Decimal

from . import fmt
from .report import Report

FILE = "hasil.json"
SCHEMA_FILE = "hasil.schema.json"
PDF_PENDING = "(PDF belum dibuat)"  # replaced by the PDF's SHA-256 when the PDF is made (`with_pdf`)
STATUS = {True: "tercapai", False: "tidak tercapai", None: "belum dapat diukur"}
VERSION = "1"

_NUMBER = {"type": ["string", "null"], "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}
_TEXT = {"type": "string"}
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Hasil Laporan Kinerja (LKj)",
    "description": (
        "Hasil yang dihitung satu laporan kinerja: identitas, setiap indikator, setiap program, jumlah periode "
        "dan PDF-nya. Angka ditulis sebagai teks: Rupiah utuh, persentase dibulatkan setengah ke atas ke dua "
        "desimal seperti di tabel laporan."
    ),
    "type": "object",
    "required": ["versi", "laporan", "indikator", "program", "jumlah", "pdf"],
    "properties": {
        "versi": _TEXT,
        "laporan": {
            "type": "object",
            "required": ["slug", "instansi", "daerah", "tahun", "tahun_kinerja", "periode", "judul"],
            "properties": {
                "slug": _TEXT,
                "instansi": _TEXT,
                "daerah": _TEXT,
                "tahun": {"type": "integer"},
                "tahun_kinerja": {"type": "integer"},
                "periode": _TEXT,
                "judul": _TEXT,
                "skala_kategori": {"type": ["string", "null"]},
            },
        },
        "indikator": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kode", "uraian", "sasaran", "satuan", "arah", "target", "realisasi", "capaian", "status"],
                "properties": {
                    "kode": _TEXT,
                    "uraian": _TEXT,
                    "sasaran": _TEXT,
                    "satuan": _TEXT,
                    "arah": {"enum": ["naik", "turun", "kualitatif"]},
                    "target": {"type": ["string", "null"]},
                    "realisasi": {"type": ["string", "null"]},
                    "capaian": _NUMBER,
                    "status": {"enum": list(STATUS.values())},
                    "kategori": {"type": ["string", "null"]},
                },
            },
        },
        "program": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kode", "nama", "pagu", "realisasi", "serapan", "fisik"],
                "properties": {
                    "kode": _TEXT,
                    "nama": _TEXT,
                    "pagu": _NUMBER,
                    "realisasi": _NUMBER,
                    "serapan": _NUMBER,
                    "fisik": _NUMBER,
                },
            },
        },
        "jumlah": {
            "type": ["object", "null"],
            "properties": {"pagu": _NUMBER, "realisasi": _NUMBER, "serapan": _NUMBER, "fisik": _NUMBER},
        },
        "pdf": {
            "type": ["object", "null"],
            "properties": {"berkas": _TEXT, "sha256": _TEXT},
        },
    },
}


def _decimal(value: Decimal | int | None, rounded: bool = True) -> str | None:
    if value is None:
        return None
    return format(fmt.round_half_up(Decimal(value)), "f") if rounded else str(value)


def _measure(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return format(value, "f")


def results(report: Report, pdf: bool) -> dict:
    settings = report.settings
    tahun = report.tahun_kinerja()
    scale = settings.kategori_capaian
    try:
        lines = report.capaian_lines(tahun)
    except LookupError:
        lines = ()
    indikator = [
        {
            "kode": line.indikator.kode_indikator,
            "uraian": line.indikator.uraian,
            "sasaran": line.sasaran.uraian,
            "satuan": line.indikator.satuan,
            "arah": line.indikator.arah,
            "target": _measure(line.target.target),
            "realisasi": _measure(line.realisasi.realisasi),
            "capaian": _decimal(line.capaian.persen),
            "status": STATUS[line.capaian.tercapai],
            "kategori": report.kategori(line),
        }
        for line in lines
    ]
    budget = report.anggaran_periode(tahun)
    program = [
        {
            "kode": item.kode,
            "nama": item.nama,
            "pagu": str(item.pagu),
            "realisasi": str(item.realisasi),
            "serapan": _decimal(item.serapan),
            "fisik": _decimal(item.fisik),
        }
        for item in (budget.program if budget else ())
    ]
    jumlah = None
    if budget is not None:
        jumlah = {
            "pagu": str(budget.pagu),
            "realisasi": str(budget.realisasi),
            "serapan": _decimal(budget.serapan),
            "fisik": _decimal(budget.fisik),
        }
    return {
        "versi": VERSION,
        "laporan": {
            "slug": settings.nama_berkas_pdf.removesuffix(".pdf"),
            "instansi": settings.instansi,
            "daerah": settings.daerah,
            "tahun": settings.tahun,
            "tahun_kinerja": tahun,
            "periode": settings.periode,
            "judul": settings.judul_dokumen,
            "skala_kategori": (scale.sumber or "skala laporan") if scale.declared else None,
        },
        "indikator": indikator,
        "program": program,
        "jumlah": jumlah,
        "pdf": {"berkas": f"pdf/{settings.nama_berkas_pdf}", "sha256": PDF_PENDING} if pdf else None,
    }


def to_json(content: dict) -> bytes:
    return (json.dumps(content, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def with_pdf(content: bytes, digest: str) -> bytes:
    """The published `hasil.json` with the PDF's SHA-256 in its place."""
    return content.replace(json.dumps(PDF_PENDING).encode(), json.dumps(digest).encode(), 1)
