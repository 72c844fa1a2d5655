"""Each macro on the real data: what a chapter gets when it calls it.

The figures a chapter can ask for are in `tests/angka_laporan.csv`, beside the figure the
source document printed and the reason where the two differ; one test checks them all.
"""

import csv
import re
from decimal import Decimal

import jinja2
import pytest

from lkj import tables
from lkj.html import render
from lkj.settings import SettingsError, read_settings
from lkj_site.builder.macros import INLINE
from tests.html import cells, parse, section
from tests.sites import PROJECT_ROOT

FIGURES = PROJECT_ROOT / "tests" / "angka_laporan.csv"


def block(report, name: str, **arguments) -> str:
    """What a chapter gets from `{{ name(**arguments) }}`: the block's HTML."""
    return render(getattr(tables, name)(report, **arguments))


def figures() -> list[dict]:
    with FIGURES.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


@pytest.mark.parametrize("row", figures(), ids=lambda row: row["makro"])
def test_every_figure_of_the_report(report, row):
    """A macro call as a chapter writes it gives the recorded figure; a difference from the
    source document has its reason recorded."""
    names = {name: getattr(report, name) for name in INLINE}
    variables = {"tahun_kinerja": report.settings.tahun_kinerja, "tahun": report.settings.tahun}
    result = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string("{{ " + row["makro"] + " }}")
    assert result.render(**names, **variables) == row["hasil"]
    if row["dokumen_sumber"] == "–" or numbers(row["dokumen_sumber"]) != numbers(row["hasil"]):
        assert row["alasan_selisih"], f"{row['makro']}: tidak sama dengan dokumen sumber, tanpa alasan"


def numbers(text: str) -> list[Decimal]:
    """The numbers in Indonesian-styled text: `Rp 2.553.091.717` -> [2553091717], `95,35%` -> [95.35]."""
    found = re.findall(r"[0-9][0-9.]*(?:,[0-9]+)?", text)
    return [Decimal(n.replace(".", "").replace(",", ".")) for n in found]


def test_years_come_from_the_settings(report):
    assert (report.settings.tahun, report.settings.tahun_kinerja) == (2020, 2019)
    assert report.pagu() == report.pagu(tahun=2019) and report.jumlah_indikator() == report.jumlah_indikator(2020)


def test_unknown_things_raise(report):
    with pytest.raises(LookupError):
        report.capaian("IKU99")
    with pytest.raises(LookupError):
        report.pagu(tahun=2017)
    with pytest.raises(LookupError, match="kode yang ada: I, II, III, IV"):
        report.misi("IX")
    with pytest.raises(ValueError, match="tahun harus empat angka"):
        report.pagu(tahun="20x9")


def test_captions_are_numbered_per_chapter(report):
    first = block(report, "tabel_capaian")
    second = block(report, "tabel_realisasi_anggaran")
    assert parse(first).caption.get_text() == "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2019"
    assert parse(second).caption.get_text().startswith("Tabel 3.2 Realisasi Program dan Kegiatan")
    report.start_page(2)
    assert parse(block(report, "tabel_renstra")).caption.get_text().startswith("Tabel 2.1 ")


def test_a_table_on_a_page_without_bab_is_refused(report):
    report.start_page(None)
    with pytest.raises(ValueError, match="bab"):
        tables.tabel_capaian(report)


def test_tabel_capaian(report):
    html = block(report, "tabel_capaian")
    row = cells(html)
    i = row.index("Jumlah tenaga kerja yang ditempatkan sesuai kompetensi")
    assert row[i + 1 : i + 5] == ["300 orang", "426 orang", "142,00", "Tercapai"]
    j = row.index("Persentase wirausaha baru mandiri")
    assert row[j + 1 : j + 5] == ["50 orang", "–", "100,00", "Tercapai *"]  # published capaian, no realisasi
    notes = [p.get_text() for p in parse(html).select(".lkj-catatan")]
    assert "sebagaimana dipublikasikan" in notes[0] and "(2 × target − realisasi) ÷ target × 100" in notes[1]
    assert len(parse(html).find_all("tr")) == 1 + 9  # header + nine IKU
    assert [td["rowspan"] for td in parse(html).select("td[rowspan]")][:2] == ["3", "3"]  # three IKU per sasaran


def test_tabel_realisasi_anggaran(report):
    html = block(report, "tabel_realisasi_anggaran")
    assert len(parse(html).select("tr.program")) == 8
    assert len(parse(html).select("tr.kegiatan")) == 28
    tfoot = section(html, "tfoot")
    assert cells(tfoot)[:6] == ["", "Jumlah Tahun 2019", "2.392.837.500", "2.281.522.116", "95,35", "102,68"]
    assert cells(tfoot)[6:] == ["", "Pembanding: Tahun 2018", "2.228.039.860", "2.051.831.969", "92,09", "97,58"]
    programs = [cells(row) for row in parse(html).select("tr.program")]
    row = next(r for r in programs if r[1] == "Program Peningkatan Kualitas dan Produktivitas Tenaga Kerja")
    assert row[2:5] == ["360.031.000", "351.336.000", "97,58"]
    assert parse(html).select("tr.program")[programs.index(row)].find_all(["th", "td"])[1].strong is not None


def test_tabel_target_rk_and_pk(report):
    rk = cells(block(report, "tabel_target", dokumen="RK"))
    pk_html = block(report, "tabel_target", dokumen="PK", judul="Penetapan Kinerja", dengan_tujuan=True)
    pk = cells(pk_html)
    assert rk[rk.index("Cakupan perusahaan yang terdaftar kepesertaan BPJS Ketenagakerjaan") + 1] == "100%"
    assert pk[pk.index("Cakupan perusahaan yang terdaftar kepesertaan BPJS Ketenagakerjaan") + 1] == "80%"
    assert "77,50%" in rk and "30 orang" in rk
    assert "Menyediakan tenaga kerja terampil serta menciptakan wirausaha baru" in pk
    assert parse(pk_html).caption.get_text().endswith("Penetapan Kinerja Tahun 2020")


def test_tabel_anggaran_program(report):
    html = block(report, "tabel_anggaran_program")
    row = cells(html)
    assert row[row.index("Program Pelayanan Administrasi Perkantoran") + 1] == "912.283.357"
    assert cells(section(html, "tfoot")) == ["Jumlah", "2.553.091.717", "APBD"]


def test_tabel_renstra_shows_the_misi_the_office_works_for(report):
    html = block(report, "tabel_renstra")
    page = parse(html)
    headings = [line.get_text() for line in page.select("caption .lkj-tabel__subjudul")]
    assert page.select("thead tr") and not page.select_one("thead").find(string=lambda t: "VISI" in t)  # not a header
    assert headings[0].startswith("VISI: Terwujudnya Kabupaten Tanjung Jabung Barat Maju")
    assert [h.split(":")[0] for h in headings[1:]] == ["MISI II", "MISI III"]  # peran in data/misi.csv
    assert headings[2] == "MISI III: Meningkatkan pembangunan ekonomi masyarakat melalui agroindustri dan perikanan"
    assert len(parse(html).select("td li")) == 14  # arah kebijakan: 2 + 7 + 5


def test_lists_and_signature(report):
    assert len(parse(block(report, "daftar_misi")).find_all("li")) == 4
    programs = [li.get_text() for li in parse(block(report, "daftar_program")).find_all("li")]
    assert len(programs) == 8
    expected = "Program Peningkatan Kesempatan Kerja, kinerja yang ingin dicapai adalah persentase tenaga kerja"
    assert any(item.startswith(expected + " yang ditempatkan") for item in programs)
    signature = parse(block(report, "tanda_tangan"))
    assert signature.select_one(".lkj-tanda-tangan__nip").get_text() == "NIP. 19780426 199612 1 001"
    assert [p.get_text() for p in signature.select(".lkj-tanda-tangan__jabatan")] == [
        "Kepala Dinas Tenaga Kerja",
        "Kabupaten Tanjung Jabung Barat",
    ]  # derived from the settings


def test_cara_menghitung_states_the_rules_the_code_applies(report):
    rules = [li.get_text() for li in parse(block(report, "cara_menghitung")).find_all("li")]
    assert any("(2 × target − realisasi) ÷ target × 100" in rule for rule in rules)
    assert any("bukan rata-rata persentase" in rule for rule in rules)


def test_settings_missing_key_is_a_clear_error(extra):
    broken = {"lkj": {k: v for k, v in extra["lkj"].items() if k != "visi"}}
    with pytest.raises(SettingsError, match="extra.lkj.visi belum diisi"):
        read_settings(broken)


def test_macros_never_read_csv_files(report, monkeypatch):
    """Data is read once per build (in define_env); a macro call never touches the files."""
    import pandas

    def refuse(*args, **kwargs):
        raise AssertionError("a macro read a CSV file")

    monkeypatch.setattr(pandas, "read_csv", refuse)
    report.pagu()
    report.capaian("IKU04")
    tables.tabel_realisasi_anggaran(report)
    tables.tabel_capaian(report)
    tables.tabel_target(report, "PK", dengan_tujuan=True)


def test_judul_gambar_numbers_figures_per_chapter_apart_from_tables(report):
    report.start_page(1)
    tables.tabel_capaian(report)
    assert report.judul_gambar("Bagan <Struktur>") == "Gambar 1.1 Bagan <Struktur>"  # made inert by the macro
    assert report.judul_gambar("Lain") == "Gambar 1.2 Lain"


def test_tabel_data_terbuka(report, real_data):
    page = parse(block(report, "tabel_data_terbuka", awalan="../data/"))
    assert page.caption.get_text() == "Berkas data laporan, isi, jumlah baris dan SHA-256"  # not numbered
    row = next(tr for tr in page.select("tbody tr") if tr.a.get_text() == "realisasi_anggaran.csv")
    assert row.a["href"] == "../data/realisasi_anggaran.csv" and row.a.has_attr("download")
    assert cells(row)[2] == str(len(real_data["realisasi_anggaran"]))
    assert len(page.select("code.lkj-sha256")) == len(real_data.raw) == 13


def test_no_macro_call_in_a_chapter_names_a_year():
    """Years come from the settings (`tahun`, `tahun_kinerja`): next year's report changes one line."""
    for chapter in sorted((PROJECT_ROOT / "docs").glob("*.md")):
        for call in re.findall(r"\{\{(.*?)\}\}", chapter.read_text(encoding="utf-8"), flags=re.S):
            assert not re.search(r"\b(19|20)[0-9][0-9]\b", call), f"{chapter.name}: {{{{{call}}}}}"


def test_the_toolkit_names_no_office():
    """The office is named in the settings block and in this report's own chapters, nowhere else."""
    this_office = re.compile(r"Tanjung Jabung|Tanjab|Tenaga Kerja|Disnaker", re.IGNORECASE)
    code = [*(PROJECT_ROOT / "src").rglob("*"), *(PROJECT_ROOT / "macros").rglob("*.py")]
    code += [PROJECT_ROOT / name for name in ("hooks.py", "pdf_event_hook.py", "Makefile", "pyproject.toml")]
    for path in code:
        if path.is_file() and path.suffix not in (".ttf", ".pyc") and "egg-info" not in str(path):
            assert not this_office.search(path.read_text(encoding="utf-8", errors="replace")), path
    settings = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    outside = settings[: settings.index("  lkj:\n")] + settings[settings.index("# --- Plugins") :]
    assert not this_office.search(outside)


def test_the_perjanjian_kinerja_is_an_agreement_between_two_named_parties(report):
    from lkj import perjanjian

    page = parse(render(perjanjian.perjanjian_kinerja(report)))
    agreement = page.select_one(".lkj-perjanjian")
    assert agreement.select_one(".lkj-perjanjian__judul").get_text(" ") == (
        "PERJANJIAN KINERJA TAHUN 2020 DINAS TENAGA KERJA KABUPATEN TANJUNG JABUNG BARAT"
    )
    parties = [" ".join(p.get_text(" ").split()) for p in agreement.select(".lkj-perjanjian__pihak")]
    assert parties == [
        "Nama : ………………… Jabatan : Kepala Dinas Tenaga Kerja Kabupaten Tanjung Jabung Barat",
        "Nama : ………………… Jabatan : Bupati Tanjung Jabung Barat",  # the name is never invented
    ]
    second, first = agreement.select(".lkj-tanda-tangan")
    assert "Pihak Kedua," in second.get_text() and "Pihak Pertama," in first.get_text()
    assert first.select_one(".lkj-tanda-tangan__nip").get_text() == "NIP. 19780426 199612 1 001"
    assert second.select_one(".lkj-tanda-tangan__nama--kosong") is not None
    assert "Pihak pertama berjanji akan mewujudkan target kinerja" in agreement.get_text()


def test_the_second_party_is_the_head_of_the_region():
    from lkj.settings import kepala_daerah

    assert kepala_daerah("Kabupaten Tanjung Jabung Barat") == "Bupati Tanjung Jabung Barat"
    assert kepala_daerah("Kota Contoh") == "Wali Kota Contoh"
    assert kepala_daerah("Provinsi Jambi") == "Gubernur Jambi"


def test_the_index_of_required_contents_finds_headings_and_macros(tmp_path):
    from lkj_site.review import kesesuaian

    (tmp_path / "bab-1.md").write_text(
        "---\nbab: 1\n---\n# BAB I Pendahuluan\n\n## 1.2 Tugas dan Fungsi\n\nteks\n", encoding="utf-8"
    )
    (tmp_path / "bab-3.md").write_text(
        "# BAB III Akuntabilitas Kinerja\n\n## 3.1 Capaian Tahun {{ tahun }}\n\n<!-- {{ tabel_efisiensi() }} -->\n"
        "{{ tabel_capaian() }}\n",
        encoding="utf-8",
    )
    found = dict(
        kesesuaian.find([("bab-1/", tmp_path / "bab-1.md"), ("bab-3/", tmp_path / "bab-3.md")], {"tahun": 2020})
    )
    by_name = {unsur.nama: place for unsur, place in found.items()}
    assert by_name["BAB I: tugas dan fungsi organisasi"].anchor == "12-tugas-dan-fungsi"
    capaian = by_name["BAB III A.1: target dan realisasi kinerja tahun ini"]
    assert (capaian.page, capaian.anchor, capaian.title) == (
        "bab-3/",
        "31-capaian-tahun-2020",
        "BAB III Akuntabilitas Kinerja › 3.1 Capaian Tahun 2020",
    )
    assert by_name["BAB III A.6: efisiensi penggunaan sumber daya"] is None  # a macro in a comment is not there
    assert "PERINGATAN daftar kesesuaian: BAB IV Penutup tidak ada di laporan" in "\n".join(
        kesesuaian.warnings(list(found.items()))
    )


def test_the_git_variable_of_mkdocs_macros_is_asked_of_git_only_when_a_chapter_reads_it(monkeypatch):
    """builder/seams.py: mkdocs-macros runs git twelve times per build for `{{ git }}`; now lazily."""
    import inspect

    from mkdocs_macros import context

    from lkj_site.builder import seams

    assert "get_git_info()" in inspect.getsource(context.define_env)  # the seam is still where it was
    calls = []
    monkeypatch.setattr(context, "get_git_info", lambda: calls.append(1) or {"short_commit": "abc1234"})
    seams.install()
    info = context.get_git_info()
    assert calls == []
    assert info["short_commit"] == "abc1234" and dict(info) == {"short_commit": "abc1234"} and calls == [1]
