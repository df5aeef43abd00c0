"""Byline plausibility: names by surname, length and wording, not by length alone."""

from __future__ import annotations

import pytest

from pipeline.structure.names import after_mark, name_score, named_in_bio, parse_byline
from pipeline.structure.profile import load_profile

P = load_profile()


def names(raw: str) -> list[str] | None:
    b = parse_byline(raw, raw.replace(" ", ""), P)
    return b.names if b and b.score >= 0.5 else None


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("曹威伟", ["曹威伟"]),
        ("陶银球 戴姣", ["陶银球", "戴姣"]),
        ("张  强  王悦心", ["张强", "王悦心"]),  # a padded two-character name
        ("张强王悦心", ["张强", "王悦心"]),  # run together by cleanup
        ("■ 孙雄辉", ["孙雄辉"]),
        ("文/郑平", ["郑平"]),
        ("欧阳修", ["欧阳修"]),  # compound surname
        ("本报评论员", ["本报评论员"]),
        ("湖南日报评论员", ["湖南日报评论员"]),
        ("湖南大学教授 张三", ["张三"]),
        ("湖南大学教授张三", ["张三"]),
        ("复旦大学教务处处长林伟", ["林伟"]),  # an office's head: 处长 is a title too
        ("本报记者 王五 赵六", ["王五", "赵六"]),
        ("复旦大学教务处处长林伟", ["林伟"]),  # an office's head: 处长, as 所长 or 院长
        ("某省发展改革委副厅长 李四", ["李四"]),
        ("中央政策研究室原副主任郑新立", ["郑新立"]),  # a 研究室, run into the name
        ("钟才文", ["钟才文"]),  # a pen name
        ("阿依古丽·买买提", ["阿依古丽·买买提"]),
    ],
)
def test_bylines(raw, want):
    assert names(raw) == want


@pytest.mark.parametrize(
    "raw", ["抓落实", "见真章", "推进城市群都市圈建设", "建强战斗堡垒", "应用场景，不仅", "安学院", "要闻"]
)
def test_headline_words_are_no_names(raw):
    assert names(raw) is None


def test_a_title_is_no_given_name():
    # a bio's line broken before its title (…中央政策研究室 / 原副主任): 原 is a surname
    assert name_score("原副主任", P) == 0.0 and name_score("李主任", P) == 0.0
    assert name_score("张主", P) > 0.5  # two characters: a surname and a given name


def test_a_misread_bullet_is_kept_out_of_the_names():
    for raw, name in (("国 徐丹丹", "徐丹丹"), ("国赵成", "赵成")):
        b = parse_byline(raw, raw.replace(" ", ""), P)
        assert b.names == [name] and b.dropped == "国"


@pytest.mark.parametrize(("raw", "junk"), [("人@@张干一", "人@@"), ("ma @@芦子龙", "ma @@"), ("和@李洪兴", "和@")])
def test_strokes_before_a_bullet_read_as_a_mark_are_kept_out_of_the_names(raw, junk):
    # Tesseract reads ■ as @@, with a stray stroke or two before it read as characters
    b = parse_byline(raw, raw, P)
    assert b is not None and b.names == [raw[len(junk) :].strip()] and b.dropped == junk
    assert b.line == raw[len(junk) :].strip()


def test_a_word_before_an_at_sign_inside_a_sentence_is_no_byline():
    assert parse_byline("转发@人民日报的文章", "转发@人民日报的文章", P) is None


def test_a_misread_bullet_glued_to_two_names_run_together_is_dropped():
    # Tesseract: "■ 张金阳 邹升平" read as one token with the bullet as 国
    b = parse_byline("国张金阳邹升平", "国张金阳邹升平", P)
    assert b is not None and b.names == ["张金阳", "邹升平"] and b.dropped == "国"


def test_any_character_glued_to_a_common_surnames_name_is_a_misread_bullet():
    # Tesseract reads ■ as 量 (no listed bullet) glued to the name
    b = parse_byline("量李智水", "量李智水", P)
    assert b is not None and b.names == ["李智水"] and b.dropped == "量"
    # but not a phrase whose last three characters read as a name (何 is a surname): 如何 is a word
    assert parse_byline("如何看待", "如何看待", P) is None


def test_a_title_before_a_misread_surname_says_byline():
    # 复旦大学教务处处长林伟 with 林 read as 枯: the institution and the title make it a byline
    b = parse_byline("复量大学教务处处长枯伟", "复量大学教务处处长枯伟", P)
    assert b is not None and b.names == ["枯伟"] and b.title == "复量大学教务处处长"
    assert parse_byline("北京大学教授认为", "北京大学教授认为", P) is None  # 认 after it: a sentence


def test_a_second_title_after_a_listing_mark_goes_with_the_first():
    # the line's institution stands in its first title: the second needs none of its own
    b = parse_byline("北京工商大学党委常委、副校长徐丹丹", "北京工商大学党委常委、副校长徐丹丹", P)
    assert b is not None and b.names == ["徐丹丹"] and b.title == "北京工商大学党委常委 副校长"
    assert parse_byline("副校长徐丹丹", "副校长徐丹丹", P) is None  # a title alone names no institution


def test_any_character_glued_to_a_collective_byline_is_a_misread_bullet():
    # Tesseract reads ● as 鲜, 合, 新…: none of them a listed bullet, but no desk signs so
    for raw in ("鲜本报评论部", "合本报评论员"):
        b = parse_byline(raw, raw, P)
        assert b is not None and b.collective and b.names == [raw[1:]] and b.dropped == raw[0]
    b = parse_byline("湖南日报评论部", "湖南日报评论部", P)
    assert b is not None and b.names == ["湖南日报评论部"] and not b.dropped


def test_three_names_the_ocr_ran_together_are_read_apart():
    # Tesseract drops the spaces between CJK words: 孔庆江 范晓波 车路遥 came out as one run
    b = parse_byline("孔庆江范晓波车路遥", "孔庆江范晓波车路遥", P)
    assert b is not None and b.names == ["孔庆江", "范晓波", "车路遥"]
    assert parse_byline("高质量发展新阶段", "高质量发展新阶段", P) is None


def test_words_round_a_misread_ellipsis_are_no_foreign_name():
    # RapidOCR reads …… as ·: 不准确的链接·这些现象 is shaped like 阿依古丽·买买提
    assert parse_byline("不准确的链接·这些现象", "不准确的链接·这些现象", P) is None
    b = parse_byline("阿依古丽·买买提", "阿依古丽·买买提", P)
    assert b is not None and b.names == ["阿依古丽·买买提"]


def test_a_rarer_surname_after_an_institution_and_title_is_a_name():
    b = parse_byline("南开大学社会学院教授尉建文", "南开大学社会学院教授尉建文", P)
    assert b is not None and b.names == ["尉建文"] and b.title == "南开大学社会学院教授"
    # but not a word a sentence goes on with (从 is a surname too)
    assert parse_byline("能源研究院研究员从国家", "能源研究院研究员从国家", P) is None


def test_title_and_prefix_stay_with_the_printed_byline():
    b = parse_byline("湖南大学教授 张三", "湖南大学教授张三", P)
    assert b.printed() == "湖南大学教授 张三"
    assert parse_byline("文/郑平", "文/郑平", P).printed() == "文/郑平"
    assert parse_byline("曹威伟", "曹威伟", P).printed() == ""


def test_common_surnames_score_above_rare_ones_and_function_words_sink_a_name():
    assert name_score("王伟", P) > name_score("尉建文", P) > name_score("见真章", P)
    assert name_score("张的", P) < 0.3


def test_an_affiliation_in_brackets_after_the_names():
    b = parse_byline("作者：张三（北京大学教授）", "作者：张三（北京大学教授）", P)
    assert b.names == ["张三"] and b.affiliation == "北京大学教授"
    assert b.printed() == "作者：张三（北京大学教授）"


def test_a_byline_mark_then_a_surname_whose_given_name_the_ocr_lost_is_still_a_byline():
    b = parse_byline("文/李", "文/李", P)
    assert b is not None and b.names == ["李"] and b.prefix == "文/"
    assert parse_byline("■ 李", "■李", P) is None  # a mark alone says less than the words 文/
    assert parse_byline("文/的", "文/的", P) is None  # no surname


def test_names_run_together_after_a_byline_mark_split_where_one_reads_as_a_name():
    """After 文/ the OCR ran three names together and misread two (孔 as 筷, 遥 as 和): the mark
    says byline, the split keeps each name whole; words after the mark stay no byline."""
    p = load_profile()
    assert after_mark("文/筷庆江范晓波车路和", p, 0.2).names == ["筷庆江", "范晓波", "车路和"]
    assert after_mark("文/张强王悦心", p, 0.2).names == ["张强", "王悦心"]
    assert after_mark("文/化自信的力量源泉", p, 0.2) is None
    assert after_mark("文/本报评论员", p, 0.2) is None


@pytest.mark.parametrize(
    "line", ["——访国务院发展研究中心研究员王一鸣", "——记全国劳动模范张秉贵", "一一访中国工程院院士李德仁"]
)
def test_a_deck_that_ends_on_a_title_and_a_name_is_no_byline(line):
    """An interview's deck (——访…研究员王一鸣) reads as a title and a name; its dash says
    subtitle, and the interviewee is no author."""
    assert parse_byline(line, line, load_profile()) is None


def test_a_bio_in_the_colon_wording_names_each_author_before_their_note():
    p = load_profile()
    assert named_in_bio("（作者：王晓明，系中国人民大学马克思主义学院教授）", p) == ["王晓明"]
    two = "作者：李红梅，系北京师范大学文学院教授；赵志刚，系北京师范大学文学院副教授"
    assert named_in_bio(two, p) == ["李红梅", "赵志刚"]
    # the colon wording with the unit only, or a funding note after the names, names no one more
    assert named_in_bio("作者：北京工商大学党委常委、副校长", p) == []
    assert named_in_bio("作者：中国社会科学院大学教授，博士生导师", p) == []
    assert named_in_bio("作者：王晓明，系中国人民大学教授；本文系国家社科基金项目阶段性成果", p) == ["王晓明"]


@pytest.mark.parametrize("line", ["文 | 王晓明", "文|王晓明", "文丨王晓明", "文｜王晓明", "作者 王晓明"])
def test_a_byline_mark_of_another_paper_is_no_part_of_the_name(line):
    """文 | 王晓明 (a bar), 文丨王晓明 (the stroke 丨 as the bar), 作者 王晓明 (no colon)."""
    b = parse_byline(line, line, load_profile())
    assert b is not None and b.names == ["王晓明"]


def test_a_bulleted_phrase_is_no_run_of_names_but_names_run_together_are():
    """■ 激发消费新活力 (a subheading's bullet) split into 激发消 费新 活力 cuts the word 消费."""
    p = load_profile()
    assert after_mark("■ 激发消费新活力", p, 0.2) is None
    b = after_mark("文/筷庆江范晓波车路和", p, 0.2)
    assert b is not None and b.names == ["筷庆江", "范晓波", "车路和"]


def test_names_each_with_their_affiliation_after_them():
    b = parse_byline(
        "王晓明（中国人民大学）  李红梅（北京师范大学）",
        "王晓明（中国人民大学） 李红梅（北京师范大学）",
        load_profile(),
    )
    assert b is not None and b.names == ["王晓明", "李红梅"]
    assert b.affiliation == "中国人民大学；北京师范大学"


def test_a_photo_credit_is_no_byline():
    assert parse_byline("新华社记者 张三摄", "新华社记者 张三摄", load_profile()) is None


@pytest.mark.parametrize(
    "line",
    [
        "中国人民大学习近平新时代中国特色社会主义思想研究院课题组",
        "国家发展改革委宏观经济研究院课题组",
        "中国社会科学院习近平新时代中国特色社会主义思想研究中心课题组",
    ],
)
def test_a_group_signing_as_one_is_a_collective_byline(line):
    b = parse_byline(line, line, load_profile())
    assert b is not None and b.collective and b.names == [line]


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("本报记者  张 晓 兰", ["张晓兰"]),
        ("张  强", ["张强"]),
        ("王 明  张 晓 兰", ["王明", "张晓兰"]),
        ("王  明  李  红", ["王明", "李红"]),
    ],
)
def test_a_name_spread_out_character_by_character_is_one_name(raw, names):
    """A justified byline spreads a three-character name (张 晓 兰) as a padded two-character
    one is spread (张  强): three single characters in a row are one name, not 张晓 and 兰."""
    b = parse_byline(raw, raw.replace(" ", ""), load_profile())
    assert b is not None and b.names == names
