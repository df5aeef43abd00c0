"""Vertical writing: the runs of Latin letters and digits a vertical-rl page sets upright.

Two characters or fewer ("14", "5G") and three with a mark ("22%", "1/7") are combined into one
em (tate-chu-yoko); three or four digits/capitals ("2035", "GDP") stand upright one by one;
longer runs ("69.5", "Wi-Fi", "COVID-19") stay sideways, as text-orientation: mixed sets them.
"""

from __future__ import annotations

import re

_RUN = re.compile(r"[0-9A-Za-z]+(?:[.,/:%+\-][0-9A-Za-z]+)*%?")
_UPRIGHT = re.compile(r"[0-9A-Z]{3,4}")


def vertical_runs(text: str) -> list[tuple[str, str | None]]:
    """Split text into (chunk, css_class) with class 'tcy', 'upright' or None (as is)."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for m in _RUN.finditer(text):
        run = m.group(0)
        if len(run) <= 2 or (len(run) == 3 and not run.isalnum()):
            cls: str | None = "tcy"
        else:
            cls = "upright" if _UPRIGHT.fullmatch(run) else None
        if cls is None:
            continue
        if m.start() > pos:
            out.append((text[pos : m.start()], None))
        out.append((run, cls))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], None))
    return out
