"""Readers: turn an input file into the document model.

`read_source` is the one entry every command uses: it picks the reader by extension (or
`--from`), and refuses, in one line naming the file's path, what is not a Chinese page at all
(an empty file, a text with no Chinese in it, the model's JSON fed in as OCR text), before any
stage spends time on it or writes anything.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, PipelineError
from ..text import is_han

if TYPE_CHECKING:
    from ..model import Document
    from .ocr import Reading

# OCR page text, our Markdown dialect (docs/markdown.md), the document model as JSON, or an
# input read from geometry (pipeline/read/geometric.py): page images, PDFs, hOCR, ALTO
GEOMETRIC = ("image", "pdf", "hocr", "alto")
SOURCE_FORMATS = ("txt", "md", "json", *GEOMETRIC)
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSON_SUFFIXES = (".json",)


def source_format(path: str | Path, forced: str | None = None) -> str:
    """Which reader an input takes: `forced` (--from) if given, else by the file's extension."""
    if forced:
        if forced not in SOURCE_FORMATS:
            raise PipelineError(f"unknown input format {forced!r}; expected one of: {', '.join(SOURCE_FORMATS)}")
        return forced
    from .geometric import format_of

    geometric = format_of(path)
    if geometric:
        return geometric
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "md"
    return "json" if suffix in JSON_SUFFIXES else "txt"


@dataclass
class Source:
    """A read input: the model, the OCR reading (for the cleanup report; None unless txt), and
    the booklet fields the file itself gave (Markdown front matter, the JSON's meta)."""

    doc: Document
    reading: Reading | None = None
    front: dict[str, str] = field(default_factory=dict)
    format: str = "txt"


def has_chinese(text: str) -> bool:
    return any(is_han(c) for c in text)


def _looks_like_json(text: str) -> bool:
    t = text.lstrip()
    if not t.startswith(("{", "[")):
        return False
    try:
        json.loads(t)
    except ValueError:
        return False
    return True


def check_ocr_text(text: str, name: str) -> None:
    """The gate before the OCR reader: text with no Chinese in it is not a Chinese page."""
    if _looks_like_json(text):
        raise InputError(
            f"{name}: this is JSON, not the OCR text of a page; "
            "to build from the document model, name it .json or pass --from json"
        )
    if not has_chinese(text):
        visible = " ".join("".join(c for c in text if unicodedata.category(c)[0] not in "CZ" or c.isspace()).split())
        if not visible:
            raise InputError(f"{name}: no text (only invisible characters); give the OCR text of a newspaper page")
        head = visible[:24] + ("…" if len(visible) > 24 else "")
        raise InputError(f"{name}: no Chinese text in it ({head!r}); give the OCR text of a Chinese newspaper page")


def _require_chinese(doc: Document, name: str, what: str) -> None:
    if not has_chinese(doc.plain_text()):
        raise InputError(f"{name}: the {what} holds no Chinese text; nothing to typeset")


def check_profile(profile: str | None) -> None:
    """A source profile that cannot be loaded is one error naming its file and key."""
    from ..structure.profile import load_profile

    load_profile(profile)


def read_source(
    path: str | Path,
    forced: str | None = None,
    force: bool = False,
    profile: str | None = None,
    ocr: str = "rapidocr",
    page: int | None = None,
) -> Source:
    """Read one input with the reader its extension (or --from) names; `ocr` and `page` are
    for geometric inputs (the engine for images, the page of a multi-page PDF or TIFF)."""
    from ..metadata import FIELDS
    from .decode import decode, read_file

    p = Path(path)
    fmt = source_format(p, forced)
    if fmt in GEOMETRIC:
        from .geometric import read_one

        reading = read_one(p, fmt, ocr=ocr, force=force, profile=profile, page=page)
        _require_chinese(reading.doc, str(p), "page as read")
        return Source(reading.doc, reading, {}, fmt)
    if fmt == "md":
        from . import markdown

        doc = markdown.read_path(p)
        _require_chinese(doc, str(p), "Markdown")
        return Source(doc, None, markdown.front_matter(doc), fmt)
    if fmt == "json":
        from . import model_json

        doc = model_json.read_path(p)
        _require_chinese(doc, str(p), "document model")
        return Source(doc, None, {k: getattr(doc.meta, k) for k in FIELDS if getattr(doc.meta, k)}, fmt)
    from .ocr import read_decoded

    decoded = decode(read_file(p, ".txt"), str(p))
    check_ocr_text(decoded.text, str(p))
    reading = read_decoded(decoded, p.name, force=force, profile=profile)
    return Source(reading.doc, reading, {}, fmt)
