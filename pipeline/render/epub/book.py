"""From model to EPUB 3: pages, navigation, metadata, cover and (optionally) embedded fonts."""

from __future__ import annotations

from ebooklib import epub

from ...metadata import iso_date
from ...model import Document
from ...style import Style
from ...terms import Terms, terms
from ..shared import RenderOptions, all_authors, booklet_doc, content_id, lead_heading, xml_text
from . import css, package, xhtml
from .cover import cover_png
from .fonts import FONT_ROLE, assign, chain, css_family, subset_font
from .xhtml import flat

CSS_FILE = "style/book.css"
COVER_IMAGE = "images/cover.png"


def _role_texts(doc: Document, title: str, lab: Terms, sep: str) -> dict[str, set[str]]:
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
    texts["toc"] += [a.title for a in doc.articles]
    texts["toc"] += [b.text for a in doc.articles for b in a.blocks if b.type == "heading"]
    if doc.lead:
        texts["toc"].append(doc.lead.heading)
    return {role: set(xml_text("".join(parts))) | set("0123456789") for role, parts in texts.items()}


def _embed_fonts(book: epub.EpubBook, doc: Document, style: Style, opts: RenderOptions, title: str) -> list:
    """Subset each needed font to the characters it draws; return @font-face entries."""
    lab = terms(opts.variant)
    need: dict = {}
    for role, chars in _role_texts(doc, title, lab, style.layout.byline_separator).items():
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
    if doc.lead:
        heading = xml_text(lead_heading(doc, variant))
        lead = add("lead", "lead.xhtml", flat(heading), xhtml.lead_page(doc.lead, heading, ctx))
        spine.append(lead)
        toc.append(lead)
    first_body = None
    for i, art in enumerate(doc.articles):
        art_id = f"art{i + 1:03d}"
        item = add(art_id, f"{art_id}.xhtml", flat(art.title) or f"{i + 1}", xhtml.article_page(art, art_id, ctx))
        first_body = first_body or item
        spine.append(item)
        subs = [b for b in art.blocks if b.type == "heading"]
        links = [
            epub.Link(f"{art_id}.xhtml#{xhtml.heading_id(art_id, n)}", flat(b.text) or "-", xhtml.heading_id(art_id, n))
            for n, b in enumerate(subs, 1)
        ]
        toc.append((item, links) if links else item)
    if doc.unplaced:
        extra = add("unplaced", "unplaced.xhtml", lab.leftovers, xhtml.unplaced_page(doc.unplaced, lab.leftovers, ctx))
        spine.append(extra)
        toc.append(extra)
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
