"""Rows read across columns, read back column by column.

An OCR engine that misses a page's layout (Tesseract on a block it takes for one column) writes
every printed row across all the columns as one line, often with the column rules read as
`|`: `少年儿童是祖国的|活学习中积极践行。知|将社会主义核心价值观|…`. No structure pass can
read such text: each line holds the k-th line of every column. Where a run of lines is cut by
bars into the same number of pieces, the pieces are the columns: they are read column by
column, the bars (rules, not text) dropped, and the page says so in a notice.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..clean.spaces import RULE_BARS
from ..text import CLOSING, SENTENCE_FINAL

BARS = RULE_BARS
MIN_ROWS = 4  # lines of a run before it is taken for rows across columns
MIN_COLUMNS = 2
MIN_REGULAR = 3  # rows holding every column's bar, to measure the columns' widths on


@dataclass
class RowRun:
    """A run of row lines read back by column: where it started (1-based line) and its shape."""

    line: int
    rows: int
    columns: int
    bars: int  # bars dropped


def deinterleave(text: str) -> tuple[str, list[RowRun]]:
    """The text with every run of rows across columns read column by column."""
    if not any(b in text for b in BARS):
        return text, []  # (most text: no bar at all)
    lines = text.split("\n")
    blank = blank_between(lines)
    rows = [i for i, ln in enumerate(lines) if ln.strip()]
    out: list[str] = []
    runs: list[RowRun] = []
    done = 0  # index into rows
    pos = 0  # index into lines
    while done < len(rows):
        run = _run(lines, rows, done)
        if len(run) < MIN_ROWS:
            done += 1
            continue
        cols = _columns([lines[i] for i in run])
        if cols is None:
            done += len(run)
            continue
        out += lines[pos : run[0]]
        pieces = [piece for col in cols for piece in col if piece]
        out += rejoin(pieces, blank)
        runs.append(RowRun(run[0] + 1, len(run), len(cols), sum(lines[i].count(b) for i in run for b in BARS)))
        pos = run[-1] + 1
        done += len(run)
    if not runs:
        return text, []
    out += lines[pos:]
    return "\n".join(out), runs


def _run(lines: list[str], rows: list[int], start: int) -> list[int]:
    """The row lines from rows[start] on that hold a bar (a line without one between two that
    do is a row whose bars the engine missed)."""
    run: list[int] = []
    k = start
    while k < len(rows):
        i = rows[k]
        if _barred(lines[i]) or (run and k + 1 < len(rows) and _barred(lines[rows[k + 1]])):
            run.append(i)
        else:
            break
        k += 1
    return run


def _barred(line: str) -> bool:
    s = line.strip()
    return any(b in s[1:-1] for b in BARS)


def _pieces(line: str) -> list[str]:
    s = line.strip()
    for b in BARS[1:]:
        s = s.replace(b, BARS[0])
    return [p.strip() for p in s.split(BARS[0])]


def _columns(run: list[str]) -> list[list[str]] | None:
    """The run's pieces by column, or None when it is no regular grid: the number of pieces most
    lines have is the number of columns, and lines with fewer are cut at the columns' usual
    widths."""
    split = [_pieces(ln) for ln in run]
    k = _column_count([len(p) for p in split])
    regular = [p for p in split if len(p) == k]
    if k < MIN_COLUMNS or len(regular) < MIN_REGULAR:
        return None
    widths = [statistics.median(len(p[c]) for p in regular) for c in range(k)]
    if min(widths) < 2:
        return None
    cols: list[list[str]] = [[] for _ in range(k)]
    for p in split:
        for c, piece in enumerate(_fit(p, widths)):
            cols[c].append(piece)
    return cols


OVERRUN = 2  # characters beyond its column's width a piece holding two columns' lines has, at least
SHARE = 0.2  # of a run's lines that hold every column's bar for their count to be the columns'


def _column_count(counts: list[int]) -> int:
    """How many columns a run of rows has: an engine misses bars (two columns' pieces run
    together), it seldom reads one where there is none, so the most pieces a fair share of the
    lines is cut into, not the count most lines have."""
    for k in sorted(set(counts), reverse=True):
        if sum(c >= k for c in counts) >= SHARE * len(counts):
            return k
    return min(counts)


def _fit(pieces: list[str], widths: list[float]) -> list[str]:
    """A line's pieces as one per column: too few, the longest cut where its columns meet; too
    many, the last ones joined."""
    k = len(widths)
    pieces = list(pieces)
    while len(pieces) < k:
        # the piece that overruns its column most holds the next column's start too
        c = max(range(len(pieces)), key=lambda j: len(pieces[j]) - widths[min(j, k - 1)])
        if len(pieces[c]) < 2 or len(pieces[c]) - widths[min(c, k - 1)] < OVERRUN:
            break  # no piece holds two columns' lines: the row's last columns are empty (ended)
        cut = _cut(pieces[c], widths[min(c, k - 1)], widths[min(c + 1, k - 1)])
        pieces[c : c + 1] = [pieces[c][:cut], pieces[c][cut:]]
    while len(pieces) < k:
        pieces.append("")
    if len(pieces) > k:
        pieces[k - 1 :] = ["".join(pieces[k - 1 :])]
    return pieces


_ENDS = SENTENCE_FINAL | set("!?") | set(CLOSING)


def _cut(piece: str, left: float, right: float) -> int:
    """Where two columns' lines run together: the left one as wide as its column, unless it is a
    paragraph's short last line (it ends a sentence) and the rest fills the next column better;
    the right one may be short only where it ends a sentence too."""

    def miss(j: int) -> float:
        a, b = piece[:j], piece[j:]
        short_a = a[-1] in _ENDS and len(a) < left
        short_b = b[-1] in _ENDS and len(b) < right
        return (0 if short_a else abs(len(a) - left)) + (0 if short_b else abs(len(b) - right))

    default = max(1, min(len(piece) - 1, round(left)))
    best = min(range(1, len(piece)), key=lambda j: (miss(j), j != default))
    return best if miss(best) < miss(default) else default


def blank_between(lines: list[str]) -> bool:
    """The text is a line each with blank lines between (the sample's shape)."""
    return sum(1 for ln in lines if not ln.strip()) * 2 >= len(lines) - 1


def rejoin(pieces: list[str], blank: bool) -> list[str]:
    """Lines reordered, in the text's own shape: a blank line between them where it had them."""
    if not blank:
        return pieces
    out: list[str] = []
    for p in pieces:
        out += [p, ""]
    return out[:-1] if out else out
