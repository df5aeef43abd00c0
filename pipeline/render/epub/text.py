"""Text as data: cleaning for XML, labels, dates, and the runs vertical writing sets upright.

Model text goes into the XHTML only as lxml text nodes, so `<script>`, `]]>` or `&amp;` stay
literal characters (lxml escapes them) and never become markup. lxml refuses characters XML 1.0
cannot carry, so `clean()` strips them first: C0 controls except tab/newline, C1 controls and
DEL (legal in XML 1.0 but not text), lone surrogates, U+FFFE/U+FFFF and the U+FDD0-FDEF
noncharacters. Nothing else is changed.
"""

from __future__ import annotations

import re
from datetime import date

from ..shared import flat_title

_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

LABELS: dict[str, dict[str, str]] = {
    "zh-Hans": {
        "toc": "目录",
        "cover": "封面",
        "titlepage": "扉页",
        "lead": "导读",
        "unplaced": "其他文字",
        "landmarks": "导览",
        "start": "正文",
        "untitled": "未命名文集",
    },
    "zh-Hant": {
        "toc": "目錄",
        "cover": "封面",
        "titlepage": "扉頁",
        "lead": "導讀",
        "unplaced": "其他文字",
        "landmarks": "導覽",
        "start": "正文",
        "untitled": "未命名文集",
    },
}


def labels(variant: str) -> dict[str, str]:
    """Fixed strings the writer adds itself, in the edition's script."""
    return LABELS.get(variant, LABELS["zh-Hans"])


def clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (see module docstring); \\r\\n becomes \\n."""
    return _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def flat(text: str) -> str:
    """One line for labels (nav, <title>, metadata): the shared headline separator (U+3000)."""
    return flat_title(clean(text))


_DATE = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")


def iso_date(text: str) -> str | None:
    """'2026年11月25日' or '2026-11-25' -> '2026-11-25'; None when it is no valid date.

    dc:date must be W3CDTF or epubcheck warns, so an unparseable date shows on the title page only.
    """
    m = _DATE.match(text or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


# Vertical writing: ASCII runs that are set upright rather than rotated. Two characters or fewer
# ("14", "5G") and three with a mark ("22%", "1/7") are combined into one em (tate-chu-yoko);
# three or four digits/capitals ("2035", "GDP") stand upright one by one; longer runs ("69.5",
# "Wi-Fi", "COVID-19") stay sideways, as text-orientation: mixed sets them.
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
