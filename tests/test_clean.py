"""Cleanup rules, each on its own and as the chain."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline import clean
from pipeline.clean.despace import despace
from pipeline.clean.invisible import invisible
from pipeline.clean.punctuation import label_dot, punctuation, stray_stop
from pipeline.clean.quotes import quotes


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("一 体 化 ，促 进 上 下 游 、产 供 销 有 效 衔", "一体化，促进上下游、产供销有效衔"),
        ("规划和 2035 年远景", "规划和2035年远景"),
        ("以全省 1/7 的国土面积、22% 的人口", "以全省1/7的国土面积、22%的人口"),
        ("准 ，探 索 建 立 长 株 潭 人 才 积 分 制 和“ 绿", "准，探索建立长株潭人才积分制和“绿"),
        ("城 市 1 , 0 0 0 亿 元 以 上", "城市1,000亿元以上"),
    ],
)
def test_despace_removes_ocr_spacing(raw, want):
    assert despace(raw)[0] == want


@pytest.mark.parametrize(
    "kept",
    ["陶银球 戴姣", "充分发挥法治引领作用 加快长株潭营商环境一体化建设", "Hunan Daily", "GDP 1 000"],
)
def test_despace_keeps_meaningful_spaces(kept):
    assert despace(kept)[0] == kept


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("纲要提出,要发展", "纲要提出，要发展"),
        ("“防护墙”, 不利于", "“防护墙”， 不利于"),
        ("发展;推进", "发展；推进"),
        ("问题:一是", "问题：一是"),
        ("怎么办?我们", "怎么办？我们"),
        ("纲要(2021—2035年)提出", "纲要（2021—2035年）提出"),
    ],
)
def test_punctuation_becomes_full_width_next_to_cjk(raw, want):
    assert punctuation(raw)[0] == want


@pytest.mark.parametrize(
    "kept", ["共1,000亿元", "长度69.5公里", "占1/7", "增长22%", "时间10:30开会", "see (a, b) here"]
)
def test_punctuation_never_inside_numbers_or_latin(kept):
    assert punctuation(kept)[0] == kept


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("夯实执政之基〈观察者说)", "夯实执政之基（观察者说）"),
        ("〈作者单位:扬州大学)", "（作者单位：扬州大学）"),
        ("区县〈市) GDP 考核", "区县（市） GDP 考核"),
        ("让老百姓可感可及《评论员观察)", "让老百姓可感可及（评论员观察）"),
        ("《建筑信息模型)技术在", "《建筑信息模型）技术在"),  # inside a line: may be a book title
        ("读《论语》(节选)", "读《论语》（节选）"),
        ("惩治“微腐败”，让老百姓可感可及“评论员观察)", "惩治“微腐败”，让老百姓可感可及（评论员观察）"),
        ("他说“这是“新常态)", "他说“这是（新常态）"),  # more openers than closers: one was a bracket
        ("“微腐败”“评论员观察”）", "“微腐败”“评论员观察”）"),  # the quotes pair up: kept
        ("培养AI时代的拔尖创新人才〈（师说）", "培养AI时代的拔尖创新人才（师说）"),  # read twice
        ("人才（〈师说）", "人才（师说）"),
        ("补短板惠民生〈《人民时评)", "补短板惠民生（人民时评）"),  # read twice, the second as 《
    ],
)
def test_an_opening_bracket_the_ocr_misread_is_restored_by_its_closing_half(raw, want):
    assert punctuation(raw)[0] == want
    assert punctuation(want)[0] == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("（新语。文化强国名家谈）", "（新语·文化强国名家谈）"),
        ("谱写动人篇章（新语．文化强国名家谈）", "谱写动人篇章（新语·文化强国名家谈）"),
        ("（新语'文化强国名家谈）", "（新语·文化强国名家谈）"),  # Tesseract's apostrophe for the dot
        ("（新语‧文化强国名家谈）", "（新语·文化强国名家谈）"),
        ("他说（这样。不行）", "他说（这样。不行）"),  # a sentence in brackets ends on its stop
        ("（作者：北京大学。研究员）", "（作者：北京大学。研究员）"),
        ("（新语。文化强国名家谈）还有", "（新语。文化强国名家谈）还有"),  # not closing the line
    ],
)
def test_a_column_labels_dot_read_as_a_stop_is_restored(raw, want):
    assert label_dot(raw)[0] == want
    assert label_dot(want)[0] == want


@pytest.mark.parametrize(
    ("raw", "want", "n"),
    [
        ("优势，。比如", "优势，比如", 1),  # a gutter's speck read as a stop after a comma
        ("种苗、。。中药", "种苗、中药", 1),
        ("提出：。对", "提出：对", 1),
        ("逐步显现。。看产业链", "逐步显现。看产业链", 1),  # a second stop
        ("“持续”。。建设", "“持续”。建设", 1),
        ("这样……。。", "这样……。。", 0),  # after an ellipsis: left as printed
        ("不行。。。", "不行。。。", 0),  # a run of stops used as an ellipsis
        ("已经完成。下一步", "已经完成。下一步", 0),
    ],
)
def test_a_stop_after_a_pause_mark_or_a_second_stop_is_dropped_and_counted(raw, want, n):
    assert stray_stop(raw) == (want, n)


def test_invisible_characters_are_removed_and_counted():
    text, n = invisible("一\u200b体\ufeff化\x07")
    assert (text, n) == ("一体化", 3)


def test_chain_counts_every_rule():
    res = clean.run("规划和 2035 年,打造\u3000一 体 化 ，促 进 上 下 游")
    assert res.text == "规划和2035年，打造一体化，促进上下游"
    assert res.counts["punctuation"] == 1
    assert res.counts["ideographic_space"] == 1
    assert res.counts["despace"] >= 6
    assert list(res.counts) == [name for name, _ in clean.RULES]


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
PIECES = st.one_of(HAN, st.sampled_from(list("，。、；：“”（）《》 ,;:?!()0123456789abc%/.\n")))


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=80).map("".join))
@example("， 。")  # (a stray stop behind a space: dropped only once despace had run, on a second pass)
def test_cleanup_is_idempotent(text):
    once = clean.run(text).text
    assert clean.run(once).text == once


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=80).map("".join))
def test_cleanup_never_loses_a_han_character_or_digit(text):
    out = clean.run(text).text
    keep = lambda s: [c for c in s if c.isalnum()]  # noqa: E731
    assert keep(out) == keep(text)


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ('被喻为经济"晴雨表"，为观察', "被喻为经济“晴雨表”，为观察"),  # Tesseract's '"' for both marks
        ("所谓`对等关税`，挑起贸易战", "所谓“对等关税”，挑起贸易战"),  # and '`' for an opening one
        ('指出："不忘初心牢记使命。"他说', "指出：“不忘初心牢记使命。”他说"),
        ('“一阵子"和"一辈子"的问题', "“一阵子”和“一辈子”的问题"),  # paired with the curly ones
        ("“关税战，不会有赢家。近日，所谓`对等关税`，", "“关税战，不会有赢家。近日，所谓“对等关税”，"),
    ],
)
def test_straight_quotes_beside_chinese_become_chinese_quotes(raw, want):
    assert quotes(raw) == (want, raw.count('"') + raw.count("`"))


@pytest.mark.parametrize("kept", ['He said "hello" there', "x = `a`", '12" screen'])
def test_straight_quotes_in_latin_text_are_kept(kept):
    assert quotes(kept) == (kept, 0)
