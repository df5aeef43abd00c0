"""Content evidence for headlines (pipeline/structure/matching.py)."""

from __future__ import annotations

import pytest

from pipeline.structure.matching import bigrams


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("打好提振消费组合拳（人民论坛）", "打好提振消费组合拳"),  # a label closing a line
        ("从用电\n量看\n（人民\n观点）", "从用电\n量看"),  # a label broken over a box's last pieces
        ("（人民", ""),  # a piece of such a label alone: no words of the article's
        ("观点）", ""),
        ("以改革的办法（上）", "以改革的办法"),
    ],
)
def test_a_column_labels_words_are_no_content(text, want):
    expect = [g for line in want.split("\n") for g in (line[i : i + 2] for i in range(len(line) - 1))]
    assert bigrams(text) == expect
