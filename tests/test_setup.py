"""What `make` installs: Debian libraries only when missing, Python packages only with their hashes."""

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.sites import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "scripts" / "system-deps.sh"
PRESENT = ("libpango-1.0.so.0", "libpangoft2-1.0.so.0", "libharfbuzz-subset.so.0")


def fake_tools(folder: Path, libraries: tuple[str, ...], uid: int) -> Path:
    """`ldconfig` listing `libraries` and then a lot more (grep -q stops reading early),
    `apt-get` that only records that it was called, and `id -u` answering `uid`."""
    folder.mkdir()
    lines = "".join(f'echo "\t{name} (libc6,x86-64) => /usr/lib/{name}"\n' for name in libraries)
    tools = {
        "ldconfig": f"#!/bin/bash\n{lines}yes 'libsesuatu.so.1 (libc6,x86-64) => /usr/lib/x' | head -c 3000000\n",
        "apt-get": f'#!/bin/bash\necho "$@" >> {folder / "apt-get.log"}\n',
        "id": f"#!/bin/bash\necho {uid}\n",
    }
    for name, text in tools.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name).chmod(0o755)
    return folder


def system_deps(tools: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PATH": f"{tools}:{os.environ['PATH']}"}
    return subprocess.run(["bash", str(SCRIPT)], env=environment, capture_output=True, text=True, timeout=60)


def test_nothing_is_installed_when_every_library_is_there(tmp_path):
    tools = fake_tools(tmp_path / "bin", PRESENT, uid=0)
    for _ in range(3):  # the old `ldconfig -p | grep -q` under pipefail died of SIGPIPE on this ldconfig
        result = system_deps(tools)
        assert result.returncode == 0 and result.stderr == ""
    assert not (tools / "apt-get.log").exists()


def test_a_missing_library_is_installed_as_root(tmp_path):
    tools = fake_tools(tmp_path / "bin", PRESENT[:2], uid=0)
    result = system_deps(tools)
    assert result.returncode == 0
    assert (tools / "apt-get.log").read_text().splitlines()[-1].endswith("libharfbuzz-subset0")


def test_a_missing_library_is_named_to_a_user_who_is_not_root(tmp_path):
    tools = fake_tools(tmp_path / "bin", PRESENT[1:], uid=1000)
    result = system_deps(tools)
    assert result.returncode == 1
    assert "apt-get install libpango-1.0-0" in result.stderr
    assert not (tools / "apt-get.log").exists()


def requirements(lock: Path) -> dict[str, list[str]]:
    """Requirement line -> its hashes, from a pip-compile lock file."""
    entries: dict[str, list[str]] = {}
    current = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[A-Za-z0-9]", line):
            current = line.split(" ")[0]
            entries[current] = []
        elif current and "--hash=" in line:
            entries[current].append(line.split("--hash=")[1].split()[0])
    return entries


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-bootstrap.lock"])
def test_every_package_is_pinned_with_its_hashes(lock):
    entries = requirements(PROJECT_ROOT / lock)
    assert entries
    for requirement, hashes in entries.items():
        assert re.fullmatch(r"[A-Za-z0-9._-]+==[A-Za-z0-9.+!-]+", requirement), requirement
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), requirement


def test_pip_itself_is_pinned_and_everything_installs_with_hashes_required():
    assert any(r.startswith("pip==") for r in requirements(PROJECT_ROOT / "requirements-bootstrap.lock"))
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line.split("#")[0].strip() for line in makefile.splitlines() if "$(BIN)/python -m pip install" in line]
    assert installs == [
        "$(BIN)/python -m pip install --quiet --require-hashes -r requirements-bootstrap.lock",
        "$(BIN)/python -m pip install --quiet --require-hashes --no-build-isolation -r requirements.lock",
        "$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .",  # this repository's code
    ]
