"""Markdown reader: our dialect (docs/markdown.md) back into the document model.

The inverse of pipeline/render/markdown.py, so an editor can correct the `--to md` output by
hand and build every edition from it. It reads only the dialect, line by line, and refuses
anything else with the line number: a Markdown construct the dialect does not have (a numbered
list, a fourth-level heading, a second lead) is far more likely an editing slip than intent, and
a silent guess would put text in the wrong place. Backslash escapes written by the writer are
undone, so text is data in both directions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..markdown_dialect import (
    AUTHOR_PREFIXES,
    BYLINE_PREFIXES,
    FENCE_TYPES,
    LEAD_FENCE_TYPES,
    LEFTOVER_HEADINGS,
    NO_TITLES,
)
from ..metadata import FIELDS
from ..model import Article, Block, Document, Lead, Metadata, misplaced_deck
from ..text import accountable, bare_bio, join_lines
from .decode import decode, read_file

FRONT_KEYS = (*FIELDS, "language")
# The writer escapes ASCII punctuation (CommonMark's escapable set); a digit after a
# backslash is an escape too, for files written when the writer escaped "1." as "\1.".
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~0-9])")
_BULLET = re.compile(r"^[-+*](\s+|$)")
_NUMBERED = re.compile(r"^\d+[.)](\s|$)")
_CODE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#+)(\s+|$)(.*)$")
_DIV = re.compile(r"^:::\s*(\S*)\s*$")


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


@dataclass
class _Section:
    kind: str  # "lead" | "article" | "leftovers"
    line: int
    heading: str = ""
    title_lines: list[str] = field(default_factory=list)
    authors: list[str] | None = None
    byline: str | None = None
    bio: str | None = None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class _Pending:
    """Lines of the block being read: one paragraph, list item, bio or block inside a ::: div."""

    kind: str = ""  # a block type, or "bio"
    lines: list[str] = field(default_factory=list)
    line: int = 0  # where it started


class _Parser:
    def __init__(self, text: str, name: str):
        self.name = name
        self.lines = text.split("\n")
        self.meta = Metadata()
        self.sections: list[_Section] = []
        self.cur: _Section | None = None
        self.pending = _Pending()
        self.div: tuple[str, int] | None = None  # (block type, line) of an open ::: div
        self.prev_title = False  # the previous line was a `## ` title line (same headline)

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
        seen: set[str] = set()
        for i in range(start + 1, len(self.lines)):
            raw = self.lines[i].strip()
            if raw == "---":
                return i + 1
            if raw and not raw.startswith("#"):
                self.front_field(i + 1, raw, seen)
        raise self.fail(start + 1, "front matter opened with '---' is never closed by a '---' line")

    def front_field(self, no: int, raw: str, seen: set[str]) -> None:
        key, sep, value = raw.partition(":")
        key = key.strip()
        if not sep or not key:
            raise self.fail(no, f"front matter line {raw[:30]!r} is not 'key: value'")
        if key not in FRONT_KEYS:
            raise self.fail(no, f"unknown front matter key {key!r} (expected one of: {', '.join(FRONT_KEYS)})")
        if key in seen:
            raise self.fail(no, f"front matter key {key!r} given twice")
        seen.add(key)
        setattr(self.meta, key, value.strip())

    # --- body ------------------------------------------------------------------------------
    def parse(self) -> Document:
        start = self.front_matter()
        for i in range(start, len(self.lines)):
            self.line(i + 1, self.lines[i].strip())
        self.flush()
        if self.div is not None:
            raise self.fail(self.div[1], f"'::: {self.div[0]}' is never closed by a ':::' line")
        return self.document()

    def line(self, no: int, line: str) -> None:
        """One line: the first rule that recognises it decides what it is."""
        if not line:
            self.flush()
            self.prev_title = False
            return
        if _CODE.match(line):
            raise self.fail(no, "code fences are not part of the dialect; escape a literal ` as \\`")
        if _DIV.match(line):
            self.div_line(no, _DIV.match(line).group(1))
        elif self.div is not None:
            self.div_text(no, line)
        elif line.startswith("#"):
            self.heading(no, line)
            return
        elif line.startswith(">"):
            self.bio_line(no, line)
        else:
            self.text_line(no, line)
        self.prev_title = False

    def flush(self) -> None:
        """The pending lines become their block (or the bio)."""
        p = self.pending
        if not p.lines:
            return
        self.pending = _Pending()
        if p.kind == "bio":
            self.add_bio(join_lines(p.lines), p.line)
            return
        if self.cur is None:
            raise self.fail(p.line, "text before the first heading; put it under '# 导读' or an '## ' title")
        if p.kind not in ("paragraph", *LEAD_FENCE_TYPES) and self.cur.kind != "article":
            raise self.fail(p.line, f"a {p.kind.replace('_', ' ')} outside an article (after an '## ' title)")
        self.cur.blocks.append(Block(p.kind, join_lines(p.lines)))  # type: ignore[arg-type]

    def pend(self, kind: str, no: int, text: str) -> None:
        if self.pending.kind != kind:
            self.flush()
            self.pending = _Pending(kind, [], no)
        self.pending.lines.append(text)

    # --- the kinds of line -------------------------------------------------------------------
    def heading(self, no: int, line: str) -> None:
        m = _HEADING.match(line)
        if not m:
            raise self.fail(no, "'#' at a line start must be '# ', '## ' or '### ' (write a literal # as \\#)")
        level, text = len(m.group(1)), m.group(3).strip()
        if level > 3:
            raise self.fail(no, f"'{'#' * level}' is not part of the dialect; a subheading is '### '")
        if not text:
            raise self.fail(no, f"empty '{'#' * level}' heading")
        self.flush()
        if level == 1:
            self.lead(no, text)
        elif level == 2:
            self.title(no, text)
        else:
            if self.cur is None or self.cur.kind != "article":
                raise self.fail(no, "a '### ' subheading outside an article (after an '## ' title)")
            self.cur.blocks.append(Block("heading", unescape(text)))
        self.prev_title = level == 2 and self.cur is not None and self.cur.kind == "article"

    def lead(self, no: int, text: str) -> None:
        if self.sections:
            raise self.fail(no, "a second '# ' heading; the lead ('# 导读') comes once, before the articles")
        self.cur = _Section("lead", no, heading=unescape(text))
        self.sections.append(self.cur)

    def title(self, no: int, text: str) -> None:
        if self.prev_title and self.cur is not None and self.cur.kind == "article":
            self.cur.title_lines.append(unescape(text))  # the next line of the same headline
            return
        if text in LEFTOVER_HEADINGS:
            self.cur = _Section("leftovers", no, heading=text)
        else:
            done = next((s for s in self.sections if s.kind == "leftovers"), None)
            if done is not None:
                raise self.fail(no, f"an article after '## {done.heading}'; that section comes last")
            self.cur = _Section("article", no, title_lines=[unescape(text)])
        self.sections.append(self.cur)

    def bio_line(self, no: int, line: str) -> None:
        if self.pending.lines and self.pending.kind != "bio":
            raise self.fail(no, "a '> ' bio line right after a paragraph line; leave a blank line before it")
        if self.cur is None or self.cur.kind != "article":
            raise self.fail(no, "a '> ' bio outside an article (write a literal > as \\>)")
        self.pend("bio", no, unescape(line[1:].strip()))

    def text_line(self, no: int, line: str) -> None:
        if self.pending.kind == "bio":
            raise self.fail(no, "text right after a '> ' bio line; leave a blank line between them")
        if _NUMBERED.match(line):
            raise self.fail(no, "a numbered list item is written '- 1\\. text' (its number is part of the text)")
        if _BULLET.match(line):
            item = _BULLET.sub("", line, count=1)
            if not item:
                raise self.fail(no, "an empty list item; write a literal - as \\-")
            self.flush()  # each '- ' line starts an item of its own
            self.pend("list_item", no, unescape(item))
            return
        if self.author_line(line) or self.byline_line(line):
            return
        kind = self.pending.kind if self.pending.kind == "list_item" else "paragraph"
        self.pend(kind, no, unescape(line))

    def author_line(self, line: str) -> bool:
        """`作者：` right after the title (and its decks) names the authors."""
        cur = self.cur
        if (
            self.pending.lines
            or not line.startswith(tuple(AUTHOR_PREFIXES))
            or cur is None
            or cur.kind != "article"
            or cur.authors is not None
            or cur.bio is not None
            or any(b.type != "deck" for b in cur.blocks)
        ):
            return False
        rest = line.split("：", 1)[1].strip()
        cur.authors = [unescape(n).strip() for n in rest.split("、") if n.strip()] if rest else []
        return True

    def byline_line(self, line: str) -> bool:
        """`署名：` right after the `作者：` line: the byline as the page printed it."""
        cur = self.cur
        if self.pending.lines or not line.startswith(tuple(BYLINE_PREFIXES)) or cur is None:
            return False
        if cur.kind != "article" or cur.authors is None or cur.byline is not None or cur.bio is not None:
            return False
        if any(b.type != "deck" for b in cur.blocks):
            return False
        cur.byline = unescape(line.split("：", 1)[1].strip())
        return True

    def div_line(self, no: int, kind: str) -> None:
        """`::: note` opens a block of that type; `:::` closes it."""
        self.flush()
        if self.div is not None:
            if kind:
                raise self.fail(no, f"'::: {kind}' inside '::: {self.div[0]}'; close it with ':::' first")
            self.div = None
            return
        if kind in LEAD_FENCE_TYPES:
            if self.cur is None or self.cur.kind != "lead":
                raise self.fail(no, f"a '::: {kind}' outside the lead (after '# 导读'); only the lead is signed")
            self.div = (kind, no)
            return
        if kind not in FENCE_TYPES:
            what = f"'::: {kind}' is not a block of the dialect" if kind else "':::' closes nothing"
            kinds = (*FENCE_TYPES, *LEAD_FENCE_TYPES)
            raise self.fail(no, f"{what}; the dialect has ::: {', ::: '.join(kinds)}")
        if self.cur is None or self.cur.kind != "article":
            raise self.fail(no, f"a '::: {kind}' outside an article (after an '## ' title)")
        self.div = (kind, no)

    def div_text(self, no: int, line: str) -> None:
        kind = self.div[0] if self.div else "paragraph"
        if line.startswith(("#", ">")) or _BULLET.match(line):
            raise self.fail(no, f"inside '::: {kind}' only text; close the block with ':::' first")
        self.pend(kind, no, unescape(line))

    def add_bio(self, text: str, no: int) -> None:
        sec = self.cur
        assert sec is not None
        if sec.bio is not None:
            raise self.fail(no, "a second '> ' bio in the same article; an article has one bio")
        sec.bio = bare_bio(text)

    def document(self) -> Document:
        lead = None
        articles: list[Article] = []
        unplaced: list[str] = []
        for s in self.sections:
            if s.kind == "lead":
                text = [b.text for b in s.blocks if b.type not in LEAD_FENCE_TYPES]
                signed = "".join(b.text for b in s.blocks if b.type in LEAD_FENCE_TYPES)
                lead = Lead(s.heading, text, signature=signed)
            elif s.kind == "leftovers":
                unplaced += [b.text for b in s.blocks]
            else:
                articles.append(self.article(s))
        if lead is None and not articles:
            raise InputError(f"{self.name}: no '# 导读' lead and no '## ' article title: not our Markdown dialect")
        doc = Document(lead=lead, articles=articles, meta=self.meta, unplaced=unplaced)
        n = sum(1 for c in doc.plain_text() if accountable(c))
        doc.stats.update({"source_format": "markdown", "chars_in": n, "chars_out": n})
        doc.meta.source = self.name
        return doc

    def article(self, s: _Section) -> Article:
        k = misplaced_deck(s.blocks)
        if k is not None:
            raise self.fail(s.line, "a '::: deck' after the article's text; decks go right under the '## ' title")
        title = "\n".join(s.title_lines)
        return Article(
            title="" if title in NO_TITLES else title,
            authors=s.authors or [],
            bio=s.bio or "",
            blocks=s.blocks,
            byline=s.byline or "",
        )


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
