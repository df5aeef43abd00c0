"""Cleanup: an ordered chain of small, pure, named rules (as markdown-it-py's rules_core).

Each rule takes the whole page text and returns the new text and how many changes it made,
so the cleanup report falls out of running the chain. The order is data: RULES below.
Paragraph rejoining is not here: it needs the line roles the structure stage finds
(a byline must never be glued to a body line), so it lives in pipeline/structure/unwrap.py
and reports its joins into the same counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .despace import despace
from .invisible import invisible
from .punctuation import label_dot, punctuation, stray_stop
from .spaces import column_rules, ideographic_space, trailing_space

Rule = Callable[[str], tuple[str, int]]

# Why this order: invisible characters go first so they cannot hide a space or a mark from
# later rules; U+3000 becomes a plain space so one despace rule handles both; column rules
# (a bar read at a line's edge) go before trailing spaces, which they may leave behind; punctuation
# runs before despace because it must see "2035年, 打造" with its space to judge the comma,
# and despace then removes the space next to the now full-width mark; a stray stop after a pause
# mark is dropped once the pause mark is full-width and the spaces between them are gone (before
# despace, "， 。" kept its stop and a second run of the chain dropped it: not idempotent).
RULES: list[tuple[str, Rule]] = [
    ("invisible", invisible),
    ("ideographic_space", ideographic_space),
    ("column_rules", column_rules),
    ("trailing_space", trailing_space),
    ("punctuation", punctuation),
    ("label_dot", label_dot),
    ("despace", despace),
    ("stray_stop", stray_stop),
]


@dataclass
class CleanResult:
    text: str
    counts: dict[str, int] = field(default_factory=dict)


def run(text: str, rules: list[tuple[str, Rule]] | None = None) -> CleanResult:
    counts: dict[str, int] = {}
    for name, rule in rules if rules is not None else RULES:
        text, n = rule(text)
        counts[name] = counts.get(name, 0) + n
    return CleanResult(text, counts)
