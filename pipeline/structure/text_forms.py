"""The model's text forms: canonical text, headlines with their line breaks, bios without brackets.

Text in the model is canonical (no OCR spaces between CJK characters or between CJK and
digits, wrapped lines joined with no separator); these functions are the one place that
makes it so for the structure stage.
"""

from __future__ import annotations

import re

from ..clean.despace import despace
from ..text import HAN_CLASS as _HAN
from ..text import join_lines

_GLUE = re.compile(rf"(?<=[{_HAN}，。、；：！？”’）》]) +(?=[{_HAN}“‘（《])")
_HALVES = re.compile(rf"(?<=[{_HAN}”》）]) +(?=[{_HAN}“《（])")


join_text = join_lines  # wrapped lines joined: no separator between CJK (pipeline/text.py)


def canonical(text: str) -> str:
    """Model text: no space between CJK characters or between CJK and digits/Latin."""
    t, _ = despace(text.replace("\n", ""))
    # A single space between two Han runs survives despace (it may separate names);
    # inside a paragraph it is OCR noise. (Most text has no space left: no scan for the glue.)
    return (_GLUE.sub("", t) if " " in t else t).strip()


# A column label closing a headline line; not a gloss of the Latin abbreviation before it
# (加强BIM（建筑信息模型）: running text).
# (The look back sits after the bracket: the search still starts only at brackets.)
LABEL = re.compile(rf"[（(〈](?<![A-Za-z0-9][（(〈])(?<![A-Za-z0-9] [（(〈])[{_HAN}·、]{{2,30}}[）)〉]\s*$")


def label_only(text: str) -> bool:
    """The text is a column label and nothing else (（新语）): a headline line's tail the OCR
    set on a line of its own."""
    t = text.strip()
    m = LABEL.search(t)
    return m is not None and m.start() == 0


def headline_text(lines: list[str]) -> str:
    """Lines of a headline joined by "\\n"; a one-line headline in two space-separated parts
    is two lines printed side by side, so the space becomes the break. A column label alone
    on a line closes the line before it (the OCR broke it off: the print sets it on the
    headline's line)."""
    parts = list(lines)
    if len(parts) == 1:
        halves = [p for p in _HALVES.split(parts[0]) if p]
        if len(halves) >= 2 and all(len(h) >= 4 for h in halves):
            parts = halves
    parts = [q for p in parts for q in split_deck(p)]
    parts = parts[:1] + [_MISREAD_DASH.sub("——", p) for p in parts[1:]]
    return "\n".join(mend_labels([canonical(p) for p in parts]))


# A deck's dash (——) as the OCR reads it: the one place that spells its forms. The profile's
# deck_openers are the paper's printed forms; these are what an engine makes of them.
DASH_STROKES = "一—-－"  # one character of the dash: a mark, or the stroke 一 it looks like
MISREAD_DASHES = ("一-", "-一", "一—", "—一")  # a stroke and a mark: the dash only under a headline
# In marks (--来自…, —-论…): under a headline's first line it can only be the dash. (Read as 一-
# the 一 stays: a character of the input is never dropped.)
_MISREAD_DASH = re.compile(r"^\s*(?:--|—-|-—|－－|—－|－—)(?=[^—\-－])")


_JOINED_DECK = re.compile(r"^(.*[^—\s])\s*(——[^—]{4,40})$")


def split_deck(line: str) -> list[str]:
    """A headline line and its deck run into one line (…专论）——论推进…的几个重大关系): two
    lines, the deck under the headline, as the page prints them; a dash inside the words of a
    line (礼赞新时代——原创…) is left where more than a deck's words follow it."""
    m = _JOINED_DECK.match(line.strip())
    if not m or len(m.group(1)) < 4 or any(c in m.group(2) for c in "。！？；，"):
        return [line]
    return [m.group(1), m.group(2)]


_OPENS, _CLOSES = "（(〈", "）)〉"
_OPENERS = "“「《（〈("


def mend_openers(parts: list[str]) -> list[str]:
    """A headline's lines with none ending on an opening mark (智慧的“ / 好房子”, pieces of a
    headline set narrow): the mark goes with the words it opens, as a line never ends on one."""
    out: list[str] = []
    for c in parts:
        if out and out[-1][-1:] in _OPENERS:
            out[-1] += c
        else:
            out.append(c)
    return out


def mend_labels(parts: list[str]) -> list[str]:
    """A headline's lines with its column label whole again: a label's halves the OCR broke
    over two lines (（评论 / 员观察）) are one, a label alone closes the line before it, and a
    label read first closes the headline's last line."""
    if len(parts) > 1 and label_only(parts[0]) and not any(LABEL.search(p) for p in parts[1:]):
        # the label read before the lines it closes (（观察者说） / 夯实执政之基): at their end
        parts = [*parts[1:-1], parts[-1] + parts[0]]
    out: list[str] = []
    for c in parts:
        if out and sum(map(out[-1].count, _OPENS)) > sum(map(out[-1].count, _CLOSES)) and c[-1:] in _CLOSES:
            out[-1] += c  # the label's first half left its bracket open: the second closes it
            if len(out) > 1 and label_only(out[-1]) and not label_only(out[-2]):
                label = out.pop()
                out[-1] += label
        elif out and label_only(c) and not label_only(out[-1]):
            out[-1] += c
        elif c:
            out.append(c)
    return out


def bio_text(text: str, open_brackets: str, close_brackets: str) -> str:
    """The bio without its outer brackets (whatever the OCR made of them)."""
    t = canonical(text)
    if t[:1] and t[0] in open_brackets:
        t = t[1:]
    t = t.rstrip("。.") if t.rstrip("。.")[-1:] in close_brackets else t
    if t[-1:] and t[-1] in close_brackets:
        t = t[:-1]
    return t.strip()


# A funding note's bracketed project number (（24YJA710012）), which a compositor carries down
# whole: the bio and byline passes both read a funding note's lines by it.
PROJECT_NUMBER = re.compile(r"[（(][A-Za-z0-9]{4,16}[）)]")
