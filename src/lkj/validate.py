"""Validate all of data/: read each file, check it with its pandera schemas, type it into rows,
then check the files against each other (`consistency.py`).

Returns every finding at once, so that one run tells the editor everything to fix.
`lkj check` prints them; the build runs the same validation first (`load.py`) and stops
on errors.
"""

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import checks, consistency, csvfile, schema
from .csvfile import ROW
from .data import Data
from .findings import ERROR, WARNING, Finding, errors
from .settings import SKALA_BAWAAN

# Files in data/ that are not data: documentation, and what git or editors leave there.
NOT_DATA = {"README.md", ".gitkeep", ".gitattributes"}


def validate(data_dir: Path, levels: Sequence[Sequence[str]] = SKALA_BAWAAN) -> tuple[Data | None, list[Finding]]:
    """Check every file of `schema.TABLES` in `data_dir`; the data is None when there are errors."""
    data_dir = Path(data_dir)
    if data_dir.is_symlink():
        message = "folder data/ adalah tautan simbolik (symlink); data harus berada di dalam repositori ini"
        return None, [Finding(ERROR, "", message)]
    findings: list[Finding] = _unknown_files(data_dir)
    frames: dict[str, pd.DataFrame] = {}
    raw: dict[str, bytes] = {}
    for table in schema.TABLES:
        path = data_dir / table.file
        if not table.required and not path.exists() and not path.is_symlink():
            frames[table.name] = pd.DataFrame(columns=[*table.column_names, ROW])
            continue
        content, problem = csvfile.read_regular_file(path)
        if problem:
            findings.append(Finding(ERROR, table.file, problem))
            continue
        frame, found = _checked(table, content, _known(table, frames))
        findings += found
        if frame is not None:
            frames[table.name] = frame
            raw[table.file] = content
    if errors(findings):
        return None, findings
    data = Data({table.name: _rows(frames[table.name], table) for table in schema.TABLES}, raw=raw)
    findings += consistency.check(data, levels)
    if errors(findings):
        return None, findings
    return replace(data, findings=tuple(findings)), findings


def _known(table: schema.Table, frames: dict[str, pd.DataFrame]) -> tuple:
    """Codes of the files this one refers to, where those loaded: ("file.csv:column", codes)."""
    return tuple(
        (column.refers_to, frozenset(frames[column.target_table][column.target_column]))
        for column in table.columns
        if column.refers_to and column.target_table in frames
    )


CACHED_BYTES = 5_000_000  # files up to this size are remembered once checked (32 at most)


def _checked(table: schema.Table, content: bytes, known: tuple) -> tuple[pd.DataFrame | None, tuple[Finding, ...]]:
    """One file checked and typed. The same bytes, referring to the same codes, give the same
    result: while `make serve` runs, an edit re-checks only the file that changed. The frame
    returned is shared: it is only ever read."""
    check = _check_remembered if len(content) <= CACHED_BYTES else _check
    return check(table, content, known)


def _check(table: schema.Table, content: bytes, known: tuple) -> tuple[pd.DataFrame | None, tuple[Finding, ...]]:
    raw, findings = csvfile.parse(table.file, content)
    if raw is None:
        return None, tuple(findings)
    frame, found = _load_table(raw, table, dict(known))
    return frame, tuple(findings + found)


_check_remembered = lru_cache(maxsize=32)(_check)


def _rows(frame: pd.DataFrame, table: schema.Table) -> tuple:
    records = zip(*(frame[name] for name in table.column_names), frame[ROW], strict=True)
    return tuple(table.row(*values[:-1], baris=int(values[-1])) for values in records)


def _unknown_files(data_dir: Path) -> list[Finding]:
    """Anything in data/ that the schema does not know: never read, never published."""
    known = {table.file for table in schema.TABLES} | NOT_DATA
    try:
        names = sorted(entry.name for entry in data_dir.iterdir())
    except OSError:
        return []  # a missing folder shows as every file missing
    message = (
        "berkas tidak dikenal di data/: tidak dibaca dan tidak diterbitkan; "
        "hapus atau pindahkan bila bukan data laporan (daftar berkas: data/README.md)"
    )
    return [Finding(WARNING, name, message) for name in names if name not in known]


def _load_table(raw: csvfile.RawTable, table: schema.Table, known: dict[str, frozenset]):
    findings = []
    frame = raw.frame
    for name in frame.columns:
        if name not in table.column_names and name != ROW:
            message = f"kolom tidak dikenal, diabaikan; kolom yang dipakai: {', '.join(table.column_names)}"
            findings.append(Finding(WARNING, table.file, message, row=1, column=name))
    for column in table.columns:
        if column.may_be_absent and column.name not in frame.columns:
            frame = frame.assign(**{column.name: ""})  # an optional column left out: all its cells empty
        if column.kind == schema.PERIOD:
            frame = frame.assign(**{column.name: frame[column.name].replace("", "Tahun")})
    frame = frame[[c for c in frame.columns if c in table.column_names or c == ROW]]
    if frame.empty and not table.may_be_empty:
        return None, findings + [Finding(ERROR, table.file, "berkas hanya berisi baris judul kolom, tanpa data")]

    text = frame.replace("", None)
    findings += _run(checks.text_schema(table, raw.dialect), text, table)
    if errors(findings):
        return None, findings
    typed = checks.to_typed(text, table, raw.dialect)
    findings += _run(checks.typed_schema(table, known), typed, table)
    if errors(findings):
        return None, findings
    return typed, findings


def _run(pandera_schema: pa.DataFrameSchema, frame: pd.DataFrame, table: schema.Table) -> list[Finding]:
    """Validate lazily and turn pandera's failure cases into findings, one per cell."""
    try:
        pandera_schema.validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as failure:
        cases = failure.failure_cases
    findings, seen = [], set()
    for case in cases.to_dict("records"):
        finding = _finding(case, frame, table)
        place = (finding.row, finding.column)
        if place not in seen:  # the first, most specific check of a cell is enough
            seen.add(place)
            findings.append(finding)
    return sorted(
        findings,
        key=lambda f: (f.row or 0, table.column_names.index(f.column) if f.column in table.column_names else 0),
    )


def _finding(case: dict, frame: pd.DataFrame, table: schema.Table) -> Finding:
    check, column, value, index = str(case["check"]), case["column"], case["failure_case"], case["index"]
    if check == "column_in_dataframe":
        return Finding(ERROR, table.file, "kolom wajib tidak ada", row=1, column=str(value))
    row = int(frame.loc[index, ROW]) if index is not None and not pd.isna(index) else None
    if check == "not_nullable":
        return Finding(ERROR, table.file, "sel kosong; kolom ini wajib diisi", row=row, column=column)
    if check == "multiple_fields_uniqueness" or check == "field_uniqueness":
        key = " + ".join(str(frame.loc[index, k]) for k in table.key)
        message = f"'{key}' sudah ada di baris sebelumnya; setiap {' + '.join(table.key)} harus unik"
        return Finding(ERROR, table.file, message, row=row, column=table.key[-1])
    return Finding(ERROR, table.file, check, row=row, column=column, value=None if pd.isna(value) else str(value))
