"""Rejoin wrapped column lines into paragraphs, and find subheadings between them.

Every printed line is its own OCR line, so for each line we decide whether it ends its
paragraph from what the typesetter left behind:
- the local column width (estimated from neighbouring lines, since it changes between
  articles and where text wraps around a box), so a short line is visible;
- the 2-em first-line indent: a paragraph's first line is two em narrower than the line
  after it;
- the mark a line ends with: a paragraph ends on 。！？…, ——, or a closing quote after them;
- a spread-out (justified) line is full by definition.
A full line ending in 。 is usually mid-paragraph: only a short line, or an indented next
line, ends a paragraph. Lines join with no separator (Chinese has no inter-word space).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean.despace import despace
from .lines import Line, ends_sentence, ends_with_mark

NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[、.．])")
WIDE_COLUMN = 28.0  # wider than any newspaper column: a box or a lead set across the page
SHORT = 1.25  # em missing from a line before it counts as short
INDENT_LO, INDENT_HI = 1.25, 2.9  # a first-line indent of 2 em, measured with OCR noise


@dataclass
class Unit:
    """A rebuilt block before it enters the model, with its evidence for the report."""

    type: str  # "paragraph" | "heading"
    lines: list[Line]
    text: str = ""
    weak: list[str] = field(default_factory=list)  # low-confidence decisions, for the report


def join_text(parts: list[str]) -> str:
    """Join wrapped lines: no separator between CJK; one space where two Latin words meet."""
    out = ""
    for p in parts:
        p = p.strip()
        if out and p and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalpha():
            out += " "
        out += p
    return out


def canonical(text: str) -> str:
    """Model text: no space between CJK characters or between CJK and digits/Latin."""
    t, _ = despace(text.replace("\n", ""))
    # A single space between two Han runs survives despace (it may separate names);
    # inside a paragraph it is OCR noise.
    return re.sub(r"(?<=[\u4e00-\u9fff，。、；：！？”’）》]) +(?=[\u4e00-\u9fff“‘（《])", "", t).strip()


def column_widths(widths: list[float], full: list[bool]) -> list[float]:
    """The column width at each line.

    The article's column is its upper-quartile line width: first lines, last lines and the
    odd over-full line do not move it. Where the text wraps round a box, a stretch of at
    least four consecutive lines is set narrower and agrees within an em: there the column
    is that stretch's own width.
    """
    n = len(widths)
    if n == 0:
        return []
    ranked = sorted(widths, reverse=True)
    base = ranked[len(ranked) // 4] if n >= 4 else ranked[0]
    cols = [base] * n
    i = 0
    while i < n:
        j = i
        while j < n and widths[j] <= base - 1.5 and max(widths[i : j + 1]) - min(widths[i : j + 1]) <= 1.0:
            j += 1
        if j - i >= 4:
            box = max(widths[i:j])
            for k in range(i, j):
                cols[k] = box
            # The box's first and last lines belong to it too if they fit its width.
            i = j
        else:
            i += 1
    return cols


def _is_first_line(widths: list[float], cols: list[float], full: list[bool], i: int) -> bool:
    """Line i looks like an indented first line: about 2 em narrower than its column and
    followed by a wider line of the same paragraph."""
    if i >= len(widths):
        return False
    d = cols[i] - widths[i]
    # A spread-out line lost a character to the line-breaking rules: its indent reads wider.
    if not (INDENT_LO + 0.5 <= d <= INDENT_HI + 1.0 if full[i] else INDENT_LO <= d <= INDENT_HI):
        return False
    if i + 1 < len(widths):
        return full[i + 1] or widths[i + 1] >= widths[i] + INDENT_LO
    return False


def unwrap(lines: list[Line], blank_separated: bool = True) -> tuple[list[Unit], int]:
    """Split one article body into paragraphs and subheadings. Returns units and joins made."""
    units: list[Unit] = []
    # 1. Blocks joined by a single newline (in a blank-separated page) are subheadings.
    segments: list[list[Line] | Line] = []
    i = 0
    while i < len(lines):
        if blank_separated and lines[i].joined and i + 1 < len(lines):
            block = [lines[i]]
            while block[-1].joined and i + 1 < len(lines):
                i += 1
                block.append(lines[i])
            segments.append(block)
        else:
            segments.append(lines[i])
        i += 1

    joins = 0
    run: list[Line] = []

    def flush() -> None:
        nonlocal joins
        if run:
            new, j = _paragraphs(run, blank_separated)
            units.extend(new)
            joins += j
            run.clear()

    for seg in segments:
        # A block with a full stop is prose typed without blank lines, not a subheading.
        if isinstance(seg, list) and any("。" in x.text for x in seg):
            run.extend(seg)
        elif isinstance(seg, list):
            flush()
            units.append(Unit("heading", seg, canonical("".join(x.text for x in seg))))
        else:
            run.append(seg)
    flush()
    return units, joins


def _heading_size(
    lines: list[Line],
    widths: list[float],
    cols: list[float],
    full: list[bool],
    i: int,
    blank_separated: bool,
    at_start: bool = False,
) -> int:
    """Lines (0, 1 or 2) of a subheading starting at line i, if a paragraph may end before it.

    One short line with no closing mark followed by an indented first line; or, on a page
    without blank lines (where a two-line heading is not joined for us), two short lines
    with no closing mark followed by an indented first line.
    """
    n = len(lines)
    if i >= n - 1 or n <= 2:
        return 0
    text = lines[i].text
    if ends_with_mark(text) or len(text) > 40 or "。" in text or full[i]:
        return 0
    col = cols[i]
    if (
        not blank_separated
        and i + 2 < n
        and widths[i] <= col - 2.5
        and not ends_with_mark(lines[i + 1].text)
        and widths[i + 1] <= col - 2.5
        and _is_first_line(widths, cols, full, i + 2)
    ):
        return 2
    if _is_first_line(widths, cols, full, i + 1) and widths[i] <= col - 3.0:
        return 1
    # A numbered line (四、发展县域经济 / （二）…) clearly shorter than an indented first line,
    # unmarked, where a paragraph would start: a numbered subheading, even when the next
    # line's indent is lost. (A numbered paragraph's first line is as wide as any first line.)
    if at_start and widths[i] <= col - 3.0 and NUMBERED.match(text):
        return 1
    return 0


def _paragraphs(lines: list[Line], blank_separated: bool) -> tuple[list[Unit], int]:
    widths = [ln.width for ln in lines]
    full = [ln.spaced for ln in lines]
    cols = column_widths(widths, full)
    n = len(lines)
    wide = sorted(widths)[n // 2] >= WIDE_COLUMN
    units: list[Unit] = []
    cur: list[Line] = []
    weak: list[str] = []
    joins = 0
    starts = True
    i = 0
    while i < n:
        ln = lines[i]
        text = ln.text
        col = cols[i]
        expected = col - (2.0 if starts else 0.0)
        deficit = 0.0 if full[i] else expected - widths[i]
        sentence = ends_sentence(text)
        mark = sentence or ends_with_mark(text)
        last = i == n - 1
        next_first = _is_first_line(widths, cols, full, i + 1)

        # A subheading: a line (or two) with no closing mark between paragraphs, followed
        # by an indented first line; or, on a page without blank lines, two short lines.
        size = _heading_size(lines, widths, cols, full, i, blank_separated, at_start=not wide) if starts else 0
        if size:
            units.append(Unit("heading", lines[i : i + size], canonical("".join(x.text for x in lines[i : i + size]))))
            i += size
            continue

        if last:
            end = True
        elif wide:
            end = mark
        elif (
            (sentence and (deficit >= SHORT or next_first))
            or (mark and deficit >= 2.5)
            or (sentence and _heading_size(lines, widths, cols, full, i + 1, blank_separated) > 0)
        ):
            end = True
        elif not mark and deficit >= 4.0 and next_first:
            end = True
            weak.append(f"第{ln.no}行：段落在没有句末标点处结束")
        else:
            end = False
            if sentence and 0.75 <= deficit < SHORT:
                weak.append(f"第{ln.no}行：略短且以句末标点结尾的行仍并入段落")
        cur.append(ln)
        if end:
            units.append(Unit("paragraph", list(cur), canonical(join_text([x.text for x in cur])), weak))
            joins += len(cur) - 1
            cur, weak = [], []
        starts = end
        i += 1
    if cur:
        units.append(Unit("paragraph", cur, canonical(join_text([x.text for x in cur])), weak))
        joins += len(cur) - 1
    return units, joins
