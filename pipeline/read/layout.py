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

    def order(self, idx: list[int], depth: int = 0) -> list[list[int]]:
        """Leaves (lists of line indices, top to bottom) in reading order."""
        if len(idx) <= 1 or depth > 60:
            return [sorted(idx, key=lambda i: self.boxes[i][1])] if idx else []
        gy, at_y = self.widest(idx, 1)
        gx, at_x = self.widest(idx, 0)
        if gy >= 0.9 * self.height:
            first = [i for i in idx if self.boxes[i][1] < at_y]
            return self.order(first, depth + 1) + self.order([i for i in idx if i not in set(first)], depth + 1)
        if gx >= 0.5 * self.em:
            first = [i for i in idx if self.boxes[i][0] < at_x]
            rest = [i for i in idx if self.boxes[i][0] >= at_x]
            return self.order(first, depth + 1) + self.order(rest, depth + 1)
        gutter = self.gutter(idx) if self.splitting else None
        if gutter is not None:
            at, crossing = gutter
            self.split += [(i, at) for i in crossing]  # at: the gutter's (left, right) edges
            return []  # the caller splits and starts again
        return [sorted(idx, key=lambda i: (self.boxes[i][1], self.boxes[i][0]))]

    def gutter(self, idx: list[int]) -> tuple[tuple[float, float], list[int]] | None:
        """A column gap that only a few body-size lines cross (run together by the detector)."""
        body = [i for i in idx if 0.8 <= _h(self.boxes[i]) / self.height <= 1.25]
        if len(body) < 6:
            return None
        x0 = min(self.boxes[i][0] for i in idx)
        x1 = max(self.boxes[i][2] for i in idx)
        step = max(1.0, self.em / 4)
        n = int((x1 - x0) / step) + 1
        cover = [0] * n
        for i in body:
            b = self.boxes[i]
            for k in range(int((b[0] - x0) / step), min(n, int((b[2] - x0) / step) + 1)):
                cover[k] += 1
        limit = max(2, 0.15 * len(body))
        best: tuple[float, list[int]] | None = None
        for k in range(n):
            x = x0 + k * step
            if x - x0 < 3 * self.em or x1 - x < 3 * self.em:
                continue
            on = [i for i in idx if self.boxes[i][0] < x < self.boxes[i][2]]
            # the leftmost of the least crossed gaps: a line run over several columns is cut
            # one column at a time, from the left, where its characters are counted best
            if not on or len(on) > limit or (best is not None and len(on) >= len(best[1])):
                continue
            # every line on x runs well past it both ways, at body size: run-on lines, not a
            # column's own lines ending near its edge, nor a headline set over the columns
            if all(
                self.boxes[i][0] < x - self.em
                and self.boxes[i][2] > x + self.em
                and _h(self.boxes[i]) / self.height <= 1.25
                for i in on
            ):
                best = (x, on)
        if best is None:
            return None
        x, on = best
        rest = [self.boxes[i] for i in idx if i not in on]
        a = max((b[2] for b in rest if b[2] <= x), default=x)
        b = min((b[0] for b in rest if b[0] >= x), default=x)
        return (a, b), on


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


def reading_order(lines: list[BoxLine], s: float, m_height: float, em: float) -> tuple[list[BoxLine], list[list[int]]]:
    """The lines (some split at a gutter) and the leaves of the XY cut in reading order."""
    for _ in range(8):  # a line run over n columns is split in n - 1 rounds
        boxes = [deskew(ln.box, s) for ln in lines]
        cut = _Cutter(boxes, lines, m_height, em)
        leaves = cut.order(list(range(len(lines))))
        if not cut.split:
            return lines, leaves
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
    return lines, cut.order(list(range(len(lines))))


# --- measuring each line -------------------------------------------------------------------------


def _edge(values: list[float], k: int, low: bool, window: int = 4) -> float:
    """The column's edge near line k: the second most extreme value in a window of lines, so
    one stray line does not move it and the edge follows a column narrowed round a box."""
    near = sorted(values[max(0, k - window) : k + window + 1], reverse=not low)
    return near[1] if len(near) >= 3 else near[0]


def measure_leaf(leaf: list[int], boxes: list[Box], height: float, em: float) -> list[Geometry]:
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
                size=round(_h(b) / height, 3),
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
    lines, leaves = reading_order(lines, s, height, em)
    boxes = [deskew(ln.box, s) for ln in lines]
    placed: list[Placed] = []
    for col, leaf in enumerate(leaves):
        for i, g in zip(leaf, measure_leaf(leaf, boxes, height, em), strict=True):
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
