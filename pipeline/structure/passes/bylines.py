"""Bylines: a short line of plausible names that stands before a body.

Length alone would take the lines of a two-line headline (抓落实 / 见真章) for names and cut
one article into several, so a line must read as names (surname, length, no function words;
names.py) and stand where a byline stands: not right after an unfinished sentence, not at the
page end, and not as a word the page's text uses again (a name is printed once; 高质量 is not
a name however plausible its surname).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from ...lexicon import counts
from ...text import NO_START
from ..dictionary import COMMON, RARE, word_across
from ..matching import LABEL
from ..names import (
    BYLINE_MARKS_FREE,
    NOT_BYLINE,
    Byline,
    after_mark,
    collective_token,
    named_in_bio,
    parse_byline,
    surnames,
)
from ..page import PageState, Role
from ..signs import NEVER_OPENS, bio_opening, ends_open, ends_sentence, ends_with_mark, lead_marker
from ..text_forms import DASH_STROKES, label_only
from .context import (
    body_like,
    bracket_balance,
    clearly_short,
    column_after,
    funding_tail,
    headline_like,
    headline_shaped,
    is_full,
    joined_block,
    named_in_full,
    names_line,
    narrow_piece,
    next_line,
    opens_deck,
    page_text,
    prev_line,
    quote_broken,
    read_byline,
    repeated,
)
from .headline_words import echoed

AFTER_BIO_HEADS = 0.25  # context: after a bio and the next headline's lines, where a byline stands
WORDY = 3  # times a "name" may recur in the text around: more, and it is a word (经济), no name
SURE = 0.8  # names this plausible are not weighed against the words across the break
READS_ON = 0.5  # what a weaker name loses when its words read on into the next line
MARKED = 0.2  # names after a byline's own mark (文/, ■): what the mark adds to their plausibility
ACCEPT = 0.55  # a known surname in any fitting place; an unknown one only between a headline and a body


def _context(st: PageState, i: int, collective: bool = False, marked: bool = False) -> float | None:
    """How much the neighbours support a byline at i; None when they rule it out. A collective
    byline (本报评论部) alone on a short line is one even after a line left open: a headline's
    first line broken on a listing mark (从用电量看中国发展向新性、稳定性、). Names after a
    byline's own mark (文/) are no paragraph's last words, whatever follows them."""
    j, k = prev_line(st, i), next_line(st, i)
    if k is None:
        return None  # a byline is never the last line of a page
    if j is not None and _inside_column_text(st, j, i, k):
        return None
    nxt = st.lines[k]
    if nxt.han == 0:
        return None
    if ends_sentence(nxt.text) and nxt.width <= 3.5 and not nxt.indent and not marked:
        return None  # a paragraph's last few characters: the "names" are its words
    bonus = 0.0
    if j is None or st.role(j) in (Role.LEAD_MARKER, Role.BYLINE, Role.BIO):
        bonus += 0.25  # the page's top, the lead's marker, a bio: where an article starts
    else:
        prev = st.lines[j].text
        if ends_open(prev) and not collective and not headline_shaped(st, j) and not _after_wider_block(st, j, k):
            return None  # the sentence goes on: names inside a paragraph (not a headline's pause)
        if LABEL.search(prev):
            bonus += 0.25  # a column label closes a headline: a byline stands under one
        elif _body_run(st, j):
            bonus -= 0.3  # the last line of a paragraph that ends without its mark: 正 / 能量
        elif ends_sentence(prev) or ends_with_mark(prev) or lead_marker(prev, st.profile) or headline_like(st, j):
            bonus += 0.25
        elif headline_shaped(st, j):
            bonus += 0.15
        else:
            bonus -= 0.3
    if body_like(st, k):
        bonus += 0.1
    elif not headline_like(st, k):
        bonus -= 0.2
    return bonus


def _after_wider_block(st: PageState, j: int, k: int) -> bool:
    """Line j, over the names, is wider than the column of the text after them by more than a
    line spanning columns: a lead set across the page whose last line read breaks off (its
    columns read out of order: …灯火啊， / 国李铸 / 多措并举 / …), not the names' paragraph."""
    column = column_after(st, k)
    return column > 0 and st.lines[j].width - column >= st.profile.headline.wide


def _inside_column_text(st: PageState, j: int, i: int, k: int) -> bool:
    """Measured: the lines before and after line i are unclaimed body-sized lines of its own
    band and column: it stands inside a column of running text, no headline, bio or byline
    over or under it (全人, a subheading's （一） misread between two paragraphs). A byline
    after an article without a bio has the next headline over or under it."""
    gs = [st.lines[x].geo for x in (j, i, k)]
    if any(g is None for g in gs) or not (st.free(j) and st.free(k)):
        return False
    return all(g.size < st.profile.size.body_sized and g.column_key == gs[1].column_key for g in gs)


def _reads_on(st: PageState, i: int) -> bool:
    """The line's words go on into the next line, as a paragraph's do (文艺工作 / 者要从…:
    工作者; 回顾世界经济发 / 展历程…): a common word of the dictionary spans the break. A
    name ends where the body begins."""
    k = next_line(st, i)
    return k is not None and word_across(st.lines[i].text, st.lines[k].text) >= COMMON


def _body_run(st: PageState, j: int) -> bool:
    """Line j fills the column, unfinished, after a line that fills it too or leaves its
    sentence open (，): running text, not a headline."""
    if not st.columns or j == 0 or joined_block(st, j) or ends_sentence(st.lines[j].text):
        return False
    col = st.columns[j]
    width, above = st.lines[j].width, st.lines[j - 1]
    if col >= st.profile.paragraph.wide_column or width < col - 0.6:
        return False
    if ends_open(above.text):
        return True  # the sentence of the line above goes on through j
    return abs(width - col) <= 0.6 and abs(above.width - col) <= 0.6 and not ends_sentence(above.text)


def _running_line(st: PageState, i: int) -> bool:
    """Evidence against a byline: a line that fills its column (from its indent, at most a
    paragraph's, to its right edge, not past it: a byline may run across it), set at body size, with lines of the same column right
    above and below it (a paragraph's first line, 习近平总书记…), or, at a column's end or
    start, a body line of its column on one side and the text running on across the column
    break on the other."""
    g = st.lines[i].geo
    if g is None:
        return _fills_column(st, i)
    if g.short >= 1.0 or g.over >= 1.0 or g.indent > 3.0 or g.size >= 1.15 or i == 0 or i + 1 >= len(st.lines):
        return False
    above, below = st.lines[i - 1].geo, st.lines[i + 1].geo
    if above is None or below is None:
        return False
    # neighbours in its column set at body size (a headline over it is no column line)
    same = [h for h in (above, below) if (h.band, h.column) == (g.band, g.column) and h.size < 1.15]
    if len(same) == 2:
        return True
    return len(same) == 1 and same[0].size < 1.15 and (_runs_on(g, above, True) or _runs_on(g, below, False))


def _runs_on(g, h, above: bool) -> bool:
    """h, a neighbour of the line g across a column break of its band, is a full line: the
    previous column's last above, the next column's unindented first below (the text runs on
    from one column into the next)."""
    step = -1 if above else 1
    return h.band == g.band and h.column == g.column + step and h.short < 1.0 and (above or h.indent < 1.0)


def _fills_column(st: PageState, i: int) -> bool:
    """Text alone: the line and both its neighbours are as wide as the column, the one above
    leaves its sentence open and the one below is no paragraph's indented start (周边山林、田地、
    水域 between 无不与 and 构成完整生态链: a column line whose words happen to read as names)."""
    if not st.columns or i == 0 or i + 1 >= len(st.lines):
        return False
    col = st.columns[i]
    above, here, below = st.lines[i - 1], st.lines[i], st.lines[i + 1]
    if below.indent or ends_sentence(above.text) or ends_with_mark(above.text):
        return False
    if col < st.profile.paragraph.wide_column and all(abs(x.width - col) <= 0.6 for x in (above, here, below)):
        return True
    # or all three as wide as each other: a column narrowed round a box, narrower than the
    # column measured around it (five em and more: 原材料、高端 between 焦能源、基础 and 芯片等领域关)
    return here.width >= st.profile.byline.narrowest_column and all(
        abs(x.width - here.width) <= 0.6 for x in (above, below)
    )


_SEPARATOR = re.compile("[ 、/／·]")


def _opens_note(st: PageState, text: str) -> bool:
    """The line opens a bracket it does not close: a bio's first line ((作者：江苏省哲 /
    学社会科学界联合会原 / 党组书记)), whose first words may read as a name."""
    t = text.lstrip()
    return bool(t) and t[0] in st.profile.bio.open_brackets and bracket_balance(t, st.profile) > 0


def _could_be(st: PageState, text: str, raw: str) -> bool:
    """A cheap first look: short, or holding a separator, a byline mark or a title, or a
    few names run together (孔庆江范晓波车路遥: the OCR lost the spaces between them)."""
    if len(text) <= 8 or _SEPARATOR.search(raw) or (len(text) <= st.profile.byline.run_chars and text.isalpha()):
        return True
    rules = st.profile.byline
    if text.startswith(rules.prefixes) or (len(text) <= 24 and bool(rules.title_words.search(text))):
        return True
    # a group signing as one, however long its name (…思想研究院课题组, …党校（国家行政学院）…课题组)
    letters = text.translate(_GROUP_BRACKETS)
    return len(text) <= COLLECTIVE_CHARS and letters.isalpha() and collective_token(text, st.profile)


_GROUP_BRACKETS = str.maketrans("", "", "（）()")


COLLECTIVE_CHARS = 40  # characters of a collective byline at most (a research group's full name)


def bylines(st: PageState) -> None:
    _page_bullets(st)
    _find(st, _unmarked(st))
    _misread_surnames(st)
    _marked_unknown(st)
    _titles_over(st)
    _wrapped_groups(st)


GROUP_LINES = 3  # lines a research group's name may wrap over in a narrow box


def _wrapped_groups(st: PageState) -> None:
    """A research group's name a narrow box (or a headline's width) broke over two or three
    lines (国务院发展研究中心 / 宏观经济研究部课题 / 组): none of the lines reads as a byline, but
    together they name the group, end to end, with no mark, where no sentence runs into them.
    The first line holds the byline, the others are claimed as stacked under it."""
    i, n = 0, len(st.lines)
    while i < n:
        k = _group_end(st, i) if st.free(i) else None
        if k is None:
            i += 1
            continue
        name = "".join(st.lines[j].text.strip() for j in range(i, k + 1))
        st.bylines[i] = Byline([name], 1.0, line=name, collective=True)
        st.claim(i, Role.BYLINE, f"group wrapped over {k - i + 1} lines", "bylines")
        for j in range(i + 1, k + 1):
            st.bylines[j] = Byline([], 1.0)
            st.claim(j, Role.BYLINE, "group wrapped", "bylines")
        i = k + 1


def _group_end(st: PageState, i: int) -> int | None:
    """The last line of a group's name wrapped from line i, if lines from i join into one."""
    j = prev_line(st, i)
    if j is not None and st.free(j):
        t = st.lines[j].text.rstrip()
        if not (ends_sentence(t) or t.endswith(tuple(st.profile.bio.close_brackets)) or clearly_short(st, j)):
            return None  # a sentence runs into the line: running text (a short line ends its paragraph or note)
    parts: list[str] = []
    for k in range(i, min(n := len(st.lines), i + GROUP_LINES)):
        t = st.lines[k].text.strip()
        if not st.free(k) or not t or not t.translate(_GROUP_BRACKETS).isalpha():
            return None
        parts.append(t)
        if k > i and collective_token("".join(parts), st.profile) and len("".join(parts)) <= COLLECTIVE_CHARS:
            return k if k + 1 >= n or not _group_goes_on(st, k) else None
    return None


def _group_goes_on(st: PageState, k: int) -> bool:
    """The line after k goes on with k's words (…课题组 / 的调研表明): it opens on a particle
    no sentence opens on, or on a mark no line opens on; no byline ends at k."""
    t = st.lines[k + 1].text.lstrip()
    return bool(t) and (t[0] in NEVER_OPENS or t[0] in NO_START)


TITLE_LINES = 2  # lines a byline's affiliation and title may take over its names
_NO_TITLE_MARKS = re.compile(r"[。，,；;：:！？!?“”（）()《》]")


def _titles_over(st: PageState) -> None:
    """A byline whose affiliation and title a narrow box broke over the lines above its names
    (江苏省哲学社会科学界联合 / 会原党组书记 / 张颢瀚): those lines, an institution in them and
    a title at their end, no mark, after a finished sentence or no text at all, are the
    byline's too (claimed as bylines stacked over the names, the title on the first)."""
    for i, b in sorted(st.bylines.items()):
        if b.title or b.prefix or b.collective or not b.names or st.role(i) != Role.BYLINE:
            continue  # (a mark, 文/ or ■, opens the byline: nothing of it stands above)
        top = _title_top(st, i)
        if top is None:
            continue
        title = "".join(st.lines[j].text.strip() for j in range(top, i))
        for j in range(top, i):
            first = j == top
            st.bylines[j] = Byline([], b.score, title=title if first else "", line=title if first else "")
            st.claim(j, Role.BYLINE, "title over names", "bylines")


def _title_top(st: PageState, i: int) -> int | None:
    """The first of the lines over byline i that hold its affiliation and title, if any."""
    rules, top, k = st.profile.byline, None, i - 1
    while k >= 0 and i - k <= TITLE_LINES and st.free(k) and _title_piece(st, k):
        title = "".join(st.lines[j].text.strip() for j in range(k, i))
        opens = k == 0 or not st.free(k - 1) or ends_with_mark(st.lines[k - 1].text)
        if opens and title.endswith(tuple(rules.titles)) and any(w in title for w in rules.institutions):
            top = k
        k -= 1
    return top


def _title_piece(st: PageState, k: int) -> bool:
    """Line k may be a piece of a byline's title: no mark, no wider than a byline, neither a
    deck (——访…学部委员), a bio nor a headline's line set large."""
    t, geo = st.lines[k].text.strip(), st.lines[k].geo
    if not t or _NO_TITLE_MARKS.search(t) or st.lines[k].width > st.profile.byline.max_width:
        return False
    if opens_deck(st, t) or t[0] in DASH_STROKES or bio_opening(t, st.profile)[0]:
        return False  # (作者为…副主席 with its brackets lost: the article's bio before the next byline)
    return geo is None or geo.size < st.profile.size.large


UNKNOWN_NAME = 0.2  # the plausibility of a name whose surname no list holds (the OCR misread it)


def _misread_surnames(st: PageState) -> None:
    """A name whose surname the OCR misread (谨晓芬 for 虞晓芬) reads as no name at all; where it
    stands decides: three characters alone, none a function word, printed once, right under a
    headline line at least twice as long that opens after a finished sentence (or an anchor, or
    the page top), over a line of running text. Two headline lines of a few characters each
    (抓落实 / 见真章) stay a headline: the line over the name must be a long one."""
    size = st.profile.byline.unknown_name_chars
    for i in range(1, len(st.lines) - 1):
        ln = st.lines[i]
        # (the length first: it rules out nearly every line without counting its Han)
        if len(ln.text) != size or ln.han != size or not st.free(i) or not ln.text.isalpha():
            continue
        if read_byline(st, ln) is not None or any(c in st.profile.byline.not_in_names for c in ln.text):
            continue
        if named_in_full(st, ln.text) or bio_opening(st.lines[i - 1].text, st.profile)[0]:
            continue  # 副主任 under 作者简介：郑新立，中央政策研究室原: a bio's broken line
        if word_across(st.lines[i - 1].text, ln.text) >= COMMON:
            continue  # the line over it breaks off inside a word the "name" ends (…规则捍卫与制 / 度创新)
        if _under_headline(st, i) and body_like(st, i + 1) and not repeated(page_text(st), i, ln.text, 0):
            b = Byline([ln.text], UNKNOWN_NAME, line=ln.text)
            st.bylines[i] = b
            st.claim(i, Role.BYLINE, f"names={b.score:.2f} under a headline", "bylines")


def _marked_unknown(st: PageState) -> None:
    """A name after a byline's own mark whose surname the OCR misread (文/户子龙 for 文/芦子龙):
    no list knows it, but the mark says byline; it is one where a byline stands (after a bio or
    a headline, over the body) and the page prints it once."""
    rules = st.profile.byline
    for i, ln in enumerate(st.lines):
        if not ln.text.startswith(rules.prefixes) or not st.free(i) or bio_opening(ln.text, st.profile)[0]:
            continue
        b = after_mark(ln.text, st.profile, UNKNOWN_NAME)
        if b is None or read_byline(st, ln) is not None or any(c in rules.not_in_names for c in b.names[0]):
            continue
        if any(repeated(page_text(st), i, n, 0) for n in b.names) or (_context(st, i, marked=True) or -1.0) <= 0:
            continue
        st.bylines[i] = b
        st.claim(i, Role.BYLINE, f"names={b.score:.2f} after a byline mark", "bylines")


def _bulleted_unknown(st: PageState) -> None:
    """A name after a bullet the OCR read as a character, its surname misread too (侠店家 for
    ■唐韬, 国导建文 for ■尉建文): no list knows the name, but the bullet says byline where a
    byline stands: right after a bio, or over a headline line (or a line the text after it says
    again) where the context allows a byline (after a finished sentence, not inside one). The
    bullet and the characters after it make no word (国家, 四个, 日新 open text and headline
    pieces), and the page prints the name once."""
    rules, words = st.profile.byline, counts(RARE)
    for i, ln in enumerate(st.lines):
        t = ln.text
        lo, hi = rules.bulleted_chars
        if not lo <= len(t) <= hi or t[0] not in rules.misread_bullets or not st.free(i):
            continue
        rest = t[1:]
        if not (rest.isalpha() and ln.han == len(t)) or any(c in rules.not_in_names for c in rest):
            continue
        if read_byline(st, ln) is not None or words.get(t[:2], 0) or words.get(t[:3], 0) or words.get(t, 0):
            continue
        j, k = prev_line(st, i), next_line(st, i)
        if j is None or k is None or not (st.role(j) == Role.BIO or _headline_under(st, k)):
            continue
        if repeated(page_text(st), i, rest, 0) or (_context(st, i, marked=True) or -1.0) <= 0:
            continue
        st.bylines[i] = Byline([rest], UNKNOWN_NAME, dropped=t[0], line=rest)
        st.claim(i, Role.BYLINE, f"names={UNKNOWN_NAME:.2f} after a misread bullet", "bylines")
        st.note("bullet-misread", ln.no, char=t[0])


def _headline_under(st: PageState, k: int) -> bool:
    """A headline line by its shape, or one whose words the text says again (高质量建设国家生态
    文明试验区, a line as wide as the narrow columns under it)."""
    return headline_like(st, k) or (headline_shaped(st, k) and echoed(st, k))


PAGE_BULLET = 2  # short lines a character must open, before a sure name, to be the page's bullet
BULLETED_NAME = 0.4  # a name after a one-off bullet on a page that sets bullets (尉: a rare surname)


def _page_bullets(st: PageState) -> None:
    """A bullet the OCR read as one Han character, the same before two bylines or more of the
    page (轿李狼 … 轿高立伟): no word opens two lines that are each a sure name after it. For
    this page it is read as a bullet, like those the profile lists (国 for ■). On a page whose
    bylines show a bullet already (图虞晓芬: one the profile lists), one the OCR read once as
    another character (转尉建文) counts the known one as its second."""
    rules = st.profile.byline
    seen: Counter[str] = Counter()
    once: Counter[str] = Counter()
    short: dict[str, list[str]] = {}  # a possible bullet -> the three-character lines it opens
    bulleted = 0
    for ln in st.lines:
        t = ln.text
        if not 3 <= len(t) <= 5 or not t.isalpha():
            continue
        b = parse_byline(t[1:], t[1:], st.profile)
        if b is None or len(b.names) != 1:
            continue
        if t[0] in rules.misread_bullets:
            bulleted += b.score >= BULLETED_NAME
        elif t[0] not in surnames():
            seen[t[0]] += b.score >= SURE
            if b.score >= BULLETED_NAME and len(t) == st.profile.byline.unknown_name_chars:
                short.setdefault(t[0], []).append(t)
            else:
                once[t[0]] += b.score >= BULLETED_NAME and len(t) > st.profile.byline.unknown_name_chars
    for c, lines in short.items():
        if once[c] + len(lines) + bulleted >= PAGE_BULLET:  # (the dictionary only where it may count)
            once[c] += sum(map(_no_word, lines))
    sure = {c for c, n in seen.items() if n >= PAGE_BULLET}
    # one bullet the OCR read as a different character each time (圈郑新立 … 转张再杰): each
    # before a name as long as a byline's, and the page sets a bullet before two names or more
    pool = sum(once.values()) + bulleted
    extra = "".join(sorted(sure | {c for c, n in once.items() if n and pool >= PAGE_BULLET}))
    if extra:
        st.profile = replace(st.profile, byline=replace(rules, misread_bullets=rules.misread_bullets + extra))
        st.names_read.clear()  # (lines read with the profile's bullets only)
        st.note("page-bullet", None, chars=extra)


def _no_word(t: str) -> bool:
    """A bullet and a two-character name make no word of the dictionary, as a three-character
    line of words does (量唐毛 with ■ read as 量, not 好房子)."""
    words = counts(RARE)
    return all(words.get(w, 0) < RARE for w in (t, t[:2], t[1:]))


def _under_headline(st: PageState, i: int) -> bool:
    """Line i stands right under one headline line that opens after a finished sentence."""
    j = i - 1
    if (
        not st.free(j)
        or st.lines[j].han < 2 * st.profile.byline.unknown_name_chars
        or not headline_shaped(st, j)
        or ends_sentence(st.lines[j].text)
    ):
        return False
    g, f = st.lines[i].geo, st.lines[j].geo
    if g is not None and f is not None and f.size < st.profile.size.large and (f.band, f.column) != (g.band, g.column):
        return False  # measured: a body-sized line at the foot of the column before (a subheading
        # broken over two columns: …规则捍卫与制 / 度创新), not a headline over the name
    h = prev_line(st, j)
    if h is None or st.role(h) in (Role.BIO, Role.LEAD, Role.LEAD_MARKER, Role.FURNITURE):
        return True
    return st.free(h) and ends_sentence(st.lines[h].text)


def _unmarked(st: PageState) -> list[int] | range:
    """The lines that may be bylines by their marks, found in one pass over the page's text:
    most lines of running text hold a mark, and looking at each in turn was most of the pass."""
    page = page_text(st)
    if page.text.count("\n") != len(st.lines) - 1:
        return range(len(st.lines))  # a line holding a newline (no reader gives one): each in turn
    starts = page.starts
    return [bisect_right(starts, m.start()) - 1 for m in BYLINE_MARKS_FREE.finditer(page.text)]


def bylines_after_bios(st: PageState) -> None:
    """A second look, only at the line after each bio: a name there starts the next article,
    and the bio found since makes the context that the first look lacked."""
    claims, bio, last = st.claims, Role.BIO, len(st.lines) - 1  # (the claims walked, not every line)
    after = sorted(i + 1 for i, c in claims.items() if c.role == bio and 0 <= i < last and i + 1 not in claims)
    _find(st, after)
    # and the line after the next article's headline, when that follows the bio: the bio and
    # the headline lines make the context (two headline lines as wide as the column read like
    # running text to the first look)
    heads = [k for i in after if (k := _after_heads(st, i)) is not None]
    _find(st, heads, after_bio=True)
    top = [k for k in (0, _after_heads(st, 0)) if k is not None] if st.lines else []
    _lone_surnames(st, after + heads + top + _under_pieces(st))
    _named_by_bios(st)
    _bulleted_unknown(st)
    _name_in_running_text(st)
    _titles_over(st)


def bylines_after_lead(st: PageState) -> None:
    """A look at the line right after the lead, once the lead is known: a name there starts the
    first article, whatever the lead's last line ends on (its columns read out of turn, it may
    break off: …从田间到临 / 芦子龙 / 党性修养不…, which the first look took for names inside a
    sentence)."""
    claims, lead, last = st.claims, Role.LEAD, len(st.lines) - 1
    after = sorted(i + 1 for i, c in claims.items() if c.role == lead and 0 <= i < last and i + 1 not in claims)
    _find(st, after, after_bio=True)
    _titles_over(st)


def _name_in_running_text(st: PageState) -> None:
    """A name the reading order put between two full lines of an article that has no byline
    (头上减少基层治理压力。全面整合12345 / 尉建文 / 热线、综治中心等…: its bullet lost, a rarer
    surname): no paragraph ends or starts there, and no word reads across either break, so the
    short line is something set apart; names printed once make it the byline. (Asked here, not
    with the articles pass's names inside a sentence: the headline pass would take the line for
    a headline cutting the text first.)"""
    for i, ln in enumerate(st.lines):
        t = ln.text
        if not 2 <= len(t) <= 4 or not t.isalpha() or i in st.claims or ln.han != len(t):
            continue
        j, k = prev_line(st, i), next_line(st, i)
        if j is None or k is None or not (st.free(j) and st.free(k)):
            continue
        b = read_byline(st, ln)
        if b is None or len(b.names) != 1 or b.collective or b.score < BULLETED_NAME:
            continue
        if not (is_full(st, j, slack=1.0) and is_full(st, k, slack=1.0)) or ends_with_mark(st.lines[j].text):
            continue
        if word_across(st.lines[j].text, t) >= RARE or word_across(t, st.lines[k].text) >= RARE:
            continue
        if repeated(page_text(st), i, b.names[0], 0) or _article_has_byline(st, i):
            continue
        st.bylines[i] = b
        st.claim(i, Role.BYLINE, f"names={b.score:.2f} inside running text", "bylines")
        if b.dropped:
            st.note("bullet-misread", ln.no, char=b.dropped)


def _article_has_byline(st: PageState, i: int) -> bool:
    """A byline stands between the anchors round line i (a bio, the lead, the page's ends)."""
    stops = (Role.BIO, Role.LEAD, Role.LEAD_MARKER)
    j = i - 1
    while j >= 0 and st.role(j) not in stops:
        if j in st.bylines:
            return True
        j -= 1
    k = i + 1
    while k < len(st.lines) and st.role(k) not in stops:
        if k in st.bylines:
            return True
        k += 1
    return False


LONE_TIER = 2  # a lone character is a surname of this tier at most (1 common, 2 less common)
UNDER_PIECES = 2  # narrow headline pieces right over a lone character that make it a byline's place


def _in_label(st: PageState, i: int) -> bool:
    """Line i stands inside a column label broken over pieces (（专题 / 全 / 深思）): a bracket
    opened above it is closed below it."""
    k = next_line(st, i)
    opened = sum(bracket_balance(st.lines[j].text, st.profile) for j in range(max(0, i - LABEL_REACH), i))
    return opened > 0 or (k is not None and bracket_balance(st.lines[k].text, st.profile) < 0)


LABEL_REACH = 4  # lines above a lone character where a label's opening half may stand


def _under_pieces(st: PageState) -> list[int]:
    """Lines of one character right under a narrow box's headline pieces (… / 加快建设新 /
    型能源体系 / 李): where the byline stands, after a lead too (not known yet)."""
    return [
        i
        for i, ln in enumerate(st.lines)
        if len(ln.text) == 1
        and i >= UNDER_PIECES
        and i not in st.claims
        and _pieces_over(st, i)
        and not _in_label(st, i)
    ]


def _pieces_over(st: PageState, i: int) -> bool:
    return all(st.free(j) and narrow_piece(st, j) and headline_shaped(st, j) for j in range(i - UNDER_PIECES, i))


def _lone_surnames(st: PageState, after: list[int]) -> None:
    """A surname alone on the line after a bio or at the page top (or under the headline
    lines that follow either), before a headline line or the text: a byline whose given name
    the OCR lost (■李铄 read as 李, the rare character gone with the bullet). No headline or
    text line is one character there; kept as the byline and flagged, so the article is cut
    there and its headline found by it."""
    tiers = surnames()
    for i in after:
        t, k = st.lines[i].text, next_line(st, i)
        if i in st.claims or len(t) != 1 or tiers.get(t, LONE_TIER + 1) > LONE_TIER or k is None:
            continue
        if st.free(k) and (headline_shaped(st, k) or body_like(st, k)):
            st.bylines[i] = Byline([t], UNKNOWN_NAME, line=t)
            st.claim(i, Role.BYLINE, "surname alone", "bylines")
            st.note("byline-partial", st.lines[i].no, text=t)


def _named_by_bios(st: PageState) -> None:
    """A byline the OCR garbled past reading as names (侠刷建文: a bullet read as a character,
    the surname misread) that a bio of the page names (作者简介：尉建文，南开大学…): a line
    of Han alone that, less one character before it, is the bio's names but for one character
    in four. The names are the line's own characters (the bio's are its own text)."""
    # By the length of the names joined: a line is weighed only against names it may spell
    # (a long input holds a bio for every article, and most short lines are no byline).
    named: dict[int, list[list[str]]] = {}
    bio = Role.BIO  # (looked up once: an enum member is a slow class attribute in Python 3.11)
    for i, c in st.claims.items():
        if c.role == bio and (names := _bio_names(st, i)):
            named.setdefault(sum(map(len, names)), []).append(names)
    if not named:
        return
    for i, ln in enumerate(st.lines):
        t = ln.text
        if i in st.claims or not 3 <= len(t) <= st.profile.byline.bio_names_chars or not t.isalpha():
            continue
        alike = named.get(len(t), []) + named.get(len(t) - 1, [])  # (one more: a bullet before)
        b = next((b for names in alike if (b := _garbled(t, names)) is not None), None)
        if b is not None:
            st.bylines[i] = b
            st.claim(i, Role.BYLINE, "named by a bio", "bylines")
            st.note("byline-named-by-bio", ln.no, text=t)
            if b.dropped:
                st.note("bullet-misread", ln.no, char=b.dropped)


def _bio_names(st: PageState, i: int) -> list[str]:
    """The names a bio opening at line i gives before its first comma (作者简介：孔庆江、范晓波、
    车路遥，中国政法大学), if its wording names the authors; [] otherwise."""
    bio = Role.BIO
    if i > 0 and st.role(i - 1) == bio:
        return []  # (a bio's later line: its opening was asked)
    text, k = "", i
    while k < len(st.lines) and st.role(k) == bio and len(text) < st.profile.byline.bio_names_chars * 3:
        text, k = text + st.lines[k].text.strip(), k + 1
    return named_in_bio(text, st.profile)


def _garbled(t: str, names: list[str]) -> Byline | None:
    """The line as the bio's names read with a character misread (one in four, at least one
    right in each name), maybe after a bullet read as a character."""
    target = "".join(names)
    if len(target) < 3:
        return None  # (two characters with one misread say nothing)
    bullet = t[0] if len(t) == len(target) + 1 else ""
    core = t[len(bullet) :]
    if len(core) != len(target):
        return None
    wrong = sum(a != b for a, b in zip(core, target, strict=True))
    if wrong > max(1, len(target) // 4):
        return None
    out, at = [], 0
    for n in names:
        out.append(core[at : at + len(n)])
        at += len(n)
    if any(sum(a == b for a, b in zip(o, n, strict=True)) < 2 for o, n in zip(out, names, strict=True)):
        return None
    return Byline(out, 0.75, dropped=bullet, line=core)


def _piece(st: PageState, i: int | None) -> bool:
    """A free line clearly short of the column, worded like a headline, ending on no mark but
    a closing quote (好房子”) or bracket (观点）, a label's last piece), or on a pause where a
    narrow box broke its headline (向新性、): a piece of a headline set in a narrow box, read a
    few characters a line."""
    if i is None or not st.free(i) or not headline_shaped(st, i):
        return False
    t = st.lines[i].text.rstrip("”」）)")
    if ends_with_mark(t) and not (t.endswith(("，", "、", ",")) and narrow_piece(st, i)):
        return False
    return clearly_short(st, i)


def _among_pieces(st: PageState, i: int, b: Byline) -> bool:
    """Names standing among the pieces of a headline in a narrow box, with a line of names after
    more pieces and no text between: a piece of the headline (如何看待 / AI一 / 本正经地 / 胡说 /
    八道 / （新知） / 谷业凯). A byline is followed by its text or its headline, then text: never
    by another byline across a few short pieces."""
    if not _piece(st, prev_line(st, i)):
        return False
    k, pieces = next_line(st, i), 0
    if k is not None and names_line(st, k) is not None:
        return False  # names right under names: authors set one a line, not a piece between
    opened = False  # a label opened on a piece after the names (（专题 / 深思）)
    worded = None  # the "name" is a common word (asked once, and only here: it loads the word list)
    while k is not None and pieces <= st.profile.headline.max_pieces:
        if pieces and (names_line(st, k) is not None or _collective(st, k)):
            return True
        text = st.lines[k].text
        if pieces and st.free(k) and _closes_label(text, opened):
            # the headline's label, whole or broken, closes the pieces after a "name" that is a
            # common word (胡说, 全过程): a word of the headline (a real byline may be read among
            # the pieces: 而是 / 芦子龙)
            if worded is None:
                worded = _common_word(st.lines[i].text.strip()) or any(_common_word(n) for n in b.names)
            if worded:
                return True
        opened = opened or text.lstrip()[:1] in ("（", "(")
        if not (
            _piece(st, k) or quote_broken(st, k, next_line(st, k)) or (st.free(k) and LABEL.search(st.lines[k].text))
        ):
            return False
        k, pieces = next_line(st, k), pieces + 1
    return False


def _closes_label(text: str, opened: bool) -> bool:
    """The line is a column label, or closes one a piece before it opened (（专题 / 深思）)."""
    return label_only(text) or (opened and text.rstrip().endswith(("）", ")")))


def _collective(st: PageState, k: int) -> bool:
    """A collective byline (本报评论部: names_line() takes 部 for an institution's end)."""
    b = read_byline(st, st.lines[k])
    return b is not None and b.collective and st.lines[k].width <= st.profile.byline.max_width


def _after_heads(st: PageState, i: int) -> int | None:
    """The first line after the headline-shaped lines (a headline's, at most its lines) that
    start at line i, or the first line of names among them, if there are such lines."""
    k, n = i, 0
    while k < len(st.lines) and st.free(k) and headline_shaped(st, k) and n < st.profile.headline.max_lines:
        if n and names_line(st, k) is not None:
            return k  # a line of names after the headline's lines
        k, n = k + 1, n + 1
    return k if n and k < len(st.lines) and st.free(k) else None


def _weighed(st: PageState, i: int, b: Byline) -> float | None:
    """The names' plausibility weighed against the page's text (None: they are words)."""
    score = b.score
    # A name is printed once (maybe again in the bio); a weak one not even that.
    most = 1 if score >= 0.5 else 0
    if not b.collective and (names := [n for n in b.names if len(n) >= 2]):
        page = page_text(st)  # (joined once a page, when a name is first counted)
        if any(repeated(page, i, n, WORDY) for n in names):
            return None  # the text says it again and again (经济): a word
        if any(repeated(page, i, n, most) for n in names):
            score *= 0.4
    if score < WEAK and not b.collective and any(_common_word(n) for n in b.names):
        return None  # a rare surname's "name" that is a common word (能量 under …确定性和正): a word
    if score < SURE and _reads_on(st, i):
        score -= READS_ON
    if _marked(st, i, b) or _titled(st, b):
        score += MARKED  # 文/, ■: set before names only (作者： may open a bio as well)
    return score


def _titled(st: PageState, b: Byline) -> bool:
    """The names follow an institution and a title (复旦大学教务处处长): a byline's own words,
    as much as a mark is, whatever the OCR made of the surname (枯伟 for 林伟)."""
    return bool(b.title) and any(w in b.title for w in st.profile.byline.institutions)


WEAK = 0.5  # names less plausible than this (a rare surname) are asked whether they are words


def _common_word(name: str) -> bool:
    """The name is a common word, or opens with one (时代机: 时代“枫 of a narrow headline's
    pieces, the quote read as a character)."""
    words = counts(RARE)
    return len(name) >= 2 and (words.get(name, 0) >= COMMON or (len(name) == 3 and words.get(name[:2], 0) >= COMMON))


def _marked(st: PageState, i: int, b: Byline) -> bool:
    """The names follow a mark set before names only (文/, ■; not 作者：, which opens bios)."""
    return bool(b.prefix) and not bio_opening(st.lines[i].text, st.profile)[0]


def _writers_note(st: PageState, i: int, b: Byline) -> bool:
    """执笔：张三 after the text of a piece a group signed (…课题组): the note naming its writers,
    its closing brackets lost, not the byline of the next article (a writer's line is a byline
    only right under the group's)."""
    if not b.prefix.startswith(tuple(st.profile.byline.writer_marks)):
        return False
    above = max((k for k in st.bylines if k < i), default=None)
    return above is not None and st.bylines[above].collective and prev_line(st, i) != above


def _find(st: PageState, candidates, after_bio: bool = False) -> None:
    claims = st.claims  # (st.free() for every line of the page, without the call)
    for i in candidates:
        ln = st.lines[i]
        if i in claims or ln.width > st.profile.byline.max_width or NOT_BYLINE.search(ln.text):
            continue
        if ln.geo is not None and ln.geo.size >= st.profile.size.display:
            continue  # measured as display type: a headline's line (板惠民生 among 让中医 / 药产业更)
        # (the cheap look first: it rules out six times as many lines as the look at the column)
        if not _could_be(st, ln.text, ln.raw) or _running_line(st, i) or _opens_note(st, ln.text):
            continue
        b = read_byline(st, ln)
        if b is None or _among_pieces(st, i, b) or _writers_note(st, i, b) or funding_tail(st, i):
            continue
        ctx = AFTER_BIO_HEADS if after_bio else _context(st, i, b.collective, _marked(st, i, b))
        if ctx is None:
            continue
        score = _weighed(st, i, b)
        if score is None or score + ctx < ACCEPT:
            continue
        st.bylines[i] = b
        st.claim(i, Role.BYLINE, f"names={b.score:.2f} context={ctx:+.2f}", "bylines")
        if b.dropped:
            st.note("bullet-misread", ln.no, char=b.dropped)
