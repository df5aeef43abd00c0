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
class Lead:
    """The page's lead note (导读), set apart from the articles."""

    heading: str
    paragraphs: list[str]


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


@dataclass
class Metadata:
    """Booklet-level fields: cover, PDF info, EPUB metadata. Filled from sidecar or defaults."""

    title: str = ""
    subtitle: str = ""
    publisher: str = ""
    date: str = ""
    language: str = "zh-CN"
    source: str = ""  # input file name


@dataclass
class Document:
    lead: Lead | None
    articles: list[Article]
    meta: Metadata = field(default_factory=Metadata)
    stats: dict[str, Any] = field(default_factory=dict)  # cleanup counts, char accounting
    unplaced: list[str] = field(default_factory=list)  # text that fits no article, never dropped

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"schema": SCHEMA_VERSION}
        d["lead"] = asdict(self.lead) if self.lead else None
        d["articles"] = [asdict(a) for a in self.articles]
        d["meta"] = asdict(self.meta)
        d["unplaced"] = list(self.unplaced)
        d["stats"] = self.stats
        return d

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        if d.get("schema") != SCHEMA_VERSION:
            raise ValueError(f"unsupported model schema {d.get('schema')!r}, expected {SCHEMA_VERSION}")
        lead = Lead(**d["lead"]) if d.get("lead") else None
        arts = []
        for a in d.get("articles", []):
            pl = a.get("placement")
            arts.append(
                Article(
                    title=a.get("title", ""),
                    authors=list(a.get("authors", [])),
                    bio=a.get("bio", ""),
                    blocks=[Block(**b) for b in a.get("blocks", [])],
                    placement=Placement(**pl) if pl else None,
                    byline=a.get("byline", ""),
                )
            )
        return cls(
            lead=lead,
            articles=arts,
            meta=Metadata(**d.get("meta", {})),
            stats=dict(d.get("stats", {})),
            unplaced=list(d.get("unplaced", [])),
        )

    @classmethod
    def from_json(cls, s: str) -> Document:
        return cls.from_dict(json.loads(s))

    def plain_text(self) -> str:
        """All text in reading order, joined: what character accounting counts."""
        return "".join(t for _, t in self.iter_text())

    def iter_text(self):
        """Every piece of text in reading order, as (role, text). Writers and checks share it."""
        if self.lead:
            yield "lead_heading", self.lead.heading
            for p in self.lead.paragraphs:
                yield "lead", p
        for a in self.articles:
            yield "title", a.title
            if a.byline:
                yield "byline", a.byline
            else:
                for name in a.authors:
                    yield "byline", name
            for b in a.blocks:
                yield BLOCK_ROLE.get(b.type, "body"), b.text
            if a.bio:
                yield "bio", a.bio
        for u in self.unplaced:
            yield "body", u
