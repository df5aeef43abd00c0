"""Remove characters that print nothing: zero-width spaces/joiners, BOMs, soft hyphens, C0/C1 controls.

OCR engines and copy-paste leave them inside words, where they split "一体化" so no later
rule can see the word. Tabs become spaces (despace judges them). Every removal is counted.
Emoji, astral-plane Han (𠮷) and variation selectors are kept: they are content.
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]")


def invisible(text: str) -> tuple[str, int]:
    text, n = _INVISIBLE.subn("", text)
    text, m = re.subn("\t", " ", text)
    return text, n + m
