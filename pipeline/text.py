"""Chinese text, once: character classes, punctuation, line-breaking rules, display widths, and
the few text forms the model's readers and writers must agree on.

Cleanup, structure, the typesetters (body text, display headlines, the EPUB cover) and the
writers' checks all ask here, so a mark that may not start a line, or a character that counts
as Han, means the same in every stage. The rules are clreq's and GB/T 15834's (docs/typesetting.md).
"""

from __future__ import annotations

import re
import unicodedata

# --- Han ---------------------------------------------------------------------------------------
# CJK Unified Ideographs, Extension A, Extensions B-G (planes 2 and 3: 𠮷 and the rare characters
# of names), the compatibility ideographs and their supplement; plus 〇 (U+3007), the Han zero of
# dates (二〇二五年), which Unicode files under symbols.
HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x3134F),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)
HAN_ZERO = "〇"
# The same set for a regular expression's character class: f"[{HAN_CLASS}]", f"[{HAN_CLASS}，。]".
HAN_CLASS = "".join(f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES) + HAN_ZERO
HAN = re.compile(f"[{HAN_CLASS}]")
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def is_han(c: str) -> bool:
    if not c:
        return False
    o = ord(c)
    # HAN_RANGES written out: this runs for every character of every page
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x3134F
        or 0xF900 <= o <= 0xFAFF
        or 0x2F800 <= o <= 0x2FA1F
        or c == HAN_ZERO
    )


# --- punctuation ---------------------------------------------------------------------------------
# Full-width marks by where their ink sits: opening marks lean on what follows, closing marks and
# pauses on what precedes (clreq 3.1).
OPENING = "“‘「『（〔［｛【〖《〈"
CLOSING = "”’」』）〕］｝】〗〉》"
PAUSES = "、，。；：！？"
INTERPUNCT = "·・"
# Dash and ellipsis: two ems each (—— ……), a run never split; ⸺ is the two-em dash as one character.
LONG_MARKS = frozenset("—…⸺")
CJK_PUNCT = set(OPENING + CLOSING + PAUSES + "…—·～・　")
SENTENCE_FINAL = set("。！？…")
# Half-width marks OCR emits for full-width ones, and their full-width forms.
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# --- line breaking (clreq "basic" level; ASCII counterparts for mixed text) ---------------------
# A line never starts with a pause, a closing mark, the interpunct or a percent sign after a number;
# it never ends with an opening mark.
NO_START = frozenset(PAUSES + CLOSING + "·％%" + ",.;:!?)]}")
NO_END = frozenset(OPENING + "([{")
# Display lines (headlines, the cover) do not open with —— or …… either: set large, a line that
# starts with a dash reads as a new clause of its own.
NO_START_DISPLAY = NO_START | LONG_MARKS


def is_latin(ch: str) -> bool:
    """Letters, digits and ASCII signs: parts of words and numbers that are never split."""
    return ord(ch) < 0x2000 and not ch.isspace() and ch not in "·"


def is_wide_letter(ch: str) -> bool:
    """Ideographs, kana, hangul: the letters a quarter-em gap separates from Latin ones."""
    if ch in CJK_PUNCT or ch in LONG_MARKS or is_latin(ch):
        return False
    return unicodedata.east_asian_width(ch) in "WF" and unicodedata.category(ch)[0] == "L"


def is_cjk(c: str) -> bool:
    """Han, kana, or CJK punctuation: characters set on the full-width grid."""
    if is_han(c) or c in CJK_PUNCT:
        return True
    if not c:
        return False
    o = ord(c)
    return 0x3000 <= o <= 0x30FF or 0xFF01 <= o <= 0xFF60


def is_alnum_ascii(c: str) -> bool:
    return c.isascii() and c.isalnum()


# --- display widths ------------------------------------------------------------------------------


def char_width(c: str) -> float:
    """Display width in em: Han and CJK punctuation 1, digits/Latin 1/2 (issue 2's measure)."""
    if c in "“”‘’":
        return 1.0
    if is_cjk(c) or unicodedata.east_asian_width(c) in "WF":
        return 1.0
    if c.isspace():
        return 0.0
    return 0.5


def width(s: str) -> float:
    return sum(char_width(c) for c in s)


def accountable(c: str) -> bool:
    """Characters the reader must never lose or duplicate: Han, digits, Latin letters."""
    return is_han(c) or is_alnum_ascii(c)


# --- text forms of the model (docs/model.md) -----------------------------------------------------

BIO_OPEN, BIO_CLOSE = "（(", "）)"


def join_lines(parts: list[str]) -> str:
    """Wrapped lines of one paragraph as model text: no separator between CJK, one space only
    where two Latin words meet (so "Hello" + "World" stays two words)."""
    out = ""
    for p in parts:
        p = p.strip()
        if out and p and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalpha():
            out += " "
        out += p
    return out


def bare_bio(text: str) -> str:
    """An author bio as the model keeps it: without the pair of brackets printed round it
    (a bracket at one end only is the bio's own text, as in "…（2021)")."""
    t = text.strip()
    if len(t) >= 2 and t[0] in BIO_OPEN and t[-1] in BIO_CLOSE:
        t = t[1:-1].strip()
    return t


def bracketed_bio(text: str) -> str:
    """An author bio as every format prints it: （作者系……）, whatever pair of brackets it came with."""
    return f"（{bare_bio(text)}）"


_NUMERALS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 一, 10 十, 12 十二, 20 二十, 105 一百零五, 110 一百一十 (part numbers, counts); n >= 0."""
    if n < 10:
        return _NUMERALS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tens, ones = divmod(rest, 10)
        tail = "零" + _NUMERALS[ones] if 0 < rest < 10 else ""
        if rest >= 10:
            tail = _NUMERALS[tens] + "十" + (_NUMERALS[ones] if ones else "")
        return _NUMERALS[hundreds] + "百" + tail
    return str(n)
