"""Page layout from geometry: OCR'd lines with boxes -> lines in reading order, each measured.

Every geometric input (a page image through an OCR engine, hOCR, ALTO, a PDF's text layer)
ends here as `BoxLine`s: text, a box, a confidence, and where the source gives them, the boxes
of its words or characters. From them:

1. the body type: its line height (median box height of text lines) and its em (median
   advance per character of the lines set in it);
2. the page's skew, from the column edges (justified text is flush both sides: a column's
   left and right edges are straight lines, whatever the indents and short last lines),
   undone on every box so columns are vertical and rows horizontal;
3. reading order by recursive XY cuts: a white band across the whole region separates
   sections (page furniture, article bands, a headline over its columns), otherwise the
   white gap between columns; a line that the detector ran across a narrow gutter (the only
   thing that blocks an otherwise clean gap) is split back at the gutter;
4. per line, what the typesetter did: size (glyph height over the body's), indent and the
   blank left at the right end (in em, against the edges of its own column near it, so a
   column narrowed around a picture is measured against its own edge), the gap above it,
   centred or not.

The result is `structure.page.SourceLine`s with `Geometry`: the structure passes read the
measured evidence where the text reader guesses it.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field, replace

from ..structure.page import Geometry, measure

Box = tuple[float, float, float, float]  # x0, y0, x1, y1, y down


@dataclass
class BoxLine:
    """One line as a geometric source gives it."""

    text: str
    box: Box
    conf: float | None = None  # 0..1
    words: list[tuple[str, Box]] = field(default_factory=list)  # finer boxes when the source has them
    page: int = 0


@dataclass
class Placed:
    """A line in reading order: the source's line (its original box) and what was measured."""

    line: BoxLine
    box: Box  # deskewed
    geo: Geometry


@dataclass
class Metrics:
    height: float  # body line height (box units)
    em: float  # body character advance (box units)
    skew: float  # dx/dy of a column edge on the page as given


# --- measuring the body type ------------------------------------------------------------------


def _h(b: Box) -> float:
    return b[3] - b[1]


def _w(b: Box) -> float:
    return b[2] - b[0]


def body_height(lines: list[BoxLine]) -> float:
    hs = [_h(ln.box) for ln in lines if measure(ln.text) >= 4] or [_h(ln.box) for ln in lines]
    return statistics.median(hs) if hs else 1.0


def body_em(lines: list[BoxLine], height: float) -> float:
    """The advance of one character of body type: a line's width over its width in em."""
    per = [
        _w(ln.box) / measure(ln.text)
        for ln in lines
        if measure(ln.text) >= 6 and 0.8 <= _h(ln.box) / height <= 1.2 and _w(ln.box) > 0
    ]
    return statistics.median(per) if per else height * 0.8


# --- skew -------------------------------------------------------------------------------------


def _below(lines: list[BoxLine], i: int, height: float) -> int | None:
    """The next line down in the same column: overlapping most of the narrower width."""
    a = lines[i].box
    best, dy = None, 2.5 * height
    for j, ln in enumerate(lines):
        b = ln.box
        d = b[1] - a[1]
        if 0.5 * height < d < dy:
            overlap = min(a[2], b[2]) - max(a[0], b[0])
            if overlap >= 0.6 * min(_w(a), _w(b)):
                best, dy = j, d
    return best


def _chains(lines: list[BoxLine], height: float) -> list[list[int]]:
    """Runs of lines linked top to bottom within one column (body-size lines only)."""
    body = [i for i, ln in enumerate(lines) if 0.75 <= _h(ln.box) / height <= 1.3]
    sub = [lines[i] for i in body]
    # sorting by x then y keeps _below quadratic only within a neighbourhood
    nxt: dict[int, int] = {}
    order = sorted(range(len(sub)), key=lambda k: (sub[k].box[0], sub[k].box[1]))
    for pos, k in enumerate(order):
        near = [order[p] for p in range(max(0, pos - 60), min(len(order), pos + 60))]
        cand = [sub[p] for p in near]
        j = _below(cand, near.index(k), height)
        if j is not None:
            nxt[k] = near[j]
    starts = set(nxt) - set(nxt.values())
    out = []
    for s in starts:
        chain = [s]
        while chain[-1] in nxt and len(chain) < 400:
            chain.append(nxt[chain[-1]])
        if len(chain) >= 6:
            out.append([body[k] for k in chain])
    return out


def _fit(points: list[tuple[float, float]], sign: int, tol: float) -> tuple[float, int] | None:
    """Slope of x over y through the points, dropping those off the edge on the `sign` side
    (indents on the left edge, short lines on the right) and refitting."""
    pts = points
    for _ in range(4):
        if len(pts) < 5:
            return None
        n = len(pts)
        my = sum(y for y, _ in pts) / n
        mx = sum(x for _, x in pts) / n
        vy = sum((y - my) ** 2 for y, _ in pts)
        if vy <= 0:
            return None
        s = sum((y - my) * (x - mx) for y, x in pts) / vy
        keep = [(y, x) for y, x in pts if sign * (x - (mx + s * (y - my))) < tol]
        if len(keep) == len(pts):
            break
        pts = keep
    return s, len(pts)


def estimate_skew(lines: list[BoxLine], height: float, em: float) -> float:
    """dx/dy of the column edges: 0 on a straight page."""
    slopes: list[tuple[float, int]] = []
    for chain in _chains(lines, height):
        left = [((lines[i].box[1] + lines[i].box[3]) / 2, lines[i].box[0]) for i in chain]
        right = [((lines[i].box[1] + lines[i].box[3]) / 2, lines[i].box[2]) for i in chain]
        for pts, sign in ((left, 1), (right, -1)):
            f = _fit(pts, sign, 0.4 * em)
            if f is not None and abs(f[0]) < 0.05:
                slopes.append(f)
    if not slopes:
        return 0.0
    slopes.sort()
    total = sum(n for _, n in slopes)
    acc = 0
    for s, n in slopes:  # weighted median
        acc += n
        if acc >= total / 2:
            return s
    return 0.0


def deskew(box: Box, s: float) -> Box:
    """The box on the straightened page (a small rotation: columns vertical, rows horizontal).
    An upright box around a tilted line is taller than the line by the tilt over its width."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    dx, dy = -s * cy, s * cx
    shrink = min(abs(s) * _w(box), 0.5 * _h(box)) / 2
    return (box[0] + dx, box[1] + dy + shrink, box[2] + dx, box[3] + dy - shrink)


# --- reading order: recursive XY cuts ------------------------------------------------------------


def _gaps(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
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
class _Cutter:
    boxes: list[Box]
    lines: list[BoxLine]
    height: float
    em: float
    split: list[tuple[int, tuple[float, float]]] = field(default_factory=list)  # (line, gutter) to split at
    splitting: bool = True

    def widest(self, idx: list[int], axis: int) -> tuple[float, float]:
        lo, hi = (0, 2) if axis == 0 else (1, 3)
        gaps = _gaps([(self.boxes[i][lo], self.boxes[i][hi]) for i in idx])
        if not gaps:
            return 0.0, 0.0
        a, b = max(gaps, key=lambda g: g[1] - g[0])
        return b - a, (a + b) / 2

    def body(self, i: int) -> bool:
        return 0.75 <= _h(self.boxes[i]) / self.height <= 1.25

    def order(self, idx: list[int], depth: int = 0) -> list[list[int]]:
        """Leaves (lists of line indices, top to bottom) in reading order."""
        if len(idx) <= 1 or depth > 80:
            return [sorted(idx, key=lambda i: self.boxes[i][1])] if idx else []
        gy, at_y = self.widest(idx, 1)
        if gy >= 0.9 * self.height and self.section_break(idx, at_y):
            first = [i for i in idx if self.boxes[i][1] < at_y]
            return self.order(first, depth + 1) + self.order([i for i in idx if self.boxes[i][1] >= at_y], depth + 1)
        gutter = self.gutter(idx)
        if gutter is not None:
            (a, b), runs = gutter
            if runs and self.splitting:
                self.split += [(i, (a, b)) for i in runs]
                return []  # the caller splits these lines and starts again
            at = (a + b) / 2
            first = [i for i in idx if (self.boxes[i][0] + self.boxes[i][2]) / 2 < at]
            rest = [i for i in idx if (self.boxes[i][0] + self.boxes[i][2]) / 2 >= at]
            if first and rest:
                return self.order(first, depth + 1) + self.order(rest, depth + 1)
        if gy >= 0.25 * self.height:  # a headline over its columns, closer than a line
            first = [i for i in idx if self.boxes[i][1] < at_y]
            return self.order(first, depth + 1) + self.order([i for i in idx if self.boxes[i][1] >= at_y], depth + 1)
        return [sorted(idx, key=lambda i: (self.boxes[i][1], self.boxes[i][0]))]

    def section_break(self, idx: list[int], at: float) -> bool:
        """A white row across the region ends a section (furniture, a band, a headline over
        its columns) unless the columns simply go on past it: a box in one column beside a
        subheading's space in the next leaves such a row by chance. Going on: a gutter runs
        through the whole region, several lines stand on both sides of the row, and no line
        near it is set larger (a headline)."""
        above = [i for i in idx if self.boxes[i][1] < at]
        below = [i for i in idx if self.boxes[i][1] >= at]
        if len(above) < 4 or len(below) < 4:
            return True
        reach = 3 * self.height
        near = [i for i in idx if at - reach <= self.boxes[i][3] and self.boxes[i][1] <= at + reach]
        if any(_size(self.lines[i].text, self.boxes[i], self.height, self.em) >= 1.2 for i in near):
            return True
        gx, _ = self.widest(idx, 0)
        return gx < 0.25 * self.em

    def gutter(self, idx: list[int]) -> tuple[tuple[float, float], list[int]] | None:
        """The gap between two columns, its edges, and the lines run across it.

        A gap is a stretch at least a quarter em wide that no line covers, except body-size lines
        that only poke into it (an engine's box a little too wide: they go with the side their
        middle is on) or that the detector ran from one column into the next: those have lines
        of both columns above and below them, and are split at the gap. A headline set over the
        columns, or a wide lead paragraph above them, closes the gap.
        """
        x0 = min(self.boxes[i][0] for i in idx)
        x1 = max(self.boxes[i][2] for i in idx)
        step = max(1.0, self.em / 4)
        n = int((x1 - x0) / step) + 1
        hard = [0] * n  # lines that close the gap: not body size
        soft = [0] * n
        for i in idx:
            b = self.boxes[i]
            row = soft if self.body(i) else hard
            for k in range(max(0, int((b[0] - x0) / step) + 1), min(n, int((b[2] - x0) / step))):
                row[k] += 1
        limit = max(2, int(0.5 * len(idx)))
        tol = 0
        while tol <= limit:  # the cleanest gaps first, then those a few lines run over
            for k, j in _runs([not hard[k] and soft[k] <= tol for k in range(n)]):
                if (j - k) * step >= 0.25 * self.em and k > 0 and j < n:
                    cand = self._check(idx, x0 + k * step, x0 + j * step)
                    if cand is not None:
                        return cand
            tol = tol * 2 if tol else 1
        return None

    def _check(self, idx: list[int], a: float, b: float) -> tuple[tuple[float, float], list[int]] | None:
        """The lines over the gap [a, b]: poking (fine), run-on (to split), or else no gap."""
        runs = []
        for i in idx:
            bx = self.boxes[i]
            if bx[2] <= a or bx[0] >= b:
                continue
            mid = (bx[0] + bx[2]) / 2
            if bx[0] < a - self.em and bx[2] > b + self.em:
                if not self._between_rows(idx, i, a, b):
                    return None
                runs.append(i)
            elif not (mid < a or mid > b):
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
        loose = _w(bx) >= measure(ln.text) * self.em + 0.7 * (b - a)
        return loose and found in ({"Lup", "Rup"}, {"Ldown", "Rdown"})


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
    return replace(ln, text=join_words([w[0] for w in words]), box=box, words=words)


def join_words(words: list[str]) -> str:
    out = words[0]
    for w in words[1:]:
        latin = (out[-1:].isascii() and out[-1:].isalnum()) or (w[:1].isascii() and w[:1].isalnum())
        out += (" " if latin else "") + w
    return out


def _same_row(a: Box, b: Box) -> bool:
    """b continues a's display line: level with it, as large, close after it (or overlapping it,
    as engines' boxes round quote marks do)."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    gap = b[0] - a[2]
    return overlap >= 0.7 * min(_h(a), _h(b)) and 0.75 <= _h(b) / _h(a) <= 1.33 and -0.6 * _h(a) <= gap <= 1.4 * _h(a)


def _fragment_groups(lines: list[BoxLine], boxes: list[Box], height: float, em: float) -> list[list[int]]:
    """Groups of pieces that are one large display line, left to right (singletons included)."""
    order = sorted(range(len(lines)), key=lambda i: boxes[i][0])
    merged: dict[int, int] = {}  # piece -> the first piece of its line
    for i in order:
        a = boxes[i]
        if i in merged or _size(lines[i].text, a, height, em) < 1.25:
            continue
        for j in order:
            b = boxes[j]
            if j != i and j not in merged and b[0] >= a[0] and _same_row(a, b):
                merged[j] = merged.get(i, i)
                a = (a[0], min(a[1], b[1]), b[2], max(a[3], b[3]))
    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(merged.get(i, i), []).append(i)
    return [groups[root] for root in sorted(groups)]


def _joined(lines: list[BoxLine], parts: list[int]) -> BoxLine:
    words = [w for k in parts for w in (lines[k].words or [(lines[k].text, lines[k].box)])]
    confs = [c for c in (lines[k].conf for k in parts) if c is not None]
    return BoxLine(
        "".join(lines[k].text for k in parts),
        _union_boxes([lines[k].box for k in parts]),
        min(confs) if confs else None,
        words,
        lines[parts[0]].page,
    )


def _union_boxes(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def merge_fragments(lines: list[BoxLine], s: float, height: float, em: float) -> list[BoxLine]:
    """Pieces of one display line (an engine breaks a large headline at a quote mark or a
    wide space) joined again: same row, same size, larger than the body, close together."""
    boxes = [deskew(ln.box, s) for ln in lines]
    groups = _fragment_groups(lines, boxes, height, em)
    if len(groups) == len(lines):
        return lines
    return [lines[g[0]] if len(g) == 1 else _joined(lines, g) for g in groups]


def _stack(leaves: list[list[int]], boxes: list[Box]) -> list[list[int]]:
    """Consecutive leaves one under the other in the same column are one column (the cut
    separates a column's rows where no gutter stops it)."""
    out: list[list[int]] = []
    for leaf in leaves:
        if out:
            prev = out[-1]
            a0, a1 = min(boxes[i][0] for i in prev), max(boxes[i][2] for i in prev)
            b0, b1 = min(boxes[i][0] for i in leaf), max(boxes[i][2] for i in leaf)
            below = min(boxes[i][1] for i in leaf) >= max(boxes[i][3] for i in prev) - 0.5 * _h(boxes[leaf[0]])
            overlap = min(a1, b1) - max(a0, b0)
            if below and overlap >= 0.8 * min(a1 - a0, b1 - b0):
                prev.extend(leaf)
                continue
        out.append(list(leaf))
    return out


def _extent(leaf: list[int], boxes: list[Box]) -> Box:
    return _union_boxes([boxes[i] for i in leaf])


def _lone_short_line(leaf: list[int], out: list[list[int]], boxes: list[Box], texts: list[str], sizes, height) -> bool:
    """One or two short body-size lines with white under them (more than a column's leading):
    a byline or a credit, not the first line of the column below."""
    if not leaf or len(leaf) > 2 or any(measure(texts[i]) > 10 or sizes[i] >= 1.25 for i in leaf):
        return False
    x0, _, x1, bottom = _extent(leaf, boxes)
    below = [i for other in out for i in other if boxes[i][1] >= bottom and boxes[i][0] < x1 and boxes[i][2] > x0]
    return not below or min(boxes[i][1] for i in below) - bottom >= 0.8 * height


def _headline_before(k: int, out: list[list[int]], boxes: list[Box], sizes, height: float) -> int | None:
    """The headline block read before leaf k that stands level with it, if nothing of the
    columns between them stands above it."""
    x0, top, x1, _ = _extent(out[k], boxes)
    for h in range(k - 2, -1, -1):
        head = out[h]
        if not head or not any(sizes[i] >= 1.25 for i in head):
            continue
        _, h_top, _, h_bottom = _extent(head, boxes)
        if not h_top - 0.5 * height <= top <= h_bottom + 2 * height:
            return None
        between = [i for other in out[h + 1 : k] for i in other]
        covered = any(boxes[i][3] <= top and boxes[i][0] < x1 and boxes[i][2] > x0 for i in between)
        return None if covered else h
    return None


def _attach_bylines(
    leaves: list[list[int]], boxes: list[Box], texts: list[str], height: float, em: float
) -> list[list[int]]:
    """A short line standing alone at the top of a column, level with a headline read earlier
    (a byline set at the right end of the headline's row, over another column), is read right
    after that headline, where the column cuts would otherwise leave it among the columns."""
    sizes = [_size(t, b, height, em) for t, b in zip(texts, boxes, strict=True)]
    out = [list(leaf) for leaf in leaves]
    for k in range(len(out)):
        if not _lone_short_line(out[k], out, boxes, texts, sizes, height):
            continue
        h = _headline_before(k, out, boxes, sizes, height)
        if h is not None:
            out.insert(h + 1, out.pop(k))
    return out


def reading_order(lines: list[BoxLine], s: float, m_height: float, em: float) -> tuple[list[BoxLine], list[list[int]]]:
    """The lines (some split at a gutter) and the leaves of the XY cut in reading order."""
    for _ in range(8):  # a line run over n columns is split in n - 1 rounds
        boxes = [deskew(ln.box, s) for ln in lines]
        cut = _Cutter(boxes, lines, m_height, em)
        leaves = cut.order(list(range(len(lines))))
        if not cut.split:
            return lines, _stack(_attach_bylines(leaves, boxes, [ln.text for ln in lines], m_height, em), boxes)
        at = dict(cut.split)
        out: list[BoxLine] = []
        for i, ln in enumerate(lines):
            shift = s * (ln.box[1] + ln.box[3]) / 2  # back to the page as given
            parts = split_line(ln, (at[i][0] + shift, at[i][1] + shift), em) if i in at else None
            out += list(parts) if parts else [ln]
        if len(out) == len(lines):
            break
        lines = out
    boxes = [deskew(ln.box, s) for ln in lines]
    cut = _Cutter(boxes, lines, m_height, em, splitting=False)
    leaves = _attach_bylines(cut.order(list(range(len(lines)))), boxes, [ln.text for ln in lines], m_height, em)
    return lines, _stack(leaves, boxes)


# --- measuring each line -------------------------------------------------------------------------


def _edge(values: list[float], k: int, low: bool, window: int = 4) -> float:
    """The column's edge near line k: the second most extreme value in a window of lines, so
    one stray line does not move it and the edge follows a column narrowed round a box."""
    near = sorted(values[max(0, k - window) : k + window + 1], reverse=not low)
    return near[1] if len(near) >= 3 else near[0]


def _size(text: str, b: Box, height: float, em: float) -> float:
    """Glyph size over the body's: the box's height, unless the characters stand no wider
    apart than body type (an engine's box grows round quotes and brackets set high)."""
    by_height = _h(b) / height
    m = measure(text)
    if m < 2:
        return by_height
    return min(by_height, max(1.0, _w(b) / m / em))


def measure_leaf(leaf: list[int], boxes: list[Box], height: float, em: float, lines_text: list[str]) -> list[Geometry]:
    body = [i for i in leaf if _h(boxes[i]) / height < 1.2]
    x0s = [boxes[i][0] for i in body]
    x1s = [boxes[i][2] for i in body]
    pos = {i: k for k, i in enumerate(body)}
    out = []
    prev: Box | None = None
    for i in leaf:
        b = boxes[i]
        if i in pos and len(body) >= 3:
            left, right = _edge(x0s, pos[i], True), _edge(x1s, pos[i], False)
        else:
            left, right = b[0], b[2]
        indent = max(0.0, (b[0] - left) / em)
        short = max(0.0, (right - b[2]) / em)
        centred = indent >= 1.0 and short >= 1.0 and abs(indent - short) <= 1.0
        gap = (b[1] - prev[3]) / height if prev is not None else 0.0
        out.append(
            Geometry(
                box=b,
                size=round(_size(lines_text[i], b, height, em), 3),
                indent=round(indent, 2),
                short=round(short, 2),
                gap_before=round(max(0.0, gap), 2),
                centred=centred,
            )
        )
        prev = b
    return out


def layout(lines: list[BoxLine]) -> tuple[list[Placed], Metrics]:
    """The page's lines in reading order with their geometry (boxes as the source gave them,
    measurements on the straightened page)."""
    lines = [ln for ln in lines if ln.text.strip() and _w(ln.box) > 0 and _h(ln.box) > 0]
    if not lines:
        return [], Metrics(1.0, 1.0, 0.0)
    height = body_height(lines)
    em = body_em(lines, height)
    s = estimate_skew(lines, height, em)
    lines = merge_fragments(lines, s, height, em)
    lines, leaves = reading_order(lines, s, height, em)
    boxes = [deskew(ln.box, s) for ln in lines]
    placed: list[Placed] = []
    for col, leaf in enumerate(leaves):
        for i, g in zip(leaf, measure_leaf(leaf, boxes, height, em, [ln.text for ln in lines]), strict=True):
            g.page = lines[i].page
            g.column = col
            g.conf = lines[i].conf
            placed.append(Placed(lines[i], boxes[i], g))
    _bands(placed, height)
    return placed, Metrics(height, em, s)


def _bands(placed: list[Placed], height: float) -> None:
    """Number the bands (horizontal regions: furniture, an article, a headline over its
    columns): a block that starts below every line read so far opens a band, one beside
    them is its next column. Columns are counted within their band."""
    band, bottom, leaf, first = -1, None, None, 0
    for p in placed:
        if p.geo.column != leaf:
            leaf = p.geo.column
            if bottom is None or p.box[1] > bottom + height:
                band, first = band + 1, leaf
        p.geo.band = band
        p.geo.column = leaf - first
        bottom = p.box[3] if bottom is None else max(bottom, p.box[3])
