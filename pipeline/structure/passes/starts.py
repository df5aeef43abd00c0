"""Where an article begins when the OCR read its headline and byline late.

An engine that reads a column at a time may read an article's first column before the
headline and byline set over the columns (or beside them): the text then runs from the
article before, which ended without a bio, straight into this one's, and its anchors stand
further down, after a finished sentence or even inside one. The articles pass cuts at the
anchors, so the first part of the article goes to the one before.

The text tells where the cut belongs: an article's words recur through its own text (IDF-
weighted character bigrams), so the part read before the anchors reads like the text after
them and unlike the text before it. The cut moves back to the sentence end where that
difference is largest, and only by a clear margin (the best of many cuts is taken, so a
small difference is what chance gives between two parts of one article).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..page import ArticleSpan, PageState, Role
from ..signs import ends_sentence

MARGIN = 0.08  # cosine gain of the moved text's likeness to the new article over the old one's
KEEP = 8  # lines the article before keeps at least (its own text to compare with)
REACH = 160  # lines before the anchor a cut is sought in (a column or two of the page)
CHUNK = 10  # lines per "document" for the bigrams' IDF (words of one article recur across many)

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _grams(text: str) -> Counter:
    out: Counter = Counter()
    for run in _HAN_RUN.findall(text):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


class _Likeness:
    """Cosine of IDF-weighted bigram counts between the text moved to the new article and
    either side, kept up to date as lines move from one side to the other (linear)."""

    def __init__(self, idf: dict[str, float], new: Counter, old: Counter):
        self.idf, self.new, self.old = idf, new, old
        self.moved: Counter = Counter()
        w = idf.get
        self.n_new = math.sqrt(sum((v * w(g, 0.0)) ** 2 for g, v in new.items()))
        self.old_sq = sum((v * w(g, 0.0)) ** 2 for g, v in old.items())
        self.moved_sq = self.dot_new = self.dot_old = 0.0

    def move(self, grams: Counter) -> None:
        """A line's bigrams leave the old side and join the moved text."""
        for g, v in grams.items():
            w2 = self.idf.get(g, 0.0) ** 2
            if not w2:
                continue
            m, o = self.moved[g], self.old[g]
            self.dot_old += w2 * ((m + v) * (o - v) - m * o)
            self.old_sq += w2 * ((o - v) ** 2 - o * o)
            self.moved_sq += w2 * ((m + v) ** 2 - m * m)
            self.dot_new += w2 * v * self.new.get(g, 0)
            self.moved[g], self.old[g] = m + v, o - v

    def gain(self) -> float:
        if self.moved_sq <= 0 or self.n_new <= 0:
            return 0.0
        n_m = math.sqrt(self.moved_sq)
        to_old = self.dot_old / (n_m * math.sqrt(self.old_sq)) if self.old_sq > 1e-9 else 0.0
        return self.dot_new / (n_m * self.n_new) - to_old


def _idf(st: PageState, lo: int, hi: int) -> dict[str, float]:
    """Bigram weights from chunks of the lines round the two articles (local: on a long input
    the page's own vocabulary, not the whole book's)."""
    chunks = [_grams("".join(ln.text for ln in st.lines[a : a + CHUNK])) for a in range(lo, hi, CHUNK)]
    df: Counter = Counter(g for c in chunks for g in c)
    n = len(chunks)
    return {g: math.log((n + 1) / (0.5 + d)) for g, d in df.items()}


def _cut(st: PageState, before: list[int], after: list[int]) -> int | None:
    """The index into `before` (an article's body lines in order) where the text read before
    the anchors begins: the sentence end where the moved text is most like `after` (the new
    article's text) and least like what stays; None to leave the cut where it is."""
    if len(before) <= KEEP or not after:
        return None
    lines = st.lines
    lo = max(KEEP, len(before) - REACH)
    idf = _idf(st, before[0], after[-1] + 1)
    per_line = [_grams(lines[i].text) for i in before]
    old: Counter = Counter()
    for g in per_line:
        old.update(g)
    new: Counter = Counter()
    for i in after:
        new.update(_grams(lines[i].text))
    like = _Likeness(idf, new, old)
    best, best_gain = None, MARGIN
    for x in range(len(before) - 1, lo - 1, -1):
        like.move(per_line[x])
        if not ends_sentence(lines[before[x - 1]].text):
            continue
        gain = like.gain()
        if gain > best_gain:
            best, best_gain = x, gain
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


def article_starts(st: PageState) -> None:
    """Move each article's start back to where its text begins, when its anchors were read late."""
    out: list[ArticleSpan] = []
    for art in st.articles:
        if _inner_byline(st, art):
            b = art.byline
            before = [i for i in art.body if i < b]
            after = [i for i in art.body if i > b]
            x = _cut(st, before, after)
            if x is not None:
                out.append(art)
                art = _split(art, x)
                st.note("article-start-moved", st.lines[art.start].no)
        elif out and not out[-1].bio and out[-1].body and art.body:
            _move_back(st, out[-1], art)
        out.append(art)
    st.articles[:] = out
