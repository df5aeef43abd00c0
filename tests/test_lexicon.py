"""The word counts the readers use, read from jieba's dictionary file and cached, against
jieba's own table."""

from __future__ import annotations

import functools
import logging
import marshal

import pytest

from pipeline import lexicon


@pytest.fixture()
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path))
    _clear()
    yield tmp_path
    _clear()


@functools.cache
def _jieba():
    """jieba itself, quiet, with its own start-up: what the project's tables must agree with."""
    import jieba

    jieba.setLogLevel(logging.ERROR)
    return jieba


def _clear() -> None:
    for cached in (lexicon.counts, lexicon.segmenter, lexicon._dictionary):
        cached.cache_clear()


def test_counts_agree_with_jiebas_table(fresh):
    module = _jieba()
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


HEADLINES = [
    "建强战斗堡垒",  # 建强: a word the dictionary lacks, found by jieba's HMM
    "多措并举，协同发力",
    "美国滥施关税及中国反制措施的法理视角透析（深入学习贯彻习近平新时代中国特色社会主义思想）",
    "如何看待AI“一本正经地胡说八道”（新知）",
    "今年前三季度，第一产业用电量同比增长10.2%，领跑三大产业。",
    "以城市更新推进长株潭都市圈内涵式高质量发展",
]


def test_the_segmenter_cuts_as_jieba_does(fresh):
    module = _jieba()
    for text in HEADLINES:
        assert lexicon.segmenter().lcut(text) == module.lcut(text), text


def test_one_reading_of_the_dictionary_serves_every_table(fresh):
    lexicon.counts(20)
    lexicon.counts(1, 4)
    lexicon.segmenter()
    assert lexicon._dictionary.cache_info().misses == 1
    _clear()  # the cache files now answer: the dictionary is not read again
    assert lexicon.segmenter().lcut("建强战斗堡垒") and lexicon.counts(20)
    assert lexicon._dictionary.cache_info().misses == 0
