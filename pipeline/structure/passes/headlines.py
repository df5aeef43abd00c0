"""Headlines: unmarked lines where a headline can stand, wherever the OCR put them.

The reading order of an OCR puts a headline before its byline, after the byline, after its
own article's bio, with the others at the page end, or, when the headline spans several
columns, between two lines of its article's first column. A run of unmarked lines is
claimed according to where it stands:
- between two anchors (after a bio or the page top, before a byline, a bio or the page end)
  every unmarked line is headline material;
- right before a byline, the lines next to it, and earlier ones only if they look like
  headline lines themselves (short of the column, larger, or joined to the next);
- inside running text, only lines that look like headline lines and cut an unfinished
  sentence (the line before is full and unfinished, the line after goes on): what tells a
  displaced headline from a subheading between paragraphs (the paragraph pass decides those)
  or a paragraph's last line that lost its full stop.
"""

from __future__ import annotations

from ..matching import LABEL
from ..page import HeadBlock, PageState, Role, Shape
from ..signs import ends_with_mark
from ..text_forms import canonical, headline_text
from .context import (
    body_like,
    headline_like,
    headline_shaped,
    is_full,
    joined_block,
    next_line,
    prev_line,
    short_block,
    wide,
)


def _column_line(st: PageState, i: int) -> bool:
    """Measured evidence against a headline: the line is set at body size inside a column of
    running text (a geometric reader's column, with body-size lines right above or below it)."""
    g = st.lines[i].geo
    if g is None or g.size >= 1.1:
        return False

    def run(step: int) -> int:
        n, j = 0, i + step
        while 0 <= j < len(st.lines) and n < 2:
            h = st.lines[j].geo
            if h is None or (h.band, h.column) != (g.band, g.column) or h.size >= 1.1:
                break
            n, j = n + 1, j + step
        return n

    return run(-1) >= 2 or run(1) >= 2


def _display_piece(st: PageState, i: int) -> bool:
    """Measured: a short piece set large and stacked with the lines of a headline block (而是“
    on its own row), which the text alone cannot tell from a stray fragment."""
    ln = st.lines[i]
    if ln.geo is None or ln.geo.size < 1.25:
        return False
    return ln.joined or (i > 0 and st.lines[i - 1].joined and st.lines[i - 1].no == ln.no - 1)


def _runs(st: PageState) -> list[list[int]]:
    """Consecutive free lines shaped like headline lines (furniture between them is skipped)."""
    runs: list[list[int]] = []
    cur: list[int] = []
    for i in range(len(st.lines)):
        if st.free(i) and (headline_shaped(st, i) or _display_piece(st, i)) and not _column_line(st, i):
            cur.append(i)
        elif not (st.role(i) == Role.FURNITURE and cur):
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _looks(st: PageState, i: int) -> bool:
    """Looks like a headline line: by its size, a joined block, a column label closing it, or
    a block of its own on a page an engine laid out in blocks."""
    if headline_like(st, i) or joined_block(st, i):
        return True
    return headline_shaped(st, i) and (bool(LABEL.search(st.lines[i].text)) or short_block(st, i))


def _body_width(st: PageState, i: int) -> bool:
    """As wide as a line of running text: full, or a first line indented 2 em."""
    col, w = st.columns[i], st.lines[i].width
    return col - st.profile.paragraph.indent - 1.0 <= w <= col + 1.0


def _unfinished(st: PageState, j: int | None) -> bool:
    """Line j is running text whose sentence goes on to the next line."""
    return j is not None and st.free(j) and not ends_with_mark(st.lines[j].text) and is_full(st, j)


def _headline_sized(st: PageState, run: list[int]) -> bool:
    """A run that could all be headlines: a few lines, lines that each look like one, or lines
    none of which reads as a column line of running text (several headlines stacked)."""
    return len(run) <= st.profile.headline.max_lines or all(_looks(st, i) for i in run) or _few_wide(st, run)


def _few_wide(st: PageState, run: list[int]) -> bool:
    """Several headlines stacked (page-end): lines no narrower than the column say nothing;
    a run of them is headlines only if not one reads as a column line (full, unfinished)."""
    return not any(is_full(st, i, slack=0.5) and not ends_with_mark(st.lines[i].text) for i in run)


def _where(before: Role | None, after: Role | None, first: bool, last: bool) -> str:
    """The kind of place a run stands in, from the claims around it."""
    if before == Role.BYLINE:
        return "after-byline"
    if first or before in (Role.LEAD, Role.LEAD_MARKER):
        return "page-start"
    if before == Role.BIO:
        return "after-bio"
    if after == Role.BYLINE:
        return "before-byline"
    return "page-end" if last else "between"


def _before_byline(st: PageState, run: list[int]) -> list[int]:
    """Right before a byline: the line next to it, and earlier ones that look like headline
    lines, never the end of an unfinished sentence."""
    take: list[int] = []
    for i in reversed(run):
        if take and not _looks(st, i):
            break
        take.insert(0, i)
    while len(take) > 1 and _unfinished(st, prev_line(st, take[0])) and not _looks(st, take[0]):
        take.pop(0)
    return take


def _after_anchor(st: PageState, run: list[int]) -> list[int]:
    """Right after an anchor the headline's lines come first; the body begins with a line as
    wide as its column (or indented 2 em). A column label closes the headline."""
    take: list[int] = []
    total = 0
    for i in run[: st.profile.headline.max_pieces]:
        total += st.lines[i].han
        if not (_looks(st, i) or not _body_width(st, i)) or total > st.profile.headline.max_total:
            break
        take.append(i)
        if LABEL.search(st.lines[i].text):
            break
    return take


def _claimable(st: PageState, run: list[int]) -> tuple[list[int], str]:
    """The part of a run that is headline material, and where it stands."""
    j, k = prev_line(st, run[0]), next_line(st, run[-1])
    before = st.role(j) if j is not None else None
    after = st.role(k) if k is not None else None
    where = _where(before, after, j is None, k is None)
    finished = j is not None and before is None and ends_with_mark(st.lines[j].text)
    opened = j is None or before in (Role.BIO, Role.LEAD, Role.LEAD_MARKER) or finished
    closed = k is None or after in (Role.BYLINE, Role.BIO, Role.LEAD_MARKER)
    if opened and closed and not (j is None and k is None) and (not finished or _headline_sized(st, run)):
        # Between two anchors: all of it (after mere running text only if it reads as headlines).
        return run, where
    if after == Role.BYLINE:
        return _before_byline(st, run), "before-byline"
    if before in (Role.BIO, Role.BYLINE, Role.LEAD, Role.LEAD_MARKER) or j is None:
        return _after_anchor(st, run), where
    return _in_body(st, run), "in-body"


def _in_body(st: PageState, run: list[int]) -> list[int]:
    """Lines of a run inside running text that are a headline cutting it (at most one)."""
    limit = st.profile.headline.max_pieces
    # A cut is made of lines that look like headline lines, or is one line a column label
    # closes: only those are tried (most lines of running text are neither).
    looks = [_looks(st, i) for i in run]
    for start in range(len(run)):
        if not looks[start] and not LABEL.search(st.lines[run[start]].text):
            continue
        for size in range(min(limit, len(run) - start), 0, -1):  # the longest cut first
            if size > 1 and not all(looks[start : start + size]):
                continue
            part = run[start : start + size]
            if _cuts(st, part):
                return part
    return []


def _cuts(st: PageState, part: list[int]) -> bool:
    """The lines interrupt running text: set across the columns, or standing where a sentence
    goes on from the line before them to the line after them."""
    j, k = prev_line(st, part[0]), next_line(st, part[-1])
    if j is None or k is None or not (st.free(j) and st.free(k)):
        return False
    before = st.lines[j].text
    if any(wide(st, i) for i in part) and all(_looks(st, i) and _terse(st, i) for i in part):
        # No column line is that wide. Between two paragraphs it may still be a subheading set
        # across the column; cutting a sentence, or named by a column label, it is a headline.
        return not ends_with_mark(before) or bool(LABEL.search(st.lines[part[-1]].text))
    indent = st.profile.paragraph.indent
    if ends_with_mark(before) or not is_full(st, j, slack=1.5 + indent):
        return False  # a finished sentence before: a subheading or a new article (paragraph pass)
    if len(part) == 1 and LABEL.search(st.lines[part[0]].text):
        return True  # a column label (（人民时评）) closing a line that cuts a sentence: a headline
    if not body_like(st, k):
        return False
    return all(_looks(st, i) for i in part) and (is_full(st, k) or joined_block(st, part[0]))


def _terse(st: PageState, i: int) -> bool:
    """Worded like a headline, not like two column lines the OCR ran together: at most one
    pause mark and no gap inside."""
    t = st.lines[i].text
    return sum(t.count(m) for m in "，、,") <= 1 and " " not in t


def _split(st: PageState, run: list[int]) -> list[list[int]]:
    """A run into headlines: on a LINES page a single newline joins one headline's lines and a
    blank line separates two; elsewhere each line is a candidate (the assignment merges
    neighbours that point to the same article)."""
    limit = st.profile.headline.max_lines
    if st.shape != Shape.LINES:
        return [[i] for i in run]
    out: list[list[int]] = []
    cur: list[int] = []
    for i in run:
        cur.append(i)
        if not st.lines[i].joined or len(cur) >= limit:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _claim(st: PageState, take: list[int], where: str) -> None:
    for part in _split(st, take):
        text = headline_text([st.lines[i].text for i in part])
        if not canonical(text):
            continue
        st.heads.append(HeadBlock(part, text, where))
        for i in part:
            st.claim(i, Role.HEADLINE, where, "headlines")
        if where == "in-body":
            st.note("headline-in-body", st.lines[part[0]].no)


def headlines(st: PageState) -> None:
    for run in _runs(st):
        take, where = _claimable(st, run)
        if take:
            _claim(st, take, where)
        # What the run's place did not take may still hold a headline that cuts the text after
        # it (a byline, then the body's first lines, then a headline over several columns).
        rest = [i for i in run if i not in take]
        if rest and where != "in-body" and (cut := _in_body(st, rest)):
            _claim(st, cut, "in-body")
