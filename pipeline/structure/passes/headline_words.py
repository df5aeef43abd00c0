"""What a line's words say about it: whether they recur in the text, read on into the next
line or are read into from the line before (the headline passes weigh these with its shape).

Quotes are left out: the OCR drops and doubles them, and a headline's quote may open on one
line and close on the next."""

from __future__ import annotations

from itertools import accumulate

from ...text import is_han
from ..dictionary import COMMON, word_across
from ..page import PageState, Role
from ..pairs import pair_key
from .context import listing, next_line, page_pairs

QUOTES = "“”‘’\"'「」『』"
ECHO_WINDOW = 150  # lines either side searched for a headline's words


def flat_text(st: PageState) -> tuple[str, list[int]]:
    """The page's lines joined without quotes, and where each starts: made once a page."""
    if st.flat is None:
        joined = "\x00".join(x.text for x in st.lines)  # (cleanup removed every control character)
        for q in QUOTES:
            joined = joined.replace(q, "")
        parts = joined.split("\x00")
        st.flat = ("".join(parts), list(accumulate(map(len, parts), initial=0)))
    return st.flat


def bare(st: PageState, i: int) -> bool:
    """No mark in the line but quotes."""
    text, starts = flat_text(st)
    return text[starts[i] : starts[i + 1]].isalnum()


def listed(st: PageState, i: int) -> bool:
    """listing() of the line without its quotes."""
    text, starts = flat_text(st)
    return listing(text[starts[i] : starts[i + 1]])


def _words(st: PageState, i: int) -> tuple[str, list[int], int, int, str] | None:
    """The page's flat text, its line starts, where line i lies in it and its words (without
    quotes), if the line is long enough (eight Han or more) and has no mark to be echoed."""
    if st.lines[i].han < 8:
        return None
    text, starts = flat_text(st)
    a, b = starts[i], starts[i + 1]
    t = text[a:b]  # the line without its quotes, cut from the page's (no translation per line)
    return (text, starts, a, b, t) if listing(t) else None


def echoed(st: PageState, i: int) -> bool:
    """The line's text (eight or more characters, no mark in it) occurs again in the text of
    the lines around it, across their breaks; a line of ten or more also with one character
    the OCR misread in one of the two (_misread_echo)."""
    words = _words(st, i)
    if words is None:
        return False
    text, starts, a, b, t = words
    lo, hi = starts[max(0, i - ECHO_WINDOW)], starts[min(len(st.lines), i + ECHO_WINDOW)]
    if text.find(t, lo, a) >= 0 or text.find(t, b, hi) >= 0:
        return True
    n = len(t) - 1  # or across the place of line i: the end of the lines before it, the start of those after
    if t in text[max(lo, a - n) : a] + text[b : min(hi, b + n)]:
        return True
    return len(t) >= FUZZY_ECHO and _misread_echo(text, t, lo, hi, a, b)


def heralds(st: PageState, i: int) -> bool:
    """Line i's words (eight characters or more, no mark) recur in the text after it, one
    character misread at most, and not in the text before it back to the lead or the last
    bio: a headline of the article that follows, not a line of the one it stands after."""
    words = _words(st, i)
    if words is None:
        return False
    text, starts, a, b, t = words
    first = i
    while first > max(0, i - ECHO_WINDOW) and st.role(first - 1) not in (Role.LEAD, Role.LEAD_MARKER, Role.BIO):
        first -= 1
    lo, hi = starts[first], starts[min(len(st.lines), i + ECHO_WINDOW)]
    fuzzy = len(t) >= FUZZY_ECHO
    if text.find(t, lo, a) >= 0 or (fuzzy and _misread_echo(text, t, lo, a, a, b)):
        return False
    return text.find(t, b, hi) >= 0 or (fuzzy and _misread_echo(text, t, b, hi, a, b))


FUZZY_ECHO = 10  # a line this long may recur with one character the OCR misread in one of the two
NEAR_TRIES = 8  # occurrences of each half looked at


def _misread_echo(text: str, t: str, lo: int, hi: int, a: int, b: int) -> bool:
    """`t` occurs in text[lo:hi] outside [a, b) with one character different: the OCR misread
    it in the headline or in the text (高质量建设国家生态文明记验区 / …国家生态文|明试验区). With one
    character wrong, one of its halves occurs exactly: only their occurrences are compared."""
    h = len(t) // 2
    for piece, off in ((t[:h], 0), (t[h:], h)):
        at = text.find(piece, lo, hi)
        for _ in range(NEAR_TRIES):
            if at < 0:
                break
            s = at - off
            if (s + len(t) <= a or s >= b) and s >= lo and s + len(t) <= hi:
                near = text[s : s + len(t)]  # (both ends must agree: one wrong there is a shorter echo)
                if near[0] == t[0] and near[-1] == t[-1] and sum(x != y for x, y in zip(near, t, strict=True)) <= 1:
                    return True
            at = text.find(piece, at + 1, hi)
    return False


def seen_across(st: PageState, left: str, right: str) -> int:
    """How often the pair across a break from `left` to `right` occurs inside the page's lines."""
    return page_pairs(st).get(pair_key(left[-1] + right[0]), 0)


def pair_recurs_across(before: str, after: str, seen) -> bool:
    """Two Han characters meet across the line break as a pair the page uses elsewhere."""
    a, b = before[-1:], after[:1]
    return bool(a and b) and is_han(a) and is_han(b) and seen.get(pair_key(a + b), 0) >= 2


def reads_past(st: PageState, j: int, part: list[int], k: int) -> bool:
    """The sentence reads on from the line before the lines to the line after them (that pair
    of characters occurs on the page) and not into them (that pair never does). Their end may
    well read on: the headline's words recur in the text (和美乡村|建设)."""
    before, after = st.lines[j].text, st.lines[k].text
    return seen_across(st, before, after) >= 1 and seen_across(st, before, st.lines[part[0]].text) == 0


def said_elsewhere(st: PageState, i: int, here: int, t: str) -> bool:
    """`t` occurs in the text around line i somewhere else than at `here`."""
    text, starts = flat_text(st)
    lo, hi = starts[max(0, i - ECHO_WINDOW)], starts[min(len(st.lines), i + ECHO_WINDOW)]
    at = text.find(t, lo, hi)
    while at == here:
        at = text.find(t, at + 1, hi)
    return at >= 0


def echo_alone(st: PageState, i: int) -> bool:
    """Line i, without a mark, recurs verbatim in the text and its sentence does not read on
    into the next line: a headline line as wide as the column or as an indented first line
    (以数字化赋能新时代“枫桥经验”; 将志愿服务教育融入思政课 under its kicker), not a deck's first
    line (目标感十足的坚定与战略感十足 / 的节奏，…), which reads on."""
    k = next_line(st, i)
    if k is None or not echoed(st, i):
        return False
    left, right = st.lines[i].text.rstrip(QUOTES), st.lines[k].text.lstrip(QUOTES)  # words, not quotes
    return bool(left and right) and seen_across(st, left, right) == 0 and not echo_reads_on(st, i, k)


def bare_pair(st: PageState, i: int, k: int) -> bool:
    """Two lines without a mark in them (but a listing's 、), one of them recurring verbatim in
    the text around: a two-line headline set at the body's size (汲取传统村落生态智慧 /
    建设好宜居宜业和美乡村; 记住要求、心有榜样、从小做起、接受帮助 / 做好少年儿童…的方法论指引)."""
    lines = (st.lines[i], st.lines[k])
    if any(ln.han < 6 for ln in lines) or not (listed(st, i) and listed(st, k)):
        return False
    return echoed(st, i) or echoed(st, k)


def echo_pair(st: PageState, i: int) -> bool:
    """Line i and the next, neither with a mark, recur together in the text (twelve characters
    or more), and the sentence there does not go on with the first words of the line after
    them: a two-line headline the text says again, each line as wide as a column line
    (以基层治理现代化助力 / 更高水平平安中国建设 / 基层治理是…, said again as one sentence)."""
    k = next_line(st, i)
    m = next_line(st, k) if k is not None else None
    if m is None or st.lines[i].han < 4 or st.lines[k].han < 4 or not (bare(st, i) and bare(st, k)):
        return False
    text, starts = flat_text(st)
    t = text[starts[i] : starts[i + 1]] + text[starts[k] : starts[k + 1]]
    if len(t) < ECHO_PAIR or not said_elsewhere(st, i, starts[i], t):
        return False
    return not said_elsewhere(st, i, starts[i], t + text[starts[m] : starts[m] + 2])


ECHO_PAIR = 12  # characters at least in a two-line headline found again in the text


def echo_reads_on(st: PageState, i: int, k: int) -> bool:
    """Where the text says line i's words again, it goes on with the first words of line k: the
    line reads on (a deck repeated in the text: 目标感十足的坚定与战略 / 感十足的节奏…, its
    break where no pair of the page's tells it)."""
    text, starts = flat_text(st)
    return said_elsewhere(st, i, starts[i], text[starts[i] : starts[i + 1]] + text[starts[k] : starts[k] + 2])


def echo_reads_from(st: PageState, j: int, i: int) -> bool:
    """Where the text says line i's words again, the last words of line j come before them:
    the sentence reads on from j into i (注入了 / 强大确定性和正能量, a deck's last line)."""
    text, starts = flat_text(st)
    end = starts[j + 1]
    return said_elsewhere(st, i, end - 2, text[end - 2 : end] + text[starts[i] : starts[i + 1]])


def body_opens_under(st: PageState, upper: int, label: int) -> bool:
    """The line under a labelled line is as wide as a paragraph's indented first line, and the
    line over the label does not read on into it: the body opens there, so the upper line is
    the headline's, no paragraph's first line read before its headline (音符跃动，谱写动人篇章
    / （新语·…） / 我是一名作曲家，创…; not 我是一名作曲家，创作生涯始于 / （新语·…） /
    上世纪80年代初期，…, a full line going on)."""
    k = next_line(st, label)
    words = st.lines[upper].text.replace("，", "", 1).replace(",", "", 1)
    if k is None or not st.free(k) or not words.strip(QUOTES).isalnum():
        return False  # (a headline's line pauses once at most: 习近平总书记指出：“… is prose)
    lo, hi = st.profile.paragraph.indent_tolerance
    if not lo <= st.columns[k] - st.lines[k].width <= hi:
        return False
    before, after = st.lines[upper].text, st.lines[k].text
    return seen_across(st, before, after) == 0 and word_across(before, after) < COMMON
