"""Content evidence for headlines (pipeline/structure/matching.py)."""

from __future__ import annotations

import pytest

from pipeline.structure.matching import CONTRADICTED, POSITION_BONUS, Candidate, bigrams, score_matrix


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


def test_splitting_a_run_a_place_its_words_contradict_is_no_evidence():
    """党性修养不是 after the bio of an article about consumption, before the byline of the article
    its words all come from: splitting, the place after the bio counts against it; the
    assignment itself still weighs the place as always."""
    bodies = ["消费是拉动经济增长的主引擎，提振消费", "党性修养不是一阵子的事，党员的党性修养要常修常炼"]
    cand = Candidate("党性修养不是", 0, {0: "after-end", 1: "before"})
    plain = score_matrix([cand], bodies)[0]
    split = score_matrix([cand], bodies, contradicted=True)[0]
    assert plain[0] == pytest.approx(POSITION_BONUS["after-end"])  # no content, the place's bonus
    assert split[0] == pytest.approx(CONTRADICTED)
    assert split[1] == plain[1]  # where its words are, nothing changes
    # a piece with some of its words in the body keeps its place's worth
    some = Candidate("提振党性修养", 0, {0: "after-end", 1: "before"})
    assert score_matrix([some], bodies, contradicted=True)[0][0] > POSITION_BONUS["after-end"]
