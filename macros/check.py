"""`make check`: validate data/ without building, one line per finding.

    python -m macros.check [PROJECT_DIR]

Exit codes: 0 no errors (warnings may be listed), 1 errors found (the build would stop),
2 the check could not run (no mkdocs.yml, or its extra.lkj settings are incomplete).
"""

import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import get_yaml_loader

from .findings import errors, warnings
from .load import report_findings
from .settings import read_settings
from .validate import validate

OK, ERRORS, CANNOT_RUN = 0, 1, 2


def main(argv: list[str]) -> int:
    project = Path(argv[0] if argv else ".").resolve()
    try:
        with (project / "mkdocs.yml").open(encoding="utf-8") as file:
            settings = read_settings(yaml.load(file, Loader=get_yaml_loader()).get("extra"))
    except (OSError, PluginError, yaml.YAMLError) as problem:
        print(f"Pemeriksaan data tidak dapat dijalankan: {problem}", file=sys.stderr)
        return CANNOT_RUN
    _, findings = validate(project / "data", settings.tingkat_kualitatif)
    report_findings(findings)
    found_errors, found_warnings = len(errors(findings)), len(warnings(findings))
    if found_errors:
        print(
            f"{found_errors} galat, {found_warnings} peringatan: perbaiki galat sebelum build (lihat data/README.md)."
        )
        return ERRORS
    print(f"Data lolos pemeriksaan: 0 galat, {found_warnings} peringatan.")
    return OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
