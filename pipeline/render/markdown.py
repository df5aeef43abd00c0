"""Markdown writer: a readable rendering an editor can correct by hand.

The dialect (docs/markdown.md): a front matter of booklet metadata; `# 导读` and its
paragraphs; per article `## ` title lines (one per headline line), an `作者：` line, `### `
subheadings, paragraphs separated by blank lines, and the bio as a `> ` quote. Text is
data: Markdown's active characters are backslash-escaped so no input text becomes markup.
"""

from __future__ import annotations

import re

from ..markdown_dialect import AUTHOR_PREFIX, NO_TITLE, UNPLACED_HEADING
from ..model import Document
from ..style import Style
from .shared import RenderOptions

_ACTIVE = re.compile(r"([\\`*_\[\]<>#&|~])")
_LINE_START = re.compile(r"^(\s*)([-+=>])")
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


def to_markdown(doc: Document) -> str:
    out = _front(doc)
    if doc.lead:
        out += [f"# {escape(doc.lead.heading or '导读')}", ""]
        for p in doc.lead.paragraphs:
            out += [escape(p), ""]
    for a in doc.articles:
        title_lines = [t for t in a.title.split("\n") if t] or [NO_TITLE]
        out += [f"## {escape(t)}" for t in title_lines] + [""]
        first = a.blocks[0].text if a.blocks else ""
        if a.authors or first.startswith(AUTHOR_PREFIX):
            # An empty 作者： line keeps a first paragraph that starts with 作者： a paragraph.
            out += [AUTHOR_PREFIX + "、".join(escape(n) for n in a.authors), ""]
        for b in a.blocks:
            out += [f"### {escape(b.text)}" if b.type == "heading" else escape(b.text), ""]
        if a.bio:
            out += [f"> （{escape(a.bio)}）", ""]
    if doc.unplaced:
        out += [f"## {UNPLACED_HEADING}", ""]
        for u in doc.unplaced:
            out += [escape(u), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render(doc: Document, style: Style, opts: RenderOptions) -> bytes:
    return to_markdown(doc).encode("utf-8")
