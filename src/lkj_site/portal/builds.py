"""Every report of the workspace built, only those that changed, several at once.

Each report is built as `lkj build` builds it (`publisher/stage.py`, in a process of its own,
stopped after `LKJ_BATAS_WAKTU` seconds or when this one dies), into `.portal/laporan/<kantor>/
<tahun>/`. Its key is the SHA-256 of everything its site is made of (`publisher/reuse.py`: its
folder, the switches, the toolkit and every installed version): a report whose key is the one of
its last good site is not built again; one that failed with the same key fails again without
being built. A failure keeps the last good site, which stays published, and its lines (file, row,
column) for the portal's status page.
"""

import json
import os
import shutil
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lkj import fmt

from ..processes import die_with_parent, stage_command, stage_time_limit
from ..publisher import reuse
from .workspace import STATE, Entry, Portal

STATE_FILE = "keadaan.json"


@dataclass
class Outcome:
    entry: Entry
    status: str  # "dibangun", "tetap" (unchanged, not built), "gagal"
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # the failure's lines, as `lkj build` says them
    site: Path | None = None  # the last good site, where there is one

    @property
    def failed(self) -> bool:
        return self.status == "gagal"


def state(portal: Portal, entry: Entry) -> Path:
    return portal.folder / STATE / "laporan" / entry.kantor / str(entry.tahun)


def jobs() -> int:
    """How many reports are built at once: `LKJ_SEKALIGUS`, else one per CPU core."""
    value = os.environ.get("LKJ_SEKALIGUS", "")
    return int(value) if value.isdigit() and int(value) > 0 else (os.cpu_count() or 1)


def last(portal: Portal, entry: Entry) -> Outcome:
    """The report as its last build left it, without building it (the portal's assembly in CI)."""
    folder = state(portal, entry)
    site = folder / "site"
    good = site if site.is_dir() else None
    errors = _read_state(folder).get("galat") or []
    if entry.problem:
        return Outcome(entry, "gagal", errors=[entry.problem], site=good)
    if errors or good is None:
        return Outcome(entry, "gagal", errors=errors or ["belum pernah dibangun"], site=good)
    return Outcome(entry, "tetap", site=good)


def build_all(portal: Portal, entries: list[Entry], pdf: bool, say=print) -> list[Outcome]:
    """Build what changed, `jobs()` at once; `say` gets a line per report."""
    outcomes: dict[str, Outcome] = {}
    with ThreadPoolExecutor(max_workers=jobs()) as pool:
        running = {pool.submit(_one, portal, entry, pdf): entry for entry in entries}
        for done, future in enumerate(as_completed(running), start=1):
            outcome = future.result()
            outcomes[outcome.entry.key] = outcome
            seconds = fmt.angka(Decimal(f"{outcome.seconds:.1f}"), 1)
            said = {"dibangun": f"dibangun ({seconds} detik)", "tetap": "tidak berubah", "gagal": "GAGAL"}
            say(f"[{done}/{len(entries)}] {outcome.entry.key}: {said[outcome.status]}")
    return [outcomes[entry.key] for entry in entries]


def _one(portal: Portal, entry: Entry, pdf: bool) -> Outcome:
    folder = state(portal, entry)
    folder.mkdir(parents=True, exist_ok=True)
    known = _read_state(folder)
    site = folder / "site"
    good = site if site.is_dir() else None
    if entry.problem:
        return Outcome(entry, "gagal", errors=[entry.problem], site=good)
    environment = _environment(portal, entry)
    key = reuse.inputs_key(entry.path, pdf, environment)
    if known.get("berhasil") == key and good:
        return Outcome(entry, "tetap", site=good)
    if known.get("dicoba") == key and known.get("galat"):
        return Outcome(entry, "gagal", errors=known["galat"], site=good)
    started = time.monotonic()
    version = folder / f"baru-{os.getpid()}"
    shutil.rmtree(version, ignore_errors=True)
    code, lines = _stage(entry.path, version, pdf, environment)
    seconds = time.monotonic() - started
    if code != 0:
        shutil.rmtree(version, ignore_errors=True)
        errors = [line for line in lines if line.startswith(("GALAT", "Build gagal"))] or lines[-1:]
        _write_state(folder, {**known, "dicoba": key, "galat": errors})
        return Outcome(entry, "gagal", seconds, errors, good)
    old = folder / f"lama-{os.getpid()}"
    if good:
        os.rename(site, old)
    os.rename(version, site)
    shutil.rmtree(old, ignore_errors=True)
    _write_state(folder, {"dicoba": key, "berhasil": key, "galat": []})
    return Outcome(entry, "dibangun", seconds, site=site)


def report_url(portal: Portal, entry: Entry) -> str:
    """Where the report is published inside the portal (its sitemap, canonical links, 404 page)."""
    return f"{portal.alamat.rstrip('/')}/{entry.key}/" if portal.alamat else ""


def _environment(portal: Portal, entry: Entry) -> dict[str, str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    environment.pop("LKJ_SITE_URL", None)
    if portal.alamat:
        environment["LKJ_SITE_URL"] = report_url(portal, entry)
    return environment


def _stage(project: Path, version: Path, pdf: bool, environment: dict[str, str]) -> tuple[int, list[str]]:
    limit = stage_time_limit()
    child = subprocess.Popen(
        stage_command(project, version, pdf),
        cwd=project,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        preexec_fn=lambda: die_with_parent(signal.SIGKILL),
    )
    try:
        output, _ = child.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return 1, [f"Build gagal: melebihi batas waktu {limit} detik (LKJ_BATAS_WAKTU) dan dihentikan"]
    return child.returncode, output.splitlines()


def _read_state(folder: Path) -> dict:
    try:
        content = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return content if isinstance(content, dict) else {}


def _write_state(folder: Path, content: dict) -> None:
    from lkj import cache

    cache.write(folder / STATE_FILE, json.dumps(content, ensure_ascii=False, indent=1).encode())
