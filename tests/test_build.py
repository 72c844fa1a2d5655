"""The report edited as its editors and its data may edit it: three data cells holding HTML and
Jinja, and the signatory set from the environment; built (website only) in this process."""

import hashlib
import os
from pathlib import Path

import pytest

from lkj_site.builder import run
from tests.html import cells, parse
from tests.sites import copy_project

pytestmark = pytest.mark.lambat  # a report built


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return digest.hexdigest()


INJECTED = {  # kegiatan name in data/kegiatan.csv -> what is appended to it
    "Pengembangan SDM": "<script>alert(1)</script>",
    "Pengadaan Peralatan Gedung Kantor": "{{ 7*7 }}",
    "Penyediaan Alat Tulis Kantor": "{% raw %}",
}


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The report with HTML and Jinja in three data cells and the signatory set, built site only."""
    project = copy_project(tmp_path_factory.mktemp("edited") / "lkj")
    path = project / "data" / "kegiatan.csv"
    text = path.read_text(encoding="utf-8")
    for name, added in INJECTED.items():
        assert name in text
        text = text.replace(name, f'"{name} {added}"')
    path.write_text(text, encoding="utf-8")
    before = tree_digest(project / "docs"), tree_digest(project / "data")
    signer = {"LKJ_PENANDATANGAN_NAMA": "Nama Kepala Dinas", "LKJ_PENANDATANGAN_TEMPAT": "Kuala Tungkal"}
    os.environ.update(signer)
    try:
        assert run.build(project, project / "site", pdf=False) is None
    finally:
        for key in signer:
            os.environ.pop(key)
    return project, before


def test_build_never_writes_into_docs_or_data(edited):
    project, before = edited
    assert (tree_digest(project / "docs"), tree_digest(project / "data")) == before


def test_signatory_name_is_a_setting(edited):
    project, _ = edited
    block = parse(html(project / "site", "bab-4/index.html")).select_one(".lkj-tanda-tangan")
    assert block.select_one("p.lkj-tanda-tangan__nama").get_text() == "Nama Kepala Dinas"
    assert block.select_one(".lkj-tanda-tangan__tanggal").get_text().startswith("Kuala Tungkal, …")


def test_data_cannot_inject_html_or_jinja(edited):
    project, _ = edited
    table = parse(html(project / "site", "bab-3/index.html")).select_one(".lkj-tabel--realisasi-anggaran")
    names = cells(table)
    for name, added in INJECTED.items():
        assert f"{name} {added}" in names
    assert table.find("script") is None


IMPORTED = """
import sys
from pathlib import Path
from lkj_site.builder import run
assert run.build(Path.cwd(), Path(sys.argv[1]), pdf=False) is None
print(" ".join(name for name in ("weasyprint", "mkdocs_with_pdf", "pydyf", "pandas", "pandera") if name in sys.modules))
"""


def test_a_site_only_build_imports_nothing_of_the_pdf_and_unchanged_data_not_even_pandas(tmp_path):
    """What `make serve` starts with and a site-only build costs: no WeasyPrint; and once the data
    has been validated, a build of the same data reads it from the cache, without pandas."""
    from tests.sites import run_python

    project = copy_project(tmp_path / "lkj")
    cache = {"LKJ_CACHE": str(tmp_path / "cache")}
    first = run_python(["-c", IMPORTED, str(tmp_path / "satu")], project, **cache)
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == ["pandas", "pandera"]  # the data validated, nothing of the PDF
    again = run_python(["-c", IMPORTED, str(tmp_path / "dua")], project, **cache)
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == []
    assert (tmp_path / "dua" / "bab-3" / "index.html").read_bytes() == (
        tmp_path / "satu" / "bab-3" / "index.html"
    ).read_bytes()
