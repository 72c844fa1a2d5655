"""Time the test suite as `make test` and `make test-fast` run it (median of a few runs).

    .venv/bin/python scripts/bench_tests.py [runs]

Goals (issue "One toolkit"): the whole suite under 40 s and the inner loop under 10 s on an
idle 2-core machine. A benchmark, not a timed test: it reports, it does not fail.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITES = {
    "make test (pytest -n auto --dist loadfile --no-loadscope-reorder)": [
        "-n",
        "auto",
        "--dist",
        "loadfile",
        "--no-loadscope-reorder",
    ],
    'make test-fast (pytest -m "not lambat")': ["-m", "not lambat"],
}


def main(runs: int = 3) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    print(f"{os.cpu_count()} CPU(s), {runs} run(s) each")
    for name, arguments in SUITES.items():
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
                raise SystemExit(f"{name}: the tests failed")
        print(f"{name}: median {statistics.median(times):.1f} s ({', '.join(f'{t:.1f}' for t in times)})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
