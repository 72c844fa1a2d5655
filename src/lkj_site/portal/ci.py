"""The portal on a CI service's own engine: its job matrix builds the reports that changed.

`changed` lists the reports changed since a revision (every report when there is none, or when
what all of them are built with changed: the lock files or the toolkit's wheel); `matrix` groups
them for GitHub Actions' `strategy.matrix` (at most `MAX_JOBS` jobs, the service's limit is 256);
`share` gives one of GitLab's `parallel` jobs its part. `write` puts the workflow (`ci/github.yml`,
`ci/gitlab-ci.yml`, checked by the toolkit's `make lint`) and an example CODEOWNERS into the
workspace. `take_results` puts what the matrix jobs built into the workspace's state, where the
assembly (`lkj portal build --hasil-ci`) finds it beside the unchanged reports' last output.
"""

import json
import shutil
import subprocess
from pathlib import Path

from .builds import STATE_FILE, state
from .workspace import REPORTS, Entry, Portal, PortalError

HERE = Path(__file__).parent / "ci"
MAX_JOBS = 64
EVERYTHING = ("requirements.lock", "requirements-bootstrap.lock", "vendor/", "scripts/", "portal.yml")
WORKFLOWS = {
    "github": (("github.yml", ".github/workflows/portal.yml"),),
    "gitlab": (("gitlab-ci.yml", ".gitlab-ci.yml"),),
}
CODE_OF_A_REPORT = ("docs/", "mkdocs.yml", "*.py", "macros/")
OWNERS = {"github": ".github/CODEOWNERS.contoh", "gitlab": ".gitlab/CODEOWNERS.contoh"}


def changed(portal: Portal, entries: list[Entry], since: str) -> list[str]:
    keys = [entry.key for entry in entries]
    if not since.strip():
        return keys
    try:
        paths = subprocess.run(
            ["git", "diff", "--name-only", "--relative", since.strip(), "HEAD", "--"],
            cwd=portal.folder, capture_output=True, text=True, check=True, timeout=60,
        ).stdout.splitlines()  # fmt: skip
    except (OSError, subprocess.SubprocessError):  # a revision this clone does not have: build all
        return keys
    if any(path == name or path.startswith(name) for path in paths for name in EVERYTHING):
        return keys
    touched = {"/".join(path.split("/")[1:3]) for path in paths if path.startswith(f"{REPORTS}/")}
    return [key for key in keys if key in touched]


def matrix(keys: list[str]) -> dict:
    """`{"include": [{"kelompok": "1", "laporan": "dinas-a/2024 dinas-b/2024"}, …]}`."""
    count = min(len(keys), MAX_JOBS)
    groups = [keys[index::count] for index in range(count)]
    return {"include": [{"kelompok": str(n), "laporan": " ".join(group)} for n, group in enumerate(groups, 1)]}


def share(keys: list[str], part: str) -> list[str]:
    """Job `i` of `n` (`"i/n"`, GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, from 1): its reports."""
    if not part:
        return keys
    try:
        index, total = (int(value) for value in part.split("/"))
    except ValueError:
        raise PortalError(f"--bagian harus I/N, mis. 1/4 (bukan {part!r})") from None
    if not 1 <= index <= total:
        raise PortalError(f"--bagian {part}: I harus antara 1 dan N")
    return keys[index - 1 :: total]


def write(portal: Portal, service: str, entries: list[Entry]) -> list[Path]:
    written = []
    for source, target in WORKFLOWS[service]:
        path = portal.folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(HERE / source, path)
        written.append(path)
    path = portal.folder / OWNERS[service]
    path.parent.mkdir(parents=True, exist_ok=True)
    offices = sorted({entry.kantor for entry in entries})
    lines = [
        "# Contoh CODEOWNERS: setiap perangkat daerah meninjau folder laporannya sendiri, Bagian Organisasi",
        "# meninjau portal dan toolkit. Ganti @organisasi/… dengan tim atau akun yang sebenarnya, lalu",
        "# ubah nama berkas ini menjadi CODEOWNERS (dan aktifkan 'Require review from Code Owners').",
        "*                                @organisasi/bagian-organisasi",
        *(f"/{REPORTS}/{office}/".ljust(33) + f"@organisasi/tim-{office}" for office in offices),
        "# Bab, pengaturan dan kait setiap laporan boleh memuat HTML dan kode: di portal semuanya berjalan",
        "# di alamat yang sama dengan semua laporan lain dan halaman portal (SECURITY.md). Bagian Organisasi",
        "# meninjaunya (baris terakhir yang cocok berlaku); data/ tetap ditinjau perangkat daerahnya.",
        *(f"/{REPORTS}/*/*/{part}".ljust(33) + "@organisasi/bagian-organisasi" for part in CODE_OF_A_REPORT),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    written.append(path)
    return written


def take_results(portal: Portal, entries: list[Entry], folder: Path) -> int:
    """What the matrix jobs built (`folder/<kantor>/<tahun>/`: their state and, where the build
    succeeded, its site) in the place of the last; a failure keeps the last good site. Returns how
    many reports came."""
    came = 0
    for entry in entries:
        new = folder / entry.key
        if not (new / STATE_FILE).is_file():
            continue
        came += 1
        mine = state(portal, entry)
        mine.mkdir(parents=True, exist_ok=True)
        if (new / "site").is_dir():
            shutil.rmtree(mine / "site", ignore_errors=True)
            shutil.move(new / "site", mine / "site")
        shutil.copyfile(new / STATE_FILE, mine / STATE_FILE)
    return came


def matrix_json(keys: list[str]) -> str:
    return json.dumps(matrix(keys), separators=(",", ":"))
