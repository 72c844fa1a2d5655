"""Time the test suite as `make test` and `make test-fast` run it, against one full build.

    .venv/bin/python scripts/bench_tests.py [runs]

The unit is one full uncached build: `make build` of this report with nothing cached
(`LKJ_CACHE=0`) and nothing published before, site, PDF and compressed copies, in a copy with
this Makefile and .venv. Goals (issue 20): `make test` within 8 such builds, `make test-fast`
under 10 s, on an idle 2-core machine. Exit status 1 when a goal is missed by more than
bench.TOLERANCE (the noise of a median of a few runs), else 0.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from bench import MISSED, TOLERANCE, line, make_copy, process  # noqa: E402

SUITES = {
    "make test (pytest -n auto --dist loadfile)": ["-n", "auto", "--dist", "loadfile"],
    'make test-fast (pytest -m "not lambat" -n auto)': ["-m", "not lambat", "-n", "auto"],
}


def suite(arguments: list[str], runs: int) -> float:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *arguments],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            print(result.stdout[-2000:])
            raise SystemExit("the tests failed")
    return statistics.median(times)


def main(runs: int = 3) -> int:
    print(f"{os.cpu_count()} CPU(s), medians of {runs} runs")
    with tempfile.TemporaryDirectory(prefix="lkj-bench-uji-") as work:
        project = make_copy(Path(work) / "make")
        builds = []
        for _ in range(runs):
            for leftover in ("site", ".site-versi"):
                subprocess.run(["rm", "-rf", str(project / leftover)], check=True)
            builds.append(process(["make", "-s", "build"], project)[0])  # LKJ_CACHE=0 (bench.ENV)
    build = statistics.median(builds)
    test = suite(list(SUITES.values())[0], runs)
    fast = suite(list(SUITES.values())[1], runs)
    line("one full uncached build (make build)", build)
    line("make test | one full uncached build", test, build, goal=8)
    line('make test-fast (-m "not lambat")', fast, goal=10)
    if MISSED:
        print(f"Goals missed by more than {TOLERANCE:.0%}: {'; '.join(MISSED)}")
        return 1
    print("Every goal met (or over it by less than the noise).")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
