"""Rebuild the page's structure: lead, articles (title, authors, bio, body), from cleaned lines.

Anchors first, because they are the least ambiguous: the lead marker (导读), bylines (a short
line of names standing alone) and bios (（作者系……）). They cut the page into regions; what
lies between an article's bio and the next byline, or after the last bio, is headline
material, assigned as a whole by pipeline/structure/headlines.py. Bodies are unwrapped into
paragraphs and subheadings by pipeline/structure/unwrap.py.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass, field

from ..errors import AccountingError
from ..model import Article, Block, Document, Lead, Placement
from ..text import accountable
from .headlines import LARGE, Candidate, assign, content_scores
from .lines import (
    LEAD_MARKERS,
    Line,
    blank_separated,
    ends_sentence,
    ends_with_mark,
    is_bio_start,
    is_lead_marker,
    is_page_furniture,
    measure,
    read_lines,
    split_names,
)
from .unwrap import Unit, canonical, unwrap

MAX_BIO_LINES = 8
HEADLINE_MAX_WIDTH = 34.0


@dataclass
class Region:
    byline: list[Line] | None
    authors: list[str]
    body: list[list[Line]] = field(default_factory=list)
    bio: list[Line] = field(default_factory=list)


@dataclass
class Structure:
    """The model plus what the cleanup report needs to explain it."""

    doc: Document
    units: dict[int, list[Unit]] = field(default_factory=dict)  # article index -> rebuilt blocks
    weak: list[str] = field(default_factory=list)


def _blocks(lines: list[Line], blank: bool) -> list[list[Line]]:
    out: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        # A byline set right under a two-line headline (or marked by its indent) is not
        # the headline's third line.
        if cur and (len(cur) >= 2 or ln.indent) and split_names(ln.text) and not ends_sentence(cur[-1].text):
            out.append(cur)
            cur = []
        cur.append(ln)
        # A single newline keeps lines together (a multi-line headline) unless the line
        # closes a sentence: a byline may follow a paragraph with no blank line between.
        if not (blank and ln.joined) or ends_sentence(ln.text):
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _text(block: list[Line]) -> str:
    return "".join(ln.text for ln in block)


def _is_byline(blocks: list[list[Line]], i: int) -> list[str] | None:
    b = blocks[i]
    if len(b) != 1 or i == len(blocks) - 1:
        return None
    names = split_names(b[0].text)
    if not names or is_lead_marker(b[0].text):
        return None
    # A byline stands before a body, never right after an unfinished sentence; names
    # joined by 、 could be a list inside a paragraph, so they need a clean break before.
    if i > 0:
        prev_block = blocks[i - 1]
        prev = _text(prev_block)
        clean_break = ends_sentence(prev) or prev.endswith(("）", ")")) or len(prev_block) > 1 or is_lead_marker(prev)
        if "、" in b[0].text and not clean_break:
            return None
        if not clean_break and not ends_with_mark(prev) and measure(prev) > HEADLINE_MAX_WIDTH:
            return None
    return names


def _headline_like(block: list[Line]) -> bool:
    """One to three short lines without a closing mark: a headline or subheading."""
    if len(block) > 3:
        return False
    t = _text(block)
    if ends_sentence(t) or t[-1] in "，、：" or "。" in t:
        return False
    return not is_bio_start(t) and all(measure(ln.text) <= HEADLINE_MAX_WIDTH for ln in block)


def _late_lead(blocks: list[list[Line]]) -> tuple[list[list[Line]], list[list[Line]]]:
    """A lead note the OCR read after the articles (its box read last): the marker and its
    paragraphs, up to the next byline or bio, come out of the page; headline-like blocks
    right after them stay, since a lead ends on a sentence mark and headlines follow."""
    first = next((i for i in range(len(blocks)) if _is_byline(blocks, i)), len(blocks))
    m = next((i for i, b in enumerate(blocks) if len(b) == 1 and is_lead_marker(b[0].text)), None)
    if m is None or m < first:
        return blocks, []
    j = m + 1
    while j < len(blocks) and not _is_byline(blocks, j) and not is_bio_start(blocks[j][0].text):
        j += 1
    k = j
    while k > m + 1 and _headline_like(blocks[k - 1]):
        k -= 1
    return blocks[:m] + blocks[k:], blocks[m:k]


INLINE_LEAD = re.compile(r"^[【\[]?(" + "|".join(LEAD_MARKERS) + r")[】\]]?[：:]\s*(?=\S)")


def _split_inline_marker(pre: list[list[Line]]) -> list[list[Line]]:
    """ "编者按：近日……" on one line: the marker becomes the lead's heading, the rest its text."""
    if not pre or any(len(b) == 1 and is_lead_marker(b[0].text) for b in pre):
        return pre
    first = pre[0][0]
    m = INLINE_LEAD.match(first.text)
    if not m:
        return pre
    head = Line(first.no, m.group(1))
    rest = Line(first.no, first.text[m.end() :], first.joined, first.indent, first.spaced)
    return [[head], [rest, *pre[0][1:]], *pre[1:]]


def headline_text(block: list[Line]) -> str:
    """Lines of a headline joined by "\\n"; a one-line headline in two space-separated parts
    is two lines printed side by side, so the space becomes the break."""
    parts = [ln.text for ln in block]
    if len(parts) == 1:
        halves = [p for p in re.split(r"(?<=[\u4e00-\u9fff”》）]) +(?=[\u4e00-\u9fff“《（])", parts[0]) if p]
        if len(halves) >= 2 and all(len(h) >= 4 for h in halves):
            parts = halves
    return "\n".join(canonical(p) for p in parts if canonical(p))


def _split_bio(blocks: list[list[Line]]) -> tuple[list[list[Line]], list[Line], list[list[Line]]]:
    """Body, bio lines, and what follows the bio (headline material).

    A bio runs from its opening (（作者系……) to its closing bracket; one without a closing
    bracket ("作者单位：……") runs to its first sentence end. It never swallows a byline or a
    second bio, and never more than MAX_BIO_LINES lines.
    """
    for i, b in enumerate(blocks):
        if not is_bio_start(b[0].text):
            continue
        j, taken = i, 0
        while j < len(blocks) and taken < MAX_BIO_LINES:
            if j > i and (is_bio_start(blocks[j][0].text) or split_names(blocks[j][0].text)):
                break
            taken += len(blocks[j])
            j += 1
            if blocks[j - 1][-1].text.endswith(("）", ")")):
                return blocks[:i], [ln for blk in blocks[i:j] for ln in blk], blocks[j:]
        end = i + 1
        while end < j and not ends_with_mark(_text(blocks[end - 1])):
            end += 1
        return blocks[:i], [ln for blk in blocks[i:end] for ln in blk], blocks[end:]
    return blocks, [], []


def _trailing_headlines(blocks: list[list[Line]]) -> int:
    """How many blocks at the end of a bio-less region look like headlines."""
    n = 0
    for b in reversed(blocks[1:]):
        if _headline_like(b):
            n += 1
        else:
            break
    return n


def bio_text(lines: list[Line]) -> str:
    t = canonical("".join(ln.text for ln in lines))
    if t[:1] in "（(":
        t = t[1:]
    if t[-1:] in "）)":
        t = t[:-1]
    return t.strip()


def build(clean: str, source: str | None = None, force: bool = False) -> Structure:
    lines = read_lines(clean, source)
    blank = blank_separated(lines)
    blocks = _blocks(lines, blank)
    weak: list[str] = []
    unplaced: list[str] = []
    furniture = [b for b in blocks if len(b) == 1 and is_page_furniture(b[0].text)]
    if furniture:
        # Kept (nothing is lost) but out of the articles: shown as leftover text and flagged.
        blocks = [b for b in blocks if not (len(b) == 1 and is_page_furniture(b[0].text))]
        for b in furniture:
            unplaced.append(b[0].text.strip())
            weak.append(f"第{b[0].no}行：版面信息（编辑署名、日期或版号），未归入文章")
    blocks, late_lead = _late_lead(blocks)

    byline_idx = [i for i in range(len(blocks)) if _is_byline(blocks, i)]
    first = byline_idx[0] if byline_idx else len(blocks)
    pre = blocks[:first]

    # --- lead and what stands before the first byline -----------------------------------
    lead: Lead | None = None
    cands: list[Candidate] = []
    pre = _split_inline_marker(pre)
    marker = next((i for i, b in enumerate(pre) if len(b) == 1 and is_lead_marker(b[0].text)), None)
    intro: list[list[Line]] = []
    if marker is not None:
        for b in pre[:marker]:
            unplaced.append(canonical(_text(b)))
        intro = pre[marker + 1 :]
    else:
        intro = pre
    n_head = 0
    if byline_idx:
        # Right before the first byline, a block with no sentence end cannot be the end of
        # the lead (a paragraph ends on a mark), so it is headline material.
        for b in reversed(intro):
            if _headline_like(b) and n_head < 2:
                n_head += 1
            else:
                break
    if marker is None and not byline_idx:
        # No byline at all: one article; a headline-like first block is its title.
        n_head = 0
    head_blocks = intro[len(intro) - n_head :] if n_head else []
    intro = intro[: len(intro) - n_head] if n_head else intro

    regions: list[Region] = []
    if marker is not None:
        lead_lines = [ln for b in intro for ln in b]
        units, _ = unwrap(lead_lines, blank)
        lead = Lead(pre[marker][0].text.strip("【】[]：: "), [u.text for u in units if u.text])
        intro = []
    elif late_lead:
        units, _ = unwrap([ln for b in late_lead[1:] for ln in b], blank)
        lead = Lead(late_lead[0][0].text.strip("【】[]：: "), [u.text for u in units if u.text])
    if intro:
        # Text before the first byline with no lead marker: an article of its own (or the
        # whole page when there is no byline), whose first headline-like block is its title.
        regions.append(Region(None, [], body=list(intro)))
    for b in head_blocks:
        cands.append(Candidate(headline_text(b), b[0].no, {len(regions): "before-byline"}, zone=0))
    for n, bi in enumerate(byline_idx):
        end = byline_idx[n + 1] if n + 1 < len(byline_idx) else len(blocks)
        names = _is_byline(blocks, bi) or []
        regions.append(Region(blocks[bi], names, body=blocks[bi + 1 : end]))

    # --- bios, and the headline material between articles --------------------------------
    for k, reg in enumerate(regions):
        body, bio, tail = _split_bio(reg.body)
        is_last = k == len(regions) - 1
        if not bio:
            keep = _trailing_headlines(body)
            if keep and (not is_last or byline_idx):
                tail = body[len(body) - keep :]
                body = body[: len(body) - keep]
        reg.body, reg.bio = body, bio
        for t_i, b in enumerate(tail):
            if not _headline_like(b):
                unplaced.append(canonical(_text(b)))
                weak.append(f"第{b[0].no}行：作者简介之后的文字无法归入任何文章")
                continue
            if is_last:
                pos = {kk: "page-end" for kk in range(len(regions))}
                if t_i == 0:
                    pos[k] = "after-bio"
            else:
                pos = {k: "after-bio", k + 1: "before-byline"}
            cands.append(Candidate(headline_text(b), b[0].no, pos, zone=k + 1))
        if reg.byline is None and body and _headline_like(body[0]) and len(body) > 1:
            cands.append(Candidate(headline_text(body[0]), body[0][0].no, {k: "before-byline"}))
            reg.body = body[1:]

    # --- bodies, then the headline assignment over all articles --------------------------
    articles: list[Article] = []
    units_by_article: dict[int, list[Unit]] = {}
    for k, reg in enumerate(regions):
        body_lines = [ln for b in reg.body for ln in b]
        units, _joins = unwrap(body_lines, blank)
        units_by_article[k] = units
        for u in units:
            weak.extend(u.weak)
        articles.append(
            Article(
                title="",
                authors=reg.authors,
                bio=bio_text(reg.bio) if reg.bio else "",
                blocks=[Block(u.type, u.text) for u in units if u.text],  # type: ignore[arg-type]
            )
        )
    bodies = ["".join(b.text for b in a.blocks) for a in articles]
    if not blank:
        cands = merge_split_headlines(cands, bodies)
    for c, a in zip(cands, assign(cands, bodies), strict=True):
        if a.article < 0 or articles[a.article].title:
            unplaced.append(c.text.replace("\n", ""))
            weak.append(f"第{c.line}行：标题“{c.text.replace(chr(10), ' ')}”无法归入任何文章")
            continue
        art = articles[a.article]
        art.title = c.text
        art.placement = Placement(c.line, c.positions.get(a.article, "far"), a.score, a.margin)
        if a.margin < 0.15:
            weak.append(f"第{c.line}行：标题归属的领先分差较小（{a.margin:.2f}）")
    for k, art in enumerate(articles):
        if not art.title:
            weak.append(f"第{k + 1}篇：未找到标题")

    doc = Document(lead=lead, articles=articles, unplaced=[u for u in unplaced if u])
    check_accounting(clean, doc, force)
    s = Structure(doc, units_by_article, weak)
    return s


def merge_split_headlines(cands: list[Candidate], bodies: list[str]) -> list[Candidate]:
    """On a page without blank lines a two-line headline arrives as two one-line
    candidates. Adjacent lines in the same place are one headline unless each clearly points
    to a different article."""
    if len(cands) < 2:
        return cands
    if len(cands) > LARGE or len(bodies) > LARGE:
        rows = content_scores(cands, bodies, windowed=True)  # concatenated pages: stay linear
        best = [min(row, key=lambda k: (-row[k], k)) if row else -1 for row in rows]
        scores = [list(row.values()) for row in rows]
    else:
        scores = content_scores(cands, bodies)
        best = [max(range(len(bodies)), key=lambda k: row[k]) if bodies else -1 for row in scores]
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if (
            i + 1 < len(cands)
            and cands[i + 1].line == c.line + 1
            and cands[i + 1].zone == c.zone
            and (best[i] == best[i + 1] or not (_distinct(scores[i]) and _distinct(scores[i + 1])))
            and "\n" not in c.text + cands[i + 1].text
        ):
            pos = {**cands[i + 1].positions, **c.positions}
            out.append(Candidate(c.text + "\n" + cands[i + 1].text, c.line, pos, c.zone))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _distinct(row: list[float]) -> bool:
    """A line whose words clearly point to one article (so it is a headline of its own)."""
    top = sorted(row, reverse=True)
    return top[0] >= 0.6 and (len(top) < 2 or top[1] < 0.5 * top[0])


def _count(text: str) -> Counter:
    # Count every character once (C speed), then keep the accountable ones.
    return Counter({c: n for c, n in Counter(text).items() if accountable(c)})


def check_accounting(clean: str, doc: Document, force: bool = False) -> tuple[int, int]:
    """Every Han character, digit and Latin letter of the input appears in the model once."""
    cin, cout = _count(clean), _count(doc.plain_text())
    n_in, n_out = sum(cin.values()), sum(cout.values())
    if cin != cout:
        lost = "".join(sorted((cin - cout).elements()))[:20]
        extra = "".join(sorted((cout - cin).elements()))[:20]
        msg = f"character accounting failed: {n_in} in, {n_out} out (lost {lost!r}, duplicated {extra!r})"
        if not force:
            raise AccountingError(msg + "; rerun with --force to write the output anyway")
        warnings.warn(msg, stacklevel=2)
    doc.stats["chars_in"] = n_in
    doc.stats["chars_out"] = n_out
    return n_in, n_out
