"""`make serve` (`lkj serve`), as a writer uses it: every save of a chapter, data, settings or
code shows on the page; a broken file shows its error on the page and the server goes on."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.html import parse
from tests.sites import copy_project

pytestmark = pytest.mark.lambat  # a server process

MACROS_WITH_ONE_MORE = """from lkj_site.builder.macros import define_env as define_lkj, on_post_build, on_pre_page_macros

__all__ = ["define_env", "on_post_build", "on_pre_page_macros"]


def define_env(env):
    define_lkj(env)
    env.macro(lambda: "{}", "penanda_kode")
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError as error:  # 404 while a page does not exist
        return str(error)


def wait_for(url: str, condition, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    while True:
        text = page(url)
        if condition(text) or time.monotonic() > deadline:
            return text
        time.sleep(0.05)


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "lkj")
    (project / "macros" / "__init__.py").write_text(MACROS_WITH_ONE_MORE.format("kode-satu"), encoding="utf-8")
    bab4 = project / "docs" / "bab-4.md"
    bab4.write_text(bab4.read_text(encoding="utf-8") + "\n\nPenanda: {{ penanda_kode() }}\n", encoding="utf-8")
    port = free_port()
    (tmp_path / "tmp").mkdir()  # where the server keeps the site it serves
    server = subprocess.Popen(
        [sys.executable, "-m", "lkj_site", "serve", "--alamat", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    assert "Penanda: kode-satu" in wait_for(url + "bab-4/", lambda text: "Penanda:" in text)
    yield project, url, server
    if server.poll() is None:
        server.kill()
        server.wait()


def test_every_kind_of_save_shows_on_the_page_and_an_error_never_stops_the_server(served):
    project, url, server = served
    program = project / "data" / "program.csv"
    original = program.read_text(encoding="utf-8")

    # data: a program renamed shows in BAB III's budget table
    program.write_text(original.replace("Program Pelayanan Administrasi Perkantoran", "Program Uji Simpan"), "utf-8")
    text = wait_for(url + "bab-3/", lambda text: "Program Uji Simpan" in text)
    assert "Program Uji Simpan" in parse(text).select_one(".lkj-tabel--realisasi-anggaran").get_text()

    # a data error: shown on the open page, as text, with its file, row and column
    program.write_text(original + "P01,<b>dobel</b>,x\n", encoding="utf-8")
    text = wait_for(url + "bab-3/", lambda text: "Build gagal" in text)
    error = parse(text)
    assert error.h1.get_text() == "Build gagal"
    assert "data/program.csv, baris 10" in error.get_text() and error.select("b") == []
    assert "location.reload" in text  # reloads itself once fixed

    # fixed: the chapter is back
    program.write_text(original, encoding="utf-8")
    text = wait_for(url + "bab-3/", lambda text: "lkj-tabel--realisasi-anggaran" in text)
    assert "Program Pelayanan Administrasi Perkantoran" in text

    # settings: mkdocs.yml
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Maju, Adil", "Maju, Uji, Adil"), "utf-8")
    text = wait_for(url + "bab-2/", lambda text: "MAJU, UJI, ADIL" in parse(text).get_text())
    assert "MAJU, UJI, ADIL" in parse(text).select_one("article").get_text()

    # code: the report's own macros module, imported afresh
    (project / "macros" / "__init__.py").write_text(MACROS_WITH_ONE_MORE.format("kode-dua"), encoding="utf-8")
    assert "Penanda: kode-dua" in wait_for(url + "bab-4/", lambda text: "Penanda: kode-dua" in text)

    server.send_signal(signal.SIGINT)
    output = server.communicate(timeout=20)[0]
    assert server.returncode == 0
    assert "Build gagal: 1 galat pada data" in output and "Pratinjau dihentikan." in output
    assert "Traceback" not in output


def test_a_port_in_use_is_said_in_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "lkj_site", "serve", "--alamat", f"127.0.0.1:{port}"],
            cwd=copy_project(tmp_path / "lkj"),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Pratinjau gagal: alamat 127.0.0.1:{port} tidak dapat dipakai (Address already in use); "
        "pakai alamat lain, mis. lkj serve --alamat 127.0.0.1:8001"
    ]


def test_the_preview_folder_is_removed_when_the_server_stops(served):
    project, url, server = served
    temporary = project.parent / "tmp"
    assert [path.name[:14] for path in temporary.iterdir()] == ["lkj-pratinjau-"]
    server.send_signal(signal.SIGTERM)
    output = server.communicate(timeout=20)[0]
    assert server.returncode == 0, output
    assert list(temporary.iterdir()) == []
    assert not (project / "site").exists()  # the preview never writes into the project
