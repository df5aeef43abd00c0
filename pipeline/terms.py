"""The words the product prints itself, one table per script (as pandoc's data/translations).

Contents, the heading of leftover text, the default booklet title, the EPUB's landmarks: every
writer takes them from here, so a word is the same in the PDF, the DOCX, the EPUB and the
Markdown, and a Traditional edition never shows a Simplified label. The tables are data:
pipeline/data/terms/<script>.toml, both with the same keys.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

TERMS_DIR = Path(__file__).resolve().parent / "data" / "terms"
SCRIPTS = ("zh-Hans", "zh-Hant")


@dataclass(frozen=True)
class Terms:
    contents: str
    leftovers: str
    untitled: str
    article_count: str  # with {n}, the number in Chinese numerals
    lead: str
    cover: str
    titlepage: str
    landmarks: str
    start: str
    no_title: str
    author_prefix: str
    byline_prefix: str
    part_number: str  # with {n}, the part's number in Chinese numerals
    source_prefix: str
    page_number: str  # with {n}, the page number as printed
    author_index: str
    collectives: str
    and_others: str  # 张三、李四等: after the names that fit a short field


@functools.cache
def terms(variant: str = "zh-Hans") -> Terms:
    """The table of one script; any variant other than zh-Hant reads the zh-Hans table."""
    script = "zh-Hant" if variant == "zh-Hant" else "zh-Hans"
    path = TERMS_DIR / f"{script}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    keys = [f.name for f in fields(Terms)]
    missing = [k for k in keys if not isinstance(data.get(k), str)]
    unknown = [k for k in data if k not in keys]
    if missing or unknown:  # a packaging or editing slip: say which key
        raise ValueError(f"{path}: missing {missing or '-'}, unknown {unknown or '-'} (keys: {', '.join(keys)})")
    return Terms(**data)


def all_scripts(key: str) -> frozenset[str]:
    """One term in every script: what a reader of our own outputs must accept."""
    return frozenset(getattr(terms(s), key) for s in SCRIPTS)
