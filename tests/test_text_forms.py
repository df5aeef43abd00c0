"""The canonical forms of a headline's lines (structure/text_forms.py)."""

from __future__ import annotations

import pytest

from pipeline.structure.text_forms import headline_text, mend_labels, mend_openers, split_deck


@pytest.mark.parametrize(
    ("parts", "mended"),
    [
        # a label's halves broken over two lines, then onto the headline's line
        (["感悟发展", "的未来感", "（评论", "员观察）"], ["感悟发展", "的未来感（评论员观察）"]),
        # a label alone closes the line before it
        (["打好提振消费组合拳", "（人民观点）"], ["打好提振消费组合拳（人民观点）"]),
        # a headline's own bracket closed on its line: nothing to mend
        (["党性修养不是“一阵子”", "而是“一辈子”（思想纵横）"], ["党性修养不是“一阵子”", "而是“一辈子”（思想纵横）"]),
        # a label read before the lines it closes goes to the end of the last
        (["（观察者说）", "夯实执政之基"], ["夯实执政之基（观察者说）"]),
        (["（人民观点）", "多措并举", "协同发力"], ["多措并举", "协同发力（人民观点）"]),
        # a bracket left open before a line that closes nothing stays as it is
        (["（深入学习", "贯彻习近平新时代"], ["（深入学习", "贯彻习近平新时代"]),
    ],
)
def test_a_headlines_column_label_is_whole_again(parts, mended):
    assert mend_labels(parts) == mended


@pytest.mark.parametrize(
    ("parts", "mended"),
    [
        (["建设安全", "舒适绿色", "智慧的“", "好房子”"], ["建设安全", "舒适绿色", "智慧的“好房子”"]),
        (["党性修养不是“一阵子”", "而是“一辈子”"], ["党性修养不是“一阵子”", "而是“一辈子”"]),
    ],
)
def test_no_headline_line_ends_on_an_opening_mark(parts, mended):
    assert mend_openers(parts) == mended


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        (
            "科学客观看待经济态势（中国经济专论）——论推进中国式现代化的几个重大关系",
            ["科学客观看待经济态势（中国经济专论）", "——论推进中国式现代化的几个重大关系"],
        ),
        ("爱拼与会赢——从一个县域看高质量发展", ["爱拼与会赢", "——从一个县域看高质量发展"]),
        (
            "礼赞新时代——原创歌剧的创作与演出实践，一部作品的诞生",
            ["礼赞新时代——原创歌剧的创作与演出实践，一部作品的诞生"],
        ),
        ("——论推进中国式现代化", ["——论推进中国式现代化"]),  # a deck alone
        ("爱拼与会赢", ["爱拼与会赢"]),
    ],
)
def test_a_deck_run_into_its_headlines_line_goes_under_it(line, parts):
    assert split_deck(line) == parts
    assert headline_text([line]) == "\n".join(parts)


def test_a_decks_dash_the_ocr_read_as_two_marks_is_the_dash_again_under_the_headline():
    assert headline_text(["培养AI时代的拔尖创新人才（师说）", "--写在新中国成立七十六周年之际"]) == (
        "培养AI时代的拔尖创新人才（师说）\n——写在新中国成立七十六周年之际"
    )
    # a dash read as 一- keeps its character (nothing of the input is dropped); a first line too
    assert headline_text(["爱拼与会赢", "一-写在之际"]) == "爱拼与会赢\n一-写在之际"
    assert headline_text(["--列举的办法"]) == "--列举的办法"
