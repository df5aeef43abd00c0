"""DOCX writer (python-docx): a booklet editors continue in Word or WPS.

Named styles from the style sheet (styles.py), page setup and running heads (page.py), the model
as paragraphs with a pre-filled TOC (body.py), package parts and reproducible bytes (package.py);
the OOXML python-docx lacks lives in oxml.py.
"""

from __future__ import annotations

import docx

from ...model import Document
from ...style import Style
from ..shared import RenderOptions
from . import body, package, page, styles


def render(doc: Document, style: Style, opts: RenderOptions) -> bytes:
    """The DOCX file as bytes; byte-identical for equal input when opts.epoch is set."""
    d = docx.Document()
    package.prune(d)
    named = styles.apply(d, style, opts.variant, opts.lang)
    page.setup(d, doc, style, opts.lang, named)
    body.BodyWriter(d, doc, named, style, opts.variant).write()
    when = opts.timestamp
    package.core_properties(d, doc, opts.lang, when)
    return package.to_bytes(d, when)
