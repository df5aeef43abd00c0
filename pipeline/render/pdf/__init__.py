"""PDF writer: an A5 booklet typeset to Chinese publishing standard (reportlab).

Parts: fonts.py finds, subsets and caches the fonts; linebreak.py is the clreq paragraph
typesetter; flowables.py draws its lines; layout.py decides the pages.
"""

from __future__ import annotations

from ...model import Document
from ...style import Style
from ..shared import RenderOptions
from .layout import Booklet

__all__ = ["render"]


def render(doc: Document, style: Style, opts: RenderOptions) -> bytes:
    """The whole booklet as PDF bytes; the caller writes them (atomically)."""
    return Booklet(doc, style, opts).render()
