"""Give each headline its article: position evidence plus content, as one assignment.

Where a headline stands relative to the articles (right before one, after one's bio, inside
one's body, with the others at the page end) makes some pairings plausible; its words
recurring in a body decide between them (matching.py: IDF-weighted bigrams over the whole
body, the Hungarian algorithm over all pairings, the margin over the next best). The kind of
position each assigned headline had is decided here, once, for the model and the report.
"""

from __future__ import annotations

from bisect import bisect_left

from ...text import is_han
from ..dictionary import COMMON, word_across
from ..matching import (
    LABEL,
    LARGE,
    BodyIndex,
    Candidate,
    _best,
    assign,
    bigrams,
    content_scores,
    leave_value,
    score_matrix,
)
from ..page import ArticleSpan, HeadBlock, PageState, Role, Shape
from ..signs import ends_with_mark
from ..text_forms import label_only
from .context import listing, next_line, opens_deck
from .headline_words import bare, echoed

SMALL_MARGIN = 0.15


def _gap(spans: list[ArticleSpan], starts: list[int], line: int) -> tuple[int, bool]:
    """(g, inside): the article the line is inside of, or the gap before article g."""
    g = bisect_left(starts, line)
    if g > 0 and line <= spans[g - 1].end:
        return g - 1, True
    return g, False


def _positions(st: PageState, h: HeadBlock, spans: list[ArticleSpan], starts: list[int]) -> tuple[dict, int]:
    g, inside = _gap(spans, starts, h.lines[0])
    n = len(spans)
    if inside:
        art = spans[g]
        body_before = [i for i in art.body if i < h.lines[0]]
        under = art.byline is not None and (not body_before or _right_under(st, art.byline_end, h.lines[0]))
        return ({g: "after-byline" if under else "inside"}, g)
    if g == n:  # after the last article: the page-end headlines
        pos = {k: "page-end" for k in range(n)}
        if n and _adjacent(st, spans[-1].end, h.lines[0]):
            pos[n - 1] = "after-end"
        return pos, g
    pos = {g: "before"}
    if g > 0:
        pos[g - 1] = "after-end"
    return pos, g


def _right_under(st: PageState, byline: int, first: int) -> bool:
    """Only headline lines stand between the byline and the block: the headline under its
    byline, read with it inside the article's text (芦子龙 / 党性修养不是一阵子 / 而是“一辈子)."""
    return byline < first and all(st.role(i) == Role.HEADLINE for i in range(byline + 1, first))


def _unassigned(st: PageState, h: HeadBlock, c: Candidate, spans: list[ArticleSpan], starts: list[int]) -> None:
    """A headline no article takes: lines found inside an article's body were its text after
    all (an OCR-damaged short line); lines between articles are set apart and flagged."""
    g, inside = _gap(spans, starts, h.lines[0])
    if inside:
        spans[g].body = sorted(spans[g].body + h.lines)
        for i in h.lines:
            st.claim(i, Role.BODY, "headline-unassigned", "assign")
        return
    if _ends_lead(st, h):
        for i in h.lines:
            st.lead.append(i)
            st.claim(i, Role.LEAD, "headline-unassigned", "assign")
        return
    if g < len(spans) and _opens_text(st, h, spans[g]):
        spans[g].body = sorted(spans[g].body + h.lines)
        for i in h.lines:
            st.claim(i, Role.BODY, "headline-unassigned", "assign")
        return
    st.note("headline-unplaced", c.line, text=c.text.replace("\n", " "))
    for i in h.lines:
        st.claim(i, Role.UNPLACED, "headline-unassigned", "assign")


def _opens_text(st: PageState, h: HeadBlock, art: ArticleSpan) -> bool:
    """Right before an article's first body line, a block no article takes whose last line
    breaks off mid-word into it is the text's first line (习近平总书记深刻指 / 出：“过去…: its
    indent lost, as short as a headline line)."""
    last, k = h.lines[-1], next_line(st, h.lines[-1])
    if k is None or k != art.start or k not in art.body or ends_with_mark(st.lines[last].text):
        return False
    return word_across(st.lines[last].text, st.lines[k].text) >= COMMON


def _ends_lead(st: PageState, h: HeadBlock) -> bool:
    """Right after the lead's last line, which breaks off unfinished, a block no article takes
    is the lead's last line (the lead pass set it aside for the shape of a headline)."""
    first = h.lines[0]
    return bool(st.lead) and st.lead[-1] == first - 1 and not ends_with_mark(st.lines[first - 1].text)


def _stacked_onto(st: PageState, h: HeadBlock, spans: list[ArticleSpan]) -> bool:
    """Every article has its headline and this block, between articles, stands stacked against
    one of them (no line between): a kicker set over it or a deck under it, which the content could not
    place (too few words), joins that headline rather than going unplaced. A kicker comes
    before its headline, a deck (opening on a dash) after it."""
    if any(a.head is None for a in spans):
        return False
    if len(h.lines) > 1 and opens_deck(st, st.lines[h.lines[-1]].text):
        return False  # a whole headline down to its deck: no kicker of another, nor its deck
    after = next((a for a in spans if a.head.lines[0] == h.lines[-1] + 1), None)
    before = next((a for a in spans if a.head.lines[-1] + 1 == h.lines[0]), None)
    deck = opens_deck(st, h.text)
    art = (before or after) if deck else (after or before)
    if art is None or len(art.head.lines) + len(h.lines) > st.profile.headline.max_pieces:
        return False
    _join(st, art, h)
    return True


def _join(st: PageState, art: ArticleSpan, h: HeadBlock, over: bool | None = None) -> None:
    """Block h joins the article's headline, over it or under it as it stands on the page
    (or as `over` says: a main line read after its label goes over it)."""
    head = art.head
    if over is None:
        over = h.lines[0] < head.lines[0]
    text = f"{h.text}\n{head.text}" if over else f"{head.text}\n{h.text}"
    art.head = HeadBlock(sorted(head.lines + h.lines), text, head.where)
    st.note("headline-stacked", st.lines[h.lines[0]].no, text=h.text.replace("\n", " "))


def _round_byline(st: PageState, h: HeadBlock, by_byline: dict[int, ArticleSpan]) -> bool:
    """A block no article takes, right over an article's byline, whose headline stands right
    under that byline: one headline set large, which the reading order split round the byline
    (党性修养不是 / “一辈子” / 而是 / 芦子龙 / “一阵子” / （思想纵横））. The block joins it, over it.
    (`by_byline`: the first article with each byline line, _by_byline.)"""
    k = h.lines[-1] + 1  # (nothing between, not even furniture: a page's date is no piece of it)
    art = by_byline.get(k)
    if art is None or art.head is None or not _right_under(st, art.byline_end, art.head.lines[0]):
        return False
    if len(art.head.lines) + len(h.lines) > st.profile.headline.max_pieces:
        return False
    _join(st, art, h)
    return True


def _by_byline(spans: list[ArticleSpan]) -> dict[int, ArticleSpan]:
    """The first article with each byline line: a block left over is looked up by the line under
    it (a scan of every article for each block was quadratic on a long input: 0.36 s profiled
    at 575 pages). No article's byline changes while the blocks left over are placed."""
    return {a.byline: a for a in reversed(spans) if a.byline is not None}


def _kicker_over(st: PageState, h: HeadBlock, art: ArticleSpan) -> bool:
    """A block inside an article, set right over the headline that article took (a kicker
    the reading order put with it into the text: 发展新质生产力与改造提升传统产业密不可分 over
    积极运用新技术改造提升传统产业（专题深思）), joins that headline."""
    head = art.head
    if head is None or head.lines[0] != h.lines[-1] + 1 or opens_deck(st, h.text):
        return False
    if len(head.lines) + len(h.lines) > st.profile.headline.max_pieces:
        return False
    _join(st, art, h)
    return True


def _label_tail(st: PageState, h: HeadBlock, art: ArticleSpan) -> bool:
    """A labelled line found inside an article whose headline has no label, and which the
    assignment gave to no article: the end of that headline, broken off a display line the
    reading order split (进一步激发基层干事 … 活力（金台潮声）), or its main line under a kicker
    (发展新质生产力与改造提升传统产业密不可分 … 技术改造提升传统产业（专题深思）). It joins the
    headline under its last line: an article is never labelled twice, nor left in its text."""
    head = art.head
    if head is None or head.lines[-1] > h.lines[0] or len(h.lines) != 1 or LABEL.search(head.text):
        return False
    if not LABEL.search(h.text):
        return False
    _join(st, art, h)
    return True


def _joins_head(st: PageState, h: HeadBlock, art: ArticleSpan) -> bool:
    """A block left inside an article that is part of the headline that article took."""
    return (
        _kicker_over(st, h, art)
        or _label_tail(st, h, art)
        or _main_of_label(st, h, art)
        or _main_under_kicker(st, h, art)
        or _kicker_after_byline(st, h, art)
        or _main_under_line(st, h, art)
    )


def _main_under_line(st: PageState, h: HeadBlock, art: ArticleSpan) -> bool:
    """A bare line of headline words cutting a sentence of an article whose headline is one
    bare line, no label, before the text: the headline's two lines, which the reading order
    parted (汲取传统村落生态智慧 over the byline … 无不 / 建设好宜居宜业和美乡村 / 与周边山林…).
    No article took it, the text says its words again (as it does a headline's), and the
    article has only half a headline: it joins, under it."""
    head = art.head
    if head is None or len(head.lines) != 1 or len(h.lines) != 1 or head.lines[0] > h.lines[0]:
        return False
    if h.where != "in-body" or LABEL.search(head.text) or LABEL.search(h.text):
        return False
    main = st.profile.headline.main_chars
    if not all(bare(st, i) and st.lines[i].han >= main for i in (head.lines[0], h.lines[0])):
        return False
    if not echoed(st, h.lines[0]):
        return False  # a headline's words recur in its text; a clause cut off a sentence's do not
    a, b = ({c for c in x if is_han(c)} for x in (head.text, h.text))
    if len(a & b) > min(len(a), len(b)) / 2:
        return False  # the headline said again in the text (“建设安全舒适绿色智慧的‘好房子’”)
    _join(st, art, h)
    return True


def _kicker_after_byline(st: PageState, h: HeadBlock, art: ArticleSpan) -> bool:
    """A bare line of headline words right under the article's byline, both read inside its
    text, while the headline it took ends on a column label and stands before them (积极运用新
    技术改造提升传统产业（专题深思） … 一般 / 张显瀚 / 发展新质生产力与改造提升传统产业密不可分 /
    革命中…): the headline's other line, set beside the byline. A label closes a headline, so the
    line goes over it (under it where it opens on a deck's dash)."""
    head, end = art.head, art.byline_end
    if head is None or end is None or h.lines[0] != end + 1 or len(h.lines) != 1:
        return False
    if head.lines[-1] > art.byline or not LABEL.search(head.text) or LABEL.search(h.text):
        return False
    if (
        not bare(st, h.lines[0])
        or st.lines[h.lines[0]].han < st.profile.headline.main_chars
        or len(head.lines) + 1 > st.profile.headline.max_pieces
    ):
        return False
    if not any(i < art.byline for i in art.body):
        return False  # (a byline over the text, not read inside it: the line is the text's)
    _join(st, art, h, over=not opens_deck(st, h.text))
    return True


def _main_under_kicker(st: PageState, h: HeadBlock, art: ArticleSpan) -> bool:
    """A bare line of headline words found inside an article whose headline is a kicker alone:
    two short phrases of a few characters each (多措并举 / 协同发力), a line apiece, no label.
    The reading order put the main line into the text (…稳扎稳打，在 / 加快建设新型能源体系 /
    推进新能源…); it joins the kicker, under it. A kicker's phrases are whole; a narrow
    headline's pieces (让中医 / 药产业更) break inside words and are no kicker."""
    head = art.head
    if head is None or len(h.lines) != 1 or head.lines[-1] > h.lines[0] or LABEL.search(head.text):
        return False
    if len(head.lines) != st.profile.headline.kicker_lines or not all(
        st.profile.headline.kicker_chars[0] <= st.lines[i].han <= st.profile.headline.kicker_chars[1]
        for i in head.lines
    ):
        return False
    if not all(bare(st, i) for i in head.lines) or word_across(*(st.lines[i].text for i in head.lines)) >= COMMON:
        return False
    if not bare(st, h.lines[0]) or st.lines[h.lines[0]].han < st.profile.headline.main_chars:
        return False
    _join(st, art, h)
    return True


def _main_of_label(st: PageState, h: HeadBlock, art: ArticleSpan) -> bool:
    """A bare line of headline words found inside an article whose headline is a column label
    alone, and which the assignment gave to no article: the headline's main line, which the
    reading order put into the text (（深入学习贯彻…思想） at the page top, 美国滥施关税及中国反制
    措施的法理视角透析 cutting a sentence). It joins the label, over it."""
    head = art.head
    if head is None or len(h.lines) != 1 or not label_only(head.text) or head.lines[0] > h.lines[0]:
        return False
    if LABEL.search(h.text) or not bare(st, h.lines[0]) or st.lines[h.lines[0]].han < st.profile.headline.main_chars:
        return False
    _join(st, art, h, over=True)
    return True


def _adjacent(st: PageState, end: int, first: int) -> bool:
    """Only headlines and furniture stand between the two lines."""
    return all(st.role(i) in ("headline", "furniture") for i in range(end + 1, first))


def _close_open_lists(st: PageState, spans: list[ArticleSpan], starts: list[int]) -> None:
    """A headline block standing before an article and left open on a listing mark
    (从用电量看中国发展向新性、稳定性、 over its byline) is no whole headline: its end is the
    labelled block found inside that article's text (普惠性（人民观点）, read among the body's
    lines), whose words go on with the list. The two are one headline, where the first stood."""
    heads = sorted(st.heads, key=lambda h: h.lines[0])
    for h in heads:
        if not h.text.endswith("、") or h not in st.heads:
            continue
        g, inside = _gap(spans, starts, h.lines[0])
        if inside or g >= len(spans):
            continue
        art = spans[g]
        rest = next((x for x in heads if art.start <= x.lines[0] <= art.end and x in st.heads), None)
        label = LABEL.search(rest.text) if rest is not None else None
        if label is None or "\n" in rest.text or not listing(rest.text[: label.start()]):
            continue
        st.heads[st.heads.index(h)] = HeadBlock(h.lines + rest.lines, f"{h.text}\n{rest.text}", h.where)
        st.heads.remove(rest)
        st.note("headline-stacked", st.lines[rest.lines[0]].no, text=rest.text)


def assign_pass(st: PageState) -> None:
    spans = st.articles
    starts = [a.start for a in spans]
    _close_open_lists(st, spans, starts)
    # Every candidate scored below is a headline block or several joined: their bigrams are all
    # the index is asked about.
    vocab = {g for h in st.heads for g in bigrams(h.text)}
    lines = st.lines
    bodies = BodyIndex(["".join([lines[i].text for i in a.body]) for a in spans], vocab)
    cands, blocks = [], []
    for h in st.heads:
        pos, zone = _positions(st, h, spans, starts)
        cands.append(Candidate(h.text, st.lines[h.lines[0]].no, pos, zone))
        blocks.append(h)
    cands, blocks = _merge(st, cands, blocks, bodies)
    left = []
    for c, h, a in zip(cands, blocks, assign(cands, bodies), strict=True):
        if a.article < 0 or spans[a.article].head is not None:
            left.append((c, h))
            continue
        art = spans[a.article]
        art.head, art.score, art.margin = h, a.score, a.margin
        art.position = c.positions.get(a.article, "far")
        if a.margin < SMALL_MARGIN:
            st.note("headline-margin", c.line, margin=a.margin)
    by_byline = _by_byline(spans)
    for c, h in left:
        g, inside = _gap(spans, starts, h.lines[0])
        if _round_byline(st, h, by_byline) or (inside and _joins_head(st, h, spans[g])):
            continue
        if inside or not _stacked_onto(st, h, spans):
            _unassigned(st, h, c, spans, starts)
    for k, art in enumerate(spans):
        if art.head is None:
            st.note("no-title", None, article=k + 1)


def _lines(st: PageState, blocks: list[HeadBlock], idx: list[int], body_col: float = 0.0) -> float:
    """How many printed headline lines the candidates make: a line narrower than half its
    column (a piece of an inset headline) counts as the share of half a column it fills. More
    pieces than a headline across the columns has lines can only be an inset headline set a
    few characters a line: its pieces count as the share of the column they fill, so ten
    half-column pieces weigh as the five lines they would fill, not as ten. The column is at
    least the bodies' (body_col): pieces standing alone make a narrow column of their own."""
    lines = [i for k in idx for i in blocks[k].lines]
    if not st.columns:
        return float(len(lines))
    share = 1.0 if len(lines) > st.profile.headline.max_lines else 0.5
    return sum(min(1.0, st.lines[i].width / (share * max(st.columns[i], body_col))) for i in lines)


def _body_column(st: PageState) -> float:
    """The median column width over the articles' body lines."""
    cols = sorted(st.columns[i] for a in st.articles for i in a.body) if st.columns else []
    return cols[len(cols) // 2] if cols else 0.0


def _runs(st: PageState, cands: list[Candidate], blocks: list[HeadBlock]) -> list[list[int]]:
    """Candidates on consecutive lines in the same zone: one or more headlines, undivided."""
    runs: list[list[int]] = []
    for i in range(len(cands)):
        if (
            runs
            and blocks[i].lines[0] == blocks[runs[-1][-1]].lines[-1] + 1
            and cands[i].zone == cands[runs[-1][-1]].zone
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _compositions(n: int, limit: int) -> list[list[tuple[int, int]]]:
    """Every split of lines 0..n-1 into contiguous groups of at most `limit` lines."""
    if n == 0:
        return [[]]
    out = []
    for k in range(1, min(limit, n) + 1):
        out += [[(0, k)] + [(a + k, b + k) for a, b in rest] for rest in _compositions(n - k, limit)]
    return out


LONG_HEADLINE = 0.15  # score given up per headline line beyond two
EXHAUSTIVE = 10  # runs up to this many lines try every split; longer ones a dynamic programme
CLOSED = 1.0  # a group that runs on past a column label: two headlines, not one
BLOCK_CUT = 0.5  # a group ending inside one of the engine's blocks
TRAILING = 0.05  # per short line under a headline's main line that is no deck: kickers stand above


def _trailing_short(st: PageState, blocks: list[HeadBlock], idx: list[int]) -> int:
    """Lines after the group's widest line, clearly shorter than it and not opening on a dash
    (a deck's): short lines over a headline are its kicker, under it they are rarer, so of
    two equal splits of a stack the one that puts them over the next headline wins."""
    lines = [i for k in idx for i in blocks[k].lines]
    widths = [st.lines[i].width for i in lines]
    top = widths.index(max(widths))
    return sum(
        1
        for i, w in zip(lines[top + 1 :], widths[top + 1 :], strict=True)
        if w < widths[top] - 2 and not opens_deck(st, st.lines[i].text)
    )


def _block_cuts(st: PageState, blocks: list[HeadBlock], run: list[int], a: int, b: int) -> int:
    """Ends of the group that cut one of the engine's blocks: on a page of blocks, the lines an
    engine set in one block of their own (党性修养不是 / 而是“一辈子 between a bio and a
    byline) are one headline; a blank line is where two part."""
    if st.shape != Shape.BLOCKS:
        return 0
    cuts = 0
    if a > 0 and st.lines[blocks[run[a - 1]].lines[-1]].joined:
        cuts += 1
    if b < len(run) and st.lines[blocks[run[b - 1]].lines[-1]].joined:
        cuts += 1
    return cuts


def _closed_early(st: PageState, lines: list[str]) -> int:
    """Lines of a group after the line that closes its headline: a column label closes the
    main line (only a deck may follow it), a deck closes the headline (nothing follows it)."""
    deck = [opens_deck(st, t) for t in lines]
    after_label = any(LABEL.search(t) and not all(deck[k + 1 :]) for k, t in enumerate(lines[:-1]) if not deck[k])
    # (and a deck alone is the end of a headline whose other lines stand before it)
    return int(after_label) + int(any(deck[:-1])) + int(deck == [True])


def _joined(cands: list[Candidate], idx: list[int]) -> Candidate:
    pos: dict = {}
    for i in reversed(idx):
        pos.update(cands[i].positions)
    first = cands[idx[0]]
    return Candidate("\n".join(cands[i].text for i in idx), first.line, pos, first.zone)


def _merge(st: PageState, cands: list[Candidate], blocks: list[HeadBlock], bodies: list[str]):
    """On a page without blank lines a headline of several lines arrives as one candidate per
    line, and the page-end headlines as one run of lines. Each run is split into the groups
    that make the best assignment over the whole page: a group that mixes two headlines
    matches neither article well, and a headline split in two leaves one part without an
    article (both cost score), so the split that scores best is the one the page printed."""
    limit, n = st.profile.headline.max_pieces, len(bodies)
    runs = _runs(st, cands, blocks)
    multi = [r for r, run in enumerate(runs) if len(run) > 1]
    if not multi:
        return cands, blocks
    if n > LARGE or len(cands) > LARGE:
        return _merge_linear(st, runs, cands, blocks, bodies)
    rows: dict[tuple[int, int, int], list[float]] = {}
    body_col = _body_column(st)

    def row(r: int, a: int, b: int) -> list[float]:
        if (r, a, b) not in rows:
            extra = LONG_HEADLINE * max(0.0, _lines(st, blocks, runs[r][a:b], body_col) - 2)  # a kicker or deck: rarer
            extra += TRAILING * _trailing_short(st, blocks, runs[r][a:b])
            extra += CLOSED * _closed_early(st, _joined(cands, runs[r][a:b]).text.split("\n"))
            extra += BLOCK_CUT * _block_cuts(st, blocks, runs[r], a, b)
            rows[r, a, b] = [
                v - extra for v in score_matrix([_joined(cands, runs[r][a:b])], bodies, contradicted=True)[0]
            ]
        return rows[r, a, b]

    choice = {r: [(i, i + 1) for i in range(len(runs[r]))] for r in range(len(runs))}

    def total() -> float:
        groups = [(r, a, b) for r in range(len(runs)) for a, b in choice[r]]
        leave = [leave_value(_joined(cands, runs[r][a:b])) for r, a, b in groups]
        return _best([row(r, a, b) for r, a, b in groups], leave=leave)[0]

    for r in multi:  # a long run (a page-end stack of headlines): start from the best split by content
        if len(runs[r]) > EXHAUSTIVE:
            choice[r] = _dp_split(runs[r], cands, bodies, limit)

    def best_of(r: int, options: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
        scored = []
        for opt in options:
            choice[r] = opt
            scored.append((total(), -len(opt), opt))
        choice[r] = max(scored, key=lambda t: (t[0], t[1]))[2]
        return choice[r]

    for _round in range(2):
        for r in multi:
            if len(runs[r]) <= EXHAUSTIVE:
                best_of(r, _compositions(len(runs[r]), limit))
                continue
            for _step in range(2 * len(runs[r])):  # too many splits to try all: climb by single moves
                was = choice[r]
                if best_of(r, [was, *_neighbours(was, limit)]) == was:
                    break
    return _apply(runs, choice, cands, blocks)


def _neighbours(split: list[tuple[int, int]], limit: int) -> list[list[tuple[int, int]]]:
    """Splits one move away: two neighbouring groups merged, a group cut in two, or the
    boundary between two groups moved by one line."""
    out = []
    for k in range(len(split)):
        a, b = split[k]
        for c in range(a + 1, b):
            out.append([*split[:k], (a, c), (c, b), *split[k + 1 :]])
        if k + 1 < len(split):
            _, d = split[k + 1]
            if d - a <= limit:
                out.append([*split[:k], (a, d), *split[k + 2 :]])
            for m in (b - 1, b + 1):
                if a < m < d and m - a <= limit and d - m <= limit:
                    out.append([*split[:k], (a, m), (m, d), *split[k + 2 :]])
    return out


def _dp_split(run: list[int], cands: list[Candidate], bodies, limit: int) -> list[tuple[int, int]]:
    """The split of a run into groups whose words each point to one article best."""
    groups = [(a, b) for a in range(len(run)) for b in range(a + 1, min(len(run), a + limit) + 1)]
    probe = [_joined(cands, run[a:b]) for a, b in groups]
    tops = {}
    for (a, b), scores in zip(groups, content_scores(probe, bodies, windowed=True), strict=True):
        tops[a, b] = sorted(((v, k) for k, v in scores.items()), reverse=True)
    return _segment_free(tops, len(run), limit)


def _apply(runs, choice, cands, blocks) -> tuple[list[Candidate], list[HeadBlock]]:
    out_c: list[Candidate] = []
    out_b: list[HeadBlock] = []
    for r, run in enumerate(runs):
        for a, b in choice[r]:
            c = _joined(cands, run[a:b])
            out_c.append(c)
            out_b.append(HeadBlock([x for i in run[a:b] for x in blocks[i].lines], c.text, blocks[run[a]].where))
    return out_c, out_b


def _merge_linear(st, runs, cands, blocks, bodies):
    """Concatenated pages: per run, the split into groups whose words each point to one
    article best (a dynamic programme), so the cost stays linear in the input."""
    limit = st.profile.headline.max_pieces
    choice = {}
    for r, run in enumerate(runs):
        if len(run) == 1:
            choice[r] = [(0, 1)]
            continue
        choice[r] = _dp_split(run, cands, bodies, limit)
    return _apply(runs, choice, cands, blocks)


GROUP = 0.3  # given up per group: a split must earn its parts
BEAM = 64  # sets of articles kept per line of a run (a run's headlines go to few articles)


def _segment_free(tops: dict, n: int, limit: int) -> list[tuple[int, int]]:
    """The split of 0..n-1 into groups of at most `limit` maximising the groups' scores, each
    group worth its best article's score (tops: (score, article), best first) among the
    articles no earlier group of the run took: a run's headlines are different articles', so a
    headline's pieces that all point to its article stay one group rather than each scoring
    for it."""
    # best[b]: the articles the groups up to b took -> (their total, where the last group began,
    # the articles taken before it)
    best: list[dict] = [{} for _ in range(n + 1)]
    best[0][frozenset()] = (0.0, 0, frozenset())
    for b in range(1, n + 1):
        for a in range(max(0, b - limit), b):
            for used, (total, _, _) in best[a].items():
                score, art = next(((v, k) for v, k in tops[a, b] if k not in used), (0.0, None))
                state = used if art is None else used | {art}
                value = total + score - GROUP
                if state not in best[b] or value > best[b][state][0]:
                    best[b][state] = (value, a, used)
        if len(best[b]) > BEAM:
            best[b] = dict(sorted(best[b].items(), key=lambda kv: -kv[1][0])[:BEAM])
    out, b = [], n
    state = max(best[n], key=lambda k: best[n][k][0])
    while b > 0:
        _, a, prev = best[b][state]
        out.append((a, b))
        b, state = a, prev
    return out[::-1]
