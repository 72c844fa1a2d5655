"""`make build`: build site and PDF into a temporary folder; replace site/ only on success.

A failed build (bad data, a broken chapter, a PDF error) leaves the previous site/ as it
was and no half-built folder where a publishing step would pick it up.

    python scripts/build_site.py [PROJECT_DIR]     (LKJ_PDF=false builds without the PDF)
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path


def build(project: Path) -> int:
    site = project / "site"
    environment = {"LKJ_PDF": "true", "NO_MKDOCS_2_WARNING": "1", **os.environ}
    with tempfile.TemporaryDirectory(prefix=".site-baru-", dir=project) as temporary:
        fresh = Path(temporary) / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(fresh)]
        result = subprocess.run(command, cwd=project, env=environment)
        if result.returncode != 0:
            print("Build gagal: site/ tidak diubah.", file=sys.stderr)
            return result.returncode
        old = Path(temporary) / "site-lama"
        if site.exists():
            site.rename(old)  # same filesystem: the swap is two renames
        fresh.rename(site)
    pdfs = sorted(str(p.relative_to(project)) for p in (site / "pdf").glob("*.pdf")) if (site / "pdf").is_dir() else []
    print(f"Situs: site/index.html{'  PDF: ' + ', '.join(pdfs) if pdfs else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()))
