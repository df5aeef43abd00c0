"""Where an article begins when the OCR read its headline and byline late.

An engine that reads a column at a time may read an article's first column before the
headline and byline set over the columns (or beside them): the text then runs from the
article before, which ended without a bio, straight into this one's, and its anchors stand
further down, after a finished sentence or even inside one. The articles pass cuts at the
anchors, so the first part of the article goes to the one before (or, at the page's top, is
an article of its own with no byline).

The text tells where the cut belongs: an article's words recur through its own text
(character bigrams), so the part read before the anchors is better explained by the text
after them than by the text before it. The cut moves back to the sentence end where that
log-likelihood ratio is largest, and only where it is large, in total and per bigram (the
best of many cuts is taken, so a small ratio is what chance gives between two parts of one
article).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from operator import add

from ...text import HAN_RUN, is_han
from ..matching import LABEL
from ..names import Byline
from ..page import ArticleSpan, HeadBlock, PageState, Role
from ..signs import ends_sentence, ends_with_mark
from .context import names_line, titled_byline, worded_mark

EVIDENCE = 60.0  # nats: how much better the next article's words explain the moved text, at least
PER_BIGRAM = 0.5  # nats per counted bigram of the moved text, at least (a long stretch of weak evidence is none)
KEEP = 8  # lines each side holds at least: the article before keeps them, the text after the anchor has them
OTHERS = 6  # articles after the next one whose words are the page's other text (a page holds a few)
REACH = 100  # lines before the anchor a cut is sought in (a column or two: the TUNE moves were 22-90 lines)
# Half an article against the text before its headline (TUNE: one article's two halves scored
# up to 89 nats, a section on another subject; two articles' from 176 up)
ANOTHER_TEXT = 150.0
ANOTHER_PER_BIGRAM = 0.4
SEAM_WINDOW = 160  # lines after a seam its evidence is weighed on (half as many before it)
# A headline too many already says an article is hidden: less evidence than ANOTHER_TEXT (TUNE:
# the seam of two merged articles 153 nats; the best cut inside one article 42)
SEAM_EVIDENCE = 100.0
NEAR = 3  # lines of its article's first column a headline may be read after
SMOOTH = 0.5  # added to every bigram's count (a bigram one side never uses is not impossible there)


def _bigrams(text: str) -> Counter:
    """The text's bigrams inside runs of Han (a line break ends a run: no bigram spans two lines)."""
    out: Counter = Counter()
    for run in HAN_RUN.findall(text):
        out.update(map(add, run, run[1:]))  # (each character joined to the next, at C speed)
    return out


def _counts(st: PageState, idx: list[int]) -> Counter:
    """The bigrams of these lines, in a Counter of their own (the evidence takes from it)."""
    return _bigrams("\n".join([st.lines[i].text for i in idx]))


class _Evidence:
    """Log-likelihood ratio of the moved text under two bigram models (smoothed counts): the
    next article's text after the anchor against what stays before the cut. Only bigrams one
    side or the other uses count: one neither uses says nothing about where the text belongs
    (and would favour the smaller side, whose smoothing leaves more to the unseen). Kept up to
    date as lines move from one side to the other, so every cut is scored in one pass (linear)."""

    def __init__(self, new: Counter, old: Counter):
        self.new, self.old = new, old
        vocab = len(set(new) | set(old)) + 1
        self.total_new = sum(new.values()) + SMOOTH * vocab
        self.total_old = sum(old.values()) + SMOOTH * vocab
        self.moved: Counter = Counter()
        self.n = 0  # moved bigrams that count
        self.log_odds = 0.0  # their sum of log(new count + SMOOTH) - log(old count + SMOOTH)

    def move(self, grams: Counter) -> None:
        moved, old, new = self.moved, self.old, self.new
        log, smooth = math.log, SMOOTH
        n, odds = self.n, self.log_odds
        for g, v in grams.items():
            m, o, k = moved.get(g, 0), old[g], new.get(g, 0)
            # the bigram's share before the move, taken out, and after it, put in (it counts
            # while some of it is moved and one side or the other uses it)
            if m and (o or k):
                n -= m
                odds -= m * (log(k + smooth) - log(o + smooth))
            m, o = m + v, o - v
            moved[g], old[g] = m, o
            if o or k:
                n += m
                odds += m * (log(k + smooth) - log(o + smooth))
            self.total_old -= v
        self.n, self.log_odds = n, odds

    def ratio(self) -> float:
        return self.log_odds - self.n * (math.log(self.total_new) - math.log(self.total_old))


def _cut(st: PageState, before: list[int], after: list[int]) -> int | None:
    """The index into `before` (an article's body lines in order) where the text read before
    the anchors begins: the sentence end where the moved text is best explained by `after`
    (the new article's text) rather than by what stays; None to leave the cut where it is."""
    if len(before) <= KEEP or len(after) < KEEP:
        return None  # (a few lines are no model of an article's words)
    lines = st.lines
    lo = max(KEEP, len(before) - REACH)
    per_line = [_bigrams(lines[i].text) for i in before[lo:]]  # the lines a cut may move
    old = _counts(st, before)
    new = _counts(st, after)
    ev = _Evidence(new, old)
    best, best_ratio, best_n = None, 0.0, 0
    for x in range(len(before) - 1, lo - 1, -1):
        ev.move(per_line[x - lo])
        if not ends_sentence(lines[before[x - 1]].text):
            continue
        r = ev.ratio()
        if r > best_ratio:
            best, best_ratio, best_n = x, r, ev.n
    if best is None or best_ratio < EVIDENCE or best_ratio < PER_BIGRAM * best_n:
        return None
    return best


def _split(art: ArticleSpan, x: int) -> ArticleSpan:
    """Article `art` cut before its x-th body line: the rest, with any anchor after the cut
    (byline, bio), is a new article."""
    cut = art.body[x]
    new = ArticleSpan(start=cut, end=art.end)
    new.body = art.body[x:]
    art.body = art.body[:x]
    if art.byline is not None and art.byline > cut:
        new.byline, new.stacked, art.byline, art.stacked = art.byline, art.stacked, None, []
    new.bio, art.bio = art.bio, []
    art.end = max([art.start, *art.body])
    return new


def _move_back(st: PageState, prev: ArticleSpan, art: ArticleSpan) -> None:
    """Text at the end of a bio-less article that reads as the next article's: the next one's."""
    x = _cut(st, prev.body, art.body)
    if x is None:
        return
    cut = prev.body[x]
    art.body = prev.body[x:] + art.body
    prev.body = prev.body[:x]
    prev.end = max([prev.start, *prev.body, *prev.bio])
    art.start = cut
    st.note("article-start-moved", st.lines[cut].no)


def _inner_byline(st: PageState, art: ArticleSpan) -> bool:
    """The article's byline stands inside its text, next to headline lines, while the article
    already has a headline over its first line: two articles' anchors, so two articles."""
    b = art.byline
    if b is None or b <= art.start or not art.body or art.body[0] > b or art.body[-1] < b:
        return False
    if st.role(art.start - 1) != Role.HEADLINE:
        return False
    end = art.byline_end
    return st.role(b - 1) == Role.HEADLINE or (end is not None and st.role(end + 1) == Role.HEADLINE)


def _byline_over_another(st: PageState, art: ArticleSpan) -> ArticleSpan | None:
    """The next article, where the article's byline stands inside its text with a headline by
    it, the text before it began under no headline of its own and after no bio (at the page's
    top: its headline, byline and bio glued into rows of its text by the OCR), and the text after it reads
    as another article's (_another_text): the byline read as displaced into its own text
    (…的主体作用。“枫桥经” / 文/李永智 / 记住要求、心有榜样… / 少年儿童是祖国的未来) opens the
    article its headline heads. The cut is at the byline, or earlier where _cut finds the new
    text begins."""
    b = art.byline
    if b is None or not art.body or not art.body[0] < b < art.body[-1]:
        return None
    if st.role(art.start - 1) in (Role.HEADLINE, Role.BIO):
        return None  # (text right after a bio is the next article's first column: _displaced)
    end = art.byline_end if art.byline_end is not None else b
    if st.role(b - 1) != Role.HEADLINE and st.role(end + 1) != Role.HEADLINE:
        return None
    before = [i for i in art.body if i < b]
    after = [i for i in art.body if i > b]
    if not _another_text(st, before, after):
        return None
    x = _cut(st, before, after)
    new = _split(art, len(before) if x is None else x)
    if new.byline is None:  # (cut after the byline: the byline and its headline go with the text after)
        new.byline, new.stacked, art.byline, art.stacked = art.byline, art.stacked, None, []
        new.start = min(b, new.start)
    st.note("byline-opens-article", st.lines[new.start].no)
    return new


NAMES_WITH_WORDS = 0.3  # how plausible a line's names inside a sentence must be, the text's words agreeing
# (articles.IN_SENTENCE_NAMES asks 0.75 where nothing else says byline; here the cut must also
# pass the bigram ratio, so a rare surname after a misread bullet, 国尉建文 at 0.4, is enough)


def _names_inside(st: PageState, art: ArticleSpan, in_blocks: set[int]) -> tuple[int, Byline] | None:
    """A short line of plausible names inside a sentence of an article that has its byline
    (…接诉即 / 国尉建文 / 办改革…), and its names: no column line is that short mid-sentence, so
    it is a byline the OCR's reading order put into the text, and not this article's. Only a
    line the headline pass set apart alone (a block of one line) is asked."""
    if art.byline is None or len(art.body) < 2 * KEEP:
        return None
    body = set(art.body)
    marks = tuple(m for m in st.profile.byline.prefixes if any(is_han(c) for c in m))
    for i in range(art.body[0] + 1, art.body[-1]):
        if i in (art.byline, *art.stacked) or not ({i - 1, i + 1} <= body):
            continue
        read = i in body  # read as the article's text: only names after a worded mark (文/尉建文)
        if read and not st.lines[i].text.startswith(marks):
            continue  # (most lines: the cheap look first)
        if not read and (st.role(i) != Role.HEADLINE or i in in_blocks):
            continue
        prev = st.lines[i - 1].text
        if ends_with_mark(prev) or ends_sentence(prev):
            continue
        b = names_line(st, i, NAMES_WITH_WORDS, 6, alone=True) or titled_byline(st, i)
        if b is not None and (not read or worded_mark(b)):
            return i, b
    return None


def _second_article(st: PageState, art: ArticleSpan, in_blocks: set[int]) -> ArticleSpan | None:
    """The article whose byline stands inside this one's text (_names_inside), cut off where
    its words begin (at the sentence end _cut finds, before the byline); None where the text
    does not say so."""
    found = _names_inside(st, art, in_blocks)
    if found is None:
        return None
    i, b = found
    x = _cut(st, [k for k in art.body if k < i], [k for k in art.body if k > i])
    if x is None:
        return None
    art.body = [k for k in art.body if k != i]
    new = _split(art, x)
    new.byline = i
    st.bylines[i] = b
    st.claim(i, Role.BYLINE, f"names={b.score:.2f} inside the next article's text", "article_starts")
    if b.dropped:
        st.note("bullet-misread", st.lines[i].no, char=b.dropped)
    st.heads[:] = [h for h in st.heads if h.lines != [i]]
    st.note("article-start-moved", st.lines[new.start].no)
    return new


def _headline_inside(st: PageState, art: ArticleSpan, heads: list[HeadBlock], firsts: list[int]) -> ArticleSpan | None:
    """The next article, where a headline stands inside this one's text and the text after it
    is another article's: a bio-less article run into a byline-less one, whose headline the
    reading order put after its first line (本报评论部 … 新机遇。 / 习近平总书记指出：“加快构 /
    多措并举 / 协同发力 / … / 建清洁低碳…). The text after the headline is another article's
    where its first half is far better explained by its second half than by the text before
    the headline (an article's own headline read late inside its text leaves one article's
    words on both sides); the cut is the sentence end before the headline that the moved text
    reads best from, else the last one in the lines right over it: a headline is read after its
    article's first line or two, and one with no sentence end there is not asked. `heads` are
    the strong headlines found inside text (_strong_inside), `firsts` their first lines."""
    if not art.body:
        return None
    for h in heads[bisect_right(firsts, art.body[0]) : bisect_left(firsts, art.body[-1])]:
        first, last = h.lines[0], h.lines[-1]
        if art.byline is not None and first < art.byline:
            continue
        before = [i for i in art.body if i < first]
        after = [i for i in art.body if i > last]
        if len(before) <= KEEP or len(after) < 2 * KEEP:
            continue
        near = _sentence_end_near(st, before)  # (read after its article's first line or two)
        if near is None or not _another_text(st, before, after):
            continue
        x = _cut(st, before, after)
        new = _split(art, near if x is None else x)
        st.note("article-start-moved", st.lines[new.start].no)
        return new
    return None


def _strong_inside(st: PageState) -> list[HeadBlock]:
    """Headlines found cutting running text, of two lines or more or labelled, in page order
    (one line cut out of the text may be the text's own, glued or misread)."""
    heads = [h for h in st.heads if h.where == "in-body" and (len(h.lines) > 1 or LABEL.search(h.text))]
    return sorted(heads, key=lambda h: h.lines[0])


def _sentence_end_near(st: PageState, before: list[int]) -> int | None:
    """Where the text after the last sentence end in the lines right before a headline begins
    (the headline read after the first line or two of its article's first column)."""
    for x in range(len(before), max(0, len(before) - NEAR) - 1, -1):
        if x > 0 and ends_sentence(st.lines[before[x - 1]].text):
            return x
    return None


def _another_text(st: PageState, before: list[int], after: list[int]) -> bool:
    """The first half of `after` reads as the rest of `after`'s text, not as `before`'s: both
    models from as many lines (a larger model explains any text better), the ones nearest it,
    and each side weighed on two SEAM_WINDOWs at most (a page of many articles reads in
    linear time)."""
    half = min(len(after) // 2, 2 * SEAM_WINDOW)
    n = min(len(before), len(after) - half, 2 * SEAM_WINDOW)
    if n < 2 * KEEP:
        return False
    r, counted = _moved_ratio(st, before[-n:], after[:half], after[half : half + n])
    return r >= ANOTHER_TEXT and r >= ANOTHER_PER_BIGRAM * counted


def _moved_ratio(st: PageState, old: list[int], moved: list[int], new: list[int]) -> tuple[float, int]:
    """The evidence (nats, bigrams counted) that the `moved` lines read as `new`'s text rather
    than as `old`'s."""
    ev = _Evidence(_counts(st, new), _counts(st, old + moved))
    for i in moved:
        ev.move(_bigrams(st.lines[i].text))
    return ev.ratio(), ev.n


def _seam(st: PageState, body: list[int]) -> tuple[float, int] | None:
    """The sentence end in an article's text where what follows reads most unlike what comes
    before (up to SEAM_WINDOW lines after it, half as many before), and its evidence; None if
    nowhere enough."""
    best: tuple[float, int] | None = None
    lines = st.lines
    for x in range(2 * KEEP, len(body) - 2 * KEEP):
        if not ends_sentence(lines[body[x - 1]].text):
            continue
        w = min(SEAM_WINDOW, 2 * x, len(body) - x)
        r, n = _moved_ratio(st, body[x - w // 2 : x], body[x : x + w // 2], body[x + w // 2 : x + w])
        if r >= SEAM_EVIDENCE and r >= ANOTHER_PER_BIGRAM * n and (best is None or r > best[0]):
            best = (r, x)
    return best


def _hidden_articles(st: PageState) -> None:
    """More headlines stacked after the last article than articles without a headline of their
    own: an article without a bio ran into one without a byline, and nothing between them was
    read as an anchor. The article whose text holds a seam where the words change most (the
    evidence of _another_text, over windows either side) is cut there, once per headline over."""
    if not st.articles:
        return
    last = max(a.end for a in st.articles)
    stacked = [h for h in st.heads if h.lines[0] > last]
    if not stacked:
        return
    headed = _Headed(st.heads)
    for _ in range(len(stacked) - sum(not headed(a) for a in st.articles)):
        found = [(s, k) for k, a in enumerate(st.articles) if len(a.body) >= 8 * KEEP and (s := _seam(st, a.body))]
        if not found:
            return
        (_, x), k = max(found)
        new = _split(st.articles[k], x)
        st.articles.insert(k + 1, new)
        st.note("article-start-moved", st.lines[new.start].no)


class _Headed:
    """Whether a headline stands right over an article's first line or among its first lines
    (one ending two lines over it at most and beginning within NEAR lines of it), asked of
    every article: the headlines sorted by their last line, with the least first line of those
    from each on, so each article costs a bisection, not a walk over every headline (a long
    input of many pages holds hundreds of both)."""

    def __init__(self, heads: list[HeadBlock]) -> None:
        spans = sorted((h.lines[-1], h.lines[0]) for h in heads)
        self.lasts = [last for last, _ in spans]
        self.least_first = [first for _, first in spans]
        for k in range(len(spans) - 2, -1, -1):
            self.least_first[k] = min(self.least_first[k], self.least_first[k + 1])

    def __call__(self, art: ArticleSpan) -> bool:
        k = bisect_left(self.lasts, art.start - 2)
        return k < len(self.lasts) and self.least_first[k] <= art.start + NEAR


def _first_column_first(st: PageState) -> None:
    """Text at the page's top before its first anchor, no byline or bio of its own, that reads
    as the next article's (explained far better by that article's words than by the other
    articles' on the page): that article's first column, read before its headline and byline,
    not an article of its own."""
    arts = st.articles
    if len(arts) < 3:
        return  # (no other article's words to weigh it against)
    top, nxt = arts[0], arts[1]
    if top.byline is not None or top.bio or len(top.body) < KEEP or len(nxt.body) < KEEP:
        return
    others = [i for a in arts[2 : 2 + OTHERS] for i in a.body]
    if len(others) < KEEP:
        return
    ev = _Evidence(_counts(st, nxt.body), _counts(st, others + top.body))
    for i in top.body:
        ev.move(_bigrams(st.lines[i].text))
    r = ev.ratio()
    if r < EVIDENCE or r < PER_BIGRAM * ev.n:
        return
    nxt.body = top.body + nxt.body
    nxt.start = top.start
    del arts[0]
    st.note("article-start-moved", st.lines[nxt.start].no)


def article_starts(st: PageState) -> None:
    """Move each article's start back to where its text begins, when its anchors were read late."""
    _first_column_first(st)
    in_blocks = {i for h in st.heads if len(h.lines) > 1 for i in h.lines}
    inside = _strong_inside(st)
    firsts = [h.lines[0] for h in inside]
    out: list[ArticleSpan] = []
    for art in st.articles:
        if out and not out[-1].bio and out[-1].body and art.body:
            _move_back(st, out[-1], art)
        second = _second_article(st, art, in_blocks)
        if second is not None:
            out.append(art)
            art = second
        second = _headline_inside(st, art, inside, firsts)
        if second is not None:
            out.append(art)
            art = second
        second = _byline_over_another(st, art)
        if second is not None:
            out.append(art)
            art = second
        if _inner_byline(st, art):
            b = art.byline
            before = [i for i in art.body if i < b]
            after = [i for i in art.body if i > b]
            x = _cut(st, before, after)
            if x is not None:
                out.append(art)
                art = _split(art, x)
                st.note("article-start-moved", st.lines[art.start].no)
        out.append(art)
    st.articles[:] = out
    _hidden_articles(st)
