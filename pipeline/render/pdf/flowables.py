"""Platypus flowables that draw our typeset lines glyph by glyph.

Text is only ever passed to canvas text operators, never to reportlab's Paragraph markup:
document text is data, so `<img src=...>` prints literally and cannot inject anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ..headline import balance
from .fonts import FontSet
from .linebreak import Line, typeset

BASELINE = 0.88  # the ideographic em box spans -0.12 .. 0.88 em around the baseline
TOL = 1e-4


@dataclass(eq=False)
class TextStyle:
    """One role of the sheet resolved against the document's fonts: all a text block needs."""

    fonts: FontSet
    font_role: str
    size: float
    leading: float
    color: str
    indent: float = 0.0  # pt, the first line's
    left: float = 0.0  # pt: the whole block set in from the frame's edges (a quotation)
    right: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    align: str = "left"
    stretch_first: float = 0.0  # em per junction a line may stretch rather than squeeze its marks
    _adv: dict[str, float] = field(default_factory=dict, repr=False)
    _lines: dict[tuple[str, float], list[Line]] = field(default_factory=dict, repr=False)

    def measure(self, ch: str) -> float:
        a = self._adv.get(ch)
        if a is None:
            a = self._adv[ch] = self.fonts.font(self.font_role, ch).advance(ch, self.size)
        return a

    def ink(self, ch: str) -> tuple[float, float] | None:
        return self.fonts.font(self.font_role, ch).ink_box(ch, self.size)

    def lines(self, text: str, width: float) -> list[Line]:
        key = (text, round(width, 3))
        if key not in self._lines:
            self._lines[key] = typeset(
                text,
                width,
                self.measure,
                size=self.size,
                indent=self.indent,
                align=self.align,
                ink=self.ink,
                stretch_first=self.stretch_first,
            )
        return self._lines[key]

    def baseline(self) -> float:
        """Distance from a line box's top to its baseline: the em box centred in the leading."""
        return (self.leading - self.size) / 2 + BASELINE * self.size


def draw_line(canv: Canvas, ts: TextStyle, line: Line, x: float, y: float) -> None:
    """Draw one line at baseline y: runs of one font and one letter-spacing share a text op."""
    chars, xs = line.chars, line.xs
    runs: list[tuple[str, int, str, float]] = []  # font, first index, text, charspace
    i = 0
    n = len(chars)
    while i < n:
        font = ts.fonts.font(ts.font_role, chars[i]).name
        j = i + 1
        space = None
        while j < n and ts.fonts.font(ts.font_role, chars[j]).name == font:
            gap = xs[j] - xs[j - 1] - ts.measure(chars[j - 1])
            if space is None:
                space = gap
            elif abs(gap - space) > TOL:
                break
            j += 1
        runs.append((font, i, chars[i:j], space or 0.0))
        i = j
    tx = canv.beginText()
    cur_font = None
    cur_space = 0.0
    for font, first, text, space in runs:
        if font != cur_font:
            tx.setFont(font, ts.size)
            cur_font = font
        if abs(space - cur_space) > TOL:
            tx.setCharSpace(space)
            cur_space = space
        for k, piece in _pieces(canv, font, text) if space else ((0, text),):
            tx.setTextOrigin(x + xs[first + k], y)
            tx.textOut(piece)
    if cur_space:
        tx.setCharSpace(0)  # Tc outlives the text object: leave it as we found it
    canv.drawText(tx)


def _pieces(canv: Canvas, font_name: str, text: str) -> list[tuple[int, str]]:
    """Split a run where reportlab switches to another 256-glyph subset of the font.

    Each piece then starts from its own text origin: some readers (pdfminer) apply the
    letter-spacing Tc only between the glyphs of one string, so a run that spans two Tj
    operators would read back misplaced although viewers draw it right.
    """
    font = pdfmetrics.getFont(font_name)
    if not getattr(font, "_dynamicFont", False):
        return [(0, text)]
    out = []
    k = 0
    for _subset, codes in font.splitString(text, canv._doc):
        out.append((k, text[k : k + len(codes)]))
        k += len(codes)
    return out


class TextBlock(Flowable):
    """A paragraph (or heading, title, bio) set by our line breaker; splits between lines."""

    def __init__(
        self,
        text: str,
        ts: TextStyle,
        *,
        kind: str = "body",
        lines: list[Line] | None = None,
        space_before: float | None = None,
        space_after: float | None = None,
        splittable: bool = True,
    ):
        super().__init__()
        self.text = text
        self.ts = ts
        self.kind = kind
        self._fixed = lines
        self.spaceBefore = ts.space_before if space_before is None else space_before
        self.spaceAfter = ts.space_after if space_after is None else space_after
        self.splittable = splittable
        self._width = 0.0

    def __repr__(self) -> str:
        return f"TextBlock({self.kind}, {self.text[:12]!r})"

    def lines(self, width: float) -> list[Line]:
        """The block's lines in a frame `width` wide (less the role's block indents)."""
        if self._fixed is not None:
            return self._fixed
        return self.ts.lines(self.text, width - self.ts.left - self.ts.right)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self._width = aW
        self.width = aW
        self.height = len(self.lines(aW)) * self.ts.leading
        return aW, self.height

    def split_at(self, aW: float, aH: float) -> int:
        """How many lines go on this page: 0 if none should (orphan/widow control)."""
        lines = self.lines(aW)
        total = len(lines)
        k = min(total, int((aH + 1e-6) // self.ts.leading))
        if k >= total:
            return k
        if not self.splittable and not _at_top(self):
            return 0  # a heading moves whole; only one taller than a page is ever split
        if k < 2:
            return 0  # never a paragraph's first line alone at the foot of a page
        if total - k < 2:
            k = total - 2  # never its last line alone at the top of the next: pull one over
        return k if k >= 2 else 0

    def split(self, aW: float, aH: float) -> list[Flowable]:
        k = self.split_at(aW, aH)
        lines = self.lines(aW)
        if k <= 0 or k >= len(lines):
            return []
        return [self.part(lines[:k], first=True), self.part(lines[k:], first=False)]

    def part(self, lines: list[Line], first: bool) -> TextBlock:
        return TextBlock(
            self.text,
            self.ts,
            kind=self.kind,
            lines=lines,
            space_before=self.spaceBefore if first else 0.0,
            space_after=0.0 if first else self.spaceAfter,
        )

    def draw(self) -> None:
        lines = self.lines(self._width)
        self.canv.setFillColor(HexColor(self.ts.color))
        top = self.height
        base = self.ts.baseline()
        for i, line in enumerate(lines):
            draw_line(self.canv, self.ts, line, self.ts.left, top - i * self.ts.leading - base)


def _at_top(f: Flowable) -> bool:
    """Whether f is being placed at the top of an empty frame (moving it on would not help)."""
    frame = getattr(f, "_frame", None)
    return bool(frame is not None and getattr(frame, "_atTop", False))


class KeepGroup(Flowable):
    """Headings glued to the first lines of what follows them.

    A heading is never the last line on a page, and an article's title block always stands
    with its first lines: the group goes to the next page unless the heads and at least two
    lines of the follower fit (platypus' own KeepTogether would move a whole long paragraph).
    """

    def __init__(self, heads: list[Flowable], follower: Flowable | None):
        super().__init__()
        self.heads = heads
        self.follower = follower
        self.spaceBefore = heads[0].getSpaceBefore() if heads else 0.0
        self.spaceAfter = follower.getSpaceAfter() if follower else heads[-1].getSpaceAfter()
        self._sizes: list[tuple[float, float]] = []

    @property
    def items(self) -> list[Flowable]:
        return [*self.heads, self.follower] if self.follower is not None else list(self.heads)

    def _stack(self, aW: float, aH: float, items: list[Flowable]) -> float:
        h = 0.0
        self._sizes = []
        for i, f in enumerate(items):
            before = f.getSpaceBefore() if i else 0.0
            _, fh = f.wrap(aW, max(aH - h - before, 0.0))
            self._sizes.append((before, fh))
            h += before + fh + (f.getSpaceAfter() if i < len(items) - 1 else 0.0)
        return h

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self.height = self._stack(aW, aH, self.items)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        heads_h = self._stack(aW, aH, self.heads)
        f = self.follower
        if f is not None:
            room = aH - heads_h - (self.heads[-1].getSpaceAfter() if self.heads else 0.0) - f.getSpaceBefore()
            parts = f.split(aW, room) if room > 0 else []
            if len(parts) == 2:
                return [KeepGroup(self.heads, parts[0]), parts[1]]
        if _at_top(self):
            return self.items  # taller than a page: keeping together is impossible, so don't
        return []

    def draw(self) -> None:
        y = self.height
        items = self.items
        self._stack(self.width, self.height, items)
        for i, (f, (before, fh)) in enumerate(zip(items, self._sizes, strict=True)):
            y -= before
            f.drawOn(self.canv, 0, y - fh)
            y -= fh + (f.getSpaceAfter() if i < len(items) - 1 else 0.0)


class Anchor(Flowable):
    """Zero-size mark: bookmark, outline entry and running-header title where it lands.

    `running`: the title names the pages that follow (an article, a part) in running heads; a
    subheading's does not. By default the outline's top level does.
    """

    def __init__(
        self,
        key: str,
        title: str,
        level: int,
        on_draw: Callable[[str, str, bool, int], None],
        running: bool | None = None,
    ):
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.running = level == 0 if running is None else running
        self.on_draw = on_draw
        self.width = self.height = 0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        c = self.canv
        c.bookmarkHorizontal(self.key, 0, 0)
        c.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)
        self.on_draw(self.key, self.title, self.running, c.getPageNumber())


class Rule(Flowable):
    """A short horizontal rule (the line that sets an author bio off from the text)."""

    def __init__(self, length: float, color: str, space_before: float, gap: float, thickness: float = 0.5):
        super().__init__()
        self.length, self.color, self.thickness = length, color, thickness
        self.spaceBefore = space_before
        self.spaceAfter = 0.0
        self.gap = gap

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = aW, self.gap
        return aW, self.gap

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(HexColor(self.color))
        c.setLineWidth(self.thickness)
        c.line(0, self.gap - self.thickness, self.length, self.gap - self.thickness)


class TocEntry(Flowable):
    """A contents line: title, dot leaders, page number (a form filled in once pages are known)."""

    def __init__(
        self,
        text: str,
        ts: TextStyle,
        form: str,
        num_width: float,
        lines: list[Line] | None = None,
        sub: TextBlock | None = None,
        indent: float = 0.0,
    ):
        super().__init__()
        self.text, self.ts, self.form = text, ts, form
        self.num_width = num_width
        self.sub = sub  # the authors, set small under the title
        self.indent = indent  # an entry under a book's part is set in
        self.spaceBefore = ts.space_before
        self.spaceAfter = ts.space_after
        self._fixed = lines
        self._lines: list[Line] = []

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        w = aW - self.indent - self.num_width - 2 * self.ts.size
        # a title too long for one line breaks where a headline should (its own line break first)
        self._lines = self._fixed or self.ts.lines(balance(self.text, w, self.ts.measure, self.ts.size), w)
        sub_h = self.sub.wrap(w, aH)[1] if self.sub else 0.0
        self.height = len(self._lines) * self.ts.leading + sub_h
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        """Only an entry taller than a page splits (its number goes with the last part)."""
        self.wrap(aW, aH)
        k = int((aH + 1e-6) // self.ts.leading)
        if not _at_top(self) or not 0 < k < len(self._lines):
            return []
        head = TocEntry(self.text, self.ts, "", self.num_width, self._lines[:k], indent=self.indent)
        tail = TocEntry(self.text, self.ts, self.form, self.num_width, self._lines[k:], self.sub, self.indent)
        return [head, tail]

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(HexColor(self.ts.color))
        base = self.ts.baseline()
        y = self.height - base
        for i, line in enumerate(self._lines):
            y = self.height - i * self.ts.leading - base
            draw_line(c, self.ts, line, self.indent, y)
        if self.sub is not None:
            self.sub.drawOn(c, self.indent, 0)
            c.setFillColor(HexColor(self.ts.color))
        if not self.form:
            return
        last = self._lines[-1] if self._lines else None
        start = self.indent + (last.end if last else 0.0) + self.ts.size * 0.5
        draw_leader(c, self.ts, start, self.width - self.num_width - self.ts.size * 0.3, y)
        c.saveState()
        c.translate(self.width, y)
        c.doForm(self.form)
        c.restoreState()


def draw_leader(c: Canvas, ts: TextStyle, start: float, stop: float, y: float) -> None:
    """Dot leaders from x=start to x=stop on the line whose baseline is y (contents, index)."""
    if stop <= start:
        return
    c.saveState()
    c.setStrokeColor(HexColor(ts.color))
    c.setLineWidth(0.9)
    c.setLineCap(1)
    c.setDash([0.01, ts.size * 0.45])
    mid = y + ts.size * 0.3
    c.line(start, mid, stop, mid)
    c.restoreState()


class CoverPage(Flowable):
    """The title page: booklet title, subtitle, rule, then date and publisher near the foot."""

    def __init__(self, title: TextBlock, subtitle: TextBlock | None, foot: list[TextBlock], color: str):
        super().__init__()
        self.title, self.subtitle, self.foot, self.color = title, subtitle, foot, color

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = aW, aH - 1
        return self.width, self.height

    def draw(self) -> None:
        c, w, h = self.canv, self.width, self.height
        _, th = self.title.wrap(w, h)
        y = h * 0.68
        self.title.drawOn(c, 0, y - th / 2)
        y -= th / 2 + self.title.getSpaceAfter()
        c.setStrokeColor(HexColor(self.color))
        c.setLineWidth(0.8)
        c.line(w * 0.35, y, w * 0.65, y)
        y -= 12
        if self.subtitle is not None:
            _, sh = self.subtitle.wrap(w, h)
            self.subtitle.drawOn(c, 0, y - sh)
        y = h * 0.08
        for block in reversed(self.foot):
            _, bh = block.wrap(w, h)
            block.drawOn(c, 0, y)
            y += bh


class KeepTail(Flowable):
    """A paragraph's last lines kept with what closes the article under it (the bio and its
    rule): the bio never opens a page alone; at least two lines of the text go over with it
    (platypus' keepWithNext would move the whole paragraph)."""

    def __init__(self, body: TextBlock, tail: Flowable):
        super().__init__()
        self.body, self.tail = body, tail
        self.spaceBefore = body.getSpaceBefore()
        self.spaceAfter = tail.getSpaceAfter()
        self._sizes: list[float] = []

    def _gap(self) -> float:
        return self.body.getSpaceAfter() + self.tail.getSpaceBefore()

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        _, bh = self.body.wrap(aW, aH)
        _, th = self.tail.wrap(aW, max(aH - bh - self._gap(), 0.0))
        self._sizes = [bh, th]
        self.width, self.height = aW, bh + self._gap() + th
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        lines = self.body.lines(aW)
        n = len(lines)
        k = min(self.body.split_at(aW, aH), n - TAIL_LINES)  # (the tail never fits here: we split)
        if k < 2:
            return [self.body, self.tail] if _at_top(self) else []  # (too short to leave lines behind)
        return [self.body.part(lines[:k], first=True), KeepTail(self.body.part(lines[k:], first=False), self.tail)]

    def draw(self) -> None:
        th = self._sizes[1]  # (wrap came first)
        self.tail.drawOn(self.canv, 0, 0)
        self.body.drawOn(self.canv, 0, th + self._gap())


TAIL_LINES = 2  # a paragraph's lines at least that go over to the page its bio opens


def keep_tail(out: list[Flowable]) -> list[Flowable]:
    """The last flowable (an article's bio group) kept with the last lines of the paragraph
    before it, where that is a paragraph of our own setting."""
    if len(out) < 2:
        return out
    body, tail = out[-2], out[-1]
    if isinstance(body, TextBlock) and body.splittable:
        return [*out[:-2], KeepTail(body, tail)]
    if isinstance(body, KeepGroup) and isinstance(body.follower, TextBlock) and body.follower.splittable:
        # (an article of one paragraph: its title block, its text, its bio)
        return [*out[:-2], KeepGroup(body.heads, KeepTail(body.follower, tail))]
    return out


def glue(heads: list[Flowable], items: list[Flowable]) -> list[Flowable]:
    """Group every run of headings (and anchors) with the block that follows it."""
    out: list[Flowable] = []
    pending = list(heads)
    for f in items:
        if isinstance(f, Anchor) or (isinstance(f, TextBlock) and not f.splittable) or isinstance(f, Rule):
            pending.append(f)
            continue
        if pending:
            out.append(KeepGroup(pending, f))
            pending = []
        else:
            out.append(f)
    if pending:
        out.append(KeepGroup(pending, None))
    return out
