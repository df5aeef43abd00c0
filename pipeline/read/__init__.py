"""Readers: turn an input file into the document model."""

from __future__ import annotations

from pathlib import Path

from ..errors import PipelineError

SOURCE_FORMATS = ("txt", "md", "image", "pdf", "hocr", "alto")  # OCR text, our Markdown (docs/markdown.md), geometric
MARKDOWN_SUFFIXES = (".md", ".markdown")
GEOMETRIC = ("image", "pdf", "hocr", "alto")  # read from boxes: pipeline/read/geometric.py


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
    return "md" if Path(path).suffix.lower() in MARKDOWN_SUFFIXES else "txt"
