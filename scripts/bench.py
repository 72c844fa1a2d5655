"""`make bench`: what the build costs, against floors and goals measured in the same run.

    .venv/bin/python scripts/bench.py [--ulang N] [--kegiatan 30,300,3000,10000]

Floors, made from this very build:
- plain MkDocs: the pages as the macros rendered them (captured after the macros), with the
  same theme, nav, extensions and stylesheets, built by MkDocs alone: no macros, hooks, data;
- WeasyPrint alone: the combined HTML this build gives WeasyPrint, rendered and written with
  the same PDF/A options (variant, identifier, the data attached) by a process doing only that.

Pairs are measured alternately and their medians compared with their goals (issue 20). Then
`make build` with nothing changed and with one cell changed, the report with a 10.000-character
word, `make serve`'s delay from a save to the page served, and how the build grows with the data
(scripts/synthetic.py). Each measured build runs in a process of its own, on copies in a
temporary folder.

Exit status: 1 when a figure misses its goal by more than TOLERANCE (the noise of a median of a
few runs on a shared machine), else 0. `scripts/bench_tests.py` does the same for the tests.
"""

import argparse
import json
import os
import pickle
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]
from synthetic import make_report  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "LKJ_CACHE": "0"}
TOLERANCE = 0.15  # a figure fails when it is over its goal by more than this share of the goal
LONG_WORD = ("PelatihanKerja" * 715)[:10_000]
MISSED: list[str] = []  # the figures that failed their goal, for the exit status


# --- measuring ------------------------------------------------------------------------------------


def process(command: list[str], cwd: Path, **env: str) -> tuple[float, int]:
    """Seconds and peak memory (MB) of one process, which must succeed."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env={**ENV, **env}, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        if status != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss // 1024


def paired(runs: int, **commands) -> dict[str, float]:
    """Median seconds of each (command, cwd, env), measured in turn, `runs` times."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, cwd, env) in commands.items():
            times[name].append(process(command, cwd, **env)[0])
    return {name: statistics.median(values) for name, values in times.items()}


def line(what: str, ours: float, floor: float | None = None, goal: float | None = None, unit: str = "s") -> None:
    """One figure; with `goal`, the ratio to `floor` (or the figure itself) must stay within it."""
    ratio = ours / floor if floor else None
    shown_ratio = f"{ratio:5.2f}x" if ratio is not None else "      "
    against = f"{floor:7.2f} {unit}" if floor is not None else " " * 9
    verdict = ""
    if goal is not None:
        value = ratio if ratio is not None else ours
        goal_text = f"goal <= {goal:g}{'x' if ratio is not None else ' ' + unit}"
        if value <= goal:
            verdict = f"{goal_text}  ok"
        elif value <= goal * (1 + TOLERANCE):
            verdict = f"{goal_text}  over, within noise"
        else:
            verdict = f"{goal_text}  MISSED"
            MISSED.append(what.strip())
    print(f"  {what:<52} {ours:7.2f} {unit}  {against}  {shown_ratio}  {verdict}")


# --- the floors -----------------------------------------------------------------------------------


def capture(project: Path, out: Path) -> None:
    """(In a child process.) Build `project` with its PDF, keeping the pages as the macros rendered
    them (a plain MkDocs project in `out/plain`) and what WeasyPrint was given (`out/pdf.pickle`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, event_priority
    from mkdocs.utils.yaml import yaml_load

    from lkj_pdf import writer

    class Capture(BasePlugin):
        pages: dict[str, str] = {}

        @event_priority(-100)  # after the macros
        def on_page_markdown(self, markdown, page, config, files):
            self.pages[page.file.src_uri] = markdown

    from lkj_pdf import plugin

    given = {}
    original = writer.SubmissionHTML.__init__

    def keep(self, string):
        given["html"], given["submission"] = string, self.submission
        original(self, string)

    writer.SubmissionHTML.__init__ = keep
    phases = {name: 0.0 for name in ("build", "pdf", "render", "write")}
    for owner, method, phase in (
        (plugin.PdfPlugin, "_render", "pdf"),
        (writer.SubmissionHTML, "render", "render"),
        (writer.SubmissionDocument, "write_pdf", "write"),
    ):
        setattr(owner, method, _timed(getattr(owner, method), phases, phase))
    os.chdir(project)
    os.environ["LKJ_PDF"] = "true"
    started = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out / "site"))
    capture = Capture()
    config.plugins["bench-capture"] = capture
    build(config)
    phases["build"] = time.perf_counter() - started
    (out / "phases.json").write_text(json.dumps(phases), encoding="utf-8")
    submission = given["submission"]
    pdf_input = (given["html"], submission.metadata.title, submission.attachments, submission.source_date)
    (out / "pdf.pickle").write_bytes(pickle.dumps(pdf_input))

    plain = out / "plain"
    for source in (project / "docs").rglob("*"):
        target = plain / "docs" / source.relative_to(project / "docs")
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    for uri, markdown in capture.pages.items():
        (plain / "docs" / uri).write_text(markdown, encoding="utf-8")
    stylesheet = plain / "docs" / "stylesheets" / "lkj.css"
    stylesheet.parent.mkdir(parents=True, exist_ok=True)
    stylesheet.write_bytes((ROOT / "src" / "lkj_site" / "builder" / "assets" / "lkj.css").read_bytes())
    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        raw = yaml_load(file)
    settings = {key: raw[key] for key in ("theme", "markdown_extensions", "nav", "validation", "extra") if key in raw}
    settings["site_name"] = config.site_name
    settings["extra_css"] = [*raw.get("extra_css", []), "stylesheets/lkj.css"]
    settings["plugins"] = [entry for entry in raw["plugins"] if "search" in entry]
    (plain / "mkdocs.yml").write_text(json.dumps(settings), encoding="utf-8")  # JSON is YAML


def _timed(function, phases: dict[str, float], phase: str):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            phases[phase] += time.perf_counter() - started

    return timed


def weasyprint_alone(pdf_input: Path, output: Path) -> None:
    """(In a child process.) The floor of the PDF: WeasyPrint, the same HTML, the same options."""
    from weasyprint import HTML

    from lkj_pdf.options import write_options  # imports WeasyPrint only

    html, title, attachments, source_date = pickle.loads(pdf_input.read_bytes())
    HTML(string=html).render().write_pdf(output, **write_options(title, attachments, source_date))


def rebuilds(config_file: Path, runs: int) -> None:
    """(In a child process.) Rebuild in one process as `make serve` does; print the times (JSON)."""
    import pandas
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.chdir(config_file.parent)
    reads = []
    read_csv = pandas.read_csv
    pandas.read_csv = lambda *args, **kwargs: reads.append(args[0]) or read_csv(*args, **kwargs)
    times = []
    with tempfile.TemporaryDirectory() as site:
        for _ in range(runs + 1):  # the first one imports and reads everything
            reads.clear()
            started = time.perf_counter()
            build(load_config(str(config_file), site_dir=site))
            times.append(time.perf_counter() - started)
    print(json.dumps({"times": times[1:], "first": times[0], "csv_reads_after_first": len(reads)}))


# --- the measures ---------------------------------------------------------------------------------


def site_and_pdf(work: Path, runs: int) -> None:
    project = make_report(work / "laporan", None)
    subprocess.run([PYTHON, __file__, "--capture", str(project), str(work)], env=ENV, check=True, capture_output=True)
    plain = work / "plain" / "mkdocs.yml"
    build = [PYTHON, "-m", "lkj_site.builder.run", str(project)]
    kept = {"LKJ_CACHE": str(work / "cache-site")}  # data validated, charts drawn, workbooks written before
    process([*build, str(work / "s0")], project, **kept)
    medians = paired(
        runs,
        ours_site=([*build, str(work / "s1")], project, kept),
        ours_site_cold=([*build, str(work / "s1")], project, {}),
        ours_pdf=([*build, str(work / "s2"), "--pdf"], project, {}),
        floor_site=([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(plain), "-d", str(work / "s3")], work, {}),
        floor_pdf=([PYTHON, __file__, "--weasyprint", str(work / "pdf.pickle"), str(work / "alone.pdf")], work, {}),
    )

    print("This report (site: 10 pages; PDF: the submission, rendered each time)")
    line("site only, whole process  | plain mkdocs build", medians["ours_site"], medians["floor_site"], 2)
    line("  the same, nothing cached (validate, draw, write)", medians["ours_site_cold"], medians["floor_site"])
    served = {}
    for name, config_file in (("ours", project / "mkdocs.yml"), ("floor", plain)):
        result = subprocess.run(  # as `lkj serve` builds: its search index is made after, beside the reload
            [PYTHON, __file__, "--rebuilds", str(config_file), str(runs)],
            env={**ENV, "LKJ_INDEKS_CARI": "0"},
            check=True,
            capture_output=True,
        )
        served[name] = json.loads(result.stdout)
    ours, floor = (statistics.median(served[name]["times"]) for name in ("ours", "floor"))
    line("site rebuild in one process (serve) | plain mkdocs", ours, floor, 1.2)
    print(f"  {'CSV files read by a rebuild, data unchanged':<52} {served['ours']['csv_reads_after_first']:7d}")
    pdf_step = medians["ours_pdf"] - medians["ours_site_cold"]  # neither caches; the PDF is rendered
    line("PDF step (site+PDF - site) | WeasyPrint alone", pdf_step, medians["floor_pdf"], 1.15)

    from pypdf import PdfReader

    pdf = next((work / "s2" / "pdf").glob("*.pdf"))
    size = pdf.stat().st_size / 1024
    print(f"  {'PDF size, pages':<52} {size:7.0f} KB {len(PdfReader(pdf).pages):5d} pages    goal < 300 KB")
    files = [path for path in (work / "s2").rglob("*") if path.is_file()]
    size = sum(path.stat().st_size for path in files) / 1024
    print(f"  {'site size (without .gz/.br), files':<52} {size:7.0f} KB {len(files):5d} files")


def make_copy(folder: Path) -> Path:
    """A copy of the report that `make build` builds as a writer runs it: with the Makefile and this .venv."""
    from tests.sites import with_makefile

    return with_makefile(make_report(folder, None))


def make_build(work: Path, runs: int) -> None:
    """`make build` with nothing cached, again with nothing changed, and after one cell changed."""
    project = make_copy(work / "make")
    make = ["make", "-s", "build"]
    full = []
    for _ in range(runs):  # nothing cached (LKJ_CACHE=0), nothing published before
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / ".site-versi", ignore_errors=True)
        full.append(process(make, project)[0])
    full = statistics.median(full)
    cached = {"LKJ_CACHE": str(work / "cache-make")}
    process(make, project, **cached)
    again = statistics.median(process(make, project, **cached)[0] for _ in range(runs))
    budget = project / "data" / "realisasi_anggaran.csv"
    original = budget.read_text(encoding="utf-8")
    edits = []
    for number in range(runs):  # one realisasi changed each time: a new value, never one seen before
        budget.write_text(original.replace(",43905991,", f",{43905991 - number - 1},", 1), encoding="utf-8")
        edits.append(process(make, project, **cached)[0])
    print("make build (site, PDF, pre-compressed copies)")
    line("everything built, nothing cached", full)
    line("again, nothing changed", again, goal=1.0)
    line("one cell of data/ changed | everything built", statistics.median(edits), full)


def long_word(work: Path, runs: int) -> None:
    """The report with one 10.000-character word in a cell, site and PDF, against the report itself."""
    normal = make_report(work / "biasa", None)
    long = make_report(work / "kata-panjang", None)
    policies = long / "data" / "arah_kebijakan.csv"
    text = policies.read_text(encoding="utf-8")
    policies.write_text(text.replace("2,6,Membangun Balai Latihan Kerja (BLK)", f"2,6,Membangun {LONG_WORD}"))
    build = [PYTHON, "-m", "lkj_site.builder.run"]
    medians = paired(
        runs,
        normal=([*build, str(normal), str(work / "k1"), "--pdf"], normal, {}),
        long=([*build, str(long), str(work / "k2"), "--pdf"], long, {}),
    )
    line("a 10.000-character word in a cell | the report", medians["long"], medians["normal"], 1.3)


def serve_delay(work: Path, rounds: int) -> None:
    project = make_report(work / "pratinjau", None)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [PYTHON, "-m", "lkj_site", "serve", "--alamat", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _until(url + "bab-1/", "BAB I")
        kinds = {
            "chapter (docs/bab-1.md)": ("docs/bab-1.md", "bab-1/", _add_paragraph, "Penanda"),
            "data (data/program.csv)": ("data/program.csv", "bab-3/", _rename_program, "Penanda"),
            "settings (mkdocs.yml)": ("mkdocs.yml", "bab-2/", _change_visi, "PENANDA"),
        }
        delays: dict[str, list[float]] = {kind: [] for kind in kinds}
        for number in range(rounds):
            for kind, (path, page, change, mark) in kinds.items():
                file = project / path
                file.write_text(change(file.read_text(encoding="utf-8"), number), encoding="utf-8")
                started = time.perf_counter()
                _until(url + page, f"{mark}{number}")
                delays[kind].append(time.perf_counter() - started)
                time.sleep(0.3)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    print("make serve: from a save to the page served (median)")
    for kind, values in delays.items():
        line(kind, statistics.median(values))
    line("all saves", statistics.median([v for values in delays.values() for v in values]), goal=1.0)


def _add_paragraph(text: str, number: int) -> str:
    return f"{text}\n\nPenanda{number}\n"


def _rename_program(text: str, number: int) -> str:
    first, rest = text.split("\n", 1)
    code, name, rest_of_row = rest.split(",", 2)
    return f"{first}\n{code},Penanda{number},{rest_of_row}"


def _change_visi(text: str, number: int) -> str:
    import re

    return re.sub(r"(\n    visi: )(Penanda\d+ )?", rf"\g<1>Penanda{number} ", text, count=1)


def _until(url: str, mark: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if mark in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"{url} never showed {mark!r}")


def growth(work: Path, sizes: list[int]) -> None:
    """Per size: one build with its PDF (in a process of its own), its phases, and WeasyPrint alone
    on that build's HTML with the same options."""
    from pypdf import PdfReader

    print("Growth with the data (scripts/synthetic.py): site + PDF rendered, PDF cache off")
    print(
        f"  {'kegiatan':>8} {'pages':>5} {'build s':>8} {'peak MB':>8} {'alone s':>8} {'alone MB':>9}"
        f" {'site s':>7} {'assembly s':>10} {'render s':>9} {'write s':>8} {'ms/kegiatan added':>18}"
    )
    previous = None
    added_at: dict[int, float] = {}
    for size in sizes:
        folder = work / f"k{size}"
        project = make_report(folder / "laporan", size)
        seconds, memory = process([PYTHON, __file__, "--capture", str(project), str(folder)], folder)
        alone, alone_memory = process(
            [PYTHON, __file__, "--weasyprint", str(folder / "pdf.pickle"), str(folder / "a.pdf")], folder
        )
        phases = json.loads((folder / "phases.json").read_text(encoding="utf-8"))
        pages = len(PdfReader(next((folder / "site" / "pdf").glob("*.pdf"))).pages)
        site = phases["build"] - phases["pdf"]
        assembly = phases["pdf"] - phases["render"] - phases["write"]
        if previous:
            added_at[size] = (seconds - previous[1]) / (size - previous[0]) * 1000
        added = f"{added_at[size]:18.2f}" if previous else " " * 18
        print(
            f"  {size:8d} {pages:5d} {seconds:8.2f} {memory:8d} {alone:8.2f} {alone_memory:9d}"
            f" {site:7.2f} {assembly:10.2f} {phases['render']:9.2f} {phases['write']:8.2f} {added}"
        )
        previous = (size, seconds, memory, alone_memory)
    print("  alone: WeasyPrint by itself on the same HTML and options (its floor); assembly: mkdocs-with-pdf")
    print("  and lkj_pdf around it.")
    largest, _, memory, alone_memory = previous
    line(f"peak memory at {largest} kegiatan | WeasyPrint alone", memory, alone_memory, unit="MB")
    line(f"peak memory at {largest} kegiatan", memory, goal=1000, unit="MB")
    if 300 in added_at and largest != 300:
        line(f"ms/kegiatan added at {largest} | at 300", added_at[largest], added_at[300], goal=1.0, unit="ms")


def main() -> int | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=5, help="runs of each measure (median)")
    parser.add_argument("--kegiatan", default="30,300,3000,10000", help="sizes for the growth table ('' skips it)")
    parser.add_argument("--capture", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--weasyprint", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rebuilds", nargs=2, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.capture:
        return capture(*arguments.capture)
    if arguments.weasyprint:
        return weasyprint_alone(*arguments.weasyprint)
    if arguments.rebuilds:
        return rebuilds(Path(arguments.rebuilds[0]), int(arguments.rebuilds[1]))
    print(f"{os.cpu_count()} CPU(s); medians of {arguments.ulang} runs")
    print(f"  {'':<52} {'ours':>9}  {'floor':>9}  {'ratio':>6}")
    with tempfile.TemporaryDirectory(prefix="lkj-bench-") as work:
        site_and_pdf(Path(work), arguments.ulang)
        make_build(Path(work), arguments.ulang)
        long_word(Path(work), arguments.ulang)
        serve_delay(Path(work), arguments.ulang)
        sizes = [int(size) for size in arguments.kegiatan.split(",") if size]
        if sizes:
            growth(Path(work), sizes)
    if MISSED:
        print(f"Goals missed by more than {TOLERANCE:.0%}: {'; '.join(MISSED)}")
        return 1
    print("Every goal met (or over it by less than the noise).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
