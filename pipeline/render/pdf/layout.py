"""The booklet's pages: cover, contents, lead note, articles, leftovers; running heads, folios.

Every look comes from the style sheet (page, margins, roles, header/footer templates, layout
flags); this module decides only the order of things and what stays together.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreakIfNotEmpty, PageTemplate, Spacer

from ...model import BLOCK_ROLE, Article, Block, Document, Lead, Part, leading_decks, unknown_block
from ...style import ROLE_FONT, Style
from ...terms import terms
from ...text import bracketed_bio
from ..headline import balance
from ..shared import (
    RenderOptions,
    all_authors,
    booklet_doc,
    byline_text,
    flat_title,
    header_text,
    lead_heading,
    part_label,
    part_title,
    source_line,
    with_decks,
)
from . import index
from .flowables import (
    Anchor,
    CoverPage,
    KeepGroup,
    Rule,
    TextBlock,
    TextStyle,
    TocEntry,
    draw_line,
    glue,
    keep_tail,
)
from .fonts import FontSet, load_fonts

# Text roles of the sheet -> the font role whose families set them.
# Em per junction a line may stretch rather than squeeze its punctuation (see linebreak.typeset):
# Simplified forms put a mark's ink in one half, so squeezing the blank half reads naturally;
# Traditional forms centre it, and squeezed marks crowd their neighbours.
STRETCH_FIRST = {"zh-Hans": 0.04, "zh-Hant": 0.15}

# The sheet's role -> font map, plus the booklet's own small roles.
FONT_ROLE = {**ROLE_FONT, "cover_foot": "byline", "toc_num": "header", "toc_sub": "byline", "toc_part": "title"}
DIGITS = "0123456789"
# Roles set as display lines: never split across pages, kept with what follows them.
HEADS = ("title", "deck", "heading", "lead_heading", "byline", "part", "source", "signature")  # never split


@dataclass
class Texts:
    """Every string the PDF will draw, by text role: the fonts are subset to exactly these."""

    by_role: dict[str, list[str]] = field(default_factory=dict)

    def add(self, role: str, text: str) -> str:
        self.by_role.setdefault(role, []).append(text)
        return text

    def chars_by_font_role(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for role, texts in self.by_role.items():
            chars = out.setdefault(FONT_ROLE[role], set())
            for t in texts:
                chars.update(t)
        return out


@dataclass
class Section:
    key: str
    title: str
    authors: str = ""
    level: int = 0  # a book's articles stand under their part (1)


class _State:
    """What the page callbacks learn while the story is drawn: titles and pages of anchors."""

    def __init__(self) -> None:
        self.current = ""
        self.at_start: dict[int, str] = {}
        self.first_on_page: dict[int, str] = {}
        self.pages: dict[str, int] = {}

    def anchored(self, key: str, title: str, running: bool, page: int) -> None:
        self.pages[key] = page
        if running:
            self.first_on_page.setdefault(page, title)
            self.current = title


class _Canvas(Canvas):
    """reportlab's canvas with our timestamp (reproducible builds) and a last hook before save."""

    epoch: int | None = None
    before_save = None

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        if self.epoch is not None:
            ts = TimeStamp(invariant=True)
            import time

            ts.t = self.epoch
            ts.lt = time.gmtime(self.epoch)
            ts.YMDhms = tuple(ts.lt)[:6]
            ts.dhh = ts.dmm = 0
            ts.tzname = "UTC"
            self._doc._timeStamp = ts

    def save(self):
        if self.before_save is not None:
            self.before_save(self)
        super().save()


class Booklet:
    """Builds the story and the page templates for one document, then renders it."""

    def __init__(self, doc: Document, style: Style, opts: RenderOptions):
        # running heads, folios, the cover and the PDF's info all read these booklet fields
        self.doc = booklet_doc(doc, style, opts.variant)
        self.style, self.opts = style, opts
        self.labels = terms(opts.variant)
        self.title = self.doc.meta.title
        self.lead_heading = lead_heading(doc, opts.variant)
        self.texts = Texts()
        self.state = _State()
        p = style.page
        self.frame_w = p.width - p.margin_inner - p.margin_outer
        self.frame_h = p.height - p.margin_top - p.margin_bottom
        self.toc_forms: list[tuple[str, str]] = []  # (form name, anchor key)
        self._collect()
        self.fonts: FontSet = load_fonts(style, opts.variant, self.texts.chars_by_font_role(), opts.fonts)
        self._ts: dict[str, TextStyle] = {}

    def meta(self, key: str) -> str:
        """A booklet field (pipeline.metadata.booklet)."""
        return getattr(self.doc.meta, key)

    # --- what will be drawn ---------------------------------------------------------------

    def _byline(self, a: Article) -> str:
        return byline_text(a, self.style.layout.byline_separator)

    def _lead_title(self, lead: Lead) -> str:
        """A lead note's heading as printed: its own, else the terms table's (导读)."""
        return lead.heading.strip() or self.labels.lead

    def _collect(self) -> None:
        t, d, lay = self.texts, self.doc, self.style.layout
        if lay.cover:
            t.add("cover_title", self.title)
            t.add("cover_subtitle", self.meta("subtitle"))
            t.add("cover_foot", self.meta("date"))
            t.add("cover_foot", self.meta("publisher"))
        if lay.toc:
            t.add("lead_heading", self.labels.contents)
            for s in self.sections():
                t.add("toc", s.title)
                t.add("toc_sub", s.authors)
            t.add("toc_num", DIGITS)
            if d.is_book:
                t.add("toc_part", "".join(s.title for s in self.sections() if s.level == 0))
        for n, part in enumerate(d.book_parts(), 1):
            if d.is_book:
                t.add("part", part_label(n, self.opts.variant) + part.heading)
            for lead in part.leads:
                t.add("lead_heading", self._lead_title(lead))
                t.add("source", source_line(lead.source, self.opts.variant))
                for para in lead.paragraphs:
                    t.add("lead", para)
                t.add("signature", lead.signature)
            for a in part.articles:
                t.add("source", source_line(a.source, self.opts.variant))
                t.add("title", a.title)
                t.add("byline", self._byline(a))
                for b in a.blocks:
                    t.add(BLOCK_ROLE.get(b.type, "body"), b.text)  # an unknown type fails in _blocks
                if a.bio:
                    t.add("bio", bracketed_bio(a.bio))
            if part.unplaced:
                t.add("lead_heading", self.labels.leftovers)
                for u in part.unplaced:
                    t.add("body", u)
        if d.index:
            index.collect(self)
        for s in [Section("", self.labels.contents), *self.sections()]:
            for tpl in (self.style.header.even, self.style.header.odd, self.style.footer.text):
                t.add("header", header_text(tpl, self.doc, s.title, DIGITS) + "…")

    def sections(self) -> list[Section]:
        """The contents: a page's lead, articles and leftovers; a book's parts, each with its
        articles and leftovers, then the author index."""
        d = self.doc
        if not d.is_book:
            out = [Section("lead", self.lead_heading)] if d.lead else []
            out += [Section(f"art{i + 1}", flat_title(a.title), self._byline(a)) for i, a in enumerate(d.articles)]
            return out + ([Section("unplaced", self.labels.leftovers)] if d.unplaced else [])
        out, k = [], 0
        for n, part in enumerate(d.parts, 1):
            out.append(Section(f"part{n}", part_title(n, part.heading, self.opts.variant)))
            for a in part.articles:
                k += 1
                out.append(Section(f"art{k}", flat_title(a.title), self._byline(a), level=1))
            if part.unplaced:
                out.append(Section(f"part{n}unplaced", self.labels.leftovers, level=1))
        if d.index:
            out.append(Section("index", self.labels.author_index))
        return out

    def ts(self, role: str, **over) -> TextStyle:
        key = role + repr(sorted(over.items()))
        if key not in self._ts:
            base = {"cover_foot": "cover_subtitle", "toc_num": "toc", "toc_sub": "byline", "toc_part": "toc"}.get(
                role, role
            )
            r = self.style.role(base)
            if role == "toc_part":  # a part in a book's contents: the title face, set apart
                over = {"space_before": r.size * 0.8, "space_after": r.size * 0.3, **over}
            if role == "toc_sub":  # authors under a contents entry: the byline's face and colour, smaller
                toc = self.style.role("toc")
                over = {"size": toc.size * 0.85, "leading": toc.size * 1.6, "space_before": 0.0, **over}
                over = {"space_after": 0.0, "align": "left", "indent": 0.0, **over}
            kw = dict(
                fonts=self.fonts,
                font_role=FONT_ROLE[role],
                size=r.size,
                leading=r.leading,
                color=r.color,
                indent=r.first_line_indent_em * r.size,
                left=r.left_indent_em * r.size,
                right=r.right_indent_em * r.size,
                space_before=r.space_before,
                space_after=r.space_after,
                align=r.align,
                stretch_first=STRETCH_FIRST.get(self.opts.variant, 0.0),
            )
            kw.update(over)
            self._ts[key] = TextStyle(**kw)
        return self._ts[key]

    # --- the story ------------------------------------------------------------------------

    def anchor(self, key: str, title: str, level: int = 0, running: bool | None = None) -> Anchor:
        return Anchor(key, title, level, self.state.anchored, running)

    def story(self) -> list[Flowable]:
        """Cover, contents, then each part (a page is one part without a heading): its opening
        (a book's part heading and lead notes; a page's lead), its articles, its leftovers;
        a book ends with the author index."""
        d, lay = self.doc, self.style.layout
        out: list[Flowable] = []
        if lay.cover:
            out += [self._cover(), PageBreakIfNotEmpty()]
        if lay.toc:
            out += self._toc()
        level = 1 if d.is_book else 0
        k = 0
        for n, part in enumerate(d.book_parts(), 1):
            carry: list[Flowable] = []  # a part's heading that opens its first article's page
            if d.is_book:
                opening, carry = self._part_opening(n, part)
                out += opening
            else:
                out += self._page_lead(part.leads)
            for a in part.articles:
                k += 1
                if lay.article_new_page or (k == 1 and not d.is_book):
                    out.append(PageBreakIfNotEmpty())
                out += self._article(k, a, level, carry)
                carry = []
            if carry:  # a part of leftovers only
                out.append(KeepGroup(carry, None))
            if part.unplaced:
                out.append(PageBreakIfNotEmpty())
                key = f"part{n}unplaced" if d.is_book else "unplaced"
                heads = [
                    self.anchor(key, self.labels.leftovers, level, running=True),
                    self._block(self.labels.leftovers, "lead_heading"),
                ]
                out += glue(heads, [self._block(u, "body") for u in part.unplaced])
        if d.index:
            out += index.story(self)
        return out

    def _page_lead(self, leads: list[Lead]) -> list[Flowable]:
        """A single page's lead note, on a page of its own."""
        if not leads:
            return []
        heads: list[Flowable] = [
            self.anchor("lead", self.lead_heading),
            self._block(self.display(self.lead_heading, "lead_heading"), "lead_heading"),
        ]
        return [PageBreakIfNotEmpty(), *glue(heads, self._lead_text(leads[0]))]

    def _lead_text(self, lead: Lead) -> list[Flowable]:
        """A lead note's paragraphs, then who signed it (——编者) in a line of its own role:
        flush right in the booklet's sheets."""
        items: list[Flowable] = [self._block(p, "lead") for p in lead.paragraphs]
        if lead.signature:
            items.append(self._block(lead.signature, "signature"))
        return items

    def _part_opening(self, n: int, part: Part) -> tuple[list[Flowable], list[Flowable]]:
        """A book's part opens a page (the booklet; a report runs on): its number and heading a
        little down the page, then the lead notes of its pages (each with its source line when
        the part holds more than one). A part without lead notes has no page of its own: its
        number and heading are returned to open its first article's page (kept with it)."""
        out: list[Flowable] = []
        new_page = self.style.layout.article_new_page or n == 1
        if new_page:
            out.append(PageBreakIfNotEmpty())
        ts = self.ts("part")
        heads: list[Flowable] = [
            self.anchor(f"part{n}", part_title(n, part.heading, self.opts.variant), 0, running=True),
            TextBlock(part_label(n, self.opts.variant), ts, kind="part", splittable=False, space_after=ts.size * 0.3),
        ]
        if part.heading:
            heads.append(self._block(self.display(part.heading, "part"), "part"))
        heads.append(Spacer(0, ts.leading))
        if not part.leads:
            return out, heads
        items: list[Flowable] = []
        for lead in part.leads:
            items.append(self._block(self.display(self._lead_title(lead), "lead_heading"), "lead_heading"))
            if len(part.leads) > 1 and lead.source:
                items.append(self._block(source_line(lead.source, self.opts.variant), "source"))
            items += self._lead_text(lead)
        drop = [Spacer(0, self.frame_h * 0.1)] if new_page else []
        return out + drop + glue(heads, items), []

    def display(self, text: str, role: str, width: float | None = None) -> str:
        """A display headline with its lines broken at phrase boundaries, balanced (render.headline)."""
        ts = self.ts(role)
        return balance(text, (width or self.frame_w) - ts.indent, ts.measure, ts.size)

    def _block(self, text: str, role: str, **kw) -> TextBlock:
        heading = role in HEADS
        return TextBlock(text, self.ts(role), kind=role, splittable=not heading, **kw)

    def _blocks(self, key: str, blocks: list[Block], level: int = 0) -> list[Flowable]:
        items: list[Flowable] = []
        h = 0
        for b in blocks:
            match b.type:
                case "heading":
                    h += 1
                    items.append(self.anchor(f"{key}h{h}", b.text, level + 1, running=False))
                    items.append(self._block(b.text, "heading"))
                case "deck":
                    items.append(self._block(self.display(b.text, "deck"), "deck"))
                case "paragraph" | "note" | "quote" | "list_item" | "caption":
                    items.append(self._block(b.text, BLOCK_ROLE[b.type]))
                case _:
                    unknown_block(b)
        return items

    def _article(self, n: int, a: Article, level: int = 0, before: list[Flowable] | None = None) -> list[Flowable]:
        """An article: in a book its source line first, then the title block (title, decks,
        byline), its blocks, the bio. `before`: heads kept with its title block (a part's)."""
        key = f"art{n}"
        a = with_decks(a)
        k = leading_decks(a.blocks)  # decks join the title block, under the headline
        heads: list[Flowable] = [*(before or []), self.anchor(key, flat_title(a.title), level, running=True)]
        if source := source_line(a.source, self.opts.variant):
            heads.append(self._block(source, "source"))
        heads += [self._block(self.display(a.title, "title"), "title"), *self._blocks(key, a.blocks[:k], level)]
        if a.authors:
            heads.append(self._block(self._byline(a), "byline"))
        items = self._blocks(key, a.blocks[k:], level)
        if a.bio:
            bio_ts = self.ts("bio")
            rule: Flowable
            if self.style.layout.bio_rule:
                rule = Rule(self.frame_w * 0.2, bio_ts.color, bio_ts.space_before, bio_ts.size * 0.8)
            else:
                rule = Rule(0, bio_ts.color, bio_ts.space_before, 0.01, thickness=0)
            items.append(rule)
            items.append(TextBlock(bracketed_bio(a.bio), bio_ts, kind="bio", space_before=0.0))
            return keep_tail(glue(heads, items))
        return glue(heads, items)

    def _cover(self) -> CoverPage:
        p = self.style.page
        title = self._block(self.display(self.title, "cover_title", p.width - 2 * p.margin_outer), "cover_title")
        sub = self._block(self.meta("subtitle"), "cover_subtitle") if self.meta("subtitle") else None
        foot_ts = self.ts("cover_foot", size=self.style.role("cover_subtitle").size * 0.85)
        foot = [TextBlock(self.meta(k), foot_ts, kind="cover") for k in ("date", "publisher") if self.meta(k)]
        return CoverPage(title, sub, foot, self.style.role("cover_title").color)

    def _toc(self) -> list[Flowable]:
        ts = self.ts("toc")
        num_w = ts.measure("0") * 3
        entries: list[Flowable] = []
        book = self.doc.is_book
        for i, s in enumerate(self.sections()):
            form = f"tocnum{i}"
            self.toc_forms.append((form, s.key))
            sub = TextBlock(s.authors, self.ts("toc_sub"), kind="toc") if s.authors else None
            entry_ts = self.ts("toc_part") if book and s.level == 0 else ts
            entry = TocEntry(s.title, entry_ts, form, num_w, sub=sub, indent=s.level * ts.size)
            if entries and isinstance(entries[-1], TocEntry) and entries[-1].ts is self.ts("toc_part"):
                entries[-1] = KeepGroup([entries[-1]], entry)  # a part's entry never ends a contents page
            else:
                entries.append(entry)
        heads: list[Flowable] = [
            self.anchor("toc", self.labels.contents),
            self._block(self.labels.contents, "lead_heading"),
        ]
        return [PageBreakIfNotEmpty(), *glue(heads, entries)]

    # --- pages ----------------------------------------------------------------------------

    def _frame_x(self, page: int) -> float:
        p = self.style.page
        if p.mirror and page % 2 == 0:
            return p.margin_outer  # a verso: the binding is on the right
        return p.margin_inner

    def _page_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        page = canv.getPageNumber()
        p, st = self.style.page, self.state
        x = self._frame_x(page)
        title = st.first_on_page.get(page, st.at_start.get(page, ""))
        ts = self.ts("header")
        canv.saveState()
        tpl = self.style.header.even if page % 2 == 0 else self.style.header.odd
        text = header_text(tpl, self.doc, title, page)
        top = p.height - p.margin_top
        # Book convention: a page that opens an article (or the lead) carries no running head,
        # only its folio; articles that run on mid-page keep the head.
        if self.style.layout.article_new_page and page in st.first_on_page:
            text = ""
        if text:
            canv.setFillColor(HexColor(ts.color))
            draw_line(canv, ts, ts.lines(_fit(text, ts, self.frame_w), self.frame_w)[0], x, top + p.header_gap)
            if self.style.header.rule:
                canv.setStrokeColor(HexColor(ts.color))
                canv.setLineWidth(0.4)
                y = top + p.header_gap - 0.12 * ts.size - max(2.5, p.header_gap * 0.25)
                canv.line(x, y, x + self.frame_w, y)
        folio = header_text(self.style.footer.text, self.doc, title, page)
        if folio:
            canv.setFillColor(HexColor(ts.color))
            for line in ts.lines(folio, self.frame_w)[:1]:
                draw_line(canv, ts, line, x, p.margin_bottom - p.footer_gap)
        canv.restoreState()

    def _page_start(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self.state.at_start[canv.getPageNumber()] = self.state.current

    def _define_forms(self, canv: Canvas) -> None:
        """Contents page numbers, now that every anchor has landed on its page."""
        ts = self.ts("toc_num", align="right")
        for form, key in self.toc_forms:
            num = str(self.state.pages.get(key, ""))
            canv.beginForm(form, lowerx=-200, lowery=-50, upperx=10, uppery=50)
            canv.setFillColor(HexColor(ts.color))
            if num:
                width = sum(ts.measure(c) for c in num)
                line = ts.lines(num, width + 1)[0]
                draw_line(canv, ts, line, -line.end, 0)
            canv.endForm()

    def render(self) -> bytes:
        p, opts = self.style.page, self.opts
        buf = io.BytesIO()
        booklet = self

        def frame(x: float, y: float, w: float, h: float, fid: str) -> Frame:
            return Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=fid)

        body = dict(onPage=self._page_start, onPageEnd=self._page_end, pagesize=(p.width, p.height))
        odd = PageTemplate("odd", [frame(self._frame_x(1), p.margin_bottom, self.frame_w, self.frame_h, "o")], **body)
        even = PageTemplate("even", [frame(self._frame_x(2), p.margin_bottom, self.frame_w, self.frame_h, "e")], **body)
        cw = p.width - 2 * p.margin_outer
        cover = PageTemplate("cover", [frame(p.margin_outer, p.margin_bottom, cw, self.frame_h, "c")])
        has_cover = bool(self.style.layout.cover)

        class Doc(BaseDocTemplate):
            def handle_pageBegin(self) -> None:
                n = self.page + 1
                self.pageTemplate = cover if (n == 1 and has_cover) else (odd if n % 2 else even)
                super().handle_pageBegin()

        authors = all_authors(self.doc)
        doc = Doc(
            buf,
            pagesize=(p.width, p.height),
            pageTemplates=[cover, odd, even],
            title=self.title,
            author="、".join(authors),
            subject=self.meta("subtitle") or self.title,
            creator="pipeline",
            keywords=", ".join(s.title for s in self.sections()),
            lang=opts.lang,
            invariant=1 if opts.epoch is not None else 0,
            initialFontName=self.fonts.chains["body"][0].name,  # else every page names Helvetica
            initialFontSize=self.style.role("body").size,
            leftMargin=p.margin_inner,
            rightMargin=p.margin_outer,
            topMargin=p.margin_top,
            bottomMargin=p.margin_bottom,
        )

        class C(_Canvas):
            epoch = opts.epoch

            def save(self) -> None:
                booklet._define_forms(self)
                self.showOutline()
                super().save()

        doc.build(self.story(), canvasmaker=C)
        return buf.getvalue()


def _fit(text: str, ts: TextStyle, width: float) -> str:
    """A running head on one line: a title too long for it ends in an ellipsis."""
    if sum(ts.measure(c) for c in text) <= width:
        return text
    while text and sum(ts.measure(c) for c in text + "……") > width:
        text = text[:-1]
    return text + "……"
