"""The open data: the files of data/ published beside the site, exactly as validated, with the
report's computed results (`hasil.json`, described by `hasil.schema.json`) and the package that
describes them all (`datapackage.json`).

Only the files the schema knows are published, and only the bytes that were read and
validated for this build (`Data.raw`): a stray file in data/, or a file changed or
replaced by a link after validation, never reaches the site.
"""

from pathlib import Path

from lkj import datapackage, hasil
from lkj.report import Report

DESCRIPTOR = "datapackage.json"  # the files described as a Frictionless Data Package


def publish(target: Path, report: Report, pdf: bool) -> None:
    """`pdf`: the build makes the PDF (its name goes in hasil.json; its SHA-256 when it is made)."""
    target.mkdir(parents=True, exist_ok=True)
    for name, content in report.data.raw.items():
        (target / name).write_bytes(content)
    (target / hasil.FILE).write_bytes(hasil.to_json(hasil.results(report, pdf)))
    (target / hasil.SCHEMA_FILE).write_bytes(hasil.to_json(hasil.SCHEMA))
    (target / DESCRIPTOR).write_bytes(datapackage.to_json(report.data, report.settings, results=True))
