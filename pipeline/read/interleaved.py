"""Lines an engine wrote row by row across the columns, read back column by column.

A detector without layout analysis (RapidOCR's text, in its detection order) returns one box per
printed column line, sorted top to bottom: the first line of every column, then the second of
every column, and so on (`习近平总书记指出：“加快构建` / `中逐步有序减少传统能源，确保经济` /
`系的必然路径。` / …). Nothing in the text marks the rows (rows.py reads the ones whose column
rules came out as bars); what tells them is the text itself. A column line mostly breaks inside a
word or a phrase, so a join of line a to line b is scored by the words across it: how often its
characters (a's last one or two, b's first one or two) occur together inside the page's own lines
(the page uses its words again and again) and the commonest word of jieba's dictionary that
spans it (关系, 解决: words the page uses once), less what lines far apart score. Text in
reading order scores its neighbours well above that; interleaved text scores them no better,
and the lines k apart (k the band's columns) well above. A cheap probe on the page's own n-grams
decides first, so text in reading order costs a few milliseconds and never loads the dictionary.

Where a page reads so, a Viterbi pass over strides 1..MAX_COLUMNS cuts it into runs of one
stride (lines alike in length, a column's width), and the runs are fitted to how well the text
they give reads (the sum of the joins of its consecutive lines): their ends and phases moved, a
run of fewer columns kept in the band before it (the last columns ended early) or a run of fewer
columns before a band taken for its right columns (the left ones begin under an inset
headline), short runs tried where the Viterbi pass would not switch (an editor's note in two
columns), a run cut in two bands of as many columns where the page reads clearly better so (two
articles one under the other: the stride does not change where the first one's columns end),
lines unlike their column in length taken out of the rows (a headline beside the columns), and
a band's first rows taken in, the lines among them unlike the columns in length out of the rows
(the fit starts a band where its rows are whole; a headline, byline or page header in its first
rows breaks them). A band's top also moves up into a segment of another stride above it, which
is cut there or, too short to stand, taken whole: a headline set beside a band's first rows in
a few characters a line makes them read as rows of one more column, or as the last rows of the
band above; its short lines are taken out of the rows. After a top moves, the cuts (a band cut
in two, the headline between them; two bands of one stride joined again), the outsiders and the
ends are read again; last, a band's last rows of fewer columns (its right columns ended with
their bio) are tried among the lines the fit left.
A byline's joins read as chance. Last, each segment's rows are read in an order of their own:
the engine sorts a row by height and by x only where boxes sit within a few pixels, so a column
set a little lower than its neighbours comes after them in some rows and before them in others,
and two columns of nearly one height swap (a Viterbi pass over the first row's order with one
line moved, a change of order paid for). What is left wrong (a column whose rows run ahead of its
neighbours' by a whole row; a byline or headline among the rows the fit misplaces) the notice
(`lines-by-column`) leaves to the editor.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np

from ..lexicon import counts
from .rows import blank_between, rejoin

MAX_COLUMNS = 6
MIN_LINES = 24  # a page's worth of lines before the test means anything
PROBE = 240  # lines a probe window holds
WINDOW_CHARS = 40  # characters a window allows a printed line (blank lines between included)
PROBES = 6  # windows probed, spread over the input (a long one is probed, not modelled whole)
PLAIN = 0.3  # neighbours that join this well are text in reading order
ENDED = 0.5  # share of lines ending a sentence beyond which the lines are paragraphs, not column lines
MIN_GAIN = 0.05  # how much better than neighbours the best stride's joins must score
FAR = (9, 11, 13)  # offsets whose joins stand for chance
SWITCH = 5.0  # cost of changing stride between two lines
CAP = 3.0  # most a single join can score
WORD = 0.25  # weight of a dictionary word across a join (log count: 0..13)
LONGER = 1.3  # a word of three or four characters across a join, against one of two
ALIKE = 0.3  # a line as long as the line k before it (within a character)
UNALIKE = -0.6  # much longer or shorter, neither ending a sentence
MIN_ROWS = 3  # rows of a run before it is read as columns
INCLUDE = 0.1  # what a line must earn by its join to belong to a run
REACH = 4  # rows of the widest band a segment's end may move in one step
MAX_SWEEPS = 6  # rounds of moves before a fit stops
SMALL_COLUMNS = 3  # columns of a short run tried between segments
SMALL_GAIN = 1.5  # how much better the page must read for one
SPLIT_GAIN = 2.5  # how much better the page must read for a band cut in two (a chance cut: ~2)
DRIFT = 2.0  # cost of a row's lines in another order than the row before's
ASTRAY = 1.0  # cost of a row's lines in another order than the first row's
TOP_GAIN = 1.5  # how much better the page must read for a band's first rows taken in
SETTLE = 3  # rounds of the passes again after the tops, while they change something
INSET = 0.6  # most of a column's measure a line of a headline set beside the columns holds
TOP_ROWS = 10  # rows of a band's top where a headline's lines set beside its columns are looked for

_SPACE = re.compile(r"\s+")
_ENDS = tuple("。！？!?”」』；…")
_STOPS = tuple("。！？!?；")


@dataclass
class ColumnRun:
    """A run of lines read back column by column: first source line (1-based), rows, columns."""

    line: int
    lines: int
    columns: int


def by_columns(text: str, markers: tuple[str, ...] = ()) -> tuple[str, list[ColumnRun]]:
    """The text with every run of interleaved column lines read column by column; `markers`
    open a byline (the source profile's byline prefixes), whose joins read as chance."""
    if not any(_interleaved(w) for w in _windows(text)):
        return text, []
    lines = text.split("\n")
    rows = [i for i, ln in enumerate(lines) if ln.strip()]
    if not rows:
        return text, []
    flat = [_SPACE.sub("", lines[i]) for i in rows]
    layout = _Layout(flat, _Joins(flat, markers=markers))
    segs = layout.read()
    if not segs:
        return text, []
    blank = blank_between(lines)
    order = layout.order(segs)
    notes = [ColumnRun(rows[b[0].a] + 1, b[-1].b - b[0].a, max(g.k for g in b)) for b in _bands(segs)]
    out = lines[: rows[0]] + rejoin([lines[rows[i]] for i in order], blank) + lines[rows[-1] + 1 :]
    return "\n".join(out), notes


@dataclass(frozen=True)
class _Seg:
    """Lines a..b-1 read as k columns; `more` when it goes on with the columns of the segment
    before it (that band's right columns ended early, or its left ones begin under an inset
    headline: then the segment before is `right`, its columns the band's right-most ones)."""

    a: int
    b: int
    k: int
    more: bool = False
    right: bool = False
    skip: frozenset[int] = frozenset()  # lines set in the rows that are no column's (a headline)

    def members(self) -> list[int]:
        return [i for i in range(self.a, self.b) if i not in self.skip]

    def span(self, a: int, b: int, **kw: bool) -> _Seg:
        """The segment over lines a..b-1, the lines it skips there still skipped."""
        return replace(self, a=a, b=b, skip=frozenset(i for i in self.skip if a <= i < b), **kw)


class _Joins:
    """The page's n-gram model and the score of joining one line to another."""

    def __init__(self, flat: list[str], words: dict[str, int] | None = None, markers: tuple[str, ...] = ()) -> None:
        grams: Counter[str] = Counter()
        for ln in flat:
            grams.update(ln[i : i + 2] for i in range(len(ln) - 1))
            grams.update(ln[i : i + 3] for i in range(len(ln) - 2))
        self.grams = grams
        self.words = words if words is not None else counts(1, 4)  # (joins span 2-4 characters)
        self.flat = flat
        self.markers = markers
        self.memo: dict[tuple[int, int], float] = {}
        n = len(flat)
        self.base = 0.0
        far = [self.raw(i, i + o) for o in FAR for i in range(o % len(FAR), n - o, len(FAR))]
        self.base = sum(far) / len(far) if far else 0.0

    def raw(self, a: int, b: int) -> float:
        x, y = self.flat[a], self.flat[b]
        if not x or not y or x.startswith(self.markers) or y.startswith(self.markers):
            return self.base  # a byline's joins read as chance (应用|文/…: no word across)
        g = self.grams
        s = math.log1p(g[x[-1] + y[0]])
        if len(x) > 1:
            s += 0.7 * math.log1p(g[x[-2:] + y[0]])
        if len(y) > 1:
            s += 0.7 * math.log1p(g[x[-1] + y[:2]])
        return s + self.word(x, y) if self.words else s

    def word(self, x: str, y: str) -> float:
        """The commonest dictionary word across the join (the page's own words miss those it
        uses once: 关系, 解决, 话题); a longer word counts for more."""
        best = 0.0
        for left in (1, 2, 3):
            for right in (1, 2, 3):
                if left + right > 4 or left > len(x) or right > len(y):
                    continue
                f = self.words.get(x[-left:] + y[:right], 0)
                if f:
                    best = max(best, math.log1p(f) * (1.0 if left + right == 2 else LONGER))
        return best * WORD

    def score(self, a: int, b: int) -> float:
        """Capped: one join that happens to read well is no evidence of a stride by itself."""
        key = (a, b)
        v = self.memo.get(key)
        if v is None:
            v = self.memo[key] = min(CAP, self.raw(a, b)) - self.base
        return v

    def mean(self, k: int) -> float:
        n = len(self.flat)
        return sum(self.score(i, i + k) for i in range(n - k)) / max(1, n - k)


def _windows(text: str) -> Iterator[list[str]]:
    """Up to PROBES windows of PROBE printed lines, spread over the text (a long input is probed,
    not read whole: the text is not even split)."""
    span = PROBE * WINDOW_CHARS
    step = max(span, -(-len(text) // PROBES))
    for start in range(0, len(text), step):
        chunk = text[start : start + span].split("\n")
        if start:
            chunk = chunk[1:]  # (a line cut by the window's start)
        yield [_SPACE.sub("", ln) for ln in chunk[:-1] if ln.strip()][:PROBE]


def _interleaved(window: list[str]) -> bool:
    """Whether lines k apart join better than neighbours do, by a clear margin. Only column
    lines can be so: lines that mostly end a sentence are paragraphs, one a line (an e-paper's
    text, an OCR tool that joins a paragraph's lines), and their breaks say nothing of a stride."""
    if len(window) < MIN_LINES or sum(ln.endswith(_ENDS) for ln in window) > ENDED * len(window):
        return False
    j = _Joins(window, words={})  # the page's own n-grams: the dictionary is loaded only when needed
    near = j.mean(1)
    if near >= PLAIN:
        return False  # (most text: neighbours join well, no stride needs trying)
    return max(j.mean(k) for k in range(2, MAX_COLUMNS + 1)) - near >= MIN_GAIN


def _length(flat: list[str], i: int, k: int) -> float:
    return _alike(flat[i - k], flat[i])


def _alike(a: str, b: str) -> float:
    """Lines of one column are as long as each other, but for a paragraph's last line."""
    if abs(len(a) - len(b)) <= 1:
        return ALIKE
    if a.endswith(_ENDS) or b.endswith(_ENDS):
        return 0.0
    return UNALIKE


def _raw_runs(flat: list[str], joins: _Joins) -> list[_Seg]:
    """Runs of one stride > 1 as the Viterbi pass over the strides finds them."""
    states = _viterbi(flat, joins)
    raw: list[_Seg] = []
    i, n = 0, len(flat)
    while i < n:
        j = i
        while j < n and states[j] == states[i]:
            j += 1
        k = states[i]
        if k > 1 and raw and raw[-1].k == k and i - raw[-1].b < k:
            raw[-1] = _Seg(raw[-1].a, j, k)  # a blip of another stride (one join that read well)
        elif k > 1 and j - i >= MIN_ROWS * k:
            raw.append(_Seg(i, j, k))
        i = j
    return raw


class _Layout:
    """Segments fitted to how well the text they give reads. The Viterbi pass sees a band's
    first rows only through joins to the lines above them, so it changes stride late and can be
    out of phase; a band's last column ending early leaves rows of fewer pieces. What decides is
    the reading itself: the sum of the joins of the output's consecutive lines (seams where a
    column's last line meets the next one's first included), and lines of one column as long as
    each other. Segment ends are moved, and a segment of fewer columns joined to the band before
    it, while that sum grows."""

    def __init__(self, flat: list[str], joins: _Joins) -> None:
        self.flat, self.joins, self.n = flat, joins, len(flat)
        self.memo: dict = {}  # a band's order and joins, a segment's lengths
        self.drift = True  # each row read in an order of its own (`_drifted`); read() sets it per pass
        self.near = [0.0, 0.0]  # sums of the joins of neighbouring lines: near[i] those up to line i
        for i in range(1, self.n):
            self.near.append(self.near[-1] + joins.score(i - 1, i))
        span = 3 * MAX_COLUMNS
        self.ahead = np.zeros((self.n, span))  # [x, d]: line x joined to line x + d, lengths included
        for x in range(self.n):
            for d in range(1, min(span, self.n - x)):
                self.ahead[x, d] = joins.score(x, x + d) + _alike(flat[x], flat[x + d])

    def read(self) -> list[_Seg]:
        """The Viterbi pass's runs fitted, short runs tried, bands cut in two and fitted again,
        and lines unlike their column taken out of the rows. The first fit, the short runs, the
        cuts and the outsiders read each row in its own order (`_drifted`): on a skewed page one
        column goes last in every few rows, and read on the stride alone such rows make a band
        look like one of another stride. The second fit and the band tops read on the stride:
        a row order moved in every row would pass for a band's phase moved by a line. Where a
        band's top moved, the cuts, outsiders and ends are read again, a few rounds at most."""
        self._rows_own_order(True)
        segs = self.split(self.small(self.fit(_raw_runs(self.flat, self.joins))))
        self._rows_own_order(False)
        segs = self.fit(segs)
        self._rows_own_order(True)
        segs = self.outsiders(segs)
        self._rows_own_order(False)
        for _ in range(SETTLE):  # (a band's top moved: the cuts, outsiders and ends read again)
            topped = self.tops(segs)
            if topped == segs:
                break
            self._rows_own_order(True)
            segs = self.outsiders(self.joined(self.split(topped)))
            self._rows_own_order(False)
            segs = self.fit(segs)
        self._rows_own_order(True)  # (order() reads each row in its own order)
        return self.small(segs)  # (the lines the fitted bands left: a band's last rows)

    def _rows_own_order(self, drift: bool) -> None:
        """Read each row in its own order from now on, or on the stride; the memo holds bands
        read one way only."""
        if drift != self.drift:
            self.drift, self.memo = drift, {}

    def _measure(self, g: _Seg) -> int:
        """A segment's column measure: the median length of its lines."""
        m = g.members()
        return sorted(len(self.flat[i]) for i in m)[len(m) // 2]

    def _off(self, i: int, width: int) -> bool:
        """Whether line i is unlike a column of this measure in length (by more than a character)."""
        return abs(len(self.flat[i]) - width) > 1

    def split(self, segs: list[_Seg]) -> list[_Seg]:
        """A segment cut in two bands of its columns where the page reads better so: two
        articles' bands of as many columns, one under the other, read as one run of rows (the
        lower one's headline and byline, lines unlike the columns, left between the two)."""
        best = self.value(segs)
        for idx in range(len(segs) - 1, -1, -1):
            g = segs[idx]
            width = self._measure(g)
            found = None
            for x in range(g.a + MIN_ROWS * g.k, g.b - MIN_ROWS * g.k + 1):
                y = x  # (a headline and byline over the lower band's columns: between the two)
                while y < g.b and self._off(y, width):
                    y += 1
                for z in {x, y}:
                    cand = [*segs[:idx], g.span(g.a, x), g.span(z, g.b, more=False, right=False), *segs[idx + 1 :]]
                    v = self.value(cand)
                    if v > best + SPLIT_GAIN:
                        best, found = v, cand
            if found:
                segs = found
        return segs

    def joined(self, segs: list[_Seg]) -> list[_Seg]:
        """Two segments of as many columns, one right under the other, read as one band where
        the page reads better so: a band cut in two while its top was out of phase."""
        best = self.value(segs)
        idx = len(segs) - 2
        while idx >= 0:
            g, h = segs[idx], segs[idx + 1]
            if g.k == h.k and g.b == h.a and not h.more and not h.right:
                cand = [*segs[:idx], replace(g, b=h.b, skip=g.skip | h.skip), *segs[idx + 2 :]]
                v = self.value(cand)
                if v > best:
                    best, segs = v, cand
            idx -= 1
        return segs

    def order(self, segs: list[_Seg]) -> list[int]:
        """The lines in reading order: a band's lines that are no column's first (an inset
        headline the rows run past), then its columns one after another."""
        return [i for piece, _ in self._pieces(segs) for i in piece]

    def value(self, segs: list[_Seg]) -> float:
        """How well the page reads: the joins of the output's consecutive lines and the lengths
        of the lines of each column (each band's share computed once)."""
        v, last = 0.0, -1
        for piece, inner in self._pieces(segs):
            if piece:
                v += inner + (self.joins.score(last, piece[0]) if last >= 0 else 0.0)
                last = piece[-1]
        return v + sum(self._lengths(g) for g in segs)

    def _pieces(self, segs: list[_Seg]) -> Iterator[tuple[list[int], float]]:
        """The output in pieces, each with the sum of its own joins: the lines between bands (in
        their order) and each band's lines read column by column."""
        done = 0
        for band in _bands(segs):
            yield list(range(done, band[0].a)), self.near[band[0].a] - self.near[min(done + 1, band[0].a)]
            yield self._band(tuple(band))
            done = band[-1].b
        yield list(range(done, self.n)), self.near[self.n] - self.near[min(done + 1, self.n)]

    def _band(self, band: tuple[_Seg, ...]) -> tuple[list[int], float]:
        got = self.memo.get(band)
        if got is None:
            out: list[int] = []
            width = max(g.k for g in band)
            cols: list[list[int]] = [[] for _ in range(width)]
            for g in band:
                out += sorted(g.skip)
                m = g.members()
                first = width - g.k if g.right else 0
                split = self._drifted(m, g.k) if self.drift else [m[c :: g.k] for c in range(g.k)]
                for c in range(g.k):
                    cols[first + c] += split[c]
            out += [i for col in cols for i in col]
            got = self.memo[band] = (out, sum(self.joins.score(x, y) for x, y in itertools.pairwise(out)))
        return got

    def _drifted(self, m: list[int], k: int) -> list[list[int]]:
        """The k columns of lines m read row by row (k lines a row), each row's lines in an
        order of their own: the engine sorts a row by height, then by x where two boxes sit
        within a few pixels, so a column set a little lower than its neighbours goes after them
        in one row and before them in the next, and two columns of nearly one height swap. A
        row's order is one of the first row's with one line moved; a Viterbi pass over them,
        each change of order costing DRIFT."""
        rows = len(m) // k
        if rows < 2 or k < 2:
            return [m[c::k] for c in range(k)]
        perms, table, cost, change = _orders(k)
        grid = np.array(m[: rows * k]).reshape(rows, k)
        top, low = grid[:-1, :, None], grid[1:, None, :]  # [row, x, y]: row r's line x, row r+1's line y
        ahead = low - top
        if ahead.min() > 0 and ahead.max() < self.ahead.shape[1]:
            pair = self.ahead[top, ahead]
        else:
            pair = np.array([self._pair(list(grid[r]), list(grid[r + 1])) for r in range(rows - 1)])
        gains = pair[:, table[:, None, :], table[None, :, :]].sum(axis=3)  # [row, p, q]
        score = -cost - np.where(np.arange(len(perms)) > 0, DRIFT, 0.0)
        back = []
        cols_at = np.arange(len(perms))
        for gain in gains:
            total = score[:, None] + gain - change
            came = total.argmax(axis=0)
            score = total[came, cols_at] - cost
            back.append(came)
        at = int(score.argmax())
        chosen = [at]
        for came in reversed(back):
            at = int(came[at])
            chosen.append(at)
        chosen.reverse()
        cols: list[list[int]] = [[] for _ in range(k)]
        for r, i in enumerate(chosen):
            for c in range(k):
                cols[c].append(m[r * k + perms[i][c]])
        for t in range(rows * k, len(m)):
            cols[t - rows * k].append(m[t])
        return cols

    def _pair(self, top: list[int], low: list[int]) -> np.ndarray:
        """[x, y]: line top[x] joined to line low[y], lengths included (looked up where near)."""
        t, lo = np.array(top), np.array(low)
        d = lo[None, :] - t[:, None]
        if d.min() > 0 and d.max() < self.ahead.shape[1]:
            return self.ahead[t[:, None], d]
        return np.array([[self.joins.score(x, y) + _alike(self.flat[x], self.flat[y]) for y in low] for x in top])

    def _lengths(self, g: _Seg) -> float:
        got = self.memo.get(g)
        if got is None:
            m = g.members()
            got = self.memo[g] = sum(
                _alike(self.flat[m[t - g.k]], self.flat[m[t]]) - INCLUDE for t in range(g.k, len(m))
            )
        return got

    def small(self, segs: list[_Seg]) -> list[_Seg]:
        """Runs too short for the Viterbi pass to switch for (an editor's note in two columns of
        three lines) tried in the lines no segment holds, kept where the page reads clearly
        better so."""
        best = self.value(segs)
        gaps = [(segs[i - 1].b if i else 0, segs[i].a if i < len(segs) else self.n) for i in range(len(segs) + 1)]
        for lo, hi in gaps:
            cands = [
                sorted([*segs, _Seg(a, b, k)], key=lambda g: g.a)
                for k in range(2, SMALL_COLUMNS + 1)
                for a in range(lo, min(hi, lo + k))
                for b in range(max(a + 2 * k, hi - k), hi + 1)
            ]
            for cand in cands:
                v = self.value(cand)
                if v > best + SMALL_GAIN:
                    best, segs = v, cand
        return self._last_rows(segs)

    def _last_rows(self, segs: list[_Seg]) -> list[_Seg]:
        """The lines after the page's last band, when they are all as long as its columns' (or
        end a sentence), read as its last rows of fewer columns where the page reads no worse
        so: the band's right columns ended (with the article's bio) and its left ones go on for
        a row or two, too few for any pass to see a stride in them."""
        if not segs or segs[-1].right or segs[-1].b >= self.n:
            return segs
        g, best = segs[-1], self.value(segs)
        width = self._measure(g)
        for a in range(g.b, min(self.n, g.b + g.k)):  # (the band's own last lines: a bio's tail)
            rest = self.flat[a:]
            if not all(abs(len(x) - width) <= 2 or x.endswith(_ENDS) for x in rest):
                continue
            for k in range(2, g.k):
                if len(rest) >= 2 * k:
                    cand = [*segs[:-1], g.span(g.a, a), _Seg(a, self.n, k, True)]
                    v = self.value(cand)
                    if v >= best:
                        best, segs = v, cand
        return segs

    def outsiders(self, segs: list[_Seg]) -> list[_Seg]:
        """Lines unlike their column neighbours in length taken out of the rows while the page
        reads better so: a headline set beside the columns is read in among their rows."""
        best = self.value(segs)
        for idx in range(len(segs)):
            for _ in range(MAX_SWEEPS):
                g = segs[idx]
                m = g.members()
                odd = [m[t] for t in range(len(m)) if self._odd(m, t, g.k)]
                improved = False
                for i in odd:
                    cand = [*segs[:idx], replace(g, skip=g.skip | {i}), *segs[idx + 1 :]]
                    v = self.value(cand)
                    if v > best + 1e-9:
                        best, segs, improved = v, cand, True
                        break
                if not improved:
                    break
        return segs

    def tops(self, segs: list[_Seg]) -> list[_Seg]:
        """A band's first rows taken in where the page reads better so, the lines among them
        unlike the columns in length (a headline beside the columns, a byline, the page's
        header) out of the rows: the Viterbi pass and the fit start a band only where its rows
        are whole, and its first rows hold those lines too."""
        best = self.value(segs)
        idx = 0
        while idx < len(segs):
            g = segs[idx]
            width = self._measure(g)
            for before, top, extra in self._tops(segs, idx, width):
                after = segs[idx + 1 :]
                cand = [*before, replace(top, skip=top.skip | extra), *after]
                cand = self._put_back(cand, len(before), [i for i in extra if len(self.flat[i]) < width])
                v = self.value(cand)
                if v > best + TOP_GAIN:
                    best, segs = v, cand
            idx = next(t for t, x in enumerate(segs) if x.b == g.b) + 1
        return segs

    def _put_back(self, segs: list[_Seg], idx: int, lines: list[int]) -> list[_Seg]:
        """Of the short lines taken out of segment idx's rows, those that read better in them
        put back, the best first (a column's first line may be short: a drop cap, a title's
        tail; and one line put back moves every row after it)."""
        v, left = self.value(segs), set(lines)
        while left:
            g = segs[idx]
            tries = [(i, [*segs[:idx], replace(g, skip=g.skip - {i}), *segs[idx + 1 :]]) for i in sorted(left)]
            got, i, cand = max((self.value(c), -i, c) for i, c in tries)
            if got <= v:
                break
            segs, v = cand, got
            left.discard(-i)
        return segs

    def _tops(self, segs: list[_Seg], idx: int, width: int) -> Iterator[tuple[list[_Seg], _Seg, set[int]]]:
        """Where a band's top may be: the segments before it, the band from its new top, and
        the lines of its first rows unlike its columns in length. The top moves up into the
        lines above it, or into a segment of another stride just above it: that one cut there
        (the columns above read on into the band's first rows, its headline's lines among
        them), or taken whole where too short to stand (a headline's lines set beside the
        band's first rows made them rows of one more column)."""
        g = segs[idx]
        if g.right:
            return
        top = replace(g, more=False)

        def unlike(a: int, b: int) -> set[int]:
            return {i for i in range(a, b) if self._off(i, width)}

        def inset(a: int, b: int) -> set[int]:  # (a headline set beside the columns: a few characters a line)
            return {
                i for i in range(a, b) if len(self.flat[i]) <= INSET * width and not self.flat[i].endswith(_STOPS)
            }  # (a short line that ends a sentence is a paragraph's last)

        def first_rows(x: int) -> int:  # (the end of the band's first TOP_ROWS rows from x)
            alike = 0
            while x < g.b and alike < TOP_ROWS * g.k:
                alike += not self._off(x, width)
                x += 1
            return x

        if not g.more:
            lo = segs[idx - 1].b if idx else 0
            for a in range(max(lo, g.a - 2 * g.k), g.a):
                yield segs[:idx], replace(top, a=a), unlike(a, g.a) | inset(g.a, first_rows(a))
        if not idx:
            return
        p = segs[idx - 1]
        if p.k == g.k or p.right:
            return
        lo = segs[idx - 2].b if idx > 1 else 0
        reach = REACH * MAX_COLUMNS
        start = p.a - 2 * g.k if p.b - p.a <= 2 * reach else g.a - reach  # (a short p may go whole)
        for x in range(max(lo, start), min(p.b, g.a)):
            # (p cut at x, or dropped where too short to stand: its rows were the band's)
            before = [*segs[: idx - 1], p.span(p.a, x)] if x - p.a >= MIN_ROWS * p.k else segs[: idx - 1]
            wider = {i for i in range(x, g.a) if len(self.flat[i]) > width + 1}  # (no column's line: a page header)
            yield before, replace(top, a=x), inset(x, max(g.a, first_rows(x))) | wider

    def _odd(self, m: list[int], t: int, k: int) -> bool:
        line = self.flat[m[t]]
        near = [self.flat[m[u]] for u in (t - k, t + k) if 0 <= u < len(m)]
        return bool(near) and all(_alike(x, line) < 0 for x in near)

    def fit(self, segs: list[_Seg]) -> list[_Seg]:
        best = self.value(segs)
        for _ in range(MAX_SWEEPS):
            moved = False
            for idx in range(len(segs)):  # (a move keeps the number of segments)
                for cand in self._moves(segs, idx):
                    v = self.value(cand)
                    if v > best + 1e-9:
                        best, segs, moved = v, cand, True
            if not moved:
                break
        return segs

    def _moves(self, segs: list[_Seg], idx: int) -> list[list[_Seg]]:
        """Every way to move one segment's start or end, or its end together with the next
        one's start (contiguous, the next going on with its columns or not)."""
        g = segs[idx]
        lo = segs[idx - 1].b if idx else 0
        hi = segs[idx + 1].a if idx + 1 < len(segs) else self.n
        reach = REACH * MAX_COLUMNS
        out = []
        for a in range(max(lo, g.a - reach), min(g.b - MIN_ROWS * g.k, g.a + reach) + 1):
            if a != g.a:
                out.append([*segs[:idx], g.span(a, g.b, more=g.more and a == lo), *segs[idx + 1 :]])
        for b in range(max(g.a + MIN_ROWS * g.k, g.b - reach), min(hi, g.b + reach) + 1):
            if b != g.b:
                out.append([*segs[:idx], g.span(g.a, b), *segs[idx + 1 :]])
        out += self._phases(segs, idx, lo, hi)
        if idx + 1 < len(segs):
            h = segs[idx + 1]
            for x in range(max(g.a + MIN_ROWS * g.k, g.b - reach), min(h.b - MIN_ROWS * h.k, h.a + reach) + 1):
                keep = [*segs[:idx], g.span(g.a, x)]
                out.append([*keep, h.span(x, h.b, more=False, right=False), *segs[idx + 2 :]])
                if h.k < g.k:  # the band's right columns ended early
                    out.append([*keep, h.span(x, h.b, more=True, right=False), *segs[idx + 2 :]])
                if h.k > g.k and not g.more:  # its left columns begin under an inset headline
                    joined = [*segs[:idx], g.span(g.a, x, right=True), h.span(x, h.b, more=True, right=False)]
                    out.append([*joined, *segs[idx + 2 :]])
        return out

    def _phases(self, segs: list[_Seg], idx: int, lo: int, hi: int) -> list[list[_Seg]]:
        """The band's rows moved by up to a row: its phase (and where the columns it goes on
        with begin, in a fit that reads each row in its own order: read on the stride alone, a
        row order moved in every row would pass for such a move)."""
        g, out = segs[idx], []
        for d in range(-g.k, g.k + 1):
            if not d or g.a + d < lo:
                continue
            tail = segs[idx + 1 :]
            joined = bool(tail) and tail[0].more and tail[0].a == g.b
            if self.drift and joined:
                for e in range(d - g.k + 1, d + g.k):
                    if g.b + e - (g.a + d) >= MIN_ROWS * g.k and g.b + e + MIN_ROWS * tail[0].k <= tail[0].b:
                        out.append([*segs[:idx], g.span(g.a + d, g.b + e), tail[0].span(g.b + e, tail[0].b), *tail[1:]])
            elif g.b + d <= hi:
                if joined:
                    tail = [tail[0].span(g.b + d, tail[0].b), *tail[1:]]
                out.append([*segs[:idx], g.span(g.a + d, g.b + d), *tail])
        return out


@functools.cache
def _orders(k: int) -> tuple[list[tuple[int, ...]], np.ndarray, np.ndarray, np.ndarray]:
    """A row's orders (`_moved`), as an array, with what each costs and what a change costs."""
    perms = _moved(k)
    cost = np.full(len(perms), ASTRAY)
    cost[0] = 0.0
    change = np.full((len(perms), len(perms)), DRIFT)
    np.fill_diagonal(change, 0.0)
    return perms, np.array(perms), cost, change


def _moved(k: int) -> list[tuple[int, ...]]:
    """Where in a row each column's line is, for the rows in the first row's order with at most
    one line moved elsewhere (the first one unmoved)."""
    out = [tuple(range(k))]
    for i in range(k):
        for j in range(k):
            order = list(range(k))
            order.insert(j, order.pop(i))
            pos = tuple(order.index(c) for c in range(k))
            if pos not in out:
                out.append(pos)
    return out


def _bands(segs: list[_Seg]) -> list[list[_Seg]]:
    bands: list[list[_Seg]] = []
    for g in segs:
        if g.more and bands and bands[-1][-1].b == g.a:
            bands[-1].append(g)
        else:
            bands.append([g])
    return bands


def _viterbi(flat: list[str], joins: _Joins) -> list[int]:
    n = len(flat)
    ks = range(1, MAX_COLUMNS + 1)
    score = {k: 0.0 for k in ks}
    back: list[dict[int, int]] = []
    for i in range(n):
        best_prev = max(ks, key=score.__getitem__)
        new: dict[int, float] = {}
        came: dict[int, int] = {}
        for k in ks:
            stay, switch = score[k], score[best_prev] - SWITCH
            came[k] = k if stay >= switch else best_prev
            gain = 0.0
            if k > 1 and i >= k:
                gain = joins.score(i - k, i) + _length(flat, i, k)
            new[k] = max(stay, switch) + gain
        score = new
        back.append(came)
    k = max(ks, key=score.__getitem__)
    states = [0] * n
    for i in range(n - 1, -1, -1):
        states[i] = k
        k = back[i][k]
    return states
