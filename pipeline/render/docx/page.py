"""Page setup, running header and folio, and document settings, all from the style sheet."""

from __future__ import annotations

import re

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.section import Section, _BaseHeaderFooter
from docx.shared import Pt
from docx.styles.style import ParagraphStyle

from ...model import Document
from ...style import Style
from ..shared import flat_title, header_text, xml_text
from . import oxml

_FIELDS = re.compile(r"(\{article_title\}|\{page\})")


def setup(d: DocxDocument, doc: Document, style: Style, lang: str, styles: dict[str, ParagraphStyle]) -> None:
    """A5 (or the sheet's size), mirrored margins, header/footer from the templates, settings."""
    pg = style.page
    sec = d.sections[0]
    sec.page_width, sec.page_height = Pt(pg.width), Pt(pg.height)
    sec.top_margin, sec.bottom_margin = Pt(pg.margin_top), Pt(pg.margin_bottom)
    # With w:mirrorMargins Word reads the left margin as the inside (binding) one.
    sec.left_margin, sec.right_margin = Pt(pg.margin_inner), Pt(pg.margin_outer)
    sec.gutter = Pt(0)
    folio = style.role("header")
    sec.header_distance = Pt(max(pg.margin_top - pg.header_gap - folio.leading, 12))
    sec.footer_distance = Pt(max(pg.margin_bottom - pg.footer_gap - folio.leading / 2, 12))

    settings = d.settings.element
    if pg.mirror:
        oxml.set_setting(settings, "w:mirrorMargins")
    oxml.set_setting(settings, "w:updateFields", "true")  # Word fills the TOC's page numbers on open
    oxml.set_theme_font_lang(settings, lang)
    oxml.remove_setting(settings, "w:savePreviewPicture")  # the template's thumbnail is dropped

    # Front matter (cover, TOC, lead): the booklet title on both sides; articles get sections.
    even, odd = style.header.even, style.header.odd
    two_sided = pg.mirror and even != odd
    d.settings.odd_and_even_pages_header_footer = two_sided
    _fill(sec.header, odd, doc, None, styles["header"])
    _fill(sec.footer, style.footer.text, doc, None, styles["footer"])
    if two_sided:
        _fill(sec.even_page_header, even, doc, None, styles["header"])
        _fill(sec.even_page_footer, style.footer.text, doc, None, styles["footer"])
    if style.layout.cover:
        sec.different_first_page_header_footer = True  # the title page has no header or folio
        for hf in (sec.first_page_header, sec.first_page_footer):
            hf.is_linked_to_previous = False
            hf.paragraphs[0].style = d.styles["Normal"]  # no header rule on the cover


def article_section(
    d: DocxDocument,
    doc: Document,
    style: Style,
    title: str,
    styles: dict[str, ParagraphStyle],
    level: int = 1,
    run_on: bool = False,
) -> None:
    """Open a section for an article so its odd-page header names it.

    The header holds a STYLEREF field to the heading level of its title (1; in a book 2, under
    the parts) that Word keeps current when an editor retitles, whose cached result is this
    article's title, which is what viewers that do not update fields show. Even headers and
    footers stay linked to the front matter's. `run_on`: on the page of what precedes it (a
    book's part heading without lead notes), whatever the sheet says.
    """
    if d.paragraphs:
        sec = Section(oxml.section_break(d.element.body), d.part)
        new_page = style.layout.article_new_page and not run_on
        sec.start_type = WD_SECTION.NEW_PAGE if new_page else WD_SECTION.CONTINUOUS
    else:
        sec = d.sections[0]  # nothing before the first article: it owns the first section
    _fill(sec.header, style.header.odd, doc, flat_title(title), styles["header"], level)


def _fill(
    hf: _BaseHeaderFooter,
    template: str,
    doc: Document,
    article_title: str | None,
    st: ParagraphStyle,
    level: int = 1,
) -> None:
    """Header/footer text: {page} becomes a PAGE field, {article_title} a STYLEREF to Heading 1.

    Without an article (front matter) {article_title} falls back to the booklet title.
    """
    hf.is_linked_to_previous = False
    p = hf.paragraphs[0]
    oxml.clear_runs(p._p)
    p.style = st
    for piece in _FIELDS.split(template):
        if piece == "{page}":
            oxml.add_field(p._p, "PAGE", "1")
        elif piece == "{article_title}" and article_title is not None:
            oxml.add_field(p._p, f"STYLEREF {level}", xml_text(article_title))  # level number: locale-proof
        elif piece == "{article_title}":
            p.add_run(xml_text(doc.meta.title))
        elif piece:
            p.add_run(xml_text(header_text(piece, doc, "")))
