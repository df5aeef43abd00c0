"""Half-width punctuation next to CJK becomes full-width (, ; : ? ! ( )).

OCR reads a full-width comma as ',' often enough that a page mixes both. A mark is converted
only when a CJK neighbour shows it is Chinese punctuation; marks inside numbers (1,000,
10:30) or Latin text keep their form. Brackets convert as a pair so "(2021—2035年)" never
ends up half one kind and half the other.
"""

from __future__ import annotations

import re

from ..text import HALF_TO_FULL, is_cjk

_HALF = re.compile("[" + re.escape("".join(HALF_TO_FULL)) + "]")
_PAIR = re.compile(r"\(([^()\n]{0,40})\)")


def _neighbour(line, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(line) and line[j] == " ":
        j += step
    return line[j] if 0 <= j < len(line) else ""


def _convert_line(line: str) -> tuple[str, int]:
    chars = list(line)
    n = 0
    # Bracket pairs: Chinese if their content or an outside neighbour is CJK.
    for m in _PAIR.finditer(line):
        a, b = m.start(), m.end() - 1
        inside = m.group(1)
        if any(is_cjk(c) for c in inside) or is_cjk(_neighbour(line, a, -1)) or is_cjk(_neighbour(line, b, 1)):
            chars[a], chars[b] = "（", "）"
            n += 2
    for i, c in enumerate(chars):
        if c not in HALF_TO_FULL:
            continue
        left, right = _neighbour(chars, i, -1), _neighbour(chars, i, 1)
        if c in ",:" and left.isdigit() and right.isdigit() and line[i + 1 : i + 2] != " ":
            continue  # 1,000 and 10:30
        if (c == "(" and (is_cjk(right) or (is_cjk(left) and not right.isascii()))) or (
            c == ")" and (is_cjk(left) or (is_cjk(right) and not left.isascii()))
        ):
            pass
        elif c in "()" or not (is_cjk(left) or (not left and is_cjk(right))):
            continue  # a mark belongs to the text before it: after Latin it stays Latin
        chars[i] = HALF_TO_FULL[c]
        n += 1
    return "".join(chars), n


def punctuation(text: str) -> tuple[str, int]:
    total = 0
    out = []
    for line in text.split("\n"):
        # A run of marks (",,") converts from its CJK end inward: repeat to a fixed point
        # so that running the chain twice changes nothing.
        while _HALF.search(line):
            line, n = _convert_line(line)
            total += n
            if not n:
                break
        out.append(line)
    return "\n".join(out), total
