"""Boxed lines, the unit every geometric source gives (pipeline/read/sources.py), and what
is measured on a single box: its height, its width, the size of its glyphs."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from ..structure.page import measure

Box = tuple[float, float, float, float]  # x0, y0, x1, y1, y down


@dataclass
class BoxLine:
    """One line as a geometric source gives it."""

    text: str
    box: Box
    conf: float | None = None  # 0..1
    words: list[tuple[str, Box]] = field(default_factory=list)  # finer boxes when the source has them
    page: int = 0


def box_h(b: Box) -> float:
    return b[3] - b[1]


def box_w(b: Box) -> float:
    return b[2] - b[0]


def glyph_size(text: str, b: Box, height: float, em: float, min_em: float = 2, glyph_h: float | None = None) -> float:
    """Glyph size over the body's: the box's height (or `glyph_h`, its characters' own, over
    `height` measured the same way), unless the characters stand no wider apart than body type
    (an engine's box grows round quotes and brackets set high). Below `min_em` of text the width
    says too little (a line of one character: its box's height)."""
    by_height = (box_h(b) if glyph_h is None else glyph_h) / height
    m = measure(text)
    if m < min_em or m <= 0:
        return by_height
    return min(by_height, max(1.0, box_w(b) / m / em))


def inked_height(line: BoxLine) -> float | None:
    """The height of a line's characters where the source boxed its words: the median of its
    words', marks left out (a bullet an engine read as 、 above a name, a comma boxed tall,
    stretch a line's box to a headline's height, and a word boxed with a mark is tall too);
    of two words, the taller (是6: a headline's piece whose quote the engine read as a digit,
    a digit is shorter than a Han character). None without words to measure."""
    hs = [b[3] - b[1] for t, b in line.words if any(c.isalnum() for c in t)]
    if len(hs) == 2:
        return max(hs)
    return statistics.median(hs) if hs else None


SPACE_GAP = 0.3  # of the type size: white between two boxed words that is a space


def join_words(words: list[str], boxes: list[Box] | None = None) -> str:
    """Words as their line prints them: a space between Latin words (or digits), where their
    boxes, if given, show white between them (a text layer's characters 8 1 5 5 are one
    number, A I one word; Han need none)."""
    out = words[0]
    for k in range(1, len(words)):
        w = words[k]
        latin = (out[-1:].isascii() and out[-1:].isalnum()) or (w[:1].isascii() and w[:1].isalnum())
        if latin and boxes is not None:
            a, b = boxes[k - 1], boxes[k]
            latin = b[0] - a[2] > SPACE_GAP * max(a[3] - a[1], b[3] - b[1], 1.0)
        out += (" " if latin else "") + w
    return out


def union_boxes(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
