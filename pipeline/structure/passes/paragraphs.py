"""Paragraphs and subheadings: rejoin each article's wrapped column lines.

Every printed line is its own OCR line, so for each line we decide whether it ends its
paragraph from what the typesetter left behind:
- the local column width (estimated from neighbouring lines, since it changes between
  articles and where text wraps around a box), so a short line is visible;
- the width of a mark: half an em where the face compresses marks, a full em where the column's
  lines agree better so (each body measures which), and a line short by an opening mark the
  typesetter carried to the next line;
- the 2-em first-line indent: a paragraph's first line is two em narrower than the line after;
- the mark a line ends with: a paragraph ends on 。！？…, ——, or a closing quote after them;
- a spread-out (justified) line is full by definition (when the OCR spreads only some lines);
- an engine that groups lines into blocks: a blank line after a finished sentence;
- measured indents and short last lines, where a geometric reader gives them.
A full line ending in 。 is usually mid-paragraph: only a short line, or an indented next
line, ends a paragraph. Lines join with no separator (Chinese has no inter-word space).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...text import CJK_PUNCT, NO_END, NO_START, PAUSES
from ..dictionary import RARE, word_across
from ..notices import Notice
from ..page import PageState, Shape, SourceLine, measure
from ..profile import ParagraphRules
from ..signs import LINE_END_MARKS, NEVER_OPENS, ends_sentence, ends_with_mark, ends_with_other_mark
from ..text_forms import canonical, join_text
from .lead import signature_run_on

# em: a line this close to its column agrees with it (exactly; loosely). A quarter em is the
# rounding of one compressed mark (half an em, measured ±); half an em is one mark measured wrong.
AGREE = (0.25, 0.5)
# the full-em measure must fit 10 % better to replace the compressed one: compressed marks are
# the usual face, and a tie or a line or two of noise must not switch a body's measure.
MARK_MARGIN = 1.1
RELAXED_GAIN = 0.5  # em a first line's successor must gain after a finished sentence
WIDE_SHORT = 0.75  # of the measure, in text a paragraph a line: a line this short ends its paragraph unmarked
BOX_SPREAD = 1.5  # em: the lines of a narrower box agree this closely (OCR widths are noisy)
# (asked of many lines: an enum member is a slow class attribute in Python 3.11)
_LINES, _BLOCKS = Shape.LINES, Shape.BLOCKS
# A line that is only a section label: （一）, 一、, 【点评】, 读者提问：.
LABEL_LINE = re.compile(
    r"[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|【[^】]{1,8}】|[^\s，。！？]{2,6}[：:]"
)
INDENT_SLACK = 0.75  # em a numbered line is wider than an indented first line, at least, to be no such line
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[、.．])")


@dataclass
class Unit:
    """A rebuilt block before it enters the model, with its evidence for the report."""

    type: str  # "paragraph" | "heading"
    lines: list[SourceLine]
    text: str = ""
    notices: list[Notice] = field(default_factory=list)


def pushed_over(following: str, mark_em: float = 0.5) -> float:
    """Em a full line may lack because the next line opens with a mark (“ 《 （) that may not end
    a line: the typesetter carried the mark and the character after it down together, so the
    line is short by their width while it is still mid-paragraph (clreq's line-end rule)."""
    if following[:1] not in NO_END:
        return 0.0
    return measure(following[:2]) + (mark_em - 0.5) * sum(1 for c in following[:2] if c in MARKS)


MARKS = CJK_PUNCT | set("“”‘’")
_MARK_RE = re.compile("[" + re.escape("".join(sorted(MARKS))) + "]")
_PAUSE_SET = frozenset(PAUSES)


def set_width(text: str) -> float:
    """Width in em where the face sets every mark a full em (the renders and many papers do), a
    pause at the line end squeezed or hung to half an em."""
    w = measure(text) + 0.5 * len(_MARK_RE.findall(text))
    return w - 0.5 if text[-1:] in _PAUSE_SET else w


def set_widths(lines: list[SourceLine]) -> list[float]:
    """set_width() of each of a body's lines, from its measure and its marks, which the line
    counted once (read_lines counts them for the whole page)."""
    return [w - 0.5 if ln.text[-1:] in _PAUSE_SET else w for ln in lines for w in (ln.measured + 0.5 * ln.marks,)]


def agreement(widths: list[float], cols: list[float], within: float) -> int:
    """Lines this close to their column: how well a measure fits the page's setting."""
    return sum([abs(w - c) <= within for w, c in zip(widths, cols, strict=True)])


def full_em_setting(whole: list[float], half: list[float]) -> bool:
    """Marks were set a full em: with them so, clearly more lines fill their column exactly,
    and no fewer come close (noisy OCR of a face that compresses marks fits neither exactly,
    and the compressed measure loosely)."""
    return _setting(whole, half, column_widths(whole), column_widths(half))


def _setting(whole: list[float], half: list[float], cw: list[float], ch: list[float]) -> bool:
    """full_em_setting() given both measures' column widths (the caller keeps the one it uses)."""
    exact, loose = AGREE
    return agreement(whole, cw, exact) > agreement(half, ch, exact) * MARK_MARGIN and agreement(
        whole, cw, loose
    ) >= agreement(half, ch, loose)


def column_widths(widths: list[float]) -> list[float]:
    """The column width at each line of one article.

    The article's column is its upper-quartile line width: first lines, last lines and the
    odd over-full line do not move it. Where the text wraps round a box, a stretch of at
    least four consecutive lines is set narrower and agrees within an em: there the column
    is that stretch's own width.
    """
    n = len(widths)
    if n == 0:
        return []
    ranked = sorted(widths, reverse=True)
    base = ranked[len(ranked) // 4] if n >= 4 else ranked[0]
    cols = [base] * n
    narrow = base - 1.5
    boxed = False
    done = 0  # the lines before this are decided (a box took them)
    # No stretch starts at a line of the full column (the common case): only narrower lines are tried.
    for i in [k for k, w in enumerate(widths) if w <= narrow]:
        if i < done:
            continue
        j = i
        hi = lo = widths[i]  # the stretch's extremes so far, kept as it grows
        while j < n:
            w = widths[j]
            if w > narrow:
                break
            if w > hi:
                hi = w
            elif w < lo:
                lo = w
            if hi - lo > BOX_SPREAD:
                break
            j += 1
        if j - i >= 4:
            box = max(widths[i:j])
            for k in range(i, j):
                cols[k] = box
            done = j
            boxed = True
    return _box_edges(widths, cols, base) if boxed else cols  # no box: no edges to mend


def _box_edges(widths: list[float], cols: list[float], base: float) -> list[float]:
    """A line between or next to the stretches of a narrower column and narrower still (an
    indented first line, a short last line) is in that column too: it only broke the stretch."""
    out = list(cols)
    last = len(cols) - 1
    for k, w in enumerate(widths):
        if cols[k] != base:
            continue
        before = cols[k - 1] if k > 0 else base
        after = cols[k + 1] if k < last else base
        if before == base and after == base:
            continue  # the common case: no narrower column either side
        near = [c for c in (before, after) if c != base]
        if w <= min(near):
            out[k] = min(near)
    return out


@dataclass
class _Body:
    """One run of body lines and what each shows: the evidence the decisions read."""

    lines: list[SourceLine]
    rules: ParagraphRules
    shape: Shape
    widths: list[float] = field(default_factory=list)
    cols: list[float] = field(default_factory=list)
    full: list[bool] = field(default_factory=list)
    pushed: list[float] = field(default_factory=list)
    mark_em: float = 0.5  # the width of a mark in this setting
    wide: bool = False  # set across the page, or a paragraph a line: only marks end paragraphs
    a_line: bool = False  # wide lines that mostly end on a mark: paragraphs, one a line
    indents: bool = False  # the OCR kept first-line indents as leading spaces

    def __post_init__(self) -> None:
        self.widths = [ln.width for ln in self.lines]
        # measure() counts marks half (faces that compress them); where the lines agree better
        # with every mark a full em, the page was set so and the short lines are the real ones.
        whole = set_widths(self.lines)
        cw, ch = column_widths(whole), column_widths(self.widths)
        self.cols = ch
        if _setting(whole, self.widths, cw, ch):
            self.widths, self.cols = whole, cw
            self.mark_em = 1.0
        # (measured lines tell a paragraph's last line by the white after it, however wide the
        # column: a lead set across the page in two wide columns is no text a paragraph a line)
        measured = sum(ln.geo is not None for ln in self.lines) * 2 > len(self.lines)
        self.wide = (
            bool(self.widths) and not measured and sorted(self.widths)[len(self.widths) // 2] >= self.rules.wide_column
        )
        # wide lines that mostly end on a mark are paragraphs, one a line (not a wide column's
        # lines, nor rows the OCR read across the columns, which end anywhere)
        self.a_line = self.wide and sum(ends_with_mark(ln.text) for ln in self.lines) * 2 >= len(self.lines)
        # Leading spaces mean an indent only where some lines have them and most do not.
        indented = sum(1 for ln in self.lines if ln.indent >= 2)
        self.indents = 0 < indented < 0.5 * len(self.lines)
        # (pushed_over() is 0 unless the next line opens with a mark: the test is inlined)
        self.pushed = [pushed_over(nxt.text, self.mark_em) if nxt.text[:1] in NO_END else 0.0 for nxt in self.lines[1:]]
        self.pushed += [0.0] * min(1, len(self.lines))
        spaced = [ln.spaced for ln in self.lines]
        # When the OCR spreads nearly every line (Tesseract's chi_sim does), spreading says nothing.
        informative = sum(spaced) < 0.6 * len(spaced)
        self.full = [
            (ln.geo.short <= 0.75 if ln.geo is not None else (s and informative))
            for ln, s in zip(self.lines, spaced, strict=True)
        ]

    def first_line(self, i: int, gain: float | None = None) -> bool:
        """Line i looks like an indented first line: about 2 em narrower than its column and
        followed by a line of the same paragraph wider by `gain` (or measured indented).
        After a finished sentence the evidence needed is less (OCR widths are noisy)."""
        if i >= len(self.lines):
            return False
        g = self.lines[i].geo
        if g is not None:
            return g.indent >= 0.6 * self.rules.indent
        if self.indents and self.lines[i].indent >= 2:
            return True  # the OCR kept the indent (leading spaces) where a paragraph begins
        lo, hi = self.rules.indent_tolerance
        d = self.cols[i] - self.widths[i]
        # A spread-out line lost a character to the line-breaking rules: its indent reads wider.
        # So does one whose successor opens with a mark the typesetter could not leave at its end.
        a, b = (lo + 0.5, hi + 1.0) if self.full[i] else (lo, hi)
        e = d - self.pushed[i]
        if not (a <= d <= b or a <= e <= b):
            return False
        if i + 1 < len(self.widths):
            reach = self.widths[i + 1] + self.pushed[i + 1]
            return self.full[i + 1] or reach >= self.widths[i] + (lo if gain is None else gain)
        return False

    def indented(self, i: int) -> bool:
        """Measured: the line after line i, in the same column, is set in by about a paragraph's
        indent (no more: a line of another column read into this one stands further in), with
        line i and the one after it flush (a first line between clean edges), which no line
        inside a paragraph is, whatever mark the OCR lost at the end of line i."""
        if i + 2 >= len(self.lines) or self.lines[i].geo is None:
            return False  # (no measurement: the common case, tested first)
        here, g, after = (self.lines[k].geo for k in (i, i + 1, i + 2))
        if here is None or g is None or after is None or (here.band, here.column) != (g.band, g.column):
            return False
        flush = here.indent < 0.5 and after.indent < 0.5  # lines either side: edges measured clean
        return flush and 0.8 * self.rules.indent <= g.indent <= 1.5 * self.rules.indent

    def heading_size(self, i: int, at_start: bool = False) -> int:
        """Lines (0, 1 or 2) of a subheading starting at line i, where a paragraph may start.

        One short unmarked line followed by an indented first line; on a page without blank
        lines (where a two-line heading is not joined for us), two such lines; a numbered
        line (二、… / （三）…) clearly shorter than a first line.
        """
        n = len(self.lines)
        if i >= n - 1 or n <= 2:
            return 0
        text = self.lines[i].text
        if LABEL_LINE.fullmatch(text):
            return 1  # （一） / 【点评】 alone on a line where a paragraph may start
        if ends_with_mark(text) or len(text) > 40 or "。" in text or self.full[i]:
            return 0
        col, w = self.cols[i], self.widths
        g = self.lines[i].geo
        if g is not None and g.size >= 1.1 and not self.full[i]:
            return 1
        if (
            self.shape != _LINES
            and i + 2 < n
            and w[i] <= col - 2.5
            and not ends_with_mark(self.lines[i + 1].text)
            and w[i + 1] <= col - 2.5
            and self.first_line(i + 2)
        ):
            return 2
        if self.first_line(i + 1) and w[i] + self.pushed[i] <= col - 3.0:
            return 1
        if at_start and w[i] <= col - 3.0 and NUMBERED.match(text):
            return 1
        if self.wide and w[i] <= 0.5 * col and self.widths[i + 1] > w[i]:
            return 1  # a paragraph a line: a short unmarked line between two of them is a subheading
        return self._numbered_wide(i)

    def _numbered_wide(self, i: int) -> int:
        """A numbered subheading wider than a paragraph's indented first line can be:
        alone on its line (二、以体制机制改革激发创新活力), or broken over two, the second
        clearly short (一、科技创新是发展新质生 / 产力的核心要素); an indented first line
        follows. Its lines, or 0."""
        if not NUMBERED.match(self.lines[i].text) or self.widths[i] < self.cols[i] - self.rules.indent + INDENT_SLACK:
            return 0
        if self.first_line(i + 1):
            return 1
        if i + 2 >= len(self.lines):
            return 0
        second = self.lines[i + 1].text
        if ends_with_mark(second) or "。" in second or self.widths[i + 1] > self.cols[i] - self.rules.clearly_short:
            return 0
        return 2 if self.first_line(i + 2) else 0

    def reads_on(self, i: int) -> bool:
        """The next line goes on with line i's sentence: it opens on a mark or a particle no
        paragraph opens on (…坚持以人民为中心 / 的发展思想。: a long line the OCR broke), or a
        word spans the break."""
        nxt = self.lines[i + 1].text.lstrip()
        return nxt[:1] in NO_START or nxt[:1] in NEVER_OPENS or word_across(self.lines[i].text, nxt) >= RARE

    def deficit(self, i: int, starts: bool) -> float:
        g = self.lines[i].geo
        if g is not None:
            return g.short
        if self.full[i]:
            return 0.0
        return self.cols[i] - (self.rules.indent if starts else 0.0) - self.widths[i] - self.pushed[i]

    def ends(self, i: int, starts: bool, wide: bool) -> tuple[bool, str | None]:
        """Whether line i ends its paragraph, and a notice code when that is a guess."""
        text = self.lines[i].text
        if i == len(self.lines) - 1:
            return True, None
        last = text[-1:]
        if last not in LINE_END_MARKS and not last.isspace():
            sentence = mark = False  # most lines end on no mark: no test of the ending is needed
        else:
            sentence = ends_sentence(text)
            mark = sentence or ends_with_other_mark(text)
        if wide:
            # a paragraph a line: a line far short of the measure ends its paragraph too, marked
            # or not (a subheading, a paragraph printed without its stop)
            return mark or (self.a_line and self.widths[i] <= WIDE_SHORT * self.cols[i] and not self.reads_on(i)), None
        deficit = self.deficit(i, starts)
        if not sentence:  # most lines: whether the next line starts a paragraph is asked only here
            if mark:
                return deficit >= 2.5, None
            if (deficit >= 4.0 and self.first_line(i + 1)) or (
                not starts and self.lines[i].geo is not None and self.indented(i)
            ):
                return True, "paragraph-unmarked-end"
            return False, None
        short = self.rules.short
        nxt = self.lines[i + 1]
        if deficit >= short or self.first_line(i + 1, gain=RELAXED_GAIN) or self.heading_size(i + 1) > 0:
            return True, None
        if deficit >= 2.5:
            return True, None
        if self.shape == _BLOCKS and nxt.blank_before and nxt.geo is None:
            return True, None  # the engine's own paragraph break after a finished sentence
        if 0.75 <= deficit < short:
            return False, "short-line-joined"
        return False, None


def _paragraphs(body: _Body) -> list[Unit]:
    lines = body.lines
    n = len(lines)
    wide = body.wide
    units: list[Unit] = []
    cur: list[SourceLine] = []
    notes: list[Notice] = []
    starts = True
    i = 0
    while i < n:
        size = body.heading_size(i, at_start=not wide) if starts else 0
        if size:
            part = lines[i : i + size]
            units.append(Unit("heading", part, canonical("".join(x.text for x in part))))
            i += size
            continue
        end, code = body.ends(i, starts, wide)
        if code:
            notes.append(Notice(code, lines[i].no))
        cur.append(lines[i])
        if end:
            units.append(Unit("paragraph", cur, canonical(join_text([x.text for x in cur])), notes))
            cur, notes = [], []
        starts = end
        i += 1
    if cur:
        units.append(Unit("paragraph", cur, canonical(join_text([x.text for x in cur])), notes))
    return units


def unwrap(lines: list[SourceLine], rules: ParagraphRules, shape: Shape) -> list[Unit]:
    """One article body (or the lead) as paragraphs and subheadings."""
    units: list[Unit] = []
    run: list[SourceLine] = []

    def flush() -> None:
        if run:
            units.extend(_paragraphs(_Body(list(run), rules, shape)))
            run.clear()

    i, n = 0, len(lines)
    on_lines = shape == Shape.LINES  # (asked once, not of every line)
    while i < n:
        # Lines joined by a single newline on a LINES page are a subheading (unless prose).
        if on_lines and lines[i].joined and i + 1 < n:
            block = [lines[i]]
            while block[-1].joined and i + 1 < len(lines):
                i += 1
                block.append(lines[i])
            if any("。" in x.text for x in block):
                run.extend(block)
            else:
                flush()
                units.append(Unit("heading", block, canonical("".join(x.text for x in block))))
        else:
            run.append(lines[i])
        i += 1
    flush()
    return units


def paragraphs(st: PageState) -> None:
    rules = st.profile.paragraph
    for art in st.articles:
        art.units = unwrap([st.lines[i] for i in art.body], rules, st.shape)
        st.notices.extend(n for u in art.units for n in u.notices)
    if st.lead:
        text = [i for i in st.lead if i != st.lead_signature]  # (the signature is no paragraph's line)
        st.lead_units = unwrap([st.lines[i] for i in text], rules, st.shape)
        last = st.lead_units[-1] if st.lead_units else None
        if st.lead_signature is None and last is not None and (at := signature_run_on(st, last.text)) is not None:
            last.text, st.lead_signed = last.text[:at], last.text[at:].strip()
