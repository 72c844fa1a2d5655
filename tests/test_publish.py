"""`make build` publishes all or nothing: `site/` is the old build or the new one, never a mix,
never missing, and the exit status tells which. (python -m lkj_site build, as make runs it)"""

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lkj_site.commands import build as command
from lkj_site.publisher import versions as publish
from tests.sites import copy_project, run_python
from tests.test_validate import replace

pytestmark = pytest.mark.lambat  # full builds, or `lkj build` in its own processes


def make_build(project: Path, **env: str) -> subprocess.CompletedProcess:
    return run_python(["-m", "lkj_site", "build"], project, **{"LKJ_PDF": "false", "GITHUB_ACTIONS": "false", **env})


def versions(project: Path) -> list[str]:
    """Folders under .site-versi/: builds in progress, or what a killed one left (not the lock, nor
    the key of the published site)."""
    return sorted(p.name for p in (project / publish.VERSIONS).iterdir() if p.name not in (publish.LOCK, publish.KEPT))


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-baru-")) + versions(project)


def mark(project: Path) -> str:
    """Put a marker in the published site: it stays exactly as long as this site does."""
    marker = f"penanda {time.monotonic_ns()}"
    (project / "site" / "penanda.txt").write_text(marker, encoding="utf-8")
    return marker


def marked(project: Path, marker: str) -> bool:
    path = project / "site" / "penanda.txt"
    return path.is_file() and path.read_text(encoding="utf-8") == marker


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A project built once with `make build` (site only), over a site of an older layout and
    what killed builds left behind."""
    project = copy_project(tmp_path_factory.mktemp("terbit") / "lkj")
    (project / "site").mkdir()
    (project / "site" / "lama.html").write_text("lama", encoding="utf-8")
    (project / publish.VERSIONS / "20200101T000000.000000Z-1" / "bab-1").mkdir(parents=True)
    (project / ".site-baru-abc" / "site").mkdir(parents=True)
    result = make_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_build_publishes_an_ordinary_site_folder(published):
    site = published / "site"
    assert site.is_dir() and not site.is_symlink() and (site / "bab-3" / "index.html").is_file()
    assert not (site / "lama.html").exists()
    assert (site / "bab-3" / "index.html.gz").is_file() and (site / "bab-3" / "index.html.br").is_file()


def test_leftovers_of_killed_builds_are_removed_by_the_next(published):
    assert leftovers(published) == []


def test_the_site_is_never_missing_while_a_new_one_is_switched_in(published):
    seen_missing = []
    stop = threading.Event()

    def read():
        while not stop.is_set():
            if not (published / "site" / "index.html").is_file():
                seen_missing.append(time.monotonic())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        result = make_build(published)
    finally:
        stop.set()
        reader.join()
    assert result.returncode == 0, result.stderr
    assert seen_missing == []
    assert leftovers(published) == []  # the old site is gone, the new one is live


def test_a_failed_build_leaves_the_published_site_untouched(published):
    marker = mark(published)
    replace(published / "data" / "misi.csv", "kode_misi,uraian,peran\n", "kode_misi,uraian,peran,catatan\n")
    replace(published / "docs" / "bab-2.md", "{{ jumlah_misi() }}", "{{ jumlah_misi(2019) }}")
    try:
        result = make_build(published)
    finally:
        shutil.copy2(Path(__file__).parents[1] / "data" / "misi.csv", published / "data" / "misi.csv")
        shutil.copy2(Path(__file__).parents[1] / "docs" / "bab-2.md", published / "docs" / "bab-2.md")
    assert result.returncode == 1
    assert "PERINGATAN data/misi.csv, baris 1, kolom 'catatan'" in result.stderr  # warnings shown even then
    assert result.stderr.splitlines()[-1].endswith("; situs yang terbit (site/) tidak diubah.")
    assert marked(published, marker)
    assert leftovers(published) == []


def test_an_old_site_that_cannot_be_removed_is_a_warning_not_a_failure(published, monkeypatch, capsys):
    marker = mark(published)

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(publish.shutil, "rmtree", refuse)
    monkeypatch.setenv("LKJ_PDF", "false")
    assert command.build(published) == 0
    err = capsys.readouterr().err
    assert not marked(published, marker) and (published / "site" / "index.html").is_file()  # the new site is live
    (old,) = versions(published)
    assert (published / publish.VERSIONS / old / "penanda.txt").read_text(encoding="utf-8") == marker
    assert f"PERINGATAN versi lama tidak dapat dihapus: {publish.VERSIONS}/{old} (Permission denied)" in err
    monkeypatch.undo()
    assert publish.Versions(published).clean() == [] and leftovers(published) == []  # what the next build does first


def test_a_build_over_its_time_limit_is_stopped_and_publishes_nothing(published):
    """A build that never ends (here: mkdocs.yml a FIFO nobody writes to, so reading it waits forever)."""
    marker = mark(published)
    settings = published / "mkdocs.yml"
    kept = settings.read_bytes()
    settings.unlink()
    os.mkfifo(settings)
    try:
        started = time.monotonic()
        result = make_build(published, LKJ_BATAS_WAKTU="1")
        assert time.monotonic() - started < 30
    finally:
        settings.unlink()
        settings.write_bytes(kept)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith("Build gagal: melebihi batas waktu 1 detik (LKJ_BATAS_WAKTU)")
    assert marked(published, marker) and leftovers(published) == []


def test_two_builds_at_once_the_second_is_refused(published):
    with open(published / publish.VERSIONS / publish.LOCK, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = make_build(published)
    assert result.returncode == 1
    assert "build lain sedang berjalan di folder ini" in result.stderr


def start_build(project: Path) -> subprocess.Popen:
    environment = {**os.environ, "LKJ_PDF": "false", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "lkj_site", "build"], cwd=project, env=environment, stderr=subprocess.PIPE, text=True
    )


def wait_until_building(project: Path, before: list[str]) -> None:
    """Until the child has started writing its new version."""
    deadline = time.monotonic() + 60
    while versions(project) == before:
        assert time.monotonic() < deadline
        time.sleep(0.05)


def wait_for_the_lock(project: Path) -> None:
    """Until no build holds the project's lock (the killed build and its child are gone)."""
    with open(project / publish.VERSIONS / publish.LOCK, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)


def test_sigterm_stops_the_build_and_publishes_nothing(published):
    marker = mark(published)
    builder = start_build(published)
    wait_until_building(published, [])
    builder.send_signal(signal.SIGTERM)
    _, err = builder.communicate(timeout=60)
    assert builder.returncode == 128 + signal.SIGTERM
    assert err.splitlines()[-1] == "Build dibatalkan; site/ tidak diubah."
    wait_for_the_lock(published)
    assert marked(published, marker) and leftovers(published) == []


def test_killing_the_process_that_started_the_build_stops_it(published):
    """`make` killed (even with SIGKILL): its child must not publish afterwards."""
    marker = mark(published)
    starter = subprocess.Popen(
        [sys.executable, "-c", "import subprocess, sys, time; subprocess.Popen(sys.argv[1:]); time.sleep(600)",
         sys.executable, "-m", "lkj_site", "build"],
        cwd=published, env={**os.environ, "LKJ_PDF": "false"}, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wait_until_building(published, [])
    starter.kill()
    starter.wait()
    wait_for_the_lock(published)
    assert marked(published, marker) and leftovers(published) == []


@pytest.mark.parametrize("name", [publish.VERSIONS, f"{publish.VERSIONS}/{publish.LOCK}"])
def test_a_committed_link_in_place_of_the_build_folder_is_refused(tmp_path, name):
    """`make build` removes what it finds in .site-versi/: never through a link to elsewhere."""
    project = copy_project(tmp_path / "lkj")
    elsewhere = tmp_path / "di-luar"
    elsewhere.mkdir()
    (elsewhere / "penting.txt").write_text("jangan dihapus", encoding="utf-8")
    if name != publish.VERSIONS:
        (project / publish.VERSIONS).mkdir()
    (project / name).symlink_to(elsewhere if name == publish.VERSIONS else elsewhere / "penting.txt")
    result = make_build(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith(f"Build gagal: {name} harus folder atau berkas biasa")
    assert (elsewhere / "penting.txt").read_text(encoding="utf-8") == "jangan dihapus"
    assert not (project / "site").exists()


def test_a_swap_that_fails_changes_nothing_and_says_so(published, monkeypatch, capsys):
    marker = mark(published)

    def refuse(first, second):
        raise OSError(16, "Device or resource busy", str(second))

    monkeypatch.setattr(publish, "exchange", refuse)
    monkeypatch.setenv("LKJ_PDF", "false")
    assert command.build(published) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Build gagal: site/ tidak dapat diganti (Device or resource busy); site/ tidak diubah."
    )
    assert marked(published, marker) and leftovers(published) == []
