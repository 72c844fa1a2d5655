"""`make build`, `make check` and `make serve`.

    lkj build [PROJECT]    site and PDF; `site` switches only if all succeeded
    lkj check [PROJECT]    data and chapters checked, nothing published
    lkj serve [PROJECT]    the website while writing, rebuilt on every save (serve.py)

`build` runs the MkDocs build in a child process (`run.py`) so that it can be stopped:
after `LKJ_BATAS_WAKTU` seconds (default 1800), on Ctrl-C or SIGTERM, or when the
process that started it (make) dies. In each case nothing is published and the next
build removes what was left. `LKJ_PDF=false` builds without the PDF.
"""

import argparse
import ctypes
import os
import signal
import subprocess
import sys
from pathlib import Path

from . import messages
from .publish import Busy, NotAFolder, Versions, remove

DEFAULT_TIME_LIMIT = 1800  # seconds; the report builds in seconds, a large one in minutes
PR_SET_PDEATHSIG = 1
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
    version = versions.new()
    try:
        code = _build_in_child(project, version)
    except BaseException:
        _discard(version)
        raise
    if code != 0 or os.getppid() != parent:
        _discard(version)
        return code or 1
    for number in STOP_SIGNALS:
        signal.signal(number, signal.SIG_IGN)  # the switch is one step: let it happen
    try:
        versions.switch(version)
    except OSError as error:
        _discard(version)
        reason = error.strerror or error
        print(f"Build gagal: site/ tidak dapat diganti ({reason}); site/ tidak diubah.", file=sys.stderr)
        return 1
    _warn(versions.clean())
    pdfs = sorted(str(p.relative_to(project)) for p in versions.site.glob("pdf/*.pdf"))
    print(f"Situs: site/index.html{'  PDF: ' + ', '.join(pdfs) if pdfs else ''}")
    return 0


def _build_in_child(project: Path, version: Path) -> int:
    """`lkj_site.run` in a child process, stopped after the time limit or when this one is."""
    limit = _time_limit()
    command = [sys.executable, "-m", "lkj_site.run", str(project), str(version), "--staging"]
    if os.environ.get("LKJ_PDF", "true").lower() != "false":
        command.append("--pdf")
    # Its own session: Ctrl-C reaches this process, which stops the child and tidies up.
    child = subprocess.Popen(
        command, cwd=project, start_new_session=True, preexec_fn=lambda: die_with_parent(signal.SIGKILL)
    )
    try:
        return child.wait(timeout=limit)
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


def _stop(signal_number, frame):
    raise Stopped(signal_number)


def die_with_parent(signal_number: int) -> None:
    """Ask Linux to send `signal_number` to this process when its parent dies."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal_number))


def _time_limit() -> int:
    value = os.environ.get("LKJ_BATAS_WAKTU", "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_TIME_LIMIT


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


def main(argv: list[str] | None = None) -> int:
    """The `lkj` command: `lkj build|check|serve [FOLDER]`, `lkj diff BASE [HEAD]`,
    `lkj new FOLDER --instansi … --daerah … --tahun …`."""
    arguments = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if arguments.command == "new":
            from .new import new

            return new(
                Path(arguments.folder), instansi=arguments.instansi, daerah=arguments.daerah, tahun=arguments.tahun
            )
        project = Path(arguments.folder).resolve()
        if arguments.command == "diff":
            from .diff import main as diff

            return diff(project, arguments.base, arguments.head)
        if arguments.command == "serve":
            from .serve import serve

            return serve(project, arguments.alamat)
        if arguments.command == "check":
            from .check import check

            return check(project)
        die_with_parent(signal.SIGTERM)  # make killed, even with SIGKILL: stop, and publish nothing
        return build(project)
    except Exception as error:  # a defect of ours: still one line, the details on request
        if os.environ.get("LKJ_DEBUG") == "1":
            raise
        print(f"Gagal: {messages.unexpected(error)}.", file=sys.stderr)
        return 2


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="Pemakaian: ")


class _Parser(argparse.ArgumentParser):
    """argparse, speaking Indonesian."""

    def __init__(self, **options):
        super().__init__(formatter_class=_Formatter, add_help=False, **options)
        self._positionals.title, self._optionals.title = "argumen", "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message):
        self.exit(2, f"lkj: perintah tidak lengkap atau salah ({message}); lihat: lkj --help\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lkj", description="Laporan Kinerja (LKj) sebagai kode: membangun, memeriksa, memulai.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH", parser_class=_Parser)
    for name, text in (
        ("build", "bangun situs dan PDF; site/ diganti hanya bila semuanya berhasil"),
        ("check", "periksa data/ dan bab-bab tanpa menerbitkan apa pun"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("folder", nargs="?", default=".", help="folder laporan (bawaan: folder ini)")
    text = "pratinjau situs selama menulis: dibangun ulang setiap bab, data, pengaturan atau kode disimpan"
    serve = commands.add_parser("serve", help=text, description=text)
    serve.add_argument("folder", nargs="?", default=".", help="folder laporan (bawaan: folder ini)")
    serve.add_argument("--alamat", default="127.0.0.1:8000", help="HOST:PORT pratinjau (bawaan: 127.0.0.1:8000)")
    text = "angka, data, teks bab dan peringatan yang berubah dari revisi BASE ke HEAD (Markdown, untuk pull request)"
    diff = commands.add_parser("diff", help=text, description=text)
    diff.add_argument("base", metavar="BASE", help="revisi git pembanding, mis. origin/main")
    diff.add_argument("head", metavar="HEAD", nargs="?", default="HEAD", help="revisi yang ditinjau (bawaan: HEAD)")
    diff.add_argument("--folder", default=".", help="folder laporan (bawaan: folder ini)")
    new = commands.add_parser("new", help="mulai laporan baru untuk instansi dan tahun lain")
    new.add_argument("folder", help="folder baru untuk laporan itu")
    new.add_argument("--instansi", required=True, help='nama instansi, mis. "Dinas Pendidikan"')
    new.add_argument("--daerah", required=True, help='kabupaten, kota atau provinsi, mis. "Kota Contoh"')
    new.add_argument("--tahun", required=True, type=int, help="tahun laporan, mis. 2025")
    return parser
