"""`make check`: is the report ready to build? Data and chapters, without publishing anything.

    lkj check [PROJECT_DIR]

1. every file of data/ against its schema and the others (one line per finding, all at
   once; unknown files in data/ are warnings: they are never published);
2. if the data has no errors, the chapters: a build of the website into a temporary
   folder, so that every macro call finds its data, every link its target and every
   chapter its place in `nav`, exactly as `make build` would find them;
3. the prose (`prose.py`): figures typed instead of their macro and references to tables
   or figures that do not exist (errors), words the Indonesian dictionary does not know
   (warnings).

Exit codes: 0 no errors (warnings may be listed), 1 errors found (the build would stop),
2 the check could not run (no mkdocs.yml, or its extra.lkj settings are incomplete).
"""

import sys
import tempfile
from pathlib import Path

import yaml

from lkj.findings import errors, warnings
from lkj.load import report_findings
from lkj.report import Report
from lkj.settings import SettingsError
from lkj.validate import validate

from ..builder import run
from ..builder.hooks import signature_warning
from ..builder.project import project_config
from ..review import kesesuaian, prose

OK, ERRORS, CANNOT_RUN = 0, 1, 2


def check(project: Path) -> int:
    try:
        config, settings = project_config(project)
    except (OSError, SettingsError, yaml.YAMLError) as problem:
        print(f"Pemeriksaan tidak dapat dijalankan: {' '.join(str(problem).split())}", file=sys.stderr)
        return CANNOT_RUN
    data, findings = validate(project / "data", settings.tingkat_kualitatif)
    report_findings(findings)
    found_errors, found_warnings = len(errors(findings)), len(warnings(findings))
    if found_errors:
        print(
            f"{found_errors} galat, {found_warnings} peringatan: perbaiki galat sebelum build (lihat data/README.md)."
        )
        return ERRORS
    reason, chapters = check_chapters(project, data, settings)
    if reason is not None:
        print(f"GALAT {reason}")
        print(f"1 galat pada bab, {found_warnings} peringatan: perbaiki galat sebelum build.")
        return ERRORS
    found = kesesuaian.find(kesesuaian.chapters(config.get("nav"), project / "docs"), settings.variabel)
    for line in kesesuaian.warnings(found):
        print(line)
        found_warnings += 1
    if settings.tanda_tangan_kosong:
        print(signature_warning(settings.tanda_tangan_kosong))
        found_warnings += 1
    if not prose.available():
        print("PERINGATAN ejaan tidak diperiksa: hunspell dan kamus hunspell-id belum terpasang (make system-deps)")
    report_findings(chapters)
    chapter_errors, found_warnings = len(errors(chapters)), found_warnings + len(warnings(chapters))
    if chapter_errors:
        print(f"{chapter_errors} galat pada bab, {found_warnings} peringatan: perbaiki galat sebelum build.")
        return ERRORS
    print(f"Data dan bab lolos pemeriksaan: 0 galat, {found_warnings} peringatan.")
    return OK


def check_chapters(project: Path, data, settings) -> tuple[str | None, list]:
    """The chapters on this data: a build of the website into a temporary folder (every macro
    finds its data, every link its target), then the prose checks. Why the build failed (one
    line) or None, and the prose's findings."""
    with tempfile.TemporaryDirectory(prefix="lkj-periksa-") as folder:
        site = Path(folder) / "site"
        reason = run.build(project, site, pdf=False, quiet=True)
        return reason, ([] if reason else prose.check(project, Report(data, settings), site))


if __name__ == "__main__":
    sys.exit(check(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()))
