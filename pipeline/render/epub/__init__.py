"""EPUB 3 writer for phones and e-readers (reflowable; optional vertical writing, embedded fonts).

Parts: xhtml (content documents), vertical (the runs vertical writing sets upright), css
(stylesheet from the sheet), cover (PNG), fonts (fontconfig, subsetting), package (ebooklib +
reproducible zip), book (assembly). Only render() is the writer's interface.
"""

from __future__ import annotations

from ...model import Document
from ...style import Style
from ..shared import RenderOptions
from .book import build


def render(doc: Document, style: Style, opts: RenderOptions) -> bytes:
    """The EPUB as bytes; the caller writes them atomically."""
    return build(doc, style, opts)


__all__ = ["render"]
