"""Ready for any static host (issue 11): pre-compressed copies beside the text files, the
sitemap and canonical links where the site's address is known (and a clear warning where it
is not), a 404 page in Indonesian whose links work in a sub-folder, and the search index."""

import gzip
import os

import brotli
import pytest

from lkj_site.builder import run
from lkj_site.publisher import compress
from tests.html import parse
from tests.sites import copy_project

pytestmark = pytest.mark.lambat  # builds the report (without its PDF)

ADDRESS = "https://lkj.contoh.go.id/laporan/2020/"


@pytest.fixture(scope="module")
def addressed(tmp_path_factory):
    """The report built for a site in a sub-folder of its host."""
    project = copy_project(tmp_path_factory.mktemp("alamat") / "lkj")
    saved = os.environ.get("LKJ_SITE_URL")
    os.environ["LKJ_SITE_URL"] = ADDRESS
    try:
        assert run.build(project, project / "site", pdf=False) is None
    finally:
        os.environ.pop("LKJ_SITE_URL") if saved is None else os.environ.__setitem__("LKJ_SITE_URL", saved)
    return project / "site"


def test_the_sitemap_and_canonical_links_name_the_site_address(addressed):
    sitemap = (addressed / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ADDRESS}bab-3/</loc>" in sitemap
    page = parse((addressed / "bab-3" / "index.html").read_text(encoding="utf-8"))
    assert page.select_one('link[rel="canonical"]')["href"] == f"{ADDRESS}bab-3/"


def test_the_404_page_is_in_indonesian_and_links_from_the_site_root(addressed):
    page = parse((addressed / "404.html").read_text(encoding="utf-8"))
    assert page.select_one("article h1").get_text() == "Halaman tidak ditemukan"
    links = {a.get_text(): a["href"] for a in page.select("article a")}
    assert links["Beranda"].startswith("/laporan/2020/") and links["Cari di laporan"] == "/laporan/2020/cari.html"
    stylesheets = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    assert stylesheets and all(href.startswith("/laporan/2020/") for href in stylesheets)
    assert "Not found" not in page.get_text()


def test_without_an_address_no_empty_sitemap_and_a_warning(project, capsys):
    assert run.build(project, project / "site", pdf=False) is None
    assert not (project / "site" / "sitemap.xml").exists()
    err = capsys.readouterr().err
    assert "PERINGATAN site_url belum diisi" in err
    assert "PERINGATAN tanda tangan belum lengkap (nama, tempat, tanggal, nama pihak kedua" in err  # every build
    assert "PERINGATAN daftar kesesuaian: BAB III A.4: perbandingan dengan standar nasional tidak ada" in err
    assert (project / "site" / "pagefind" / "pagefind.js").is_file()  # the search works without it


def test_text_files_are_precompressed_the_same_each_time_and_the_open_data_is_left_as_published(addressed, tmp_path):
    import shutil

    site = shutil.copytree(addressed, tmp_path / "site")
    assert compress.precompress(site) > 10
    page = (site / "bab-3" / "index.html").read_bytes()
    assert gzip.decompress((site / "bab-3" / "index.html.gz").read_bytes()) == page
    assert brotli.decompress((site / "bab-3" / "index.html.br").read_bytes()) == page
    first = (site / "bab-3" / "index.html.gz").read_bytes()
    compress.precompress(site)
    assert (site / "bab-3" / "index.html.gz").read_bytes() == first  # no date or name inside
    assert not list((site / "data").glob("*.gz")) and not list((site / "data").glob("*.br"))
    assert not list(site.rglob("*.gz.gz"))
