"""Page layout from geometry: OCR'd lines with boxes -> lines in reading order, each measured.

Every geometric input (a page image through an OCR engine, hOCR, ALTO, a PDF's text layer)
ends here as `BoxLine`s: text, a box, a confidence, and where the source gives them, the boxes
of its words or characters. From them:

1. the body type: its line height (median box height of text lines) and its em (median
   advance per character of the lines set in it);
2. the page's skew, from the column edges (justified text is flush both sides: a column's
   left and right edges are straight lines, whatever the indents and short last lines),
   undone on every box so columns are vertical and rows horizontal;
3. reading order by recursive XY cuts (pipeline/read/xycut.py), over words where the source
   gives word boxes (pipeline/read/words.py): a white band across the whole region separates
   sections (page furniture, article bands, a headline over its columns), otherwise the
   white gap between columns; a line that the detector ran across a narrow gutter is split
   back at the gutter; pieces of one display line are joined, a byline beside a headline
   is read after it, column pieces one under the other are stacked;
4. per line, what the typesetter did: size (glyph height over the body's), indent and the
   blank left at the right end (in em, against the edges of its own column near it, so a
   column narrowed around a picture is measured against its own edge), the gap above it,
   centred or not.

The result is `structure.page.SourceLine`s with `Geometry`: the structure passes read the
measured evidence where the text reader guesses it.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field, replace

from ..structure.page import Geometry, measure
from ..text import is_han
from .boxes import Box, BoxLine, box_h, box_w, glyph_size, inked_height, join_words, union_boxes
from .words import explode, is_mark, regroup, tidy
from .xycut import Cutter, split_line

__all__ = ["Box", "BoxLine", "Metrics", "Placed", "join_words", "layout", "split_line"]


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
    ghosts: list[str] = field(default_factory=list)  # words set aside as read inside a large glyph (`drop_ghosts`)
    specks: list[str] = field(default_factory=list)  # lines set aside as specks read as letters (`drop_specks`)


# --- measuring the body type ------------------------------------------------------------------


def body_height(lines: list[BoxLine]) -> float:
    hs = [box_h(ln.box) for ln in lines if measure(ln.text) >= 4] or [box_h(ln.box) for ln in lines]
    return statistics.median(hs) if hs else 1.0


def body_em(lines: list[BoxLine], height: float) -> float:
    """The advance of one character of body type: a line's width over its width in em."""
    per = [
        box_w(ln.box) / measure(ln.text)
        for ln in lines
        if measure(ln.text) >= 6 and 0.8 <= box_h(ln.box) / height <= 1.2 and box_w(ln.box) > 0
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
            if overlap >= 0.6 * min(box_w(a), box_w(b)):
                best, dy = j, d
    return best


def _chains(lines: list[BoxLine], height: float) -> list[list[int]]:
    """Runs of lines linked top to bottom within one column (body-size lines only)."""
    body = [i for i, ln in enumerate(lines) if 0.75 <= box_h(ln.box) / height <= 1.3]
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
    shrink = min(abs(s) * box_w(box), 0.5 * box_h(box)) / 2
    return (box[0] + dx, box[1] + dy + shrink, box[2] + dx, box[3] + dy - shrink)


def _same_row(a: Box, b: Box, size_a: float, size_b: float) -> bool:
    """b continues a's display line: level with it, as large, close after it (or overlapping it,
    as engines' boxes round quote marks do). Sizes are compared as glyph sizes (an engine's box
    grows round quotes set high); the white may reach two heights (a headline's two lines set
    on one row with a wide space between them)."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    gap = b[0] - a[2]
    return (
        overlap >= 0.7 * min(box_h(a), box_h(b))
        and 0.75 <= size_b / size_a <= 1.33
        and -0.6 * box_h(a) <= gap <= 2.0 * box_h(a)
    )


QUOTE_MISREADS = {"66": "“", "99": "”", "6": "‘", "9": "’"}  # a quote set large, read as digits


def _quote_piece(text: str, a: Box, b: Box) -> bool:
    """b is a quote mark of a's display line the engine boxed apart (small, within the row,
    close to or inside it): marks only, or 66/99 read for a large quote."""
    t = text.strip()
    if not t or len(t) > 2 or not (is_mark(t) or t in QUOTE_MISREADS):
        return False
    slack = 0.2 * box_h(a)
    return a[1] - slack <= b[1] and b[3] <= a[3] + slack and -box_h(a) <= b[0] - a[2] <= box_h(a)


_LATIN_BIT = re.compile(r"[A-Za-z]{1,3}")


def _misread_glyph(text: str, a: Box, b: Box, size_b: float) -> bool:
    """a is a display line's first glyph the engine boxed apart and read as a few Latin letters
    (nn for 建 before 设好宜居宜业和美乡村): letters alone, no wider than the glyph is high, level
    with b, a display line (1.5 times the body) that starts right after it. Letters have no
    height of their own to compare (an x-height is half a glyph's)."""
    if not _LATIN_BIT.fullmatch(text.strip()) or size_b < 1.5 or box_w(a) > box_h(b):
        return False
    slack = 0.2 * box_h(b)
    return b[1] - slack <= a[1] and a[3] <= b[3] + slack and -0.3 * box_h(b) <= b[0] - a[2] <= 0.5 * box_h(b)


def _fragment_groups(lines: list[BoxLine], boxes: list[Box], height: float, em: float) -> list[list[int]]:
    """Groups of pieces that are one large display line, left to right (singletons included)."""
    order = sorted(range(len(lines)), key=lambda i: boxes[i][0])
    sizes = [glyph_size(ln.text, b, height, em) for ln, b in zip(lines, boxes, strict=True)]
    merged: dict[int, int] = {}  # piece -> the first piece of its line
    for i in order:
        a, size, alone = boxes[i], sizes[i], True
        if i in merged or (size < 1.25 and not _LATIN_BIT.fullmatch(lines[i].text.strip())):
            continue
        for j in order:
            b = boxes[j]
            if j == i or j in merged or b[0] < a[0]:
                continue
            if alone and _misread_glyph(lines[i].text, a, b, sizes[j]):
                size = sizes[j]  # (the piece's letters say nothing of the line's size)
            elif size < 1.25 or not (_same_row(a, b, size, sizes[j]) or _quote_piece(lines[j].text, a, b)):
                continue  # (a piece of letters below display size joins only the line it starts)
            merged[j] = merged.get(i, i)
            a, alone = (a[0], min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])), False
    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(merged.get(i, i), []).append(i)
    return [groups[root] for root in sorted(groups)]


def _joined(lines: list[BoxLine], parts: list[int]) -> BoxLine:
    words = [w for k in parts for w in (lines[k].words or [(lines[k].text, lines[k].box)])]
    confs = [c for c in (lines[k].conf for k in parts) if c is not None]
    return BoxLine(
        "".join(QUOTE_MISREADS.get(lines[k].text.strip(), lines[k].text) for k in parts),
        union_boxes([lines[k].box for k in parts]),
        min(confs) if confs else None,
        words,
        lines[parts[0]].page,
    )


def _inside(a: Box, b: Box) -> bool:
    slack = 0.1 * box_h(b)
    return b[0] - slack <= a[0] and a[2] <= b[2] + slack and b[1] - slack <= a[1] and a[3] <= b[3] + slack


GHOST = 0.6  # of a display glyph's box: a word this low inside it is a second reading of part of it
# (nothing is printed over a headline's glyph; a body character stands about 0.6 of its height)


def drop_ghosts(lines: list[BoxLine], height: float) -> tuple[list[BoxLine], list[str]]:
    """The lines without an engine's second reading of part of a large glyph (Tesseract
    reads the lower half of a headline's 药 as 顺, the top of 高 as 下): a word of a character
    or two, in a box less than GHOST times as tall as a display glyph's (a box 1.25 times the
    body's height or more, and not narrow: a body word an engine boxed tall is) that it lies
    inside. Read as a line of its own between a headline's lines, it would cut the headline in
    two. They are returned apart, for a notice to the editor."""
    pieces = [(k, w) for k, ln in enumerate(lines) for w in (ln.words or [(ln.text, ln.box)])]
    large = [(k, b) for k, (_, b) in pieces if box_h(b) >= 1.25 * height and box_w(b) >= 0.7 * box_h(b)]
    if not large:
        return lines, []

    def ghost(k: int, w: tuple[str, Box]) -> bool:
        text, a = w
        if len(text.strip()) > 2 or is_mark(text.strip()):
            return False
        return any(j != k and box_h(a) < GHOST * box_h(b) and _inside(a, b) for j, b in large)

    out: list[BoxLine] = []
    ghosts: list[str] = []
    for k, ln in enumerate(lines):
        words = ln.words or [(ln.text, ln.box)]
        flags = [ghost(k, w) for w in words]
        kept = [w for w, g in zip(words, flags, strict=True) if not g]
        ghosts += [w[0].strip() for w, g in zip(words, flags, strict=True) if g]
        if len(kept) == len(words):
            out.append(ln)
        elif kept:
            out.append(
                replace(ln, text=join_words([t for t, _ in kept]), box=union_boxes([b for _, b in kept]), words=kept)
            )
    return out, ghosts


def drop_specks(lines: list[BoxLine], height: float) -> tuple[list[BoxLine], list[str]]:
    """The lines without a speck an engine read as a few Latin letters (esNo, jewso under a
    column's last line): a line of letters alone in a box less than SPECK of the body's line
    height, which no printed word of any size is. Returned apart, for a notice to the editor."""
    out: list[BoxLine] = []
    specks: list[str] = []
    for ln in lines:
        t = ln.text.strip()
        if box_h(ln.box) < SPECK * height and _LETTERS.fullmatch(t):
            specks.append(t)
        else:
            out.append(ln)
    return out, specks


SPECK = 0.3  # of the body's line height: no printed word's box is this low
_LETTERS = re.compile(r"[A-Za-z]{1,8}")


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
            below = min(boxes[i][1] for i in leaf) >= max(boxes[i][3] for i in prev) - 0.5 * box_h(boxes[leaf[0]])
            overlap = min(a1, b1) - max(a0, b0)
            if below and overlap >= 0.8 * min(a1 - a0, b1 - b0):
                prev.extend(leaf)
                continue
        out.append(list(leaf))
    return out


def _extent(leaf: list[int], boxes: list[Box]) -> Box:
    return union_boxes([boxes[i] for i in leaf])


def _lone_short_line(leaf: list[int], out: list[list[int]], boxes: list[Box], texts: list[str], sizes, height) -> bool:
    """One or two short body-size lines with white under them (more than a column's leading):
    a byline or a credit, not the first line of the column below."""
    if not leaf or len(leaf) > 2 or any(measure(texts[i]) > 10 or sizes[i] >= 1.25 for i in leaf):
        return False
    x0, _, x1, bottom = _extent(leaf, boxes)
    below = [i for other in out for i in other if boxes[i][1] >= bottom and boxes[i][0] < x1 and boxes[i][2] > x0]
    return not below or min(boxes[i][1] for i in below) - bottom >= 0.8 * height


def _headline_before(
    k: int, out: list[list[int]], boxes: list[Box], sizes, height: float, texts: list[str]
) -> int | None:
    """The headline block read before leaf k that stands level with it, if nothing of the
    columns between them stands above it. A headline holds a large line of two Han
    characters or more: a body line's last few characters (力。”) in a box an engine drew tall round a
    quote is none."""
    x0, top, x1, _ = _extent(out[k], boxes)
    for h in range(k - 2, -1, -1):
        head = out[h]
        if not head or not any(sizes[i] >= 1.25 and sum(map(is_han, texts[i])) >= 2 for i in head):
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
    sizes = [glyph_size(t, b, height, em) for t, b in zip(texts, boxes, strict=True)]
    out = [list(leaf) for leaf in leaves]
    for k in range(len(out)):
        if not _lone_short_line(out[k], out, boxes, texts, sizes, height):
            continue
        h = _headline_before(k, out, boxes, sizes, height, texts)
        if h is not None:
            out.insert(h + 1, out.pop(k))
    return out


def _split_items(
    items: list[BoxLine], owner: list[int], display: set[int], at: dict[int, tuple[float, float]], s: float, em: float
) -> tuple[list[BoxLine], list[int], set[int]]:
    """The items with those the cut found run across a gutter split there (both parts keep
    the item's owner and type: a word's parts are still words of its line)."""
    out: list[BoxLine] = []
    owners: list[int] = []
    shown: set[int] = set()
    for i, ln in enumerate(items):
        shift = s * (ln.box[1] + ln.box[3]) / 2  # back to the page as given
        parts = split_line(ln, (at[i][0] + shift, at[i][1] + shift), em) if i in at else None
        if parts and owner[i] >= 0:
            parts = tuple(replace(p, words=[(p.text, p.box)]) for p in parts)
        new = list(parts) if parts else [ln]
        if i in display:
            shown.update(range(len(out), len(out) + len(new)))
        out += new
        owners += [owner[i]] * len(new)
    return out, owners, shown


def reading_order(lines: list[BoxLine], s: float, m_height: float, em: float) -> tuple[list[BoxLine], list[list[int]]]:
    """The lines (some split at a gutter) and the leaves of the XY cut in reading order.

    The cut works on words where the source gives them (pipeline/read/words.py), on lines
    elsewhere; a line without word boxes that the detector ran across a gutter is split at it
    and the cut starts again."""
    items, owner, display = explode(lines, em, m_height)
    for rounds in range(9):  # a line run over n columns is split in n - 1 rounds
        boxes = [deskew(ln.box, s) for ln in items]
        cut = Cutter(boxes, items, m_height, em, splitting=rounds < 8)
        cut.owner = owner
        cut.display = display
        cut.noise = {i for i, ln in enumerate(items) if owner[i] >= 0 and is_mark(ln.text)}
        leaves = cut.order(list(range(len(items))))
        if not cut.split:
            break
        n = len(items)
        items, owner, display = _split_items(items, owner, display, dict(cut.split), s, em)
        if len(items) == n:
            cut = Cutter(boxes, items, m_height, em, splitting=False, owner=owner, display=display, noise=cut.noise)
            leaves = cut.order(list(range(len(items))))
            break
    lines, leaves = regroup(lines, items, owner, leaves, boxes)
    boxes = [deskew(ln.box, s) for ln in lines]
    return lines, _stack(_attach_bylines(leaves, boxes, [ln.text for ln in lines], m_height, em), boxes)


# --- measuring each line -------------------------------------------------------------------------


def _edge(values: list[float], k: int, low: bool, window: int = 4) -> float:
    """The column's edge near line k: the second most extreme value in a window of lines, so
    one stray line does not move it and the edge follows a column narrowed round a box."""
    near = sorted(values[max(0, k - window) : k + window + 1], reverse=not low)
    return near[1] if len(near) >= 3 else near[0]


def _edges(values: list[float], low: bool, em: float) -> list[float]:
    """The column's edge at each line (`_edge`), except along a stretch of lines each set
    2 em or more inside that edge, three or more of them flush with the stretch's outermost
    (within 0.6 em): a column narrowed round a picture, whose own edge that is. A paragraph's
    short last line or indented first line inside the stretch does not end it."""
    out = [_edge(values, k, low) for k in range(len(values))]
    sign = 1 if low else -1
    inside = [sign * (v - e) >= 2 * em for v, e in zip(values, out, strict=True)]
    k = 0
    while k < len(values):
        j = k
        while j < len(values) and inside[j]:
            j += 1
        if j - k >= 3:
            edge = min(values[k:j]) if low else max(values[k:j])
            if sum(abs(v - edge) <= 0.6 * em for v in values[k:j]) >= 3:
                out[k:j] = [edge] * (j - k)
        k = j + 1 if j == k else j
    return out


def body_ink(lines: list[BoxLine]) -> float | None:
    """The body's character height where the source boxed words (`inked_height`): a line's
    box grows round marks set high or low (a comma, a quote), its characters' do not. None
    where most lines have no words (a detector's lines: the few pieces joined side by side
    carry theirs, which say nothing of the body)."""
    text = [ln for ln in lines if measure(ln.text) >= 4]
    hs = [h for ln in text if (h := inked_height(ln))]
    return statistics.median(hs) if hs and 2 * len(hs) > len(text) else None


def _size(ln: BoxLine, b: Box, height: float, em: float, ink: float | None) -> float:
    """A line's glyph size over the body's: by its characters' height where their boxes are
    known (a bullet read as 、 over a name stretches the line's box to a headline's height;
    a headline's characters stand taller over the body's than its box over theirs)."""
    inked = inked_height(ln)
    if inked is None or not ink:
        return glyph_size(ln.text, b, height, em)
    return glyph_size(ln.text, b, ink, em, glyph_h=inked)


def measure_leaf(
    leaf: list[int], boxes: list[Box], height: float, em: float, lines: list[BoxLine], ink: float | None = None
) -> list[Geometry]:
    sizes = {i: _size(lines[i], boxes[i], height, em, ink) for i in leaf}
    body = [i for i in leaf if sizes[i] < 1.2]
    x0s = [boxes[i][0] for i in body]
    x1s = [boxes[i][2] for i in body]
    pos = {i: k for k, i in enumerate(body)}
    lefts, rights = _edges(x0s, True, em), _edges(x1s, False, em)
    out = []
    prev: Box | None = None
    for i in leaf:
        b = boxes[i]
        if i in pos and len(body) >= 3:
            left, right = lefts[pos[i]], rights[pos[i]]
        else:
            left, right = b[0], b[2]
        indent = max(0.0, (b[0] - left) / em)
        short = max(0.0, (right - b[2]) / em)
        over = max(0.0, (b[2] - right) / em)
        centred = indent >= 1.0 and short >= 1.0 and abs(indent - short) <= 1.0
        gap = (b[1] - prev[3]) / height if prev is not None else 0.0
        out.append(
            Geometry(
                box=b,
                size=round(sizes[i], 3),
                indent=round(indent, 2),
                short=round(short, 2),
                over=round(over, 2),
                gap_before=round(max(0.0, gap), 2),
                centred=centred,
            )
        )
        prev = b
    return out


def layout(lines: list[BoxLine]) -> tuple[list[Placed], Metrics]:
    """The page's lines in reading order with their geometry (boxes as the source gave them,
    measurements on the straightened page)."""
    lines = [ln for ln in lines if ln.text.strip() and box_w(ln.box) > 0 and box_h(ln.box) > 0]
    if not lines:
        return [], Metrics(1.0, 1.0, 0.0)
    lines = tidy(lines, body_em(lines, body_height(lines)))
    height = body_height(lines)
    em = body_em(lines, height)
    s = estimate_skew(lines, height, em)
    lines, ghosts = drop_ghosts(lines, height)
    lines, specks = drop_specks(lines, height)
    lines = merge_fragments(lines, s, height, em)
    lines, leaves = reading_order(lines, s, height, em)
    boxes = [deskew(ln.box, s) for ln in lines]
    placed: list[Placed] = []
    ink = body_ink(lines)
    for col, leaf in enumerate(leaves):
        for i, g in zip(leaf, measure_leaf(leaf, boxes, height, em, lines, ink), strict=True):
            g.page = lines[i].page
            g.column = col
            g.conf = lines[i].conf
            placed.append(Placed(lines[i], boxes[i], g))
    _bands(placed, height)
    return placed, Metrics(height, em, s, ghosts, specks)


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
