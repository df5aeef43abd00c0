"""Remove the spaces OCR puts between characters of justified lines and around numbers.

A justified line comes out as "一 体 化 ，促 进" and a number as "2035 年". Both spacings are
typography, not text. A space is removed between CJK and CJK (in a spaced-out line, or next
to a single character or a CJK mark) and between CJK and digits/Latin. A single space
between two runs of several Han characters in an ordinary line is kept: it is how the page
separates two names in a byline ("陶银球 戴姣") or the two parts of a one-line headline, and
the structure stage decides what it means. Spaces inside Latin runs are kept.
"""

from __future__ import annotations

import re

from ..text import CJK_PUNCT, HAN_CLASS, is_cjk

_SPACES = re.compile(r" +")
# A character is_cjk() accepts: Han, CJK marks, kana and the full-width forms.
_CJK = re.compile("[" + HAN_CLASS + re.escape("".join(sorted(CJK_PUNCT))) + "\u3000-\u30ff\uff01-\uff60]")
# A whole run of spaces in a spread-out line with something after it, unless it stands between
# two ASCII letters (the loop below, for a spaced line, in one pass).
_JUSTIFIED_GAP = re.compile(r"(?<![A-Za-z ]) +(?=[^ ])|(?<=[A-Za-z]) +(?=[^ A-Za-z])")


def _spaced_out(tokens: list[str]) -> bool:
    """A justified line: most tokens are one or two CJK characters."""
    if len(tokens) < 4:
        return False
    short = sum(1 for t in tokens if len(t) <= 2)
    cjk = sum(1 for t in tokens if _CJK.search(t))
    return cjk >= 2 and short >= 0.6 * len(tokens)


def _despace_line(line: str) -> tuple[str, int]:
    core = line.lstrip(" ")
    lead = line[: len(line) - len(core)]
    if " " not in core:
        return line, 0
    tokens = core.split()
    spaced = _spaced_out(tokens)
    if spaced:
        # Every gap goes but one between two Latin letters or at the line's end: one pattern.
        out_line, n = _JUSTIFIED_GAP.subn("", core)
        return lead + out_line, n
    # Tokens between runs of spaces: the gap j lies between parts[j] and parts[j + 1].
    parts = _SPACES.split(core)
    gaps = _SPACES.findall(core)
    out: list[str] = [parts[0]]
    n = 0
    for j, gap in enumerate(gaps):
        left_tok, right_tok = parts[j], parts[j + 1]
        a, b = left_tok[-1], right_tok[:1]
        remove = False
        if b and spaced and not (a.isascii() and a.isalpha() and b.isascii() and b.isalpha()):
            remove = True  # a spread-out line: every gap is the justification's
        elif b and is_cjk(a) and is_cjk(b):
            remove = spaced or a in CJK_PUNCT or b in CJK_PUNCT or len(left_tok) == 1 or len(right_tok) == 1
        elif b and (is_cjk(a) != is_cjk(b)):
            # CJK next to digits/Latin/ASCII marks: "2035 年", "全省 1/7 的", "22% 的"
            remove = True
        if remove:
            n += 1
        else:
            out.append(gap)
        out.append(right_tok)
    return lead + "".join(out), n


# A line with a space after its first character: only these can change (most lines have none).
_SPACED_LINE = re.compile(r"^ *[^ \n].* .*$", re.M)


def despace(text: str) -> tuple[str, int]:
    if " " not in text:
        return text, 0
    total = 0

    def fix(m: re.Match) -> str:
        nonlocal total
        line, n = _despace_line(m.group())
        total += n
        return line

    return _SPACED_LINE.sub(fix, text), total
