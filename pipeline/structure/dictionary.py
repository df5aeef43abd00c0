"""Words of the general dictionary across a line break.

The headline pass weighs how a sentence reads across a break by the page's own character
pairs: a pair the page uses inside its lines is a word. A page uses many words only once, and
the one across the break is then nowhere else (充分认|识 on a page that never says 认识 again,
焕|发生机). jieba's dictionary knows them. Loading it costs most of a second, so only a claim
the page's own pairs cannot settle asks it (see pipeline/lexicon.py); every test of a count
here is against RARE or COMMON, so the table holds the words from RARE up.
"""

from __future__ import annotations

from ..lexicon import counts

COMMON = 100  # count in the dictionary of a word common enough to tell a sentence reads on
RARE = 20  # below this count an entry is the dictionary's noise (验发), no word to read on
_QUOTES = "“”‘’\"'「」『』"


def word_across(before: str, after: str) -> int:
    """The count of the commonest word of two to four characters spanning the break from
    `before` to `after` (quotes at the break left out: the words, not the marks), 0 if none."""
    x, y = before.rstrip(_QUOTES), after.lstrip(_QUOTES)
    if not x or not y or not (x[-1].isalnum() and y[0].isalnum()):
        return 0
    words = counts(RARE)  # (a count under RARE reads as none in every test of it)
    best = 0
    for left in range(1, min(3, len(x)) + 1):
        for right in range(1, min(4 - left, len(y)) + 1):
            best = max(best, words.get(x[-left:] + y[:right], 0))
    return best


def reads_over(before: str, line: str, after: str) -> bool:
    """A common word joins `before` to `after`, and no word joins `line` to either: the
    sentence skips the line."""
    if word_across(before, after) < COMMON:
        return False
    return word_across(before, line) < RARE and word_across(line, after) < RARE
