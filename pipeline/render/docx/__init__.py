"""DOCX writer (python-docx): a booklet editors continue in Word or WPS.

Named styles from the style sheet (styles.py), page setup and running heads (page.py), the model
as paragraphs with a pre-filled TOC (body.py), package parts and reproducible bytes (package.py);
the OOXML python-docx lacks lives in oxml.py.
"""

from __future__ import annotations

import warnings

import docx

from ...model import Document
from ...style import Style
from ...text import char_width
from ..shared import Note, RenderOptions, booklet_doc, flat_title
from . import body, package, page, styles, toc_pages


def render(doc: Document, style: Style, opts: RenderOptions) -> bytes:
    """The DOCX file as bytes; byte-identical for equal input when opts.epoch is set.

    With opts.toc_pages the contents carry real page numbers from a LibreOffice layout
    (toc_pages.py); without LibreOffice the file is still written, and a Note says so.
    """
    doc = booklet_doc(doc, style, opts.variant)
    if not opts.toc_pages:
        return _render(doc, style, opts, None)
    # Laid out with two-digit stand-ins, so the contents lines are as wide as with the real
    # numbers. Only an entry that nearly fills its line could wrap differently with a number
    # of another width; then the filled document is laid out once more to be sure.
    titles = list(body.outline(doc, opts.variant))
    guess = {body.bookmark_name(i): 10 for i in range(1, len(titles) + 1)}
    data = _render(doc, style, opts, guess)
    for _ in range(2):
        try:
            pages = toc_pages.heading_pages(data)
        except toc_pages.LayoutUnavailable as e:
            warnings.warn(Note(f"DOCX contents without page numbers: {e}"), stacklevel=2)
            return _render(doc, style, opts, None)
        same = all(len(str(pages.get(k, ""))) == len(str(v)) for k, v in guess.items())
        guess, data = pages, _render(doc, style, opts, pages)
        if same or not _tight(titles, style):
            break
    return data


def _tight(titles: list[tuple[int, str]], style: Style) -> bool:
    """Whether a contents entry comes within four characters (leader and number) of its line's end."""
    pg, size = style.page, style.role("toc").size
    line = (pg.width - pg.margin_inner - pg.margin_outer) / size - 2  # em, less the toc 2 indent
    return any((sum(char_width(c) for c in flat_title(t)) + 4) % line < 4 for _, t in titles)


def _render(doc: Document, style: Style, opts: RenderOptions, pages: dict[str, int] | None) -> bytes:
    d = docx.Document()
    package.prune(d)
    named = styles.apply(d, style, opts.variant, opts.lang, book=doc.is_book)
    page.setup(d, doc, style, opts.lang, named)
    body.BodyWriter(d, doc, named, style, opts.variant, pages).write()
    when = opts.timestamp
    package.core_properties(d, doc, opts.lang, when, opts.variant)
    return package.to_bytes(d, when)
