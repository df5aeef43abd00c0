"""Score a reader's Document against a page's gold Document.

Everything is compared through canonical text (Han characters, digits and Latin letters only),
because OCR text differs from the gold: predicted articles are matched to gold articles by
overlap of character 4-grams (shorter ones are shared by any two texts on one topic); titles, authors and bios count as right at similarity >= 0.75 (so an
OCR-garbled name still counts); paragraph boundaries are carried from the prediction into the
gold through a character alignment (difflib) and count when they land within two characters of
a gold boundary. Han characters lost are those of the input text that no article and no lead of
the output holds (only in `unplaced`, or nowhere): the OCR's own losses are not the reader's.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from pipeline.model import Article, Document

SIMILAR = 0.75
TOLERANCE = 2  # characters a boundary may miss its gold position by (a lost or extra character)
FOUND_COVER = 0.5  # share of a gold article's bigrams one predicted article must hold
MERGE_COVER = 0.3  # share of a gold article's bigrams that, inside another article, is a merge
NGRAM = 4  # n-grams that tell articles apart (bigrams are shared by any two texts on one topic)


def is_han(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF


def key(text: str) -> str:
    """Canonical text: Han, digits and Latin letters, full-width forms folded (NFKC), lower case."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if is_han(c) or (c.isascii() and c.isalnum())).lower()


def key_map(text: str) -> tuple[str, list[int]]:
    """The key of `text` and, for each key character, its index in `text` (for showing context)."""
    chars, where = [], []
    for i, c in enumerate(text):
        k = key(c)
        for ch in k:
            chars.append(ch)
            where.append(i)
    return "".join(chars), where


def similarity(a: str, b: str) -> float:
    ka, kb = key(a), key(b)
    if not ka and not kb:
        return 1.0
    if not ka or not kb:
        return 0.0
    return difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio()


def han_count(text: str) -> Counter:
    return Counter(c for c in text if is_han(c))


def _grams(k: str) -> Counter:
    return Counter(k[i : i + NGRAM] for i in range(len(k) - NGRAM + 1)) if len(k) >= NGRAM else Counter([k])


@dataclass
class Unit:
    """A lead or an article as the scorer sees it: its whole text and its body blocks."""

    name: str
    full: str
    blocks: list[str]
    article: Article | None = None

    def __post_init__(self) -> None:
        self.grams = _grams(key(self.full))
        self.size = max(1, sum(self.grams.values()))


def units(doc: Document) -> list[Unit]:
    out = []
    if doc.lead and (doc.lead.paragraphs or doc.lead.heading):
        # (a signature closes the note's text: the bench's gold keeps it as the last paragraph)
        blocks = list(doc.lead.paragraphs) + ([doc.lead.signature] if doc.lead.signature else [])
        out.append(Unit("lead", doc.lead.heading + "".join(blocks), blocks))
    for i, a in enumerate(doc.articles):
        full = a.title + (a.byline or "".join(a.authors)) + "".join(b.text for b in a.blocks) + a.bio
        out.append(Unit(f"article {i + 1}", full, [b.text for b in a.blocks], a))
    return out


@dataclass
class ArticleResult:
    index: int  # 0-based in the gold
    status: str  # found | merged | split | partial | missing
    pred: int | None  # the predicted unit holding most of it
    title: bool
    authors: bool
    bio: bool
    names_read: bool = True  # every gold author's name stands intact in the reader's input


@dataclass
class Boundaries:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Boundaries) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PageScore:
    page: str
    split: str
    gold_articles: int
    pred_articles: int
    articles: list[ArticleResult]
    lead_ok: bool
    boundaries: Boundaries
    han_input: int  # Han characters in the text the reader was given
    han_gold: int  # Han characters the page prints (gold articles, lead, furniture)
    han_ocr_lost: int  # of the gold's, not in the input: the OCR's loss, not the reader's
    han_lost: int  # in the input, but in no article or lead of the output
    han_unplaced: int  # Han of the output's unplaced text (furniture excluded)
    unplaced_in_order: bool
    error: str = ""
    details: list[str] = field(default_factory=list)

    @property
    def found(self) -> int:
        return sum(a.status == "found" for a in self.articles)

    @property
    def articles_ok(self) -> bool:
        return self.found == self.gold_articles and self.pred_articles == self.gold_articles


def _owners(pred: list[Unit], gold: list[Unit]) -> tuple[list[list[int]], list[int | None]]:
    ov = [[sum((p.grams & g.grams).values()) for g in gold] for p in pred]
    owner: list[int | None] = []
    for row in ov:
        best = max(range(len(gold)), key=lambda j: row[j]) if gold else None
        owner.append(best if best is not None and row[best] >= 3 else None)
    return ov, owner


def _authors_ok(got: list[str], want: list[str]) -> bool:
    g = [key(x) for x in got if key(x)]
    w = [key(x) for x in want if key(x)]
    if len(g) != len(w):
        return False
    free = list(g)
    for name in w:
        hit = next((x for x in free if x.endswith(name) or similarity(x, name) >= SIMILAR), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def _judge_article(gi: int, gj: int, pred: list[Unit], gold: list[Unit], ov, owner) -> ArticleResult:
    g = gold[gj]
    parts = [i for i, o in enumerate(owner) if o == gj and pred[i].article is not None]
    cover = [ov[i][gj] / g.size for i in range(len(pred))]
    swallowed = [i for i in range(len(pred)) if owner[i] != gj and cover[i] >= MERGE_COVER]
    main = max(range(len(pred)), key=lambda i: cover[i]) if pred else None
    if main is not None and cover[main] == 0:
        main = None
    if swallowed:
        status = "merged"
    elif len(parts) > 1:
        status = "split"
    elif not parts:
        status = "missing"
    elif any(j != gj and ov[parts[0]][j] / gold[j].size >= MERGE_COVER for j in range(len(gold))):
        status = "merged"
    else:
        status = "found" if cover[parts[0]] >= FOUND_COVER else "partial"
    want = g.article
    got = pred[main].article if main is not None else None
    if got is None or want is None:
        return ArticleResult(gi, status, main, False, False, False)
    return ArticleResult(
        gi,
        status,
        main,
        similarity(got.title, want.title) >= SIMILAR,
        _authors_ok(got.authors, want.authors),
        similarity(got.bio, want.bio) >= SIMILAR,
    )


@dataclass
class _Stream:
    """The gold body text of several units laid end to end, with internal paragraph ends."""

    key: str
    raw: str
    where: list[int]  # key index -> raw index
    bounds: list[int]  # internal block ends, as key offsets


def _stream(blocks_per_unit: list[list[str]]) -> _Stream:
    keys, raws, where, bounds = [], [], [], []
    n = 0
    for blocks in blocks_per_unit:
        ends = []
        for b in blocks:
            k, w = key_map(b)
            if not k:
                continue
            base = sum(len(r) for r in raws)
            keys.append(k)
            where += [base + x for x in w]
            raws.append(b + "¶")
            n += len(k)
            ends.append(n)
        bounds += ends[:-1]
    return _Stream("".join(keys), "".join(raws), where, bounds)


def _context(s: _Stream, pos: int, width: int = 10) -> str:
    if not s.where:
        return ""
    r = s.where[pos] if pos < len(s.where) else len(s.raw)
    return (s.raw[max(0, r - width) : r] + "|" + s.raw[r : r + width]).replace("\n", " ")


def _map_boundary(m: list[int], b: int) -> list[int]:
    """Gold positions a predicted boundary (before pred character b) may stand for."""
    out = []
    if b - 1 >= 0 and m[b - 1] >= 0:
        out.append(m[b - 1] + 1)
    if b < len(m) and m[b] >= 0:
        out.append(m[b])
    if not out:
        left = next((i for i in range(b - 2, max(-1, b - 6), -1) if m[i] >= 0), None)
        right = next((i for i in range(b + 1, min(len(m), b + 5)) if m[i] >= 0), None)
        if left is not None:
            out.append(m[left] + (b - left))
        if right is not None:
            out.append(m[right] - (right - b))
    return out


def _boundaries(pred: list[Unit], gold: list[Unit], ov, owner, details: list[str]) -> Boundaries:
    gstream = _stream([g.blocks for g in gold])
    lengths = [len(_stream([g.blocks]).key) for g in gold]
    offsets = [sum(lengths[:j]) for j in range(len(gold))]
    gold_bounds = set(gstream.bounds)
    used: set[int] = set()
    res = Boundaries(gold=len(gold_bounds))
    for i, p in enumerate(pred):
        ps = _stream([p.blocks])
        res.pred += len(ps.bounds)
        if not ps.bounds:
            continue
        js = sorted({j for j in range(len(gold)) if ov[i][j] / p.size >= 0.1} | ({owner[i]} - {None}))
        part = "".join(gstream.key[offsets[j] : offsets[j] + lengths[j]] for j in js)
        glob = [x for j in js for x in range(offsets[j], offsets[j] + lengths[j])]
        m = [-1] * len(ps.key)
        for a, b, size in difflib.SequenceMatcher(None, part, ps.key, autojunk=False).get_matching_blocks():
            for t in range(size):
                m[b + t] = glob[a + t]
        for b in ps.bounds:
            hit = _nearest(_map_boundary(m, b), gold_bounds - used)
            if hit is None:
                details.append(f"{p.name}: extra paragraph break at {_context(ps, b)!r}")
            else:
                used.add(hit)
                res.tp += 1
    for gb in sorted(gold_bounds - used):
        j = max(k for k in range(len(gold)) if offsets[k] <= gb)
        details.append(f"gold {gold[j].name}: missed paragraph break at {_context(gstream, gb)!r}")
    return res


def _nearest(cands: list[int], free: set[int]) -> int | None:
    near = [(abs(gb - c), gb) for c in cands for gb in range(c - TOLERANCE, c + TOLERANCE + 1) if gb in free]
    return min(near)[1] if near else None


def _in_order(unplaced: list[str], source: str) -> bool:
    src = key(source)
    cursor = 0
    for u in unplaced:
        k = key(u)[:12]
        if not k:
            continue
        at = src.find(k, cursor)
        if at < 0:
            if src.find(k) >= 0:
                return False
            continue  # changed beyond recognition: cannot tell
        cursor = at + len(k)
    return True


def _han_of_output(doc: Document) -> Counter:
    c: Counter = Counter()
    if doc.lead:
        c += han_count(doc.lead.heading + "".join(doc.lead.paragraphs) + doc.lead.signature)
    for a in doc.articles:
        # The printed byline (文/郑平, 湖南大学教授 张三) holds the names and what else the page printed.
        c += han_count(a.title + (a.byline or "".join(a.authors)) + a.bio + "".join(b.text for b in a.blocks))
    return c


def _describe(r: ArticleResult, pred: list[Unit], want: Article) -> list[str]:
    got = pred[r.pred].article if r.pred is not None else None
    name = f"gold article {r.index + 1} {want.title.split(chr(10))[-1][:16]!r}"
    out = []
    if r.status != "found":
        where = pred[r.pred].name if r.pred is not None else "nowhere"
        out.append(f"{name}: {r.status} (most of it in predicted {where})")
    if got is None:
        return out
    if not r.title:
        out.append(f"{name}: title {got.title!r}, want {want.title!r}")
    if not r.authors:
        out.append(f"{name}: authors {got.authors}, want {want.authors}")
    if not r.bio:
        out.append(f"{name}: bio {got.bio[:40]!r}, want {want.bio[:40]!r}")
    return out


def score_page(
    gold: Document,
    pred: Document | None,
    source: str,
    furniture: list[str] | tuple[str, ...] = (),
    page: str = "",
    split: str = "",
    error: str = "",
) -> PageScore:
    """Score one page. `source` is the text the reader was given; `furniture` the page's furniture lines."""
    gu = units(gold)
    pu = units(pred) if pred is not None else []
    furn = han_count("".join(furniture))
    han_in = han_count(source)
    source_key = key(source)
    han_gold = _han_of_output(gold) + furn
    details: list[str] = [f"reader failed: {error}"] if error else []
    ov, owner = _owners(pu, gu)
    results = []
    lead_ok = gold.lead is None
    for gj, g in enumerate(gu):
        if g.article is None:
            lp = next((p for p in pu if p.article is None), None)
            lead_ok = lp is not None and similarity("".join(lp.blocks), "".join(g.blocks)) >= SIMILAR
            if not lead_ok:
                details.append(f"lead: got {(lp.full[:30] if lp else None)!r}, want {g.full[:30]!r}")
            continue
        r = _judge_article(len(results), gj, pu, gu, ov, owner)
        r.names_read = all(key(n) in source_key for n in g.article.authors)
        results.append(r)
        details += _describe(r, pu, g.article)
    if gold.lead is None and any(p.article is None for p in pu):
        lead_ok = False
        details.append("lead: found one where the page has none")
    bounds = _boundaries(pu, gu, ov, owner, details)
    unplaced = list(pred.unplaced) if pred is not None else []
    lost = han_in - (_han_of_output(pred) if pred is not None else Counter()) - furn
    in_order = _in_order(unplaced, source)
    if not in_order:
        details.append("unplaced text out of source order")
    n_lost = sum(lost.values())
    if n_lost:
        details.append(f"{n_lost} Han characters in no article: {''.join(sorted(lost.elements()))[:30]!r}")
    return PageScore(
        page=page,
        split=split,
        gold_articles=len(gold.articles),
        pred_articles=len(pred.articles) if pred is not None else 0,
        articles=results,
        lead_ok=lead_ok,
        boundaries=bounds,
        han_input=sum(han_in.values()),
        han_gold=sum(han_gold.values()),
        han_ocr_lost=sum((han_gold - han_in).values()),
        han_lost=n_lost,
        han_unplaced=sum((han_count("".join(unplaced)) - furn).values()),
        unplaced_in_order=in_order,
        error=error,
        details=details,
    )


@dataclass
class Summary:
    """Totals over pages: what one row of a bench table shows."""

    pages: int = 0
    errors: int = 0
    gold_articles: int = 0
    found: int = 0
    pages_ok: int = 0
    titles: int = 0
    authors: int = 0
    names_read: int = 0  # articles whose authors' names the OCR read intact
    authors_read: int = 0  # ... and right
    bios: int = 0
    leads: int = 0
    boundaries: Boundaries = field(default_factory=Boundaries)
    worst_f1: float = 1.0
    han_input: int = 0
    han_gold: int = 0
    han_ocr_lost: int = 0
    han_lost: int = 0
    pages_lost: int = 0
    han_unplaced: int = 0
    in_order: int = 0

    def add(self, s: PageScore) -> None:
        self.pages += 1
        self.errors += bool(s.error)
        self.gold_articles += s.gold_articles
        self.found += s.found
        self.pages_ok += s.articles_ok
        self.titles += sum(a.title for a in s.articles)
        self.authors += sum(a.authors for a in s.articles)
        self.names_read += sum(a.names_read for a in s.articles)
        self.authors_read += sum(a.authors and a.names_read for a in s.articles)
        self.bios += sum(a.bio for a in s.articles)
        self.leads += s.lead_ok
        self.boundaries.add(s.boundaries)
        self.worst_f1 = min(self.worst_f1, s.boundaries.f1)
        self.han_input += s.han_input
        self.han_gold += s.han_gold
        self.han_ocr_lost += s.han_ocr_lost
        self.han_lost += s.han_lost
        self.pages_lost += s.han_lost > 0
        self.han_unplaced += s.han_unplaced
        self.in_order += s.unplaced_in_order

    def rate(self, n: int) -> float:
        return n / self.gold_articles if self.gold_articles else 1.0

    def as_row(self) -> dict[str, str]:
        b = self.boundaries
        return {
            "pages": str(self.pages),
            "articles": str(self.gold_articles),
            "found": f"{self.rate(self.found):.1%}",
            "pages ok": f"{self.pages_ok}/{self.pages}",
            "titles": f"{self.rate(self.titles):.1%}",
            "authors": f"{self.rate(self.authors):.1%}",
            "authors read": f"{self.authors_read / self.names_read:.1%}" if self.names_read else "-",
            "bios": f"{self.rate(self.bios):.1%}",
            "lead": f"{self.leads}/{self.pages}",
            "para P/R": f"{b.precision:.3f}/{b.recall:.3f}",
            "para F1": f"{b.f1:.3f}",
            "worst F1": f"{self.worst_f1:.2f}",
            "OCR lost Han": f"{self.han_ocr_lost / self.han_gold:.1%}" if self.han_gold else "-",
            "Han lost": f"{self.han_lost} ({self.pages_lost}p)",
            "unplaced Han": str(self.han_unplaced),
            "in order": f"{self.in_order}/{self.pages}",
            "errors": str(self.errors),
        }


def summarise(scores: list[PageScore]) -> Summary:
    s = Summary()
    for p in scores:
        s.add(p)
    return s
