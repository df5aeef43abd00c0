"""What a line's shape says: as wide as a column line, wider, clearly short, worded like a
headline (measured against the column the page estimates round the line)."""

from __future__ import annotations

from ..matching import LABEL
from ..page import PageState
from .context import clearly_short, headline_like, headline_shaped, joined_block, short_block


def looks(st: PageState, i: int) -> bool:
    """Looks like a headline line: by its size, a joined block, a column label closing it, or
    a block of its own on a page an engine laid out in blocks."""
    if headline_like(st, i) or joined_block(st, i):
        return True
    return headline_shaped(st, i) and (bool(LABEL.search(st.lines[i].text)) or short_block(st, i))


def body_width(st: PageState, i: int) -> bool:
    """As wide as a line of running text: full, or a first line indented 2 em."""
    col, w = st.columns[i], st.lines[i].width
    return col - st.profile.paragraph.indent - 1.0 <= w <= col + 1.0


def wide_headline(st: PageState, k: int) -> bool:
    """Worded like a headline and wider than its column by more than a hung mark."""
    return off_column(st, k) and st.lines[k].width > st.columns[k] and headline_shaped(st, k)


def off_column(st: PageState, i: int) -> bool:
    """Wider than its column, or clearly short of it, and not spread out: no full column line."""
    ln = st.lines[i]
    return not ln.spaced and (ln.width >= st.columns[i] + 0.75 or clearly_short(st, i))


def wider(st: PageState, i: int) -> bool:
    """Wider than its column and not spread out: the wide half of off_column."""
    ln = st.lines[i]
    return not ln.spaced and ln.width >= st.columns[i] + 0.75


def terse(st: PageState, i: int) -> bool:
    """Worded like a headline, not like two column lines the OCR ran together: at most one
    pause mark and no gap inside."""
    t = st.lines[i].text
    return sum(t.count(m) for m in "，、,") <= 1 and " " not in t
