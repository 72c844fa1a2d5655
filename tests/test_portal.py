"""A regency's portal (`lkj portal`), built as a coordinator builds it: a workspace of three offices
× two years made with `lkj portal new` and `lkj new`, one office's name and one indicator hostile,
one report that breaks after it was published once.

Built three times (without PDFs: the PDF of a report is the report's own, tested on the real report;
the portal only links it): all six reports; again after one report's data broke (only it is built,
its last good version stays published, its error is on the status page, the exit status says so);
again with nothing changed (no report is built, the portal is left as it is). The portal's figures
are compared with each report's own `hasil.json` and rendered tables; its search (Chromium) finds a
word of one report with that report's office and year; its catalog is read with rdflib.
"""

import contextlib
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from lkj_site.commands import cli
from lkj_site.portal import assemble, ci
from tests.html import parse
from tests.sites import chromium, served
from tests.test_hostile_build import Loopback, hostile_misi
from tests.test_validate import replace

pytestmark = pytest.mark.lambat

OFFICES = {"dinas-a": "Dinas Alfa", "dinas-b": "Dinas Beta", "dinas-c": 'Dinas <i>Cerdas</i> & "Kutip" {{ 7*7 }}'}
# (the report's own header shows its settings as HTML: mkdocs.yml is code, SECURITY.md; the portal's pages never do)
YEARS = (2024, 2025)
UNIQUE_WORD = "zebrakudalaut"  # only in dinas-a's 2024 report
OTHER_WORD = "kudanilbelang"  # only in dinas-c's 2025 report, which is in the second search index
SEARCH_GROUP = 4  # reports per search index here (the six reports: two indexes, merged by the search page)


def lkj(*arguments: str) -> tuple[int, str]:
    """`lkj …` in this process: its exit status and what it said."""
    said = io.StringIO()
    with contextlib.redirect_stderr(said), contextlib.redirect_stdout(said):
        code = cli.main(list(arguments))
    return code, said.getvalue()


@pytest.fixture(scope="module")
def loopback():
    server = Loopback()
    yield server
    server.close()


@pytest.fixture(scope="module")
def regency(tmp_path_factory, loopback):
    folder = tmp_path_factory.mktemp("portal") / "kabupaten"
    assert lkj("portal", "new", str(folder), "--daerah", "Kabupaten Contoh")[0] == 0
    for kantor, instansi in OFFICES.items():
        for tahun in YEARS:
            code, said = lkj("new", str(folder / "laporan" / kantor / str(tahun)), "--instansi", instansi,
                             "--daerah", "Kabupaten Contoh", "--tahun", str(tahun))  # fmt: skip
            assert code == 0, said
    first = folder / "laporan" / "dinas-a" / "2024" / "docs" / "bab-1.md"
    first.write_text(first.read_text(encoding="utf-8") + f"\nProgram {UNIQUE_WORD} dimulai.\n", encoding="utf-8")
    last = folder / "laporan" / "dinas-c" / "2025" / "docs" / "bab-1.md"
    last.write_text(last.read_text(encoding="utf-8") + f"\nProgram {OTHER_WORD} dimulai.\n", encoding="utf-8")
    hostile = hostile_misi(loopback.url).replace('"', '""')
    replace(folder / "laporan" / "dinas-c" / "2025" / "data" / "indikator.csv",
            "IKU01,S1,Indeks kepuasan masyarakat,", f'IKU01,S1,"{hostile}",')  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assemble, "SEARCH_GROUP", SEARCH_GROUP)
        builds = [lkj("portal", "build", str(folder), "--tanpa-pdf")]
        broken = folder / "laporan" / "dinas-b" / "2025" / "data" / "realisasi_kinerja.csv"
        replace(broken, "2024,IKU02,1142,", f'2024,IKU02,"<img src={loopback.url}/z.png>",')
        builds.append(lkj("portal", "build", str(folder), "--tanpa-pdf"))
        published = {path: path.stat().st_mtime_ns for path in (folder / "site").rglob("*")}
        builds.append(lkj("portal", "build", str(folder), "--tanpa-pdf"))
    return folder, builds, published


@pytest.fixture(scope="module")
def site(regency) -> Path:
    return regency[0] / "site"


def page(site: Path, path: str):
    return parse((site / path / "index.html").read_text(encoding="utf-8"))


def rows(document, anchor: str) -> list[list[str]]:
    table = document.select_one(f"#{anchor} table")
    return [[" ".join(cell.get_text(" ").split()) for cell in row.select("th, td")] for row in table.select("tbody tr")]


def hasil(site: Path, key: str) -> dict:
    return json.loads((site / key / "data" / "hasil.json").read_text(encoding="utf-8"))


# --- building ------------------------------------------------------------------------------


def test_a_report_of_the_workspace_shares_its_toolkit(regency):
    folder = regency[0]
    report = folder / "laporan" / "dinas-a" / "2024"
    assert (folder / "vendor").is_dir() and (folder / "requirements.lock").is_file() and (folder / "Makefile").is_file()
    assert not any((report / name).exists() for name in ("vendor", "requirements.lock", "Makefile", ".github", "tests"))
    assert (report / "mkdocs.yml").is_file() and "lkj build laporan/dinas-a/2024" in (report / "README.md").read_text()


def test_lkj_new_in_a_workspace_needs_no_checkout_of_the_toolkit(regency, tmp_path, monkeypatch):
    """The workspace's `lkj` is its installed wheel: a new report takes the toolkit's files from
    the workspace's own copy (as `.ci/run` does from a fresh workspace)."""
    from lkj_site.commands import new as report_new

    monkeypatch.setattr(report_new, "__file__", str(tmp_path / "site-packages" / "lkj_site" / "commands" / "new.py"))
    inside = regency[0] / "laporan" / "dinas-d" / "2025"
    code, said = lkj("new", str(inside), "--instansi", "Dinas Delta", "--daerah", "Kabupaten Contoh", "--tahun", "2025")
    try:
        assert code == 0, said
        assert (inside / "hooks.py").read_bytes() == (regency[0] / "vendor" / "laporan" / "hooks.py").read_bytes()
    finally:
        shutil.rmtree(inside.parent)  # the other tests' workspace has three offices
    code, said = lkj("new", str(tmp_path / "lain"), "--instansi", "Dinas Delta", "--daerah", "Kota", "--tahun", "2025")
    assert code == 1 and "salinan kode toolkit LKj" in said


def test_the_first_build_builds_every_report_and_publishes_the_portal(regency):
    code, said = regency[1][0]
    assert code == 0, said
    assert len(re.findall(r"^\[\d/6\] dinas-[abc]/202[45]: dibangun \(", said, re.MULTILINE)) == 6
    assert "Portal terbit di" in said


def test_a_broken_report_is_the_only_one_built_and_fails_the_command_not_the_portal(regency):
    code, said = regency[1][1]
    assert code == 1
    assert re.findall(r": dibangun|: GAGAL", said) == [": GAGAL"]
    assert len(re.findall(r": tidak berubah$", said, re.MULTILINE)) == 5
    assert re.search(r"dinas-b/2025: GALAT data/realisasi_kinerja\.csv, baris \d+, kolom 'realisasi'", said)
    assert "Portal terbit di" in said and "1 dari 6 laporan gagal dibangun" in said


def test_a_second_build_with_no_change_builds_nothing_and_leaves_the_portal(regency):
    folder, builds, published = regency
    code, said = builds[2]
    assert code == 1  # the broken report is still broken
    assert len(re.findall(r": tidak berubah$", said, re.MULTILINE)) == 5 and "dibangun (" not in said
    assert "Portal tidak berubah" in said
    assert {path: path.stat().st_mtime_ns for path in (folder / "site").rglob("*")} == published


def test_the_broken_report_keeps_its_last_good_version_and_its_error_is_listed(site):
    assert (site / "dinas-b" / "2025" / "bab-3" / "index.html").is_file()
    status = rows(page(site, "status"), "tabel-1-1")
    (row,) = [row for row in status if row[0] == "Dinas Beta" and row[1] == "2025"]
    assert row[2:4] == ["GAGAL", "versi terakhir yang berhasil"]
    assert re.match(r"GALAT data/realisasi_kinerja\.csv, baris \d+, kolom 'realisasi'", row[4])
    assert sum(1 for row in status if row[2] == "GAGAL") == 1


# --- the portal's figures are the reports' own -------------------------------------------------


def test_the_portal_table_shows_each_reports_own_results(site):
    table = rows(page(site, ""), "tabel-1-2")
    assert len(table) == 6
    offices = {name: kantor for kantor, name in OFFICES.items()}
    for row in table:
        key = f"{offices[row[0]]}/{row[1]}"
        own = hasil(site, key)
        statuses = [item["status"] for item in own["indikator"]]
        measurable = len([status for status in statuses if status != "belum dapat diukur"])
        assert row[2].startswith(f"{statuses.count('tercapai')} dari {measurable}")
        assert row[3:6] == [
            own["jumlah"]["serapan"].replace(".", ","),
            f"{int(own['jumlah']['pagu']):,}".replace(",", "."),
            f"{int(own['jumlah']['realisasi']):,}".replace(",", "."),
        ]
        # and the report's own rendered table says the same: pagu, realisasi, serapan of its total row
        report = page(site, f"{key}/bab-3").select("#tabel-3-4 tr")
        (total,) = [[c.get_text(" ").strip() for c in tr.select("th, td")] for tr in report
                    if tr.get_text(" ").strip().startswith("Jumlah Tahun")]  # fmt: skip
        assert total[2:5] == [row[4], row[5], row[3]]


def test_the_regency_totals_are_sums_of_the_reports_and_their_ratio(site):
    (first, second) = rows(page(site, ""), "tabel-1-1")
    for row, tahun in ((first, "2024"), (second, "2025")):
        own = [hasil(site, f"{kantor}/{tahun}") for kantor in OFFICES]
        pagu = sum(Decimal(item["jumlah"]["pagu"]) for item in own)
        realisasi = sum(Decimal(item["jumlah"]["realisasi"]) for item in own)
        assert row[0] == tahun and row[1] == "3"
        assert Decimal(row[3].replace(".", "")) == pagu and Decimal(row[4].replace(".", "")) == realisasi
        ratio = (realisasi * 100 / pagu).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
        assert row[5] == str(ratio).replace(".", ",")


def test_each_office_has_its_trend_across_years(site):
    office = page(site, "kantor/dinas-a")
    assert [row[0] for row in rows(office, "tabel-1-1")] == ["2024", "2025"]
    figures = office.select("figure.lkj-grafik img")
    assert len(figures) == 2 and all((site / "kantor" / "dinas-a" / img["src"]).resolve().is_file() for img in figures)
    assert "serapan" in figures[0]["alt"] and "capaian" in figures[1]["alt"]


def test_every_portal_table_downloads_as_csv_and_xlsx(site):
    for path in ("", "kantor/dinas-a", "status"):
        document = page(site, path)
        links = [a["href"] for a in document.select(".lkj-unduh-tabel a")]
        assert links and {link.rsplit(".", 1)[-1] for link in links} == {"csv", "xlsx"}
        for link in links:
            assert (site / path / link).resolve().is_file(), (path, link)


def test_the_reports_share_one_copy_of_the_theme(site):
    assert not (site / "dinas-a" / "2024" / "assets").exists()
    report = (site / "dinas-a" / "2024" / "bab-3" / "index.html").read_text(encoding="utf-8")
    stylesheet = re.search(r'href="([^"]*stylesheets/lkj\.css)"', report)[1]
    assert stylesheet == "../../../stylesheets/lkj.css" and (site / "stylesheets" / "lkj.css").is_file()


# --- catalog ------------------------------------------------------------------------------------


def test_the_catalog_lists_every_distribution_of_every_report(site):
    import rdflib

    graph = rdflib.Graph().parse(site / "catalog.jsonld", format="json-ld", publicID="https://portal.contoh.id/")
    dcat, dct = rdflib.Namespace("http://www.w3.org/ns/dcat#"), rdflib.Namespace("http://purl.org/dc/terms/")
    (catalog,) = graph.subjects(rdflib.RDF.type, dcat.Catalog)
    assert graph.value(catalog, dct.title) and graph.value(catalog, dct.publisher)
    datasets = list(graph.objects(catalog, dcat.dataset))
    assert len(datasets) == 6
    for dataset in datasets:
        for required in (dct.title, dct.description, dct.publisher, dct.temporal):
            assert graph.value(dataset, required) is not None, (dataset, required)
        key = str(dataset).removeprefix("https://portal.contoh.id/").removesuffix("/#dataset")
        package = json.loads((site / key / "data" / "datapackage.json").read_text(encoding="utf-8"))
        expected = {f"https://portal.contoh.id/{key}/data/{resource['path']}" for resource in package["resources"]}
        expected.add(f"https://portal.contoh.id/{key}/data/datapackage.json")
        downloads = {str(graph.value(d, dcat.downloadURL)) for d in graph.objects(dataset, dcat.distribution)}
        assert downloads == expected and any(url.endswith("/hasil.json") for url in downloads)
        for url in downloads:
            assert (site / url.removeprefix("https://portal.contoh.id/")).is_file()


# --- hostile text -------------------------------------------------------------------------------


def test_hostile_text_is_inert_on_the_portal_pages(site, loopback):
    for path in ("", "kantor/dinas-c", "status"):
        document = page(site, path)
        article = document.select_one("article")
        assert not article.select("i, img[src*='127.0.0.1'], a[href^='javascript'], [onmouseover]"), path
    office = page(site, "kantor/dinas-c")
    assert 'Dinas <i>Cerdas</i> & "Kutip" {{ 7*7 }}' in office.select_one("h1").get_text()
    assert not office.select("title i, head script[src*='127.0.0.1']") and "<" not in office.select_one("title").string
    status = page(site, "status").select_one("article").get_text()
    assert f"<img src={loopback.url}/z.png>" in status
    trend = page(site, "kantor/dinas-c").select("details table")[1].get_text()
    assert "[x](javascript:alert(1))" in trend and "<img src=" in trend


# --- in a browser -------------------------------------------------------------------------------

PORTAL_PAGES = ["", "kantor/dinas-a/", "kantor/dinas-c/", "status/", "cari.html"]


@pytest.fixture(scope="module")
def browsed(site, loopback):
    """Every portal page at 1280 and 390 px (axe, width, errors), and the search used as a reader uses it."""
    from tests.test_browser import Watched, context_for

    found = {}
    with served(site) as base, chromium() as browser:
        context = context_for(browser)
        watched = Watched(context)
        for path in PORTAL_PAGES:
            watched.visit(base + path)
            for width in (1280, 390):
                watched.view(width, "light")
                width_seen = watched.page.evaluate("document.documentElement.scrollWidth")
                found[(path, width)] = (watched.axe(), width_seen, list(watched.errors))
        watched.visit(base + f"cari.html?q={UNIQUE_WORD}")
        page_ = watched.page
        results = page_.eval_on_selector_all(
            "#lkj-cari-hasil > li", "items => items.map(i => [i.querySelector('a').href, i.innerText])"
        )
        offices = page_.eval_on_selector_all("#lkj-cari-kantor option", "options => options.map(o => o.value)")
        watched.visit(base + f"cari.html?q={OTHER_WORD}")
        other = page_.eval_on_selector_all(
            "#lkj-cari-hasil > li", "items => items.map(i => [i.querySelector('a').href, i.innerText])"
        )
        watched.visit(base + "cari.html?q=pelatihan&tahun=2025")
        filtered = page_.eval_on_selector_all("#lkj-cari-hasil > li > a", "links => links.map(l => l.href)")
        watched.visit(base)
        page_.locator("#tabel-1-2 thead th").nth(1).locator("button").click()
        page_.locator("#tabel-1-2 thead th").nth(1).locator("button").click()
        sorted_years = page_.eval_on_selector_all("#tabel-1-2 tbody tr", "r => r.map(x => x.cells[1].innerText)")
        page_.fill("#lkj-saring-1-2", "beta")
        shown = page_.eval_on_selector_all("#tabel-1-2 tbody tr:not([hidden])", "r => r.map(x => x.cells[0].innerText)")
        context.close()
    return {"views": found, "results": results, "other": other, "offices": offices, "filtered": filtered,
            "sorted": sorted_years, "shown": shown}  # fmt: skip


def test_the_portal_pages_pass_axe_at_both_widths_with_no_error(browsed, loopback):
    for (path, width), (violations, scroll_width, errors) in browsed["views"].items():
        assert violations == [], (path, width)
        assert errors == [], (path, width)
        assert scroll_width <= width, (path, width)
    assert loopback.requests == []  # nothing hostile was ever fetched


def test_the_search_finds_a_word_of_one_report_with_its_office_and_year(browsed):
    (found,) = browsed["results"]
    assert "/dinas-a/2024/bab-1/" in found[0]
    assert "Dinas Alfa · LKj Tahun 2024" in found[1]


def test_the_search_finds_a_word_of_a_report_in_another_index_with_its_office_and_year(site, browsed):
    """The search's indexes hold SEARCH_GROUP reports each (the indexer's memory stays bounded);
    the search page merges them: words, offices and years of every index are found."""
    listed = parse((site / "cari.html").read_text(encoding="utf-8")).select_one("#lkj-cari-form")["data-lkj-indeks"]
    assert listed == "pagefind/bagian-2" and (site / "pagefind" / "bagian-2" / "pagefind-entry.json").is_file()
    assert not (site / "pagefind" / "bagian-2" / "pagefind.js").exists()  # the first index's script serves all
    (found,) = browsed["other"]
    assert "/dinas-c/2025/bab-1/" in found[0] and "LKj Tahun 2025" in found[1] and "Cerdas" in found[1]
    assert len(browsed["offices"]) == 1 + len(OFFICES)  # "Semua" and every office, from both indexes


def test_the_search_narrows_to_one_year(browsed):
    assert browsed["filtered"] and all("/2025/" in link for link in browsed["filtered"])
    assert {link.split("/")[-4] for link in browsed["filtered"]} >= {"dinas-a", "dinas-c"}  # from both indexes


def test_the_reports_table_sorts_and_filters(browsed):
    assert browsed["sorted"] == sorted(browsed["sorted"], reverse=True)
    assert browsed["shown"] == ["Dinas Beta", "Dinas Beta"]


# --- CI -----------------------------------------------------------------------------------------


def test_the_ci_matrix_groups_the_changed_reports_and_gitlab_jobs_share_them():
    keys = [f"kantor-{n}/2025" for n in range(150)]
    groups = ci.matrix(keys)["include"]
    assert len(groups) == ci.MAX_JOBS
    assert sorted(key for group in groups for key in group["laporan"].split()) == sorted(keys)
    parts = [ci.share(keys, f"{index}/4") for index in range(1, 5)]
    assert sorted(sum(parts, [])) == sorted(keys) and ci.matrix([]) == {"include": []}


def test_the_workflows_are_written_with_a_codeowners_example(regency):
    folder = regency[0]
    assert lkj("portal", "ci", "github", str(folder))[0] == 0
    assert lkj("portal", "ci", "gitlab", str(folder))[0] == 0
    assert (folder / ".github" / "workflows" / "portal.yml").read_text() == (ci.HERE / "github.yml").read_text()
    owners = (folder / ".github" / "CODEOWNERS.contoh").read_text(encoding="utf-8")
    assert all(f"/laporan/{kantor}/" in owners for kantor in OFFICES)
    assert (folder / ".gitlab-ci.yml").is_file()
