"""The document model: the one thing readers produce and writers consume.

Like pandoc's Definition.hs, it is small and has no behaviour beyond (de)serialisation,
so every writer can trust it and nothing else passes between stages. Text in the model is
canonical (docs/model.md): no OCR spaces, full-width punctuation, wrapped lines joined.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, NoReturn

from .errors import PipelineError

SCHEMA_VERSION = 1

# The closed set of block types an article body is made of (docs/model.md). Every writer
# handles each one with a `match` and calls unknown_block() for anything else, so a type added
# here fails loudly in a writer that does not know it yet instead of printing as body text.
BlockType = Literal["paragraph", "heading", "deck", "note", "quote", "list_item", "caption"]
BLOCK_TYPES: tuple[str, ...] = BlockType.__args__  # type: ignore[attr-defined]
# The style sheet's role of each block type: a paragraph is set in the body role, every other
# type in the role of its own name.
BLOCK_ROLE = {t: ("body" if t == "paragraph" else t) for t in BLOCK_TYPES}


class UnknownBlock(PipelineError):
    """A block type outside BLOCK_TYPES reached a writer: a bug in whatever built the model."""


def unknown_block(block: Block) -> NoReturn:
    raise UnknownBlock(f"unknown block type {block.type!r}; the model's types are: {', '.join(BLOCK_TYPES)}")


@dataclass
class Block:
    """A unit of an article body.

    paragraph: running text. heading: a subheading inside the article. deck: a line set with the
    headline but not part of it (a kicker 引题 or a subtitle 副题 such as ——学习贯彻……); decks
    come first in the body, before any other block, and print right under the title, which stays
    the main headline alone (contents, running heads and bookmarks show the title only). note:
    an editor's note inside the article (编者按). quote: a block quotation. list_item: one item of
    a list, its text keeping the marker the page printed (一、 1. ①). caption: the caption of a
    picture or table.
    """

    type: BlockType
    text: str


def leading_decks(blocks: list[Block]) -> int:
    """How many blocks at the start of an article are decks (printed with its headline)."""
    return next((i for i, b in enumerate(blocks) if b.type != "deck"), len(blocks))


def misplaced_deck(blocks: list[Block]) -> int | None:
    """Index of the first deck that follows a block of another type (decks lead the body)."""
    seen_other = False
    for i, b in enumerate(blocks):
        if b.type != "deck":
            seen_other = True
        elif seen_other:
            return i
    return None


@dataclass
class Provenance:
    """Where a page was printed: what an anthology's source line (出处) says of its articles.

    Each field as it should print (the date in words, 2025年3月4日); an empty field is left out.
    A single-page edition has none: its articles' source is None.
    """

    paper: str = ""  # 湖南日报
    date: str = ""  # 2025年3月4日
    page: str = ""  # the page number as printed: 7, A3
    column: str = ""  # the page's or column's name: 理论·智库

    def __bool__(self) -> bool:
        return any((self.paper, self.date, self.page, self.column))


@dataclass
class Lead:
    """The page's lead note (导读), set apart from the articles."""

    heading: str
    paragraphs: list[str]
    source: Provenance | None = None  # in a book: the page the note introduces
    # Who signed the note (——编者), as printed: set apart from its text, flush right, as a
    # Chinese page sets it; empty when the note is unsigned.
    signature: str = ""


# Where a headline stood relative to the article it was given, decided once by the reader:
# right before the article (its byline or first line), between its byline and its body,
# inside its body, right after its end (its bio), with the other headlines at the page end,
# or anywhere else.
POSITIONS = ("before", "after-byline", "inside", "after-end", "page-end", "far", "unknown")


@dataclass
class Placement:
    """How a headline was matched to its article: the evidence the cleanup report shows."""

    source_line: int  # 1-based line of the headline in the input
    position: str  # one of POSITIONS
    score: float
    margin: float  # score over the next best assignment of this headline


@dataclass
class Article:
    title: str  # a multi-line headline keeps its break as "\n"
    authors: list[str]
    bio: str  # without the surrounding （）
    blocks: list[Block] = field(default_factory=list)
    placement: Placement | None = None
    byline: str = ""  # the byline as printed, when it says more than the names (湖南大学教授 张三)
    source: Provenance | None = None  # in a book: where the article was printed (its 出处 line)
    # "bio": the authors are the names its bio gives (the OCR lost the byline); they are the
    # bio's characters, not text of their own
    authors_from: str = ""


@dataclass
class Part:
    """A part of a book (an anthology of pages): its heading, the lead notes of its pages, their
    articles and the text the reader could place in no article, in the editor's order."""

    heading: str = ""  # 湖南日报《理论·智库》; empty: the part is known by its number alone
    leads: list[Lead] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


@dataclass
class IndexEntry:
    """One name of a book's author index and the articles it signed (0-based, in book order)."""

    name: str
    articles: list[int] = field(default_factory=list)
    collective: bool = False  # 本报评论员: listed after the persons
    group: str = ""  # the initial the entry is listed under (C for 曹, from the surname's pinyin)


@dataclass
class Metadata:
    """Booklet-level fields: cover, PDF info, EPUB metadata. Filled from sidecar or defaults."""

    title: str = ""
    subtitle: str = ""
    publisher: str = ""
    date: str = ""
    language: str = "zh-CN"
    source: str = ""  # input file name


def _without_source(d: dict[str, Any]) -> dict[str, Any]:
    """A lead's or an article's JSON: `source` only where there is one (a single page's JSON
    stays exactly as it was before books)."""
    if d.get("source") is None:
        d.pop("source", None)
    if not d.get("authors_from", True):
        d.pop("authors_from")  # (only where the authors came from elsewhere than a byline)
    if d.get("signature") == "":
        d.pop("signature")  # (only on a signed lead note)
    return d


def _lead_from(d: dict[str, Any]) -> Lead:
    src = d.get("source")
    return Lead(d["heading"], list(d["paragraphs"]), Provenance(**src) if src else None, d.get("signature", ""))


def _article_from(a: dict[str, Any]) -> Article:
    pl, src = a.get("placement"), a.get("source")
    return Article(
        title=a.get("title", ""),
        authors=list(a.get("authors", [])),
        bio=a.get("bio", ""),
        blocks=[Block(**b) for b in a.get("blocks", [])],
        placement=Placement(**pl) if pl else None,
        byline=a.get("byline", ""),
        source=Provenance(**src) if src else None,
        authors_from=a.get("authors_from", ""),
    )


@dataclass
class Document:
    """One page (lead, articles, unplaced), or a book: `parts`, each with the lead notes, articles
    and leftovers of its pages, and the author `index`; a book's own lead, articles and
    unplaced stay empty. Writers walk `book_parts()`, which is the same for both."""

    lead: Lead | None
    articles: list[Article]
    meta: Metadata = field(default_factory=Metadata)
    stats: dict[str, Any] = field(default_factory=dict)  # cleanup counts, char accounting
    unplaced: list[str] = field(default_factory=list)  # text that fits no article, never dropped
    parts: list[Part] = field(default_factory=list)  # a book's parts; empty for a page
    index: list[IndexEntry] = field(default_factory=list)  # a book's author index, in index order

    @property
    def is_book(self) -> bool:
        return bool(self.parts)

    def book_parts(self) -> list[Part]:
        """The parts to print: a book's own, else the page as one part without a heading."""
        if self.parts:
            return self.parts
        return [Part("", [self.lead] if self.lead else [], self.articles, self.unplaced)]

    def all_articles(self) -> list[Article]:
        """Every article in reading order (a book's across its parts): what the index counts."""
        return [a for p in self.book_parts() for a in p.articles]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"schema": SCHEMA_VERSION}
        d["lead"] = _without_source(asdict(self.lead)) if self.lead else None
        d["articles"] = [_without_source(asdict(a)) for a in self.articles]
        d["meta"] = asdict(self.meta)
        d["unplaced"] = list(self.unplaced)
        if self.parts:
            d["parts"] = [
                {
                    "heading": p.heading,
                    "leads": [_without_source(asdict(x)) for x in p.leads],
                    "articles": [_without_source(asdict(a)) for a in p.articles],
                    "unplaced": list(p.unplaced),
                }
                for p in self.parts
            ]
        if self.index:
            d["index"] = [asdict(e) for e in self.index]
        d["stats"] = self.stats
        return d

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        if d.get("schema") != SCHEMA_VERSION:
            raise ValueError(f"unsupported model schema {d.get('schema')!r}, expected {SCHEMA_VERSION}")
        parts = [
            Part(
                p.get("heading", ""),
                [_lead_from(x) for x in p.get("leads", [])],
                [_article_from(a) for a in p.get("articles", [])],
                list(p.get("unplaced", [])),
            )
            for p in d.get("parts", [])
        ]
        return cls(
            lead=_lead_from(d["lead"]) if d.get("lead") else None,
            articles=[_article_from(a) for a in d.get("articles", [])],
            meta=Metadata(**d.get("meta", {})),
            stats=dict(d.get("stats", {})),
            unplaced=list(d.get("unplaced", [])),
            parts=parts,
            index=[
                IndexEntry(e["name"], list(e["articles"]), bool(e.get("collective")), e.get("group", ""))
                for e in d.get("index", [])
            ],
        )

    @classmethod
    def from_json(cls, s: str) -> Document:
        return cls.from_dict(json.loads(s))

    def plain_text(self) -> str:
        """All text in reading order, joined: what character accounting counts."""
        return "".join(t for _, t in self.iter_text())

    def iter_text(self):
        """Every piece of text in reading order, as (role, text). Writers and checks share it.
        A book adds its part headings (role `part`); the index repeats the bylines, so it is
        not text of its own."""
        for part in self.book_parts():
            if part.heading:
                yield "part", part.heading
            for lead in part.leads:
                yield "lead_heading", lead.heading
                for p in lead.paragraphs:
                    yield "lead", p
                if lead.signature:
                    yield "signature", lead.signature
            for a in part.articles:
                yield from article_text(a)
            for u in part.unplaced:
                yield "body", u


def article_text(a: Article):
    """An article's text in reading order, as (role, text)."""
    yield "title", a.title
    if a.byline:
        yield "byline", a.byline
    elif not a.authors_from:  # (names a bio gave are its text: said once)
        for name in a.authors:
            yield "byline", name
    for b in a.blocks:
        yield BLOCK_ROLE.get(b.type, "body"), b.text
    if a.bio:
        yield "bio", a.bio
