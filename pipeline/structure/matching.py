"""Assign displaced headlines to their articles, as one assignment over all of them.

The OCR reading order puts a headline before its byline, right after its own article's bio,
or with the others at the end of the page. Position alone is ambiguous (a headline between
article k's bio and article k+1's byline may belong to either), and first-come-first-served
fails as soon as one headline is missing. So every headline is scored against every article
(position evidence plus content evidence: a headline's key phrases recur in its own body,
measured as IDF-weighted character-bigram overlap) and the best total assignment is taken
(Hungarian algorithm). The margin over the best assignment without that pairing is kept for
the cleanup report.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from ..text import HAN_RUN as _HAN_RUN
from .pairs import pair_key, pair_set, pairs_among_each
from .text_forms import LABEL

# Position prior: how much a position supports a pairing. Content evidence (0..1) decides
# whenever the positions are ambiguous; an impossible position still loses to content
# only when the content evidence is overwhelming.
POSITION_BONUS = {
    "before": 0.35,  # right before the article (its byline or its first line)
    "after-byline": 0.35,  # between the article's byline and its body
    "inside": 0.25,  # cutting into the article's body (a headline over several columns)
    "after-end": 0.30,  # right after the article's bio (or its last line)
    "page-end": 0.10,  # with the other headlines after the last article
    "far": -0.6,
}
MIN_SCORE = -0.5  # below this a pairing is not made at all


@dataclass
class Candidate:
    text: str  # headline with "\n" between its lines
    line: int  # first source line
    # Articles this position makes plausible, with the kind of position for each.
    positions: dict[int, str]
    zone: int = -1  # which gap between articles it stood in (lines of one headline share it)


UNSEEN = 0.1  # the weight of a headline bigram that occurs in no body
LARGE = 24  # more headlines or articles than any page has: concatenated pages, windowed scoring
WINDOW = 8  # articles either side of a headline's position considered on such an input


# A column label broken over a headline's last lines: words only between its brackets.
_BROKEN_LABEL = re.compile(r"[（(〈][\u4e00-\u9fff·、]*\n[\u4e00-\u9fff·、\n]*[）)〉]\s*$")


_LABEL_OPEN_HALF = re.compile(r"[（(〈][\u4e00-\u9fff·、]*$")
_LABEL_CLOSE_HALF = re.compile(r"^[\u4e00-\u9fff·、]*[）)〉]\s*$")


def bigrams(text: str) -> list[str]:
    """Character bigrams inside runs of Han characters (is_han), in text order. A column label
    closing a headline line (（人民时评）, （专题深思）) names the column, not the article's
    subject, and never recurs in the body: it is left out."""
    out: list[str] = []
    if "\n" in text and (m := _BROKEN_LABEL.search(text)):
        text = text[: m.start()]  # a narrow box's label over its last pieces (（人民 / 观点）)
    # a piece of such a label alone: its opening half, or its closing half
    text = _LABEL_CLOSE_HALF.sub("", _LABEL_OPEN_HALF.sub("", text))
    text = "\n".join(LABEL.sub("", line) or line for line in text.split("\n"))
    for run in _HAN_RUN.findall(text):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def _window(c: Candidate, n: int) -> range:
    """Articles near a headline's position: on a concatenation of pages a headline belongs to
    its own page, never to an article thousands of lines away."""
    if c.zone >= 0:
        lo, hi = c.zone - 1, c.zone
    else:
        lo = hi = min(c.positions, default=0)
    return range(max(0, lo - WINDOW), min(n, hi + WINDOW + 1))


class BodyIndex:
    """The bodies' bigram sets and document frequencies, built once per page: every headline
    candidate (and every way of grouping candidate lines) is scored against the same index."""

    def __init__(self, bodies: list[str], vocab: set[str] | None = None):
        # Every pair of adjacent characters (pairs with a mark in them never match a headline's
        # Han bigrams, so they do no harm), built at C speed, as integers (pairs.pair_key).
        # Only the candidates' bigrams are ever looked up: given those (`vocab`), each body's
        # set holds only them (the same answers, a fraction of the pairs), and so do the
        # document frequencies.
        keys = None if vocab is None else {pair_key(g) for g in vocab}
        self.sets = [pair_set(b) for b in bodies] if keys is None else pairs_among_each(bodies, keys)
        self.df: dict[int, int] = Counter(chain.from_iterable(self.sets))  # counted at C speed, in one call
        # Windowed rows by (text, window): the grouping of headline lines probes each group,
        # and the assignment then scores the groups it kept again.
        self.rows: dict[tuple[str, int, int], dict[int, float]] = {}
        # The held bigrams of a text and its weights' total: a headline on a long input is
        # scored in several windows (as it is grouped with different neighbours), its weights once.
        self.held: dict[str, tuple[list[tuple[int, float]], float]] = {}

    def __len__(self) -> int:
        return len(self.sets)


def _index(bodies: list[str] | BodyIndex) -> BodyIndex:
    return bodies if isinstance(bodies, BodyIndex) else BodyIndex(bodies)


def content_scores(cands: list[Candidate], bodies: list[str] | BodyIndex, windowed: bool = False) -> list:
    """IDF-weighted share of a headline's bigrams found in each body (0..1).

    Rows are lists over all bodies; with `windowed` (large inputs) they are dicts over the
    articles near each headline, so the cost stays linear in the input.
    """
    index = _index(bodies)
    body_sets, df, n = index.sets, index.df, len(index)
    out: list = []
    for c in cands:
        if windowed:
            win = _window(c, n)
            key = (c.text, win.start, win.stop)
            if key not in index.rows:
                index.rows[key] = _windowed_row(c.text, win, index)
            out.append(index.rows[key])
            continue
        weights, total = _weights(c.text, index)
        # Add each weight to the bodies holding its bigram, in the order sum() would.
        acc: list[float] = [0] * n
        for g, w in weights.items():
            if df.get(g):
                for k, s in enumerate(body_sets):
                    if g in s:
                        acc[k] += w
        out.append([a / total for a in acc])
    return out


def _weights(text: str, index: BodyIndex) -> tuple[dict[int, float], float]:
    """The headline's bigrams (keyed as the index keys them, in a fixed order: the same sums in
    every run) with their weights, and the weights' total."""
    df, n = index.df, len(index)
    grams = [pair_key(g) for g in sorted(set(bigrams(text)))]
    # A bigram no body holds says nothing about which article the headline heads (a
    # preposition before a phrase, an OCR error): it weighs little, not most.
    weights = {g: math.log((n + 1) / (0.5 + df[g])) + 0.1 if df.get(g) else UNSEEN for g in grams}
    return weights, sum(weights.values()) or 1.0


def _windowed_row(text: str, win: range, index: BodyIndex) -> dict[int, float]:
    got = index.held.get(text)
    if got is None:
        weights, total = _weights(text, index)
        # Only the bigrams some body holds can add anything: the others are left out of every
        # sum, which adds the same weights in the same order.
        got = index.held[text] = ([(g, w) for g, w in weights.items() if index.df.get(g)], total)
    held, total = got
    row = {}
    for k in win:
        s = index.sets[k]  # (looked up once per body, not once per bigram)
        row[k] = sum([w for g, w in held if g in s]) / total
    return row


LABELLED = 0.15  # a headline line closed by a column label (（人民时评）) is surely a headline


def form_bonus(c: Candidate) -> float:
    """What the candidate's own form says: a column label marks a headline."""
    return LABELLED if any(LABEL.search(line) for line in c.text.split("\n")) else 0.0


# Splitting a run of headline lines: a place next to an article is no evidence for a piece
# whose words are all another article's (none in this body, most in another): the first line of a
# two-line headline after a bio would otherwise go to the article before, which lost its own to
# the OCR, by place alone. (Only the split asks: the assignment itself weighs place as always.)
NONE_HERE = 0.05  # content at most this in the article the position points to
ALL_THERE = 0.6  # and at least this in another article
CONTRADICTED = -0.1  # the position's worth then


def _position(pos: str, here: float, best: float, contradicted: bool) -> float:
    bonus = POSITION_BONUS[pos]
    if contradicted and bonus > 0 and here <= NONE_HERE and best >= ALL_THERE:
        return CONTRADICTED
    return bonus


def score_matrix(
    cands: list[Candidate], bodies: list[str] | BodyIndex, windowed: bool = False, contradicted: bool = False
) -> list:
    """Each candidate's score for each article: content, form and position. With `contradicted`,
    a position the candidate's words contradict counts against it (splitting runs)."""
    bodies = _index(bodies)
    content = content_scores(cands, bodies, windowed)
    m: list = []
    for ci, c in enumerate(cands):
        form = form_bonus(c)
        row_c = content[ci]
        best = max(row_c.values() if windowed else row_c, default=0.0) if contradicted else 0.0
        if windowed:
            m.append(
                {k: v + form + _position(c.positions.get(k, "far"), v, best, contradicted) for k, v in row_c.items()}
            )
            continue
        m.append([v + form + _position(c.positions.get(k, "far"), v, best, contradicted) for k, v in enumerate(row_c)])
    return m


def hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment for a rectangular matrix (rows <= cols): column per row."""
    n, m = len(cost), len(cost[0]) if cost else 0
    if n == 0:
        return []
    assert n <= m
    INF = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], INF, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    result = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            result[p[j] - 1] = j - 1
    return result


LEAVE = MIN_SCORE - 0.01  # the score of leaving a headline between articles without one


def leave_value(c: Candidate) -> float:
    """What leaving the candidate unassigned costs: nothing for lines cutting an article's body
    (they go back into it), a penalty for headline material in a headline's place (between
    articles, or right under a byline), which would be lost."""
    inside = c.positions and all(v == "inside" for v in c.positions.values())
    return 0.0 if inside else LEAVE


def _best(
    score: list[list[float]], forbid: tuple[int, int] | None = None, leave: list[float] | None = None
) -> tuple[float, list[int]]:
    """Best total score; more headlines than articles get dummy 'no article' columns."""
    n = len(score)
    k = len(score[0]) if n else 0
    leave = leave or [LEAVE] * n
    big = 1e6
    cost = []
    for i in range(n):
        row = [-score[i][j] if score[i][j] >= MIN_SCORE else big for j in range(k)]
        row += [-leave[i]] * n  # leaving a headline unassigned
        if forbid and forbid[0] == i:
            row[forbid[1]] = big
        cost.append(row)
    assign = hungarian(cost)
    total = 0.0
    out = []
    for i, j in enumerate(assign):
        if j < k and cost[i][j] < big:
            total += score[i][j]
            out.append(j)
        else:
            total += leave[i]
            out.append(-1)
    return total, out


@dataclass
class Assignment:
    article: int  # -1: fits no article
    score: float
    margin: float


EXACT_MARGIN_MAX = 16  # re-solving per headline is O(n^4): exact margins for pages of this size


def _greedy(score: list[dict[int, float]]) -> list[int]:
    pairs = sorted(((v, i, k) for i, row in enumerate(score) for k, v in row.items() if v >= MIN_SCORE), reverse=True)
    rows: dict[int, int] = {}
    used: set[int] = set()
    for _v, i, k in pairs:
        if i not in rows and k not in used:
            rows[i] = k
            used.add(k)
    return [rows.get(i, -1) for i in range(len(score))]


def assign(cands: list[Candidate], bodies: list[str] | BodyIndex) -> list[Assignment]:
    if not cands:
        return []
    if not bodies:
        return [Assignment(-1, 0.0, 0.0) for _ in cands]
    n = len(cands)
    if n > LARGE or len(bodies) > LARGE:
        # Concatenated pages: each headline against the articles near it, greedily, so
        # the cost is linear in the input (the Hungarian algorithm is cubic).
        rows = score_matrix(cands, bodies, windowed=True)
        out = []
        for i, k in enumerate(_greedy(rows)):
            if k < 0:
                out.append(Assignment(-1, 0.0, 0.0))
                continue
            others = [v for j, v in rows[i].items() if j != k]
            margin = rows[i][k] - max(others, default=MIN_SCORE)
            out.append(Assignment(k, round(rows[i][k], 4), round(margin, 4)))
        return out
    score = score_matrix(cands, bodies)
    leave = [leave_value(c) for c in cands]
    total, best = _best(score, leave=leave)
    out = []
    for i, k in enumerate(best):
        if k < 0:
            out.append(Assignment(-1, 0.0, 0.0))
            continue
        if n <= EXACT_MARGIN_MAX:
            alt, _ = _best(score, forbid=(i, k), leave=leave)
            margin = total - alt
        else:  # the pairing's lead over this headline's next best article
            others = [v for j, v in enumerate(score[i]) if j != k]
            margin = score[i][k] - max(others, default=MIN_SCORE)
        out.append(Assignment(k, round(score[i][k], 4), round(margin, 4)))
    return out
