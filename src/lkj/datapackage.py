"""`datapackage.json`: the published data files described as a Frictionless Data Package.

What portals of the Satu Data Indonesia kind harvest: every file with its title and
description in Indonesian, its fields with types (from `schema.py`, the rules the build
checks), primary and foreign keys, the licence (a setting) and the office as publisher.
Each file is described as it is published (its separator and decimal mark), with its size
and SHA-256; `tests/test_opendata.py` validates the package with frictionless.
"""

import json
import re

from . import csvfile, hasil, schema
from .data import Data
from .settings import Settings

LICENCES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution Share-Alike 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-BY-1.0": ("Open Data Commons Attribution 1.0", "https://opendatacommons.org/licenses/by/1-0/"),
}
_PLAIN_INTEGER = re.compile(r"^[0-9]+$")


def descriptor(data: Data, settings: Settings, results: bool = False) -> dict:
    """The package of the published data files; with `results`, also the report's computed results
    (`hasil.json`, a JSON resource described by its JSON Schema)."""
    licence = settings.lisensi
    title, path = LICENCES.get(licence, (licence, None))
    return {
        "profile": "data-package" if results else "tabular-data-package",  # hasil.json is not a table
        "name": settings.nama_berkas_pdf.removesuffix(".pdf"),
        "title": f"Data {settings.judul_dokumen}",
        "description": (
            f"Data dasar Laporan Kinerja {settings.penyusun} Tahun {settings.tahun} (kinerja "
            f"{settings.periode_kinerja}): target, realisasi, anggaran dan rencana strategis. "
            "Jumlah dan persentase laporan dihitung dari berkas-berkas ini."
        ),
        "licenses": [{"name": licence, "title": title, **({"path": path} if path else {})}],
        "contributors": [{"title": settings.penyusun, "role": "publisher"}],
        "keywords": list(settings.semua_kata_kunci),
        "resources": [_resource(table, data) for table in schema.TABLES if table.file in data.raw]
        + ([RESULTS] if results else []),
    }


def to_json(data: Data, settings: Settings, results: bool = False) -> bytes:
    return (json.dumps(descriptor(data, settings, results), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


RESULTS = {
    "profile": "data-resource",
    "name": "hasil",
    "path": hasil.FILE,
    "title": "Hasil laporan yang dihitung",
    "description": hasil.SCHEMA["description"],
    "format": "json",
    "mediatype": "application/json",
    "encoding": "utf-8",
    "jsonschema": hasil.SCHEMA_FILE,  # its JSON Schema (draft 2020-12), published beside it
}


def _resource(table: schema.Table, data: Data) -> dict:
    raw = data.raw[table.file]
    dialect, (header, *rows) = csvfile.records(raw)
    delimiter = dialect.separator
    present = [column for column in table.columns if column.name in header]
    fields = [
        _field(
            column, [row[header.index(column.name)] for row in rows if len(row) > header.index(column.name)], delimiter
        )
        for column in present
    ]
    table_schema = {"fields": fields, "primaryKey": [name for name in table.key if name in header]}
    foreign = [
        {
            "fields": column.name,
            "reference": {"resource": column.target_table, "fields": column.target_column},
        }
        for column in present
        if column.refers_to and column.target_table + ".csv" in data.raw
    ]
    if table.file == "organisasi.csv":  # a unit's parent is a unit of the same file
        foreign.append({"fields": "induk", "reference": {"resource": "", "fields": "kode_unit"}})
    if foreign:
        table_schema["foreignKeys"] = foreign
    resource = {
        "profile": "tabular-data-resource",
        "name": table.name,
        "path": table.file,
        "title": schema.DESCRIPTIONS[table.file],
        "description": f"{schema.DESCRIPTIONS[table.file]}. Satu baris per {', '.join(table.key)}.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8",
        "bytes": len(raw),
        "hash": f"sha256:{data.sha256[table.file]}",
        "schema": table_schema,
    }
    if delimiter != ",":
        resource["dialect"] = {"delimiter": delimiter}
    return resource


def _field(column: schema.Column, cells: list[str], delimiter: str) -> dict:
    field = {"name": column.name, "type": "string", "description": schema.describe(column)}
    filled = [cell.strip() for cell in cells if cell.strip()]
    if column.kind == schema.YEAR:
        field["type"] = "year"
    elif column.kind == schema.RUPIAH and all(_PLAIN_INTEGER.match(cell) for cell in filled):
        field["type"] = "integer"  # otherwise written as offices write it (Rp 1.500.000): kept as text
    elif column.kind in (schema.OPTIONAL_PERCENT, schema.OPTIONAL_DECIMAL):
        field["type"] = "number"
        if delimiter == ";":
            field.update(decimalChar=",", groupChar=".")
        if any(cell.endswith("%") for cell in filled):
            field["bareNumber"] = False
    constraints = {}
    if not column.optional:
        constraints["required"] = True
    if column.choices and column.kind == schema.CHOICE:
        constraints["enum"] = list(column.choices)
    if field["type"] in ("integer", "number") and column.kind != schema.OPTIONAL_DECIMAL:
        constraints["minimum"] = 0
    if constraints:
        field["constraints"] = constraints
    return field
