"""Straight quotes an OCR engine wrote for Chinese ones (经济"晴雨表", 所谓`对等关税`) become “ ”.

Tesseract reads a full-width quotation mark as '"' (an opening one also as '`') about one time
in seven; a typeset edition prints “ and ”. A straight quote is converted only beside a CJK
character (a Latin "quote" keeps its form), as an opening or a closing mark by what stands round
it: before a mark that ends or pauses a sentence, or at the text's end, it closes; after the
text's start, a space or a mark a quotation follows (：，、（), it opens; anywhere else (between
two characters of text, after a full stop) it is the other of the last quote seen, and '`' opens.

Unlike the chain's rules this one is asked of one paragraph (a title, a bio) at a time, once the
structure stage has rebuilt them (`structure/document.py`): the pairing then starts afresh in
each, so a quote the OCR lost turns no other paragraph's pairs round, and the structure stage
reads the lines as the engine wrote them.
"""

from __future__ import annotations

import re

from ..text import is_cjk

_STRAIGHT = re.compile('["`＂]')
_QUOTES = re.compile('["`＂“”]')
CLOSES_BEFORE = "，。、；：！？）》…—,.;:!?)\n"  # a quote right before one of these closes
OPENS_AFTER = "：，、；（《“‘—:,(\n "  # a quote right after one of these opens (after 。 it may close)


def quotes(text: str) -> tuple[str, int]:
    if not _STRAIGHT.search(text):
        return text, 0  # most text holds none: one search
    out: list[str] = []
    last = 0
    opened = False
    n = 0
    for m in _QUOTES.finditer(text):
        i, q = m.start(), m.group()
        if q in "“”":
            opened = q == "“"
            continue
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if not (is_cjk(before) or is_cjk(after)):
            continue  # Latin text's quote
        if after in CLOSES_BEFORE and before not in OPENS_AFTER:
            mark = "”"
        elif before in OPENS_AFTER and after not in CLOSES_BEFORE:
            mark = "“"
        elif q == "`":
            mark = "“"  # Tesseract's reading of an opening mark's shape
        else:
            mark = "”" if opened else "“"
        opened = mark == "“"
        out += [text[last:i], mark]
        last = i + 1
        n += 1
    return "".join(out) + text[last:], n


def _neighbour(text: str, i: int, step: int) -> str:
    """The character beside the quote at i, past other straight quotes (""), a newline at the ends."""
    j = i + step
    while 0 <= j < len(text) and text[j] in '"`＂':
        j += step
    return text[j] if 0 <= j < len(text) else "\n"
