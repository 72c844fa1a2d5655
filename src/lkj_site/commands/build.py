"""`lkj build [PROJECT]` (`make build`): site and PDF; `site/` switches only if all succeeded.

When nothing the site is made of changed since the published site was built (`publisher/reuse.py`),
nothing is built: the published site stays, its build's warnings are said again, and one line
says so. Otherwise the build runs in a child process (`publisher/stage.py`) so that it can be stopped:
after `LKJ_BATAS_WAKTU` seconds (default 1800), on Ctrl-C or SIGTERM, or when the process
that started it (make) dies. In each case nothing is published and the next build removes
what was left. `LKJ_PDF=false` builds without the PDF.
"""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from .. import messages
from ..processes import die_with_parent, stage_command, stage_time_limit
from ..publisher import reuse
from ..publisher.versions import Busy, NotAFolder, Versions, remove

REUSED = "Tidak ada yang berubah sejak build sebelumnya: situs yang terbit (site/) tetap, tanpa dibangun ulang."
SIGNING = ("LKJ_TTE_P12", "LKJ_TTE_PASSWORD")  # a signature is an act of its own time: always built
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Stopped(Exception):
    def __init__(self, signal_number: int):
        self.signal_number = signal_number


def build(project: Path) -> int:
    versions = Versions(project)
    handlers = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    for number in STOP_SIGNALS:  # from the first moment: a stopped build always tidies up
        signal.signal(number, _stop)
    try:
        with versions.lock():
            _warn(versions.clean())
            return _build_and_switch(project, versions)
    except Stopped as stopped:
        print("Build dibatalkan; site/ tidak diubah.", file=sys.stderr)
        return 128 + stopped.signal_number
    except Busy:
        print("Build gagal: build lain sedang berjalan di folder ini; tunggu sampai selesai.", file=sys.stderr)
        return 1
    except NotAFolder as error:
        print(
            f"Build gagal: {error.args[0]} harus folder atau berkas biasa di dalam proyek, bukan tautan; "
            "hapus lalu jalankan lagi; site/ tidak diubah.",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        print(f"Build gagal: {messages.os_error(error)}; site/ tidak diubah.", file=sys.stderr)
        return 1
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def _build_and_switch(project: Path, versions: Versions) -> int:
    parent = os.getppid()  # if it changes, whoever started the build has died
    pdf = os.environ.get("LKJ_PDF", "true").lower() != "false"
    key = None if any(os.environ.get(name) for name in SIGNING) else reuse.inputs_key(project, pdf)
    published = key and reuse.published_unchanged(versions.folder, versions.site, key)
    if published:
        for line in published.warnings:
            print(line, file=sys.stderr)
        print(REUSED)
        return 0
    version = versions.new()
    warnings: list[str] = []
    try:
        code = _build_in_child(project, version, pdf, warnings)
    except BaseException:
        _discard(version)
        raise
    if code != 0 or os.getppid() != parent:
        _discard(version)
        return code or 1
    for number in STOP_SIGNALS:
        signal.signal(number, signal.SIG_IGN)  # the switch is one step: let it happen
    try:
        reuse.forget(versions.folder)
        versions.switch(version)
    except OSError as error:
        _discard(version)
        reason = error.strerror or error
        print(f"Build gagal: site/ tidak dapat diganti ({reason}); site/ tidak diubah.", file=sys.stderr)
        return 1
    _warn(versions.clean())
    if key:
        try:
            reuse.record(versions.folder, versions.site, key, warnings)
        except OSError:
            pass  # the next build builds again
    pdfs = sorted(str(p.relative_to(project)) for p in versions.site.glob("pdf/*.pdf"))
    print(f"Situs: site/index.html{'  PDF: ' + ', '.join(pdfs) if pdfs else ''}")
    return 0


def _build_in_child(project: Path, version: Path, pdf: bool, warnings: list[str]) -> int:
    """`lkj_site.publisher.stage` in a child process, stopped after the time limit or when this one is.

    What it says on stderr is passed on as it comes; its warnings are kept in `warnings`."""
    limit = stage_time_limit()
    # Its own session: Ctrl-C reaches this process, which stops the child and tidies up.
    child = subprocess.Popen(
        stage_command(project, version, pdf),
        cwd=project,
        start_new_session=True,
        preexec_fn=lambda: die_with_parent(signal.SIGKILL),
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )
    passing = threading.Thread(target=_pass_on, args=(child.stderr, warnings), daemon=True)
    passing.start()
    try:
        code = child.wait(timeout=limit)
        passing.join(timeout=5)
        return code
    except subprocess.TimeoutExpired:
        print(
            f"Build gagal: melebihi batas waktu {limit} detik (LKJ_BATAS_WAKTU) dan dihentikan; "
            "periksa data yang sangat besar atau sel yang sangat panjang; site/ tidak diubah.",
            file=sys.stderr,
        )
        return 1
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def _pass_on(stream, warnings: list[str]) -> None:
    for line in stream:
        sys.stderr.write(line)
        sys.stderr.flush()
        if line.startswith("PERINGATAN"):
            warnings.append(line.rstrip("\n"))


def _stop(signal_number, frame):
    raise Stopped(signal_number)


def _discard(version: Path) -> None:
    try:
        remove(version)
    except OSError:
        pass  # the next build removes it


def _warn(failed: list[str]) -> None:
    if failed:
        print(
            f"PERINGATAN versi lama tidak dapat dihapus: {', '.join(failed)}; build berikutnya mencobanya lagi",
            file=sys.stderr,
        )
