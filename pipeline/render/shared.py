"""What several writers need, kept once: options, language tags, identifiers, header text,
the booklet's metadata and the text XML can carry."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from .. import metadata
from ..clock import build_time
from ..model import Article, Block, Document, Provenance
from ..style import Style
from ..terms import terms
from ..text import chinese_numeral, is_han
from .fontengine import FontEngine

LANG_TAGS = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}


class Note(UserWarning):
    """Something a writer could not do but the output is still good (issued with warnings.warn);
    the build reports each in one line in its summary."""


@dataclass(frozen=True)
class RenderOptions:
    variant: str = "zh-Hans"  # "zh-Hans" | "zh-Hant"
    lang: str = "zh-CN"  # BCP 47 tag written into every output
    epoch: int | None = None  # SOURCE_DATE_EPOCH: fixed timestamps for reproducible builds
    toc_pages: bool = False  # DOCX: real page numbers in the contents, from a LibreOffice layout
    # The font resources (faces, coverage, converted glyphs): one engine serves a whole batch.
    fonts: FontEngine = field(default_factory=FontEngine, compare=False, repr=False)

    @property
    def timestamp(self) -> datetime:
        return build_time(self.epoch)


def content_id(doc: Document) -> str:
    """A stable identifier derived from the content: same text, same id (EPUB dc:identifier)."""
    h = hashlib.sha256()
    for role, text in doc.iter_text():
        h.update(role.encode())
        h.update(b"\0")
        h.update(text.encode("utf-8"))
        h.update(b"\1")
    d = h.hexdigest()
    return f"urn:uuid:{d[:8]}-{d[8:12]}-5{d[13:16]}-a{d[17:20]}-{d[20:32]}"


# The one agreed way to show a multi-line headline on one line, in every format: its lines
# joined by a full-width space (U+3000), as Chinese publishers do in contents and running heads.
HEADLINE_SEPARATOR = "\u3000"


def flat_title(title: str) -> str:
    """A multi-line headline on one line: contents, running heads, bookmarks, EPUB nav and
    <title>, DOCX TOC, metadata all call this, so no two formats join it differently. A deck
    read with the headline (its last lines, opening on the dash) is no part of it here."""
    lines = title.split("\n")
    return HEADLINE_SEPARATOR.join(part.strip() for part in lines[: _deck_at(lines)] if part.strip())


DECK_DASHES = ("——", "—")


def _deck_at(lines: list[str]) -> int:
    """Where the title's deck lines begin (副题 under the headline: from the first line after the
    first that opens on the dash), or len(lines)."""
    return next((i for i, t in enumerate(lines) if i > 0 and t.lstrip().startswith(DECK_DASHES)), len(lines))


def with_decks(a: Article) -> Article:
    """The article as the writers set it: a deck the reader found with the headline (its title's
    last lines, opening on the dash) is set as the model's deck blocks are, under the headline in
    the deck's type, not at the headline's size."""
    lines = a.title.split("\n")
    k = _deck_at(lines)
    if k == len(lines):
        return a
    decks = [Block("deck", t.strip()) for t in lines[k:] if t.strip()]
    return replace(a, title="\n".join(lines[:k]), blocks=[*decks, *a.blocks])


def header_text(template: str, doc: Document, article_title: str, page: int | str = "") -> str:
    """Fill a header/footer template. Only these fields exist; unknown braces are kept literally."""
    fields = {
        "{booklet_title}": doc.meta.title,
        "{article_title}": flat_title(article_title),
        "{page}": str(page),
        "{date}": doc.meta.date,
        "{publisher}": doc.meta.publisher,
    }
    out = template
    for k, v in fields.items():
        out = out.replace(k, v)
    return out


def booklet_doc(doc: Document, style: Style, variant: str) -> Document:
    """The document with the booklet fields a printed edition shows (pipeline.metadata.booklet):
    the PDF, DOCX and EPUB writers start here, so none has a fallback title of its own, and
    none an empty heading, contents line, running head or navigation entry."""
    no_title = terms(variant).no_title
    titled = functools.partial(_titled, no_title=no_title)
    return replace(
        doc,
        meta=metadata.booklet(doc, style.meta.layer(), variant),
        articles=[titled(a) for a in doc.articles],
        parts=[replace(p, articles=[titled(a) for a in p.articles]) for p in doc.parts],
    )


def _titled(a: Article, no_title: str) -> Article:
    """An article whose headline the reader could not find, under the word an editor writes
    there (（无题）), as the Markdown writer does: the gap shows, and nothing prints as empty."""
    return a if a.title.strip() else replace(a, title=no_title)


def lead_heading(doc: Document, variant: str) -> str:
    """The lead note's heading as printed: the page's own, else the terms table's (导读)."""
    return (doc.lead.heading.strip() if doc.lead else "") or terms(variant).lead


# XML 1.0 cannot carry C0 controls other than tab and newline, lone surrogates or U+FFFE/FFFF;
# lxml refuses them and Word will not open a part that holds them.
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NONCHARS = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def xml_text(s: str) -> str:
    """Model text storable in XML (DOCX parts, XHTML, OPF) without losing a readable character.

    CR, CR LF, vertical tab and form feed (OCR page and column breaks) become a line break;
    other control characters (C0, DEL, C1) carry no text and are dropped; lone surrogates and
    noncharacters (broken encodings of a real character) become U+FFFD, so an editor sees where
    something was. Everything else, markup such as ``<script>`` or ``]]>`` included, is kept
    literally: lxml escapes it, so text is data.
    """
    s = _LINE_BREAKS.sub("\n", s)
    s = _CONTROLS.sub("", s)
    return _NONCHARS.sub("\ufffd", s)


def byline_text(a: Article, separator: str) -> str:
    """The byline a writer prints: as the page printed it (文/郑平, 湖南大学教授 张三) when the
    reader kept that, else the names joined by the sheet's separator."""
    return a.byline or separator.join(a.authors)


def all_authors(doc: Document) -> list[str]:
    seen: list[str] = []
    for a in doc.all_articles():
        for name in a.authors:
            if name not in seen:
                seen.append(name)
    return seen


def source_line(src: Provenance | None, variant: str) -> str:
    """The line that opens an article of a book: 出处：湖南日报 2025年3月4日 第7版《理论·智库》
    (the fields the input's metadata gives, in that order); "" when there are none."""
    if not src:
        return ""
    words = terms(variant)
    page = src.page.strip()
    if page and not any(is_han(c) for c in page):  # 7, 07, A3: 第7版, 第A3版; 第七版 stays
        page = words.page_number.format(n=int(page) if page.isdigit() else page)
    column = src.column.strip()
    if column and not column.startswith("《"):
        column = f"《{column}》"
    return words.source_prefix + " ".join(x for x in (src.paper.strip(), src.date.strip(), page) if x) + column


def part_label(n: int, variant: str) -> str:
    """A part's number as printed: 第一部分."""
    return terms(variant).part_number.format(n=chinese_numeral(n))


def part_title(n: int, heading: str, variant: str) -> str:
    """A part on one line (contents, bookmarks, navigation): 第一部分　湖南日报《理论·智库》."""
    title = flat_title(heading)
    return part_label(n, variant) + (HEADLINE_SEPARATOR + title if title else "")
