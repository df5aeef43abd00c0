"""From the page state to the document model: the one thing the structure stage hands on."""

from __future__ import annotations

from dataclasses import replace

from ..clean.quotes import quotes
from ..model import Article, Block, Document, Lead, Placement
from .page import ArticleSpan, PageState, Role, SourceLine
from .passes.bios import CLOSE_READ_FIRST
from .passes.paragraphs import unwrap
from .signs import ends_sentence, ends_with_mark
from .text_forms import LABEL, bio_text, canonical, join_text, mend_labels, mend_openers


def _article(st: PageState, span: ArticleSpan) -> Article:
    b = st.bylines.get(span.byline) if span.byline is not None else None
    bio = ""
    if span.bio:
        # a closing line the OCR read before the bio's opening goes back to its end
        order = sorted(span.bio, key=lambda i: st.claims[i].why == CLOSE_READ_FIRST)
        raw = join_text([st.lines[i].text for i in order])
        bio = bio_text(raw, st.profile.bio.open_brackets, st.profile.bio.close_brackets)
    elif b is not None and b.affiliation:
        # 作者：张三（北京大学教授）: the affiliation is the article's only bio.
        bio, b = b.affiliation, replace(b, affiliation="")
    art = Article(
        title=_quoted(st, _title(st, span.head.text)) if span.head else "",
        authors=list(b.names) if b else list(span.named),
        bio=_quoted(st, bio),
        blocks=[Block(u.type, _quoted(st, u.text)) for u in span.units if u.text],
        byline=b.printed() if b else "",
        authors_from="bio" if b is None and span.named else "",
    )
    if span.head is not None:
        art.placement = Placement(st.lines[span.head.lines[0]].no, span.position, span.score, span.margin)
    return art


def _quoted(st: PageState, text: str) -> str:
    """The text with the straight quotes the OCR wrote for Chinese ones made “ ”, paired within
    this one paragraph, title or bio (clean/quotes.py), and counted for the cleanup report."""
    out, n = quotes(text)
    st.quotes += n
    return out


def _title(st: PageState, text: str) -> str:
    """More lines than a headline set across the columns has, or three and more of a few
    characters each (高质量 / 建设国家 / 生态文 / 明试验区, a column label aside), are the pieces
    of one set narrow beside the body: one line, which the writers break again where the words
    allow. A kicker's short lines over a long one (多措并举 / 协同发力 / 加快建设新型能源体系)
    keep their breaks."""
    parts = mend_openers(mend_labels(text.split("\n")))
    # (a column label on the last piece is no part of its measure: 板惠民生（人民时评）)
    words = [*parts[:-1], LABEL.sub("", parts[-1])] if parts else parts
    narrow = len(parts) >= 3 and all(len(p) <= st.profile.headline.narrow_chars for p in words)
    return "".join(parts) if narrow or len(parts) > st.profile.headline.max_lines else "\n".join(parts)


_LOUD = frozenset((Role.UNPLACED, Role.FURNITURE, Role.BYLINE))


def _unplaced(st: PageState) -> list[str]:
    """What fits nowhere, in source order, a run of adjacent lines as its paragraphs (a
    headline no article took stays a line of its own, never glued to the text under it);
    furniture and misread byline bullets each as their own."""
    out: list[str] = []
    run: list[int] = []
    claims, lines = st.claims, st.lines  # (st.role() of every line, read directly)
    # Only the lines that give text or end a run with their own: a line of any other role (the
    # body, nearly all of a page) only ends a run, which a gap between these indices shows.
    n = len(lines)
    idx = [i for i in range(n) if i not in claims]
    idx += [i for i, c in claims.items() if c.role in _LOUD and 0 <= i < n]
    idx.sort()
    measure = _body_measure(st) if any(claims.get(i) is None or claims[i].role == Role.UNPLACED for i in idx) else None
    prev = -2
    for i in idx:
        if i != prev + 1 and run:
            out += _run_text(st, run, measure)
            run = []
        prev = i
        c = claims.get(i)
        role = c.role if c is not None else None
        if role in (None, Role.UNPLACED):
            run.append(i)
            continue
        if run:
            out += _run_text(st, run, measure)
            run = []
        if role == Role.FURNITURE:
            out.append(lines[i].text.strip())
        elif role == Role.BYLINE and st.bylines[i].dropped:
            out.append(st.bylines[i].dropped)
    if run:
        out += _run_text(st, run, measure)
    return [u for u in out if u]


def _run_text(st: PageState, run: list[int], measure: float | None) -> list[str]:
    """A run of unplaced lines as the paragraphs (and headings) the lines show: an editor
    places them whole, and a paragraph break of the source is not lost because no article
    took its text."""
    rules = st.profile.paragraph
    units = unwrap([st.lines[i] for i in run], rules, st.shape)
    out: list[str] = []
    for u in units:
        if u.type == "heading" or measure is None or any(ln.geo is not None for ln in u.lines):
            out.append(u.text)
            continue
        # (a few lines alone show no column: the page's body shows it)
        part: list[SourceLine] = []
        for k, ln in enumerate(u.lines):
            part.append(ln)
            short = ln.width <= measure - rules.short
            alone = k == 0 and not ends_with_mark(ln.text) and ln.width <= measure - rules.clearly_short
            if k + 1 < len(u.lines) and ((short and ends_sentence(ln.text)) or alone):
                out.append(canonical(join_text([x.text for x in part])))
                part = []
        if part:
            out.append(canonical(join_text([x.text for x in part])))
    return [t for t in out if t]


def _body_measure(st: PageState) -> float | None:
    """The usual width of the page's body lines (its columns' measure), if it has a body."""
    widths = sorted(st.lines[i].width for i, c in st.claims.items() if c.role == Role.BODY)
    return widths[len(widths) * 3 // 4] if len(widths) >= MEASURE_LINES else None


MEASURE_LINES = 8  # body lines at least that show the columns' measure


def to_document(st: PageState) -> Document:
    lead = None
    if st.lead_marker is not None or st.lead:
        signed = st.lead_signature
        signature = st.lines[signed].text.strip() if signed is not None else st.lead_signed
        lead = Lead(st.lead_heading, [_quoted(st, u.text) for u in st.lead_units if u.text], signature=signature)
    return Document(lead=lead, articles=[_article(st, a) for a in st.articles], unplaced=_unplaced(st))
