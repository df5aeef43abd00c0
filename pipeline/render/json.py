"""JSON writer: the document model as CONTRACT.md defines it."""

from __future__ import annotations

from ..model import Document
from ..style import Style
from .shared import RenderOptions


def render(doc: Document, style: Style, opts: RenderOptions) -> bytes:
    return (doc.to_json(indent=2) + "\n").encode("utf-8")
