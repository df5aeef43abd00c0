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
from ..model import (
    BLOCK_TYPES,
    SCHEMA_VERSION,
    Article,
    Block,
    Document,
    IndexEntry,
    Lead,
    Metadata,
    Part,
    Placement,
    Provenance,
    misplaced_deck,
)
from ..text import accountable
from .decode import decode, read_file

META_KEYS = ("title", "subtitle", "publisher", "date", "language", "source")
SOURCE_KEYS = ("paper", "date", "page", "column")


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

    def lead(self, v: Any, where: str = "lead") -> Lead | None:
        return None if v is None else self._lead(self.obj(v, where), where)

    def _lead(self, d: dict, where: str) -> Lead:
        return Lead(
            self.str_(d.get("heading", ""), f"{where}.heading"),
            self.strs(d.get("paragraphs", []), f"{where}.paragraphs"),
            self.source(d.get("source"), f"{where}.source"),
            self.str_(d.get("signature", ""), f"{where}.signature"),
        )

    def source(self, v: Any, where: str) -> Provenance | None:
        if v is None:
            return None
        d = self.obj(v, where)
        return Provenance(**{k: self.str_(d[k], f"{where}.{k}") for k in SOURCE_KEYS if k in d})

    def list_(self, v: Any, where: str, what: str) -> list:
        if not isinstance(v, list):
            raise self.fail(where, f"a list of {what}")
        return v

    def part(self, v: Any, i: int) -> Part:
        """Part i of a book."""
        where = f"parts[{i}]"
        d = self.obj(v, where)
        leads = self.list_(d.get("leads", []), f"{where}.leads", "lead notes")
        arts = self.list_(d.get("articles", []), f"{where}.articles", "articles")
        return Part(
            self.str_(d.get("heading", ""), f"{where}.heading"),
            [self._lead(self.obj(x, f"{where}.leads[{k}]"), f"{where}.leads[{k}]") for k, x in enumerate(leads)],
            [self.article(a, k, f"{where}.articles") for k, a in enumerate(arts)],
            self.strs(d.get("unplaced", []), f"{where}.unplaced"),
        )

    def index(self, v: Any, n_articles: int) -> list[IndexEntry]:
        out = []
        for i, e in enumerate(self.list_(v, "index", "index entries")):
            where = f"index[{i}]"
            d = self.obj(e, where)
            arts = self.list_(d.get("articles", []), f"{where}.articles", "article numbers")
            if not all(isinstance(k, int) and not isinstance(k, bool) and 0 <= k < n_articles for k in arts):
                raise self.fail(f"{where}.articles", f"a list of article numbers from 0 to {n_articles - 1}")
            collective = d.get("collective", False)
            if not isinstance(collective, bool):
                raise self.fail(f"{where}.collective", "true or false")
            name, group = self.str_(d.get("name"), f"{where}.name"), self.str_(d.get("group", ""), f"{where}.group")
            out.append(IndexEntry(name, list(arts), collective, group))
        return out

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

    def article(self, v: Any, i: int, under: str = "articles") -> Article:
        where = f"{under}[{i}]"
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
            source=self.source(d.get("source"), f"{where}.source"),
            authors_from=self.authors_from(d.get("authors_from", ""), f"{where}.authors_from"),
        )

    def authors_from(self, v: Any, where: str) -> str:
        got = self.str_(v, where)
        if got not in ("", "bio"):
            raise self.fail(where, "'' or 'bio' (the authors are the names the article's bio gives)")
        return got

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
        parts: list[Part] = []
        for i, p in enumerate(self.list_(data.get("parts", []), "parts", "parts")):
            parts.append(self.part(p, i))
        doc = Document(
            lead=self.lead(data.get("lead")),
            articles=[self.article(a, i) for i, a in enumerate(arts)],
            meta=self.meta(data.get("meta")),
            unplaced=self.strs(data.get("unplaced", []), "unplaced"),
            parts=parts,
        )
        if parts and (doc.lead or doc.articles or doc.unplaced):
            raise self.fail("parts", "alone: a book keeps its lead notes, articles and leftovers in its parts")
        doc.index = self.index(data.get("index", []), len(doc.all_articles()))
        return doc


def parse(text: str, name: str = "input.json") -> Document:
    """JSON text of the document model -> Document; one InputError naming the bad field otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{name}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    doc = _Checker(name).document(data)
    if doc.lead is None and not doc.all_articles() and not doc.unplaced and not any(p.leads for p in doc.parts):
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
