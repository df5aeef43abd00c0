"""XHTML content documents, built as lxml trees so model text is only ever a text node.

Each page carries lang and xml:lang (the edition's tag), links the one stylesheet, and marks its
role with epub:type. Vertical editions wrap short ASCII runs in spans (see text.vertical_runs).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...model import Article, Block, Document, Lead, leading_decks, unknown_block
from ...text import bracketed_bio
from ..headline import phrases
from ..shared import flat_title, with_decks, xml_text
from .vertical import vertical_runs

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{EPUB_NS}}}type"
NSMAP = {None: XHTML_NS, "epub": EPUB_NS}
CSS_HREF = "style/book.css"
# Block types whose consecutive blocks share one element: (tag, class).
GROUPS = {"quote": ("blockquote", "quote"), "list_item": ("ul", "list")}


def flat(text: str) -> str:
    """One line for labels (nav, <title>, metadata): the shared headline separator (U+3000)."""
    return flat_title(xml_text(text))


@dataclass(frozen=True)
class Ctx:
    """What every page needs besides its content."""

    lang: str
    vertical: bool
    byline_separator: str
    bio_rule: bool


def _el(parent: etree._Element, tag: str, cls: str | None = None, **attrs: str) -> etree._Element:
    e = etree.SubElement(parent, f"{{{XHTML_NS}}}{tag}")
    if cls:
        e.set("class", cls)
    for k, v in attrs.items():
        e.set(k, v)
    e.tail = "\n"
    return e


def _append(parent: etree._Element, text: str) -> None:
    """Append text after parent's last child (or as its text)."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def add_text(parent: etree._Element, text: str, ctx: Ctx, breaks: bool = False, display: bool = False) -> None:
    """Model text into an element: literal characters; '\\n' as <br/> when breaks is set; a
    display headline (display) gets <wbr/> at its phrase boundaries (render.headline)."""
    lines = xml_text(text).split("\n") if breaks else [xml_text(text)]
    for i, line in enumerate(lines):
        if i:
            br = etree.SubElement(parent, f"{{{XHTML_NS}}}br")
            br.tail = None
        for k, phrase in enumerate(phrases(line) if display and line.strip() else [line]):
            if k:
                etree.SubElement(parent, f"{{{XHTML_NS}}}wbr").tail = None
            _add_run(parent, phrase, ctx)


def _add_run(parent: etree._Element, line: str, ctx: Ctx) -> None:
    if not ctx.vertical:
        _append(parent, line)
        return
    for chunk, cls in vertical_runs(line):
        if cls is None:
            _append(parent, chunk)
        else:
            span = etree.SubElement(parent, f"{{{XHTML_NS}}}span")
            span.set("class", cls)
            span.text = chunk


def page(title: str, ctx: Ctx, body_type: str) -> tuple[etree._Element, etree._Element]:
    """An empty document: (html root, body)."""
    html = etree.Element(f"{{{XHTML_NS}}}html", nsmap=NSMAP)
    html.set("lang", ctx.lang)
    html.set(XML_LANG, ctx.lang)
    html.text = "\n"
    head = _el(html, "head")
    head.text = "\n"
    t = _el(head, "title")
    t.text = flat(title) or "-"
    _el(head, "link", rel="stylesheet", type="text/css", href=CSS_HREF)
    body = _el(html, "body")
    body.text = "\n"
    body.set(EPUB_TYPE, body_type)
    return html, body


def serialize(html: etree._Element) -> bytes:
    return etree.tostring(html, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")


def cover_page(title: str, image_href: str, ctx: Ctx) -> bytes:
    html, body = page(title, ctx, "cover")
    body.set("class", "cover")
    div = _el(body, "div", "cover")
    img = _el(div, "img", src=image_href, alt=flat(title))
    img.tail = None
    return serialize(html)


def title_page(doc: Document, title: str, ctx: Ctx) -> bytes:
    """Booklet title, subtitle, date and publisher: the printed booklet's title leaf."""
    html, body = page(title, ctx, "frontmatter")
    sec = _el(body, "section", "titlepage")
    sec.set(EPUB_TYPE, "titlepage")
    sec.text = "\n"
    add_text(_el(sec, "h1", "book-title"), title, ctx, breaks=True, display=True)
    m = doc.meta
    if m.subtitle.strip():
        add_text(_el(sec, "p", "book-subtitle"), m.subtitle, ctx, breaks=True)
    for value in (m.date, m.publisher):
        if value.strip():
            add_text(_el(sec, "p", "book-meta"), value, ctx)
    return serialize(html)


def lead_page(lead: Lead, heading: str, ctx: Ctx) -> bytes:
    html, body = page(heading, ctx, "frontmatter")
    sec = _el(body, "section", "lead", id="lead")
    sec.set(EPUB_TYPE, "introduction")
    sec.text = "\n"
    add_text(_el(sec, "h1", "lead-heading"), heading, ctx, breaks=True, display=True)
    _lead_text(sec, lead, ctx)
    return serialize(html)


def _lead_text(sec, lead: Lead, ctx: Ctx) -> None:
    """A lead note's paragraphs, then who signed it (——编者) in a paragraph of its own class."""
    for p in lead.paragraphs:
        add_text(_el(sec, "p", "lead"), p, ctx)
    if lead.signature:
        add_text(_el(sec, "p", "signature"), lead.signature, ctx)


def heading_id(art_id: str, n: int) -> str:
    """Stable anchor of an article's n-th subheading (1-based): the nav and NCX link to it."""
    return f"{art_id}-h{n:02d}"


def article_page(art: Article, art_id: str, ctx: Ctx, source: str = "") -> bytes:
    """A book's source line (出处), title (breaks kept), decks, byline, the blocks in order,
    then the bio."""
    art = with_decks(art)
    html, body = page(art.title, ctx, "bodymatter")
    sec = _el(body, "section", "article", id=art_id)
    sec.set(EPUB_TYPE, "chapter")
    sec.text = "\n"
    if source:
        add_text(_el(sec, "p", "source"), source, ctx)
    add_text(_el(sec, "h1", "title"), art.title, ctx, breaks=True, display=True)
    k = leading_decks(art.blocks)
    _blocks(sec, art.blocks[:k], art_id, ctx)
    printed = xml_text(art.byline).strip()
    authors = [a for a in (xml_text(x).strip() for x in art.authors) if a]
    if printed or authors:
        add_text(_el(sec, "p", "byline"), printed or ctx.byline_separator.join(authors), ctx)
    _blocks(sec, art.blocks[k:], art_id, ctx)
    if art.bio.strip():
        if ctx.bio_rule:
            _el(sec, "hr", "bio-rule")
        add_text(_el(sec, "p", "bio"), bracketed_bio(art.bio), ctx)
    return serialize(html)


def _blocks(sec: etree._Element, blocks: list[Block], art_id: str, ctx: Ctx) -> None:
    """Blocks as elements; consecutive list items share one <ul>, consecutive quotations one
    <blockquote>. Subheadings are numbered from 1 (heading_id): the decks, given apart, hold none."""
    n = 0
    group: etree._Element | None = None  # the open <ul> or <blockquote>
    for b in blocks:
        if group is not None and group.get("class") != GROUPS.get(b.type, ("", ""))[1]:
            group = None
        match b.type:
            case "heading":
                n += 1
                add_text(_el(sec, "h2", "heading", id=heading_id(art_id, n)), b.text, ctx)
            case "deck":
                add_text(_el(sec, "p", "deck"), b.text, ctx, display=True)
            case "paragraph":
                add_text(_el(sec, "p", "body"), b.text, ctx)
            case "note" | "caption":
                add_text(_el(sec, "p", b.type), b.text, ctx)
            case "quote" | "list_item":
                tag, cls = GROUPS[b.type]
                if group is None:
                    group = _el(sec, tag, cls)
                    group.text = "\n"
                add_text(_el(group, "li" if tag == "ul" else "p"), b.text, ctx)
            case _:
                unknown_block(b)


def unplaced_page(texts: list[str], heading: str, ctx: Ctx) -> bytes:
    """Text the reader could not place in an article: kept, never dropped."""
    html, body = page(heading, ctx, "backmatter")
    sec = _el(body, "section", "unplaced", id="unplaced")
    sec.set(EPUB_TYPE, "appendix")
    sec.text = "\n"
    add_text(_el(sec, "h1", "lead-heading"), heading, ctx)
    for t in texts:
        add_text(_el(sec, "p", "unplaced"), t, ctx)
    return serialize(html)


def part_page(label: str, heading: str, leads: list[tuple[str, str, Lead]], ctx: Ctx) -> bytes:
    """A book's part: its number and heading, then its pages' lead notes, each (heading,
    source line or "", lead)."""
    title = label + ("\n" + heading if heading.strip() else "")
    html, body = page(title, ctx, "bodymatter")
    sec = _el(body, "section", "part", id="part")
    sec.set(EPUB_TYPE, "part")
    sec.text = "\n"
    add_text(_el(sec, "h1", "part"), title, ctx, breaks=True, display=True)
    for lead_title, source, lead in leads:
        add_text(_el(sec, "h2", "lead-heading"), lead_title, ctx, display=True)
        if source:
            add_text(_el(sec, "p", "source"), source, ctx)
        _lead_text(sec, lead, ctx)
    return serialize(html)


def index_page(heading: str, groups: list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]], ctx: Ctx) -> bytes:
    """A book's author index: under each group heading (an initial; the collective bylines),
    each name followed by links to its articles, (href, title) each."""
    html, body = page(heading, ctx, "backmatter")
    sec = _el(body, "section", "index", id="index")
    sec.set(EPUB_TYPE, "index")
    sec.text = "\n"
    add_text(_el(sec, "h1", "lead-heading"), heading, ctx)
    for group, entries in groups:
        add_text(_el(sec, "h2", "index-group"), group, ctx)
        ul = _el(sec, "ul", "index")
        ul.text = "\n"
        for name, links in entries:
            li = _el(ul, "li")
            add_text(li, name + "\u3000", ctx)
            for i, (href, title) in enumerate(links):
                if i:
                    _append(li, "；")
                a = etree.SubElement(li, f"{{{XHTML_NS}}}a", href=href)
                add_text(a, title, ctx)
    return serialize(html)
