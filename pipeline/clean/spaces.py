"""Whitespace rules that prepare lines for despace and for width measurement."""

from __future__ import annotations

import re

_TRAILING = re.compile(r"[ \u00a0]+$", re.M)


def ideographic_space(text: str) -> tuple[str, int]:
    """U+3000 and NBSP become plain spaces: OCR uses them for the same gaps, and the model's
    canonical text carries no spacing (indents are typography, added by the writers)."""
    n = text.count("\u3000") + text.count("\u00a0")
    return text.replace("\u3000", " ").replace("\u00a0", " "), n


def trailing_space(text: str) -> tuple[str, int]:
    """Trailing spaces carry no meaning and would distort line widths."""
    return _TRAILING.subn("", text)


RULE_BARS = "|｜¦"  # what OCR writes for a column rule (pipeline/read/rows.py reads rows cut by them)
_BAR = f"[{re.escape(RULE_BARS)}]+"
_RULE = re.compile(rf"^[ \t]*{_BAR}[ \t]*|[ \t]*{_BAR}[ \t]*$", re.M)


def column_rules(text: str) -> tuple[str, int]:
    """A bar at the start or end of a line is the rule between two columns, read as a
    character (OCR writes it as | or ｜): it is no text, and it would widen the line."""
    if not any(b in text for b in RULE_BARS):
        return text, 0  # the pattern tries every position of the page; most pages have no bar
    return _RULE.subn("", text)
