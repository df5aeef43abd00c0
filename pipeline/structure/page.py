"""The page state the structure passes share: the page's lines, what each was claimed as, why.

A pass reads the lines and the claims made before it, claims the lines it recognises (a role
per line, with a short piece of evidence) and leaves the rest alone; what no pass claims stays
unplaced, in source order. Lines come from plain OCR text (read_lines) or from a geometric
reader (page images, hOCR, ALTO, PDF text layers), which fills `geo`: the passes use measured
evidence where it exists and the typesetter's traces in the text where it does not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from ..text import CJK_PUNCT, HAN_CLASS, HAN_RANGES, HAN_RUN, HAN_ZERO, is_cjk, is_han
from .names import Byline
from .notices import Notice
from .pairs import numpy_pays
from .profile import Profile
from .signs import han_count


class Role(StrEnum):
    FURNITURE = "furniture"
    LEAD_MARKER = "lead-marker"
    LEAD = "lead"
    HEADLINE = "headline"
    BYLINE = "byline"
    BIO = "bio"
    BODY = "body"
    UNPLACED = "unplaced"


class Shape(StrEnum):
    """How the OCR tool laid its lines out, which decides what a blank line means."""

    LINES = "lines"  # a blank line after every printed line; a single newline joins a headline's lines
    FLOW = "flow"  # no blank lines at all
    BLOCKS = "blocks"  # the engine's own paragraphs: lines in runs, blank lines between runs


@dataclass
class Geometry:
    """What a geometric reader measured for a line (units: em of the body type)."""

    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in the source's units (px or pt)
    page: int = 0
    size: float = 1.0  # glyph height over the body's median
    column: int = -1  # column index in its band, -1 unknown
    band: int = -1  # article band (a horizontal region of the page), -1 unknown
    indent: float = 0.0  # em from the column's left edge
    short: float = 0.0  # em left blank before the column's right edge
    over: float = 0.0  # em the line runs past its column's right edge (set across it, not in it)
    gap_before: float = 0.0  # vertical gap before the line, in body line heights
    conf: float | None = None  # the engine's confidence, 0..1
    centred: bool = False

    @property
    def column_key(self) -> tuple[int, int, int]:
        """The column the line stands in, page-wide: lines with equal keys share a column."""
        return (self.page, self.band, self.column)


@dataclass(slots=True)
class SourceLine:
    """One non-blank line of the page as the OCR gave it (after cleanup)."""

    no: int  # 1-based line number in the input (for a geometric input, its reading-order index)
    text: str  # cleaned text, leading/trailing spaces removed
    raw: str = ""  # the line before cleanup (spacing between names lives only here)
    joined: bool = False  # followed by a single newline (same block), not a blank line
    indent: int = 0  # leading spaces in the source line
    spaced: bool = False  # the OCR spread it out: a justified, hence full, line
    # measure(text), or what a reader measured (a geometric one's, a split line's); read_lines
    # gives it for the whole page at once, a line made without it measures its text
    width: float = -1.0
    blank_before: bool = True  # a blank line (or the page start) precedes it
    geo: Geometry | None = None
    han: int = -1  # Han characters in the line: read_lines counts them page-wide, others here
    measured: float = -1.0  # measure(text) (width may differ: a geometric reader's, a split line's)
    marks: int = -1  # CJK marks and curly quotes in text (what measure() counts half)

    def __post_init__(self) -> None:
        # The passes ask a line's width and Han count hundreds of thousands of times on a long
        # input: plain fields, filled here once (read_lines gives them all), where a property
        # cost a call each time.
        if self.width < 0:
            self.width = measure(self.text)
        if self.han < 0:
            self.han = han_count(self.text)
        if self.measured < 0:
            self.measured = measure(self.text)
        if self.marks < 0:
            self.marks = len(_MARK.findall(self.text))

    @property
    def last(self) -> str:
        return self.text[-1] if self.text else ""


@dataclass(frozen=True, slots=True)
class Claim:
    """Immutable, so lines claimed alike share one: a long page claims a hundred thousand lines
    with a few hundred kinds of claim, and each object kept alive is one more for the cyclic
    collector to walk."""

    role: Role
    why: str  # the evidence, short and in English (for the JSON and tests), e.g. "names+body-follows"
    by: str  # the pass that made the claim


@dataclass
class HeadBlock:
    """Lines the headline pass claimed as one headline, and where it found them."""

    lines: list[int]  # line indices, in source order
    text: str  # canonical, "\n" between the headline's lines
    where: str  # page-start | before-byline | after-byline | after-bio | page-end | in-body | between


@dataclass
class ArticleSpan:
    """One article's lines as the passes found them."""

    start: int  # first line index of the article (its byline, else its first body line)
    byline: int | None = None
    stacked: list[int] = field(default_factory=list)  # byline lines under it: authors one a line
    bio: list[int] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    end: int = -1  # last line index that belongs to it (its bio's last line, else its body's)
    head: HeadBlock | None = None
    score: float = 0.0
    margin: float = 0.0
    position: str = ""  # where the headline stood relative to this article (model.POSITIONS)
    units: list = field(default_factory=list)  # paragraphs and subheadings (passes/paragraphs.Unit)
    named: list[str] = field(default_factory=list)  # authors its bio names, where it has no byline

    @property
    def byline_end(self) -> int | None:
        """The byline's last line (its first, unless authors stand one a line)."""
        return self.stacked[-1] if self.stacked else self.byline


@dataclass
class PageState:
    """Lines, the claims on them, and the notices for editors: what the passes share."""

    lines: list[SourceLine]
    profile: Profile
    shape: Shape
    claims: dict[int, Claim] = field(default_factory=dict)  # line index -> claim
    notices: list[Notice] = field(default_factory=list)
    lead_heading: str = ""
    lead_marker: int | None = None  # line index of the lead's marker
    lead: list[int] = field(default_factory=list)  # line indices of the lead's text
    lead_signature: int | None = None  # line index of who signed the lead (——编者), its last line
    lead_signed: str = ""  # who signed it, where the signature ran onto the note's last line
    bylines: dict[int, Byline] = field(default_factory=dict)
    heads: list[HeadBlock] = field(default_factory=list)
    articles: list[ArticleSpan] = field(default_factory=list)
    columns: list[float] = field(default_factory=list)  # the local column width at each line
    lead_units: list = field(default_factory=list)
    shaped: dict[int, bool] = field(default_factory=dict)  # passes/context.headline_shaped, per line
    measurable: list[float] = field(default_factory=list)  # passes/context._measurable, once per page
    pairs: Counter | None = None  # passes/context.page_pairs, once per page
    flat: tuple[str, list[int]] | None = None  # passes/headlines._echoed: the lines joined unquoted, once
    joined: object = None  # passes/context.page_text: the lines joined, with where each starts, once
    names_read: dict[tuple[str, str], Byline | None] = field(default_factory=dict)  # context.read_byline
    kinds: dict[tuple[Role, str, str], Claim] = field(default_factory=dict)  # the claims made, each once
    quotes: int = 0  # straight quotes made Chinese in the model's text (document._quoted)

    def claim(self, i: int, role: Role, why: str, by: str) -> None:
        self.claims[i] = self.kind(role, why, by)

    def kind(self, role: Role, why: str, by: str) -> Claim:
        """The one Claim of this kind, shared by every line claimed so (a pass that claims most
        of the page takes it once and stores it per line)."""
        key = (role, why, by)
        c = self.kinds.get(key)
        if c is None:
            c = self.kinds[key] = Claim(role, why, by)
        return c

    def role(self, i: int) -> Role | None:
        c = self.claims.get(i)
        return c.role if c is not None else None

    def free(self, i: int) -> bool:
        return i not in self.claims

    def note(self, code: str, line: int | None = None, **detail: object) -> None:
        self.notices.append(Notice(code, line, detail))


# --- measuring a line --------------------------------------------------------------------


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
_FULL = re.compile("[" + HAN_CLASS + _class([(0x3000, 0x30FF), (0xFF01, 0xFF60)], _HALF_MARKS) + "]")
# Runs of them: removing runs instead of single characters makes a tenth of the matches (a line
# is mostly full-width), and the count is the length removed.
_FULL_RUN = re.compile("[" + HAN_CLASS + _class([(0x3000, 0x30FF), (0xFF01, 0xFF60)], _HALF_MARKS) + "]+")
_MARK = re.compile("[" + re.escape("".join(sorted(_HALF_MARKS))) + "]")
_MARK_RUN = re.compile("[" + re.escape("".join(sorted(_HALF_MARKS))) + "]+")
# The full-width characters that are not Han (no Han lies in these ranges but 〇): read_lines
# removes Han first and these from what is left, a fifth of the page.
_FULL_NOT_HAN_RUN = re.compile("[" + _class([(0x3000, 0x30FF), (0xFF01, 0xFF60)], _HALF_MARKS | {HAN_ZERO}) + "]+")


def measure(s: str) -> float:
    """Width in em after OCR spaces are removed: Han 1, digits/Latin 1/2, CJK marks 1/2.

    Marks count half because a justified Chinese line compresses them: a full line holds
    one extra character for every two marks, and counting them whole makes full lines look
    uneven (17-19 for an 18-em column) where half makes them agree within one em.
    """
    # Every non-space character is at least 1/2; full-width ones add another 1/2 (exact in
    # binary floating point, so the same value as summing per character).
    return 0.5 * (2 * len(s) - s.count(" ") - len(_FULL_RUN.sub("", s)))


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


_SPREAD = re.compile(rf"(?<=[{HAN_CLASS}，、。；：）”]) (?=[{HAN_CLASS}，、。；：（“])")


def read_lines(text: str, source: str | None = None) -> list[SourceLine]:
    """Non-blank lines with their numbers; `joined` marks a single-newline continuation.

    `source` is the page before cleanup (same line count): whether the OCR spread a line
    out is only visible there, since despace has removed the spaces from `text`.
    """
    raw = text.split("\n")
    src = source.split("\n") if source is not None else raw
    out: list[SourceLine] = []
    n = len(raw)
    hans, halves, unmarked = _line_counts(text, raw)
    n_src = len(src)
    raw.append("")  # the line after the last: no line joins it
    prev_blank = True
    for i, s in enumerate(raw[:n]):
        t = s.strip() if s else s  # (half the lines of a page are empty)
        if not t:
            prev_blank = True
            continue
        orig = src[i] if i < n_src else s
        o = orig.strip()
        nxt = raw[i + 1]
        n_s, n_t, half = len(s), len(t), halves[i]  # (each length taken once: 100k lines)
        w = 0.5 * (n_t - t.count(" ") + n_s - half)  # measure(t), found page-wide
        # (a mark at the line's edge is whitespace, U+3000, which strip() took: counted later)
        marks = unmarked[i] if n_t == n_s or "\u3000" not in s else -1
        # Positional, in SourceLine's field order (no, text, raw, joined, indent, spaced, width,
        # blank_before, geo, han, measured, marks): a page has tens of thousands of lines.
        out.append(
            SourceLine(
                i + 1,
                t,
                o,
                nxt != "" and not nxt.isspace(),
                n_s - len(s.lstrip(" ")),
                " " in orig and len(_SPREAD.findall(o)) >= 4,
                w,
                prev_blank,
                None,
                hans[i],
                w,
                marks,
            )
        )
        prev_blank = False
    return out


def _line_counts(text: str, raw: list[str]) -> tuple[list[int], list[int], list[int]]:
    """Per line of the text (raw: its lines): its Han, what is not full-width (what measure()
    counts half) and the CJK marks among that, found for the whole page in one pass each."""
    return _line_counts_coded(text) if numpy_pays(len(text)) else _line_counts_plain(text, raw)


def _line_counts_plain(text: str, raw: list[str]) -> tuple[list[int], list[int], list[int]]:
    no_han = HAN_RUN.sub("", text)
    rest = _FULL_NOT_HAN_RUN.sub("", no_han)  # what is left: not full-width (marks among it)
    hans = [len(r) - len(x) for r, x in zip(raw, no_han.split("\n"), strict=True)]
    halves = [len(x) for x in rest.split("\n")]
    marks = [h - len(x) for h, x in zip(halves, _MARK_RUN.sub("", rest).split("\n"), strict=True)]
    return hans, halves, marks


def _line_counts_coded(text: str) -> tuple[list[int], list[int], list[int]]:
    """_line_counts() of a long text: each character's class looked up in a table, counted per
    line in one array pass. Three substitutions over the page and splitting each result made
    a string per line three times: a third of read_lines on a 5 MB input."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    kind = _kinds()[np.minimum(codes, 0xFFFF)]
    astral = np.flatnonzero(codes > 0xFFFF)
    if len(astral):  # (Han beyond the BMP: the rare characters of names)
        high = codes[astral]
        han = np.zeros(len(astral), dtype=bool)
        for lo, hi in HAN_RANGES:
            if lo > 0xFFFF:
                han |= (high >= lo) & (high <= hi)
        kind[astral] = np.where(han, _HAN_KIND, 0)
    breaks = codes == 10
    line = np.cumsum(breaks, dtype=np.int64)  # (a newline is of kind 0: it counts in no line)
    ends = np.flatnonzero(breaks)
    n = len(ends) + 1
    counts = np.bincount(line * 4 + kind, minlength=4 * n).reshape(n, 4)
    lengths = np.diff(ends, prepend=-1, append=len(codes)) - 1
    hans = counts[:, _HAN_KIND]
    halves = lengths - hans - counts[:, _FULL_KIND]
    return hans.tolist(), halves.tolist(), counts[:, _MARK_KIND].tolist()


_HAN_KIND, _FULL_KIND, _MARK_KIND = 1, 2, 3  # (0: anything else, which measure() counts half)


@cache
def _kinds():
    """Each BMP character's kind for _line_counts_coded(): as HAN_RUN, _FULL_NOT_HAN_RUN and
    _MARK_RUN class it."""
    import numpy as np

    kinds = np.zeros(0x10000, dtype=np.int64)
    for lo, hi in ((0x3000, 0x30FF), (0xFF01, 0xFF60)):
        kinds[lo : hi + 1] = _FULL_KIND
    kinds[[ord(c) for c in _HALF_MARKS]] = _MARK_KIND
    for lo, hi in HAN_RANGES:
        kinds[lo : min(hi, 0xFFFF) + 1] = _HAN_KIND
    kinds[ord(HAN_ZERO)] = _HAN_KIND
    return kinds


def page_shape(lines: list[SourceLine]) -> Shape:
    """Which layout the OCR tool used: the meaning of a single newline depends on it."""
    if len(lines) < 4:
        return Shape.LINES
    joined = sum(1 for ln in lines[:-1] if ln.joined)
    share = joined / (len(lines) - 1)
    if share < 0.3:
        return Shape.LINES
    if share > 0.97:
        return Shape.FLOW
    return Shape.BLOCKS
