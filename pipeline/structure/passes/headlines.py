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

import re
from collections.abc import Callable

from ...text import NO_START, SENTENCE_FINAL, accountable
from ..dictionary import COMMON, RARE, reads_over, word_across
from ..matching import LABEL
from ..names import Byline
from ..page import Geometry, HeadBlock, PageState, Role, Shape
from ..signs import ends_linking, ends_open, ends_sentence, ends_with_mark
from ..text_forms import DASH_STROKES, canonical, headline_text, label_only
from .context import (
    DECK_CHARS,
    NAMES_OVER_LABEL,
    body_like,
    bracket_balance,
    clearly_short,
    clearly_wider,
    column_after,
    column_before,
    headline_shaped,
    is_deck,
    is_full,
    joined_block,
    label_piece,
    listing,
    names_line,
    narrow_piece,
    next_line,
    opens_deck,
    pausing_first_line,
    prev_line,
    quote_broken,
    same_column,
    titled_byline,
    wide,
    wide_after_sentence,
    worded_label,
)
from .headline_shape import body_width, looks, off_column, terse, wider
from .headline_start import ASK_MARKS, after_anchor, label_opening, opens_paragraph, question_by_byline
from .headline_words import (
    QUOTES,
    bare,
    bare_pair,
    body_opens_under,
    echo_alone,
    echo_reads_from,
    echo_reads_on,
    echoed,
    heralds,
    reads_past,
    seen_across,
)

# Roles asked of every run and its neighbours, looked up once: an enum member is a slow class
# attribute in Python 3.11 (EnumType's hook), and a tuple of them is built at every test.
_BYLINE, _BIO, _FURNITURE = Role.BYLINE, Role.BIO, Role.FURNITURE
_LEAD_ROLES = frozenset((Role.LEAD, Role.LEAD_MARKER))
_OPENING = frozenset((Role.BIO, Role.LEAD, Role.LEAD_MARKER))  # a headline may follow at once
_CLOSING = frozenset((Role.BYLINE, Role.BIO, Role.LEAD_MARKER))  # a headline may stand right before
_ANCHORS = frozenset((Role.BIO, Role.BYLINE, Role.LEAD, Role.LEAD_MARKER))
_NOT_NEAR = frozenset((Role.BIO, Role.HEADLINE, Role.LEAD))  # between a byline and a line: no start


def _column_line(st: PageState, i: int) -> bool:
    """Measured evidence against a headline: the line is set at body size inside a column of
    running text (a geometric reader's column, with body-size lines right above or below it,
    not all of them much narrower than the column: a kicker set beside the columns in short
    lines is no running text)."""
    g = st.lines[i].geo
    if g is None or g.size >= st.profile.size.body_sized:
        return False

    def run(step: int) -> list[int]:
        out, j = [], i + step
        while 0 <= j < len(st.lines) and len(out) < 2:
            h = st.lines[j].geo
            if h is None or (h.band, h.column) != (g.band, g.column) or h.size >= st.profile.size.body_sized:
                break
            out, j = [*out, j], j + step
        return out

    stack = [r for r in (run(-1), run(1)) if len(r) >= 2]
    return any(not _narrow_lines(st, [i, *r]) for r in stack)


def _narrow_lines(st: PageState, idx: list[int]) -> bool:
    """Every line is much narrower than the column (by more than a paragraph's indent and an em)."""
    slack = st.profile.paragraph.indent + 1.0
    return all(st.lines[j].width < st.columns[j] - slack for j in idx)


def _display_piece(st: PageState, i: int) -> bool:
    """Measured: a short piece set large and stacked with the lines of a headline block (而是“
    on its own row), which the text alone cannot tell from a stray fragment."""
    ln = st.lines[i]
    if ln.geo is None or ln.geo.size < st.profile.size.large:
        return False
    return ln.joined or (i > 0 and st.lines[i - 1].joined and st.lines[i - 1].no == ln.no - 1)


def _runs(st: PageState) -> list[list[int]]:
    """Consecutive free lines shaped like headline lines (furniture between them is skipped)."""
    runs: list[list[int]] = []
    cur: list[int] = []
    claims, shaped = st.claims, st.shaped  # (asked of every line: looked up here, not called)
    for i, ln in enumerate(st.lines):
        # The tests are pure: a claimed line is not asked for its shape, and the measured ones
        # (_display_piece, _column_line) only of a measured line.
        measured = ln.geo is not None
        if (
            i not in claims
            and (
                (shaped[i] if i in shaped else headline_shaped(st, i))
                or (measured and _display_piece(st, i))
                or (ln.text.rstrip()[-1:] in ASK_MARKS and question_by_byline(st, i))
                or (bool(cur) and (_piece_alone(st, i) or label_opening(st, i)))
            )
            and not (measured and _column_line(st, i))
        ):
            cur.append(i)
        elif not (cur and (c := claims.get(i)) is not None and c.role == _FURNITURE):
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _piece_alone(st: PageState, i: int) -> bool:
    """A mark or a single character alone on a line, with headline lines before and after
    it: a piece of a large headline the OCR split off (党性修养不 / 是 / 阵子”)."""
    if _mark_alone(st, i):
        return True
    t, k = st.lines[i].text, next_line(st, i)
    if len(t) == 1:
        return k is not None and st.free(k) and headline_shaped(st, k)
    if quote_broken(st, i, k):
        return True
    # stray strokes go with the headline only before more of it, not before its byline
    return _debris(st, i) and k is not None and st.free(k) and headline_shaped(st, k) and names_line(st, k) is None


def _debris(st: PageState, i: int) -> bool:
    """A few characters opening on a mark that never starts a printed line (、属，尼心，
    between a kicker and its headline): what an OCR reads off the strokes of large type, no
    line of running text."""
    ln = st.lines[i]
    return ln.text[:1] in NO_START and 0 < ln.han <= st.profile.headline.debris_chars


def _mark_alone(st: PageState, i: int) -> bool:
    """A mark or two alone on a line (a large quote the OCR split off its headline line): it
    does not end the run of headline lines it stands in."""
    t = st.lines[i].text
    return 0 < len(t) <= 2 and not any(accountable(c) for c in t)


def _unfinished(st: PageState, j: int | None) -> bool:
    """Line j is running text whose sentence goes on to the next line."""
    return j is not None and st.free(j) and not ends_with_mark(st.lines[j].text) and is_full(st, j)


def _headline_sized(st: PageState, run: list[int]) -> bool:
    """A run that could all be headlines: a few lines, lines that each look like one, or lines
    none of which reads as a column line of running text (several headlines stacked)."""
    return len(run) <= st.profile.headline.max_lines or all(looks(st, i) for i in run) or _few_wide(st, run)


def _few_wide(st: PageState, run: list[int]) -> bool:
    """Several headlines stacked (page-end): lines no narrower than the column say nothing;
    a run of them is headlines only if few read as column lines (full, unfinished). Running
    text is column lines nearly all through; a stack holds one or two headlines as wide as
    the column (记住要求、心有榜样… / 做好少年儿童…)."""
    return sum(_goes_on(st, i) for i in run) * 3 <= len(run) - 1


def _goes_on(st: PageState, i: int) -> bool:
    """A full column line whose sentence goes on to the next line; it cannot go on into a
    line set across the columns, a line a column label closes, a deck, or past the page's
    end, and a deck is no column line (…的方法论指引 / ——论推进中国式现代化的几个重大关系:
    a headline's last line over its deck, however wide)."""
    if not is_full(st, i, slack=0.5) or ends_with_mark(st.lines[i].text) or is_deck(st, i):
        return False
    k = next_line(st, i)
    return k is not None and not wide(st, k) and not LABEL.search(st.lines[k].text) and not is_deck(st, k)


def _where(before: Role | None, after: Role | None, first: bool, last: bool) -> str:
    """The kind of place a run stands in, from the claims around it."""
    if before == _BYLINE:
        return "after-byline"
    if first or before in _LEAD_ROLES:
        return "page-start"
    if before == _BIO:
        return "after-bio"
    if after == _BYLINE:
        return "before-byline"
    return "page-end" if last else "between"


def _before_byline(st: PageState, run: list[int]) -> list[int]:
    """Right before a byline: the line next to it, and earlier ones that look like headline
    lines, never the end of an unfinished sentence."""
    take: list[int] = []
    for i in reversed(run):
        if take and not _kicker_like(st, i):
            break
        take.insert(0, i)
    while len(take) > 1 and (j := prev_line(st, take[0])) is not None and _unfinished(st, j):
        if _kicker_like(st, take[0]) and not _ends_sentence_of(st, j, take):
            break
        take.pop(0)
    return _running_text_off(st, take) if take and _cut_by_byline(st, take[-1]) else take


def _kicker_like(st: PageState, i: int) -> bool:
    return looks(st, i) or _kicker_in_sentence(st, i) or _listing_kicker(st, i)


def _listing_kicker(st: PageState, i: int) -> bool:
    """Line i, over a headline line and its byline, lists its phrases (记住要求、心有榜样、从小
    做起、接受帮助) and is set wider than the column: a kicker. Running text pauses on other
    marks, and no line of it is wider than its column."""
    return wider(st, i) and st.lines[i].han >= 8 and listing(st.lines[i].text) and "、" in st.lines[i].text


def _kicker_in_sentence(st: PageState, i: int) -> bool:
    """Line i, over a headline line and its byline, is a kicker the reading order put inside
    a sentence: no mark at all, clearly short of the column, after a line left open on a pause
    (…田地、 / 汲取传统村落生态智慧 / 建设好宜居宜业和美乡村 / 文/吴灿 / 水域构成…): no paragraph
    goes on after a pause to end on a short line without its final mark."""
    j = prev_line(st, i)
    if j is None or not st.free(j) or not ends_open(st.lines[j].text):
        return False
    return bare(st, i) and st.lines[i].han >= 4 and clearly_short(st, i)


def _ends_sentence_of(st: PageState, j: int, take: list[int]) -> bool:
    """The first line of a run before a byline ends the unfinished sentence of line j, its
    final mark lost (…办大事的优势 / 能够确保我国经济航船行稳致远 / 以基层治理现代化助力 /
    更高水平平安中国建设 / 孙静): line j's words run on into it, not into the text after the
    byline (a headline the reading order put inside a sentence leaves the sentence to go on
    there)."""
    first, line = st.lines[take[0]].text, st.lines[j].text
    on = word_across(line, first)
    if ends_with_mark(first) or on < RARE:
        return False
    b = next_line(st, take[-1])
    k = next_line(st, b) if b is not None else None
    return k is None or word_across(line, st.lines[k].text) < min(on, RARE)


def _reads_past_byline(st: PageState, take: list[int]) -> bool:
    """The first line is a paragraph's, cut by a labelled headline and its byline: as wide as
    the column, unfinished, its words read on into the line after the byline and not into
    the headline (依靠财政补 / 与会赢（人民论坛） / 盛玉雷 / 贴的“穷县”: 补贴)."""
    i, label = take[0], take[-1]
    if not LABEL.search(st.lines[label].text) or not is_full(st, i, slack=1.0) or not _cut_line(st, i):
        return False
    b = next_line(st, label)
    k = next_line(st, b) if b is not None else None
    if k is None or not st.free(k) or st.lines[k].indent:
        return False
    return _reads_into(st, i, k, take[1])


def _cut_line(st: PageState, i: int) -> bool:
    """Line i may be a paragraph's line broken off: unfinished, no wider than the lines before
    it (a headline's line is set across them), and set at the text's size where measured (a
    line set larger is a headline's, whatever word its end makes with the text)."""
    ln, g = st.lines[i], st.lines[i].geo
    if ends_with_mark(ln.text) or ln.width >= column_before(st, i) + 0.75:
        return False
    return g is None or g.size < st.profile.size.body_sized


def _reads_into(st: PageState, i: int, k: int, head: int) -> bool:
    """Line i's words run on into line k (a common word spans the break) and not into the
    headline line `head` between them."""
    line = st.lines[i].text
    return word_across(line, st.lines[k].text) >= COMMON and word_across(line, st.lines[head].text) < COMMON


def _cut_across_byline(st: PageState, i: int) -> bool:
    """Line i, alone before a byline, is a paragraph's line the byline and the headline read
    after it cut: as wide as the column (or a paragraph's indented first line), unfinished,
    and its words run on past both into the text (习惯用“一阵 / 芦子龙 / 党性修养不是一阵子 /
    而是“一辈子 / 子”的想法: 一阵子), not into the headline."""
    if not body_width(st, i) or not _cut_line(st, i):
        return False
    b = next_line(st, i)
    heads, k = [], next_line(st, b) if b is not None else None
    while k is not None and st.free(k) and looks(st, k) and len(heads) < st.profile.headline.max_lines:
        heads.append(k)
        k = next_line(st, k)
    if k is None or not st.free(k) or st.lines[k].indent or not body_like(st, k):
        return False
    # (no headline after the byline: the byline alone cut the sentence, 履盖全 / 人@@张干一 / 剧并…)
    if heads:
        return _reads_into(st, i, k, heads[0])
    before, after = st.lines[i].text, st.lines[k].text
    return word_across(before, after) >= RARE or seen_across(st, before, after) > 0 or _reads_past_heads(st, i, b)


def _reads_past_heads(st: PageState, i: int, b: int) -> bool:
    """Line i's words run on past the byline b and the headline lines after it (shaped like
    headline lines, at most a headline's lines) into the text, not into the headline: the
    byline and the headline were read into a paragraph (…一系列挑 / 李铸 / 多措并举 / 协同发力 /
    加快建设新型能源体系 / 战。为…: 挑战). Only a line the text runs into from above is asked."""
    j = prev_line(st, i)
    if j is None or not st.free(j):
        return False  # (after a bio or a headline, a line before a byline is the next headline)
    heads, k = [], next_line(st, b)
    while k is not None and st.free(k) and headline_shaped(st, k) and len(heads) < st.profile.headline.max_lines:
        heads.append(k)
        k = next_line(st, k)
    if not heads or k is None or not st.free(k) or st.lines[k].indent or not body_like(st, k):
        return False
    return _reads_into(st, i, k, heads[0])


def _running_text_off(st: PageState, run: list[int]) -> list[int]:
    """The run without the full column lines that end it: the paragraph the byline cut. A run
    holding lines that look like headline lines is a headline whose last line is as wide as
    the column: it is kept whole, up to a column label, which closes its headline (full
    lines after it are the paragraph)."""
    closed = [n for n, i in enumerate(run) if LABEL.search(st.lines[i].text)]
    if closed and all(not looks(st, i) and is_full(st, i) for i in run[closed[-1] + 1 :]):
        return run[: closed[-1] + 1]
    if any(looks(st, i) for i in run):
        return run
    out = list(run)
    while out and not looks(st, out[-1]) and not ends_with_mark(st.lines[out[-1]].text) and is_full(st, out[-1]):
        out.pop()
    return out


def _cut_by_byline(st: PageState, i: int) -> bool:
    """A full column line breaking off unfinished, with a full line after the byline below it:
    the byline was read inside a paragraph (set beside the column), and the line is the
    paragraph's, not a headline. A body's first line is indented; a headline's words do not
    run on into it. A line as wide as the column or an indented first line whose last words
    make a common word with the text after the byline is the paragraph's too."""
    b = next_line(st, i)
    k = next_line(st, b) if b is not None else None
    while k is not None and LABEL.search(st.lines[k].text):
        k = next_line(st, k)  # the article's own headline, read after its byline
    if k is None or looks(st, i) or ends_with_mark(st.lines[i].text):
        return False
    if _cut_line(st, i) and _reads_past_heads(st, i, b):
        return True

    def runs_on() -> bool:  # (asked last: the dictionary is loaded only when the page needs it)
        return st.free(k) and body_like(st, k) and word_across(st.lines[i].text, st.lines[k].text) >= COMMON

    if st.lines[i].width >= column_before(st, i) + 0.75 and not (_no_longer_than_before(st, i) and runs_on()):
        # wider than the lines before it: no line of the paragraph they run in, unless its
        # words run on past the byline and it is as long as they are with every mark a full
        # em (还是健全作风建设常态化长效化机 / 常晋 / 制，抑或是…: the measure counts marks half)
        return False
    if ends_linking(st.lines[i].text) and st.free(k) and body_like(st, k):
        return True  # 为鲜活、可感…，更好地 / 李永智 / 被少年儿童理解和践行。
    if body_width(st, i) and runs_on():
        return True  # a common word runs on past the byline: 中医药学是…伟大创造和中 / 杨彦帆 / 国古代…
    if not (is_full(st, i, slack=1.0) and st.free(k) and is_full(st, k, slack=1.0) and body_like(st, k)):
        return False
    # a paragraph the byline cut began before it: right after the lead's end, a bio or the page
    # top, a full line alone is the next article's headline (——编者 / 以人才布局优化… / 张金阳)
    j = prev_line(st, i)
    return j is not None and st.free(j)


BEFORE = 16  # lines before a line that show its column


def _no_longer_than_before(st: PageState, i: int) -> bool:
    """Line i holds no more characters (marks counted whole) than the longest of the running
    lines before it."""
    lo = max(0, i - BEFORE)
    longest = max((len(ln.text.replace(" ", "")) for ln in st.lines[lo:i] if ln.han >= 4), default=0)
    return len(st.lines[i].text.replace(" ", "")) <= longest


def _claimable(st: PageState, run: list[int]) -> tuple[list[int], str]:
    """The part of a run that is headline material, and where it stands."""
    j, k = prev_line(st, run[0]), next_line(st, run[-1])
    before = st.role(j) if j is not None else None
    after = st.role(k) if k is not None else None
    where = _where(before, after, j is None, k is None)
    finished = j is not None and before is None and ends_with_mark(st.lines[j].text)
    opened = j is None or before in _OPENING or finished
    closed = k is None or after in _CLOSING
    if after == _BYLINE:
        run = _text_before_byline_off(st, run)
        if not run:
            return [], "before-byline"
    if opened and closed and not (j is None and k is None) and (not finished or _headline_sized(st, run)):
        # Between two anchors: all of it (after mere running text only if it reads as headlines).
        return run, where
    if after == _BYLINE:
        return _before_byline(st, run), "before-byline"
    if finished and k is not None and (head := _echoed_head(st, j, run, k)):
        return head, "between"
    if before in _ANCHORS or j is None:
        take = after_anchor(st, run)
        if take or j is None:
            return take, where
        # the text opens right after the anchor: the run is running text, which a headline the
        # reading order put after its first line may cut (■唐韬 / 习近平总书记强调：“持续 /
        # 高质量建设国家生态文明试验区 / 抓好突出环境问题整治…)
    return _in_body(st, run), "in-body"


def _echoed_head(st: PageState, j: int, run: list[int], k: int) -> list[int]:
    """The run, or its first lines, as a headline between two articles (_echo_between): the
    lines after such a headline may be the next article's first paragraph, which the run took
    in where its first line is short of the column (indented) and its end bare."""
    for m in range(len(run), 0, -1):
        after = run[m] if m < len(run) else k
        if _echo_between(st, j, run[:m], after):
            return run[:m]
    return []


def _echo_between(st: PageState, j: int, run: list[int], k: int) -> bool:
    """Lines without a mark after a paragraph's short last line (or its finished last line,
    with a paragraph's first line after them), whose words the text after them says again (a
    headline's do) and whose end does not read on into the next line: a headline between two
    articles, the first without a bio, the second's byline lost (绩。 / 高质量建设国家生态文明
    记验区 / 习近平总书记强调：…, its echo misread by one character). Its first line is as wide
    as the column, as none of a paragraph's short lines is."""
    if len(run) > st.profile.headline.max_lines or not body_like(st, k):
        return False
    if not clearly_short(st, j) and not (ends_sentence(st.lines[j].text) and opens_paragraph(st, k)):
        return False  # (…新机遇。 / 以基层治理现代化… / 基层治理是…, the last line only 2 em short)
    if not all(bare(st, i) and st.lines[i].han >= 6 for i in run) or ends_linking(st.lines[run[-1]].text):
        return False
    if not is_full(st, run[0], slack=1.0):
        # not a full line: an indented first line (the next paragraph's, which may well say
        # the title again), a subheading, a paragraph's end
        return False
    last, after = st.lines[run[-1]].text.rstrip(QUOTES), st.lines[k].text.lstrip(QUOTES)
    if seen_across(st, last, after) or word_across(last, after) >= RARE:
        return False  # the sentence reads on into the next line (党的二十届三中全会擘 / 画了…)
    return all(heralds(st, i) for i in run)


def _pause_over_wide(st: PageState, i: int, k: int) -> bool:
    """Line i, as wide as a column line and ending on a pause, over a headline line set wider
    than the column: a paragraph's line the byline and headline cut (传统产业转型升级， /
    运用新技术改造提升传统产业（专题深思） / 江苏省…书记张颢瀚 / 也能够为…). A headline broken
    after its comma (音符跃动， / 谱写动人篇章) sets both lines in its own type and width."""
    t = st.lines[i].text.rstrip()
    return t.endswith(("，", ",")) and body_width(st, i) and clearly_wider(st, k)


def _text_before_byline_off(st: PageState, run: list[int]) -> list[int]:
    """The run before a byline without the paragraph's lines the byline (and a headline by
    it) cut: the paragraph's sentence runs on past them."""
    if len(run) == 1 and _cut_across_byline(st, run[0]):
        return []
    if len(run) > 1 and (_reads_past_byline(st, run) or _pause_over_wide(st, run[0], run[1])):
        run = run[1:]  # (the line before the cut then ends no sentence: opened is moot)
    return _running_text_off(st, run) if _cut_by_byline(st, run[-1]) else run


def _in_body(st: PageState, run: list[int]) -> list[int]:
    """Lines of a run inside running text that are a headline cutting it (at most one)."""
    limit = st.profile.headline.max_pieces
    # A cut is made of lines that look like headline lines, or is one line a column label
    # closes or one off its column's width: only those are tried (running text is neither).
    alike = [looks(st, i) for i in run]
    # a cut of several lines may hold a stray piece and short bare lines (措并举 / 协同发力 / 多 /
    # 加快建设新型能源体系): _cuts then asks that the sentence read past all of them
    fit: dict[int, bool] = {}  # (asked only of the lines a tried cut reaches)

    def fits(t: int) -> bool:
        if t not in fit:
            fit[t] = alike[t] or _piece_alone(st, run[t]) or _short_bare(st, run[t]) or is_deck(st, run[t])
        return fit[t]

    for start in range(len(run)):
        ln = st.lines[run[start]]
        labelled = start + 1 < len(run) and bool(LABEL.search(st.lines[run[start + 1]].text))
        paired = start + 1 < len(run) and _pair(st, run[start], run[start + 1])
        tried = alike[start] or off_column(st, run[start]) or LABEL.search(ln.text) or labelled or paired
        if not tried and not echoed(st, run[start]):
            continue
        for size in range(min(limit, len(run) - start), 0, -1):  # the longest cut first
            if not _may_cut(st, run, start, size, fits, labelled or paired):
                continue
            part = run[start : start + size]
            # (a line of names alone is a byline read inside the text: the articles pass)
            if _cuts(st, part) and not (size == 1 and _byline_read_inside(st, part[0])):
                part = _widened(st, run, part)
                # a byline read inside the text with the headline under it is no headline line
                # (高立伟 / 建强战斗堡垒 / 夯实执政之基（观察者说）): the articles pass takes it
                return part[1:] if _byline_read_inside(st, part[0]) or _byline_over_label(st, part) else part
    return []


def _may_cut(st: PageState, run: list[int], start: int, size: int, fits: Callable[[int], bool], two: bool) -> bool:
    """Lines start.. of the run (size of them) may stand in one cut: every one fits; or two
    lines a label closes or that pair up (`two`), and the deck under them; or the line over a
    deck, which no column line is, under lines that fit (建设…的“好房子” / ——访…; 弘扬志愿精神 /
    贡献青春力量 / 将志愿服务教育融入思政课 / ——深入…)."""
    if size == 1:
        return True
    decked = is_deck(st, run[start + size - 1])
    if two and size - (size > 2 and decked) == 2:
        return True
    if decked and all(map(fits, range(start, start + size - 2))):
        return True
    return all(map(fits, range(start, start + size)))


def _byline_read_inside(st: PageState, i: int) -> bool:
    """A line of names alone, or names after their affiliation, is a byline read inside the
    text (the articles pass takes it), not a headline cutting it."""
    return names_line(st, i, NAMES_ONLY, 6, alone=True) is not None or titled_byline(st, i) is not None


def _byline_over_label(st: PageState, part: list[int]) -> bool:
    """A line of names, of a rarer surname too, heading a cut whose last line a column label
    closes: the byline read in with its headline (盛玉雷 / 爱拼与会赢（人民论坛）)."""
    if len(part) < 2 or not LABEL.search(st.lines[part[-1]].text):
        return False
    return names_line(st, part[0], NAMES_OVER_LABEL, 6, alone=True) is not None


def _widened(st: PageState, run: list[int], part: list[int]) -> list[int]:
    """A cut goes on over the lines under it wider than the column and without a mark (no line
    of running text is either): a headline's main line under its shorter top lines (弘扬志愿精神
    / 贡献青春力量 / 将志愿服务教育融入思政课, the last wider than a column line)."""
    at = run.index(part[-1]) + 1
    closed = LABEL.search(st.lines[part[-1]].text) or (len(part) > 1 and is_deck(st, part[-1]))
    while at < len(run) and len(part) < st.profile.headline.max_pieces and not closed:
        i = run[at]  # (a column label or a deck closes its headline: nothing of it follows)
        if st.lines[i].han < 6 or not bare(st, i):
            break
        main = (
            i == part[-1] + 1 and all(looks(st, x) for x in part) and (_main_line(st, i) or _apart_in(st, [*part, i]))
        )
        if not (wider(st, i) or _read_past(st, [*part, i], i) or main):
            break
        part = [*part, i]
        at += 1
    first = run.index(part[0])
    if first and LABEL.search(st.lines[part[-1]].text) and len(part) < st.profile.headline.max_pieces:
        i = run[first - 1]  # a kicker over a labelled line (发展新质生产力与… / 积极运用…（专题深思）)
        if i == part[0] - 1 and st.lines[i].han >= 6 and bare(st, i) and _over_label(st, i, part):
            part = [i, *part]
    elif first and _kicker_measured(st, run[first - 1], part):
        part = [run[first - 1], *part]
    return part


def _over_label(st: PageState, i: int, part: list[int]) -> bool:
    """Bare line i over a labelled cut is its first line: the sentence reads past both, or i
    stands short after a finished sentence, where no paragraph's line stands without a mark
    (…新机遇。 / 党性修养不是“一阵子” / 而是“一辈子”（思想纵横） / “慎终如始…)."""
    if _read_past(st, [i, *part], i):
        return True
    j = prev_line(st, i)
    return j is not None and st.free(j) and ends_sentence(st.lines[j].text) and clearly_short(st, i)


def _apart_in(st: PageState, part: list[int]) -> bool:
    """The lines stand inside a sentence (the line before them breaks off on no mark) that
    breaks between words round each of them (_stands_apart): a main line under its kicker's
    pieces, as wide as a column line (…较引导 / 弘扬志愿精神 / 贡献青春力量 /
    将志愿服务教育融入思政课 / 动员人民群众…); under a finished sentence the line may as well
    open the next one."""
    j, k = prev_line(st, part[0]), next_line(st, part[-1])
    if j is None or k is None or ends_with_mark(st.lines[j].text):
        return False
    return _stands_apart(st, j, part, k)


def _kicker_measured(st: PageState, i: int, part: list[int]) -> bool:
    """The line right over a cut is measured larger than the text and holds no sentence's end:
    its kicker (记住要求、心有榜样、从小做起、接受帮助 over 做好…方法论指引). No line of running
    text is set larger."""
    ln = st.lines[i]
    return (
        i == part[0] - 1
        and len(part) < st.profile.headline.max_pieces
        and ln.geo is not None
        and ln.geo.size >= st.profile.size.large
        and ln.han >= 4
        and not ends_with_mark(ln.text)
        and not any(c in SENTENCE_FINAL for c in ln.text)
    )


def _main_line(st: PageState, i: int) -> bool:
    """A headline's main line under its shorter top lines, as long as a column line or shorter:
    no mark in it, off the column, and a full line of running text under it (弘扬志愿精神 /
    贡献青春力量 / 将志愿服务教育融入思政课 / 来之际，习近平总书记在给…)."""
    k = next_line(st, i)
    return st.lines[i].han >= 6 and bare(st, i) and off_column(st, i) and k is not None and is_full(st, k)


def _read_past(st: PageState, part: list[int], new: int) -> bool:
    """reads_past() of the grown cut, whose end now reads into nothing either (力|量 across
    弘扬志愿精神 / 贡献青春力量 / 将志愿服务教育融入思政课), and the new line carries the
    sentence on at neither end."""
    j, k = prev_line(st, part[0]), next_line(st, part[-1])
    if j is None or k is None or not reads_past(st, j, part, k):
        return False
    before, after, line = st.lines[j].text, st.lines[k].text, st.lines[new].text
    return not (
        seen_across(st, st.lines[part[-1]].text, after) or seen_across(st, before, line) or seen_across(st, line, after)
    )


def _cuts(st: PageState, part: list[int]) -> bool:
    """The lines interrupt running text: set across the columns, or standing where a sentence
    goes on from the line before them to the line after them."""
    j, k = prev_line(st, part[0]), next_line(st, part[-1])
    if j is None or k is None or not (st.free(j) and st.free(k)):
        return False
    decked = len(part) > 1 and is_deck(st, part[-1])
    if decked:
        part = part[:-1]  # a deck under the headline (and its label): the headline decides
    if any(LABEL.search(st.lines[i].text) for i in part[:-1]):
        return False  # a column label closes its headline: nothing of the headline follows it
    if ends_linking(st.lines[part[-1]].text):
        return False  # 传统村落生态智慧的: a sentence going on, no headline's end
    if _inside_column(st, j, part, k):
        return False
    if echo_reads_from(st, j, part[0]):
        return False  # the text says it again after j's words: a sentence going on (a deck's last line)
    if any(wide(st, i) for i in part) and all(looks(st, i) and terse(st, i) for i in part):
        return not _reads_on_at(st, j, part, k) and _wide_cut(st, part, j, decked)
    if ends_with_mark(st.lines[j].text) and not st.lines[j].text.rstrip().endswith(("：", ":")):
        # (a colon opens what follows: no subheading after it)
        return _after_sentence(st, part, k, decked)
    if not is_full(st, j, slack=1.5 + st.profile.paragraph.indent, col=_column_around(st, j, k)):
        # a short line before: a paragraph's end (the paragraph pass decides), unless a column
        # label closes the line: a headline's, never a subheading's
        return len(part) == 1 and headline_shaped(st, part[0]) and _labelled(st, part)
    return _labelled(st, part) or (body_like(st, k) and _cut_sentence(st, j, part, k))


def _inside_column(st: PageState, j: int, part: list[int], k: int) -> bool:
    """Measured: the lines are set at the body's size in the column of the lines around them,
    which a geometric reader reads in order: a column's lines narrowed beside a box (组学从基因
    遗传角), not a headline the reading order put into the text. (_column_line, which keeps such
    lines out of a run, spares lines all narrower than the column: a kicker beside it.)"""
    gs = [st.lines[i].geo for i in (j, *part, k)]
    if any(g is None for g in gs) or any(g.size >= st.profile.size.body_sized for g in gs[1:-1]):
        return False
    return len({g.column_key for g in gs}) == 1


def _cut_sentence(st: PageState, j: int, part: list[int], k: int) -> bool:
    """Between a full line whose sentence goes on and a line of running text: headline lines
    with the text going on under them, or lines the sentence is seen to read past. An indented
    line opens a paragraph: no sentence goes on into it (注入了强大确定性和正能量, a deck's last
    line without its mark, then the body's first line)."""
    if st.lines[k].indent >= 2:
        return False
    looked = all(looks(st, i) for i in part) and not _boxed(st, j, part)
    if looked and (is_full(st, k) or joined_block(st, part[0]) or _main_line(st, k)):
        return True
    if len(part) == 2 and _pair(st, *part):
        return reads_past(st, j, part, k) or _stands_apart(st, j, part, k)
    if len(part) > 2:
        # (_in_body offers a longer cut only of lines that may stand in one: looks, a stray
        # piece, a short bare line) 在推 / 措并举 / 协同发力 / 多 / 加快建设… / 进新能源
        return reads_past(st, j, part, k)
    return len(part) == 1 and _reads_across(st, j, part[0], k)


def _boxed(st: PageState, j: int, part: list[int]) -> bool:
    """The lines are as wide as the lines over them, all clearly short of the column: lines of
    a narrow box (an inset beside a picture: …消费，有序推进散 / 煤替代，提高能源 / 清洁高效…), no
    headline however short they look beside the column."""
    over = [i for i in range(max(0, j - AROUND + 1), j + 1) if st.free(i) and st.lines[i].han >= 4]
    if len(over) < AROUND - 1 or not all(clearly_short(st, i) for i in over):
        return False
    ws = [st.lines[i].width for i in over]
    return all(min(ws) - 0.5 <= st.lines[i].width <= max(ws) + 0.5 for i in part)


def _stands_apart(st: PageState, j: int, part: list[int], k: int) -> bool:
    """Neither break around the lines falls inside a word, by the page's pairs or the
    dictionary's: a pair of bare lines the text says again is then a headline the OCR read
    between two lines of a sentence that breaks between words (…能源消费 / 多措并举协同发力 /
    加快建设新型能源体系 / 持续向绿色化…), where no pair shows the sentence reading past."""
    before, after = st.lines[j].text, st.lines[k].text
    if ends_open(before) or LABEL.search(after):
        return False  # the sentence goes on into them after its pause, or a headline follows them
    lines = [st.lines[i].text for i in part]
    # (nor does the sentence read into any of the lines, nor any of them on into the line after
    # the cut: 和部 / … / 署。, or 基 / 打好提振消费组合拳 / 本生活类… are a sentence's lines
    # beside a headline)
    if any(seen_across(st, before, t) or seen_across(st, t, after) for t in lines):
        return False
    # the dictionary's words where the lines meet, and round each full line (a sentence's line
    # the cut took in: 为核心的…重大战略部 | 署); round a short piece apart from them a word it
    # knows is chance (弘扬志愿精神 | 智慧力量 reads 神智 across the main line under it)
    ends = [(before, lines[0]), (lines[-1], after)]
    ends += [(x, y) for i, t in zip(part, lines, strict=True) if is_full(st, i) for x, y in ((before, t), (t, after))]
    return all(word_across(x, y) < COMMON for x, y in ends)


def _short_bare(st: PageState, i: int) -> bool:
    """No mark in the line, and short of its column: no line of running text inside a paragraph."""
    return bare(st, i) and not is_full(st, i)


AROUND = 6  # lines either side of a cut whose widths measure the column it cuts


def _column_around(st: PageState, j: int, k: int) -> float:
    """The column of the text a cut stands in: the upper quartile of the free lines right
    before and after it, where that is narrower than the page's estimate (an article's first
    lines set narrower beside its headline, a short article among wider ones)."""
    near = [i for i in (*range(max(0, j - AROUND + 1), j + 1), *range(k, min(len(st.lines), k + AROUND))) if st.free(i)]
    widths = sorted((st.lines[i].width for i in near if st.lines[i].han >= 4), reverse=True)
    if len(widths) < AROUND:
        return st.columns[j]
    return min(st.columns[j], widths[len(widths) // 4])


def _labelled(st: PageState, part: list[int]) -> bool:
    """Cutting a sentence, a column label names a headline: one line it closes (……（人民时评）),
    or a headline line with the label set on the line under it."""
    if len(part) == 1:
        return bool(LABEL.search(st.lines[part[0]].text))
    if len(part) != 2 or not headline_shaped(st, part[0]):
        return False
    first, second = (st.lines[i] for i in part)
    if label_only(second.text):
        return True
    # 党性修养不是“一阵子” / 而是“一辈子”（思想纵横）: a mark-free line over a line the label
    # closes, clearly short of the column or read past by the sentence (多次强 / … / 调): a
    # body line over a one-line headline is full, and its sentence reads into it
    if not (LABEL.search(second.text) and bare(st, part[0])):
        return False
    j, k = prev_line(st, part[0]), next_line(st, part[1])
    if k is not None and is_deck(st, k):
        k = next_line(st, k)  # the text goes on under the deck
    if j is not None and seen_across(st, st.lines[j].text, first.text):
        return False  # the sentence reads into it (广大党 / 员干部…): running text
    if clearly_short(st, part[0]):
        return True
    return j is not None and k is not None and reads_past(st, j, part, k)


NAMES_ONLY = 0.75  # how plausible a short line's names must be to be no headline piece


def _wide_cut(st: PageState, part: list[int], j: int, decked: bool) -> bool:
    """No column line is that wide. Between two paragraphs it may still be a subheading set
    across the column; cutting a sentence, named by a column label, with a deck under it (no
    subheading has one) or among an article's first lines (where a headline over several
    columns is read), it is a headline."""
    label = bool(LABEL.search(st.lines[part[-1]].text))
    return not ends_with_mark(st.lines[j].text) or label or decked or _near_start(st, part[0])


def _labelled_block(st: PageState, part: list[int]) -> bool:
    """After a finished sentence, lines worded like a headline's that a column label closes,
    those over the labelled one wider than the column: a headline read between two articles
    (no subheading carries a column label; a paragraph's first line may stand over a one-line
    headline the OCR read after it, but no column line is wider than its column)."""
    if not worded_label(st, part) or not all(headline_shaped(st, i) for i in part):
        return False
    return all(clearly_wider(st, i) for i in part[:-1]) or (len(part) == 2 and body_opens_under(st, *part))


def _after_sentence(st: PageState, part: list[int], k: int, decked: bool) -> bool:
    """After a finished sentence: a block that opens an article or a band, a block a column
    label closes (with a deck under it however few its words: 爱拼与会赢（人民论坛） / ——深入
    学习…; no subheading carries a label and a deck), or one line ending on a comma wider than
    its column and the lines under it (context.wide_after_sentence): no paragraph opens so, a
    headline whose closing quote the OCR read as a comma does."""
    if _opening_block(st, part, k) or _labelled_block(st, part) or (decked and _labelled(st, part)):
        return True
    return len(part) == 1 and wide_after_sentence(st, part[0])


def _opening_block(st: PageState, part: list[int], k: int) -> bool:
    """After a finished sentence lines are a subheading or a new article (the paragraph pass
    decides), except among an article's first lines a block of joined lines or a line the
    first paragraph has just said word for word and that does not read on (高质量建设国家生态
    文明试验区): its headline, read after the first paragraph; and display type opening a band
    of the page: a new article's headline over its columns."""
    if _opens_band(st, part):
        return True  # whatever follows (a byline the OCR misread, a deck)
    if not (_near_start(st, part[0]) and body_like(st, k)):
        return False
    if len(part) >= 2:
        return joined_block(st, part[0])
    return echo_alone(st, part[0])  # (its sentence does not read on into the next line)


def _opens_band(st: PageState, part: list[int]) -> bool:
    """Measured: the first line set as display type (or a kicker's over it) and opening a band
    (the lines before it lie in bands above), the others larger than the body's type at least
    (size.large): an inset headline's last piece may measure smaller, a character the OCR made
    of a stroke widening it (高质量 / 建设国家 / 生态文 / 上明试验区)."""
    geos = [st.lines[i].geo for i in part]
    j = prev_line(st, part[0])
    prev = st.lines[j].geo if j is not None else None
    if prev is None or any(g is None for g in geos):
        return False
    # (its kicker may stand over it, set a little larger than the body: 弘扬志愿精神 贡献青春力量
    # over 将志愿服务教育融入思政课)
    first = next((n for n, g in enumerate(geos) if g.size >= st.profile.size.display), None)
    if first is None or any(g.size < st.profile.size.body_sized or g.band != geos[first].band for g in geos[:first]):
        return False
    return all(g.size >= st.profile.size.large for g in geos[first:]) and geos[0].band > prev.band


def _reads_across(st: PageState, j: int, i: int, k: int) -> bool:
    """A line as wide as the column (or a little wider) that is no column line: the sentence
    reads on from the line before it to the line after it (that pair of characters recurs on
    the page) and into neither end of it (those pairs never occur)."""
    before, line, after = st.lines[j].text, st.lines[i].text, st.lines[k].text
    across = seen_across(st, before, after)
    if echoed(st, i):
        if off_column(st, i) or (across >= 2 and not _reads_on_at(st, j, [i], k)):
            return True  # its words recur verbatim in the text around it: a headline's do, a body line's do not
        words = line.strip(QUOTES)  # its words, not the quotes where the lines meet
        if words and seen_across(st, before, words) == 0 and seen_across(st, words, after) == 0:
            # the page's pairs never read into it nor out of it: once across it is enough (持续 /
            # 高质量建设国家生态文明试验区 / 抓好…); else the dictionary's words tell, unless
            # the line after begins as the line does, when a word read across them may as well
            # read into the line (养为不 / 确定的世界… / 确定性…: 不确定性)
            same = words[:2] == after.lstrip(QUOTES)[:2]
            return not same and (across >= 1 or reads_over(before, line, after))
    if not off_column(st, i):
        return False
    return across >= 2 and seen_across(st, before, line) == 0 and seen_across(st, line, after) == 0


def _reads_on_at(st: PageState, j: int, part: list[int], k: int) -> bool:
    """The sentence reads into the lines, or on out of them, by a common word whose pair the
    page uses at least as often as the pair across them (and at all): column lines of a text
    that says its words often (建 / 设国家生态文明试验区 / 是践行…: 建设 26 times, 建是 3), two
    of them the OCR ran together (高质量建 / 设国家生态文明试验区，必须始终坚持以人民为 / 中心…),
    or a line the line after begins as it does, the two pairs one (养为不 / 确定的世界… / 确定性…)."""
    before, after = st.lines[j].text, st.lines[k].text
    across = seen_across(st, before, after)
    ends = ((before, st.lines[part[0]].text), (st.lines[part[-1]].text, after))
    return any(seen_across(st, x, y) >= max(across, 1) and word_across(x, y) >= COMMON for x, y in ends)


def _pair(st: PageState, i: int, k: int) -> bool:
    """Two lines that may be a two-line headline set at the body's size: without a mark, one
    recurring in the text; or both wider than the column and worded like headlines
    (记住要求、心有榜样、从小做起、接受帮助 / 做好少年儿童思想政治教育的方法论指引)."""
    return bare_pair(st, i, k) or _wide_pair(st, i, k)


def _wide_pair(st: PageState, i: int, k: int) -> bool:
    """Both lines wider than the column, worded like headlines, neither ending a sentence: no
    two column lines are."""
    return all(wider(st, x) and headline_shaped(st, x) and not ends_with_mark(st.lines[x].text) for x in (i, k))


NEAR_START = 12  # lines after a byline within which a headline over the columns is read


def _near_start(st: PageState, i: int) -> bool:
    """Line i stands among its article's first lines: a byline a few lines before, no bio."""
    claims = st.claims  # (st.role() inlined: asked of a dozen lines for each cut tried)
    for j in range(i - 1, max(-1, i - NEAR_START - 1), -1):
        c = claims.get(j)
        role = c.role if c is not None else None
        if role == _BYLINE:
            return True
        if role in _NOT_NEAR:
            return False
    return False


def _split(st: PageState, run: list[int]) -> list[list[int]]:
    """A run into headlines: on a LINES page a single newline joins one headline's lines and a
    blank line separates two; elsewhere each line is a candidate (the assignment merges
    neighbours that point to the same article)."""
    limit = st.profile.headline.max_lines
    if st.shape != Shape.LINES:
        return [[i] for i in run]
    out: list[list[int]] = []
    cur: list[int] = []
    for i, nxt in zip(run, [*run[1:], None], strict=True):
        cur.append(i)
        stacked = nxt is not None and (
            _stacked(st, i, nxt)
            or (label_only(st.lines[nxt].text) and not label_only(st.lines[i].text))
            or pausing_first_line(st, i)  # 惩治“微腐败”， / 让老百姓可感可及（评论员观察）
            or (narrow_piece(st, i) and narrow_piece(st, nxt))  # 让中医 / 药产业更 / 好补短 / …
            or _word_cut(st, i, nxt)  # 从用电量看中 / 国发展向新性、
            or _label_goes_on(st, cur, nxt)
        )
        deck = nxt is not None and nxt == i + 1 and opens_deck(st, st.lines[nxt].text)
        stacked = stacked or deck  # a deck goes under the headline, its label or not
        closed = bool(LABEL.search(st.lines[i].text)) and not (nxt is not None and label_only(st.lines[nxt].text))
        closed = closed and not deck
        if (
            closed
            or not (st.lines[i].joined or stacked)
            or len(cur) >= (st.profile.headline.max_pieces if stacked else limit)
        ):
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _word_cut(st: PageState, i: int, j: int) -> bool:
    """Two lines clearly short of the column, a common word across their break: a narrow box's
    pieces a little wider than narrow_piece() allows (从用电量看中 / 国发展向新性、), which break
    where the box's measure ends, inside a word; a headline's own lines break between words."""
    if not all(st.lines[x].width <= st.profile.headline.cut_piece_width and clearly_short(st, x) for x in (i, j)):
        return False
    return word_across(st.lines[i].text, st.lines[j].text) >= COMMON


def _label_goes_on(st: PageState, cur: list[int], nxt: int) -> bool:
    """A narrow box's column label runs over its next lines: the lines so far opened a bracket
    they did not close, or the last piece stands over the label's opening line (理视角透析 /
    （深入学习贯 / 彻习近平新时 / … / 会主义思想）)."""
    held = bracket_balance(st.lines[nxt].text, st.profile)
    if sum(bracket_balance(st.lines[i].text, st.profile) for i in cur) > 0:
        return label_piece(st, nxt) or (held < 0 and headline_shaped(st, nxt))  # (…经济专论）)
    if st.lines[nxt].text[:1] not in st.profile.bio.open_brackets:
        return False
    # a piece over the label's first line, or a headline line over a long label's first half
    # (科学客观看待我国当前经济发展态势 / （习近平经济思想指 / 引下的中国经济专论）)
    return (narrow_piece(st, cur[-1]) and label_piece(st, nxt)) or (held > 0 and headline_shaped(st, nxt))


def _stacked(st: PageState, i: int, j: int) -> bool:
    """Measured: headline material on consecutive lines of one block of the page (same band
    and column, less than a line apart) is one headline: a kicker set a little larger than
    the body over an inset headline's lines, which are not joined by size alone."""
    g, h = st.lines[i].geo, st.lines[j].geo
    if g is None or h is None or j != i + 1:
        return False
    return g.column_key == h.column_key and h.gap_before < 1.0


def _claim(st: PageState, take: list[int], where: str) -> None:
    # A cut in running text is one headline as found: the lines cut the sentence together, and
    # leaving some of them in the body would leave the cut there.
    for part in [take] if where == "in-body" else _split(st, take):
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
    gone: set[int] = set()  # (blocks whose one line was a deck, moved under their headline)
    # measured lines that read as decks, looked up once (each headline asks which is under it)
    measured = [k for k, ln in enumerate(st.lines) if ln.geo is not None and is_deck(st, k)]
    for h in list(st.heads):
        if id(h) not in gone:
            _measured_kicker(st, h)
            _deck_under(st, h, gone, measured)


def _deck_under(st: PageState, h: HeadBlock, gone: set[int], measured: list[int]) -> None:
    """A line opening on a deck's dash right under a headline (——深入学习贯彻…精神), or under the
    byline set beside the deck, is its deck, wherever the headline was read: no paragraph of the
    text opens on the dash, and a column label closes the main line, not the deck under it. A
    deck that opened a block of its own (read after the byline) leaves that block. A headline
    that ends on its deck already has none under it."""
    if len(h.lines) > 1 and is_deck(st, h.lines[-1]):
        return
    k = h.lines[-1] + 1
    if k < len(st.lines) and st.role(k) == Role.BYLINE:
        k += 1
    byline = None  # a line of names under a dashless deck: the byline it shows to be one
    if k >= len(st.lines) or not is_deck(st, k, under=True):
        k = _deck_measured_under(st, h, measured)
        if k is None:
            k, byline = _dashless_deck_under(st, h)
    if k is None or len(h.lines) >= st.profile.headline.max_pieces:
        return
    if byline is not None:
        st.bylines[byline[0]] = byline[1]
        st.claim(byline[0], Role.BYLINE, "under-deck", "headlines")
    if not st.free(k):
        other = next((g for g in st.heads if g is not h and g.lines[0] == k), None)
        if other is None:
            return
        other.lines.pop(0)
        other.text = headline_text([st.lines[i].text for i in other.lines])
        if not other.lines:
            st.heads[:] = [g for g in st.heads if g is not other]
            gone.add(id(other))
    h.lines.append(k)
    h.text = f"{h.text}\n{st.lines[k].text.strip()}"  # (under the headline as read, its label mended in)
    st.claim(k, Role.HEADLINE, h.where, "headlines")


# Marks no deck holds (a deck is a phrase; quotes, 《》, 、 and · it may hold).
_NOT_IN_DECK = re.compile(r"[。！？；，,.!?;:：]")


def _dashless_deck_under(st: PageState, h: HeadBlock) -> tuple[int | None, tuple[int, Byline] | None]:
    """A deck whose dash the OCR lost (RapidOCR drops a leading ——) or read as one stroke
    (一深入学习…), right under the headline: a phrase with no mark over the byline, or, with no
    byline under it, opening on the stroke or clearly wider than the column of the text after
    it, which no line of that text is. A line of names under such a deck is its byline: it is
    returned with the deck (the caller claims both or neither); this only looks."""
    k = h.lines[-1] + 1
    if k >= len(st.lines) or not st.free(k):
        return None, None
    ln = st.lines[k]
    if not 4 <= ln.han <= DECK_CHARS or _NOT_IN_DECK.search(ln.text) or ends_open(ln.text):
        return None, None
    if LABEL.search(ln.text):
        return None, None  # a column label closes a headline of its own, never a deck (…（金台潮声）)
    if titled_byline(st, k) is not None or names_line(st, k, width=DECK_CHARS) is not None:
        return None, None  # a byline with its affiliation (…原党组书记张颢瀚), not a phrase
    nxt = next_line(st, k)
    if nxt is not None and st.role(nxt) == Role.BYLINE:
        return k, None  # between the headline and its byline: the title's own line
    if nxt is not None and st.free(nxt) and (b := names_line(st, nxt)) is not None:
        return k, (nxt, b)  # the byline under it, which the first look left (the deck over it read as text)
    if nxt is None or _read_in_text(st, h) or echo_reads_on(st, k, nxt):
        # no text after it, or the line under it goes on with the text the headline was read
        # inside, or where the text says its words again it goes on as here (目标感十足的坚定与
        # 战略 / 感十足的节奏…)
        return None, None
    if not st.free(nxt) or not body_like(st, nxt):
        return None, None
    column = column_after(st, nxt) or st.columns[nxt]  # (a narrow column's lines hold few characters)
    wider = bool(column) and ln.width >= column + st.profile.headline.clearly_wider
    return (k if ln.text.lstrip()[:1] in DASH_STROKES or wider else None), None


def _read_in_text(st: PageState, h: HeadBlock) -> bool:
    """The headline was read inside running text: the text line before it (past its other
    lines and a byline read with it) ends no sentence."""
    j = prev_line(st, h.lines[0])
    for _ in range(st.profile.headline.max_lines):
        if j is None or st.role(j) not in (Role.BYLINE, Role.HEADLINE):
            break
        j = prev_line(st, j)
    return j is not None and st.free(j) and not ends_sentence(st.lines[j].text)


def _deck_measured_under(st: PageState, h: HeadBlock, measured: list[int]) -> int | None:
    """Measured: a deck line set right under the headline's last line, within its width (a
    deck centred under a headline over the columns, which the reading order put among the
    body's columns). `measured`: the page's measured lines that read as decks."""
    g = st.lines[h.lines[-1]].geo
    if g is None:
        return None
    x0, _, x1, bottom = g.box
    height = bottom - g.box[1]
    for k in measured:
        d = st.lines[k].geo
        if k in h.lines or d.page != g.page:
            continue
        if 0 <= d.box[1] - bottom <= 1.5 * height and d.box[0] >= x0 - height and d.box[2] <= x1 + height:
            return k
    return None


def _measured_kicker(st: PageState, h: HeadBlock) -> None:
    """Measured: the lines right over a display headline in its own band and column, set a
    little larger than the body (no line of the text is) and opening that column's block (an
    anchor or another column over them), are its kicker, whatever marks they hold (记住要求、
    心有榜样、 / 从小做起、接受帮助 over 做好少年 / 儿童思想政 / …)."""
    g = st.lines[h.lines[0]].geo
    if g is None or g.size < st.profile.size.large:
        return
    over: list[int] = []
    k = h.lines[0] - 1
    while k >= 0 and len(over) < st.profile.headline.max_lines and st.free(k) and _kicker_sized(st, k, g):
        over, k = [k, *over], k - 1
    if not over or (k >= 0 and st.free(k) and same_column(st.lines[k].geo, g)):
        return  # (text of the column over them: they are its lines, set larger by chance)
    h.lines[:0] = over
    h.text = headline_text([st.lines[i].text for i in h.lines])
    for i in over:
        st.claim(i, Role.HEADLINE, h.where, "headlines")


def _kicker_sized(st: PageState, k: int, head: Geometry) -> bool:
    g = st.lines[k].geo
    return g is not None and st.profile.size.body_sized <= g.size < st.profile.size.large and same_column(g, head)
