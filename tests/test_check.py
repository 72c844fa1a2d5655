"""`make check` (`lkj check`): data and chapters checked, nothing published."""

import os
import subprocess
from pathlib import Path

import pytest

from lkj_site.commands.check import check
from tests.sites import run_python
from tests.test_validate import replace


def run_check(project: Path, **env: str) -> subprocess.CompletedProcess:
    return run_python(["-m", "lkj_site", "check", str(project)], project, **{"GITHUB_ACTIONS": "false", **env})


@pytest.mark.lambat
def test_check_passes_real_data_and_lists_its_warnings(project):
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert (
        "PERINGATAN data/realisasi_anggaran.csv, baris 22, kolom 'fisik': nilai '142': fisik di atas 100%" in lines[0]
    )
    # 4 data warnings, 4 missing elements of the regulation, 1 signature
    assert lines[-1] == "Data dan bab lolos pemeriksaan: 0 galat, 9 peringatan."
    assert lines[-2].startswith("PERINGATAN tanda tangan belum lengkap (nama, tempat, tanggal, nama pihak kedua")
    assert not (project / "site").exists()


@pytest.mark.lambat
def test_a_complete_signature_is_not_a_warning(project, monkeypatch, capsys):
    for name, value in (
        ("LKJ_PENANDATANGAN_NAMA", "Drs. H. Contoh Nama, M.Si."),
        ("LKJ_PENANDATANGAN_TEMPAT", "Kuala Tungkal"),
        ("LKJ_PENANDATANGAN_TANGGAL", "31 Maret 2020"),
        ("LKJ_PIHAK_KEDUA_NAMA", "Dr. Ir. H. Contoh Bupati, M.M."),
    ):
        monkeypatch.setenv(name, value)
    assert check(project) == 0
    output = capsys.readouterr()
    assert "tanda tangan belum lengkap" not in output.out + output.err
    assert output.out.splitlines()[-1] == "Data dan bab lolos pemeriksaan: 0 galat, 8 peringatan."


def test_check_exits_1_on_errors_with_one_line_each(project, capsys):
    path = project / "data" / "kegiatan.csv"
    replace(path, "K02.01,P02,", "K02.01,P99,")
    replace(path, "K03.01,P03,", "K03.01,P98,")
    assert check(project) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line.startswith("GALAT")] == [
        "GALAT data/kegiatan.csv, baris 13, kolom 'kode_program': nilai 'P99': kode tidak ada di data/program.csv (kolom kode_program)",
        "GALAT data/kegiatan.csv, baris 17, kolom 'kode_program': nilai 'P98': kode tidak ada di data/program.csv (kolom kode_program)",
    ]
    assert lines[-1].startswith("2 galat")


@pytest.mark.lambat
def test_check_finds_a_chapter_asking_for_data_that_is_missing(project, capsys):
    replace(project / "docs" / "ikhtisar.md", "{{ perbandingan_serapan() }}", "{{ serapan(tahun=2017) }}")
    assert check(project) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2].startswith(
        "GALAT docs/ikhtisar.md, baris 13: makro serapan(tahun=2017): tidak ada anggaran Tahun 2017"
    )
    assert lines[-1] == "1 galat pada bab, 4 peringatan: perbaiki galat sebelum build."
    assert not (project / "site").exists()


@pytest.mark.lambat
def test_check_warns_of_files_in_data_that_are_never_published(project, capsys):
    (project / "data" / "pegawai_internal.csv").write_text("nip,nama\n1,A\n", encoding="utf-8")
    assert check(project) == 0
    out = capsys.readouterr().out
    assert (
        "PERINGATAN data/pegawai_internal.csv: berkas tidak dikenal di data/: tidak dibaca dan tidak diterbitkan" in out
    )


@pytest.mark.lambat
def test_check_exits_2_when_it_cannot_run(project, tmp_path):
    result = run_python(["-m", "lkj_site", "check", str(tmp_path)], project)  # no mkdocs.yml there
    assert result.returncode == 2
    assert "tidak dapat dijalankan" in result.stderr


def test_check_prints_github_annotations_under_github_actions(project, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    replace(project / "data" / "kegiatan.csv", "K02.01,P02,", "K02.01,P99,")
    check(project)
    annotations = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert len(annotations) == 1  # cross-file warnings wait until every file loads
    assert annotations[0].startswith("::error file=data/kegiatan.csv,line=13,title=Data LKj::")


@pytest.mark.lambat
def test_make_check_keeps_the_exit_code_0_1_2_of_lkj_check(project):
    """A script tells bad data (1) from a check that could not run (2) through `make check` too."""
    from tests.sites import with_makefile

    with_makefile(project)
    environment = {"GITHUB_ACTIONS": "false", "MAKEFLAGS": ""}

    def make_check(**more: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["make", "check"], cwd=project, capture_output=True, text=True, env={**os.environ, **environment, **more}
        )

    ok = make_check()
    assert ok.returncode == 0, ok.stderr[-500:]
    assert ok.stderr.splitlines()[-1] == "Data dan bab lolos pemeriksaan: 0 galat, 9 peringatan."
    replace(project / "data" / "realisasi_anggaran.csv", "2019,K01.02,68599992,", "2019,K01.02,abc,")
    for level in ("0", "1"):  # typed in a shell, and called from another make (as `make test` calls it in CI)
        bad = make_check(MAKELEVEL=level)
        assert bad.returncode == 1 and "GALAT data/realisasi_anggaran.csv, baris 3, kolom 'pagu'" in bad.stderr
    (project / "mkdocs.yml").unlink()
    broken = make_check()
    assert broken.returncode == 2 and "Pemeriksaan tidak dapat dijalankan" in broken.stderr
