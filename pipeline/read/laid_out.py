"""Text that keeps the page's layout, put in reading order from its geometry.

`pdftotext -layout`, an OCR tool's "keep layout" text export and the like set a page's columns
side by side: every printed row of the page is one line of text, its columns apart by runs of
spaces, each character on a grid of its own (`城市是人类文明的重要标志，    更新的重要时期。从…`).
Read as lines in order, every line would run across the columns. But the grid is geometry: a
character's place in its line is its x, the line's number its y. So such a text becomes boxes
(a box per run of text between the gutters, a box per character inside it), the geometric
reader's XY cut puts them in reading order (columns, bands, an inset headline's box), and the
text reader reads those lines as it reads any OCR text. The grid counts one place per
character, full-width or not (what pdftotext does), and keeps no type sizes: measured, every
line would be body type, so the text reader's own evidence decides what is a headline. One
thing the grid does tell: a run alone in its row, half as long again as the page's typical run
and with no wide white inside, is set over the columns (a headline, a deck); it becomes one box
of display height, which closes the gutters under it, so the cut goes under it and not through
it at the white of its marks (惩治“微腐败”，让老百姓可感可及（评论员观察）).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable

from ..text import is_han
from .boxes import BoxLine
from .layout import layout
from .sources import PageSource

GAP = re.compile(r" {3,}")  # white this wide inside a line parts two columns (a word space is one)
MIN_ROWS = 6  # lines that must run across columns before a text is taken as laid out
MIN_SHARE = 0.2  # and their share of the text's lines
RULE = "|"  # a column rule an OCR engine read as a character (no layout export writes one)
CELL = 20.0  # px a grid place stands for: a character's advance
PITCH = 30.0  # px a text line stands for: a row of the page, its type and leading
SPANNING = 1.5  # of the page's typical run, a run alone in its row at least this long spans columns
RAISED = 4.0  # px such a run's box stands out above and below a character's (display type)


def _runs(line: str, gutter: Callable[[int, int], bool] | None = None) -> list[tuple[int, str]]:
    """The line's runs of text between wide white, with where each starts on the grid; with
    `gutter`, only the white it says a gutter runs through parts two runs."""
    out, at = [], 0
    for m in GAP.finditer(line):
        if gutter is not None and not gutter(m.start(), m.end()):
            continue
        if line[at : m.start()].strip():
            out.append((at, line[at : m.start()]))
        at = m.end()
    if line[at:].strip():
        out.append((at, line[at:]))
    return [(start + len(t) - len(t.lstrip()), t.strip()) for start, t in out]


def _gutter(lines: list[str], row: int) -> Callable[[int, int], bool]:
    """Whether white from a to b in line `row` is a gutter: white too in the nearest lines of
    text above and below it (a gutter runs down the page), not only a wide space inside one
    line (the two halves of a headline, 多措并举   协同发力, over a line of text)."""
    above = next((k for k in range(row - 1, -1, -1) if lines[k].strip()), None)
    below = next((k for k in range(row + 1, len(lines)) if lines[k].strip()), None)
    near = [k for k in (above, below) if k is not None]

    def white(a: int, b: int) -> bool:
        mid = (a + b) // 2
        return all(mid >= len(lines[k]) or lines[k][mid] == " " for k in near)

    return white


def laid_out(text: str) -> bool:
    """The text sets columns side by side: enough of its lines hold two runs of Chinese text
    apart by a gutter, white that runs on through the lines above and below (an OCR line holds
    one run; an engine's line run across the columns leaves its white where its words fell,
    never aligned with the next line's)."""
    if "   " not in text:
        return False  # (most inputs: asked at C speed before any line is looked at)
    lines = [ln.rstrip() for ln in text.split("\n") if ln.strip()]
    if sum(1 for ln in lines if RULE in ln) >= MIN_ROWS:
        return False  # column rules read as bars: rows an engine ran across them (rows.py's)
    need = max(MIN_ROWS, MIN_SHARE * len(lines))
    wide = [row for row, ln in enumerate(lines) if "   " in ln.strip()]  # (only these can run across)
    if len(wide) < need:
        return False  # (a text with a few wide spaces is decided without a gutter looked at)
    across = 0
    for row in wide:
        runs = _runs(lines[row], _gutter(lines, row))
        if sum(1 for _, t in runs if sum(map(is_han, t)) >= 2) >= 2:
            across += 1
    return across >= need


def _close_single_blanks(lines: list[str]) -> list[str]:
    """The lines without a lone blank line between two lines of text: the grid quantises the
    page's rows, and a taller line (a headline's piece beside the columns) leaves one blank
    row that no white on the page stands for; two or more blank rows are white indeed."""
    out = []
    for k, ln in enumerate(lines):
        lone = not ln.strip() and 0 < k < len(lines) - 1 and lines[k - 1].strip() and lines[k + 1].strip()
        if not lone:
            out.append(ln)
    return out


def _grid(text: str) -> list[str]:
    return _close_single_blanks([ln.rstrip() for ln in text.split("\n")])


def page_source(text: str) -> PageSource:
    """The text's runs as boxes on the page's grid: a line per run, a word per character (a
    run set over the columns one box of display height, without words)."""
    boxes: list[BoxLine] = []
    width = 0.0
    lines = _grid(text)
    runs = [_runs(line, _gutter(lines, row)) for row, line in enumerate(lines)]
    column = statistics.median_high([len(t) for row in runs for _, t in row] or [0])  # a typical run
    for row, found in enumerate(runs):
        top = row * PITCH + (PITCH - CELL) / 2
        for start, run in found:
            words = [
                (c, (x * CELL, top, (x + 1) * CELL, top + CELL)) for x, c in enumerate(run, start) if not c.isspace()
            ]
            box = (words[0][1][0], top, words[-1][1][2], top + CELL)
            if len(found) == 1 and len(run) >= SPANNING * column and not GAP.search(run):
                # alone in its row, wider than the columns, no wide white inside: a line set over
                # them (a headline, a deck), one box of display height that closes the gutters under it
                boxes.append(BoxLine(run, (box[0], top - RAISED, box[2], top + CELL + RAISED), None, []))
            else:
                boxes.append(BoxLine(run, box, None, words))
            width = max(width, box[2])
    height = (text.count("\n") + 1) * PITCH
    return PageSource(boxes, (width + CELL, height), None, "laid-out text")


def in_reading_order(text: str) -> str | None:
    """The laid-out text's runs one a line (blank lines between), in the order the XY cut
    reads them, page by page (pdftotext ends each with a form feed); None when the layout
    would set any character aside (the text is then read as it stands: nothing the user gave
    is ever dropped)."""
    lines: list[str] = []
    for page in text.split("\f"):
        if not page.strip():
            continue
        placed, metrics = layout(page_source(page).lines)
        if metrics.ghosts or metrics.specks:
            return None
        grid = _grid(page)
        lines += [_as_printed(p.line, grid) for p in placed]
    kept = sorted(c for ln in lines for c in ln if not c.isspace())
    return "\n\n".join(lines) if kept == sorted(c for c in text if not c.isspace()) else None


def _as_printed(line: BoxLine, grid: list[str]) -> str:
    """A placed line's text as the grid holds it: the layout rebuilds a piece from its words,
    a space between two Latin ones (4 . 02 for 4.02, A I for AI); the grid has the characters
    as they stood. The rebuilt text where the two disagree."""
    row = int(line.box[1] // PITCH)
    held = grid[row][round(line.box[0] / CELL) : round(line.box[2] / CELL)].strip() if row < len(grid) else ""
    rebuilt = " ".join(line.text.split())
    return held if held.split() and "".join(held.split()) == "".join(rebuilt.split()) else rebuilt
