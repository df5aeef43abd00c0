"""Markdown writer: a readable rendering an editor can correct by hand.

The dialect (docs/markdown.md): a front matter of booklet metadata; `# 导读` and its
paragraphs; per article `## ` title lines (one per headline line), its decks, an `作者：` line,
then the blocks: paragraphs separated by blank lines, `### ` subheadings, `- ` list items, and
notes, quotations and captions as pandoc fenced divs (`::: quote`); the bio last, as a `> `
line. Text is data: Markdown's active characters are backslash-escaped so no input text
becomes markup.
"""

from __future__ import annotations

import re

from ..errors import PipelineError
from ..model import Article, Block, Document, leading_decks, unknown_block
from ..style import Style
from ..terms import Terms, terms
from .shared import RenderOptions

_ACTIVE = re.compile(r"([\\`*_\[\]<>#&|~])")
_LINE_START = re.compile(r"^(\s*)([-+=>:])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")  # "1." escapes as "1\." (a backslash before a digit is literal)


def escape(text: str) -> str:
    t = _ACTIVE.sub(r"\\\1", text)
    t = _LINE_START.sub(r"\1\\\2", t)
    return _ORDERED.sub(r"\1\\\2", t)


def _front(doc: Document) -> list[str]:
    out = ["---"]
    for key in ("title", "subtitle", "publisher", "date", "language"):
        val = getattr(doc.meta, key)
        if val:
            out.append(f"{key}: {val.replace(chr(10), ' ').strip()}")
    out += ["---", ""]
    return out


def _block(b: Block) -> list[str]:
    match b.type:
        case "paragraph":
            return [escape(b.text)]
        case "heading":
            return [f"### {escape(b.text)}"]
        case "list_item":
            return [f"- {escape(b.text)}"]
        case "deck" | "note" | "quote" | "caption":
            return [f"::: {b.type}", escape(b.text), ":::"]
        case _:
            unknown_block(b)


def _article(a: Article, words: Terms) -> list[str]:
    out = [f"## {escape(t)}" for t in ([t for t in a.title.split("\n") if t] or [words.no_title])] + [""]
    n = leading_decks(a.blocks)
    for b in a.blocks[:n]:  # under the title, before the authors: decks belong to the headline
        out += [*_block(b), ""]
    body = a.blocks[n:]
    first = body[0].text if body else ""
    if a.authors or first.startswith(words.author_prefix):
        # An empty 作者： line keeps a first paragraph that starts with 作者： a paragraph.
        out += [words.author_prefix + "、".join(escape(n) for n in a.authors), ""]
    if a.byline:
        out += [words.byline_prefix + escape(a.byline), ""]
    for i, b in enumerate(body):
        out += _block(b)
        if not (b.type == "list_item" and i + 1 < len(body) and body[i + 1].type == "list_item"):
            out.append("")  # blocks are separated by a blank line; the items of one list are not
    if a.bio:
        # the dialect's bio is the model's in one pair of brackets, whatever it holds (lossless)
        out += [f"> （{escape(a.bio)}）", ""]
    return out


def to_markdown(doc: Document, variant: str = "zh-Hans") -> str:
    if doc.is_book:  # never print a book silently wrong: the dialect has no parts (docs/markdown.md)
        raise PipelineError("the Markdown dialect has no parts: build a book as pdf, docx, epub or json")
    words = terms(variant)
    out = _front(doc)
    if doc.lead:
        out += [f"# {escape(doc.lead.heading or words.lead)}", ""]
        for p in doc.lead.paragraphs:
            out += [escape(p), ""]
        if doc.lead.signature:
            out += ["::: signature", escape(doc.lead.signature), ":::", ""]
    for a in doc.articles:
        out += _article(a, words)
    if doc.unplaced:
        out += [f"## {words.leftovers}", ""]
        for u in doc.unplaced:
            out += [escape(u), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render(doc: Document, style: Style, opts: RenderOptions) -> bytes:
    return to_markdown(doc, opts.variant).encode("utf-8")
