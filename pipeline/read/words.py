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

from .layout import Box, BoxLine, join_words

RULE_MARKS = frozenset("|｜¦")


def is_rule(text: str) -> bool:
    return bool(text) and all(c in RULE_MARKS for c in text)


def is_mark(text: str) -> bool:
    """A word of marks only: a bar read off a column rule, or punctuation (a comma hung in
    the gutter at a line's end): it shows no column's edge, so it takes no part in finding
    gutters and goes with the side its middle is on."""
    return not any(c.isalnum() for c in text)


def _cut_rules(word: tuple[str, Box], em: float) -> list[tuple[str, Box]]:
    """A word with a bar at either end as the word and the bar, each with its part of the box
    (a bar is narrow: the box is cut at most half an em from that end)."""
    text, b = word
    if is_rule(text) or not any(c in RULE_MARKS for c in text):
        return [word]
    head = len(text) - len(text.lstrip("".join(RULE_MARKS)))
    tail = len(text) - len(text.rstrip("".join(RULE_MARKS)))
    if not head and not tail:
        return [word]
    cut = min(0.45 * (b[2] - b[0]), 0.5 * em)
    out = []
    x0, x1 = b[0], b[2]
    if head:
        out.append((text[:head], (x0, b[1], x0 + cut, b[3])))
        x0 += cut
    core = text[head : len(text) - tail]
    tail_part = [(text[len(text) - tail :], (x1 - cut, b[1], x1, b[3]))] if tail else []
    if tail:
        x1 -= cut
    return [*out, (core, (x0, b[1], max(x0 + 1, x1), b[3])), *tail_part]


def explode(lines: list[BoxLine], em: float, large) -> tuple[list[BoxLine], list[int], set[int]]:
    """The units the XY cut works on: every word of a body-size line that has word boxes
    (its owner: the line's index), and every other line whole (owner -1); and which words
    are display type. `large(box_line)` says whether a line or word is set large: a display
    line joined from pieces stays whole; a word counts as display type only in a run of three
    large words or in a line mostly of them (an engine's box for one or two words of a body
    line may be as tall and wide as a headline's: it must not close a gutter)."""
    items: list[BoxLine] = []
    owner: list[int] = []
    display: set[int] = set()
    for k, ln in enumerate(lines):
        if len(ln.words) < 2 or large(ln):
            items.append(ln)
            owner.append(-1)
            continue
        first = len(items)
        for w in ln.words:
            for text, box in _cut_rules(w, em):
                items.append(BoxLine(text, box, ln.conf, [(text, box)], ln.page))
                owner.append(k)
        display |= _display_words(items, first, large)
    return items, owner, display


def _display_words(items: list[BoxLine], first: int, large) -> set[int]:
    """Of one line's words (items[first:]), those set large: runs of three large words, or
    all large ones when they are most of the line's text."""
    text = [i for i in range(first, len(items)) if not is_mark(items[i].text)]
    big = [i for i in text if large(items[i])]
    if len(big) * 2 > len(text):
        return set(big)
    out: set[int] = set()
    run: list[int] = []
    for i in [*text, -1]:
        if i >= 0 and i in big:
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def _piece(line: BoxLine, words: list[BoxLine]) -> BoxLine:
    """The words of one source line that fell in one block, as a line: the box from its
    characters (not from bars read off a rule)."""
    pairs = [(w.text, w.box) for w in words]
    inked = [b for t, b in pairs if not is_rule(t)] or [b for _, b in pairs]
    box = (min(b[0] for b in inked), min(b[1] for b in inked), max(b[2] for b in inked), max(b[3] for b in inked))
    return replace(line, text=join_words([t for t, _ in pairs]), box=box, words=pairs)


def regroup(
    lines: list[BoxLine], items: list[BoxLine], owner: list[int], leaves: list[list[int]], boxes: list[Box]
) -> tuple[list[BoxLine], list[list[int]]]:
    """The cut's leaves of items as leaves of lines: per leaf, one piece per source line,
    top to bottom (by the middle of its words: an engine's box for one word of a row may
    reach up into the row above)."""
    out: list[BoxLine] = []
    new_leaves: list[list[int]] = []
    for leaf in leaves:
        groups: dict[int, list[int]] = {}
        for i in leaf:
            groups.setdefault(owner[i] if owner[i] >= 0 else -1 - i, []).append(i)
        pieces = []
        for key, idx in groups.items():
            idx.sort()
            ln = items[idx[0]] if key < 0 else _piece(lines[key], [items[i] for i in idx])
            mid = statistics.median((boxes[i][1] + boxes[i][3]) / 2 for i in idx)
            pieces.append((mid, min(boxes[i][0] for i in idx), ln))
        pieces.sort(key=lambda p: (p[0], p[1]))
        new_leaves.append(list(range(len(out), len(out) + len(pieces))))
        out += [p[2] for p in pieces]
    return out, new_leaves


def _is_text(word: str) -> bool:
    return any(c.isalnum() for c in word)


def tidy(lines: list[BoxLine]) -> list[BoxLine]:
    """Lines whose words have boxes, each word's box cut to its line's row: Tesseract gives a
    mark (，。》《) and now and then a character a box as tall as the whole line's leading or
    taller, which would make the line look set large and close the white between rows. A
    word taller than 1.3 times its line's typical character is held to that character's top
    and bottom (with a little play); the line's box is its words' union again."""
    out = []
    for ln in lines:
        core = [b for w, b in ln.words if _is_text(w)]
        if len(core) < 2:
            out.append(ln)
            continue
        top = statistics.median(b[1] for b in core)
        bottom = statistics.median(b[3] for b in core)
        play = 0.15 * (bottom - top)
        words = [
            (w, (b[0], max(b[1], top - play), b[2], min(b[3], bottom + play)))
            if b[3] - b[1] > 1.3 * (bottom - top) and min(b[3], bottom + play) > max(b[1], top - play)
            else (w, b)
            for w, b in ln.words
        ]
        box = (
            min(b[0] for _, b in words),
            min(b[1] for _, b in words),
            max(b[2] for _, b in words),
            max(b[3] for _, b in words),
        )
        out.append(replace(ln, box=box, words=words))
    return out
