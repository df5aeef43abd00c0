"""From model to EPUB 3: pages, navigation, metadata, cover and (optionally) embedded fonts."""

from __future__ import annotations

from collections.abc import Callable

from ebooklib import epub

from ...metadata import iso_date
from ...model import Article, Document
from ...style import Style
from ...terms import Terms, terms
from ..shared import (
    RenderOptions,
    all_authors,
    booklet_doc,
    content_id,
    lead_heading,
    part_label,
    part_title,
    source_line,
    xml_text,
)
from . import css, package, xhtml
from .cover import cover_png
from .fonts import FONT_ROLE, assign, chain, css_family, subset_font
from .xhtml import flat

CSS_FILE = "style/book.css"
COVER_IMAGE = "images/cover.png"


def _book_texts(doc: Document, texts: dict[str, list[str]], lab: Terms, variant: str) -> None:
    """What a book adds: part labels and headings, source lines, the index."""
    for n, part in enumerate(doc.parts, 1):
        texts["part"].append(part_label(n, variant))
        texts["toc"].append(part_title(n, part.heading, variant))
        texts["source"] += [source_line(x.source, variant) for x in (*part.leads, *part.articles)]
    texts["lead_heading"] += [lab.author_index]
    texts["heading"] += [lab.collectives, *(e.group for e in doc.index)]
    texts["index"] += [e.name + "\u3000；" for e in doc.index] + [a.title for a in doc.all_articles()]
    texts["toc"] += [lab.author_index]


def _role_texts(doc: Document, title: str, lab: Terms, sep: str, variant: str = "zh-Hans") -> dict[str, set[str]]:
    """Characters each CSS role shows (model text plus what the writer adds), for subsetting."""
    texts: dict[str, list[str]] = {r: [] for r in FONT_ROLE}
    for role, text in doc.iter_text():
        texts[role].append(text)
    texts["bio"].append("（）")
    texts["byline"].append(sep)
    texts["cover_title"].append(title)
    texts["cover_subtitle"].append(doc.meta.subtitle)
    texts["body"] += [doc.meta.date, doc.meta.publisher]  # title page lines
    texts["lead_heading"] += [lab.leftovers, lab.lead, lab.contents, lab.landmarks]
    texts["toc"] += [lab.cover, lab.start, lab.titlepage, lab.leftovers, lab.lead]
    articles = doc.all_articles()
    texts["toc"] += [a.title for a in articles]
    texts["toc"] += [b.text for a in articles for b in a.blocks if b.type == "heading"]
    if doc.lead:
        texts["toc"].append(doc.lead.heading)
    if doc.is_book:
        _book_texts(doc, texts, lab, variant)
    return {role: set(xml_text("".join(parts))) | set("0123456789") for role, parts in texts.items()}


def _embed_fonts(book: epub.EpubBook, doc: Document, style: Style, opts: RenderOptions, title: str) -> list:
    """Subset each needed font to the characters it draws; return @font-face entries."""
    lab = terms(opts.variant)
    need: dict = {}
    for role, chars in _role_texts(doc, title, lab, style.layout.byline_separator, opts.variant).items():
        if role == "header":
            continue
        fonts = chain(style.font_families(FONT_ROLE[role], opts.variant))
        for ff, got in assign(chars, fonts, opts.fonts).items():
            need.setdefault(ff, set()).update(got)
    faces = []
    for i, (ff, chars) in enumerate(sorted(need.items(), key=lambda kv: (kv[0].path, kv[0].index, kv[0].name))):
        ext, fmt, mt = ("otf", "opentype", "font/otf") if ff.cff else ("ttf", "truetype", "font/ttf")
        name = f"fonts/font{i + 1:02d}.{ext}"
        data = subset_font(ff.path, ff.index, "".join(sorted(chars)))
        book.add_item(epub.EpubItem(uid=f"font{i + 1:02d}", file_name=name, media_type=mt, content=data))
        faces.append((css_family(ff.name), f"../{name}", fmt))
    return faces


def _metadata(book: epub.EpubBook, doc: Document, title: str, lang: str, vertical: bool) -> None:
    """OPF metadata: one dc:creator per author (unique ids), W3CDTF date, Kindle's writing mode."""
    book.set_identifier(content_id(doc))
    book.title = flat(title)
    book.add_metadata("DC", "title", flat(title), {"id": "title"})
    book.add_metadata(None, "meta", "main", {"refines": "#title", "property": "title-type"})
    if flat(doc.meta.subtitle):
        book.add_metadata("DC", "title", flat(doc.meta.subtitle), {"id": "subtitle"})
        book.add_metadata(None, "meta", "subtitle", {"refines": "#subtitle", "property": "title-type"})
    book.set_language(lang)
    for i, name in enumerate(a for a in (flat(x) for x in all_authors(doc)) if a):
        book.add_metadata("DC", "creator", name, {"id": f"creator{i + 1}"})
        book.add_metadata(
            None, "meta", "aut", {"refines": f"#creator{i + 1}", "property": "role", "scheme": "marc:relators"}
        )
    if flat(doc.meta.publisher):
        book.add_metadata("DC", "publisher", flat(doc.meta.publisher))
    if d := iso_date(doc.meta.date):
        book.add_metadata("DC", "date", d)
    if vertical:
        book.set_direction("rtl")
        book.add_metadata(None, "meta", "", {"name": "primary-writing-mode", "content": "vertical-rl"})


def _article(art: Article, k: int, ctx: xhtml.Ctx, variant: str, add: Callable) -> tuple:
    """The k-th article (1-based, in book order) as a page, and its navigation entry."""
    art_id = f"art{k:03d}"
    page = xhtml.article_page(art, art_id, ctx, source_line(art.source, variant))
    item = add(art_id, f"{art_id}.xhtml", flat(art.title) or f"{k}", page)
    subs = [b for b in art.blocks if b.type == "heading"]
    links = [
        epub.Link(f"{art_id}.xhtml#{xhtml.heading_id(art_id, n)}", flat(b.text) or "-", xhtml.heading_id(art_id, n))
        for n, b in enumerate(subs, 1)
    ]
    return item, ((item, links) if links else item)


def _page_pages(doc: Document, variant: str, ctx: xhtml.Ctx, add: Callable, spine: list, toc: list) -> None:
    """A single page: its lead, its articles, its leftovers, each in the navigation."""
    lab = terms(variant)
    if doc.lead:
        heading = xml_text(lead_heading(doc, variant))
        lead = add("lead", "lead.xhtml", flat(heading), xhtml.lead_page(doc.lead, heading, ctx))
        spine.append(lead)
        toc.append(lead)
    for i, art in enumerate(doc.articles):
        item, entry = _article(art, i + 1, ctx, variant, add)
        spine.append(item)
        toc.append(entry)
    if doc.unplaced:
        extra = add("unplaced", "unplaced.xhtml", lab.leftovers, xhtml.unplaced_page(doc.unplaced, lab.leftovers, ctx))
        spine.append(extra)
        toc.append(extra)


def _book_pages(doc: Document, variant: str, ctx: xhtml.Ctx, add: Callable, spine: list, toc: list) -> None:
    """A book: each part's page (its heading and lead notes), its articles and leftovers,
    nested under it in the navigation (parts, articles, subheadings); the author index last."""
    lab = terms(variant)
    k = 0
    for n, part in enumerate(doc.parts, 1):
        pid = f"part{n:02d}"
        leads = [
            (xml_text(x.heading.strip() or lab.lead), source_line(x.source, variant) if len(part.leads) > 1 else "", x)
            for x in part.leads
        ]
        page = xhtml.part_page(part_label(n, variant), xml_text(part.heading), leads, ctx)
        item = add(pid, f"{pid}.xhtml", flat(part_title(n, part.heading, variant)), page)
        spine.append(item)
        children = []
        for art in part.articles:
            k += 1
            art_item, entry = _article(art, k, ctx, variant, add)
            spine.append(art_item)
            children.append(entry)
        if part.unplaced:
            page = xhtml.unplaced_page(part.unplaced, lab.leftovers, ctx)
            extra = add(f"{pid}u", f"{pid}-unplaced.xhtml", lab.leftovers, page)
            spine.append(extra)
            children.append(extra)
        toc.append((item, children) if children else item)
    if doc.index:
        articles = doc.all_articles()
        targets = [(f"art{k + 1:03d}.xhtml", flat(a.title) or f"{k + 1}") for k, a in enumerate(articles)]
        groups: list = []
        for e in doc.index:
            head = lab.collectives if e.collective else e.group
            if not groups or groups[-1][0] != head:
                groups.append((head, []))
            groups[-1][1].append((xml_text(e.name), [targets[k] for k in e.articles]))
        item = add("index", "index.xhtml", lab.author_index, xhtml.index_page(lab.author_index, groups, ctx))
        spine.append(item)
        toc.append(item)


def build(doc: Document, style: Style, opts: RenderOptions) -> bytes:
    """The whole book: cover, title page, (nav), lead, articles, unplaced text; then repacked."""
    lang, variant = opts.lang, opts.variant
    doc = booklet_doc(doc, style, variant)
    lab = terms(variant)
    vertical = bool(style.epub.vertical)
    ctx = xhtml.Ctx(lang, vertical, style.layout.byline_separator, bool(style.layout.bio_rule))
    title = xml_text(doc.meta.title).strip() or lab.untitled

    book = epub.EpubBook()
    _metadata(book, doc, title, lang, vertical)

    faces = _embed_fonts(book, doc, style, opts, title) if style.epub.embed_fonts else []
    sheet = css.stylesheet(style, variant, vertical, faces)
    book.add_item(epub.EpubItem(uid="css", file_name=CSS_FILE, media_type="text/css", content=sheet.encode()))

    bottom = [flat(doc.meta.date), flat(doc.meta.publisher)]
    png = cover_png(title, xml_text(doc.meta.subtitle), bottom, style, variant, opts.fonts)
    book.set_cover(COVER_IMAGE, png, create_page=False)

    def add(uid: str, name: str, label: str, data: bytes) -> package.Page:
        item = package.Page(uid, name, label, data, lang)
        book.add_item(item)
        return item

    cover = add("cover", "cover.xhtml", lab.cover, xhtml.cover_page(title, COVER_IMAGE, ctx))
    tpage = add("titlepage", "titlepage.xhtml", lab.titlepage, xhtml.title_page(doc, title, ctx))
    spine: list = [cover, tpage]
    toc: list = []
    if doc.is_book:
        _book_pages(doc, variant, ctx, add, spine, toc)
    else:
        _page_pages(doc, variant, ctx, add, spine, toc)
    first_body = next((i for i in spine[2:] if i.file_name.startswith(("art", "part"))), None)
    if not toc:
        toc.append(tpage)  # an empty <ol> in the nav is invalid EPUB

    nav = epub.EpubNav(title=lab.contents)
    nav.add_link(href=CSS_FILE, rel="stylesheet", type="text/css")
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    book.toc = toc
    book.spine = [*spine[:2], nav, *spine[2:]]
    book.guide = [
        {"type": "cover", "href": "cover.xhtml", "title": lab.cover},
        {"type": "toc", "href": "nav.xhtml", "title": lab.contents},
    ]
    if first_body is not None:
        book.guide.append({"type": "text", "href": first_body.file_name, "title": lab.start})
    if doc.index:
        book.guide.append({"type": "index", "href": "index.xhtml", "title": lab.author_index})

    raw = package.write(book, opts.timestamp, lab.landmarks)
    return package.repack(
        raw,
        opts.timestamp,
        {
            "EPUB/content.opf": package.fix_opf(lang),
            "EPUB/toc.ncx": package.fix_ncx(lang),
            "EPUB/nav.xhtml": package.nav_patch,
        },
    )
