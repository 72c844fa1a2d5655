"""The `lkj` command: its arguments (in Indonesian) and which command runs. One module per command:

    lkj build [FOLDER]     site and PDF; `site/` switches only if all succeeded   (build.py)
    lkj check [FOLDER]     data and chapters checked, nothing published           (check.py)
    lkj serve [FOLDER]     the website while writing, rebuilt on every save       (serve.py)
    lkj diff BASE [HEAD]   what a change moves, for a pull request                 (diff.py)
    lkj new FOLDER …       a report for another office or year                     (new.py)
    lkj excel export|import  the data as one workbook, and back                    (excel.py)
    lkj portal new|build|rencana|ci  a regency's reports side by side          (portal.py)

Each command is imported only when it runs: `lkj build` of an unchanged report starts fast.
"""

import argparse
import os
import signal
import sys
from pathlib import Path

from .. import messages
from ..processes import die_with_parent


def main(argv: list[str] | None = None) -> int:
    """The `lkj` command: `lkj build|check|serve [FOLDER]`, `lkj diff BASE [HEAD]`,
    `lkj new FOLDER --instansi … --daerah … --tahun …`, `lkj excel export|import …`."""
    arguments = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if arguments.command == "new":
            from .new import new

            return new(
                Path(arguments.folder), instansi=arguments.instansi, daerah=arguments.daerah, tahun=arguments.tahun
            )
        if arguments.command == "portal":
            return _portal(arguments)
        project = Path(arguments.folder).resolve()
        if arguments.command == "excel":
            from . import excel

            if arguments.action == "export":
                return excel.export(project, Path(arguments.ke).resolve() if arguments.ke else None)
            return excel.import_(Path(arguments.workbook).resolve(), project)
        if arguments.command == "diff":
            from .diff import main as diff

            return diff(project, arguments.base, arguments.head)
        if arguments.command == "serve":
            from .serve import serve

            return serve(project, arguments.alamat)
        if arguments.command == "check":
            from .check import check

            return check(project)
        from .build import build

        die_with_parent(signal.SIGTERM)  # make killed, even with SIGKILL: stop, and publish nothing
        return build(project)
    except Exception as error:  # a defect of ours: still one line, the details on request
        if os.environ.get("LKJ_DEBUG") == "1":
            raise
        print(f"Gagal: {messages.unexpected(error)}.", file=sys.stderr)
        return 2


def _portal(arguments) -> int:
    from . import portal

    if arguments.action == "new":
        return portal.new(Path(arguments.folder), arguments.daerah)
    folder = Path(arguments.folder)
    if arguments.action == "build":
        die_with_parent(signal.SIGTERM)
        from_ci = Path(arguments.hasil_ci).resolve() if arguments.hasil_ci else None
        return portal.build(folder, arguments.laporan or [], not arguments.tanpa_pdf, arguments.tanpa_rakit, from_ci)
    if arguments.action == "rencana":
        return portal.plan(folder, arguments.sejak, arguments.keluaran, arguments.bagian)
    return portal.write_ci(folder, arguments.layanan)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse also calls this with prefix "" to make a sub-command's `prog`: keep that one bare
        super().add_usage(usage, actions, groups, prefix="Pemakaian: " if prefix is None else prefix)


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
    text = "data laporan sebagai satu buku kerja Excel (export), dan kembali ke data/ (import)"
    excel = commands.add_parser("excel", help=text, description=text)
    actions = excel.add_subparsers(dest="action", required=True, metavar="TINDAKAN", parser_class=_Parser)
    text = "tulis data/ sebagai satu buku kerja .xlsx, satu lembar per berkas data"
    export = actions.add_parser("export", help=text, description=text)
    export.add_argument("folder", nargs="?", default=".", help="folder laporan (bawaan: folder ini)")
    export.add_argument("--ke", metavar="BERKAS", help="buku kerja yang ditulis (bawaan: data.xlsx di folder laporan)")
    text = "periksa buku kerja seperti make check lalu tulis data/*.csv bila tidak ada galat"
    load = actions.add_parser("import", help=text, description=text)
    load.add_argument("workbook", metavar="BERKAS", help="buku kerja .xlsx")
    load.add_argument("folder", nargs="?", default=".", help="folder laporan (bawaan: folder ini)")
    _portal_parser(commands)
    new = commands.add_parser("new", help="mulai laporan baru untuk instansi dan tahun lain")
    new.add_argument("folder", help="folder baru untuk laporan itu")
    new.add_argument("--instansi", required=True, help='nama instansi, mis. "Dinas Pendidikan"')
    new.add_argument("--daerah", required=True, help='kabupaten, kota atau provinsi, mis. "Kota Contoh"')
    new.add_argument("--tahun", required=True, type=int, help="tahun laporan, mis. 2025")
    return parser


def _portal_parser(commands) -> None:
    text = "portal kabupaten: laporan semua perangkat daerah, semua tahun, berdampingan"
    portal = commands.add_parser("portal", help=text, description=text)
    actions = portal.add_subparsers(dest="action", required=True, metavar="TINDAKAN", parser_class=_Parser)
    text = "buat folder portal baru (portal.yml, laporan/, toolkit)"
    new = actions.add_parser("new", help=text, description=text)
    new.add_argument("folder", help="folder baru untuk portal")
    new.add_argument("--daerah", required=True, help='kabupaten atau kota, mis. "Kabupaten Contoh"')
    text = "bangun laporan yang berubah (beberapa sekaligus), lalu terbitkan portal ke site/"
    build = actions.add_parser("build", help=text, description=text)
    build.add_argument("folder", nargs="?", default=".", help="folder portal (bawaan: folder ini)")
    build.add_argument("--laporan", nargs="+", metavar="KANTOR/TAHUN", help="hanya laporan ini yang dibangun")
    build.add_argument("--tanpa-pdf", action="store_true", help="tanpa PDF (lebih cepat, untuk pratinjau)")
    build.add_argument("--tanpa-rakit", action="store_true", help="bangun laporan saja, portal tidak diterbitkan (CI)")
    build.add_argument("--hasil-ci", metavar="FOLDER", help="tidak membangun: ambil laporan yang dibangun job CI")
    text = "daftar laporan yang berubah sejak sebuah revisi git (untuk matriks job CI)"
    plan = actions.add_parser("rencana", help=text, description=text)
    plan.add_argument("folder", nargs="?", default=".", help="folder portal (bawaan: folder ini)")
    plan.add_argument("--sejak", default="", help="revisi yang terakhir terbit (kosong: semua laporan)")
    plan.add_argument("--keluaran", choices=("daftar", "github"), default="daftar", help="daftar, atau matriks GitHub")
    plan.add_argument("--bagian", default="", metavar="I/N", help="bagian job ke-I dari N (GitLab parallel)")
    text = "tulis workflow CI portal (job matrix) dan contoh CODEOWNERS"
    write = actions.add_parser("ci", help=text, description=text)
    write.add_argument("layanan", choices=("github", "gitlab"), help="layanan CI")
    write.add_argument("folder", nargs="?", default=".", help="folder portal (bawaan: folder ini)")
