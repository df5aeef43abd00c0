"""Booklet metadata: sidecar file, style sheet, CLI options, and defaults derived from the page.

Precedence, highest first: CLI options, a sidecar `<stem>.toml` beside the input, the input's own
fields (Markdown front matter, the JSON's meta), the style sheet's [meta], then what the page
itself suggests (a column name in 《》 in the lead note, the page's own date line, the terms
table's default title). The build fills the model's metadata once (`apply`); a writer asks
`booklet` for the fields it prints, which is the same rule, so a model handed to a writer
directly (tests, the benchmark) prints what the build would have. The date is never the build clock: a booklet dated the day it happened
to be built says something false, and a Markdown edition would freeze it. Without a date from
these sources there is none, unless the sheet asks for the edition date (`edition_date`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

from .clock import build_time
from .errors import PipelineError
from .model import Document, Metadata
from .terms import terms

FIELDS = ("title", "subtitle", "publisher", "date")
CN_NUM = "零一二三四五六七八九十"
PAGE_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def _cn(n: int) -> str:
    if n <= 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n - 10] if n > 10 else "")
    return str(n)


def read_sidecar(input_path: Path) -> dict[str, str]:
    side = input_path.with_suffix(".toml")
    if not side.is_file():
        return {}
    try:
        data = tomllib.loads(side.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise PipelineError(f"metadata sidecar {side}: {e}; fix the TOML or remove the file") from None
    out = {}
    for k, v in data.items():
        if k not in FIELDS:
            raise PipelineError(f"metadata sidecar {side}: unknown key '{k}' (expected one of: {', '.join(FIELDS)})")
        if not isinstance(v, str):
            raise PipelineError(f"metadata sidecar {side}: key '{k}' must be a string")
        out[k] = v
    return out


def edition_date(epoch: int | None) -> str:
    """The day of the build (SOURCE_DATE_EPOCH when set), for sheets that print an edition date."""
    t = build_time(epoch)
    return f"{t.year}年{t.month}月{t.day}日"


def derived(doc: Document, variant: str = "zh-Hans") -> dict[str, str]:
    """What the page itself suggests for each field, in the words of the edition's script."""
    words = terms(variant)
    title = ""
    if doc.lead:
        for p in doc.lead.paragraphs:
            m = re.search(r"《([^《》]{2,10})》", p)
            if m:
                title = m.group(1)
                break
    if not title:
        title = (
            doc.articles[0].title.split("\n")[0] if len(doc.articles) == 1 and doc.articles[0].title else words.untitled
        )
    n = len(doc.articles)
    # The page's own date line (kept as leftover page furniture); never the build clock.
    printed = next((m.group(0) for u in doc.unplaced if (m := PAGE_DATE.search(u.replace(" ", "")))), "")
    return {
        "title": title,
        "subtitle": words.article_count.format(n=_cn(n)) if n > 1 else "",
        "publisher": "",
        "date": printed,
    }


def apply(doc: Document, *layers: dict[str, str]) -> None:
    """Fill doc.meta from the layers (highest precedence first), then derived defaults."""
    base = derived(doc)
    for key in FIELDS:
        val = next((layer[key] for layer in layers if layer.get(key)), base[key])
        setattr(doc.meta, key, val)


def booklet(doc: Document, sheet: dict[str, str], variant: str = "zh-Hans") -> Metadata:
    """The fields a printed edition shows: the model's own, else the sheet's, else what the
    page suggests. After `apply` this is the model's metadata unchanged."""
    base: dict[str, str] | None = None
    out: dict[str, str] = {}
    for key in FIELDS:
        value = getattr(doc.meta, key) or sheet.get(key, "")
        if not value:
            base = base or derived(doc, variant)
            value = base[key]
        out[key] = value
    return replace(doc.meta, **out)


_ISO = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")


def iso_date(text: str) -> str | None:
    """'2026年11月25日' or '2026-11-25' -> '2026-11-25'; None when it is no valid date.

    Package metadata (the EPUB's dc:date) must be W3CDTF, so a date written any other way
    shows on the title page only.
    """
    m = _ISO.match(text or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None
