"""JSON writer: the document model as docs/contract.md defines it."""

from __future__ import annotations

from ..model import Document, unknown_block
from ..style import Style
from .shared import RenderOptions


def _check(doc: Document) -> None:
    """The schema's block types are a closed set: a type it does not list is refused here too,
    not written for a reader to trip over."""
    for a in doc.all_articles():
        for b in a.blocks:
            match b.type:
                case "paragraph" | "heading" | "deck" | "note" | "quote" | "list_item" | "caption":
                    pass
                case _:
                    unknown_block(b)


def render(doc: Document, style: Style, opts: RenderOptions) -> bytes:
    _check(doc)
    return (doc.to_json(indent=2) + "\n").encode("utf-8")
