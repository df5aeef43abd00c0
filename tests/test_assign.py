"""Headlines given to their articles (pipeline/structure/passes/assign.py), on real pages' shapes."""

from __future__ import annotations

from conftest import SAMPLE

from pipeline.read.ocr import read_bytes, read_path


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
