"""Headlines given to their articles (pipeline/structure/passes/assign.py), on real pages' shapes."""

from __future__ import annotations

from conftest import SAMPLE
from test_structure import BODY, BODY2, _page, _wrap

from pipeline.read.ocr import read_bytes, read_path
from pipeline.structure.passes.assign import _segment_free


def _column(text: str, width: int = 18) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _bodies() -> tuple[list[str], list[str]]:
    """Two articles' running text (the sample's), set in column lines: real words, real length."""
    arts = read_path(SAMPLE).doc.articles
    return tuple(_column("".join(b.text for b in a.blocks)[:600]) for a in arts[:2])


def _blocks(head: str) -> bytes:
    first, second = _bodies()
    # An engine's own text: lines in blocks, blank lines between them. The first article's
    # headline was lost in the OCR; the second's stands as a block of its own after the bio.
    parts = [
        "徐丹丹",
        "\n".join(first[:12]),
        "\n".join(first[12:]),
        "（作者为北京工商大学副校长）",
        head,
        "芦子龙",
        "\n".join(second[:12]),
        "\n".join(second[12:]),
        "（作者系湖南大学教授）",
    ]
    return "\n\n".join(parts).encode()


def test_a_block_of_headline_lines_of_its_own_is_one_headline():
    # The first article, without a headline, would take one of the lines for the position
    # after its bio were the block cut in two.
    doc = read_bytes(_blocks("以产业融合\n消融长株潭一体化壁垒")).doc
    assert [a.title for a in doc.articles] == ["", "以产业融合\n消融长株潭一体化壁垒"]


def test_headlines_in_blocks_of_their_own_are_still_told_apart():
    # control: a blank line between two headlines parts them, each to its own article's words
    doc = read_bytes(_blocks("推进城市群都市圈建设\n\n以产业融合\n消融长株潭一体化壁垒")).doc
    assert [a.title for a in doc.articles] == ["推进城市群都市圈建设", "以产业融合\n消融长株潭一体化壁垒"]


def _narrow(text: str) -> list[str]:
    return _column(text, 12)


def test_a_headline_split_round_its_byline_at_the_page_top_is_one_headline():
    # a display headline the reading order cut round its byline: three pieces over it, two
    # under it, the label last; no article before it to own the upper pieces
    first, _ = _bodies()
    body = _narrow("".join(first))
    page = ["党性修养不是", "“一辈子”", "而是", "芦子龙", "“一阵子”", "（思想纵横）", *body, "（作者系湖南大学教授）"]
    [art] = read_bytes("\n\n".join(page).encode()).doc.articles
    assert art.title.replace("\n", "") == "党性修养不是“一辈子”而是“一阵子”（思想纵横）"
    assert art.authors == ["芦子龙"]
    assert "".join(b.text for b in art.blocks) == "".join(first)


def test_a_run_of_pieces_that_all_point_to_one_article_stays_one_headline():
    # a narrow box's seven pieces, each alone found in the article's text (so each scores as
    # well as the whole): the run's headlines are different articles', so the pieces are one
    tops = {(a, b): [(1.0 if b - a < 7 else 0.94, 0), (0.2, 1)] for a in range(7) for b in range(a + 1, 8)}
    assert _segment_free(tops, 7, 18) == [(0, 7)]


def test_a_stack_of_two_headlines_is_still_cut_between_them():
    # a page-end stack: the first two lines point to article 0, the last two to article 1
    def top(a: int, b: int) -> list[tuple[float, int]]:
        if b <= 2:
            return [(0.9, 0), (0.1, 1)]
        if a >= 2:
            return [(0.9, 1), (0.1, 0)]
        return [(0.5, 0), (0.45, 1)]

    tops = {(a, b): top(a, b) for a in range(4) for b in range(a + 1, 5)}
    assert _segment_free(tops, 4, 18) == [(0, 2), (2, 4)]


def test_a_headlines_main_line_read_into_the_text_joins_the_label_that_stands_alone():
    # （深入学习贯彻…思想） at the page top, the main line over it read into the text, cutting a
    # sentence (…约束 / 美国滥施关税及中国反制措施的法理视角透析 / 义务。…): one headline
    label = "（深入学习贯彻习近平新时代中国特色社会主义思想）"
    main = "美国滥施关税及中国反制措施的法理视角透析"
    lines = _wrap("".join(BODY + BODY2), 12)
    doc = read_bytes(_page(label, "钟才文", *lines[:5], main, *lines[5:], "（作者单位：中国政法大学）")).doc
    [art] = doc.articles
    assert art.title.replace("\n", "") == main + label
    assert "".join(b.text for b in art.blocks) == "".join(BODY + BODY2)


def test_a_headline_no_article_takes_after_the_last_article_stays_in_the_output():
    # every article has its headline; one more headline-like line after the last bio goes to
    # no article and stands after the last one: kept, in order, never a failure
    first, second = _wrap("".join(BODY * 2), 14), _wrap("".join(BODY2 * 2), 14)
    extra = "坚持以人民为中心的发展思想"
    page = _page(
        "看经济要坚持两点论",
        "张三",
        *first,
        "（作者系北京大学教授）",
        "打好提振消费组合拳",
        "李四",
        *second,
        "（作者系湖南大学教授）",
        extra,
    )
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["看经济要坚持两点论", "打好提振消费组合拳"]
    assert extra in "".join(doc.unplaced) + "".join(b.text for a in doc.articles for b in a.blocks)
