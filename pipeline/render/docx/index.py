"""A book's author index in the DOCX: a section of two columns at the end.

Each entry is the name, a dot-leader tab and a PAGEREF field per article, pointing at the
bookmark of the article's title: Word fills them when it updates fields (the document asks it
to on open), and with --toc-pages they carry the page numbers of the LibreOffice layout the
contents use (docx/__init__.py), so every viewer shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.section import Section

from ..shared import xml_text
from . import oxml
from .styles import INDEX_GAP_EM

if TYPE_CHECKING:
    from .body import BodyWriter

NUMBER_SEPARATOR = "，"


def write(w: BodyWriter) -> None:
    """The index's heading across the page, then its entries in two balanced columns (a
    continuous section of two columns, closed by another continuous break: Word and LibreOffice
    balance the columns of a section that ends so)."""
    labels = w.labels
    w.section(labels.author_index, level=1)
    w.heading("part", labels.author_index)
    _continuous(w)
    oxml.set_columns(w.d.element.body.find(qn("w:sectPr")), 2, INDEX_GAP_EM * w.style.role("index").size)
    group = None
    for e in w.doc.index:
        head = labels.collectives if e.collective else e.group
        if head != group:
            w.para("index_heading", head)
            group = head
        p = w.para("index", e.name)
        p._p.append(oxml.run(tab=True))
        marks = [w.article_marks[k] for k in e.articles]
        for i, mark in enumerate(marks):
            if i:
                p._p.append(oxml.run(NUMBER_SEPARATOR))
            oxml.add_field(p._p, f"PAGEREF {mark} \\h", xml_text(str(w.pages.get(mark, ""))))
    _continuous(w)
    oxml.set_columns(w.d.element.body.find(qn("w:sectPr")), 1, 0)
    w.d.add_paragraph()  # the last section holds a paragraph, as Word expects


def _continuous(w: BodyWriter) -> None:
    """End the section here; the next one runs on, on the same page."""
    sec = Section(oxml.section_break(w.d.element.body), w.d.part)
    sec.start_type = WD_SECTION.CONTINUOUS
