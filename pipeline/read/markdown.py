"""Markdown reader: our dialect (docs/markdown.md) back into the document model.

The inverse of pipeline/render/markdown.py, so an editor can correct the `--to md` output by
hand and build every edition from it. It reads only the dialect, line by line, and refuses
anything else with the line number: a Markdown construct the dialect does not have (a list,
a fourth-level heading, a second lead) is far more likely an editing slip than intent, and a
silent guess would put text in the wrong place. Backslash escapes written by the writer are
undone, so text is data in both directions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..markdown_dialect import AUTHOR_PREFIX, NO_TITLE, UNPLACED_HEADING
from ..metadata import FIELDS
from ..model import Article, Block, Document, Lead, Metadata
from ..text import accountable
from .decode import decode, read_file

FRONT_KEYS = (*FIELDS, "language")
# The writer escapes ASCII punctuation (CommonMark's escapable set); a digit after a
# backslash is an escape too, for files written when the writer escaped "1." as "\1.".
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~0-9])")
_LIST = re.compile(r"^([-+*]|\d+[.)])(\s|$)")
_FENCE = re.compile(r"^(```|~~~)")


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def _join(parts: list[str]) -> str:
    """Continuation lines of one paragraph: no separator between CJK, a space between Latin words."""
    out = ""
    for p in parts:
        if out and p and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalpha():
            out += " "
        out += p
    return out


@dataclass
class _Section:
    kind: str  # "lead" | "article" | "unplaced"
    line: int
    heading: str = ""
    title_lines: list[str] = field(default_factory=list)
    authors: list[str] | None = None
    bio: str | None = None
    blocks: list[Block] = field(default_factory=list)


class _Parser:
    def __init__(self, text: str, name: str):
        self.name = name
        self.lines = text.split("\n")
        self.meta = Metadata()
        self.sections: list[_Section] = []

    def fail(self, no: int, msg: str) -> InputError:
        return InputError(f"{self.name}: line {no}: {msg}")

    # --- front matter ------------------------------------------------------------------
    def front_matter(self) -> int:
        """Parse the front matter if present; returns the index of the first body line."""
        i = 0
        while i < len(self.lines) and not self.lines[i].strip():
            i += 1
        if i >= len(self.lines) or self.lines[i].strip() != "---":
            return i
        start = i
        i += 1
        seen: set[str] = set()
        while i < len(self.lines):
            raw = self.lines[i].strip()
            if raw == "---":
                return i + 1
            if raw and not raw.startswith("#"):
                key, sep, value = raw.partition(":")
                key = key.strip()
                if not sep or not key:
                    raise self.fail(i + 1, f"front matter line {raw[:30]!r} is not 'key: value'")
                if key not in FRONT_KEYS:
                    raise self.fail(
                        i + 1, f"unknown front matter key {key!r} (expected one of: {', '.join(FRONT_KEYS)})"
                    )
                if key in seen:
                    raise self.fail(i + 1, f"front matter key {key!r} given twice")
                seen.add(key)
                setattr(self.meta, key, value.strip())
            i += 1
        raise self.fail(start + 1, "front matter opened with '---' is never closed by a '---' line")

    # --- body ------------------------------------------------------------------------------
    def parse(self) -> Document:
        i = self.front_matter()
        para: list[str] = []
        para_line = 0
        quote: list[str] = []
        quote_line = 0
        cur: _Section | None = None
        prev_title = False  # the previous line was a `## ` title line (same headline)

        def flush() -> None:
            nonlocal para, quote
            if para:
                if cur is None:
                    raise self.fail(para_line, "text before the first heading; put it under '# 导读' or an '## ' title")
                self.add_block(cur, Block("paragraph", _join(para)))
                para = []
            if quote:
                self.add_bio(cur, _join(quote), quote_line)
                quote = []

        while i < len(self.lines):
            no = i + 1
            line = self.lines[i].strip()
            i += 1
            if not line:
                flush()
                prev_title = False
                continue
            if _FENCE.match(line):
                raise self.fail(no, "code fences are not part of the dialect; escape a literal ` as \\`")
            if line.startswith("#"):
                m = re.match(r"^(#+)(\s+|$)(.*)$", line)
                if not m:
                    raise self.fail(no, "'#' at a line start must be '# ', '## ' or '### ' (write a literal # as \\#)")
                level, text = len(m.group(1)), m.group(3).strip()
                if level > 3:
                    raise self.fail(no, f"'{'#' * level}' is not part of the dialect; a subheading is '### '")
                if not text:
                    raise self.fail(no, f"empty '{'#' * level}' heading")
                flush()
                if level == 1:
                    if self.sections:
                        raise self.fail(
                            no, "a second '# ' heading; the lead ('# 导读') comes once, before the articles"
                        )
                    cur = _Section("lead", no, heading=unescape(text))
                    self.sections.append(cur)
                elif level == 2:
                    if prev_title and cur is not None and cur.kind == "article":
                        cur.title_lines.append(unescape(text))
                    elif text == UNPLACED_HEADING:
                        cur = _Section("unplaced", no)
                        self.sections.append(cur)
                    else:
                        if any(s.kind == "unplaced" for s in self.sections):
                            raise self.fail(no, f"an article after '## {UNPLACED_HEADING}'; that section comes last")
                        cur = _Section("article", no, title_lines=[unescape(text)])
                        self.sections.append(cur)
                    prev_title = cur.kind == "article"
                    continue
                else:
                    if cur is None or cur.kind != "article":
                        raise self.fail(no, "a '### ' subheading outside an article (after an '## ' title)")
                    self.add_block(cur, Block("heading", unescape(text)))
                prev_title = False
                continue
            prev_title = False
            if line.startswith(">"):
                if para:
                    raise self.fail(no, "a '> ' bio line right after a paragraph line; leave a blank line before it")
                if cur is None or cur.kind != "article":
                    raise self.fail(no, "a '> ' bio outside an article (write a literal > as \\>)")
                if not quote:
                    quote_line = no
                quote.append(unescape(line[1:].strip()))
                continue
            if quote:
                raise self.fail(no, "text right after a '> ' bio line; leave a blank line between them")
            if _LIST.match(line):
                raise self.fail(
                    no, "a Markdown list item is not part of the dialect; escape its marker (\\-, \\*, \\+, 1\\.)"
                )
            if (
                not para
                and line.startswith(AUTHOR_PREFIX)
                and cur is not None
                and cur.kind == "article"
                and cur.authors is None
                and not cur.blocks
                and cur.bio is None
            ):
                rest = line[len(AUTHOR_PREFIX) :].strip()
                cur.authors = [unescape(n).strip() for n in rest.split("、") if n.strip()] if rest else []
                continue
            if not para:
                para_line = no
            para.append(unescape(line))
        flush()
        return self.document()

    def add_block(self, sec: _Section, block: Block) -> None:
        # The writer puts the bio last; text an editor adds after it is still the article's.
        sec.blocks.append(block)

    def add_bio(self, sec: _Section | None, text: str, no: int) -> None:
        assert sec is not None
        if sec.bio is not None:
            raise self.fail(no, "a second '> ' bio in the same article; an article has one bio")
        if text[:1] in "（(":
            text = text[1:]
        if text[-1:] in "）)":
            text = text[:-1]
        sec.bio = text

    def document(self) -> Document:
        lead = None
        articles: list[Article] = []
        unplaced: list[str] = []
        for s in self.sections:
            if s.kind == "lead":
                lead = Lead(s.heading, [b.text for b in s.blocks])
            elif s.kind == "unplaced":
                unplaced += [b.text for b in s.blocks]
            else:
                title = "\n".join(s.title_lines)
                articles.append(
                    Article(
                        title="" if title == NO_TITLE else title,
                        authors=s.authors or [],
                        bio=s.bio or "",
                        blocks=s.blocks,
                    )
                )
        if lead is None and not articles:
            raise InputError(f"{self.name}: no '# 导读' lead and no '## ' article title: not our Markdown dialect")
        doc = Document(lead=lead, articles=articles, meta=self.meta, unplaced=unplaced)
        n = sum(1 for c in doc.plain_text() if accountable(c))
        doc.stats.update({"source_format": "markdown", "chars_in": n, "chars_out": n})
        doc.meta.source = self.name
        return doc


def parse(text: str, name: str = "input.md") -> Document:
    """Markdown text in our dialect -> Document; InputError with the line number otherwise."""
    return _Parser(text.replace("\r\n", "\n").replace("\r", "\n"), name).parse()


def front_matter(doc: Document) -> dict[str, str]:
    """The booklet fields the file itself gave, as a metadata layer (CLI and sidecar override)."""
    return {k: getattr(doc.meta, k) for k in FIELDS if getattr(doc.meta, k)}


def read_path(path: str | Path) -> Document:
    """Errors name the path as given; the model records the file's name as its source."""
    p = Path(path)
    data = read_file(p, ".md")
    doc = parse(decode(data, str(p)).text, str(p))
    doc.meta.source = p.name
    return doc
