"""Character classes and display widths shared by cleanup, structure and the writers' checks."""

from __future__ import annotations

import unicodedata

# CJK punctuation that typesetting treats as full-width.
OPENING = "“‘「『（〔［｛【〖《〈"
CLOSING = "”’」』）〕］｝】〗〉》"
PAUSES = "、，。；：！？"
CJK_PUNCT = set(OPENING + CLOSING + PAUSES + "…—·～・　")
SENTENCE_FINAL = set("。！？…")
# Half-width marks OCR emits for full-width ones, and their full-width forms.
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def is_han(c: str) -> bool:
    if not c:
        return False
    o = ord(c)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x3134F
        or 0xF900 <= o <= 0xFAFF
        or 0x2F800 <= o <= 0x2FA1F
        or c == "〇"
    )


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
