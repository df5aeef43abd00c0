"""The PDF audit the tests share (a helper module, no tests): generated Chinese text, and an
independent reading of a finished PDF (pdfplumber) with the line-breaking rules checked on it.

The rules below are written out again from docs/typesetting.md rather than imported from
pipeline/text.py, so a test fails when the code drifts from the rules.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from pipeline.model import Article, Block, Document, Lead, Metadata

NO_START = set("、，。；：！？”’」』）〕］｝】〗〉》·％")
NO_END = set("“‘「『（〔［｛【〖《〈")
CLOSING = set("、，。；：！？”’」』）〕］｝】〗〉》")
OPENING = set("“‘「『（〔［｛【〖《〈")

HAN = (
    "推进城市群都市圈一体化建设是构建双循环新发展格局的重要战略部署国家规划远景目标纲要提出要壮大"
    "形成疏密有致分工协作功能完善城镇空间近日中共中央政治局召开会议审议关于时代推动部地区高质量"
    "明确促进长江游原当前我省应主动对接全域乡村振兴体系素度整合突破跨流障碍力助湖南株潭人才产业"
)
LATIN = ["GDP", "COVID", "AI", "5G", "iPhone", "R&D", "PM2.5", "Hello World", "CPI"]
NUMBERS = ["2035", "1/7", "22%", "69.5", "40%", "14", "3", "2021", "22％", "100"]
CLAUSE_END = ["，", "，", "，", "、", "；", "：", "！", "？", "。"]
WRAPS = [("“", "”"), ("《", "》"), ("（", "）"), ("‘", "’"), ("【", "】"), ("〔", "〕")]
WRAPS_HANT = [("「", "」"), ("『", "』"), ("《", "》"), ("（", "）")]


def _han(rng: random.Random, lo: int = 1, hi: int = 7) -> str:
    return "".join(rng.choice(HAN) for _ in range(rng.randint(lo, hi)))


def random_paragraph(rng: random.Random, clauses: int | None = None, hant: bool = False) -> str:
    """A paragraph mixing Han text, quote and bracket pairs, ——, ……, numbers and Latin words,
    so that punctuation pairs (”， 。” ）。 》、) and every breaking rule turn up often."""
    wraps = WRAPS_HANT if hant else WRAPS
    out: list[str] = []
    for _ in range(clauses or rng.randint(2, 9)):
        parts: list[str] = [_han(rng)]
        for _ in range(rng.randint(1, 4)):
            r = rng.random()
            if r < 0.25:
                o, c = rng.choice(wraps)
                inner = _han(rng, 2, 6)
                if rng.random() < 0.3:
                    inner += rng.choice(["。", "！", "？"])  # closing mark then closing quote: 。”
                parts.append(o + inner + c)
            elif r < 0.4:
                parts.append(rng.choice(NUMBERS))
            elif r < 0.5:
                parts.append(rng.choice(LATIN))
            elif r < 0.58:
                parts.append("——")
            elif r < 0.64:
                parts.append("……")
            parts.append(_han(rng))
        out.append("".join(parts) + rng.choice(CLAUSE_END))
        if rng.random() < 0.15:
            o, c = rng.choice(wraps)
            out.append(o + _han(rng, 2, 5) + c + rng.choice(["，", "。", "、"]))  # ”， ）。 》、
    text = "".join(out)
    if text[-1] in "，、；：":
        text = text[:-1]
    return text if text[-1] in "。！？" else text + "。"


def random_doc(seed: int, articles: int = 3, paras: int = 8, hant: bool = False) -> Document:
    rng = random.Random(seed)
    arts = []
    for _i in range(articles):
        blocks = []
        for j in range(paras):
            if j and rng.random() < 0.25:
                blocks.append(Block("heading", _han(rng, 6, 14) + "，" + _han(rng, 4, 10)))
            blocks.append(Block("paragraph", random_paragraph(rng, hant=hant)))
        title = _han(rng, 4, 9) + "\n" + _han(rng, 5, 12)
        arts.append(
            Article(title, [_han(rng, 2, 3) for _ in range(rng.randint(1, 2))], "作者系" + _han(rng, 8, 30), blocks)
        )
    lead = Lead("导读", [random_paragraph(rng, 3, hant) for _ in range(2)])
    meta = Metadata(title="生成测试", subtitle="随机段落", publisher="测试出版社", date="2026-01-01")
    return Document(lead=lead, articles=arts, meta=meta)


# --- reading a PDF back ---------------------------------------------------------------------


@dataclass
class PLine:
    page: int  # 1-based
    baseline: float  # PDF user space (origin bottom-left)
    size: float
    chars: list[dict]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"]

    @property
    def x1(self) -> float:
        return self.chars[-1]["x1"]

    @property
    def fonts(self) -> set[str]:
        return {c["fontname"] for c in self.chars}


def read_lines(pdf: bytes) -> tuple[list[PLine], list[tuple[float, float]]]:
    """Every text line of every page (by baseline and size), and each page's size."""
    import pdfplumber

    lines: list[PLine] = []
    sizes = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for pno, page in enumerate(doc.pages, start=1):
            sizes.append((float(page.width), float(page.height)))
            rows: dict[tuple[float, float], list[dict]] = {}
            for c in page.chars:
                if not c["text"].strip():
                    continue
                key = (round(c["matrix"][5], 1), round(c["size"], 2))
                rows.setdefault(key, []).append(c)
            for (base, size), chars in sorted(rows.items(), key=lambda kv: -kv[0][0]):
                chars.sort(key=lambda c: c["x0"])
                lines.append(PLine(pno, base, size, chars))
    return lines, sizes


def frame_x(style, page: int) -> tuple[float, float]:
    """Left and right edge of the text frame on a page (mirrored margins: versos flip)."""
    p = style.page
    left = p.margin_outer if (p.mirror and page % 2 == 0) else p.margin_inner
    return left, left + p.width - p.margin_inner - p.margin_outer


def in_frame(style, line: PLine) -> bool:
    p = style.page
    return p.margin_bottom - 1 <= line.baseline <= p.height - p.margin_top + 1


def break_violation(before: str, after: str, spaced: bool) -> str | None:
    """Why a line may not end with `before` and the next start with `after`, or None."""
    a, b = before[-1], after[0]
    if b in NO_START:
        return f"line starts with {b}"
    if a in NO_END:
        return f"line ends with {a}"
    if a == b and a in "—…":
        return f"{a}{a} split"
    if not spaced and a.isascii() and b.isascii() and a.isalnum() and (b.isalnum() or b in "%./"):
        return f"word or number split: {a}|{b}"
    if not spaced and a.isascii() and b.isascii() and a in "%./" and b.isalnum():
        return f"word or number split: {a}|{b}"
    return None


def letters(s: str) -> int:
    """Characters that are not punctuation: 系。 holds one."""
    return sum(1 for c in s if c.isalnum())


def line_end(ln: PLine, size: float, right: float) -> float:
    """Where a line's text ends: a closing mark at the end may be set half width (GB/T 15834),
    so up to its blank half lies past the frame's edge, its ink inside."""
    last = ln.chars[-1]
    if last["text"] in CLOSING and abs(last["x1"] - last["x0"] - size) < 0.05 and ln.x1 > right:
        return max(right, ln.x1 - size / 2)
    return ln.x1
