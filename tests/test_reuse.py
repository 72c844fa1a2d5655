"""Nothing changed, nothing done; one cell changed, only what shows it is new (`make build`, as
make runs it: `python -m lkj_site build`, site only).

The published site's files keep their modification times unless their bytes change, so the
times tell exactly which pages, charts and downloads a build made anew; the charts and
workbooks kept in the cache tell which were drawn or written again."""

import re
import shutil
from pathlib import Path

import pytest

from lkj_site.commands.build import REUSED
from tests import shared
from tests.html import parse
from tests.sites import copy_project, run_python
from tests.test_validate import replace

pytestmark = pytest.mark.lambat  # `lkj build` in its own processes, three times

# one kegiatan's realisasi, to a value no other test gives it (their charts are in the run's cache)
CELL = ("2019,K01.02,68599992,43905991,100", "2019,K01.02,68599992,39999917,100")


def make_build(project: Path, cache: Path):
    result = run_python(["-m", "lkj_site", "build"], project, LKJ_PDF="false", LKJ_CACHE=str(cache))
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def times(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*") if path.is_file()}


def drawn(cache: Path) -> set[str]:
    """The charts and workbooks in the cache: each one drawn or written once."""
    return {path.name for kind in ("gambar", "unduhan") for path in (cache / kind).glob("*.bin")}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The report built, built again unchanged, then again after one cell of data/ changed."""
    work = tmp_path_factory.mktemp("pakai-ulang")
    project, cache = copy_project(work / "lkj"), work / "cache"
    for kind in ("data", "jinja", "gambar", "unduhan", "kompresi"):  # as warm as the run's: its own, to count
        if (shared.root() / "cache" / kind).is_dir():
            shutil.copytree(shared.root() / "cache" / kind, cache / kind)
    site = project / "site"
    first = make_build(project, cache)
    before, made_first = times(site), drawn(cache)
    again = make_build(project, cache)
    after_again = times(site)
    replace(project / "data" / "realisasi_anggaran.csv", *CELL)
    changed = make_build(project, cache)
    return {
        "site": site,
        "first": first,
        "again": again,
        "changed": changed,
        "before": before,
        "after_again": after_again,
        "after_change": times(site),
        "made_first": made_first,
        "made_after": drawn(cache),
    }


def test_a_build_with_nothing_changed_reuses_the_published_site_and_says_so(builds):
    assert builds["again"].stdout.splitlines()[-1] == REUSED
    assert "Berubah" not in builds["again"].stdout
    assert builds["after_again"] == builds["before"]  # not one file written, not even touched
    # what the first build warned of is said again: an unsigned report stays visible
    first_warnings = [line for line in builds["first"].stderr.splitlines() if line.startswith("PERINGATAN")]
    assert first_warnings and builds["again"].stderr.splitlines() == first_warnings


def figures_of(site: Path, words: str) -> set[str]:
    """The anchors of the figures (charts) of BAB III whose caption holds `words`."""
    page = parse((site / "bab-3" / "index.html").read_text(encoding="utf-8"))
    return {
        figure["id"]
        for figure in page.select("figure[id]")
        if re.search(words, figure.select_one("figcaption").get_text(" "), re.IGNORECASE)
    }


def test_one_cell_changed_rebuilds_exactly_the_pages_charts_and_downloads_that_show_it(builds):
    site, before, after = builds["site"], builds["before"], builds["after_change"]
    written = {path for path in after if after[path] != before.get(path)}
    compressed = {path for path in written if path.endswith((".gz", ".br"))}
    new = written - compressed
    budget_charts = figures_of(site, "anggaran|serapan")
    all_charts = figures_of(site, ".")
    assert budget_charts and budget_charts != all_charts  # the capaian chart does not show the cell
    pages = {path for path in new if path.endswith(".html")}
    # the kegiatan's row and the totals of Tabel 3.2; the totals in the Ikhtisar's prose and the home
    # page's summary; the file's SHA-256 on "Data Terbuka"
    assert pages == {"bab-3/index.html", "ikhtisar/index.html", "index.html", "data-terbuka/index.html"}
    assert {path for path in new if path.startswith("gambar/")} == {f"gambar/{name}.svg" for name in budget_charts}
    shown_in = {"tabel-3-2", *(f"{name}-data" for name in budget_charts)}
    downloads = {f"unduh/{stem}{kind}" for stem in shown_in for kind in (".csv", "-excel-id.csv", ".xlsx")}
    assert {path for path in new if path.startswith("unduh/")} == downloads
    assert {path for path in new if path.startswith("data/")} == {
        "data/realisasi_anggaran.csv",
        "data/datapackage.json",
        "data/hasil.json",  # the program's realisasi and serapan, the period's totals
    }
    assert compressed and {path.rsplit(".", 1)[0] for path in compressed} <= new  # copies anew only of what changed
    assert "Berubah: 4 halaman" in builds["changed"].stdout


def test_charts_and_workbooks_whose_data_did_not_change_are_not_drawn_again(builds):
    charts_changed = len(figures_of(builds["site"], "anggaran|serapan"))
    workbooks_changed = 1 + charts_changed  # Tabel 3.2 and each changed chart's data table
    assert len(builds["made_after"] - builds["made_first"]) == charts_changed + workbooks_changed
