"""Setting text in newspaper columns, as a typesetter following clreq would.

Shared by the text degrader and the image renderer, so both break lines alike: a line never
starts with a closing mark or pause and never ends with an opening mark; a pause that does not
fit is squeezed into the line end when half an em is enough, otherwise the line gives its
last character to the next one and is justified (the leftover space is spread between its
characters: what OCR later reads as "一 体 化 ，促 进").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

OPENING = "“‘（《〈「『【〔"
CLOSING = "”’）》〉」』】〕"
PAUSES = "、，。；：！？"
NO_START = CLOSING + PAUSES + "…—·"
SQUEEZABLE = "、，。；："
TOKEN = re.compile(r"[0-9A-Za-z.%+/×∶:·-]+|——|……|.", re.S)


def tokens(text: str) -> list[str]:
    """Units that never break: a number or Latin run, a two-em dash or ellipsis, one character."""
    return TOKEN.findall(text)


def em_width(tok: str) -> float:
    """Width in em with Latin and digits at half an em: the text degrader's measure."""
    if tok.isascii():
        return 0.5 * len(tok)
    return float(len(tok))


@dataclass
class SetLine:
    text: str
    cap: float  # the measure this line was set to, in em
    used: float  # natural width of its text, in em
    first: bool  # first line of its paragraph (indented)
    last: bool  # last line of its paragraph (ragged)
    squeezed: bool = False  # a pause squeezed into the line end

    @property
    def justified(self) -> bool:
        """Set with extra space between characters (a full line that came out short)."""
        return not self.last and self.cap - self.used > 0.25


def set_paragraph(
    text: str,
    widths: Iterator[float],
    indent: float = 2.0,
    measure: Callable[[str], float] = em_width,
) -> list[SetLine]:
    toks = tokens(text)
    out: list[SetLine] = []
    i = 0
    while i < len(toks):
        first = not out
        cap = next(widths) - (indent if first else 0.0)
        start = i
        w = 0.0
        while i < len(toks) and w + measure(toks[i]) <= cap + 1e-9:
            w += measure(toks[i])
            i += 1
        squeezed = False
        if i < len(toks) and i > start:
            nxt = toks[i]
            after = toks[i + 1] if i + 1 < len(toks) else ""
            if nxt in SQUEEZABLE and not (after and after[0] in NO_START):
                i += 1  # set half-width into the line end
                squeezed = True
            else:
                # back off until the next line does not start with a forbidden mark
                while i - start > 1 and (toks[i][0] in NO_START or toks[i - 1][-1] in OPENING):
                    i -= 1
        while i - start > 1 and toks[i - 1][-1] in OPENING:
            i -= 1
        if i == start:  # a token wider than the column: take it anyway
            i += 1
        line = toks[start:i]
        used = sum(measure(t) for t in line) - (0.5 if squeezed else 0.0)
        out.append(SetLine("".join(line), cap, min(used, cap), first, i >= len(toks), squeezed))
    return out


def column(base: int, rng, narrow_rate: float = 0.0) -> Iterator[float]:
    """Widths of successive lines: the column measure, narrower for a stretch beside a box."""
    while True:
        if narrow_rate and rng.random() < narrow_rate:
            narrow = base - rng.randint(2, 4)
            for _ in range(rng.randint(5, 12)):
                yield float(narrow)
        yield float(base)
