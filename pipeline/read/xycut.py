"""Reading order by recursive XY cuts over boxed lines or words (pipeline/read/layout.py).

A white band across the whole region separates sections (page furniture, article bands, a
headline over its columns); otherwise the white gap between two columns. A line that a
detector ran across a narrow gutter (lines of both columns above and below it) is split back
at it. Where the source gives word boxes the cut works on words (pipeline/read/words.py): a
gap between words counts only where rows show white on both sides of it.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..structure.page import measure
from .boxes import Box, BoxLine, box_h, box_w, glyph_size, join_words

BESIDE_LINE = 8.0  # em: a line this long beside a headline is a column's, not a byline
FILLED = 0.4  # em at most between a mark and the words either side for it to fill their white
SLIVER = 0.1  # of a line's height: the least white row under a headline a region no gutter divides is cut at
STRAY_ROWS = 12  # rows of words a region holds before one tall word in a gutter counts as a stray
DECK_WIDTH = 1.5  # columns' widths a body-size line under a headline outruns: a deck over them, no column's line


def gaps(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """White stretches between the spans: (start, end), in order."""
    out = []
    ivs = sorted(spans)
    hi = ivs[0][1]
    for lo, h in ivs[1:]:
        if lo > hi:
            out.append((hi, lo))
        hi = max(hi, h)
    return out


@dataclass
class Cutter:
    boxes: list[Box]
    lines: list[BoxLine]
    height: float
    em: float
    split: list[tuple[int, tuple[float, float]]] = field(default_factory=list)  # (line, gutter) to split at
    splitting: bool = True
    owner: list[int] = field(
        default_factory=list
    )  # per item: its line if it is a word (pipeline/read/words.py), else -1
    display: set[int] = field(default_factory=set)  # words set large (pipeline/read/words.explode)
    noise: set[int] = field(
        default_factory=set
    )  # words of marks only (a rule read as a bar, a hanging comma): no part in finding gaps

    def widest(self, idx: list[int], axis: int) -> tuple[float, float]:
        lo, hi = (0, 2) if axis == 0 else (1, 3)
        spans = [(self.boxes[i][lo], self.boxes[i][hi]) for i in idx if i not in self.noise]
        if not spans:
            return 0.0, 0.0
        found = gaps(spans)
        if not found:
            return 0.0, 0.0
        a, b = max(found, key=lambda g: g[1] - g[0])
        return b - a, (a + b) / 2

    def line_of(self, i: int) -> int:
        """The source line an item belongs to (a word goes with its line; a line is its own,
        keyed apart from the words' lines)."""
        return self.owner[i] if self.owner and self.owner[i] >= 0 else -1 - i

    def body(self, i: int) -> bool:
        """A line of body type (else it closes a gap); a word is, unless set large."""
        if self.owner and self.owner[i] >= 0:
            return i not in self.display
        return 0.75 <= box_h(self.boxes[i]) / self.height <= 1.25

    def order(self, idx: list[int], depth: int = 0) -> list[list[int]]:
        """Leaves (lists of line indices, top to bottom) in reading order."""
        if len(idx) <= 1 or depth > 80:
            return [sorted(idx, key=lambda i: self.boxes[i][1])] if idx else []
        gy, at_y = self.widest(idx, 1)
        at = self._row_cut(idx, gy, at_y)
        if at is not None:
            return self._rows_at(idx, at, depth)
        gutter = self.gutter(idx)
        if gutter is not None:
            (a, b), runs = gutter
            if runs and self.splitting:
                self.split += [(i, (a, b)) for i in runs]
                return []  # the caller splits these lines and starts again
            mid = (a + b) / 2
            first = [i for i in idx if (self.boxes[i][0] + self.boxes[i][2]) / 2 < mid]
            rest = [i for i in idx if (self.boxes[i][0] + self.boxes[i][2]) / 2 >= mid]
            if first and rest:
                return self.order(first, depth + 1) + self.order(rest, depth + 1)
        at = self._display_gap(idx, gy, at_y)
        if at is None and len(idx) > 1:
            # no white row a quarter line high under the headline: its byline set close over
            # the columns, the engine's boxes drawn tall, leave a sliver (文/芦子龙 over six columns)
            at = self._under_headline(idx, gy, SLIVER)
        if at is not None:  # a headline over its columns, closer than a line
            return self._rows_at(idx, at, depth)
        return [sorted(idx, key=lambda i: (self.boxes[i][1], self.boxes[i][0]))]

    def _rows_at(self, idx: list[int], at: float, depth: int) -> list[list[int]]:
        """The region cut across at height `at`, the part above read first."""
        first = [i for i in idx if self.boxes[i][1] < at]
        return self.order(first, depth + 1) + self.order([i for i in idx if self.boxes[i][1] >= at], depth + 1)

    def _row_cut(self, idx: list[int], gy: float, at_y: float) -> float | None:
        """Where to cut the region across before looking for gutters: a section break, or the
        white row under a headline over the columns."""
        if gy >= 0.9 * self.height and self.section_break(idx, at_y, gy):
            return at_y
        return self._under_headline(idx, gy)

    def _under_headline(self, idx: list[int], gy: float, least: float = 0.25) -> float | None:
        """The white row right under a headline set over the columns, closer to them than a
        line (so no section break), when above it stand only the headline and a few body-size
        lines (its byline, a kicker): cut there before looking for gutters, or a gutter that
        runs past the headline's end would read a column before the headline over it. Of
        several such rows the lowest: a deck and a byline set under the headline stay above
        the cut, or a column that starts left of the deck would be read before it."""
        if gy < least * self.height:
            return None
        large = [self.boxes[i] for i in idx if not self.body(i) and i not in self.noise]
        if not large:
            return None
        spans = [(self.boxes[i][1], self.boxes[i][3]) for i in idx if i not in self.noise]
        found: list[tuple[float, list[int]]] = []
        for a, b in gaps(spans):
            if b - a < least * self.height or not any(self._just_under(idx, bx, a) for bx in large):
                continue
            at = (a + b) / 2
            above = [i for i in idx if self.boxes[i][1] < at and self.body(i) and i not in self.noise]
            below = [i for i in idx if self.boxes[i][1] >= at]
            if len(below) > len(above) and self._lone_rows(above, 4) and not self._beside(above, large):
                found.append((at, above))
        return self._lowest(found, idx) if found else None

    def _lowest(self, found: list[tuple[float, list[int]]], idx: list[int]) -> float:
        """Of the white rows under a headline (each with the body lines above it), the lowest
        that keeps a deck or a byline above the cut; else the first. Above it, a line clearly
        wider than the columns' lines below (a deck across two columns or more, no column's
        first line), or only short lines added since the first row, half a column's line at
        most (a byline set under the headline: read with the columns, it would open one)."""
        first = set(found[0][1])
        lower = []
        for at, above in found[1:]:
            col = self._column_below(idx, at)
            widths = [x1 - x0 for x0, x1 in self._spans(above).values()]
            added = [x1 - x0 for x0, x1 in self._spans([i for i in above if i not in first]).values()]
            if col and (any(w > DECK_WIDTH * col for w in widths) or (added and max(added) <= 0.5 * col)):
                lower.append(at)
        return lower[-1] if lower else found[0][0]

    def _column_below(self, idx: list[int], at: float) -> float | None:
        """The median width of the lines under height `at` (a column's line), if any."""
        below = self._spans([i for i in idx if self.boxes[i][1] >= at])
        return statistics.median(x1 - x0 for x0, x1 in below.values()) if below else None

    def _spans(self, idx: list[int]) -> dict[int, tuple[float, float]]:
        """Per source line of the items (a word goes with its line): its left and right edge."""
        spans: dict[int, tuple[float, float]] = {}
        for i in idx:
            key = self.line_of(i)
            x0, x1 = spans.get(key, (self.boxes[i][0], self.boxes[i][2]))
            spans[key] = (min(x0, self.boxes[i][0]), max(x1, self.boxes[i][2]))
        return spans

    def _just_under(self, idx: list[int], large: Box, a: float) -> bool:
        """White starting at `a` stands right under the large line: within a line and a half of
        it, or under one row of body lines set close under it (a byline whose box an engine
        drew tall meets the headline's, so the white opens only under the byline)."""
        d = a - large[3]
        if 0 <= d <= 1.5 * self.height:
            return True
        if not 0 <= d <= 3 * self.height:
            return False
        between = [
            i
            for i in idx
            if i not in self.noise and self.body(i) and large[3] <= (self.boxes[i][1] + self.boxes[i][3]) / 2 <= a
        ]
        return (
            bool(between)
            and self._lone_rows(between, 2)
            and min(self.boxes[i][1] for i in between) - large[3] <= 0.5 * self.height
        )

    def _beside(self, above: list[int], large: list[Box]) -> bool:
        """Two or more of the lines clear of every large line's width: a column's first lines
        set beside the headline (it spans the columns but the last), not its byline or kicker."""
        spans = self._spans(above)
        clear = [s for s in spans.values() if all(s[0] >= bx[2] or s[1] <= bx[0] for bx in large)]
        # one line clear of it is a byline beside the headline, unless it is as long as a
        # column's line (the first line of a column running up beside a kicker)
        return len(clear) >= 2 or any(s[1] - s[0] >= BESIDE_LINE * self.em for s in clear)

    def _lone_rows(self, idx: list[int], most: int) -> bool:
        """The items stand in at most `most` rows (middles within half a line of each other),
        each one line alone (a byline, a kicker), not the first rows of columns side by side."""
        rows: list[set[int]] = []
        last = None
        for i in sorted(idx, key=lambda i: self.boxes[i][1] + self.boxes[i][3]):
            mid = (self.boxes[i][1] + self.boxes[i][3]) / 2
            if last is None or mid - last > 0.5 * self.height:
                rows.append(set())
            last = mid
            rows[-1].add(self.line_of(i))
        return len(rows) <= most and all(len(r) == 1 for r in rows)

    def _display_gap(self, idx: list[int], gy: float, at_y: float) -> float | None:
        """Where to cut a region no gutter divides: the widest white row, if it is wider than
        a quarter line. Cut by words, the white between two rows of a column is that wide
        too: there only the white row nearest to type set large (a headline over its
        columns, closer to them than a line) is cut."""
        if gy < 0.25 * self.height:
            return None
        if not self._rows(idx):
            return at_y
        large = [self.boxes[i] for i in idx if not self.body(i)]
        spans = [(self.boxes[i][1], self.boxes[i][3]) for i in idx if i not in self.noise]
        best, at = 1.5 * self.height, None
        for a, b in gaps(spans):
            if b - a < 0.25 * self.height:
                continue
            for bx in large:
                d = min(abs(a - bx[3]), abs(bx[1] - b))
                if d < best:
                    best, at = d, (a + b) / 2
        return at

    def section_break(self, idx: list[int], at: float, white: float = 0.0) -> bool:
        """A white row across the region ends a section (furniture, a band, a headline over
        its columns) unless the columns simply go on past it: a box in one column beside a
        subheading's space in the next leaves such a row by chance. Going on: a gutter runs
        through the whole region, several lines stand on both sides of the row, no line near
        it is set larger (a headline), and the row is narrower than two lines: white that
        wide across every column is the space between two article bands, even where their
        columns share a grid (a headline inset lower down, a kicker at the body's size)."""
        above = [i for i in idx if self.boxes[i][1] < at]
        below = [i for i in idx if self.boxes[i][1] >= at]
        if len(above) < 4 or len(below) < 4 or self._line_count(above) < 2:
            return True  # (one line above, however many its words: a page header's row, no columns)
        reach = 3 * self.height
        near = [i for i in idx if at - reach <= self.boxes[i][3] and self.boxes[i][1] <= at + reach]
        if any(glyph_size(self.lines[i].text, self.boxes[i], self.height, self.em) >= 1.2 for i in near):
            return True
        if white >= 2 * self.height and min(self._line_count(above), self._line_count(below)) >= 3:
            return True
        gx, _ = self.widest(idx, 0)
        return gx < 0.25 * self.em

    def _line_count(self, idx: list[int]) -> int:
        """How many source lines the items are (words count with their line)."""
        return len({self.line_of(i) for i in idx})

    def gutter(self, idx: list[int]) -> tuple[tuple[float, float], list[int]] | None:
        """The gap between two columns, its edges, and the lines run across it.

        A gap is a stretch at least a quarter em wide that no line covers, except body-size lines
        that only poke into it (an engine's box a little too wide: they go with the side their
        middle is on) or that the detector ran from one column into the next: those have lines
        of both columns above and below them, and are split at the gap. A headline set over the
        columns, or a wide lead paragraph above them, closes the gap. Cut by words, a gap is
        wider (characters of one row stand closer than an em) and may hold a few words an
        engine let bleed into it, up to a quarter of the rows.
        """
        x0 = min(self.boxes[i][0] for i in idx)
        x1 = max(self.boxes[i][2] for i in idx)
        step = max(1.0, self.em / 4)
        n = int((x1 - x0) / step) + 1
        hard, soft, stray = self._cover(idx, x0, step, n)
        rows = self._rows(idx)
        n_rows = len(set(rows.values()))
        limit, width = (max(1, int(0.25 * n_rows)), 0.6) if rows else (max(2, int(0.5 * len(idx))), 0.25)
        # one word an engine boxed tall among a tall region's rows is a stray, not a headline over them
        lone = 1 if rows and n_rows >= STRAY_ROWS else 0
        tol = 0
        while tol <= limit:  # the cleanest gaps first, then those a few lines run over
            stretches = _runs([not hard[k] and stray[k] <= lone and soft[k] + stray[k] <= tol for k in range(n)])
            if rows:  # by words, the widest white first: a gutter, not the white inside a line beside it
                stretches.sort(key=lambda kj: kj[0] - kj[1])
            for k, j in stretches:
                if (j - k) * step >= width * self.em and k > 0 and j < n:
                    a, b = x0 + k * step, x0 + j * step
                    if rows and not _witnessed(self.boxes, rows, a, b, step, self.em, self._marks(idx)):
                        continue
                    if not rows and not self._side_by_side(idx, a, b):
                        continue
                    cand = self._check(idx, a, b, tol if rows else 0)
                    if cand is not None:
                        return cand
            tol = tol * 2 if tol else 1
        return None

    def _cover(self, idx: list[int], x0: float, step: float, n: int) -> tuple[list[int], list[int], list[int]]:
        """Per step across the region, how many items cover it: lines that close a gap (not body
        size), body lines and words, and display words that are strays (`_strays`)."""
        hard, soft, stray = [0] * n, [0] * n, [0] * n
        strays = self._strays(idx)
        for i in idx:
            if i in self.noise:
                continue
            b = self.boxes[i]
            row = soft if self.body(i) else (stray if i in strays else hard)
            for k in range(max(0, int((b[0] - x0) / step) + 1), min(n, int((b[2] - x0) / step))):
                row[k] += 1
        return hard, soft, stray

    def _strays(self, idx: list[int]) -> set[int]:
        """Display words of source lines whose words are mostly body type (at most a third set
        large): an engine's box drawn as tall as a headline's round a word or two of a row of
        text, where a headline's own line is display type through and through."""
        if not self.display:
            return set()
        words: dict[int, list[int]] = {}
        for i in idx:
            if self.owner and self.owner[i] >= 0 and i not in self.noise:
                words.setdefault(self.owner[i], []).append(i)
        out: set[int] = set()
        for line in words.values():
            shown = [i for i in line if i in self.display]
            if shown and 3 * len(shown) <= len(line):
                out.update(shown)
        return out

    def _marks(self, idx: list[int]) -> list[Box]:
        """The boxes of the marks among the items (left out of the rows and the gaps)."""
        return [self.boxes[i] for i in idx if i in self.noise]

    def _side_by_side(self, idx: list[int], a: float, b: float) -> bool:
        """Cut by lines, a gap is between columns only if some row has lines on both sides of
        it: a bio's first line set in beside the line that ends it is one column."""
        rows = self._rows(idx, words_only=False)
        left = {rows[i] for i in rows if self.boxes[i][2] <= b}
        right = {rows[i] for i in rows if self.boxes[i][0] >= a}
        return bool(left & right) or self._display_beside(idx, a, b)

    def _display_beside(self, idx: list[int], a: float, b: float) -> bool:
        """A line set large on one side of the gap level with a body line on the other (half
        the smaller's height shared): an inset headline beside its column, whose lines' middles
        stand apart from the body's rows by their size."""
        large = [self.boxes[i] for i in idx if i not in self.noise and not self.body(i)]
        if not large:
            return False
        body = [self.boxes[i] for i in idx if i not in self.noise and self.body(i)]
        for g in large:
            side = g[2] <= b  # left of the gap, else right
            if not side and g[0] < a:
                continue
            for o in body:
                if (o[0] >= a if side else o[2] <= b) and min(g[3], o[3]) - max(g[1], o[1]) >= 0.5 * min(
                    g[3] - g[1], o[3] - o[1]
                ):
                    return True
        return False

    def _rows(self, idx: list[int], words_only: bool = True) -> dict[int, int]:
        """Each item's row (items whose middles stand within half a line of each other); by
        default only when the region is cut by words (else empty)."""
        if words_only and (not self.owner or all(self.owner[i] < 0 for i in idx)):
            return {}
        out: dict[int, int] = {}
        row, at = -1, None
        for i in sorted((i for i in idx if i not in self.noise), key=lambda i: self.boxes[i][1] + self.boxes[i][3]):
            mid = (self.boxes[i][1] + self.boxes[i][3]) / 2
            if at is None or mid - at > 0.5 * self.height:
                row, at = row + 1, mid
            out[i] = row
        return out

    def _check(
        self, idx: list[int], a: float, b: float, strays: int = 0
    ) -> tuple[tuple[float, float], list[int]] | None:
        """The lines over the gap [a, b]: poking (fine), run-on (to split), up to `strays`
        words with their middle in it (they go with the nearer side), or else no gap."""
        runs = []
        for i in idx:
            bx = self.boxes[i]
            if bx[2] <= a or bx[0] >= b or i in self.noise:
                continue
            mid = (bx[0] + bx[2]) / 2
            if bx[0] < a - self.em and bx[2] > b + self.em:
                if not self._between_rows(idx, i, a, b):
                    return None
                runs.append(i)
            elif not (mid < a or mid > b):
                strays -= 1
                if strays < 0:
                    return None
        # the gap's real edges: where the lines on either side end and begin
        left = max((self.boxes[i][2] for i in idx if i not in runs and self.boxes[i][2] <= b), default=a)
        right = min((self.boxes[i][0] for i in idx if i not in runs and self.boxes[i][0] >= a), default=b)
        return (min(left, a), max(right, b)) if left < right else (a, b), runs

    def _between_rows(self, idx: list[int], i: int, a: float, b: float) -> bool:
        """A run-on line: lines of both columns stand just above and just below it (or, in a
        column's first or last row, on one side only, and its characters are set wider apart
        than the body's: the gutter is inside its box)."""
        bx = self.boxes[i]
        reach = 2.5 * self.height
        found = set()
        for j in idx:
            if j == i or not self.body(j):
                continue
            o = self.boxes[j]
            # a line on one side, or another line run over the same gap (a row of both columns)
            sides = "L" if o[2] <= a + self.em else ("R" if o[0] >= b - self.em else "")
            if not sides and o[0] < a and o[2] > b:
                sides = "LR"
            for side in sides:
                if bx[1] - reach < o[1] < bx[1]:
                    found.add(side + "up")
                elif bx[1] < o[1] < bx[3] + reach:
                    found.add(side + "down")
        if len(found) == 4:
            return True
        ln = self.lines[i]
        loose = box_w(bx) >= measure(ln.text) * self.em + 0.7 * (b - a)
        return loose and found in ({"Lup", "Rup"}, {"Ldown", "Rdown"})


def _witnessed(
    boxes: list[Box], rows: dict[int, int], a: float, b: float, step: float, em: float, marks: Sequence[Box] = ()
) -> bool:
    """A gap between words is a gutter only if rows show it: rows with words on both sides,
    none in it and at least 0.8 em of white between them, at least two, and twice as many as
    the rows with a word in it (a paragraph's indent over the line below, characters an
    engine dropped from one line, or a line set loose leave white that rows do not show
    like that); or one row only, with 1.5 em of white, nothing in the gap and no other row
    with words on both sides (a line set beside a column, as a byline beside a headline). A word is in the gap if it
    covers a step of it (as the gap was measured); one reaching into it bounds the white on
    its side (characters of a justified column stand on a grid, so the white between two of
    them lines up down the rows); a speck in it counts nowhere."""
    left: dict[int, float] = {}
    right: dict[int, float] = {}
    inside: set[int] = set()
    for i, row in rows.items():
        bx = boxes[i]
        mid = (bx[0] + bx[2]) / 2
        if bx[0] + step < b - step / 2 and bx[2] - step > a + step / 2:
            inside.add(row)
        elif a <= mid <= b and bx[2] - bx[0] < step:
            continue  # a speck in the gap
        elif mid < (a + b) / 2:  # (a character reaching into the gap bounds the white: 当代中|国 on a grid)
            left[row] = max(left.get(row, bx[2]), bx[2])
        else:
            right[row] = min(right.get(row, bx[0]), bx[0])
    white = {r: right[r] - left[r] for r in left.keys() & right.keys() if r not in inside}
    both = [r for r, w in white.items() if w >= 0.8 * em and not _marked(boxes, rows, r, left[r], right[r], marks, em)]
    if len(white) == 1 and not inside:  # one line beside a column (a byline by the headline): a wide gap
        return white[both[0]] >= 1.5 * em if both else False
    return len(both) >= 2 and len(both) >= 2 * len(inside)


def _marked(
    boxes: list[Box], rows: dict[int, int], r: int, x0: float, x1: float, marks: Sequence[Box], em: float
) -> bool:
    """A mark fills row r's white between x0 and x1, close to the words on both sides (a
    bullet's debris beside a column's first character leaves the gutter open on its left): the
    white is a character cell of running text (资源。把 / 坚不可摧，党, the mark left out of the
    words), no gutter. A mark that ends a column's line leaves the gutter's white beside it."""
    if not marks:
        return False
    ys = [(boxes[i][1] + boxes[i][3]) / 2 for i, row in rows.items() if row == r]
    y0, y1 = min(ys), max(ys)
    h = statistics.median(boxes[i][3] - boxes[i][1] for i, row in rows.items() if row == r)
    return any(
        m[0] - x0 < FILLED * em and x1 - m[2] < FILLED * em and y0 - 0.5 * h <= (m[1] + m[3]) / 2 <= y1 + 0.5 * h
        for m in marks
        if x0 <= (m[0] + m[2]) / 2 <= x1
    )


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """Stretches [start, end) where flags hold."""
    out, k, n = [], 0, len(flags)
    while k < n:
        if not flags[k]:
            k += 1
            continue
        j = k
        while j < n and flags[j]:
            j += 1
        out.append((k, j))
        k = j
    return out


def split_line(ln: BoxLine, gap: tuple[float, float], em: float) -> tuple[BoxLine, BoxLine] | None:
    """Two lines from one the detector ran across a gutter (its edges in the line's own
    coordinates): by the word boxes where the source has them, else by counting characters
    at the body's pitch from the line's left end to the column's edge."""
    x = (gap[0] + gap[1]) / 2
    if ln.words and len(ln.words) >= 2:
        left = [w for w in ln.words if (w[1][0] + w[1][2]) / 2 < x]
        right = [w for w in ln.words if (w[1][0] + w[1][2]) / 2 >= x]
        if not left or not right:
            return None
        return _from_words(ln, left), _from_words(ln, right)
    # no finer boxes (RapidOCR): characters are set at an even pitch along the line
    b = ln.box
    total = measure(ln.text)
    if total <= 0:
        return None
    want = (gap[0] - b[0]) / em
    acc, cut = 0.0, 0
    for k, c in enumerate(ln.text):
        step = measure(c)
        if acc + step > want + 0.3:
            break
        acc += step
        cut = k + 1
    a, c = ln.text[:cut].rstrip(), ln.text[cut:].lstrip()
    if not a.strip() or not c.strip():
        return None
    # the two boxes end at the gutter, so the gap the split was for opens
    return replace(ln, text=a, box=(b[0], b[1], min(gap[0], x - 1), b[3])), replace(
        ln, text=c, box=(max(gap[1], x + 1), b[1], b[2], b[3])
    )


def _from_words(ln: BoxLine, words: list[tuple[str, Box]]) -> BoxLine:
    box = (
        min(w[1][0] for w in words),
        min(w[1][1] for w in words),
        max(w[1][2] for w in words),
        max(w[1][3] for w in words),
    )
    return replace(ln, text=join_words([w[0] for w in words], [w[1] for w in words]), box=box, words=words)
