"""The model as styled paragraphs: title page, TOC, lead, articles, then unplaced text.

Only named styles, no direct formatting. Headings get bookmarks (_Toc000000001, ...) numbered
in reading order, so the pre-filled TOC links to them and two renders are byte-identical.
Each article opens a section (page.article_section) so its running header can name it.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document as DocxDocument
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from ...model import Article, Block, Document, Lead, Part, leading_decks, unknown_block
from ...style import Style
from ...terms import Terms, terms
from ...text import bracketed_bio
from ..headline import balance, em_measure
from ..shared import byline_text, flat_title, lead_heading, part_label, part_title, source_line, with_decks, xml_text
from . import index, oxml, page

TOC_INSTR = 'TOC \\o "1-2" \\h \\z \\u'


def outline(doc: Document, variant: str) -> Iterator[tuple[int, str]]:
    """(level, heading text) in the order BodyWriter.write emits headings: a page's lead,
    articles (1) and subheadings (2), leftovers; a book's parts (1), their articles (2) with
    their subheadings (3) and leftovers (2), the author index (1)."""
    if not doc.is_book:
        if doc.lead:
            yield 1, lead_heading(doc, variant)
        yield from _articles(doc.articles, doc.unplaced, 1, variant)
        return
    for n, part in enumerate(doc.parts, 1):
        yield 1, part_title(n, part.heading, variant)
        yield from _articles(part.articles, part.unplaced, 2, variant)
    if doc.index:
        yield 1, terms(variant).author_index


def _articles(articles: list[Article], unplaced: list[str], level: int, variant: str) -> Iterator[tuple[int, str]]:
    for art in articles:
        yield level, art.title
        for b in art.blocks:
            if b.type == "heading":
                yield level + 1, b.text
    if unplaced:
        yield level, terms(variant).leftovers


def bookmark_name(i: int) -> str:
    return f"_Toc{i:09d}"


class BodyWriter:
    def __init__(
        self,
        d: DocxDocument,
        doc: Document,
        styles: dict[str, ParagraphStyle],
        style: Style,
        variant: str,
        pages: dict[str, int] | None = None,
    ) -> None:
        self.d, self.doc, self.styles, self.style = d, doc, styles, style
        self.pages = pages or {}  # bookmark -> page number, from a LibreOffice layout (toc_pages.py)
        self.variant = variant
        self.labels: Terms = terms(variant)
        self.n_headings = 0
        self.level = 2 if doc.is_book else 1  # the heading level of article titles
        self.article_marks: list[str] = []  # each article's bookmark, in book order (the index's targets)

    def para(self, key: str, text: str = "") -> Paragraph:
        p = self.d.add_paragraph(style=self.styles[key])
        if text:
            p.add_run(xml_text(text))  # python-docx turns "\n" into <w:br/>
        return p

    def display(self, text: str, role: str) -> str:
        """A display headline broken at phrase boundaries in balanced lines (render.headline),
        on the page's measure: Word and WPS would otherwise cut a word anywhere."""
        pg, size = self.style.page, self.style.role(role).size
        return balance(text, pg.width - pg.margin_inner - pg.margin_outer, em_measure(size), size)

    def heading(self, key: str, text: str) -> Paragraph:
        p = self.para(key, text)
        self.n_headings += 1
        oxml.bookmark(p._p, self.n_headings, bookmark_name(self.n_headings))
        return p

    def section(self, title: str, level: int | None = None, run_on: bool = False) -> None:
        page.article_section(self.d, self.doc, self.style, title, self.styles, level or self.level, run_on)

    def write(self) -> None:
        doc, layout = self.doc, self.style.layout
        if layout.cover:
            self.title_page()
        entries = list(outline(doc, self.variant))
        if layout.toc and entries:
            self.toc(entries)
        for n, part in enumerate(doc.book_parts(), 1):
            if doc.is_book:
                self.part_opening(n, part)
            elif doc.lead:
                self.heading("lead_heading", self.display(lead_heading(doc, self.variant), "lead_heading"))
                self.lead_text(doc.lead)
            for i, art in enumerate(part.articles):
                # a book's part without lead notes opens its first article's page, as in the PDF
                self.article(art, run_on=doc.is_book and i == 0 and not part.leads)
            if part.unplaced:  # never dropped: editors decide where it belongs
                self.section(self.labels.leftovers)
                self.heading("h1", self.labels.leftovers)
                for text in part.unplaced:
                    self.para("body", text)
        if doc.index:
            index.write(self)
        assert self.n_headings == len(entries), "outline() and write() disagree on the headings"

    def part_opening(self, n: int, part: Part) -> None:
        """A book's part opens a page: its number and heading (Heading 1), its pages' lead notes."""
        self.section(part_title(n, part.heading, self.variant), level=1)
        label = part_label(n, self.variant)
        self.heading("part", label + ("\n" + self.display(part.heading, "part") if part.heading else ""))
        for lead in part.leads:
            self.para("lead_heading", self.display(lead.heading.strip() or self.labels.lead, "lead_heading"))
            if len(part.leads) > 1 and lead.source:
                self.para("source", source_line(lead.source, self.variant))
            self.lead_text(lead)

    def lead_text(self, lead: Lead) -> None:
        """A lead note's paragraphs, then who signed it (——编者) in Word's Signature style."""
        for text in lead.paragraphs:
            self.para("lead", text)
        if lead.signature:
            self.para("signature", lead.signature)

    def article(self, art: Article, run_on: bool = False) -> None:
        art = with_decks(art)
        self.section(art.title, run_on=run_on)
        if art.source:
            self.para("source", source_line(art.source, self.variant))
        self.heading("h1", self.display(art.title, "title"))
        self.article_marks.append(bookmark_name(self.n_headings))
        n = leading_decks(art.blocks)
        for b in art.blocks[:n]:  # decks stand under the title, before the byline
            self.block(b)
        if art.authors or art.byline:
            self.para("byline", byline_text(art, self.style.layout.byline_separator))
        for b in art.blocks[n:]:
            self.block(b)
        if art.bio:
            self.para("bio", bracketed_bio(art.bio))

    def block(self, b: Block) -> None:
        match b.type:
            case "heading":
                self.heading("h2", b.text)
            case "deck":
                self.para("deck", self.display(b.text, "deck"))
            case "paragraph":
                self.para("body", b.text)
            case "note" | "quote" | "list_item" | "caption":
                self.para(b.type, b.text)
            case _:
                unknown_block(b)

    def title_page(self) -> None:
        meta = self.doc.meta  # the booklet's fields (shared.booklet_doc)
        for key, text in (
            ("title", self.display(meta.title, "cover_title")),
            ("subtitle", meta.subtitle),
            ("imprint", meta.publisher),
            ("imprint", meta.date),
        ):
            if text:
                self.para(key, text)

    def toc(self, entries: list[tuple[int, str]]) -> None:
        """A TOC field pre-filled with linked entries and PAGEREF page numbers.

        Word rebuilds it on open (settings updateFields, field dirty); viewers that never
        update fields still list every heading, linked to its bookmark, with the page numbers
        of a LibreOffice layout when the build asked for them (--toc-pages).
        """
        self.para("toc_heading", self.labels.contents)
        last = None
        for i, (level, text) in enumerate(entries, start=1):
            if level > 2:
                continue  # a book's subheadings: bookmarked, not in the contents (TOC levels 1-2)
            last = self.para("toc1" if level == 1 else "toc2")
            if i == 1:  # the first entry is always a part, a page's lead or its first article
                oxml.field_begin(last._p, TOC_INSTR, dirty=True)
            name = bookmark_name(i)
            link = oxml.internal_link(last._p, name)
            link.append(oxml.run(xml_text(flat_title(text))))
            link.append(oxml.run(tab=True))
            oxml.add_field(link, f"PAGEREF {name} \\h", str(self.pages.get(name, "")))
        if last is not None:
            oxml.field_end(last._p)
