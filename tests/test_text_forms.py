"""The canonical forms of a headline's lines (structure/text_forms.py)."""

from __future__ import annotations

import pytest

from pipeline.structure.text_forms import mend_labels, mend_openers


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
