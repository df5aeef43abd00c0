"""The word counts the readers use, read from jieba's dictionary file and cached, against
jieba's own table."""

from __future__ import annotations

import marshal

import pytest

from pipeline import lexicon


@pytest.fixture()
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path))
    lexicon.counts.cache_clear()
    yield tmp_path
    lexicon.counts.cache_clear()


def test_counts_agree_with_jiebas_table(fresh):
    module = lexicon.jieba()
    module.dt.check_initialized()
    whole = module.dt.FREQ
    table = lexicon.counts(20)
    assert table  # (jieba's dictionary holds tens of thousands of such words)
    assert all(whole[w] == c for w, c in table.items())
    assert all(w in table for w, c in whole.items() if c >= 20)
    short = lexicon.counts(1, 4)
    assert all(len(w) <= 4 and whole[w] == c for w, c in short.items())
    assert all(w in short for w, c in whole.items() if c and len(w) <= 4)


def test_counts_are_cached_and_read_back(fresh):
    first = lexicon.counts(20)
    files = list((fresh / "words").glob("counts-*.marshal"))
    assert len(files) == 1
    lexicon.counts.cache_clear()
    files[0].write_bytes(marshal.dumps({"测试": 7}))  # (the cache, not the dictionary, is read)
    assert lexicon.counts(20) == {"测试": 7}
    lexicon.counts.cache_clear()
    files[0].write_bytes(b"\x00garbage")  # a broken cache is read afresh
    assert lexicon.counts(20) == first


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PIPELINE_CACHE", str(blocker))  # (a file where the folder would go)
    lexicon.counts.cache_clear()
    try:
        assert lexicon.counts(100)["我们"] >= 100
    finally:
        lexicon.counts.cache_clear()
