"""Layout rules of the geometric reader (pipeline/read/layout.py) on small made-up pages:
each builds only the boxes a rule reads, with the body of a few columns around them."""

from __future__ import annotations

from pipeline.read.layout import BoxLine, layout

BODY = 30.0  # body type: 30 units a character, lines 30 high on a 42 pitch


def _line(text: str, x: float, y: float, size: float = BODY, height: float | None = None) -> BoxLine:
    """A line of `text` set at `size` a character from x; its box `height` tall (an engine's
    box round quotes set high is taller than the glyphs)."""
    h = height or size
    return BoxLine(text, (x, y, x + size * len(text), y + h), 0.95)


def _columns(top: float, rows: int = 12, xs: tuple[float, ...] = (100, 500, 900, 1300)) -> list[BoxLine]:
    """Body columns of twelve characters a line under a headline."""
    out = []
    for c, x in enumerate(xs):
        for r in range(rows):
            out.append(_line(f"第{c}栏正文第{r:02d}行内容文字", x, top + 42 * r))
    return out


def _first(placed) -> str:
    return placed[0].line.text


def test_a_headline_set_as_two_lines_on_one_row_is_one_headline():
    # RapidOCR's pieces of "党性修养不是“一阵子” 而是“一辈子”（思想纵横）": the quotes boxed apart
    # (the opening one read as 66, small, at the top of the row), the two headline lines a wide
    # space (1.7 of their height) apart: all one display line, quotes where they stand.
    big = 64.0
    y = 100.0
    pieces = [
        _line("党性修养不是", 100, y, big),
        BoxLine("66", (100 + 6 * big + 36, y + 4, 100 + 6 * big + 60, y + 27), 0.9),
        _line("一阵子", 100 + 6 * big + 50, y, big),
    ]
    second = 100 + 9.5 * big + 1.7 * big
    pieces += [
        _line("而是", second, y, big),
        BoxLine("“", (second + 2 * big + 16, y + 4, second + 2 * big + 60, y + 40), 0.9),
        _line("一辈子（思想纵横）", second + 2 * big + 56, y, big),
    ]
    placed, _ = layout(pieces + _columns(y + 120))
    assert _first(placed) == "党性修养不是“一阵子而是“一辈子（思想纵横）"
    assert not any(p.line.text in ("66", "“") for p in placed)


def test_headline_pieces_whose_boxes_differ_in_height_round_quotes_are_joined():
    # Tesseract's pieces of one headline row: the piece with quotes has a box a third taller
    # (and one a third shorter) than the glyphs; by the characters' pitch they are one size.
    big = 64.0
    y = 100.0
    pieces = [
        _line("党性修养不是", 100, y, big, height=84),
        _line("“一阵子”", 100 + 6 * big + 36, y + 4, big * 0.9, height=57),
        _line("而是“一辈子”", 100 + 11 * big, y - 26, big, height=106),
        _line("（思想纵横）", 100 + 17 * big + 60, y + 4, big, height=59),
    ]
    placed, _ = layout(pieces + _columns(y + 140))
    assert _first(placed) == "党性修养不是“一阵子”而是“一辈子”（思想纵横）"
