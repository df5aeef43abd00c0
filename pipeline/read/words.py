"""Reading order from word boxes: lines an engine ran across gutters come apart by themselves.

Tesseract's layout analysis sometimes runs a text line across every column of a band (and
through an inset headline beside them), and reads a column rule as a bar `|`; its words keep
their own boxes, and hOCR and ALTO carry the same words. So where a source gives word boxes,
the XY cut works on the words, not the lines: the gutters show in the words' x-profile even
when every line of a band crosses them (a few words an engine let bleed into a gutter only
poke into it). After the cut, the words of one source line that fell in one block (a column,
a headline, a band's furniture) are that line's piece there, in their own order.

Words an engine read from a column rule (bars, alone or stuck to a mark) are no text of a
column: they are cut off the word they stick to and take no part in finding gutters; they
stay in the text (the cleanup's `column_rules` removes them at a line's ends and counts them)
but not in the boxes, so a column's edges are where its characters are.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from ..structure.page import measure
from ..text import is_han
from .boxes import Box, BoxLine, join_words, union_boxes

RULE_MARKS = frozenset("|｜¦")


def is_rule(text: str) -> bool:
    return bool(text) and all(c in RULE_MARKS for c in text)


def is_mark(text: str) -> bool:
    """A word of marks only: a bar read off a column rule, or punctuation (a comma hung in
    the gutter at a line's end): it shows no column's edge, so it takes no part in finding
    gutters and goes with the side its middle is on."""
    return not any(c.isalnum() for c in text)


def _cut_marks(word: tuple[str, Box]) -> list[tuple[str, Box]]:
    """A word with marks at either end (a quote or comma the engine boxed with a character,
    a bar read off a column rule) as the marks and the characters, each with its share of the
    box by width (measure): a mark stuck to a word must not carry the word into a gutter."""
    text, b = word
    if is_mark(text):
        return [word]
    head = next(k for k, c in enumerate(text) if c.isalnum())
    tail = next(k for k, c in enumerate(reversed(text)) if c.isalnum())
    total = measure(text)
    if not (head or tail) or total <= 0:
        return [word]
    per = (b[2] - b[0]) / total
    parts = [p for p in (text[:head], text[head : len(text) - tail], text[len(text) - tail :]) if p]
    out = []
    x = b[0]
    for p in parts:
        w = per * measure(p)
        out.append((p, (x, b[1], max(x + 1, x + w), b[3])))
        x += w
    return out


def explode(lines: list[BoxLine], em: float, height: float) -> tuple[list[BoxLine], list[int], set[int]]:
    """The units the XY cut works on: every word of a line that has word boxes (its owner:
    the line's index), every other line whole (owner -1); and which words are display type.

    A line mostly of words set large (taller than 1.25 times the body's `height`), at a wider
    pitch than the body's (`_wide_pitch`), is a headline's line, or pieces of one joined
    again, and stays whole. In another line, the words of its display runs (`display_runs`)
    are display type: they close the gutters under them, as a headline over the columns does."""
    items: list[BoxLine] = []
    owner: list[int] = []
    display: set[int] = set()
    for k, ln in enumerate(lines):
        words = [(text, box) for w in ln.words for text, box in _cut_marks(w)]
        text = [(w, b) for w, b in words if not is_mark(w)]
        tall = [(w, b) for w, b in text if (b[3] - b[1]) / height >= 1.25]
        if len(ln.words) < 2 or (2 * len(tall) > len(text) and _wide_pitch(ln, em) and _cluster_wide(words, tall, em)):
            inked = [b for w, b in words if not stretched(w, b, em)]
            if inked and len(inked) < len(words):  # (the line's box is its printed words')
                ln = replace(ln, box=union_boxes(inked))
            items.append(ln)
            owner.append(-1)
            continue
        display.update(
            len(items) + j for j in display_runs(words, em) if (words[j][1][3] - words[j][1][1]) / height >= 1.25
        )
        for t, box in words:
            items.append(BoxLine(t, box, ln.conf, [(t, box)], ln.page))
            owner.append(k)
    return items, owner, display


STRETCHED = 4.0  # em per character: no printed word, however large its type, is boxed this wide


def stretched(text: str, box: Box, em: float) -> bool:
    """A word of no Han character boxed far wider than its characters could print (a 2 boxed
    across a column's first row beside a headline): an engine's reading of white. (A Han
    character boxed too wide is still printed there: 板 of a narrow headline's piece.)"""
    chars = measure(text)
    return chars > 0 and box[2] - box[0] > STRETCHED * em * max(chars, 1.0) and not any(map(is_han, text))


def _wide_pitch(ln: BoxLine, em: float) -> bool:
    """The line's characters stand wider apart than the body's (1.2 times its `em`): display
    type. An engine boxes a body word with the comma or quote beside it as tall as a
    headline's, but a row of such words keeps the body's pitch (the gutters it runs across
    add little); a glyph's own box is narrower than its advance, so the line is measured
    whole."""
    return _wide(ln.box[2] - ln.box[0], measure(ln.text), em)


def _wide(width: float, chars: float, em: float) -> bool:
    return chars <= 0 or width / chars >= 1.2 * em


GUTTER_WHITE = 1.5  # em of white between two words of a line: a gutter, not a word space


def _cluster_wide(words: list[tuple[str, Box]], tall: list[tuple[str, Box]], em: float) -> bool:
    """Where gutter-wide whites divide the line, the run of words holding its tall ones is set
    wide too: the line's width alone may be a gutter's (下 | 习近平总书记强调)."""
    run = _tall_cluster(words, tall, em)
    if run is None:
        return True
    return _wide(max(b[2] for _, b in run) - min(b[0] for _, b in run), sum(measure(w) for w, _ in run), em)


def _tall_cluster(words: list[tuple[str, Box]], tall: list[tuple[str, Box]], em: float) -> list[tuple[str, Box]] | None:
    """Where gutter-wide whites divide the line's words, the run of them that holds most of
    its tall words: a word across a gutter from them (a piece of an inset headline read with a
    column's line: 下 | 习近平总书记强调) would lend them its white. None where no such white
    divides the line (it is measured whole)."""
    runs: list[list[tuple[str, Box]]] = []
    right = None
    for w in sorted(words, key=lambda w: w[1][0]):
        if right is None or w[1][0] - right >= GUTTER_WHITE * em:
            runs.append([])
        runs[-1].append(w)
        right = w[1][2] if right is None else max(right, w[1][2])
    return max(runs, key=lambda r: sum(1 for w in r if w in tall)) if len(runs) > 1 else None


def display_runs(words: list[tuple[str, Box]], em: float) -> list[int]:
    """Which of a line's words are set larger than the rest of it: runs of two or more words
    (marks aside) taller than 1.3 times the line's typical character and set at a wider
    pitch (1.35 times the body's `em`, the marks among them counted). An inset headline that
    an engine read into one line with the body beside it is such a run; an engine's box grown
    tall round one word, or round several at about the body's pitch, is not."""
    text = [j for j, (w, _) in enumerate(words) if not is_mark(w) and measure(w) > 0]
    if len(text) < 3:
        return []
    top = statistics.median(words[j][1][1] for j in text)
    bottom = statistics.median(words[j][1][3] for j in text)
    tall = [words[j][1][3] - words[j][1][1] > 1.3 * (bottom - top) for j in text]
    out: list[int] = []
    for a, b in _runs(tall):
        run = text[a:b]
        width = words[run[-1]][1][2] - words[run[0]][1][0]
        # the marks between the run's words take their room (an engine reads a gutter as ”
        # between two tall-boxed body words: 加重”的 across two columns is no wide pitch)
        chars = sum(measure(w) for w, _ in words[run[0] : run[-1] + 1])
        if len(run) >= 2 and width / chars >= 1.35 * em:
            out += run
    return out


def _piece(line: BoxLine, words: list[BoxLine]) -> BoxLine:
    """The words of one source line that fell in one block, as a line: the box from its
    characters (not from bars read off a rule)."""
    pairs = [(w.text, w.box) for w in words]
    inked = [b for t, b in pairs if not is_rule(t)] or [b for _, b in pairs]
    box = (min(b[0] for b in inked), min(b[1] for b in inked), max(b[2] for b in inked), max(b[3] for b in inked))
    return replace(line, text=join_words([t for t, _ in pairs], [b for _, b in pairs]), box=box, words=pairs)


def regroup(
    lines: list[BoxLine], items: list[BoxLine], owner: list[int], leaves: list[list[int]], boxes: list[Box]
) -> tuple[list[BoxLine], list[list[int]]]:
    """The cut's leaves of items as leaves of lines: per leaf, one piece per source line,
    top to bottom (by the middle of its words: an engine's box for one word of a row may
    reach up into the row above). Marks a gutter took apart from their line's words go back
    to them; two pieces side by side on one row of a leaf are one printed line."""
    groups = _marks_home([_groups(leaf, owner) for leaf in leaves], boxes, items)
    out: list[BoxLine] = []
    new_leaves: list[list[int]] = []
    for leaf_groups in groups:
        pieces = []
        for key, idx in leaf_groups.items():
            idx.sort()
            ln = items[idx[0]] if key < 0 else _piece(lines[key], [items[i] for i in idx])
            mid = statistics.median((boxes[i][1] + boxes[i][3]) / 2 for i in idx)
            pieces.append((mid, min(boxes[i][0] for i in idx), ln))
        pieces.sort(key=lambda p: (p[0], p[1]))
        lns = _side_by_side(_ghosts_last([p[2] for p in pieces]))
        new_leaves.append(list(range(len(out), len(out) + len(lns))))
        out += lns
    return out, new_leaves


def _groups(leaf: list[int], owner: list[int]) -> dict[int, list[int]]:
    """A leaf's items by source line (a line without words is its own group, keyed below 0)."""
    out: dict[int, list[int]] = {}
    for i in leaf:
        out.setdefault(owner[i] if owner[i] >= 0 else -1 - i, []).append(i)
    return out


def _marks_home(
    groups: list[dict[int, list[int]]], boxes: list[Box], items: list[BoxLine]
) -> list[dict[int, list[int]]]:
    """A group of marks only (a comma an engine boxed into the gutter) whose line has words
    in another leaf joins the nearest of them: a mark alone is no line."""
    where: dict[int, list[int]] = {}
    for k, g in enumerate(groups):
        for key in g:
            if key >= 0:
                where.setdefault(key, []).append(k)
    for k, g in enumerate(groups):
        for key in [key for key, idx in g.items() if key >= 0 and len(where[key]) > 1]:
            idx = g[key]
            if not all(is_mark(items[i].text) for i in idx):
                continue
            others = [m for m in where[key] if m != k and key in groups[m]]
            if not others:
                continue
            x = (min(boxes[i][0] for i in idx) + max(boxes[i][2] for i in idx)) / 2

            def dist(m: int, key: int = key, x: float = x) -> float:
                return min(abs(x - (boxes[i][0] + boxes[i][2]) / 2) for i in groups[m][key])

            groups[min(others, key=dist)][key] += g.pop(key)
            where[key].remove(k)
    return groups


def _side_by_side(lines: list[BoxLine]) -> list[BoxLine]:
    """Consecutive pieces of one leaf standing side by side on one row (most of the smaller's
    height shared, no overlap across, about an em apart at most (a gutter is wider), of
    about one size) are one printed line an engine read as two."""
    out: list[BoxLine] = []
    for ln in lines:
        if out and _beside(out[-1].box, ln.box):
            a, b = (out[-1], ln) if out[-1].box[0] <= ln.box[0] else (ln, out[-1])
            words = (a.words or [(a.text, a.box)]) + (b.words or [(b.text, b.box)])
            confs = [c for c in (a.conf, b.conf) if c is not None]
            box = (min(a.box[0], b.box[0]), min(a.box[1], b.box[1]), max(a.box[2], b.box[2]), max(a.box[3], b.box[3]))
            out[-1] = replace(
                a, text=join_words([a.text, b.text]), box=box, words=words, conf=min(confs) if confs else None
            )
            continue
        out.append(ln)
    return out


def _beside(a: Box, b: Box) -> bool:
    ha, hb = a[3] - a[1], b[3] - b[1]
    shared = min(a[3], b[3]) - max(a[1], b[1])
    gap = max(a[0], b[0]) - min(a[2], b[2])
    return shared >= 0.6 * min(ha, hb) and 0.75 <= ha / hb <= 1.33 and 0 <= gap <= 1.2 * min(ha, hb)


def _ghosts_last(lines: list[BoxLine]) -> list[BoxLine]:
    """A line inside the box of the next, smaller than it, is a second reading of the same
    printed row (an engine's ghost of the glyphs' tops): it goes after the real one, so it
    does not stand between the lines of a headline."""
    out = list(lines)
    for k in range(len(out) - 1):
        a, b = out[k].box, out[k + 1].box
        h = min(a[3], b[3]) - max(a[1], b[1])
        w = min(a[2], b[2]) - max(a[0], b[0])
        if h >= 0.8 * (a[3] - a[1]) and w >= 0.8 * (a[2] - a[0]) and a[3] - a[1] < b[3] - b[1]:
            out[k], out[k + 1] = out[k + 1], out[k]
    return out


def tidy(lines: list[BoxLine], em: float) -> list[BoxLine]:
    """Lines whose words have boxes, each stray tall word's box cut to its line's row:
    Tesseract gives a mark (，。》《) a box as tall as the line's leading, and now and then a
    character or a few a box twice their size, which would make the line look set large and
    close the white between rows. Such a word, taller than 1.3 times the line's typical
    character and not in a display run (`display_runs`: an inset headline read into the
    line keeps its size), is held to that character's top and bottom with a little play;
    the line's box is its words' union again."""
    out = []
    for ln in lines:
        core = [b for w, b in ln.words if not is_mark(w)]
        if len(core) < 2:
            out.append(ln)
            continue
        top = statistics.median(b[1] for b in core)
        bottom = statistics.median(b[3] for b in core)
        keep = set(display_runs(ln.words, em))
        play = 0.15 * (bottom - top)
        lo, hi = top - play, bottom + play
        words = [
            (w, (b[0], max(b[1], lo), b[2], max(max(b[1], lo) + 1, min(b[3], hi))))
            if b[3] - b[1] > 1.3 * (bottom - top) and k not in keep
            else (w, b)
            for k, (w, b) in enumerate(ln.words)
        ]
        if words == ln.words:
            out.append(ln)
            continue
        box = (
            min(b[0] for _, b in words),
            min(b[1] for _, b in words),
            max(b[2] for _, b in words),
            max(b[3] for _, b in words),
        )
        out.append(replace(ln, box=box, words=words))
    return out


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """Stretches [start, end) where flags hold."""
    out, k = [], 0
    while k < len(flags):
        if not flags[k]:
            k += 1
            continue
        j = k
        while j < len(flags) and flags[j]:
            j += 1
        out.append((k, j))
        k = j
    return out
