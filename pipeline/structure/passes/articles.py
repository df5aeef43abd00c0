"""Articles: cut the page at its anchors (bylines start an article, bios end one).

Every byline opens an article. Running text after a bio (or after headlines that followed a
bio) with no byline before it opens one too: the byline was lost or never printed. Text
before the first anchor belongs to the first article (a page without any byline is one
article). Headlines stay out of the bodies here; the assignment pass gives each its article.
"""

from __future__ import annotations

from ...text import accountable
from ..matching import LABEL
from ..names import Byline
from ..page import ArticleSpan, Geometry, PageState, Role
from ..signs import ends_sentence, ends_with_mark
from .context import (
    NAMES_OVER_LABEL,
    body_like,
    clearly_wider,
    headline_shaped,
    names_line,
    next_line,
    same_column,
    titled_byline,
    worded_label,
)
from .headline_shape import body_width


def _before_lead(st: PageState) -> None:
    """Text before the lead's marker at the page top (a page header, a column name) is no
    article's: set apart, in order, and flagged."""
    m = st.lead_marker
    if m is None or any(st.role(i) in (Role.BYLINE, Role.BIO) for i in range(m)):
        return
    for i in range(m):
        if st.free(i):
            st.claim(i, Role.UNPLACED, "before-lead", "articles")
            st.note("lead-unplaced", st.lines[i].no)


def articles(st: PageState) -> None:
    _before_lead(st)
    cur: ArticleSpan | None = None
    closed = False  # the current article has had its bio
    claims = st.claims  # (st.role() of every line, read directly)
    body = st.kind(Role.BODY, "article-text", "articles")  # (claimed for most lines: stored directly)
    # (the roles looked up once: an enum member is a slow class attribute in Python 3.11)
    headline, byline, bio = Role.HEADLINE, Role.BYLINE, Role.BIO
    for i in range(len(st.lines)):
        c = claims.get(i)
        if c is None:  # a line no pass claimed: the article's text (most lines, so asked first)
            if cur is not None and not closed and cur.byline is None and _byline_in_sentence(st, cur, i):
                cur.byline = i  # its article's byline, read inside the text (see the function)
                continue
            # (_after_headline needs a headline right before the line: asked only then)
            after_head = i > 0 and (h := claims.get(i - 1)) is not None and h.role == headline
            if cur is None or closed or (after_head and _after_headline(st, cur, i)):
                cur = _opened(st, cur, closed, i)
                closed = False
            cur.body.append(i)
            cur.end = i
            claims[i] = body
        elif c.role == byline:
            nxt = _at_byline(st, cur, closed, i)
            closed = closed and nxt is cur
            cur = nxt
        elif c.role == bio:
            if cur is None or (closed and not _same_bio(st, cur, i)):
                cur = ArticleSpan(start=i, end=i)
                st.articles.append(cur)
            cur.bio.append(i)
            cur.end = i
            # A bio right under the byline, before any text (学习时报's 作者简介 at the top),
            # leaves the article open: its text follows.
            closed = closed or bool(cur.body) or cur.byline is None
    st.articles[:] = [a for a in st.articles if a.body or a.bio or a.byline is not None]
    _orphans(st)


def _at_byline(st: PageState, cur: ArticleSpan | None, closed: bool, i: int) -> ArticleSpan:
    """The article a byline at line i belongs to: the current one when it was read inside its
    text, a new one from the headline it began at, or a new one from here."""
    if _stacked(st, cur, i):
        return cur
    if _displaced(st, cur, closed, i):
        cur.byline = i  # read in the middle of its own article's text: no new article
        return cur
    h = _opened_by_headline(st, cur, i) if cur is not None and not closed else None
    if h is not None:  # the article began at a headline in the text before its byline
        return _split_at(st, cur, h, i)
    new = ArticleSpan(start=i, byline=i, end=i)
    st.articles.append(new)
    return new


def _stacked(st: PageState, cur: ArticleSpan | None, i: int) -> bool:
    """A byline right under the article's byline, no text between: the next author of the
    same article (authors set one a line: 张明华 / 李建国), whose names join its byline."""
    if cur is None or cur.byline is None or cur.body or cur.bio or cur.end != i - 1:
        return False
    first, here = st.bylines.get(cur.byline), st.bylines.get(i)
    if first is None or here is None:
        return False
    st.bylines[cur.byline] = first.stacked(here)
    st.claim(i, Role.BYLINE, f"names={here.score:.2f} stacked", "articles")
    cur.stacked.append(i)
    cur.end = i
    return True


IN_SENTENCE_NAMES = 0.75  # how plausible the names must be where nothing else says byline


def _byline_in_sentence(st: PageState, cur: ArticleSpan, i: int) -> bool:
    """A short line of plausible names (or of names after their institution and title:
    南开大学社会学院教授尉建文) standing inside a sentence of an article that has no
    byline: the line before breaks off unfinished and the text goes on after it. No column
    line is that short mid-sentence, so it is a byline the OCR's reading order put into the
    text (set beside a column's first lines); the bylines pass leaves such lines alone, as a
    line inside a paragraph may read as names in an article that has its byline."""
    if cur.byline is not None or not cur.body or cur.body[-1] != i - 1 or not st.columns:
        return False
    if (b := _titled_between_paragraphs(st, i)) is not None:
        st.bylines[i] = b
        st.claim(i, Role.BYLINE, f"names={b.score:.2f} between paragraphs", "articles")
        return True
    ln, prev = st.lines[i], st.lines[i - 1]
    k = next_line(st, i)
    if ln.width > st.columns[i] - 4 or ends_with_mark(prev.text) or ends_sentence(prev.text):
        return False
    if k is None or not (_text_goes_on(st, k) or _headline_cut_at(st, k)):
        return False
    # over a labelled headline cutting the text, a rarer surname's names too (盛玉雷 / 爱拼与会赢（人民论坛）)
    labelled = _headline_cut_at(st, k) and LABEL.search(st.lines[k].text)
    least = NAMES_OVER_LABEL if labelled else IN_SENTENCE_NAMES
    b = names_line(st, i, least, 6, alone=True) or titled_byline(st, i)
    if b is None:
        return False
    st.bylines[i] = b
    st.claim(i, Role.BYLINE, f"names={b.score:.2f} inside a sentence", "articles")
    return True


def _titled_between_paragraphs(st: PageState, i: int) -> Byline | None:
    """A byline printed with its institution and title (南开大学社会学院教授尉建文) between two
    paragraphs of an article that has none: the line before ends a sentence and the line after
    is a paragraph's indented first line. A sentence naming someone so would go on into the
    next line, not open a paragraph there."""
    k = next_line(st, i)
    if k is None or not st.free(k) or not ends_sentence(st.lines[i - 1].text):
        return None
    lo, hi = st.profile.paragraph.indent_tolerance
    if not lo <= st.columns[k] - st.lines[k].width <= hi or ends_with_mark(st.lines[k].text):
        return None
    return titled_byline(st, i)


def _text_goes_on(st: PageState, k: int) -> bool:
    return st.free(k) and body_like(st, k) and not st.lines[k].indent


def _headline_cut_at(st: PageState, k: int) -> bool:
    """A headline found cutting the text starts at line k (the byline over it was read into
    the text with it)."""
    c = st.claims.get(k)
    return c is not None and c.role == Role.HEADLINE and c.why == "in-body"


def _opened_by_headline(st: PageState, cur: ArticleSpan, i: int) -> int | None:
    """A byline read inside a sentence (the line before breaks off, the line after goes on,
    unindented) of an article that has its own byline: it belongs to the next article, which
    began at the headline found in this one's text after a finished sentence (a headline
    over the columns, read between two articles with no bio to end the first). That
    headline's first line, if any."""
    if not cur.body or cur.body[-1] != i - 1 or cur.byline is None:
        return None
    k = next_line(st, i)
    if ends_with_mark(st.lines[i - 1].text) or k is None or not st.free(k) or st.lines[k].indent:
        return None
    if not body_like(st, k):
        return None
    for h in range(i - 1, cur.start, -1):
        if st.role(h) == Role.HEADLINE and st.role(h - 1) != Role.HEADLINE:
            before = h - 1
            return h if before in cur.body and ends_with_mark(st.lines[before].text) else None
    return None


def _split_at(st: PageState, cur: ArticleSpan, h: int, byline: int) -> ArticleSpan:
    """The article cut at line h: what follows is a new article with this byline."""
    new = ArticleSpan(start=h, byline=byline, end=byline)
    new.body = [b for b in cur.body if b > h]
    cur.body = [b for b in cur.body if b < h]
    cur.end = max([cur.start, *cur.body, *cur.bio])
    if new.body:
        new.end = max(new.body[-1], byline)
    st.articles.append(new)
    st.note("byline-in-text", st.lines[byline].no)
    return new


def _after_headline(st: PageState, cur: ArticleSpan, i: int) -> bool:
    """Text right after a headline under an article's finished text starts a new article (its
    byline lost to the OCR or read elsewhere, the article before without a bio) where the
    headline opens a band of the page (measured as display type), or a column label closes
    it and the article before already has its own headline over its text: an article is
    never labelled twice, and a subheading carries no column label."""
    h = i - 1
    while h >= 0 and st.role(h) == Role.HEADLINE:
        h -= 1
    if h == i - 1 or h < 0 or not cur.body or cur.body[-1] != h:
        return False
    heads = [st.lines[k].geo for k in range(h + 1, i)]
    before = st.lines[_over_kicker(st, cur, h, heads[0])].geo
    # display type among its lines (a byline or kicker set over it is body-sized): the band
    # says the text before is over, whether or not the OCR kept its last mark (获得 / 感)
    if (
        before is not None
        and all(heads)
        and heads[0].band > before.band
        and max(g.size for g in heads) >= st.profile.size.display
    ):
        return True
    if not ends_with_mark(st.lines[h].text):
        return False
    if st.claims[h + 1].why == "between":
        # its words said again in the text after it (headlines._echo_between), and a headline
        # was found cutting the article's own text before it, or stands under its byline: not
        # one displaced into its own text after its first paragraph. (A headline over its
        # byline may be the article before's, read after that one's bio: no evidence.)
        return body_like(st, i) and (_headline_inside(st, cur, h) or _headline_under_byline(st, cur))
    if not (ends_sentence(st.lines[h].text) and _headed(st, cur) and body_like(st, i)):
        return False
    return worded_label(st, list(range(h + 1, i)))


def _over_kicker(st: PageState, cur: ArticleSpan, h: int, head: Geometry | None) -> int:
    """The last line of the article's text before a measured headline whose first line is
    `head`, past the lines over the headline in its own band and column (its kicker, which no
    pass claimed: 记住要求、 / 心有榜样、 / 从小做起、接受帮助 over 做好少年 / 儿童 / …). Text of
    the article there would stand under its headline, not over it."""
    if head is None:
        return h
    k, n = h, 0
    while n < st.profile.headline.max_lines and k > cur.start and k in cur.body and same_column(st.lines[k].geo, head):
        k, n = k - 1, n + 1
    return k if k in cur.body else h


def _opened(st: PageState, cur: ArticleSpan | None, closed: bool, i: int) -> ArticleSpan:
    """A new article whose text starts at line i, with the kicker of its headline that the
    article before it held (_kicker_carried)."""
    carried = _kicker_carried(st, cur, i) if cur is not None and not closed else []
    new = ArticleSpan(start=carried[0] if carried else i, end=i, body=carried)
    st.articles.append(new)
    return new


def _kicker_carried(st: PageState, cur: ArticleSpan, i: int) -> list[int]:
    """The lines at the end of the article before a new one that opens at line i that stand
    over its headline (_over_kicker): they go with the new article, out of the old one."""
    h = i - 1
    while h >= 0 and st.role(h) == Role.HEADLINE:
        h -= 1
    if h < 0 or not cur.body or cur.body[-1] != h or st.lines[h + 1].geo is None:
        return []
    k = _over_kicker(st, cur, h, st.lines[h + 1].geo)
    carried = [x for x in cur.body if x > k]
    if carried:
        cur.body[:] = [x for x in cur.body if x <= k]
        cur.end = cur.body[-1] if cur.body else cur.end
    return carried


def _headline_inside(st: PageState, cur: ArticleSpan, h: int) -> bool:
    """A headline was found cutting the article's text before line h."""
    return any(_headline_cut_at(st, k) for k in range(cur.start, h))


def _headline_under_byline(st: PageState, cur: ArticleSpan) -> bool:
    """A headline stands right under the article's byline, over its text: its own (one over
    the byline may be the article before's, displaced after that one's bio)."""
    k = cur.byline_end + 1 if cur.byline is not None else -1
    return 0 <= k < len(st.lines) and st.role(k) == Role.HEADLINE


def _headed(st: PageState, cur: ArticleSpan) -> bool:
    """The article has a headline over its text: right before its first line, or next to its
    byline."""
    around = [cur.start - 1]
    if cur.byline is not None:
        around += [cur.byline - 1, cur.byline_end + 1]
    return any(0 <= k < len(st.lines) and st.role(k) == Role.HEADLINE for k in around)


def _orphans(st: PageState) -> None:
    """A little text after a finished article, with no byline or bio of its own, is no article
    (a note, a call for papers, a caption): it is set apart and flagged instead. Under a
    headline of its own, half as much is an article (a short comment, unsigned)."""
    keep = []
    for k, a in enumerate(st.articles):
        if a.byline is not None or a.bio:
            keep.append(a)  # (most articles: their text need not be counted)
            continue
        han = sum(st.lines[i].han for i in a.body)
        # (a short comment under its own headline, 短评 with no byline, is an article)
        small = han < st.profile.article.min_chars // (2 if _headed(st, a) else 1)
        # Marks alone (a quote mark the OCR split off a headline) are no article anywhere.
        marks = not any(accountable(c) for i in a.body for c in st.lines[i].text)
        if marks or (k > 0 and small and st.articles[k - 1].bio):
            for i in a.body:
                st.claim(i, Role.UNPLACED, "after-article", "articles")
            st.note("text-after-bio", st.lines[a.body[0]].no)
            continue
        keep.append(a)
    st.articles[:] = keep


def _displaced(st: PageState, cur: ArticleSpan | None, closed: bool, i: int) -> bool:
    """A byline the OCR read inside its article's text (set beside a column, read after the
    column's first lines): the text before it breaks off mid-sentence and the article it
    interrupts has no byline yet. With its headline over it the byline is still the text's
    own when that text began right after a bio (or the headline under one): an article of its
    own. A byline with no headline by it, in an article that began at its headline (found cutting
    the text after a finished article) and has no byline, is that article's wherever it
    stands: a new article would have no headline."""
    if cur is None or closed or cur.byline is not None or not cur.body:
        return False
    if st.role(cur.start - 1) == Role.HEADLINE and not _headline_by(st, i):
        return True  # the article began at its headline, and no headline stands by this byline
    if _tail_before_bio(st, cur, i):
        return True
    last = st.lines[cur.body[-1]].text
    if ends_with_mark(last):
        return False
    if cur.body[-1] == i - 1:
        return True
    heads = all(st.role(k) == Role.HEADLINE for k in range(cur.body[-1] + 1, i))
    before = cur.start - 1
    while before >= 0 and st.role(before) == Role.HEADLINE:
        before -= 1  # (the article's own headline, over its text after the bio)
    return heads and before >= 0 and st.role(before) == Role.BIO


def _tail_before_bio(st: PageState, cur: ArticleSpan, i: int) -> bool:
    """A byline right after an unfinished sentence of an article that began at its headline,
    with only a few lines of text between it and the next bio: the article's own byline read
    among its last lines (…而应善用AI之术” / 林伟 / 找到教育、科技…), not an article of a few
    lines (no article is shorter than the profile's least)."""
    if st.role(cur.start - 1) != Role.HEADLINE or cur.body[-1] != i - 1 or ends_sentence(st.lines[i - 1].text):
        return False
    han, k = 0, next_line(st, i)
    while k is not None and st.free(k):
        han += st.lines[k].han
        k = next_line(st, k)
    return k is not None and st.role(k) == Role.BIO and 0 < han < st.profile.article.min_chars


def _headline_by(st: PageState, i: int) -> bool:
    """A headline stands right before or after line i, or a line that may be one: worded
    like one, or wider than any column line (the OCR misread its label: 音符跃动，谱写动人篇章
    (新语。文化强国名家谈))."""
    near = [k for k in (i - 1, i + 1) if 0 <= k < len(st.lines)]
    return any(
        st.role(k) == Role.HEADLINE or (headline_shaped(st, k) and not _open_column_line(st, k)) or clearly_wider(st, k)
        for k in near
    )


def _open_column_line(st: PageState, k: int) -> bool:
    """A free line as wide as a column line of running text, its sentence left open (a comma
    in it, no mark at its end: 党的干部，群众工作是看家本): no headline line is set so."""
    t = st.lines[k].text
    return st.free(k) and body_width(st, k) and not ends_with_mark(t) and ("，" in t or "," in t)


def _same_bio(st: PageState, art: ArticleSpan, i: int) -> bool:
    """A bio line right after the article's last bio line continues it."""
    return bool(art.bio) and art.bio[-1] == i - 1
