"""`lkj new FOLDER --instansi … --daerah … --tahun …`: a report for another office or year.

The new folder is complete and builds on its own: its settings (mkdocs.yml, with the office,
its region and the year typed once), the standard chapters of an LKj (template text, macros
and variables, no figure and no office typed), a small example of every data file, its own
README with the same two commands (`make build`, `make test`), and the toolkit it is built
with: a wheel in vendor/, pinned by its SHA-256 in requirements.lock beside every other
package the toolkit was tested with.

Inside a regency's workspace (a folder above holds `portal.yml`, `lkj portal new`) the report
shares the workspace's toolkit, lock files, Makefile and workflows: it gets only what is its own
(settings, chapters, data, the shims MkDocs loads, a short README).
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).parent / "template"
TEMPLATED = ".tmpl"  # files whose $names are filled in (the suffix is dropped)
# Files taken from the toolkit's own checkout, so that they exist in one place only.
FROM_TOOLKIT = (
    "docs/tentang-data.md",
    "macros/__init__.py",
    "hooks.py",
    "pdf_event_hook.py",
)
# What a report on its own has and a report of a workspace shares (the workspace has it once).
STANDALONE = (
    "scripts/system-deps.sh",
    "scripts/mr_note.py",
    "requirements-bootstrap.lock",
    # the pull-request review, Pages and releases (README, "Alur kerja pull request")
    ".github/workflows/pull-request.yml",
    ".github/workflows/pages.yml",
    ".github/workflows/release.yml",
    ".github/pull_request_template.md",
    ".gitlab-ci.yml",
)
STANDALONE_TEMPLATE = ("Makefile", "pyproject.toml", "tests", ".ci", ".gitignore")
# Where a workspace keeps FROM_TOOLKIT for its new reports (`lkj portal new` copies them there): its
# `lkj` is an installed wheel, which has no checkout to take them from.
WORKSPACE_FILES = "vendor/laporan"
WORKSPACE_README = """# {instansi} {daerah}: LKj Tahun {tahun}

Laporan ini bagian dari portal kabupaten di folder `{portal}` (lihat README.md di sana): sunting
bab di `docs/` dan data di `data/` (aturannya di `data/README.md`), lalu dari folder portal
jalankan `make build` (semua laporan yang berubah, lalu portalnya) atau, untuk laporan ini saja,
`.venv/bin/lkj build {here}` dan `.venv/bin/lkj serve {here}`.
"""


class NewError(Exception):
    """The report folder cannot be made; the message says why, in Indonesian."""


def new(folder: Path, instansi: str, daerah: str, tahun: int) -> int:
    try:
        made = create(folder, instansi, daerah, tahun)
    except NewError as error:
        print(f"Gagal: {error}", file=sys.stderr)
        return 1
    from ..portal.workspace import find

    workspace = find(made.parent)
    then = (
        f"cd {workspace} && make build   (laporan ini dan portalnya), make test"
        if workspace
        else f"cd {made} && make build   (situs dan PDF ke site/), make test, make serve"
    )
    print(
        f"Laporan baru dibuat di {made}.\nBerikutnya: {then}.\n"
        "Ganti data contoh di data/ dan sunting bab di docs/ (lihat README.md di folder itu)."
    )
    return 0


def create(folder: Path, instansi: str, daerah: str, tahun: int) -> Path:
    """Make the report folder; returns its path."""
    folder = Path(folder).resolve()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NewError(f"{folder} sudah ada dan tidak kosong; pilih folder baru")
    for name, value in (("--instansi", instansi), ("--daerah", daerah)):
        if not value.strip() or re.search(r"[\x00-\x1f\x7f$]", value):
            raise NewError(f"{name} harus berisi nama, tanpa karakter kendali atau '$'")
    if not 2000 <= tahun <= 2100:
        raise NewError("--tahun harus tahun empat angka, mis. 2025")
    from ..portal.workspace import find

    workspace = find(folder.parent)
    root = toolkit_root(workspace)
    values = {
        "instansi": instansi.strip(),
        "daerah": daerah.strip(),
        "instansi_yaml": json.dumps(instansi.strip(), ensure_ascii=False),
        "daerah_yaml": json.dumps(daerah.strip(), ensure_ascii=False),
        "tahun": str(tahun),
        "tahun_kinerja": str(tahun - 1),
        "tahun_lalu": str(tahun - 2),
        "tahun_akhir_renstra": str(tahun + 1),  # the example Renstra ends the year after the report
    }
    with tempfile.TemporaryDirectory(
        prefix=".lkj-baru-", dir=folder.parent if folder.parent.exists() else None
    ) as work:
        staging = Path(work) / "laporan"
        _copy_template(staging, values, skip=STANDALONE_TEMPLATE if workspace else ())
        copy_from_toolkit(root, staging, FROM_TOOLKIT if workspace else FROM_TOOLKIT + STANDALONE)
        if workspace:
            (staging / "README.md").write_text(
                WORKSPACE_README.format(
                    **values, portal=os.path.relpath(workspace, folder), here=folder.relative_to(workspace)
                ),
                encoding="utf-8",
            )
        else:
            vendor(root, staging)
        folder.parent.mkdir(parents=True, exist_ok=True)
        if folder.exists():
            folder.rmdir()
        shutil.move(str(staging), str(folder))
    return folder


def copy_from_toolkit(root: Path, target: Path, names) -> None:
    for name in names:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target / name)


def vendor(root: Path, target: Path) -> None:
    """The toolkit as a wheel in `target/vendor/`, pinned with every other package in requirements.lock."""
    wheel = _wheel(root, target / "vendor")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    lock = (root / "requirements.lock").read_text(encoding="utf-8")
    (target / "requirements.lock").write_text(
        f"{lock.rstrip()}\n# the LKj toolkit this folder is built with\n"
        f"./vendor/{wheel.name} \\\n    --hash=sha256:{digest}\n",
        encoding="utf-8",
    )


def toolkit_root(workspace: Path | None = None) -> Path:
    """Where a new report's files from the toolkit come from: for a report of a workspace, the
    copy the workspace keeps (the same toolkit as its wheel); else the toolkit's own checkout."""
    if workspace is not None and all((workspace / WORKSPACE_FILES / name).is_file() for name in FROM_TOOLKIT):
        return workspace / WORKSPACE_FILES
    root = Path(__file__).resolve().parents[3]
    if not all((root / name).is_file() for name in ("pyproject.toml", "requirements.lock", *FROM_TOOLKIT, *STANDALONE)):
        raise NewError(
            "lkj new dijalankan dari salinan kode toolkit LKj (repositorinya) atau di dalam ruang kerja "
            f"portal (lkj portal new); {root} bukan salinan itu"
        )
    return root


def _copy_template(target: Path, values: dict[str, str], skip=(), template: Path = TEMPLATE) -> None:
    for source in sorted(template.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = source.relative_to(template)
        if relative.parts[0] in skip or relative.name.removesuffix(TEMPLATED) in skip:
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.name.endswith(TEMPLATED):
            text = Template(source.read_text(encoding="utf-8")).substitute(values)
            destination.with_name(source.name.removesuffix(TEMPLATED)).write_text(text, encoding="utf-8")
        else:
            shutil.copy2(source, destination)


def _wheel(root: Path, target: Path) -> Path:
    """The toolkit as a wheel, built with the pinned build tools already installed."""
    target.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="lkj-wheel-") as build:
        # from a copy of the sources: setuptools writes build/ and *.egg-info beside what it builds,
        # which two `lkj new` at once (or a checkout that is read-only) would trip over
        source = Path(build) / "sumber"
        shutil.copytree(root / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        shutil.copy2(root / "pyproject.toml", source / "pyproject.toml")
        command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        result = subprocess.run(
            [*command, "--wheel-dir", str(target), str(source)], capture_output=True, text=True, cwd=build
        )
    wheels = list(target.glob("lkj-*.whl"))
    if result.returncode != 0 or len(wheels) != 1:
        raise NewError(f"toolkit tidak dapat dikemas ({result.stderr.strip().splitlines()[-1:]})")
    return wheels[0]
