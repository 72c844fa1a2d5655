"""Validated data is kept across builds (lkj/load.py, in lkj/cache.py's folder): an unchanged
data/ is not validated again; any change, in any file, is."""

import pytest

from lkj import load
from lkj.findings import DataError
from tests.sites import copy_project


@pytest.fixture
def cached(tmp_path, monkeypatch):
    monkeypatch.setenv("LKJ_CACHE", str(tmp_path / "cache"))
    load._load.cache_clear()  # a new build process: nothing in memory
    data_dir = copy_project(tmp_path / "lkj") / "data"
    first = load.load_data(data_dir, emit=lambda line: None)
    load._load.cache_clear()
    yield data_dir, first
    load._load.cache_clear()


def refuse_to_validate(monkeypatch):
    import lkj.validate

    def refuse(*args):
        raise AssertionError("validated again")

    monkeypatch.setattr(lkj.validate, "validate", refuse)


def test_unchanged_data_comes_from_the_cache_whole(cached, monkeypatch):
    data_dir, first = cached
    refuse_to_validate(monkeypatch)
    again = load.load_data(data_dir, emit=lambda line: None)
    assert again == first  # the same rows, warnings and bytes
    assert again.findings and again.raw == first.raw


@pytest.mark.parametrize("change", ["a cell", "a new file", "a file removed"])
def test_any_change_in_data_is_validated_again(cached, change):
    data_dir, first = cached
    if change == "a cell":
        path = data_dir / "program.csv"
        path.write_text(path.read_text(encoding="utf-8").replace("Perkantoran", "Kantor"), encoding="utf-8")
    elif change == "a new file":
        (data_dir / "catatan.txt").write_text("bukan data", encoding="utf-8")
    else:
        (data_dir / "ringkasan_anggaran.csv").unlink()
    again = load.load_data(data_dir, emit=lambda line: None)
    assert again != first


def test_a_damaged_entry_is_validated_again(cached, tmp_path):
    data_dir, first = cached
    (entry,) = (tmp_path / "cache" / "data").glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])
    assert load.load_data(data_dir, emit=lambda line: None) == first


def test_data_with_errors_is_never_kept(cached, tmp_path):
    data_dir, first = cached
    path = data_dir / "anggaran_pk.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("912283357", "91x2283357"), encoding="utf-8")
    with pytest.raises(DataError):
        load.load_data(data_dir, emit=lambda line: None)
    assert len(list((tmp_path / "cache" / "data").glob("*.pickle"))) == 1  # the first one only
