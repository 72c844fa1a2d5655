"""A copy of this report with N kegiatan, for measuring how the build grows with the data.

    .venv/bin/python scripts/synthetic.py FOLDER N

Copies the report's sources (mkdocs.yml, docs/, data/, the hooks) into FOLDER and replaces
kegiatan.csv and realisasi_anggaran.csv with N kegiatan spread over the report's programs:
names taken from the real kegiatan (numbered, so each row is distinct), amounts drawn with a
fixed seed (the same N always gives the same files), pagu and realisasi of a size a regency
office has, so that no plausibility warning is triggered.
"""

import csv
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("mkdocs.yml", "docs", "data", "macros", "hooks.py", "pdf_event_hook.py")


def make_report(folder: Path, kegiatan: int | None, source: Path = ROOT, seed: int = 2020) -> Path:
    """`folder` with the report's sources; with `kegiatan` of them in its data, unless None."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, folder / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(path, folder / name)
    if kegiatan is None:
        return folder
    data = folder / "data"
    programs = [row["kode_program"] for row in _rows(data / "program.csv")]
    names = [row["nama_kegiatan"] for row in _rows(data / "kegiatan.csv")]
    year = int(next(iter(_rows(data / "realisasi_anggaran.csv")))["tahun"])
    draw = random.Random(seed)
    kegiatan_rows, budget_rows = [], []
    for number in range(kegiatan):
        program = programs[number % len(programs)]
        code = f"K{program[1:]}.{number // len(programs) + 1:05d}"
        pagu = draw.randrange(5_000_000, 95_000_000, 1000)
        realisasi = pagu * draw.randrange(70, 101) // 100
        kegiatan_rows.append([code, program, f"{names[number % len(names)]} (paket {number + 1})"])
        budget_rows.append([year, code, pagu, realisasi, draw.randrange(80, 101)])
    _write(data / "kegiatan.csv", ["kode_kegiatan", "kode_program", "nama_kegiatan"], kegiatan_rows)
    _write(data / "realisasi_anggaran.csv", ["tahun", "kode_kegiatan", "pagu", "realisasi", "fisik"], budget_rows)
    return folder


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    make_report(Path(sys.argv[1]), int(sys.argv[2]))
