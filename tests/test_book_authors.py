"""The anthology's author index sorts the way Chinese indexes do."""

from __future__ import annotations

import pytest

from pipeline.book.authors import author_index, sort_key, split_name


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("蔡伟", "曹威伟"),  # cai < cao
        ("谢安", "解缙"),  # 解 is read xiè as a surname: after 谢 (same syllable and tone) by the given name
        ("邱鸣", "仇英"),  # 仇 is qiú (2nd tone) as a surname, after 邱 qiū
        ("区志航", "欧阳修"),  # 区 is ōu; the compound surname 欧阳 is longer
        ("单雄信", "沈从文"),  # 单 is shàn, not dān (which would sort before 戴): shan < shen
        ("曾国藩", "张三"),  # 曾 is zēng, not céng
        ("朴槿惠", "邱鸣"),  # 朴 is piáo
        ("尉迟恭", "曾国藩"),  # 尉迟 is yù chí
    ],
)
def test_surnames_are_read_as_surnames(before, after):
    assert sort_key(before) < sort_key(after)


def test_compound_surnames_split_whole():
    assert split_name("欧阳修") == ("欧阳", "修")
    assert split_name("尉迟恭") == ("尉迟", "恭")
    assert split_name("曹威伟") == ("曹", "威伟")


def test_every_author_once_with_their_articles_and_collectives_last():
    idx = author_index([["陶银球", "戴姣"], ["本报评论员"], ["陶银球"]], {"本报评论员"})
    assert [(e.name, e.articles) for e in idx] == [("戴姣", [0]), ("陶银球", [0, 2]), ("本报评论员", [1])]


def test_traditional_names_sort_the_same():
    assert sort_key("曾國藩") < sort_key("張三")
    assert sort_key("單雄信") < sort_key("沈從文")
