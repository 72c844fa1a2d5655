"""`make bench`'s regency: a synthetic workspace of OFFICES × YEARS reports built by `lkj portal build`.

    .venv/bin/python scripts/bench_regency.py [--kabupaten 40x3] [--tanpa-pdf]

Each report is a copy of this report with its own office name and its own number of kegiatan
(20 to 79, amounts drawn with a seed of its own: scripts/synthetic.py), so that every report is
different. Measured on this machine, nothing cached (LKJ_CACHE=0), each command in a process of
its own, the memory of its whole process tree sampled every 0,1 s:

- the cold build (every report with its site and PDF, then the portal assembled);
- one report built alone by `lkj build` (what one office's edit should cost);
- the rebuild after one office's data edit (goal: that report and the portal only, about one
  report's build plus the assembly);
- the assembly alone (portal.yml changed, no report);
- the portal's size (every file, as Pages' artifact counts them), its search index, and what the
  shared theme saves.
"""

import argparse
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "src"), str(ROOT)]
from synthetic import make_report  # noqa: E402

LKJ = str(Path(sys.executable).with_name("lkj"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "LKJ_CACHE": "0"}
TOLERANCE = 0.15


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of `pid` and every process below it."""
    children: dict[int, list[int]] = {}
    sizes: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        sizes[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += sizes.get(current, 0)
        todo += children.get(current, [])
    return total


def measured(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Seconds, peak memory of the whole process tree (MB) and what it said."""
    import subprocess

    with tempfile.TemporaryFile() as said:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=said, stderr=subprocess.STDOUT)
        peak = [0]

        def sample():
            while child.poll() is None:
                peak[0] = max(peak[0], tree_rss(child.pid))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        child.wait()
        seconds = time.perf_counter() - started
        sampler.join()
        said.seek(0)
        text = said.read().decode(errors="replace")
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{text[-3000:]}")
    return seconds, peak[0] / 2**20, text


def make_regency(folder: Path, offices: int, years: int) -> Path:
    from lkj_site.portal import workspace

    workspace.create(folder, "Kabupaten Contoh")
    for office in range(1, offices + 1):
        for year in range(2020, 2020 + years):
            report = make_report(
                folder / "laporan" / f"kantor-{office:02d}" / str(year), 20 + office * 7 % 60, seed=office * 100 + year
            )
            settings = report / "mkdocs.yml"
            text = settings.read_text(encoding="utf-8")
            settings.write_text(
                re.sub(r"(?m)^    instansi: .*$", f"    instansi: Perangkat Daerah {office:02d}", text, count=1),
                encoding="utf-8",
            )
    return folder


def size(folder: Path, compressed: bool = True) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and (compressed or path.suffix not in (".gz", ".br"))
    )


def regency(work: Path, offices: int, years: int, pdf: bool) -> list[str]:
    """The regency's figures; returns the goals missed."""
    missed = []
    folder = make_regency(work / "kabupaten", offices, years)
    reports = offices * years
    switches = [] if pdf else ["--tanpa-pdf"]
    print(f"Regency: {offices} offices x {years} years = {reports} reports, {'site and PDF' if pdf else 'no PDF'}, "
          f"{os.cpu_count()} at once, nothing cached")  # fmt: skip
    cold, cold_memory, said = measured([LKJ, "portal", "build", str(folder), *switches], folder)
    built = re.findall(r"dibangun \(([\d,]+) detik\)", said)
    per_report = [float(value.replace(",", ".")) for value in built]
    one = folder / "laporan" / "kantor-01" / str(2020 + years - 1)
    alone, alone_memory, _ = measured([LKJ, "build", str(one)], one)
    budget = one / "data" / "realisasi_anggaran.csv"
    lines = budget.read_text(encoding="utf-8").splitlines()
    fields = lines[1].split(",")
    fields[3] = str(int(fields[3]) - 1)  # one realisasi one rupiah lower
    budget.write_text("\n".join([lines[0], ",".join(fields), *lines[2:]]) + "\n", encoding="utf-8")
    edit, edit_memory, said_edit = measured([LKJ, "portal", "build", str(folder), *switches], folder)
    rebuilt = said_edit.count("dibangun (")
    config = folder / "portal.yml"
    config.write_text(config.read_text(encoding="utf-8") + "# diubah\n", encoding="utf-8")
    assembly, assembly_memory, _ = measured([LKJ, "portal", "build", str(folder), *switches], folder)
    site = folder / "site"
    total, plain = size(site), size(site, compressed=False)
    index = size(site / "pagefind")
    theme = size(site / "assets") + size(site / "stylesheets") + size(site / "javascripts")
    mb = 2**20
    print(f"  cold build, {reports} reports and the portal       {cold:8.1f} s  peak {cold_memory:6.0f} MB (all)")
    print(f"    one report's build inside it (median, min-max)   {sorted(per_report)[len(per_report) // 2]:8.1f} s  "
          f"({min(per_report):.1f}-{max(per_report):.1f})")  # fmt: skip
    print(f"  one report alone (lkj build, site and PDF)         {alone:8.1f} s  peak {alone_memory:6.0f} MB")
    print(f"  after one office's data edit ({rebuilt} report rebuilt)     {edit:8.1f} s  peak {edit_memory:6.0f} MB")
    print(f"  assembly alone (portal.yml changed)                {assembly:8.1f} s  peak {assembly_memory:6.0f} MB")
    goal = alone + assembly
    verdict = "ok" if edit <= goal * (1 + TOLERANCE) else "MISSED"
    print(f"    goal: edit <= one report + assembly = {goal:.1f} s: {verdict}")
    if verdict != "ok" or rebuilt != 1:
        missed.append("regency rebuild after one edit")
    peak = max(cold_memory, edit_memory, assembly_memory)
    print(f"    goal: peak memory < 1024 MB: {'ok' if peak < 1024 else 'MISSED'} ({peak:.0f} MB)")
    if peak >= 1024:
        missed.append("regency peak memory")
    print(f"  portal size: {total / mb:.1f} MB ({plain / mb:.1f} MB without .gz/.br copies), "
          f"{total / mb / reports:.2f} MB per report")  # fmt: skip
    print(f"  search index: {index / mb:.1f} MB; theme shared once: {theme / mb:.1f} MB "
          f"(saved {theme * (reports - 1) / mb:.0f} MB)")  # fmt: skip
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kabupaten", default="40x3", help="OFFICESxYEARS")
    parser.add_argument("--tanpa-pdf", action="store_true")
    arguments = parser.parse_args()
    offices, years = (int(n) for n in arguments.kabupaten.split("x"))
    with tempfile.TemporaryDirectory(prefix="lkj-bench-kabupaten-") as work:
        missed = regency(Path(work), offices, years, not arguments.tanpa_pdf)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
