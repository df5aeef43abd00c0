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
from .text import chinese_numeral

FIELDS = ("title", "subtitle", "publisher", "date")
PAGE_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
PAGE_NUMBER = re.compile(r"^第\s*([0-9]{1,3}|[A-Z][0-9]{1,2})\s*版$")


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


def column_name(doc: Document) -> str:
    """The page's column as its lead note names it (湖南日报《理论·智库》约请…: 理论·智库), or ""."""
    for p in doc.lead.paragraphs if doc.lead else ():
        m = re.search(r"《([^《》]{2,10})》", p)
        if m:
            return m.group(1)
    return ""


# A lead note that names its paper and column: …？湖南日报《理论·智库》约请专家学者建言献策。
_PAPER_COLUMN = re.compile(
    r"(?:^|[，。；：！？、“”‘’（）\s])([^，。；：！？、“”‘’（）《》\s]{1,8}?(?:日报|晚报|时报|报))《([^《》]{2,10})》"
)


def paper_column(doc: Document) -> tuple[str, str]:
    """(paper, column) when the lead note names both (湖南日报《理论·智库》), else ("", "").
    Stricter than column_name: a book's source line names a column only on this evidence."""
    for p in doc.lead.paragraphs if doc.lead else ():
        if m := _PAPER_COLUMN.search(p):
            return m.group(1), m.group(2)
    return "", ""


def page_date(doc: Document) -> str:
    """The page's own date line (kept as leftover page furniture), or ""; never the build clock."""
    return next((m.group(0) for u in doc.unplaced if (m := PAGE_DATE.search(u.replace(" ", "")))), "")


def page_number(doc: Document) -> str:
    """The page's own number line (第9版, kept as leftover page furniture), or ""."""
    return next((m.group(1) for u in doc.unplaced if (m := PAGE_NUMBER.match(u.strip()))), "")


def derived(doc: Document, variant: str = "zh-Hans") -> dict[str, str]:
    """What the page itself suggests for each field, in the words of the edition's script (a
    book: the default title, and the number of its articles)."""
    words = terms(variant)
    title = column_name(doc)
    if not title:
        title = (
            doc.articles[0].title.split("\n")[0] if len(doc.articles) == 1 and doc.articles[0].title else words.untitled
        )
    n = len(doc.all_articles())
    printed = page_date(doc)
    return {
        "title": title,
        "subtitle": words.article_count.format(n=chinese_numeral(n)) if n > 1 else "",
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
