"""`make check` (python -m macros.check) and `make build` (scripts/build_site.py) as the
planning staff and a publishing step use them."""

import subprocess
from pathlib import Path

from tests.sites import copy_project, run_python


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return run_python(args, cwd, **{"GITHUB_ACTIONS": "false", **env})


def check(project: Path, **env: str) -> subprocess.CompletedProcess:
    return run(["-m", "macros.check", str(project)], cwd=project, **env)


def test_check_passes_real_data_and_lists_its_warnings(project):
    result = check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert (
        "PERINGATAN data/realisasi_anggaran.csv, baris 22, kolom 'fisik': nilai '142': fisik di atas 100%" in lines[0]
    )
    assert lines[-1] == "Data lolos pemeriksaan: 0 galat, 4 peringatan."


def test_check_exits_1_on_errors_with_one_line_each(project):
    path = project / "data" / "kegiatan.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("K02.01,P02,", "K02.01,P99,").replace("K03.01,P03,", "K03.01,P98,"),
        encoding="utf-8",
    )
    result = check(project)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if line.startswith("GALAT")]
    assert errors == [
        "GALAT data/kegiatan.csv, baris 13, kolom 'kode_program': nilai 'P99': kode tidak ada di data/program.csv (kolom kode_program)",
        "GALAT data/kegiatan.csv, baris 17, kolom 'kode_program': nilai 'P98': kode tidak ada di data/program.csv (kolom kode_program)",
    ]
    assert result.stdout.splitlines()[-1].startswith("2 galat")


def test_check_exits_2_when_it_cannot_run(project, tmp_path):
    result = run(["-m", "macros.check", str(tmp_path)], cwd=project)  # no mkdocs.yml there
    assert result.returncode == 2
    assert "tidak dapat dijalankan" in result.stderr


def test_check_prints_github_annotations_under_github_actions(project):
    result = check(project, GITHUB_ACTIONS="true")
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 4
    assert annotations[0].startswith("::warning file=data/realisasi_anggaran.csv,line=22,title=Data LKj::")


def test_build_shows_warnings_and_succeeds(project):
    result = run(["scripts/build_site.py"], cwd=project, LKJ_PDF="false")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PERINGATAN data/target_kinerja.csv, baris 20, kolom 'target'" in result.stderr
    assert (project / "site" / "bab-3" / "index.html").is_file()


def test_failed_build_leaves_the_previous_site_untouched(project):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("situs yang sudah terbit", encoding="utf-8")
    path = project / "data" / "realisasi_anggaran.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("2019,K01.03,92005000", "2019,K01.03,92.005.000"), encoding="utf-8"
    )
    misi = project / "data" / "misi.csv"
    misi.write_text(
        misi.read_text(encoding="utf-8").replace("kode_misi,uraian\n", "kode_misi,uraian,catatan\n"), encoding="utf-8"
    )
    result = run(["scripts/build_site.py"], cwd=project, LKJ_PDF="false")
    assert result.returncode != 0
    assert "data/realisasi_anggaran.csv, baris 4, kolom 'pagu'" in result.stderr
    assert "site/ tidak diubah" in result.stderr
    assert "PERINGATAN data/misi.csv, baris 1, kolom 'catatan'" in result.stderr  # warnings shown even then
    assert (site / "index.html").read_text(encoding="utf-8") == "situs yang sudah terbit"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_successful_build_replaces_the_site(tmp_path):
    project = copy_project(tmp_path / "lkj")
    (project / "site").mkdir()
    (project / "site" / "lama.html").write_text("lama", encoding="utf-8")
    result = run(["scripts/build_site.py"], cwd=project, LKJ_PDF="false")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / "site" / "lama.html").exists()
    assert (project / "site" / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []
