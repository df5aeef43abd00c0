"""Words of the general dictionary across a line break (pipeline/structure/dictionary.py)."""

from __future__ import annotations

from pipeline.structure.dictionary import COMMON, RARE, reads_over, word_across


def test_a_common_word_across_the_break_is_found_and_quotes_at_the_break_are_no_words():
    assert word_across("习近平总书记深刻指出：“要充分认", "识‘枫桥经验’的重大") >= COMMON
    assert word_across("新时代“枫桥经验”", "识‘枫桥经验’的重大") < RARE  # 验识: no word
    assert word_across("发扬光大。", "习近平") == 0  # a mark ends the sentence at the break


def test_the_sentence_skips_a_line_that_no_word_joins_to_either_neighbour():
    before, after = "习近平总书记深刻指出：“要充分认", "识‘枫桥经验’的重大意义"
    assert reads_over(before, "以数字化赋能新时代“枫桥经验”", after)
    # a line the sentence reads into (认|真) is no line it skips
    assert not reads_over(before, "真学习贯彻党的二十届四中全会", after)
