"""A Chinese paragraph typesetter: clreq line breaking and justification, as a pure function.

Why our own: reportlab's wordWrap='CJK' uses a Japanese no-start list (it lets ，start a
line), ignores no-end rules and does not justify Han text. This module knows nothing about
PDF: it takes the text, a measure of width, and returns lines with every glyph's x.

Model. A paragraph is a row of glyphs; between two neighbours sits a *junction* with
- a natural kern: a Latin space, the quarter-em gap between Han and a Latin letter or digit
  (none beside symbols: 互联网+政务服务, 22%的), or the half-em removed from
  a pair of full-width marks (ctex "quanjiao": ”， takes 1.5 em, not 2);
- whether a line may break there (clreq: no line starts with ，。”） etc., none ends with “（
  etc., numbers, Latin words, —— and …… never split); a kern at a break disappears;
- how much it may shrink and whether it may stretch.
Punctuation is compressed only where clreq allows it: between adjacent marks, and a mark that
ends a line is set half width (GB/T 15834); a comma in mid-line always keeps its full em.
Lines are filled greedily, using that compression before pulling a character down; a justified
line then spreads its slack evenly over its junctions, so it ends exactly at the right edge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# The rules of docs/typesetting.md (clreq "basic" level) live in pipeline/text.py, shared with
# the headline breaker and the EPUB cover.
from ...text import CLOSING, INTERPUNCT, LONG_MARKS, NO_END, NO_START, OPENING, PAUSES, is_latin, is_wide_letter

# Full-width marks with a blank half: ink on the left (closing) or on the right (opening).
INK_LEFT = frozenset(PAUSES + CLOSING)
INK_RIGHT = frozenset(OPENING)
FW_PUNCT = INK_LEFT | INK_RIGHT | frozenset(INTERPUNCT)
EPS = 1e-6
# The full-width space: the separator of a headline shown on one line (render.shared). A blank
# glyph of one em, so the text reads back as written; a line may break on either side of it,
# and at a line's start or end it is dropped like any space.
IDEO_SPACE = "\u3000"

Measure = Callable[[str], float]
Ink = Callable[[str], "tuple[float, float] | None"]


def is_letter_or_digit(ch: str) -> bool:
    """The Latin side of the quarter-em gap: letters and digits, never symbols (+ − × = % / ~)."""
    return is_latin(ch) and ch.isalnum()


@dataclass(frozen=True)
class Line:
    """One typeset line: the characters drawn (spaces dropped) and each box's left x."""

    chars: str
    xs: tuple[float, ...]  # from the frame's left edge; indent and alignment included
    end: float  # right edge of the last glyph's box
    last: bool  # a paragraph's last line (or one before a hard break): not justified
    start: int  # index of the first glyph in the paragraph (spaces and newlines excluded)
    first: bool = False  # the paragraph's first line (carries the indent)


@dataclass
class _Para:
    chars: list[str]
    adv: list[float]
    kern: list[float]  # junction j sits between glyph j and j+1
    can_break: list[bool]
    shrink: list[float]
    stretch: list[bool]
    hard: list[bool]  # a '\n' sits at this junction: the line must end here
    end_shrink: list[float]  # the blank right half a mark may lose when it ends a line
    letter: list[bool]  # glyphs that are not punctuation: what the no-orphan rule counts


def _glyphs(text: str) -> tuple[list[str], list[bool], list[bool]]:
    """The glyphs drawn (spaces and newlines dropped), and for each junction whether a space
    or a hard break ('\\n') stood there. The full-width space is a glyph (headline separator)."""
    chars: list[str] = []
    space_before: list[bool] = []
    hard: list[bool] = []
    pending_space = pending_hard = False
    for ch in text:
        if ch == "\n":
            pending_hard = True
        elif ch.isspace() and ch != IDEO_SPACE:
            pending_space = True
        else:
            if chars:
                space_before.append(pending_space and not pending_hard)
                hard.append(pending_hard)
            chars.append(ch)
            pending_space = pending_hard = False
    return chars, space_before, hard


def _blank_halves(chars: list[str], adv: list[float], ink: Ink | None, em: float):
    """Which glyphs are full-width marks, and the blank left and right part of each (from the
    glyph's ink where the font tells us; Simplified placement otherwise), at most half an em."""
    n, half = len(chars), em / 2
    lb = [0.0] * n
    rb = [0.0] * n
    fw = [c in FW_PUNCT and abs(a - em) < 0.05 * em for c, a in zip(chars, adv, strict=True)]
    for i, c in enumerate(chars):
        if fw[i]:
            box = ink(c) if ink else None
            if box is None:
                box = (0.0, half) if c in INK_LEFT else (half, em) if c in INK_RIGHT else (em / 4, 3 * em / 4)
            lb[i] = max(0.0, min(box[0], half))
            rb[i] = max(0.0, min(adv[i] - box[1], half))
    return fw, lb, rb


@dataclass
class _Junctions:
    kern: list[float]
    can_break: list[bool]
    stretch: list[bool]
    used_l: list[float]  # blank taken from a mark's left half by pair compression
    used_r: list[float]


def _junctions(chars, space_before, hard, fw, lb, rb, space_w: float, em: float) -> _Junctions:
    """Per junction: its natural kern, whether a line may break there, whether it may stretch;
    consecutive marks lose half an em as a pair, from the wider blank first."""
    n, half = len(chars), em / 2
    jn = _Junctions([0.0] * max(n - 1, 0), [True] * max(n - 1, 0), [True] * max(n - 1, 0), [0.0] * n, [0.0] * n)
    for j in range(n - 1):
        a, b = chars[j], chars[j + 1]
        glued = not space_before[j] and (
            (is_latin(a) and is_latin(b)) or (a in LONG_MARKS and b in LONG_MARKS)  # words, numbers, ——, ……
        )
        jn.can_break[j] = hard[j] or not (b in NO_START or a in NO_END or glued)
        jn.stretch[j] = not glued
        if space_before[j]:
            jn.kern[j] = space_w
        elif (is_wide_letter(a) and is_letter_or_digit(b)) or (is_letter_or_digit(a) and is_wide_letter(b)):
            jn.kern[j] = em / 4
        elif fw[j] and fw[j + 1] and (a in INK_LEFT or b in INK_RIGHT):
            want = min(half, rb[j] + lb[j + 1])
            if rb[j] >= lb[j + 1]:
                jn.used_r[j] = min(rb[j], want)
                jn.used_l[j + 1] = want - jn.used_r[j]
            else:
                jn.used_l[j + 1] = min(lb[j + 1], want)
                jn.used_r[j] = want - jn.used_l[j + 1]
            jn.kern[j] = -want
            jn.stretch[j] = False
    return jn


def _shrink_caps(lb, rb, jn: _Junctions, em: float) -> tuple[list[float], list[float]]:
    """What each mark may still lose on its left and right: its unused blank, within half an em."""
    half = em / 2
    cap_l = [0.0] * len(lb)
    cap_r = [0.0] * len(lb)
    for i in range(len(lb)):
        room = max(0.0, half - jn.used_l[i] - jn.used_r[i])
        left = max(0.0, lb[i] - jn.used_l[i])
        right = max(0.0, rb[i] - jn.used_r[i])
        if left + right > room > 0:
            left, right = left * room / (left + right), right * room / (left + right)
        elif room <= 0:
            left = right = 0.0
        cap_l[i], cap_r[i] = left, right
    return cap_l, cap_r


def _prepare(text: str, measure: Measure, ink: Ink | None, em: float) -> _Para:
    chars, space_before, hard = _glyphs(text)
    n = len(chars)
    adv = [measure(c) for c in chars]
    space_w = measure(" ") if any(space_before) else 0.0
    fw, lb, rb = _blank_halves(chars, adv, ink, em)
    jn = _junctions(chars, space_before, hard, fw, lb, rb, space_w, em)
    cap_l, cap_r = _shrink_caps(lb, rb, jn, em)
    # only between two marks, and never more than half an em at one junction, pair compression
    # included: no mark loses more; a mark beside a character keeps its full width in mid-line
    shrink = [
        min(cap_r[j] + cap_l[j + 1], max(0.0, em / 2 + min(jn.kern[j], 0.0))) if fw[j] and fw[j + 1] else 0.0
        for j in range(n - 1)
    ]
    end_shrink = [cap_r[i] if fw[i] and chars[i] in INK_LEFT else 0.0 for i in range(n)]
    letter = [
        not (c in FW_PUNCT or c in LONG_MARKS or c == IDEO_SPACE or (is_latin(c) and not c.isalnum())) for c in chars
    ]
    return _Para(chars, adv, jn.kern, jn.can_break, shrink, jn.stretch, hard, end_shrink, letter)


def typeset(
    text: str,
    width: float,
    measure: Measure,
    *,
    size: float,
    indent: float = 0.0,
    align: str = "justify",
    ink: Ink | None = None,
    min_last: int = 2,
    stretch_first: float = 0.0,
) -> list[Line]:
    """Break `text` into lines of `width` points and place every glyph.

    measure(ch) gives a character's advance in points; ink(ch), if given, the (left, right) x
    of a full-width mark's ink, so its blank half is known (default: Simplified-Chinese
    placement, ink left for ，。”, right for “（). size is the em. A '\n' is a hard break.
    The first line is indented by `indent` points; a paragraph's last line keeps at least
    `min_last` characters when a character can be pulled down to it.
    stretch_first (em): when the longest fit needs its marks squeezed, but ending the line at
    the previous break point needs no more than this much extra space per junction, the
    line is stretched instead. Squeezed centred marks (Traditional forms) look cramped long
    before evenly spread characters look loose, so zh-Hant asks for more of this than zh-Hans.
    """
    p = _prepare(text, measure, ink, size)
    if not p.chars:
        return []
    w = _Widths(p)
    breaks = _greedy_breaks(p, w, width, indent, stretch_first * size)
    _pull_down_orphans(breaks, p, min_last, width, w.fits)
    return _lines(p, w, breaks, width, indent, align)


class _Widths:
    """Widths of runs of glyphs by prefix sums: natural(s, e) = A[e+1]-A[s] + K[e]-K[s], and
    what the run may shrink, C[e]-C[s]."""

    def __init__(self, p: _Para) -> None:
        self.p = p
        self.A = [0.0]
        for a in p.adv:
            self.A.append(self.A[-1] + a)
        self.K = [0.0]
        self.C = [0.0]
        for j in range(len(p.chars) - 1):
            self.K.append(self.K[-1] + p.kern[j])
            self.C.append(self.C[-1] + p.shrink[j])

    def natural(self, s: int, e: int) -> float:
        return self.A[e + 1] - self.A[s] + self.K[e] - self.K[s]

    def shrinkable(self, s: int, e: int) -> float:
        return self.C[e] - self.C[s]

    def fits(self, s: int, e: int, avail: float) -> bool:
        return self.natural(s, e) - self.shrinkable(s, e) - self.p.end_shrink[e] <= avail + EPS


def _greedy_breaks(p: _Para, w: _Widths, width: float, indent: float, stretch: float) -> list[tuple[int, int]]:
    """(first, last) glyph of each line: the longest that fits with its marks compressed, or,
    within `stretch` pt per junction, the previous break point set loose instead."""
    n = len(p.chars)
    breaks: list[tuple[int, int]] = []
    s = 0
    while s < n:
        avail = width - (indent if s == 0 else 0.0)
        best = -1
        e = s
        while e < n:
            if e > s and not w.fits(s, e, avail):
                break
            if e == n - 1 or p.can_break[e]:
                best = e
                if e < n - 1 and p.hard[e]:
                    break
            e += 1
        if best < 0:  # an unbreakable run longer than the line: cut it where it overflows
            best = max(s, e - 1)
        elif stretch > 0 and best < n - 1 and w.natural(s, best) > avail + EPS:
            best = _prefer_stretch(p, s, best, avail, w.natural, stretch)
        breaks.append((s, best))
        s = best + 1
    return breaks


def _lines(p: _Para, w: _Widths, breaks, width: float, indent: float, align: str) -> list[Line]:
    """Each line placed; a full-width space at a line's start or end is dropped like a space."""
    n = len(p.chars)
    lines: list[Line] = []
    for s, e in breaks:
        first, last = s == 0, e == n - 1 or p.hard[e]
        while s < e and p.chars[s] == IDEO_SPACE:
            s += 1
        while e > s and p.chars[e] == IDEO_SPACE:
            e -= 1
        if p.chars[s] == IDEO_SPACE:
            continue
        avail = width - (indent if first else 0.0)
        x0 = indent if first else 0.0
        lines.append(_place(p, s, e, avail, x0, w.natural(s, e), w.shrinkable(s, e), last, align, first))
    return lines


def _prefer_stretch(p: _Para, s: int, best: int, avail: float, natural, limit: float) -> int:
    """The last break point whose line needs no squeezing, if it needs little stretching per
    junction; otherwise the longest (squeezed) fit."""
    for alt in range(best - 1, s, -1):
        if not p.can_break[alt] or p.hard[alt]:
            continue
        slack = avail - natural(s, alt)
        if slack < -EPS:
            continue
        slots = sum(1 for j in range(s, alt) if p.stretch[j])
        return alt if slots and slack / slots <= limit else best
    return best


def _pull_down_orphans(breaks, p: _Para, min_last: int, width: float, fits) -> None:
    """A paragraph's last line holds at least min_last characters that are not punctuation
    (系。 or 员） alone is an orphan too): pull characters down to it."""
    k = len(breaks) - 1

    def letters(s: int, e: int) -> int:
        return sum(p.letter[s : e + 1])

    while k >= 1:
        s, e = breaks[k]
        ps, pe = breaks[k - 1]
        if letters(s, e) >= min_last or p.hard[pe]:
            break
        moved = False
        for j in range(pe - 1, ps - 1, -1):
            if p.can_break[j] and not p.hard[j] and fits(j + 1, e, width):
                breaks[k - 1] = (ps, j)
                breaks[k] = (j + 1, e)
                moved = True
                break
        if not moved or letters(*breaks[k]) >= min_last:
            break


def _place(
    p: _Para, s: int, e: int, avail: float, x0: float, nat: float, cap: float, last: bool, align: str, first: bool
) -> Line:
    gaps = [p.kern[j] for j in range(s, e)]
    diff = avail - nat
    hang = 0.0
    if diff < -EPS and p.end_shrink[e] > 0:  # a mark ending the line is set half width first:
        hang = min(-diff, p.end_shrink[e])  # its blank half lies past the edge, its ink inside
        diff += hang
        nat -= hang
    if diff < -EPS and cap > 0:  # still too long: squeeze adjacent marks' blank halves, evenly
        ratio = min(1.0, -diff / cap)
        gaps = [g - p.shrink[j] * ratio for g, j in zip(gaps, range(s, e), strict=True)]
        nat -= cap * ratio
    offset = x0
    if align == "justify" and not last and diff > EPS:
        slots = [i for i, j in enumerate(range(s, e)) if p.stretch[j]]
        if slots:  # spread the slack over every junction: never one visible gap
            extra = diff / len(slots)
            for i in slots:
                gaps[i] += extra
            nat = avail
    elif align == "center":
        offset += max(0.0, (avail - nat) / 2)
    elif align == "right":
        offset += max(0.0, avail - nat)
    xs = []
    x = offset
    for i in range(s, e + 1):
        xs.append(x)
        if i < e:
            x += p.adv[i] + gaps[i - s]
    end = x + p.adv[e] - hang
    return Line("".join(p.chars[s : e + 1]), tuple(xs), end, last, s, first)
