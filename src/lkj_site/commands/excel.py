"""`lkj excel export [FOLDER] [--ke data.xlsx]` and `lkj excel import data.xlsx [FOLDER]`: the
report's data as one workbook, for data officers who work in Excel, and back.

Import checks the workbook's data as `make check` does (every file of the schema, then the
chapters on that data) and says every finding with its sheet, Excel row and column; it writes
data/*.csv only when there is no error, all the changed files or none (each written beside its
place first, then put in place), and then says what changed per file, row by row and by key, as
`lkj diff` says it. Exit codes as `lkj check`: 0 done, 1 errors found (data/ unchanged), 2 the
workbook or the report cannot be read.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

from lkj import csvfile, schema, workbook, workbook_read
from lkj.findings import ERROR, WARNING
from lkj.settings import SettingsError
from lkj.validate import validate

from ..builder.project import project_config
from ..review import snapshot
from .check import check_chapters

OK, ERRORS, CANNOT_RUN = 0, 1, 2
DEFAULT = "data.xlsx"
PROJECT_PARTS = ("docs", "mkdocs.yml", "macros", "hooks.py", "pdf_event_hook.py", "kamus.txt")  # what chapters need


def export(project: Path, target: Path | None) -> int:
    data = project / "data"
    if not data.is_dir():
        print(f"Ekspor gagal: folder data/ tidak ada di {project}", file=sys.stderr)
        return CANNOT_RUN
    target = target or project / DEFAULT
    content = workbook.export(data)
    target.write_bytes(content)
    print(
        f"Buku kerja: {target} ({len(schema.TABLES)} lembar data dan lembar '{workbook.GUIDE}'). "
        f"Sesudah diisi: lkj excel import {target.name}"
    )
    return OK


def import_(path: Path, project: Path) -> int:
    try:
        _, settings = project_config(project)
        sheets, found = workbook_read.read(path)
    except (OSError, SettingsError) as problem:
        print(f"Impor gagal: {' '.join(str(problem).split())}", file=sys.stderr)
        return CANNOT_RUN
    except workbook_read.UnreadableWorkbook as problem:
        print(f"Impor gagal: {problem}", file=sys.stderr)
        return CANNOT_RUN
    data_dir = project / "data"
    originals = {table.file: csvfile.read_regular_file(data_dir / table.file)[0] for table in schema.TABLES}
    if not _errors(found):
        with tempfile.TemporaryDirectory(prefix="lkj-impor-") as work:
            checked = Path(work) / "laporan"
            found += _check(sheets, originals, checked / "data", settings)
            if not _errors(found):
                found += _chapters(project, checked, settings)
    for finding in found:
        print(finding.line())
    errors, warnings = len(_errors(found)), len(found) - len(_errors(found))
    if errors:
        print(f"{errors} galat, {warnings} peringatan: data/ tidak diubah; perbaiki buku kerja lalu impor lagi.")
        return ERRORS
    changed = {
        table.file: content
        for table in schema.TABLES
        if (content := workbook_read.as_file(sheets[table.name], originals[table.file])) is not None
    }
    before = snapshot.data_rows(data_dir)
    _write_all(data_dir, changed)
    lines = snapshot.rows_changed(before, snapshot.data_rows(data_dir))
    if not changed:
        print(f"Tidak ada data yang berubah: data/ tetap ({warnings} peringatan).")
        return OK
    print(f"data/ diperbarui dari {path.name}: {len(changed)} berkas, {warnings} peringatan.")
    for line in lines:
        print(line)
    return OK


def _errors(found) -> list:
    return [finding for finding in found if finding.level == ERROR]


def _check(sheets, originals, data_dir: Path, settings) -> list:
    """The sheets as data files, checked as `make check` checks data/; findings at their cells."""
    data_dir.mkdir(parents=True)
    rows_of, headers = {}, {}
    for table in schema.TABLES:
        sheet, original = sheets[table.name], originals[table.file]
        if original is None and not sheet.rows and not table.required:
            continue  # a file the report does not have, and nothing written in its sheet
        dialect = csvfile.written(original)[0] if original and original.strip(b" ,;\t\r\n\xef\xbb\xbf") else None
        content, rows_of[table.file] = sheet.csv(dialect or csvfile.Dialect(","))
        headers[table.file] = (table.name, sheet.header)
        (data_dir / table.file).write_bytes(content)
    _, findings = validate(data_dir, settings.tingkat_kualitatif)
    return [_at_cell(finding, rows_of, headers) for finding in findings]


def _at_cell(finding, rows_of: dict, headers: dict):
    from openpyxl.utils import get_column_letter

    sheet, header = headers.get(finding.file, (finding.file.removesuffix(".csv"), []))
    row = rows_of.get(finding.file, {}).get(finding.row) if finding.row is not None else None
    letter = get_column_letter(header.index(finding.column) + 1) if finding.column in header else None
    place = workbook_read.Place(sheet, row, letter, finding.column)
    return workbook_read.SheetFinding(finding.level, place, finding.message, finding.value)


class _ChapterFinding:
    """A finding in a chapter (docs/…, baris N), said as `make check` says it."""

    def __init__(self, level: str, text: str):
        self.level, self.text = level, text

    def line(self) -> str:
        return self.text


def _chapters(project: Path, checked: Path, settings) -> list:
    """The chapters on the workbook's data: the same build and prose checks as `make check`."""
    for part in PROJECT_PARTS:
        source = project / part
        if source.is_dir():
            shutil.copytree(source, checked / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, checked / part)
    data, _ = validate(checked / "data", settings.tingkat_kualitatif)
    reason, findings = check_chapters(checked, data, settings)
    found = [_ChapterFinding(ERROR, f"GALAT {reason}")] if reason else []
    return found + [_ChapterFinding(f.level, f.line()) for f in findings if f.level in (ERROR, WARNING)]


def _write_all(data_dir: Path, files: dict[str, bytes]) -> None:
    """Every file written beside its place first, then all put in place: a failure while writing
    (a full disk) changes none of them."""
    written = []
    try:
        for name, content in files.items():
            handle, temporary = tempfile.mkstemp(dir=data_dir, prefix=f".{name}.")
            with os.fdopen(handle, "wb") as file:
                file.write(content)
            written.append((temporary, data_dir / name))
    except BaseException:
        for temporary, _ in written:
            Path(temporary).unlink(missing_ok=True)
        raise
    for temporary, target in written:
        os.replace(temporary, target)
