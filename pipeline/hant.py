"""Simplified -> Traditional Chinese for the document model.

The model is converted once and the converted model feeds every writer, so PDF, DOCX, EPUB,
JSON and Markdown can never disagree about a character. Three steps, in this order:

1. OpenCC with the chosen profile. ``s2tw`` (Taiwan standard characters, no vocabulary swap:
   為/裡/著) is the default; ``s2hk`` is the Hong Kong variant; ``s2twp`` swaps vocabulary
   (支持→支援, 项目→專案) and is wrong for policy writing, so it is only an explicit opt-in.
2. Our correction list, ``data/hant_corrections.tsv``, on OpenCC's *output*. Working on the
   converted text means a rule only sees what OpenCC actually got wrong: 系 that OpenCC already
   resolved by a phrase (联系→聯繫, 系上→繫上, 系数→係數) is no longer 系, so a copula rule
   cannot break those neighbours, and each rule is checked against the exact text a reader
   sees. (Rewriting the Simplified source instead would change OpenCC's greedy segmentation
   of the neighbouring characters, which is what causes most of its errors.)
3. Quotation marks: “ ” → 「 」, nested ‘ ’ → 『 』 (by nesting depth, not by source mark).
"""

from __future__ import annotations

import copy
import csv
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import opencc

from .model import Document, Provenance

PROFILES = ("s2tw", "s2hk", "s2twp", "s2t")
PROFILE_LANG = {"s2tw": "zh-TW", "s2twp": "zh-TW", "s2hk": "zh-HK", "s2t": "zh-Hant"}
CORRECTIONS_PATH = Path(__file__).resolve().parent / "data" / "hant_corrections.tsv"
COLUMNS = ("pattern", "replacement", "profiles", "scope", "examples", "expected", "counters", "note")
SCOPES = ("text", "name")

# Characters that are Simplified-to-Traditional sources *and* valid Traditional characters in
# some words (干預, 皇后, 公里, 茶几, 征程, 北斗, 上游 …, and the surnames 范/余/于). OpenCC s2t
# changes each of them when it stands alone, so a per-character residue check must not count
# them. Derived from OpenCC 1.4's STCharacters: entries whose own character is one of its
# Traditional candidates but not the first. 台 is also Hong Kong's standard form of 臺.
AMBIGUOUS = frozenset(
    "熏淀郁适雇采里辟荐胜苹虫跖腊腌范蚝蝎蜡膻准几凶厂厘划占台叶吁吃后帘岩岳党夸咨咸尸唇干广征确种"
    "筑皂挂涂涌杠杰极游据斗愿朴柜万丑丰伙于云亘仆价余佣㐹"
)


@dataclass(frozen=True)
class Correction:
    """One row of the correction list: a regex over OpenCC output and its replacement."""

    pattern: re.Pattern[str]
    replacement: str
    profiles: frozenset[str]
    scope: str  # "text": every text field; "name": each byline name, as a whole string
    examples: tuple[str, ...]  # Simplified input the rule must fix
    expected: tuple[str, ...]  # full output for each example (s2tw, or the first listed profile)
    counters: tuple[str, ...]  # Simplified neighbours the rule must leave alone
    note: str
    line: int

    def applies(self, profile: str, scope: str = "text") -> bool:
        return profile in self.profiles and scope == self.scope

    @property
    def example_profile(self) -> str:
        """The profile `expected` was written for."""
        return "s2tw" if "s2tw" in self.profiles else sorted(self.profiles)[0]


def _check_profile(profile: str) -> str:
    if profile not in PROFILES:
        raise ValueError(f"unknown Traditional-Chinese profile {profile!r}, expected one of: {', '.join(PROFILES)}")
    return profile


def lang_for_profile(profile: str) -> str:
    """The BCP 47 tag every zh-Hant output carries: zh-TW, zh-HK or plain zh-Hant."""
    return PROFILE_LANG[_check_profile(profile)]


@functools.cache
def _opencc(config: str) -> opencc.OpenCC:
    """One OpenCC instance per configuration and process: loading the dictionaries is the slow part."""
    return opencc.OpenCC(f"{config}.json")


def _converter(profile: str) -> opencc.OpenCC:
    return _opencc(_check_profile(profile))


def opencc_convert(text: str, profile: str = "s2tw") -> str:
    """Plain OpenCC, without our corrections or quotes (tests compare against it)."""
    return _converter(profile).convert(text) if text else text


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def load_corrections(path: Path = CORRECTIONS_PATH) -> tuple[Correction, ...]:
    """Read and validate the TSV; a bad row is an error naming the file and line, not a silent skip."""
    out: list[Correction] = []
    with path.open(encoding="utf-8", newline="") as f:
        rows = [(n, r) for n, r in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1) if r]
    rows = [(n, r) for n, r in rows if not r[0].startswith("#")]
    if not rows or tuple(rows[0][1]) != COLUMNS:
        raise ValueError(f"{path}: the first row must be the header {' | '.join(COLUMNS)}")
    for n, row in rows[1:]:
        where = f"{path}:{n}"
        if len(row) != len(COLUMNS):
            raise ValueError(f"{where}: expected {len(COLUMNS)} tab-separated columns, got {len(row)}")
        cell = dict(zip(COLUMNS, row, strict=True))
        try:
            pattern = re.compile(cell["pattern"])
        except re.error as e:
            raise ValueError(f"{where}: bad pattern: {e}") from e
        profiles = frozenset(PROFILES) if cell["profiles"].strip() == "*" else frozenset(_split(cell["profiles"]))
        if not profiles or not profiles <= set(PROFILES):
            raise ValueError(f"{where}: profiles must be * or a |-list of {', '.join(PROFILES)}")
        if cell["scope"] not in SCOPES:
            raise ValueError(f"{where}: scope must be one of {', '.join(SCOPES)}")
        examples, expected, counters = _split(cell["examples"]), _split(cell["expected"]), _split(cell["counters"])
        if not examples or len(examples) != len(expected) or not counters or not cell["note"].strip():
            raise ValueError(f"{where}: every entry needs examples, as many expected outputs, counters and a note")
        out.append(
            Correction(pattern, cell["replacement"], profiles, cell["scope"], examples, expected, counters,
                       cell["note"].strip(), n)
        )  # fmt: skip
    return tuple(out)


@functools.cache
def corrections() -> tuple[Correction, ...]:
    return load_corrections()


def apply_corrections(text: str, profile: str = "s2tw", scope: str = "text") -> str:
    """Our corrections, in file order, on text OpenCC has already converted."""
    for c in corrections():
        if c.applies(profile, scope):
            text = c.pattern.sub(c.replacement, text)
    return text


_OPEN = {"“": 0, "‘": 1}
_CLOSE = {"”": "」", "’": "』"}
_APOSTROPHE = re.compile(r"(?<=[A-Za-z0-9])’(?=[A-Za-z])")


def to_corner_quotes(text: str) -> str:
    """“ ” → 「 」 and ‘ ’ → 『 』 by nesting depth: a ‘’ inside “” is 『』, a lone ‘’ is 「」.

    Straight ASCII quotes, 《》 and apostrophes inside Latin words (China’s) are left alone.
    A closing mark with nothing open (a quote continued from an earlier paragraph) keeps its kind.
    """
    if not any(ch in text for ch in "“”‘’"):
        return text
    text = _APOSTROPHE.sub("\0", text)
    out: list[str] = []
    stack: list[str] = []  # closing brackets of the open quotes
    for ch in text:
        if ch in _OPEN:
            even = len(stack) % 2 == 0
            out.append("「" if even else "『")
            stack.append("」" if even else "』")
        elif ch in _CLOSE:
            out.append(stack.pop() if stack else _CLOSE[ch])
        else:
            out.append(ch)
    return "".join(out).replace("\0", "’")


def convert_text(text: str, profile: str = "s2tw", corner_quotes: bool = True) -> str:
    """One piece of running text: OpenCC, our corrections, then corner quotes."""
    text = apply_corrections(opencc_convert(text, profile), profile, "text")
    return to_corner_quotes(text) if corner_quotes else text


def convert_name(name: str, profile: str = "s2tw") -> str:
    """A byline name: OpenCC converts it character by character, so surname rules follow."""
    return apply_corrections(opencc_convert(name, profile), profile, "name")


def to_hant(doc: Document, profile: str = "s2tw", corner_quotes: bool = True) -> Document:
    """A new Document with every text field converted and meta.language set; `doc` is untouched.

    Converted: lead heading and paragraphs, titles, bylines, bios, blocks, unplaced text, and
    meta title/subtitle/publisher; a book's part headings, the paper and column of its source
    lines and the names of its index (whose order stays: both scripts sort by the same reading).
    Not converted: meta.date and meta.source (machine values), stats and placements (evidence
    about the Simplified input).
    """
    lang = lang_for_profile(profile)
    out = copy.deepcopy(doc)

    def conv(text: str) -> str:
        return convert_text(text, profile, corner_quotes)

    for part in out.book_parts():  # a page is one part without a heading
        part.heading = conv(part.heading)
        for lead in part.leads:
            lead.heading = conv(lead.heading)
            lead.paragraphs = [conv(p) for p in lead.paragraphs]
            lead.signature = conv(lead.signature)
            _source(lead.source, conv)
        for a in part.articles:
            a.title = conv(a.title)
            a.authors = [convert_name(n, profile) for n in a.authors]
            a.bio = conv(a.bio)
            for b in a.blocks:
                b.text = conv(b.text)
            _source(a.source, conv)
        part.unplaced[:] = [conv(u) for u in part.unplaced]
    for e in out.index:
        e.name = convert_name(e.name, profile)
    out.meta.title = conv(out.meta.title)
    out.meta.subtitle = conv(out.meta.subtitle)
    out.meta.publisher = conv(out.meta.publisher)
    out.meta.language = lang
    return out


def _source(src: Provenance | None, conv: Callable[[str], str]) -> None:
    if src is not None:
        src.paper, src.column = conv(src.paper), conv(src.column)


def simplified_residue(text: str) -> list[str]:
    """Characters OpenCC s2t would still change, each once, in order of first appearance.

    Not residue: characters that are also valid Traditional forms in some words (AMBIGUOUS:
    干, 后, 里, 台 …), whose rightness depends on the word; and the regional standard forms
    that Taiwan or Hong Kong share with Simplified (群, 床, 峰 in Taiwan; 户, 税 in Hong Kong),
    recognised because OpenCC's own t2tw/t2hk turn the s2t form back into them.
    """
    s2t, t2tw, t2hk = _opencc("s2t"), _opencc("t2tw"), _opencc("t2hk")
    found: list[str] = []
    for ch in dict.fromkeys(text):
        if ch in AMBIGUOUS:
            continue
        trad = s2t.convert(ch)
        if trad != ch and ch not in (t2tw.convert(trad), t2hk.convert(trad)):
            found.append(ch)
    return found
