"""Half-width punctuation next to CJK becomes full-width (, ; : ? ! ( )).

OCR reads a full-width comma as ',' often enough that a page mixes both. A mark is converted
only when a CJK neighbour shows it is Chinese punctuation; marks inside numbers (1,000,
10:30) or Latin text keep their form. Brackets convert as a pair so "(2021—2035年)" never
ends up half one kind and half the other. An opening bracket the OCR misread (Tesseract reads
（ as 〈, and a column label's as 《 or “) is restored where its closing half shows what it was.
"""

from __future__ import annotations

import re

from ..text import HALF_TO_FULL, is_cjk

_HALF = re.compile("[" + re.escape("".join(HALF_TO_FULL)) + "]")
_PAIR = re.compile(r"\(([^()\n]{0,40})\)")
_INNER = "[^〈〉《》（）()\n]"
# 〈…） is always a misread （…）; 《…） only where it closes the line, as a column label
# (（评论员观察）) does: inside a line it may as well be a book title whose 》 was misread.
_MISREAD_ANGLE = re.compile(rf"〈({_INNER}{{1,40}})([）)])")
_MISREAD_LABEL = re.compile(rf"《({_INNER}{{2,30}})([）)])(\s*)$")
# “…） closing the line where the line's opening quotes outnumber its closing ones: a column
# label's bracket misread as a quote (惩治“微腐败”，让老百姓可感可及“评论员观察）).
_QUOTED_LABEL = re.compile(r"“([\u4e00-\u9fff·、]{2,30})([）)])(\s*)$")
# An opening bracket read twice, as an angle one and as itself (人才〈（师说）): one bracket.
_DOUBLED = re.compile(r"〈\s*(?=[（(])|(?<=[（(])\s*〈")


def _misread_openers(line: str) -> tuple[str, int]:
    if "）" not in line and ")" not in line:
        return line, 0  # both patterns end on a closing bracket: most lines, two passes saved
    a = b = 0
    # (the book-title bracket first: 〈《人民时评) is an angle bracket doubling a label's
    # bracket once that is read as a label's)
    if "《" in line:
        line, b = _MISREAD_LABEL.subn(r"(\1\2\3", line)
    if "〈" in line:
        line, d = _DOUBLED.subn("", line)
        line, a = _MISREAD_ANGLE.subn(r"(\1\2", line)
        a += d
    c = 0
    if "“" in line and line.count("“") > line.count("”"):
        line, c = _QUOTED_LABEL.subn(r"(\1\2\3", line)
    return line, a + b + c


def _neighbour(line, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(line) and line[j] == " ":
        j += step
    return line[j] if 0 <= j < len(line) else ""


def _convert_pairs(line: str, chars: list[str]) -> int:
    """Bracket pairs: Chinese if their content or an outside neighbour is CJK."""
    n = 0
    for m in _PAIR.finditer(line):
        a, b = m.start(), m.end() - 1
        if any(is_cjk(c) for c in m.group(1)) or is_cjk(_neighbour(line, a, -1)) or is_cjk(_neighbour(line, b, 1)):
            chars[a], chars[b] = "（", "）"
            n += 2
    return n


def _is_chinese_mark(c: str, left: str, right: str, next_char: str) -> bool:
    """Whether a half-width mark between these neighbours is Chinese punctuation misread."""
    if c in ",:" and left.isdigit() and right.isdigit() and next_char != " ":
        return False  # 1,000 and 10:30
    if c == "(":
        return is_cjk(right) or (is_cjk(left) and not right.isascii())
    if c == ")":
        return is_cjk(left) or (is_cjk(right) and not left.isascii())
    # a mark belongs to the text before it: after Latin it stays Latin
    return is_cjk(left) or (not left and is_cjk(right))


def _convert_line(line: str) -> tuple[str, int]:
    chars = list(line)
    n = _convert_pairs(line, chars)
    # Only where the line holds a half-width mark (the pairs above only made some full-width),
    # left to right as before: a converted mark is the left neighbour of the next.
    for m in _HALF.finditer(line):
        i = m.start()
        c = chars[i]
        if c in HALF_TO_FULL and _is_chinese_mark(
            c, _neighbour(chars, i, -1), _neighbour(chars, i, 1), line[i + 1 : i + 2]
        ):
            chars[i] = HALF_TO_FULL[c]
            n += 1
    return "".join(chars), n


# A line holding something to convert: a bracket misread as an angle one, or a half-width mark.
# Only these lines are visited (most lines of a page hold neither). The line up to the first
# such mark is taken possessively: `.*` before the mark made every line that holds none be read
# back to its start, which cost as much as fixing the lines that do.
_FIXABLE = "〈《" + re.escape("".join(HALF_TO_FULL))
_TO_FIX = re.compile(f"^[^{_FIXABLE}\n]*+[{_FIXABLE}].*$", re.M)


def _fix_line(line: str) -> tuple[str, int]:
    line, total = _misread_openers(line)
    # A run of marks (",,") converts from its CJK end inward: repeat to a fixed point
    # so that running the chain twice changes nothing.
    while _HALF.search(line):
        line, n = _convert_line(line)
        total += n
        if not n:
            break
    return line, total


def punctuation(text: str) -> tuple[str, int]:
    total = 0

    def fix(m: re.Match) -> str:
        nonlocal total
        line, n = _fix_line(m.group())
        total += n
        return line

    return _TO_FIX.sub(fix, text), total


# A column label's middle dot read as a stop (（新语。文化强国名家谈）) or as an apostrophe, a
# bullet or a katakana dot (（新语'文化强国名家谈）): only in a bracket of Han
# words that closes the line, one stop between a short word and the rest (a sentence in
# brackets ends on its stop, and a bio's holds a colon).
_LABEL_DOT = re.compile(r"([（(][\u4e00-\u9fff]{2,4})[。．.・•'’‘`‧･]([\u4e00-\u9fff]{4,12}[）)][ \t]*)$", re.M)


def label_dot(text: str) -> tuple[str, int]:
    return _LABEL_DOT.subn(r"\1·\2", text)


# A stop right after a pause mark (力，。比 / 药、。。) or a second stop after one (侧。。费):
# no Chinese sentence is punctuated so; Tesseract reads a speck in a gutter, or the gutter
# itself, as the stop. The first mark is the text's; an ellipsis of stops (。。。) is kept.
# The pattern opens on the stop itself and looks back from there: a pattern opening on a
# lookbehind was tried at every position of the page (50 ms on 5 MB), one opening on a literal
# is only tried where a stop stands.
_STRAY_STOP = re.compile(r"。(?:(?<=[，、；：]。)。*|(?<=。。)(?<![。…]。。)(?!。))")


def stray_stop(text: str) -> tuple[str, int]:
    return _STRAY_STOP.subn("", text)
