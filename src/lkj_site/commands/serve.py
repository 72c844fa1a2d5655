"""`make serve` (`lkj serve`): the website while writing, rebuilt within a second of a save.

MkDocs' own `serve` watches docs/ and mkdocs.yml only, keeps the Python modules as it first
imported them, and after a failed build keeps showing the last good site, "stuck". This
one runs on MkDocs' live-reload server and:

- watches the chapters (docs/), the data (data/), the settings (mkdocs.yml) and the code
  (macros/, hooks.py and, in the toolkit's own repository, src/);
- imports the toolkit's and the report's modules afresh when their code changed;
- when a build fails, says why in the terminal and on the page open in the browser, in
  Indonesian, and keeps serving: the page reloads itself when a save builds again.

No PDF: `make build` makes it.
"""

import importlib
import shutil
import signal
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from lkj import fmt, html

from .. import messages

WATCHED = ("docs", "data", "mkdocs.yml", "macros", "hooks.py", "pdf_event_hook.py", "src")
TOOLKIT = ("lkj", "lkj_site", "lkj_pdf")
RUNNING = ("lkj_site.commands.serve", "lkj_site.commands.cli")  # this loop itself: never imported afresh
POLLING = 0.2  # seconds between two looks at the watched files


class Code:
    """The report's and the toolkit's Python files, to tell when any of them changed."""

    def __init__(self, project: Path):
        packages = [Path(importlib.import_module(name).__file__).parent for name in TOOLKIT]
        self._roots = [project / "macros", project / "hooks.py", *packages]
        self._seen = self._look()

    def _look(self) -> dict[Path, int]:
        files = []
        for root in self._roots:
            files += sorted(root.rglob("*.py")) if root.is_dir() else [root] if root.is_file() else []
        return {path: path.stat().st_mtime_ns for path in files}

    def changed(self) -> bool:
        now = self._look()
        changed, self._seen = now != self._seen, now
        return changed


def forget_modules() -> None:
    """Drop the toolkit's and the report's modules: the next build imports their code as it is now."""
    for name in list(sys.modules):
        top = name.split(".")[0]
        if (top in TOOLKIT or top == "macros") and name not in RUNNING:
            del sys.modules[name]


def serve(project: Path, address: str = "127.0.0.1:8000") -> int:
    host, _, port = address.rpartition(":")
    site_dir = Path(tempfile.mkdtemp(prefix="lkj-pratinjau-"))
    code = Code(project)
    stopping = threading.Event()

    indexing = Indexing(site_dir)

    def builder() -> None:
        indexing.wait()  # the last build's index is written into the folder this build empties
        if code.changed():
            forget_modules()
        started = time.perf_counter()
        details: list[str] = []
        try:
            run = importlib.import_module("lkj_site.builder.run")
            reason = run.build(project, site_dir, pdf=False, strict=False, details=details, search_index=False)
        except Exception as error:  # edited code that does not even import: shown like any failure
            reason = messages.unexpected(error)
        if stopping.is_set():
            raise KeyboardInterrupt
        if reason is None:
            seconds = fmt.angka(Decimal(f"{time.perf_counter() - started:.3f}"), 2)
            print(f"Dibangun dalam {seconds} detik: {server.url}", file=sys.stderr)
            indexing.start()
        else:
            print(f"Build gagal: {reason}.", file=sys.stderr)
            show_failure(project, site_dir, f"{reason}.", details)

    def interrupt(signal_number, frame):
        stopping.set()
        raise KeyboardInterrupt

    server = LiveReloadServer(builder=builder, host=host, port=int(port), root=str(site_dir), polling_interval=POLLING)
    try:
        server.server_bind()  # before the first build: a port in use is said at once
        server.server_activate()
    except OSError as error:
        shutil.rmtree(site_dir, ignore_errors=True)
        print(
            f"Pratinjau gagal: alamat {address} tidak dapat dipakai ({error.strerror}); "
            "pakai alamat lain, mis. lkj serve --alamat 127.0.0.1:8001",
            file=sys.stderr,
        )
        return 1
    server.server_bind = server.server_activate = lambda: None  # done above; serve() calls them again
    for name in WATCHED:
        if (project / name).exists():
            server.watch(str(project / name))
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        builder()
        print(f"Pratinjau: {server.url} (berhenti: Ctrl-C)", file=sys.stderr)
        server.serve()
    except KeyboardInterrupt:
        print("Pratinjau dihentikan.", file=sys.stderr)
    finally:
        server.shutdown()
        indexing.wait()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


class Indexing:
    """The search index of the preview, made after each build while the browser reloads the page
    (it takes a tenth of a second that the reader need not wait for); the next build waits for it."""

    def __init__(self, site_dir: Path):
        self.site_dir, self.thread = site_dir, None

    def start(self) -> None:
        search = importlib.import_module("lkj_site.builder.search")
        self.thread = threading.Thread(target=self._index, args=(search,), daemon=True)
        self.thread.start()

    def _index(self, search) -> None:
        try:
            search.index(self.site_dir)
        except Exception as error:  # noqa: BLE001 - the preview goes on without its search
            print(f"PERINGATAN pencarian pratinjau tidak dibuat: {error}", file=sys.stderr)

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None


def show_failure(project: Path, site_dir: Path, reason: str, details: list[str]) -> None:
    """The error page in place of every chapter's page (and the home page), whatever is open."""
    page = html.build_error_page(reason, details)
    targets = {Path("index.html"), Path("404.html")}
    for chapter in (project / "docs").rglob("*.md"):
        relative = chapter.relative_to(project / "docs").with_suffix("")
        targets.add(relative.parent / "index.html" if relative.name == "index" else relative / "index.html")
    for target in targets:
        (site_dir / target).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / target).write_text(page, encoding="utf-8")
