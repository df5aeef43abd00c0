"""Whitespace rules that prepare lines for despace and for width measurement."""

from __future__ import annotations

import re

# A line's trailing spaces, read on the reversed page: there they follow a newline, which the
# regex engine can scan for, where `[ \u00a0]+$` was tried at every space of the page (a spread
# line has dozens) to find the few hundred that end a line.
_REVERSED_TRAILING = re.compile("\n[ \u00a0]+")


def ideographic_space(text: str) -> tuple[str, int]:
    """U+3000 and NBSP become plain spaces: OCR uses them for the same gaps, and the model's
    canonical text carries no spacing (indents are typography, added by the writers)."""
    n = text.count("\u3000") + text.count("\u00a0")
    return text.replace("\u3000", " ").replace("\u00a0", " "), n


def trailing_space(text: str) -> tuple[str, int]:
    """Trailing spaces carry no meaning and would distort line widths. (Counted once a line.)"""
    out, n = _REVERSED_TRAILING.subn("\n", text[::-1])
    kept = out.lstrip(" \u00a0")  # the last line's, at the start of the reversed page
    return kept[::-1], n + (len(kept) != len(out))


RULE_BARS = "|｜¦"  # what OCR writes for a column rule (pipeline/read/rows.py reads rows cut by them)
_BAR = f"[{re.escape(RULE_BARS)}]+"
_RULE = re.compile(rf"^[ \t]*{_BAR}[ \t]*|[ \t]*{_BAR}[ \t]*$", re.M)


def column_rules(text: str) -> tuple[str, int]:
    """A bar at the start or end of a line is the rule between two columns, read as a
    character (OCR writes it as | or ｜): it is no text, and it would widen the line."""
    if not any(b in text for b in RULE_BARS):
        return text, 0  # the pattern tries every position of the page; most pages have no bar
    return _RULE.subn("", text)
