"""Every way a build can fail ends in one Indonesian line that says where and what to do,
never a traceback. Each way a macro call can fail is checked on its chapter (tests/chapters.py);
every other way, and one macro failure, in a build in this process (`lkj_site.builder.run`, what
`make build` runs)."""

import errno
import os
import shutil
from pathlib import Path

import mkdocs.utils
import pytest

from lkj_site.builder import run
from lkj_site.builder.chapter import ChapterError
from lkj_site.publisher import stage
from tests.chapters import Macros
from tests.sites import PROJECT_ROOT, copy_project
from tests.test_validate import replace

# case: (file, text to find, replacement, the message starts with)
MACRO_FAILURES = {
    "unknown macro": (
        "docs/bab-2.md", "{{ jumlah_misi() }}", "{{ jumlah_misii() }}",
        "docs/bab-2.md, baris {line}: makro atau nama 'jumlah_misii' tidak dikenal; makro yang tersedia: bagan_organisasi, capaian,",
    ),
    "wrong argument": (
        "docs/bab-3.md", "{{ pagu() }}", '{{ pagu(tahun="20x9") }}',
        "docs/bab-3.md, baris {line}: makro pagu(tahun='20x9'): tahun harus empat angka, mis. 2019, bukan '20x9'",
    ),
    "too many arguments": (
        "docs/bab-3.md", "{{ pagu() }}", "{{ pagu('P01', 2019, 3) }}",
        "docs/bab-3.md, baris {line}: makro pagu('P01', 2019, 3): argumen tidak sesuai; cara memanggil: pagu(program=None, tahun=None)",
    ),
    "a year the data lacks": (
        "docs/ikhtisar.md", "{{ perbandingan_serapan() }}", "{{ serapan(tahun=2031) }}",
        "docs/ikhtisar.md, baris {line}: makro serapan(tahun=2031): tidak ada anggaran Tahun 2031 di data/realisasi_anggaran.csv",
    ),
    "a code the data lacks": (
        "docs/ikhtisar.md", "{{ melampaui_target() }}", '{{ capaian("IKU44") }}',
        "docs/ikhtisar.md, baris {line}: makro capaian('IKU44'): indikator 'IKU44' tidak punya target PK",
    ),
    "a misi the data lacks": (
        "docs/bab-2.md", "{{ misi_utama() }}", '{{ misi("VII") }}',
        "docs/bab-2.md, baris {line}: makro misi('VII'): misi 'VII' tidak ada di data/misi.csv",
    ),
    "broken macro syntax": (
        "docs/bab-4.md", "{{ tanda_tangan() }}", "{{ tanda_tangan( }}",
        "docs/bab-4.md, baris {line}: penulisan makro tidak lengkap atau salah",
    ),
}  # fmt: skip
BUILD_FAILURES = {
    "a macro": (
        "docs/bab-2.md", "{{ jumlah_misi() }}", "{{ jumlah_misii() }}",
        "docs/bab-2.md, baris {line}: makro atau nama 'jumlah_misii' tidak dikenal",
    ),
    "broken link": (
        "docs/bab-4.md", "{{ tanda_tangan() }}", "Lihat [lampiran](lampiran-lama.md).",
        "docs/bab-4.md: tautan 'lampiran-lama.md' tidak menuju ke halaman atau berkas mana pun di docs/",
    ),
    "control character in a csv": (
        "data/misi.csv", "dan perikanan", "dan\x00perikanan",
        "1 galat pada data; perbaiki berkas di data/",
    ),
}  # fmt: skip


def build_and_tell(project: Path, site: Path, capsys) -> tuple[int, list[str]]:
    code = stage.main([str(project), str(site)])
    output = capsys.readouterr()
    text = output.out + output.err
    assert "Traceback" not in text and "Error:" not in text
    return code, text.splitlines()


@pytest.fixture(scope="module")
def macros() -> Macros:
    return Macros(PROJECT_ROOT)


@pytest.mark.parametrize("case", sorted(MACRO_FAILURES))
def test_each_macro_failure_names_the_chapter_and_its_line(macros, tmp_path, case):
    file, old, new, expected = MACRO_FAILURES[case]
    chapter = tmp_path / "docs" / Path(file).name
    chapter.parent.mkdir()
    shutil.copy(PROJECT_ROOT / file, chapter)
    source = chapter.read_text(encoding="utf-8")
    line = source[: source.index(old)].count("\n") + 1  # as an editor shows it, front matter included
    replace(chapter, old, new)
    with pytest.raises(ChapterError) as failure:
        macros.render(chapter)
    assert str(failure.value).startswith(expected.format(line=line))
    assert "\n" not in str(failure.value)


def test_the_chapters_render_as_they_are(macros):
    """The harness itself: every chapter of the report renders (the cases above can fail)."""
    for chapter in sorted((PROJECT_ROOT / "docs").glob("*.md")):
        assert macros.render(chapter)


@pytest.mark.lambat
@pytest.mark.parametrize("case", sorted(BUILD_FAILURES))
def test_each_failure_of_a_build_ends_in_one_indonesian_line(tmp_path, capsys, case):
    file, old, new, expected = BUILD_FAILURES[case]
    project = copy_project(tmp_path / "lkj")
    source = (project / file).read_text(encoding="utf-8")
    line = source[: source.index(old)].count("\n") + 1
    replace(project / file, old, new)
    code, lines = build_and_tell(project, tmp_path / "versi", capsys)
    assert code == 1
    assert [line for line in lines if line.startswith("Build gagal")] == [lines[-1]]
    assert lines[-1].startswith(f"Build gagal: {expected.format(line=line)}")
    assert lines[-1].endswith("; situs yang terbit (site/) tidak diubah.")


@pytest.mark.lambat
def test_a_data_error_lists_its_lines_before_the_last_one(tmp_path, capsys):
    project = copy_project(tmp_path / "lkj")
    replace(project / "data" / "misi.csv", "dan perikanan", "dan\x00perikanan")
    _, lines = build_and_tell(project, tmp_path / "versi", capsys)
    assert "GALAT data/misi.csv, baris 4, kolom 'uraian': karakter kendali tak terlihat U+0000" in lines[-2]


@pytest.mark.lambat
def test_a_chapter_left_out_of_nav_stops_the_build(tmp_path, capsys):
    project = copy_project(tmp_path / "lkj")
    replace(project / "mkdocs.yml", '  - "BAB IV Penutup": bab-4.md\n', "")
    code, lines = build_and_tell(project, tmp_path / "versi", capsys)
    assert code == 1
    assert lines[-1].startswith("Build gagal: docs/bab-4.md tidak ada di 'nav' mkdocs.yml: bab ini tidak akan masuk")


@pytest.mark.lambat
@pytest.mark.parametrize("name", ["bagan.png", "laporan.md"])
def test_a_link_out_of_docs_is_never_published(tmp_path, capsys, name):
    project = copy_project(tmp_path / "lkj")
    (project / "docs" / name).symlink_to("/etc/passwd")
    code, lines = build_and_tell(project, tmp_path / "versi", capsys)
    assert code == 1 and f"Build gagal: docs/{name}: berkas ini (atau foldernya) tautan simbolik" in lines[-1]
    assert not (tmp_path / "versi" / name).exists()


@pytest.mark.lambat
def test_a_file_docs_does_not_publish_stops_the_build(tmp_path, capsys):
    project = copy_project(tmp_path / "lkj")
    (project / "docs" / "gaji-pegawai.xlsx").write_bytes(b"PK")
    _, lines = build_and_tell(project, tmp_path / "versi", capsys)
    assert lines[-1].startswith("Build gagal: docs/gaji-pegawai.xlsx: jenis berkas ini tidak diterbitkan")


@pytest.mark.lambat
def test_a_logo_outside_the_project_is_refused(tmp_path, capsys, monkeypatch):
    project = copy_project(tmp_path / "lkj")
    monkeypatch.setenv("LKJ_LOGO", "/etc/passwd")
    code = run.main([str(project), str(tmp_path / "versi"), "--pdf"])
    assert code == 1
    assert "Build gagal: mkdocs.yml extra.lkj.logo: '/etc/passwd' harus berkas gambar" in capsys.readouterr().err


@pytest.mark.lambat
def test_a_folder_that_cannot_be_written(tmp_path, capsys):
    project = copy_project(tmp_path / "lkj")
    (tmp_path / "berkas").write_text("bukan folder", encoding="utf-8")
    _, lines = build_and_tell(project, tmp_path / "berkas" / "site", capsys)
    assert lines[-1].startswith("Build gagal: tidak dapat membaca atau menulis")
    assert "ada berkas di tempat yang seharusnya folder" in lines[-1]


@pytest.mark.lambat
@pytest.mark.parametrize(
    ("number", "words"),
    [(errno.ENOSPC, "disk penuh; kosongkan ruang disk"), (errno.EROFS, "sistem berkas hanya-baca")],
)
def test_a_full_or_read_only_disk(tmp_path, capsys, monkeypatch, number, words):
    def refuse(content, path):
        raise OSError(number, os.strerror(number), path)

    monkeypatch.setattr(mkdocs.utils, "write_file", refuse)
    project = copy_project(tmp_path / "lkj")
    code, lines = build_and_tell(project, tmp_path / "versi", capsys)
    assert code == 1
    assert lines[-1].startswith(f"Build gagal: tidak dapat membaca atau menulis {tmp_path / 'versi'}")
    assert words in lines[-1]


@pytest.mark.lambat
def test_a_docs_folder_that_is_a_link_is_refused(tmp_path, capsys):
    project = copy_project(tmp_path / "lkj")
    (project / "docs").rename(tmp_path / "bab-asli")
    (project / "docs").symlink_to(tmp_path / "bab-asli")
    _, lines = build_and_tell(project, tmp_path / "versi", capsys)
    assert "harus folder biasa di dalam proyek, bukan tautan" in lines[-1]
