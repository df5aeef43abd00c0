"""JSON reader: the document model (`pipeline structure`, `--to json`) back as an input.

As pandoc reads its own JSON AST, an editor can fix the model with any JSON tool and build every
edition from it. The file is checked field by field against the schema (docs/contract.md), and
a wrong one is one error naming the field (`articles[2].blocks[0].type`), never a half-read document.
Fields this version does not know are ignored: the contract lets later versions add some.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import BLOCK_TYPES, SCHEMA_VERSION, Article, Block, Document, Lead, Metadata, Placement, misplaced_deck
from ..text import accountable
from .decode import decode, read_file

META_KEYS = ("title", "subtitle", "publisher", "date", "language", "source")


class _Checker:
    def __init__(self, name: str):
        self.name = name

    def fail(self, where: str, expected: str) -> InputError:
        return InputError(f"{self.name}: field '{where}' must be {expected} (document model, docs/contract.md)")

    def obj(self, v: Any, where: str) -> dict:
        if not isinstance(v, dict):
            raise self.fail(where, "an object")
        return v

    def str_(self, v: Any, where: str) -> str:
        if not isinstance(v, str):
            raise self.fail(where, "a string")
        return v

    def strs(self, v: Any, where: str) -> list[str]:
        if not isinstance(v, list):
            raise self.fail(where, "a list of strings")
        return [self.str_(x, f"{where}[{i}]") for i, x in enumerate(v)]

    def lead(self, v: Any) -> Lead | None:
        if v is None:
            return None
        d = self.obj(v, "lead")
        return Lead(
            self.str_(d.get("heading", ""), "lead.heading"), self.strs(d.get("paragraphs", []), "lead.paragraphs")
        )

    def block(self, v: Any, where: str) -> Block:
        d = self.obj(v, where)
        kind = d.get("type")
        if kind not in BLOCK_TYPES:
            raise self.fail(f"{where}.type", f"one of: {', '.join(BLOCK_TYPES)}")
        return Block(kind, self.str_(d.get("text"), f"{where}.text"))

    def placement(self, v: Any, where: str) -> Placement | None:
        if v is None:
            return None
        d = self.obj(v, where)
        try:
            return Placement(int(d["source_line"]), str(d["position"]), float(d["score"]), float(d["margin"]))
        except (KeyError, TypeError, ValueError):
            raise self.fail(where, "an object with source_line, position, score and margin") from None

    def article(self, v: Any, i: int) -> Article:
        where = f"articles[{i}]"
        d = self.obj(v, where)
        raw = d.get("blocks", [])
        if not isinstance(raw, list):
            raise self.fail(f"{where}.blocks", "a list of blocks")
        blocks = [self.block(b, f"{where}.blocks[{k}]") for k, b in enumerate(raw)]
        k = misplaced_deck(blocks)
        if k is not None:
            raise self.fail(f"{where}.blocks[{k}].type", "not 'deck' after another block (decks lead the article)")
        return Article(
            title=self.str_(d.get("title", ""), f"{where}.title"),
            authors=self.strs(d.get("authors", []), f"{where}.authors"),
            bio=self.str_(d.get("bio", ""), f"{where}.bio"),
            blocks=blocks,
            placement=self.placement(d.get("placement"), f"{where}.placement"),
            byline=self.str_(d.get("byline", ""), f"{where}.byline"),
        )

    def meta(self, v: Any) -> Metadata:
        d = self.obj(v if v is not None else {}, "meta")
        return Metadata(**{k: self.str_(d[k], f"meta.{k}") for k in META_KEYS if k in d})

    def document(self, data: Any) -> Document:
        if not isinstance(data, dict) or "articles" not in data or "schema" not in data:
            raise InputError(
                f"{self.name}: JSON, but not the document model (no 'schema' and 'articles'); "
                "give the output of `pipeline structure` or `--to json`"
            )
        if data["schema"] != SCHEMA_VERSION:
            raise InputError(
                f"{self.name}: model schema {data['schema']!r}; this version reads schema {SCHEMA_VERSION}"
            )
        arts = data["articles"]
        if not isinstance(arts, list):
            raise self.fail("articles", "a list of articles")
        return Document(
            lead=self.lead(data.get("lead")),
            articles=[self.article(a, i) for i, a in enumerate(arts)],
            meta=self.meta(data.get("meta")),
            unplaced=self.strs(data.get("unplaced", []), "unplaced"),
        )


def parse(text: str, name: str = "input.json") -> Document:
    """JSON text of the document model -> Document; one InputError naming the bad field otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{name}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    doc = _Checker(name).document(data)
    if doc.lead is None and not doc.articles and not doc.unplaced:
        raise InputError(f"{name}: the document model has no lead and no articles: nothing to typeset")
    n = sum(1 for c in doc.plain_text() if accountable(c))
    doc.stats.update({"source_format": "json", "chars_in": n, "chars_out": n})
    return doc


def read_path(path: str | Path) -> Document:
    """Errors name the path as given; the model records the file's name as its source."""
    p = Path(path)
    doc = parse(decode(read_file(p, ".json"), str(p)).text, str(p))
    doc.meta.source = p.name
    return doc
