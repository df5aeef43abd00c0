"""Looking around a line: its neighbours, the local column width, whether it reads as a headline.

Shared by the passes (not a pass itself). The column width is estimated from the page itself,
in chunks of lines, because it changes between articles and around boxes; a headline line is
one that cannot be a line of running text: no closing mark yet clearly narrower than the
column (or wider than it), or measured larger by a geometric reader.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import accumulate, pairwise

from ...text import is_han
from ..matching import LABEL
from ..names import Byline, parse_byline
from ..page import Geometry, PageState, Role, Shape, SourceLine
from ..pairs import pair_counts
from ..signs import (
    LINE_END_MARKS,
    OPENING_END,
    ends_open,
    ends_sentence,
    ends_with_mark,
    furniture_test,
    han_count,
    may_open_bio,
)
from ..text_forms import DASH_STROKES, MISREAD_DASHES, PROJECT_NUMBER, split_deck

CHUNK = 24  # lines per chunk when estimating the local column width
# Asked of most lines: an enum member is a slow class attribute in Python 3.11 (EnumType's hook).
_LINES, _BLOCKS = Shape.LINES, Shape.BLOCKS
_FURNITURE = Role.FURNITURE  # (prev_line and next_line ask it of most lines' neighbours)


def _upper_quartile(st: PageState, lo: int, hi: int, measurable: list[float], base: int = 0) -> float:
    """The upper quartile of lines lo..hi-1 (measurable[k] is line base + k)."""
    claims = st.claims
    ws = sorted(
        [w for i, w in enumerate(measurable[lo - base : hi - base], lo) if w >= 0 and i not in claims], reverse=True
    )
    return ws[len(ws) // 4] if ws else 0.0


ROW_WIDTH = 1.8  # times the page's median line: wider lines are a wide column's, or rows
ROW_LINES = 8  # such lines in pieces before they are taken for rows (not two lines the OCR ran together)


def _han_pieces(raw: str) -> int:
    """Pieces of 4 Han or more a line's spaces part (a spread line's gaps part single characters)."""
    return sum(1 for part in raw.split() if han_count(part) >= 4)


def _measurable(st: PageState) -> list[float]:
    """Each line's width where it says something about the column (4 Han or more), else -1.
    Where most lines far wider than the page's are in pieces, they are rows an engine ran
    across the columns (the pieces set apart by spaces): no column is that wide. (A wide
    column's lines are mostly whole: a space the OCR put in one of them is no gutter.)"""
    if len(st.measurable) != len(st.lines):
        widths = [ln.width if ln.han >= 4 else -1.0 for ln in st.lines]
        counted = sorted(w for w in widths if w >= 0)
        limit = ROW_WIDTH * counted[len(counted) // 2] if counted else 0.0
        wide = [i for i, w in enumerate(widths) if w > limit > 0]
        rows = [i for i in wide if _han_pieces(st.lines[i].raw) >= 2]
        if len(rows) >= ROW_LINES and len(rows) * 2 > len(wide):
            for i in rows:
                widths[i] = -1.0
        st.measurable = widths
    return st.measurable


def _estimate(
    st: PageState, lo: int, hi: int, out: list[float], measurable: list[float], stretch: bool = False
) -> None:
    """Column widths for lines lo..hi-1 in chunks of CHUNK lines, each chunk taking the median
    of its own and its neighbours' values: linear, and a short stretch of headlines or a box
    does not move it."""
    vals = [_upper_quartile(st, a, min(a + CHUNK, hi), measurable) for a in range(lo, hi, CHUNK)]
    good = sorted(v for v in vals if v > 0)
    fallback = good[len(good) // 2] if good else 16.0
    vals = [v or fallback for v in vals]
    for c in range(len(vals)):
        around = sorted(vals[max(0, c - 1) : c + 2])
        a = lo + c * CHUNK
        b = min(a + CHUNK, hi)
        if len(around) != 2 or not stretch:
            out[a:b] = [around[len(around) // 2]] * (b - a)
        else:
            out[a:b] = [_edge(st, a, b, vals, c, measurable)] * (b - a)


EDGE_RATIO = 1.5  # a neighbouring chunk this much wider measures no column of this one


def _edge(st: PageState, a: int, b: int, vals: list[float], c: int, measurable: list[float]) -> float:
    """A chunk at the end of a stretch between anchors has one neighbour, so no median: the
    wider of the two, but its own value where its neighbour is far wider (rows an engine ran
    across the columns after it are no column), its neighbour's where it holds a narrow box's
    pieces alone."""
    other = vals[c - 1] if c else vals[c + 1]
    if not _running_text(st, a, b, measurable):
        return other
    return vals[c] if other > EDGE_RATIO * vals[c] else max(vals[c], other)


def column_widths(st: PageState) -> list[float]:
    """The column width around each line: the upper quartile of nearby line widths, or, where
    a geometric reader measured the line's column, of that column's lines."""
    out = [16.0] * len(st.lines)
    _estimate(st, 0, len(st.lines), out, _measurable(st))
    for i, w in _measured_columns(st).items():
        out[i] = w
    return out


def _measured_columns(st: PageState) -> dict[int, float]:
    """Per measured line in a column of running text (RUNNING lines of 4 Han or more): the
    upper quartile of that column's widths. In reading order a column's first lines follow
    the lead or the column before, whose widths say nothing of theirs."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, ln in enumerate(st.lines):
        g = ln.geo
        if g is not None and g.column >= 0:
            groups.setdefault(g.column_key, []).append(i)
    measurable = _measurable(st)
    out: dict[int, float] = {}
    for idx in groups.values():
        body = [i for i in idx if measurable[i] >= 0 and st.lines[i].geo.size < st.profile.size.body_sized]
        # running text, as _running_text() asks: a headline's pieces and its label, or a
        # byline over them, in a column of their own measure no column of text
        if len(body) < RUNNING or sum(_pauses(st.lines[i].text) for i in body) < MARKED:
            continue
        ws = sorted((measurable[i] for i in body), reverse=True)
        out.update(dict.fromkeys(idx, ws[len(ws) // 4]))
    return out


def refine_columns(st: PageState) -> None:
    """Once bylines (and bios) are known, estimate the width within each stretch between two
    of them, so the lead's wide lines or the next article's column do not leak in (a measured
    column keeps its own)."""
    anchors = (Role.BYLINE, Role.BIO, Role.LEAD_MARKER)  # (looked up once, not per claim)
    cuts = [i for i, c in sorted(st.claims.items()) if c.role in anchors]
    bounds = [0, *[c + 1 for c in cuts], len(st.lines)]
    measurable = _measurable(st)
    for a, b in pairwise(bounds):
        if b - a >= 8 and _running_text(st, a, b, measurable):
            _estimate(st, a, b, st.columns, measurable, stretch=True)
    for i, w in _measured_columns(st).items():
        st.columns[i] = w


RUNNING = 4  # measurable lines a stretch needs before its own width is its column
MARKED = 2  # of them holding a sentence's pause or end


def _pauses(text: str) -> bool:
    """A sentence pauses or ends in the line, as in running text's lines."""
    return "，" in text or "。" in text or "；" in text


def _running_text(st: PageState, a: int, b: int, measurable: list[float]) -> bool:
    """The stretch holds running text: a few free lines of 4 Han or more. A stretch of a
    headline's pieces alone (党性修养不 / 是 / 阵子” … between a bio and a byline) keeps the
    column around it: the pieces are no column of their own."""
    claims, seen, marked = st.claims, 0, 0
    for i in range(a, b):
        if measurable[i] >= 0 and i not in claims:
            seen += 1
            # sentences pause or end in running text's lines; a narrow box's pieces (美国滥施关
            # / 税及中国反 / …) fill no sentence, a headline's (音符跃动， / 谱写动人篇章) one
            marked += _pauses(st.lines[i].text)
            if seen >= RUNNING and marked >= MARKED:
                return True  # (an article's stretch has its few within its first lines)
    return False


def page_pairs(st: PageState) -> Counter:
    """How often each pair of adjacent characters occurs inside the page's lines: the page as
    its own dictionary of which character follows which (counted once, at C speed, keyed by
    pairs.pair_key)."""
    if st.pairs is None:
        # One pass over the lines joined by a newline: pairs across a line break hold the
        # newline, and no lookup asks for one.
        text = "\n".join(ln.text for ln in st.lines)
        st.pairs = pair_counts(text)
    return st.pairs


def prev_line(st: PageState, i: int) -> int | None:
    """The nearest line before i that is not page furniture."""
    claims = st.claims  # (st.role() inlined: the passes ask this of most lines)
    j = i - 1
    while j >= 0 and (c := claims.get(j)) is not None and c.role == _FURNITURE:
        j -= 1
    return j if j >= 0 else None


def next_line(st: PageState, i: int) -> int | None:
    claims, n = st.claims, len(st.lines)
    j = i + 1
    while j < n and (c := claims.get(j)) is not None and c.role == _FURNITURE:
        j += 1
    return j if j < n else None


def is_full(st: PageState, i: int, slack: float = 1.5, col: float | None = None) -> bool:
    """The line fills its column (running text that continues on the next line)."""
    ln = st.lines[i]
    if ln.geo is not None:
        return ln.geo.short <= slack
    return ln.spaced or ln.width >= (col if col is not None else st.columns[i]) - slack


def column_before(st: PageState, i: int, n: int = 16) -> float:
    """The column of the text that ends at line i: measured on the lines before it only
    (a bio or the last lines of an article sit where the next article's column begins)."""
    lo = max(0, i - n)
    window = [ln.width if ln.han >= 4 else -1.0 for ln in st.lines[lo:i]]
    return _upper_quartile(st, lo, i, window, base=lo) or st.columns[i]


def body_like(st: PageState, i: int) -> bool:
    """A line of running text: long, or ending the way prose does."""
    ln = st.lines[i]
    if ln.geo is not None and ln.geo.size >= st.profile.size.large:
        return False
    return ln.width >= min(8.0, 0.6 * st.columns[i]) or ends_with_mark(ln.text) or ends_open(ln.text)


def short_block(st: PageState, i: int, most: int = 2) -> bool:
    """On a BLOCKS page (an engine's own paragraphs), the line is in a block of at most `most`
    lines: engines give a headline, a byline or a deck a block of its own."""
    if st.shape != _BLOCKS:
        return False
    lo = i
    while lo > 0 and not st.lines[lo].blank_before and i - lo < most:
        lo -= 1
    hi = i
    while st.lines[hi].joined and hi + 1 < len(st.lines) and hi - lo < most:
        hi += 1
    return st.lines[lo].blank_before and not st.lines[hi].joined and hi - lo < most


def joined_block(st: PageState, i: int) -> bool:
    """On a LINES page, the line is part of a run joined by single newlines."""
    if st.shape != _LINES:
        return False
    ln = st.lines[i]
    prev = st.lines[i - 1] if i > 0 else None
    return ln.joined or (prev is not None and prev.joined and prev.no == ln.no - 1)


def bracket_balance(t: str, profile) -> int:
    """Opening minus closing brackets, whatever the OCR made of them (〈金台潮声) is balanced);
    quotes are left out: OCR drops them too often."""
    opening, closing, either = _bracket_res(profile.bio.open_brackets, profile.bio.close_brackets)
    if not either.search(t):
        return 0  # most lines hold no bracket: one search instead of two
    return len(opening.findall(t)) - len(closing.findall(t))


@cache
def _bracket_res(opening: str, closing: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    def cls(chars: str) -> re.Pattern:
        return re.compile("[" + re.escape("".join(c for c in chars if c not in "《》<>")) + "]")

    return cls(opening), cls(closing), cls(opening + closing)


def headline_shaped(st: PageState, i: int) -> bool:
    """The text could be a headline line: no mark a sentence ends or pauses on, not too long."""
    got = st.shaped.get(i)
    if got is None:
        got = st.shaped[i] = _shaped(st, i)
    return got


_LATIN_WORD = re.compile("[A-Za-z]{2,}")


def _shaped(st: PageState, i: int) -> bool:
    ln: SourceLine = st.lines[i]
    t = ln.text
    if "。" in t or "；" in t or t[-1] in "：:":
        return False  # the cheap looks first: most running text fails one of these
    commas = t.count("，") + t.count(",")  # a headline holds a comma at most
    if commas > 1:
        return False
    rules = st.profile.headline
    h, width = ln.han, ln.width
    if "——" in t and len(parts := split_deck(t)) == 2:
        # a headline and its deck run into one line: the headline's part is measured
        h, width = han_count(parts[0]), width * len(parts[0]) / len(t)
    if h <= 1 and _latin_word_counts(st, i, h):
        h = 2
    if h < rules.min_chars or h > rules.max_chars or width > rules.max_width:
        return False
    last = t[-1]  # (a line ending on neither kind of mark is asked neither question)
    if (last in _ENDS_OR_OPENS or last.isspace()) and (
        ends_sentence(t) or (ends_open(t) and not pausing_first_line(st, i))
    ):
        return False
    # A line measured as display type continues no body line: a bracket left open there is
    # the OCR's misreading (《评论员观察） for （评论员观察）).
    display = ln.geo is not None and ln.geo.size >= st.profile.size.display
    if t.count("《") != t.count("》") and not display:
        return False  # a book title left open (or closed) continues from another line
    balance = bracket_balance(t, st.profile) if not display else 0
    if balance and not (_closed_by_neighbour(st, i, balance) or label_opening_lost(st, i, balance)):
        return False  # so does a bracket, unless the next (or last) line is the label's other half
    return not commas or _worded_round_comma(st, i, h)


def _latin_word_counts(st: PageState, i: int, h: int) -> bool:
    """A Latin word counts as one, beside a Han or a mark that may be one misread (如何看待 /
    AI一 / 本正经地, or AI"- with 一 read as a hyphen: pieces of a narrow headline), or alone
    between two such pieces (如何看待 / AT / 本正经: AI“一 read as AT)."""
    t = st.lines[i].text
    if not _LATIN_WORD.search(t):
        return False
    return bool(h) or not t.replace(" ", "").isalnum() or _latin_piece(st, i)


def _latin_piece(st: PageState, i: int) -> bool:
    """A short Latin word between two of a narrow headline's pieces."""
    return len(st.lines[i].text.strip()) <= st.profile.headline.latin_piece_chars and between_pieces(st, i)


def between_pieces(st: PageState, i: int) -> bool:
    """Line i stands between two lines of a few Han that end no sentence and are no furniture:
    among a narrow box's headline pieces (如何看待 / AT / 本正经; （习近平 / 经济 / 思想指)."""
    if not 0 < i < len(st.lines) - 1:
        return False
    is_furniture = furniture_test(st.profile)
    return all(
        2 <= st.lines[j].han <= st.profile.headline.piece_chars
        and not ends_sentence(st.lines[j].text)
        and not is_furniture(st.lines[j].text)
        for j in (i - 1, i + 1)
    )


def _worded_round_comma(st: PageState, i: int, h: int) -> bool:
    """A headline line's one comma has words on both sides (a comma ending it has none after:
    the Han after it are the line's `h` less those before it); a narrow box's piece may hold
    two characters before the comma it ends on (腐败”，)."""
    t = st.lines[i].text
    if t.endswith(("，", ",")) and _pause_among_pieces(st, i):
        return True
    head, comma, _ = t.rstrip("，,").replace(",", "，").partition("，")
    before = han_count(head)
    return before >= 3 and (not comma or h - before >= 3)


# The last characters ends_sentence() or ends_open() can say yes to, whitespace aside.
_ENDS_OR_OPENS = LINE_END_MARKS | frozenset(OPENING_END)


def pausing_first_line(st: PageState, i: int) -> bool:
    """A short line ending on a comma right before a line a column label closes: a headline's
    first line (惩治“微腐败”， / 让老百姓可感可及（评论员观察）); or one ending on a comma or
    a listing mark that is clearly short of its column or wider than it, as no column line
    ending so is (从用电量看中国发展向新性、 / 稳定性、普惠性（人民观点）), or whose list the
    labelled line goes on with."""
    t = st.lines[i].text.rstrip()
    if not t.endswith(("，", ",", "、")) or "【" in t or i + 1 >= len(st.lines):
        return False
    ln = st.lines[i]
    short = (ln.han <= st.profile.headline.pausing_chars and not t.endswith("、")) or clearly_short(st, i)
    nxt = st.lines[i + 1].text
    label = LABEL.search(nxt)
    labelled = nxt[: label.start()] if label else None
    if label is None and i + 2 < len(st.lines) and LABEL.match(st.lines[i + 2].text.strip()):
        # the label on a line of its own under the next one (从用电量看中 / 国发展向新性、 /
        # 稳定性、普惠性 / （人民观点）)
        labelled = nxt
    if labelled is None:
        # a list of bare phrases wider than any column line: a headline's first line, its
        # last read elsewhere (从用电量看中国发展向新性、稳定性、 over a byline)
        return (
            (t.endswith("、") and listing(t) and clearly_wider(st, i))
            or _over_marked_byline(st, i)
            or wide_after_sentence(st, i)
            or (short and _pause_among_pieces(st, i))
        )
    return short or clearly_wider(st, i) or _list_goes_on(st, i, labelled)


def narrow_piece(st: PageState, i: int) -> bool:
    """A line of a narrow box's headline: a few em, clearly short of the column (让中医 / 药产业更
    / 好补短 / 板惠民生 / （人民 / 时评）: consecutive pieces are one headline)."""
    return st.lines[i].width <= st.profile.headline.piece_width and clearly_short(st, i)


def _pause_among_pieces(st: PageState, i: int) -> bool:
    """A line of a few characters ending on a pause between narrow headline lines (惩治“微 /
    腐败”， / 让老百姓 / 可感可及): a narrow box's headline breaks so; no column line ends on a
    comma far short of its column, and a paragraph's last line ends a sentence."""
    j, k = i - 1, i + 1
    # (the piece after may be a little wider, as the box's lines break at words: 音符跃动， /
    # 谱写动人篇章 / （新语·文化 / 强国名家谈）)
    if k >= len(st.lines) or not (narrow_piece(st, i) and clearly_short(st, k) and headline_shaped(st, k)):
        return False
    return j < 0 or st.role(j) == Role.FURNITURE or (narrow_piece(st, j) and not ends_sentence(st.lines[j].text))


def wide_after_sentence(st: PageState, i: int) -> bool:
    """A line ending on a comma after a finished sentence (or at the page top), clearly wider
    than its column and than the lines under it: a headline whose closing quote the OCR read
    as a comma (以数字化赋能新时代枫桥经验， over the body's first line), or its first line.
    A paragraph's first line is indented, never wider than the column; the lines under it
    measure the column, so a wider band beginning there is not taken for one."""
    if not st.lines[i].text.endswith(("，", ",")) or not clearly_wider(st, i):
        return False
    j = prev_line(st, i)
    if j is not None and not ends_sentence(st.lines[j].text):
        return False
    width, slack = st.lines[i].width, st.profile.headline.clearly_wider
    under = range(i + 1, min(i + 4, len(st.lines)))
    return len(under) == 3 and all(st.lines[k].width <= width - slack for k in under)


def _over_marked_byline(st: PageState, i: int) -> bool:
    """A line ending on a comma after a finished sentence (or at the page top), right over a
    byline with its bullet and a body under it: a headline whose closing quote the OCR read
    as a comma (以数字化赋能新时代枫桥经验， / 转尉建文 for ■尉建文); no sentence breaks
    before a bulleted name."""
    if not st.lines[i].text.endswith(("，", ",")) or i + 2 >= len(st.lines):
        return False
    if i > 0 and not ends_sentence(st.lines[i - 1].text):
        return False
    b = names_line(st, i + 1, least=0.0)
    return b is not None and bool(b.dropped or b.prefix) and body_like(st, i + 2)


def _list_goes_on(st: PageState, i: int, words: str) -> bool:
    """Line i lists (no mark but 、, ending on one) after a finished line or at the page top,
    and the words of the labelled line under it list too: one headline's list broken over
    its lines, whatever their width (a column line is no list of bare phrases)."""
    t = st.lines[i].text.rstrip()
    if not (t.endswith("、") and listing(t) and "、" in words and listing(words)):
        return False
    return i == 0 or ends_with_mark(st.lines[i - 1].text)


_LIST_MARKS = str.maketrans("", "", '、“”"')


def listing(text: str) -> bool:
    """No mark but quotes and the enumeration comma: a headline may list its phrases
    (记住要求、心有榜样、从小做起、接受帮助); a sentence pauses on other marks."""
    return text.translate(_LIST_MARKS).isalnum()


def quote_broken(st: PageState, i: int, k: int | None) -> bool:
    """A piece of a headline set narrow that breaks before a quoted word, the word on the next
    piece (智慧的“ / 好房子”): clearly short of the column, bare but for the quote it ends on.
    Prose that opens a quotation at a line's end fills its column."""
    t = st.lines[i].text
    if (
        not t.endswith(("“", "「"))
        or st.lines[i].han > st.profile.headline.quoted_piece_chars
        or k is None
        or not st.free(k)
    ):
        return False
    if not clearly_short(st, i) or not t[:-1].isalnum():
        return False
    after = st.lines[k].text
    return ("”" in after or "」" in after) and headline_shaped(st, k)


def worded_label(st: PageState, lines: list[int]) -> bool:
    """A column label closes the lines, over words of a headline's own: a headline, not a
    piece of one (（思想纵横） alone)."""
    label = LABEL.search(st.lines[lines[-1]].text)
    return (
        label is not None
        and sum(st.lines[k].han for k in lines) - han_count(label.group()) >= st.profile.headline.labelled_chars
    )


def same_column(g: Geometry | None, h: Geometry) -> bool:
    """Measured: line geometry g stands in the column of h (g may be unmeasured)."""
    return g is not None and g.column_key == h.column_key


COLUMN_AFTER = 20  # lines after a line that show the column of the text there


def column_after(st: PageState, k: int) -> float:
    """The width of the running text's lines from line k on (the median of the next lines of
    prose): the column of the text an anchor or a lead's end opens, whatever stands around."""
    widths = sorted(ln.width for ln in st.lines[k : k + COLUMN_AFTER] if ln.han >= st.profile.paragraph.prose_chars)
    return widths[len(widths) // 2] if widths else 0.0


def clearly_short(st: PageState, i: int) -> bool:
    """Line i falls clearly short of its column: a headline's piece or line, or a paragraph's
    last line, never a full column line (measured columns needed)."""
    return bool(st.columns) and st.lines[i].width <= st.columns[i] - st.profile.paragraph.clearly_short


def clearly_wider(st: PageState, i: int) -> bool:
    """Wider than its column by more than a column line ever is, and not spread out."""
    ln = st.lines[i]
    return bool(st.columns) and not ln.spaced and ln.width >= st.columns[i] + st.profile.headline.clearly_wider


def _closed_by_neighbour(st: PageState, i: int, balance: int) -> bool:
    """（专题 / 深思）: a column label broken over two pieces of an inset headline, maybe with
    a character alone between them (（专题 / 全 / 深思）: the OCR split a narrow box's lines)."""
    step = 1 if balance > 0 else -1
    j = i + step
    if 0 <= j < len(st.lines) and len(st.lines[j].text) == 1:
        j += step
    tiny = len(st.lines[i].text) <= TINY_PIECE
    for n in range(LABEL_TINY_PIECES):
        if not 0 <= j < len(st.lines):
            return False
        other = st.lines[j].text
        tiny = tiny and len(other) <= TINY_PIECE
        if n >= st.profile.headline.label_pieces and not tiny:
            return False
        held = bracket_balance(other, st.profile)
        if len(other) <= 8 and held == -balance:
            # (over more lines, a label ends its headline: the closing line ends on its bracket)
            closing = other if step > 0 else st.lines[i].text
            return n == 0 or closing.rstrip()[-1:] in st.profile.bio.close_brackets
        if n == 0 and held == -balance and _long_label(st, st.lines[i].text, other, step):
            return True
        # a narrow box breaks its label over more lines (（习近平 / 经济思想指 / 引下的中医 /
        # 经济专论）): words only between its brackets, no mark
        if held or not (label_piece(st, i) and label_piece(st, j) and other.isalnum()):
            return False
        j += step
    return False


def label_opening_lost(st: PageState, i: int, balance: int | None = None) -> bool:
    """A line ending on a closing bracket it never opened, right under a byline (or at the
    page top): a headline whose column label's opening bracket the OCR lost (国李洪兴 /
    感悟发展的未来感评论员观察）); no text before it opened the bracket."""
    t = st.lines[i].text.rstrip()
    if balance is None:
        balance = bracket_balance(t, st.profile)
    if (
        balance != -1
        or t[-1:] not in st.profile.bio.close_brackets
        or han_count(t) < st.profile.headline.label_lost_chars
    ):
        return False
    j = prev_line(st, i)
    # (asked of the text, not the claims: a line's shape is cached before bylines are claimed)
    return j is None or st.role(j) == Role.BYLINE or names_line(st, j) is not None


def _long_label(st: PageState, line: str, other: str, step: int) -> bool:
    """A long column label broken over two lines, words only between its brackets and the
    second line ending on its closing one (（习近平经济思想指 / 引下的中国经济专论）); not a bio
    whose opening the OCR misread (（作者型中国教育科 / 学研究院党委书记）: an institution, a title)."""
    first, second = (line, other) if step > 0 else (other, line)
    m = LABEL.search(first + second)
    if m is None or m.start() >= len(first):
        return False
    words, rules = m.group(), st.profile.byline
    return not (may_open_bio(words[1:], st.profile) or any(w in words for w in (*rules.institutions, *rules.titles)))


def label_piece(st: PageState, i: int) -> bool:
    return st.lines[i].width <= st.profile.headline.label_piece_width and clearly_short(st, i)


# or over more in a box a few characters wide, every piece this short (（深入 / 学习贯 / 彻习近 /
# 平新时 / 代中国 / 特色社 / 会主义 / 思想）): no line of running text is
TINY_PIECE, LABEL_TINY_PIECES = 3, 12


def headline_like(st: PageState, i: int) -> bool:
    """A headline line by its shape and its size: short of the column, wider, or set larger."""
    if not headline_shaped(st, i):
        return False
    ln: SourceLine = st.lines[i]
    rules = st.profile.headline
    if ln.geo is not None and ln.geo.size >= st.profile.size.large:
        return True
    if joined_block(st, i):
        return True  # a page that puts a blank line after every line joins only a headline's lines
    col = st.columns[i] if st.columns else 16.0
    return ln.width <= rules.column_ratio * col or wide(st, i) or (col >= 28.0 and ln.width <= 0.85 * col)


def wide(st: PageState, i: int) -> bool:
    """Wider than its column by more than any column line is: set across several columns."""
    ln = st.lines[i]
    col = st.columns[i] if st.columns else 16.0
    return col < st.profile.paragraph.wide_column and ln.width >= col + st.profile.headline.wide


WINDOW = 120  # lines either side searched for the same "name" used as a word


class PageText:
    """The page's lines joined by a newline (which no name holds), with where each starts:
    a name is counted over a window of lines by str.count, in C."""

    def __init__(self, st: PageState):
        texts = [ln.text for ln in st.lines]
        self.text = "\n".join(texts)
        self.starts = list(accumulate((len(t) + 1 for t in texts), initial=0))


def page_text(st: PageState) -> PageText:
    """The page's PageText, joined once (the passes that count names share it)."""
    if st.joined is None:
        st.joined = PageText(st)
    return st.joined


def repeated(page: PageText, i: int, name: str, most: int = 1) -> bool:
    """The name occurs more than `most` times in the text around the line: a word, not a name."""
    lo, hi = max(0, i - WINDOW), min(len(page.starts) - 1, i + WINDOW)
    s = page.starts
    return page.text.count(name, s[lo], s[i]) + page.text.count(name, s[i + 1], s[hi]) > most


def named_in_full(st: PageState, t: str) -> bool:
    """The line ends on an institution or a title (学院, 教授): an affiliation may end there."""
    rules = st.profile.byline
    return t.endswith(rules.institutions) or t.endswith(tuple(rules.titles))


def read_byline(st: PageState, ln: SourceLine) -> Byline | None:
    """parse_byline() of the line, once per text on a page: the byline passes, the bios and
    the headlines ask again of the same lines (a long input asks 15k times of 3k texts).
    The Byline is shared by whoever asks; no pass changes one."""
    key = (ln.raw, ln.text)
    names = st.names_read
    if key in names:
        return names[key]
    b = names[key] = parse_byline(ln.raw, ln.text, st.profile)
    return b


NAMES_OVER_LABEL = 0.5  # how plausible names right over a labelled headline must be to be its byline


WORD_MARKED = 0.2  # how plausible names after a worded byline mark (文/, 作者：) must be


def worded_mark(b: Byline) -> bool:
    """The names follow a byline mark made of words (文/谷业凯, 作者：…): no headline or
    column line opens so, whatever the names' surname (the OCR may have misread it)."""
    return any(is_han(c) for c in b.prefix)


def names_line(st: PageState, i: int, least: float = 0.5, width: float = 12.0, alone: bool = False) -> Byline | None:
    """Line i as a byline when it is a short line (`width` em at most) of names at least
    `least` plausible, not ending on a title or an institution (委书记, the tail of 党委书记,
    is a note's line); `alone`: no collective byline, and no name used elsewhere on the page
    (where nothing but the names says byline)."""
    ln = st.lines[i]
    if ln.width > width or named_in_full(st, ln.text):
        return None
    b = read_byline(st, ln)
    if b is None or b.score < (min(least, WORD_MARKED) if worded_mark(b) else least):
        return None
    if alone and (b.collective or any(repeated(page_text(st), i, n, 0) for n in b.names)):
        return None
    return b


DECK_CHARS = 40  # Han at most in a deck line


def is_deck(st: PageState, i: int, under: bool = False) -> bool:
    """Line i is a deck's (副题): it opens on the dash, no sentence ends in it, a deck's length.
    Right `under` a headline (or its byline), the dash may be read as a stroke and a mark (一-);
    measured larger than the text, as one stroke (一以改革创新…)."""
    ln = st.lines[i]
    t = ln.text
    if "。" in t or not 4 <= ln.han <= DECK_CHARS:
        return False
    large = ln.geo is not None and ln.geo.size >= st.profile.size.body_sized
    head = t.lstrip()
    return opens_deck(st, t) or (under and head.startswith(MISREAD_DASHES)) or (large and head[:1] in DASH_STROKES)


def opens_deck(st: PageState, text: str) -> bool:
    """The line opens like a deck (副题): on one of the profile's dashes."""
    return text.lstrip().startswith(st.profile.headline.deck_openers)


def titled_byline(st: PageState, i: int) -> Byline | None:
    """Line i as a byline printed with its affiliation (南开大学社会学院教授尉建文): an
    institution and a title before the names, nothing after them. A headline never ends so; a
    sentence naming someone goes on past the name, and a column line is no shorter than its
    column."""
    ln = st.lines[i]
    b = read_byline(st, ln)
    if b is None or not b.title or not b.names or b.collective or named_in_full(st, ln.text):
        return None
    rules = st.profile.byline
    if not any(w in b.title for w in rules.institutions) or not b.title.endswith(tuple(rules.titles)):
        return None
    return b


def funding_tail(st: PageState, i: int) -> bool:
    """成果 alone under …（23ZDA001）阶段性: a funding note's last words, not a name (成 is a
    surname), whose line before holds the note's project number."""
    t = st.lines[i].text.strip().rstrip(st.profile.bio.close_brackets)
    j = prev_line(st, i)
    return (
        j is not None and t.endswith(st.profile.bio.funding_endings) and bool(PROJECT_NUMBER.search(st.lines[j].text))
    )
