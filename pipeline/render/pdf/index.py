"""A book's author index: every author once, with the pages their articles open on.

The index closes the book, so when its lines are laid out every article has been drawn and its
page is known (layout._State.pages): the numbers are real folios, read at layout time rather
than guessed. Two balanced columns, a letter heading before each initial (the surname's
pinyin), the collective bylines last under their own heading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.platypus import BalancedColumns, Flowable, PageBreakIfNotEmpty

from .flowables import TextStyle, draw_leader, draw_line, glue

if TYPE_CHECKING:
    from .layout import Booklet

NUMBER_SEPARATOR = "，"
DIGITS = "0123456789"


class IndexLine(Flowable):
    """A name, dot leaders, the page numbers of its articles (on a line of their own, set
    right, when they do not fit beside the name)."""

    def __init__(self, name: str, keys: list[str], pages: dict[str, int], ts: TextStyle):
        super().__init__()
        self.name, self.keys, self.pages, self.ts = name, keys, pages, ts
        self._two_lines = False

    def __repr__(self) -> str:
        return f"IndexLine({self.name!r})"

    def numbers(self) -> str:
        missing = [k for k in self.keys if k not in self.pages]
        if missing:  # the index stands after every article: a bug if one has not been drawn yet
            raise RuntimeError(f"author index: no page for {', '.join(missing)} when laying out {self.name}")
        return NUMBER_SEPARATOR.join(str(p) for p in sorted({self.pages[k] for k in self.keys}))

    def _width(self, text: str) -> float:
        return sum(self.ts.measure(c) for c in text)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        need = self._width(self.name) + self._width(self.numbers()) + 2 * self.ts.size
        self._two_lines = need > aW
        self.height = self.ts.leading * (2 if self._two_lines else 1)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []  # an entry is never split between columns or pages

    def draw(self) -> None:
        c, ts = self.canv, self.ts
        c.setFillColor(HexColor(ts.color))
        base = ts.baseline()
        y = self.height - base
        name = ts.lines(self.name, self.width)[0]
        draw_line(c, ts, name, 0.0, y)
        nums = self.numbers()
        num_line = ts.lines(nums, self._width(nums) + 1)[0]
        if self._two_lines:
            y -= ts.leading
            start = ts.size
        else:
            start = name.end + ts.size * 0.5
        x = self.width - num_line.end
        draw_leader(c, ts, start, x - ts.size * 0.3, y)
        c.setFillColor(HexColor(ts.color))
        draw_line(c, ts, num_line, x, y)


def _groups(b: Booklet) -> list[tuple[str, list]]:
    """(heading, entries) in index order: a letter per initial, then the collective bylines."""
    out: list[tuple[str, list]] = []
    for e in b.doc.index:
        head = b.labels.collectives if e.collective else e.group
        if not out or out[-1][0] != head:
            out.append((head, []))
        out[-1][1].append(e)
    return out


def collect(b: Booklet) -> None:
    """The characters the index will draw, for the font subsets."""
    t = b.texts
    t.add("lead_heading", b.labels.author_index)
    for head, entries in _groups(b):
        t.add("heading", head)
        for e in entries:
            t.add("index", e.name)
    t.add("index", DIGITS + NUMBER_SEPARATOR)


def story(b: Booklet) -> list[Flowable]:
    """The index on pages of its own: heading, then the groups in two balanced columns."""

    ts = b.ts("index")
    items: list[Flowable] = []
    for head, entries in _groups(b):
        items.append(b._block(head, "heading"))
        items += [IndexLine(e.name, [f"art{k + 1}" for k in e.articles], b.state.pages, ts) for e in entries]
    columns = BalancedColumns(glue([], items), nCols=2, innerPadding=2 * ts.size, needed=3 * ts.leading)
    heads: list[Flowable] = [
        b.anchor("index", b.labels.author_index, 0, running=True),
        b._block(b.display(b.labels.author_index, "lead_heading"), "lead_heading"),
    ]
    return [PageBreakIfNotEmpty(), *heads, columns]
