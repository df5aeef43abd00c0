"""Lines of the cleaned page and what each one looks like on its own.

The structure stage works on lines, not characters: every printed column line is one line
of OCR, and the typesetter's choices (width, indent, the mark a line ends with) are the
evidence for where paragraphs, headlines, bylines and bios are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import CJK_PUNCT, CLOSING, SENTENCE_FINAL, is_cjk, is_han

# Lead-note markers a theory page puts above its introduction.
LEAD_MARKERS = ("导读", "編者按", "编者按", "编者的话", "编前", "核心提示", "内容提要", "阅读提示", "導讀")
BIO_START = re.compile(r"^[（(]?\s*(本文)?作者(系|为|是|单位|簡介|简介|：|:|係|為)")
NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
NAME_SEPARATORS = re.compile(r"[ 、]+")
_NAMEISH = re.compile(r"[\u4e00-\u9fff· 、]+")
COLLECTIVE = re.compile(r"(本报|本刊|[\u4e00-\u9fff]{2,4}日报)?(特约)?评论员")  # a byline that is not a person
BYLINE_PREFIXES = ("文／", "文/", "□", "■", "◎", "●", "○", "◆", "◇", "▲", "★", "作者：", "作者:")
_PREFIX_START = frozenset(p[0] for p in BYLINE_PREFIXES)


@dataclass
class Line:
    no: int  # 1-based line number in the input
    text: str  # cleaned text, leading/trailing spaces removed
    joined: bool = False  # followed by a single newline (same block), not a blank line
    indent: int = 0  # leading spaces in the source line
    spaced: bool = False  # the OCR spread it out: a justified, hence full, line
    w: float = -1.0  # measure(text) when read_lines computed it for the whole page at once

    @property
    def width(self) -> float:
        return self.w if self.w >= 0 else measure(self.text)

    @property
    def last(self) -> str:
        return self.text[-1] if self.text else ""


def _class(ranges: list[tuple[int, int]], exclude: set[str]) -> str:
    """A regex character class of the code points in `ranges` that are not in `exclude`."""
    out = []
    for lo, hi in ranges:
        start = None
        for o in range(lo, hi + 2):
            inside = o <= hi and chr(o) not in exclude
            if inside and start is None:
                start = o
            elif not inside and start is not None:
                out.append(f"{re.escape(chr(start))}-{re.escape(chr(o - 1))}")
                start = None
    return "".join(out)


# Characters measure() counts 1 em: Han, kana and full-width forms (is_cjk), except CJK marks.
_HALF_MARKS = CJK_PUNCT | set("“”‘’")
_FULL = re.compile(
    "[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003134f\uf900-\ufaff\U0002f800-\U0002fa1f"
    + _class([(0x3000, 0x30FF), (0xFF01, 0xFF60)], _HALF_MARKS)
    + "]"
)


def measure(s: str) -> float:
    """Width in em after OCR spaces are removed: Han 1, digits/Latin 1/2, CJK marks 1/2.

    Marks count half because a justified Chinese line compresses them: a full line holds
    one extra character for every two marks, and counting them whole makes full lines look
    uneven (17-19 for an 18-em column) where half makes them agree within one em.
    """
    # Every non-space character is at least 1/2; full-width ones add another 1/2 (exact in
    # binary floating point, so the same value as summing per character).
    return 0.5 * (len(s) - s.count(" ") + len(_FULL.findall(s)))


def _measure_slow(s: str) -> float:
    """The per-character definition measure() must agree with (kept for the tests)."""
    w = 0.0
    for c in s:
        if c == " ":
            continue
        if c in _HALF_MARKS:
            w += 0.5
        elif is_cjk(c) or is_han(c):
            w += 1.0
        else:
            w += 0.5
    return w


def ends_sentence(text: str) -> bool:
    """The line ends a sentence: 。！？… or —— or a closing mark right after one of them."""
    t = text.rstrip()
    if not t:
        return False
    if t.endswith("——") or t[-1] in SENTENCE_FINAL or t[-1] in "；;!?":
        return True
    if t[-1] in CLOSING:
        inner = t.rstrip(CLOSING)
        return bool(inner) and (inner[-1] in SENTENCE_FINAL or inner.endswith("——"))
    return False


def ends_with_mark(text: str) -> bool:
    """Any mark a paragraph may end on: sentence-final, closing quote/bracket, colon."""
    t = text.rstrip()
    return bool(t) and (ends_sentence(t) or t[-1] in CLOSING or t[-1] in "：:")


def split_names(text: str) -> list[str] | None:
    """A byline: one to four Chinese names of 2-4 characters separated by spaces or 、."""
    t = text.strip()
    if t[:1] in _PREFIX_START:
        for prefix in BYLINE_PREFIXES:
            if t.startswith(prefix):
                t = t[len(prefix) :].strip()
    if not _NAMEISH.fullmatch(t):
        return None  # fast rejection of ordinary lines: same answer as the name check below
    parts = [p for p in NAME_SEPARATORS.split(t) if p]
    if not 1 <= len(parts) <= 4 or not all(NAME.match(p) or COLLECTIVE.fullmatch(p) for p in parts):
        return None
    return parts


# Page furniture a newspaper page carries besides its articles: the editors' credit line, the
# running date line, a page number. Never bylines or headlines, though they look like both.
_ROLE = r"(?:责任编辑|版式编辑|美术编辑|本版编辑|值班编辑|见习编辑|责任校对|校对|美编|编辑|制图|摄影)"
_CREDIT_ONE = _ROLE + r"\s*[：:]?\s*[\u4e00-\u9fff·]{2,4}(?:[、 ][\u4e00-\u9fff·]{2,4})?"
CREDIT = re.compile(_CREDIT_ONE + r"(?:\s+" + _CREDIT_ONE + r")*")
DATE_LINE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,12}星期[一二三四五六日天]")
PAGE_NO = re.compile(r"^(第\s*\d{1,3}\s*版|\d{1,3}\s*版|[A-Z]?\d{1,3})$")


def is_page_furniture(text: str) -> bool:
    t = text.strip()
    if len(t) > 60:
        return False
    return bool(CREDIT.fullmatch(t) or DATE_LINE.search(t) or PAGE_NO.match(t))


def is_lead_marker(text: str) -> bool:
    t = text.strip().strip("【】[]：:")
    return t in LEAD_MARKERS


def is_bio_start(text: str) -> bool:
    return bool(BIO_START.match(text.strip()))


_SPREAD = re.compile(r"(?<=[\u4e00-\u9fff，、。；：）”]) (?=[\u4e00-\u9fff，、。；：（“])")


def read_lines(text: str, source: str | None = None) -> list[Line]:
    """Non-blank lines with their numbers; `joined` marks a single-newline continuation.

    `source` is the page before cleanup (same line count): whether the OCR spread a line
    out is only visible there, since despace has removed the spaces from `text`.
    """
    raw = text.split("\n")
    src = source.split("\n") if source is not None else raw
    out: list[Line] = []
    n = len(raw)
    # Full-width characters per line, found for the whole page in one pass (see measure()).
    halves = _FULL.sub("", text).split("\n")
    for i, s in enumerate(raw):
        t = s.strip()
        if not t:
            continue
        orig = src[i] if i < len(src) else s
        out.append(
            Line(
                w=0.5 * (len(t) - t.count(" ") + len(s) - len(halves[i])),
                no=i + 1,
                text=t,
                joined=i + 1 < n and not raw[i + 1].isspace() and raw[i + 1] != "",
                indent=len(s) - len(s.lstrip(" ")),
                spaced=" " in orig and len(_SPREAD.findall(orig.strip())) >= 4,
            )
        )
    return out


def blank_separated(lines: list[Line]) -> bool:
    """True when the page separates lines by blank lines (the usual OCR export), so a single
    newline means "same block". In a page without blank lines that signal does not exist."""
    if len(lines) < 4:
        return True
    joined = sum(1 for ln in lines[:-1] if ln.joined)
    return joined < 0.3 * (len(lines) - 1)
