"""The lead note's text: from its marker to the first article, wherever the OCR read it.

The marker usually opens the page; an OCR that read the lead's box last puts it after the
articles. Either way the lead runs to the next anchor (a byline, a bio, a second marker), less
the unmarked headline-like lines right before it (the first article's headline). Where no
anchor comes for longer than any lead note (an article without a byline follows), or none
comes at all, it runs to the first headline-like line after a finished sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..matching import LABEL
from ..page import PageState, Role
from ..signs import ends_sentence, ends_with_mark
from .context import (
    COLUMN_AFTER,
    column_after,
    headline_like,
    headline_shaped,
    narrow_piece,
    refine_columns,
    wide,
)
from .headline_words import bare

ANCHORS = (Role.BYLINE, Role.BIO, Role.LEAD_MARKER)
_PAUSES = re.compile("[，。；！？、]")


def _stop_early(st: PageState, m: int, k: int) -> int:
    """Inside a long stretch with no anchor: the first headline-like line after a finished
    sentence, where an article without a byline starts."""
    last_text: str | None = None
    for i in range(m + 1, k):
        if st.free(i):
            if last_text is not None and ends_with_mark(last_text) and _opens_article(st, i):
                return i
            last_text = st.lines[i].text
    return k


def _short_bare(st: PageState, m: int, k: int) -> int:
    """The first headline-like line far shorter than the lead's lines that ends on no mark: a
    lead's line so short ends its paragraph, on a mark. It opens the first article even where
    the OCR read the lead's columns out of order and the lead's last line read stops
    mid-sentence (汲取传统村落生态智慧, 10 em, after lead lines of 35 em ending 对于实现高质)."""
    widths: list[float] = []
    for i in range(m + 1, k):
        if not st.free(i):
            continue
        ln = st.lines[i]
        if ln.geo is not None:
            return k  # measured: the type's size tells the headline (_larger_type), not the width
        if len(widths) >= st.profile.lead.min_lines and not ends_with_mark(ln.text) and _opens_article(st, i):
            usual = sorted(widths)[len(widths) // 2]
            if ln.width <= st.profile.lead.short_ratio * usual and _narrow_after(st, i, usual):
                return i
        widths.append(ln.width)
    return k


def _narrow_after(st: PageState, i: int, usual: float) -> bool:
    """No line of the lead's width follows (the lead's lines are set across the page; the
    article's in columns): a short line the lead's own text reads on after (a column's
    line that an engine's order set among the lead's) ends nothing."""
    after = [j for j in range(i + 1, min(len(st.lines), i + 1 + AFTER)) if st.free(j)]
    return all(st.lines[j].width < st.profile.lead.narrower_after * usual for j in after)


def _opens_article(st: PageState, i: int) -> bool:
    """A headline-like line: one as wide as the lead's own lines only if a column label
    (（评论员观察）) closes it, since no line of the lead's text is so labelled."""
    return headline_like(st, i) and (not wide(st, i) or bool(LABEL.search(st.lines[i].text)))


# lines after a possible end of the lead that must be set narrower: six is two or three short
# paragraphs of a column, more than a lead's own short last lines or a wrapped quote can narrow.
AFTER = 6
MIN_AFTER = 3  # lines of text (a narrow box's pieces left out) after a lead's possible end that tell the column


def _narrows(st: PageState, m: int, k: int) -> int:
    """A lead set across the page ends where, after a finished sentence, the text narrows to
    a column for good: the lead's lines are wider than the column by as much as a line
    spanning columns (profile headline.wide); the article's first lines read after it."""
    free = [i for i in range(m + 1, k) if st.free(i)]
    widths = [st.lines[i].width for i in free]
    # (a narrow box's pieces are no text, and no more is a headline line a column label closes,
    # however wide: 音符跃动，谱写动人篇章（新语·文化强国名家谈） among the first column's lines)
    text = [n for n, i in enumerate(free) if not narrow_piece(st, i) and not LABEL.search(st.lines[i].text)]
    step = st.profile.headline.wide
    for n in range(1, len(free) - 3):
        # after a finished sentence, or where a narrow box's pieces begin (a byline, a narrow
        # headline) right after the lead's last line read, which the OCR's order of its
        # columns left unfinished (…惠民生。从田间到临 / 芦子龙 / 党性 / 修养不 / …)
        if not ends_sentence(st.lines[free[n - 1]].text) and not _piece_begins(st, free[n]):
            continue
        lead_col = sorted(widths[:n], reverse=True)[n // 4]
        at = bisect_left(text, n)
        after = sorted(widths[j] for j in text[at : at + AFTER])
        if len(after) < MIN_AFTER:
            break  # too little text follows to tell a column: a narrow box's pieces are no text
        column = after[len(after) // 2]
        if n == 1 and after[-1] > lead_col / 2:
            continue  # a lead of one line (one paragraph set across the page) only over columns
            # at most half as wide: a wide first row may be two of the lead's columns run together
        if lead_col - column >= step and after[-1] < lead_col - 1.0 and not _lead_line(st, free[n], lead_col, column):
            if _band_goes_on(st, free[0], [free[j] for j in text[at:]], lead_col - 2 * step):
                continue
            return free[n]
    return k


def _band_goes_on(st: PageState, first: int, after: list[int], wide: float) -> bool:
    """Measured: a line after, in the band of the lead's first line, is nearly as wide as the
    lead's: the lead goes on past a few pieces the layout cut off its lines' ends (…打造绿色
    发展 / 高地。”建 / 重要使命， / 设国家生态文明试验区承载着…); the articles start in a band of
    their own."""
    g = st.lines[first].geo
    if g is None:
        return False
    return any((h := st.lines[i].geo) is not None and h.band == g.band and st.lines[i].width >= wide for i in after)


def _piece_begins(st: PageState, i: int) -> bool:
    """A line of a few characters that ends on no mark: a byline's or a narrow headline's
    piece, not the short last line of the lead's paragraph (然路径。)."""
    return narrow_piece(st, i) and not ends_with_mark(st.lines[i].text)


def _lead_line(st: PageState, i: int, lead_col: float, column: float) -> bool:
    """Line i is nearer the lead's width than the column's and no headline: the lead's own (the
    indented first line of its next paragraph is narrower than its full lines, and the OCR may
    read it last: …惠民生。从田间到临)."""
    w = st.lines[i].width
    return w - column > lead_col - w and not headline_shaped(st, i)


def _larger_type(st: PageState, m: int, k: int) -> int:
    """Measured: the lead's text ends before the first line set larger than the body after
    some of its text (a headline; a geometric reader gives the sizes)."""
    seen = False
    for i in range(m + 1, k):
        g = st.lines[i].geo
        if g is not None and g.size >= st.profile.size.large and seen:
            return i
        seen = seen or (st.free(i) and (g is None or g.size < st.profile.size.large))
    return k


def lead(st: PageState) -> None:
    refine_columns(st)
    m = st.lead_marker
    if m is None:
        _unmarked(st)
        return
    k = m + 1
    while k < len(st.lines) and st.role(k) not in ANCHORS:
        k += 1
    k = _narrows(st, m, _larger_type(st, m, k))
    chars = sum(st.lines[i].han for i in range(m + 1, k))
    if chars > st.profile.lead.max_chars or k == len(st.lines):
        k = _stop_early(st, m, k)
    else:
        # Unmarked lines right before the anchor are the first article's headline: the line next
        # to it by its shape alone, earlier ones if they look like headline lines too.
        first = True
        widest = max((st.lines[i].width for i in range(m + 1, k) if st.free(i)), default=0.0)
        column = column_after(st, k)
        while k > m + 1 and (not st.free(k - 1) or (headline_shaped(st, k - 1) if first else headline_like(st, k - 1))):
            if st.free(k - 1) and (_lead_tail(st, k - 1, widest, column) or _signature(st, k - 1)):
                break
            first = first and not st.free(k - 1)
            k -= 1
        if not first and k > m + 2 and _kicker(st, m, k - 1):
            k -= 1  # and the kicker over those lines (the lead's own lines are not narrower)
    k = _short_bare(st, m, k)
    k = _signed_end(st, m, k)
    for i in _read_before(st, m, k):
        st.lead.append(i)
        st.claim(i, Role.LEAD, "before-marker", "lead")
        st.note("lead-before-marker", st.lines[i].no)
    for i in range(m + 1, k):
        if st.free(i):
            st.lead.append(i)
            st.claim(i, Role.LEAD, "after-marker", "lead")
    if st.lead and _signature(st, st.lead[-1]):
        st.lead_signature = st.lead[-1]  # set apart from the note's text: the writers set it flush right
        st.claim(st.lead[-1], Role.LEAD, "signature", "lead")


def _lead_tail(st: PageState, i: int, widest: float, column: float) -> bool:
    """A line nearer the lead's widest than the column after it that pauses inside a sentence
    (，、；) and breaks off on no mark: the lead's last line read, its sentence going on in a
    column the OCR read elsewhere (…76.8万件、处分62.8万人，移送检察机关2万 / 杨彦帆), not a
    headline line (one that wide breaks after its mark, if it pauses at all)."""
    t, w = st.lines[i].text, st.lines[i].width
    if not column or ends_with_mark(t) or LABEL.search(t) or w - column <= widest - w:
        return False
    return bool(_PAUSES.search(t.rstrip()[:-1]))


def _signed_end(st: PageState, m: int, k: int) -> int:
    """The lead ends on its signature (——编者), wherever its text seemed to end: what follows
    is the first article, even with no headline or byline read before its text."""
    for i in range(m + 1, min(k + 1, len(st.lines))):
        if st.free(i) and _signature(st, i):
            return i + 1
    return k


def _signature(st: PageState, i: int) -> bool:
    """The lead note signed on its last line (——编者, or 编者 alone where the OCR lost the
    dash): the lead's line, not the deck of a headline under it."""
    t = st.lines[i].text.strip()
    body = t.lstrip("—–-－一 ")
    if body == t:  # its dash lost (RapidOCR drops a leading ——): the signature alone on its line
        return t in st.profile.lead.signatures and i > 0 and st.role(i - 1) in (None, Role.LEAD)
    return t[:1] in "—–-－" and body in st.profile.lead.signatures


def signature_run_on(st: PageState, text: str) -> int | None:
    """Where a signature run onto the note's last line begins (…敬请关注。——编者, the page
    setting it flush right on that line, or the OCR joining it): after a finished sentence, a
    dash and a signer the profile knows."""
    t = text.rstrip()
    for name in sorted(st.profile.lead.signatures, key=len, reverse=True):
        if not t.endswith(name):
            continue
        head = t[: len(t) - len(name)].rstrip()
        before = head.rstrip("—–-－").rstrip()
        if len(before) < len(head) and before and ends_sentence(before):
            return len(before)
    return None


def _kicker(st: PageState, m: int, i: int) -> bool:
    """Over the first article's headline lines, a bare line (no mark) clearly narrower than the
    lead's lines before it: the headline's kicker set over it (发展新质生产力与改造提升传统产业密不
    可分 over 积极运用新技术…（专题深思）), no line of the lead, which is set across the page."""
    before = [st.lines[j].width for j in range(m + 1, i) if st.free(j)]
    if not before or not headline_shaped(st, i) or not bare(st, i):
        return False
    return st.lines[i].width <= st.profile.lead.kicker_ratio * max(before)


def _read_before(st: PageState, m: int, k: int) -> list[int]:
    """Lines of the lead's text the OCR read before its marker at the page top (its box's right
    column read first): prose, each line holding a sentence's mark, and no more of it than a
    lead note holds with the text after the marker. A page header or a column name over the
    marker is neither (the articles pass sets those apart)."""
    free = [i for i in range(m) if st.free(i)]
    if not free or any(st.role(i) is not None and st.role(i) != Role.FURNITURE for i in range(m)):
        return []
    if not all(st.lines[i].han >= st.profile.paragraph.prose_chars and _PAUSES.search(st.lines[i].text) for i in free):
        return []
    chars = sum(st.lines[i].han for i in free) + sum(st.lines[i].han for i in range(m + 1, k))
    return free if chars <= st.profile.lead.max_chars else []


def _unmarked(st: PageState) -> None:
    """Measured: a lead whose marker the OCR lost (导读 read as nothing). The page's first text,
    before any anchor, alone in the page's first band, with a headline (type set larger than
    the body) opening the next band, set clearly wider than the articles' columns after it
    (across the page), at most a lead's length and ending a sentence, is the lead; the editor
    is told."""
    free: list[int] = []
    for i, ln in enumerate(st.lines):
        if st.role(i) == Role.FURNITURE and not free:
            continue
        g = ln.geo
        if g is None or (free and g.band != st.lines[free[0]].geo.band):
            break
        if not st.free(i) or g.size >= st.profile.size.large:
            return
        free.append(i)
    k = free[-1] + 1 if free else 0
    if len(free) < st.profile.lead.min_lines or k >= len(st.lines):
        return
    nxt = st.lines[k : k + st.profile.headline.max_lines]
    if not any(ln.geo is not None and ln.geo.size >= st.profile.size.large for ln in nxt):
        return
    if sum(st.lines[i].han for i in free) > st.profile.lead.max_chars or not ends_sentence(st.lines[free[-1]].text):
        return
    widths = sorted(st.lines[i].width for i in free)
    after = sorted(
        ln.width for ln in st.lines[k : k + COLUMN_AFTER] if ln.geo is not None and ln.geo.size < st.profile.size.large
    )
    if len(after) < MIN_AFTER or widths[len(widths) // 2] - after[len(after) // 2] < st.profile.headline.wide:
        return
    for i in free:
        st.lead.append(i)
        st.claim(i, Role.LEAD, "unmarked-measured", "lead")
    st.note("lead-unmarked", st.lines[free[0]].no)
