"""Degraded-text pages: a composed page set in columns and damaged as OCR tools and papers do.

Unlike tests/degrade.py (the sample's conventions only), every convention varies by page:
blank lines or single newlines; justified lines spread with spaces or not; numbers spaced;
half-width marks; lost and merged lines; wrong characters; lost quotes; headlines before the
byline, after the bio, all at the page end, or inside the first column's lines (where real
engines put a headline spanning several columns); bios with misread or missing brackets,
wrapped at the column width; bylines with bullets or titles; the lead note at either end.
No OCR runs: this is the fast half of the bench.

`paragraphs` writes the other kind of text users bring: paragraphs kept, one a line (an
e-paper's text copied out, an OCR tool that joins a paragraph's lines); no column lines, so no
breaks to mend, but the same variation of the rest.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .corpus import Page
from .typeset import CLOSING, OPENING, column, set_paragraph

# Pairs OCR engines confuse in Chinese print (either direction).
CONFUSABLE = [
    "己已巳",
    "未末",
    "人入八",
    "土士",
    "日曰",
    "千干于",
    "大太犬",
    "天夭",
    "白自",
    "今令",
    "准淮",
    "戊戌戍",
    "析折",
    "侯候",
    "辨辩辫",
    "即既",
    "汩汨",
    "历厉",
    "拨拔",
    "贷货",
    "免兔",
    "体休",
    "师帅",
    "策荣",
    "壁璧",
    "治冶",
]
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
DIGITS = re.compile(r"(?<=[\u4e00-\u9fff])([0-9][0-9.,%/]*)(?=[\u4e00-\u9fff])")
HALF = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!"}
BRACKETS = ["（）", "〈〉", "()", "【】", "「」", "", "（"]


@dataclass
class Damage:
    """How the OCR tool and the page set the text: drawn once per page."""

    sep: str
    heading_joined: bool  # multi-line headings joined by single newlines on a blank-line page
    spread: float
    spread_style: str  # where the spaces fall round marks: all | sample | after
    number_space: float
    half_width: float
    lost_line: float
    merged_line: float
    wrong_char: float
    lost_quote: float
    indent: str
    headline: str  # before | after-bio | page-end | mid-column | mixed
    byline_above: float  # share of articles whose byline is read before the headline
    bracket: str  # how the bio's brackets come out
    lead_at_end: bool
    narrow: float
    furniture_at_start: bool


def draw_damage(rng: random.Random) -> Damage:
    blank = rng.random() < 0.6
    return Damage(
        sep="\n\n" if blank else "\n",
        heading_joined=blank and rng.random() < 0.6,
        spread=rng.choice([0.0, 0.6, 1.0]),
        spread_style=rng.choice(["all", "sample", "after"]),
        number_space=rng.choice([0.0, 0.7]),
        half_width=rng.choice([0.0, 0.03, 0.1]),
        lost_line=rng.choice([0.0, 0.0, 0.004]),
        merged_line=rng.choice([0.0, 0.0, 0.01]),
        wrong_char=rng.choice([0.0, 0.002, 0.006]),
        lost_quote=rng.choice([0.0, 0.0, 0.2]),
        indent=rng.choice(["", "", "", "  ", "\u3000\u3000"]),
        headline=rng.choice(["before", "before", "after-bio", "page-end", "mid-column", "mixed"]),
        byline_above=rng.choice([0.0, 0.0, 0.5, 1.0]),
        bracket=rng.choice(BRACKETS[:1] * 4 + BRACKETS[1:]),
        lead_at_end=rng.random() < 0.15,
        narrow=rng.choice([0.0, 0.01, 0.03]),
        furniture_at_start=rng.random() < 0.5,
    )


def _spread(line: str, style: str) -> str:
    """Spaces between the glyphs of a justified line; `sample`: 一 体 化 ，促 进 as on the sample."""
    marks = CLOSING + "，。、；：！？"
    out = []
    for j, c in enumerate(line):
        out.append(c)
        nxt = line[j + 1 : j + 2]
        if not nxt or (c.isascii() and nxt.isascii()):
            continue
        if style == "sample":
            gap = c not in marks and c not in OPENING
        else:
            gap = style == "all" or (c not in OPENING and nxt not in marks)
        if gap:
            out.append(" ")
    return "".join(out)


def _wrong(c: str, rng: random.Random) -> str:
    for group in CONFUSABLE:
        if c in group and len(group) > 1:
            return rng.choice([g for g in group if g != c])
    return rng.choice(COMMON)


def _noise(line: str, d: Damage, rng: random.Random) -> str:
    """Character-level damage every OCR'd line may get."""
    if d.wrong_char:
        line = "".join(_wrong(c, rng) if "\u4e00" <= c <= "\u9fff" and rng.random() < d.wrong_char else c for c in line)
    if d.lost_quote:
        line = "".join(c for c in line if not (c in "“”" and rng.random() < d.lost_quote))
    if d.half_width:
        line = "".join(HALF[c] if c in HALF and rng.random() < d.half_width else c for c in line)
    return line


def _body_line(text: str, justified: bool, d: Damage, rng: random.Random) -> str:
    if justified and len(text) > 4 and rng.random() < d.spread:
        text = _spread(text, d.spread_style)
    if d.number_space:
        text = DIGITS.sub(lambda m: f" {m.group(1)} " if rng.random() < d.number_space else m.group(1), text)
    return _noise(text, d, rng)


@dataclass
class Chunk:
    """Lines the OCR read together; `kind` says how later steps may move or damage them."""

    kind: str  # title | byline | body | bio | lead | furniture
    lines: list[str]


def _bio_lines(bio: str, width: int, d: Damage, rng: random.Random) -> list[str]:
    if bio.startswith("（") and bio.endswith("）"):
        inner = bio[1:-1]
        br = d.bracket
        if len(br) == 2:
            bio = br[0] + inner + br[1]
        elif br:  # the closing bracket lost
            bio = br + inner
        else:
            bio = inner
    widths = column(width, rng)
    return [_noise(ln.text, d, rng) for ln in set_paragraph(bio, widths, indent=rng.choice([0.0, 2.0]))]


def _heading_lines(text: str, width: int, d: Damage, rng: random.Random) -> list[str]:
    if len(text) <= width or rng.random() < 0.5:
        return [_noise(text, d, rng)]
    cut = len(text) // 2
    return [_noise(text[:cut], d, rng), _noise(text[cut:], d, rng)]


def _article_chunks(page: Page, k: int, d: Damage, rng: random.Random) -> tuple[list[Chunk], Chunk]:
    """The article's chunks in reading order (headline not yet placed) and its headline."""
    art = page.gold.articles[k]
    pr = page.printed[k]
    width = rng.randint(10, 20)
    widths = column(width, rng, d.narrow)
    body: list[str] = []
    for b in art.blocks:
        if b.type == "heading":
            body += _heading_lines(b.text, width, d, rng)
            continue
        for i, ln in enumerate(set_paragraph(b.text, widths)):
            body.append((d.indent if i == 0 else "") + _body_line(ln.text, ln.justified, d, rng))
    body = _lose_and_merge(body, d, rng)
    if pr.caption:  # the photo's caption and credit, read where the photo stands in the column
        at = rng.randrange(1, max(2, len(body) - 1))
        body[at:at] = [_noise(t, d, rng) for t in _caption_lines(pr.caption, widths)]
    pad = " " if rng.random() < 0.3 else ""
    chunks = [Chunk("byline", [pad + pr.byline] if pr.byline else []), Chunk("body", body)]
    if pr.bio:
        chunks.append(Chunk("bio", _bio_lines(pr.bio, width, d, rng)))
    title = Chunk("title", [_noise(t, d, rng) for t in art.title.split("\n")])
    return chunks, title


def _caption_lines(caption: list[str], widths) -> list[str]:
    """The caption wrapped at the column's width; its credit, set small, kept whole on one line
    (on the caption's last line when it closes the caption: …游览。（张三摄））."""
    text, credit = caption[0], caption[1:]
    inline = "" if credit else text[text.rindex("（") :]
    lines = [ln.text for ln in set_paragraph(text.removesuffix(inline), widths, indent=0.0)]
    lines[-1] += inline
    return lines + credit


def _lose_and_merge(lines: list[str], d: Damage, rng: random.Random) -> list[str]:
    out: list[str] = []
    for ln in lines:
        if d.lost_line and rng.random() < d.lost_line:
            continue
        if out and d.merged_line and rng.random() < d.merged_line:
            out[-1] = out[-1] + " " + ln
            continue
        out.append(ln)
    return out


def _place_headline(chunks: list[Chunk], title: Chunk, where: str, byline_above: bool, rng) -> list[Chunk]:
    """Put the headline where this OCR read it; returns the article's chunks in reading order."""
    byline, rest = chunks[0], chunks[1:]
    if where == "before":
        return [byline, title, *rest] if byline_above else [title, byline, *rest]
    if where == "after-bio":
        return [byline, *rest, title]
    if where == "mid-column":
        body = rest[0]
        k = rng.randint(1, min(5, max(1, len(body.lines) - 1)))
        head = Chunk("body", body.lines[:k])
        tail = Chunk("body", body.lines[k:])
        return [byline, head, title, tail, *rest[1:]]
    return [byline, *rest]  # page-end: the caller appends the headline later


def _lead_chunks(page: Page, rng: random.Random, d: Damage) -> list[Chunk]:
    lead = page.gold.lead
    if lead is None:
        return []
    lines: list[str] = []
    width = rng.choice([0, 22, 30])  # 0: each paragraph one long line, as on the sample
    for p in lead.paragraphs:
        if width:
            lines += [_body_line(ln.text, ln.justified, d, rng) for ln in set_paragraph(p, column(width, rng))]
        else:
            lines.append(_body_line(p, False, d, rng))
    return _lead_with_marker(page, lines)


def _lead_with_marker(page: Page, lines: list[str]) -> list[Chunk]:
    """The lead's lines under its marker (导读), or after it on the first line (编者按：…)."""
    heading = page.gold.lead.heading
    if page.house.lead_inline:
        return [Chunk("lead", [f"{heading}：{lines[0].lstrip()}", *lines[1:]])]
    return [Chunk("lead", [heading]), Chunk("lead", lines)]


def _join(chunks: list[Chunk], d: Damage) -> str:
    parts = []
    for c in chunks:
        if not c.lines:
            continue
        if c.kind == "title" and d.heading_joined:
            parts.append("\n".join(c.lines))
        else:
            parts.append(d.sep.join(c.lines))
    return d.sep.join(parts) + "\n"


def degrade(page: Page, seed: int = 0) -> tuple[str, Damage]:
    """The page as one OCR tool would have written it; the same seed gives the same text."""
    rng = random.Random(f"{seed}:{page.id}:degrade")
    d = draw_damage(rng)
    out: list[Chunk] = []
    late: list[Chunk] = []
    for k in range(len(page.gold.articles)):
        chunks, title = _article_chunks(page, k, d, rng)
        where = d.headline
        if where == "mixed":
            where = rng.choice(["before", "after-bio", "page-end", "mid-column"])
        out += _place_headline(chunks, title, where, rng.random() < d.byline_above, rng)
        if where == "page-end":
            late.append(title)
    lead = _lead_chunks(page, rng, d)
    out = (out + lead + late) if d.lead_at_end else (lead + out + late)
    top = [Chunk("furniture", [t]) for t in page.furniture_top]
    bottom = [Chunk("furniture", [t]) for t in page.furniture_bottom]
    out = (top + bottom + out) if d.furniture_at_start else (top + out + bottom)
    return _join(out, d), d


def paragraphs(page: Page, seed: int = 0) -> str:
    """The page as text that keeps its paragraphs, one a line, in reading order: blank lines
    between them or not, indents or not, the byline over or under the headline, a two-line
    headline on one line or two, the bio's brackets as the
    OCR gives them, light character damage. The same seed gives the same text."""
    rng = random.Random(f"{seed}:{page.id}:paragraphs")
    d = draw_damage(rng)
    d.lost_line = d.merged_line = 0.0
    indent = rng.choice(["", "", "\u3000\u3000", "  "])
    byline_above = rng.random() < 0.3
    joined_title = rng.random() < 0.5
    out: list[Chunk] = []
    for k, art in enumerate(page.gold.articles):
        pr = page.printed[k]
        title = art.title.replace("\n", "") if joined_title else art.title
        head = Chunk("title", [_noise(t, d, rng) for t in title.split("\n")])
        byline = Chunk("byline", [pr.byline.strip()])
        body = []
        for b in art.blocks:
            text = _body_line(b.text, False, d, rng)
            body.append(text if b.type == "heading" else indent + text)
        out += [byline, head] if byline_above else [head, byline]
        out.append(Chunk("body", body))
        if pr.bio:
            out.append(Chunk("bio", _bio_lines(pr.bio, 10_000, d, rng)))
    lead = page.gold.lead
    if lead is not None:
        out = _lead_with_marker(page, [indent + _body_line(p, False, d, rng) for p in lead.paragraphs]) + out
    top = [Chunk("furniture", [t]) for t in page.furniture_top]
    bottom = [Chunk("furniture", [t]) for t in page.furniture_bottom]
    return _join(top + out + bottom, d)
