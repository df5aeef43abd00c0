"""Named Word styles derived from the style sheet (the writer's StyleMap).

Every paragraph the writer emits carries one of these styles and no direct formatting, so an
editor restyles the whole booklet from Word's style pane, and the built-in names (Title,
Heading 1/2, toc 1/2, TOC Heading, Header, Footer) make the navigation pane and the TOC work.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle

from ...style import Style
from . import oxml

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@dataclass(frozen=True)
class Spec:
    name: str  # Word's UI name; built-in names keep Word's meaning
    role: str  # sheet role: size, leading, colour, spacing, alignment, indent
    font: str  # docx_fonts role
    outline: int | None = None  # 0 = level 1 in the navigation pane and TOC
    next: str | None = None  # style of the paragraph Word starts after pressing Enter
    align: str | None = None  # overrides the role's alignment


SPECS: dict[str, Spec] = {
    "title": Spec("Title", "cover_title", "title", next="subtitle"),
    "subtitle": Spec("Subtitle", "cover_subtitle", "heading", next="imprint"),
    "imprint": Spec("Imprint", "cover_subtitle", "body", align="center"),
    "toc_heading": Spec("TOC Heading", "lead_heading", "heading", next="toc1"),
    "toc1": Spec("toc 1", "toc", "body"),
    "toc2": Spec("toc 2", "toc", "body"),
    "lead_heading": Spec("Lead Heading", "lead_heading", "heading", outline=0, next="lead"),
    "lead": Spec("Lead", "lead", "lead"),
    "signature": Spec("Signature", "signature", "lead", next="body"),  # Word's own style for a closing name
    "h1": Spec("Heading 1", "title", "title", outline=0, next="byline"),
    "deck": Spec("Deck", "deck", "title", next="byline"),
    "h2": Spec("Heading 2", "heading", "heading", outline=1, next="body"),
    "byline": Spec("Byline", "byline", "byline", next="body"),
    "body": Spec("Body Text", "body", "body"),
    "note": Spec("Editorial Note", "note", "lead", next="body"),
    "quote": Spec("Quote", "quote", "lead", next="body"),
    "list_item": Spec("List Paragraph", "list_item", "body"),
    "caption": Spec("Caption", "caption", "bio", next="body"),
    "bio": Spec("Bio", "bio", "bio"),
    "header": Spec("Header", "header", "header"),
    "footer": Spec("Footer", "header", "header"),
}

# A book (pipeline book) has one level more: parts are Heading 1, article titles Heading 2 and
# subheadings Heading 3, so the contents (TOC levels 1-2) lists parts and their articles, as the
# PDF does; a lead note's heading stands below them. And it adds the source line and the index.
BOOK_SPECS: dict[str, Spec] = {
    "part": Spec("Heading 1", "part", "title", outline=0, next="lead_heading"),
    "h1": Spec("Heading 2", "title", "title", outline=1, next="byline"),
    "h2": Spec("Heading 3", "heading", "heading", outline=2, next="body"),
    "lead_heading": Spec("Lead Heading", "lead_heading", "heading", outline=3, next="lead"),
    "source": Spec("Source", "source", "bio", next="h1"),
    "index_heading": Spec("index heading", "heading", "heading", next="index"),
    "index": Spec("index 1", "index", "body"),
}

_PAGE_BREAK_BEFORE = {"toc_heading", "lead_heading"}
INDEX_GAP_EM = 2.0  # between the index's two columns, in em of its entries  # each opens a new page; h1 per the sheet
_KEEP_WITH_NEXT = {"title", "subtitle", "toc_heading", "lead_heading", "h1", "deck", "h2", "byline", "part", "source"}
_KEEP_WITH_NEXT |= {"index_heading"}


def _get_or_add(d: DocxDocument, name: str) -> ParagraphStyle:
    try:
        st = d.styles[name]
    except KeyError:
        st = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = d.styles["Normal"]
    st.hidden = False
    st.quick_style = True
    return st  # type: ignore[return-value]


def _format(st: ParagraphStyle, key: str, spec: Spec, style: Style, variant: str, lang: str, book: bool) -> None:
    role = style.role(spec.role)
    oxml.clear_formatting(st.element)
    pf, font = st.paragraph_format, st.font
    font.size = Pt(role.size)
    font.bold = False  # 黑体/楷体 have no bold face; synthetic bold smears CJK strokes
    font.color.rgb = RGBColor.from_string(role.color.lstrip("#").upper())
    pf.alignment = ALIGN[spec.align or role.align]
    pf.line_spacing = Pt(role.leading)  # exact: CJK fonts' own line gap would double the leading
    # The cover title sits a fifth of the way down the title page, a part's heading a tenth.
    drop = {"title": 0.2, "part": 0.1}.get(key, 0.0)
    pf.space_before = Pt(role.space_before + style.page.height * drop)
    pf.space_after = Pt(role.space_after)
    pf.widow_control = True
    if key in _KEEP_WITH_NEXT:
        pf.keep_with_next = True
        pf.keep_together = True
    # articles (and a book's parts) open new sections instead; a book's lead notes follow their part heading
    pf.page_break_before = key in _PAGE_BREAK_BEFORE and not (book and key == "lead_heading")
    pPr, rPr = st.element.get_or_add_pPr(), st.element.get_or_add_rPr()
    if role.first_line_indent_em > 0:
        oxml.set_first_line_chars(pPr, role.first_line_indent_em, role.size)
    if role.left_indent_em:
        pf.left_indent = Pt(role.left_indent_em * role.size)
    if role.right_indent_em:
        pf.right_indent = Pt(role.right_indent_em * role.size)
    if key == "toc2":
        pf.left_indent = Pt(2 * role.size)
    if spec.outline is not None:
        oxml.set_outline_level(pPr, spec.outline)
    if key in ("toc1", "toc2", "index"):
        text_width = style.page.width - style.page.margin_inner - style.page.margin_outer
        if key == "index":  # the index is set in two columns
            text_width = (text_width - INDEX_GAP_EM * role.size) / 2
        pf.tab_stops.add_tab_stop(Pt(text_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    if key == "bio" and style.layout.bio_rule:
        oxml.set_border(pPr, "top", role.color, size_eighths=4, space_pt=6)
    if key == "header" and style.header.rule:
        oxml.set_border(pPr, "bottom", role.color, size_eighths=4, space_pt=2)
    oxml.set_fonts(rPr, style.docx_font(spec.font, variant), style.docx_font("latin", variant))
    oxml.set_lang(rPr, lang)


def apply(d: DocxDocument, style: Style, variant: str, lang: str, book: bool = False) -> dict[str, ParagraphStyle]:
    """Define every style from the sheet (a book's too when `book`); return them by key for the
    body writer."""
    latin = style.docx_font("latin", variant)
    body_font = style.docx_font("body", variant)
    styles_el = d.styles.element
    oxml.strip_theme_fonts(styles_el)

    d_rPr, _ = oxml.doc_defaults(styles_el)
    oxml.set_fonts(d_rPr, body_font, latin)
    oxml.set_lang(d_rPr, lang)
    normal = d.styles["Normal"]
    oxml.set_fonts(normal.element.get_or_add_rPr(), body_font, latin)
    oxml.set_lang(normal.element.get_or_add_rPr(), lang)
    normal.font.size = Pt(style.role("body").size)
    normal.paragraph_format.space_after = Pt(0)

    specs = {**SPECS, **BOOK_SPECS} if book else SPECS
    out = {key: _get_or_add(d, spec.name) for key, spec in specs.items()}
    for key, spec in specs.items():
        _format(out[key], key, spec, style, variant, lang, book)
        out[key].next_paragraph_style = out[spec.next] if spec.next else out[key]
    return out
