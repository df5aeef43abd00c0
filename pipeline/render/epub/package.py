"""Assemble the book with ebooklib, then make the container reproducible and fully tagged.

ebooklib writes the OPF, nav.xhtml and toc.ncx from its book object, but it stamps zip entries
with the wall clock, leaves the NCX and OPF root without a language and numbers NCX depth 0.
So the writer lets ebooklib produce the archive in memory and repacks it: mimetype first and
stored, every entry dated from opts.timestamp, entries in ebooklib's (insertion) order.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import datetime

from ebooklib import epub
from lxml import etree

from ..ziparchive import reproducible_zip

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"


class Page(epub.EpubHtml):
    """A content document whose bytes we built ourselves (ebooklib would re-parse it as HTML)."""

    def __init__(self, uid: str, file_name: str, title: str, data: bytes, lang: str) -> None:
        super().__init__(uid=uid, file_name=file_name, title=title, lang=lang)
        self.data = data

    def get_content(self, default=None) -> bytes:
        return self.data


def write(book: epub.EpubBook, modified: datetime, landmark_title: str) -> bytes:
    """ebooklib's own writer into memory: OPF, nav and NCX as it makes them."""
    buf = io.BytesIO()
    options = {
        "mtime": modified,
        "epub3_pages": False,
        "landmark_title": landmark_title,
        "raise_exceptions": True,
    }
    writer = epub.EpubWriter(buf, book, options)
    writer.process()
    writer.write()
    return buf.getvalue()


def _xml(data: bytes, fix: Callable[[etree._Element], None]) -> bytes:
    tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    fix(tree)
    return etree.tostring(tree.getroottree(), xml_declaration=True, encoding="utf-8", pretty_print=True)


def fix_opf(lang: str) -> Callable[[bytes], bytes]:
    def fix(root: etree._Element) -> None:
        root.set(XML_LANG, lang)

    return lambda data: _xml(data, fix)


def fix_ncx(lang: str) -> Callable[[bytes], bytes]:
    """Language on the NCX root and the real depth of its navMap (1, or 2 with subheadings)."""

    def fix(root: etree._Element) -> None:
        root.set(XML_LANG, lang)
        point = f"{{{NCX_NS}}}navPoint"
        depth = 1 + max((sum(1 for _ in p.iterancestors(point)) for p in root.iter(point)), default=0)
        for meta in root.iter(f"{{{NCX_NS}}}meta"):
            if meta.get("name") == "dtb:depth":
                meta.set("content", str(depth))

    return lambda data: _xml(data, fix)


def fix_nav(root: etree._Element) -> None:
    """Landmarks are for the reading system, not the reader: hide them as EPUB 3 suggests."""
    for nav in root.iter("{http://www.w3.org/1999/xhtml}nav"):
        if nav.get("{http://www.idpf.org/2007/ops}type") == "landmarks":
            nav.set("hidden", "hidden")


def nav_patch(data: bytes) -> bytes:
    return _xml(data, fix_nav)


def repack(raw: bytes, when: datetime, patches: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """Same entries, deterministic container: fixed dates/attributes, mimetype first and stored."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    names = src.namelist()
    order = ["mimetype"] + [n for n in names if n != "mimetype"]

    def entries():
        for name in order:
            data = src.read(name)
            yield name, patches[name](data) if name in patches else data

    return reproducible_zip(entries(), when, stored=("mimetype",))
