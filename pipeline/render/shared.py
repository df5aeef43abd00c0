"""What several writers need, kept once: options, language tags, identifiers, header text."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..clock import build_time
from ..model import Document

LANG_TAGS = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}


def cache_dir(name: str) -> Path:
    """$PIPELINE_CACHE/<name>, else $XDG_CACHE_HOME (or ~/.cache)/pipeline/<name>: the writers'
    disk caches (converted fonts, headline segmentations)."""
    root = os.environ.get("PIPELINE_CACHE")
    if root:
        return Path(root) / name
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "pipeline" / name


class Note(UserWarning):
    """Something a writer could not do but the output is still good (issued with warnings.warn);
    the build reports each in one line in its summary."""


@dataclass(frozen=True)
class RenderOptions:
    variant: str = "zh-Hans"  # "zh-Hans" | "zh-Hant"
    lang: str = "zh-CN"  # BCP 47 tag written into every output
    epoch: int | None = None  # SOURCE_DATE_EPOCH: fixed timestamps for reproducible builds
    toc_pages: bool = False  # DOCX: real page numbers in the contents, from a LibreOffice layout
    extra: dict = field(default_factory=dict)

    @property
    def timestamp(self) -> datetime:
        return build_time(self.epoch)


def content_id(doc: Document) -> str:
    """A stable identifier derived from the content: same text, same id (EPUB dc:identifier)."""
    h = hashlib.sha256()
    for role, text in doc.iter_text():
        h.update(role.encode())
        h.update(b"\0")
        h.update(text.encode("utf-8"))
        h.update(b"\1")
    d = h.hexdigest()
    return f"urn:uuid:{d[:8]}-{d[8:12]}-5{d[13:16]}-a{d[17:20]}-{d[20:32]}"


# The one agreed way to show a multi-line headline on one line, in every format: its lines
# joined by a full-width space (U+3000), as Chinese publishers do in contents and running heads.
HEADLINE_SEPARATOR = "\u3000"


def flat_title(title: str) -> str:
    """A multi-line headline on one line: contents, running heads, bookmarks, EPUB nav and
    <title>, DOCX TOC, metadata all call this, so no two formats join it differently."""
    return HEADLINE_SEPARATOR.join(part.strip() for part in title.split("\n") if part.strip())


def header_text(template: str, doc: Document, article_title: str, page: int | str = "") -> str:
    """Fill a header/footer template. Only these fields exist; unknown braces are kept literally."""
    fields = {
        "{booklet_title}": doc.meta.title,
        "{article_title}": flat_title(article_title),
        "{page}": str(page),
        "{date}": doc.meta.date,
        "{publisher}": doc.meta.publisher,
    }
    out = template
    for k, v in fields.items():
        out = out.replace(k, v)
    return out


def all_authors(doc: Document) -> list[str]:
    seen: list[str] = []
    for a in doc.articles:
        for name in a.authors:
            if name not in seen:
                seen.append(name)
    return seen
