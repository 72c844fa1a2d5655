"""Time website rebuilds as `make serve` does them after an edit (PDF off).

Loads the config and builds in one process, several times, like mkdocs serve's rebuild
loop, and prints each time and the median. Also counts CSV reads per build: the data is
read once (one read per data file), never once per macro call, and not again while no
CSV has changed.

    .venv/bin/python scripts/bench_build.py [runs]
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]


def main(runs: int = 5) -> None:
    os.environ.setdefault("LKJ_PDF", "false")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    import pandas
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    real_read_csv = pandas.read_csv
    reads = []

    def counting_read_csv(*args, **kwargs):
        reads.append(args[0])
        return real_read_csv(*args, **kwargs)

    times = []
    with tempfile.TemporaryDirectory() as site_dir, mock.patch.object(pandas, "read_csv", counting_read_csv):
        for run in range(runs):
            reads.clear()
            start = time.perf_counter()
            config = load_config(str(ROOT / "mkdocs.yml"), site_dir=site_dir)
            build(config)
            times.append(time.perf_counter() - start)
            print(f"rebuild {run + 1}: {times[-1]:.2f} s, {len(reads)} CSV reads")
    print(f"median rebuild: {statistics.median(times):.2f} s over {runs} runs (first includes imports)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
