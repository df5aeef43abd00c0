"""Many read pages into one book model: parts, source lines, duplicates out, the author index.

Every input's text goes into the book once: its lead note into its part, its articles (each
with the source line of its page), its leftovers. An article, a lead note or a leftover the
book already holds (dedup.py) is left out and said in the build summary. The accounting is
checked at the end, input by input: every Han character, digit and Latin letter of an input is
in the book, or in the duplicate it was left out for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import metadata
from ..errors import PipelineError
from ..model import Article, Document, Lead, Part, Provenance, article_text
from ..text import accountable
from . import dedup
from .authors import author_index, is_collective
from .manifest import PartSpec, printed_date


@dataclass
class PageIn:
    """One input as read, and where it stands: its part (0-based), its name in messages (the
    path as given; unique in a book: the same file twice is named by its place the second time)."""

    name: str
    part: int
    doc: Document
    source: Provenance


@dataclass
class Assembly:
    doc: Document
    notes: list[str] = field(default_factory=list)  # one line each, for the build summary
    duplicates: int = 0


def provenance(doc: Document, given: dict[str, str], sidecar: dict[str, str], front: dict[str, str]) -> Provenance:
    """Where a page was printed: the manifest's fields, else what the page carries (its date
    line, its page number, the paper and column its lead note names: 湖南日报《理论·智库》;
    a sidecar's or the input's date)."""
    date = given.get("date") or printed_date(sidecar.get("date", "") or front.get("date", "")) or ""
    paper, column = metadata.paper_column(doc)
    return Provenance(
        paper=given.get("paper") or paper,
        date=date or metadata.page_date(doc),
        page=given.get("page") or metadata.page_number(doc),
        column=given.get("column") or column,
    )


def part_heading(spec: PartSpec, sources: list[Provenance]) -> str:
    """The manifest's heading, else what the source lines of the part's pages have in common
    (人民日报《理论》 2026年4月14日), else none: the part is then known by its number."""
    if spec.heading or not sources:
        return spec.heading

    def common(key: str) -> str:
        values = {getattr(s, key) for s in sources}
        return values.pop() if len(values) == 1 else ""

    paper, column, date = common("paper"), common("column"), common("date")
    name = paper + (f"《{column}》" if column else "")
    return " ".join(x for x in (name, date) if x)


def _count(texts) -> int:
    return sum(1 for t in texts for c in t if accountable(c))


def _lead_chars(lead: Lead) -> int:
    return _count([lead.heading, *lead.paragraphs, lead.signature])


def _article_chars(a: Article) -> int:
    return _count(t for _, t in article_text(a))


@dataclass
class _Repeat:
    """One thing an input held that the book already had: what, and where it was taken from."""

    what: str  # "lead" | "article" | "leftover"
    title: str
    where: str
    score: float


class _Builder:
    """The book as it grows, and for each input what went in and what was left out."""

    def __init__(self) -> None:
        self.articles: dedup.Seen[tuple[str, str]] = dedup.Seen()
        self.leads: dedup.Seen[str] = dedup.Seen()
        self.leftovers: dict[str, list[str]] = {}  # a leftover's letters -> the inputs it is in
        self.kept: dict[str, int] = {}  # input -> characters in the book
        self.dropped: dict[str, int] = {}  # input -> characters of what it duplicated
        self.notes: list[str] = []
        self.duplicates = 0  # articles left out as duplicates

    def _count_in(self, into: dict[str, int], name: str, chars: int) -> None:
        into[name] = into.get(name, 0) + chars

    def page(self, page: PageIn, part: Part) -> None:
        doc, name = page.doc, page.name
        self.kept.setdefault(name, 0)
        repeats: list[_Repeat] = []
        if doc.lead:
            fp = dedup.lead_print(doc.lead)
            if hit := self.leads.match(fp):
                self._count_in(self.dropped, name, _lead_chars(doc.lead))
                repeats.append(_Repeat("lead", "", hit[0], hit[1]))
            else:
                self.leads.add(fp, name)
                part.leads.append(Lead(doc.lead.heading, list(doc.lead.paragraphs), page.source, doc.lead.signature))
                self._count_in(self.kept, name, _lead_chars(doc.lead))
        for a in doc.articles:
            if hit := self.article(page, a, part):
                repeats.append(hit)
        # A leftover line (page furniture, mostly) is left out only as part of a page that
        # repeats another: two pages of one paper both print 第9版, and each keeps it.
        repeated = {r.where for r in repeats}
        for u in doc.unplaced:
            key = "".join(c for c in u if accountable(c)) or u.strip()
            holders = self.leftovers.setdefault(key, [])
            if where := next((h for h in holders if h in repeated), None):
                self._count_in(self.dropped, name, _count([u]))
                repeats.append(_Repeat("leftover", u.strip(), where, 1.0))
            else:
                holders.append(name)
                part.unplaced.append(u)
                self._count_in(self.kept, name, _count([u]))
        self.notes += _repeat_notes(name, repeats, doc)

    def article(self, page: PageIn, a: Article, part: Part) -> _Repeat | None:
        """Add the article unless the book has it already; then say which one it repeats."""
        fp = dedup.article_print(a)
        if hit := self.articles.match(fp):
            (where, first_title), score = hit
            self._count_in(self.dropped, page.name, _article_chars(a))
            self.duplicates += 1
            return _Repeat("article", first_title, where, score)
        self.articles.add(fp, (page.name, _one_line(a.title)))
        part.articles.append(
            Article(a.title, list(a.authors), a.bio, list(a.blocks), a.placement, a.byline, page.source, a.authors_from)
        )
        self._count_in(self.kept, page.name, _article_chars(a))
        return None


def _one_line(title: str) -> str:
    return " ".join(t.strip() for t in title.split("\n") if t.strip()) or "(untitled)"


def _repeat_notes(name: str, repeats: list[_Repeat], doc: Document) -> list[str]:
    """The summary's lines about what an input repeated: one line when the whole input is
    another one again (a page given or scanned twice), else one per article, lead note, and
    one for the leftover lines."""
    if not repeats:
        return []
    whole = len(repeats) == len(doc.articles) + (1 if doc.lead else 0) + len(doc.unplaced)
    wheres = {r.where for r in repeats}
    n_art = sum(r.what == "article" for r in repeats)
    if whole and len(wheres) == 1:
        low = min(r.score for r in repeats)
        how = "identical" if low >= 1.0 else f"similarity {low:.2f} or more"
        return [f"duplicate: {name} repeats {wheres.pop()} ({n_art} articles, {how}): left out"]
    out = []
    for r in repeats:
        if r.what == "article":
            out.append(
                f"duplicate: {name}: 《{r.title}》 again, as in {r.where} (similarity {r.score:.2f}): printed once"
            )
        elif r.what == "lead":
            out.append(
                f"duplicate: {name}: its lead note is the one in {r.where} (similarity {r.score:.2f}): printed once"
            )
    left = [r for r in repeats if r.what == "leftover"]
    if left:
        out.append(f"{name}: {len(left)} leftover line{'s' if len(left) > 1 else ''} already in the book: printed once")
    return out


def assemble(specs: list[PartSpec], pages: list[PageIn], with_index: bool = True) -> Assembly:
    """The book model from the pages read, part by part in the manifest's order."""
    b = _Builder()
    parts: list[Part] = []
    for i, spec in enumerate(specs):
        mine = [p for p in pages if p.part == i]
        part = Part(part_heading(spec, [p.source for p in mine]))
        for page in mine:
            b.page(page, part)
        if part.leads or part.articles or part.unplaced:
            parts.append(part)
        elif mine:
            b.notes.append(f"part {i + 1} holds nothing the book has not already: left out")
    if not parts:
        raise PipelineError("the book has no text: every input was skipped or repeats another")
    doc = Document(lead=None, articles=[], parts=parts)
    if with_index:
        names = [a.authors for a in doc.all_articles()]
        doc.index = author_index(names, {n for ns in names for n in ns if is_collective(n)})
    _account(doc, pages, b)
    return Assembly(doc, b.notes, b.duplicates)


def _account(doc: Document, pages: list[PageIn], b: _Builder) -> None:
    """Every input's characters are in the book or in what they duplicated; the book holds
    exactly the inputs' characters that were kept. A mismatch is a bug, never silent."""
    chars_in = 0
    rows = []
    for p in pages:
        n = _count(t for _, t in p.doc.iter_text())
        chars_in += n
        kept, dropped = b.kept.get(p.name, 0), b.dropped.get(p.name, 0)
        if kept + dropped != n:
            raise PipelineError(f"{p.name}: {n} characters read but {kept} in the book and {dropped} duplicate (a bug)")
        rows.append({"input": p.name, "chars": n, "in_book": kept, "duplicate": dropped})
    in_book = _count(t for role, t in doc.iter_text() if role != "part")
    if in_book != sum(b.kept.values()):
        raise PipelineError(
            f"the book holds {in_book} characters of its inputs, expected {sum(b.kept.values())} (a bug)"
        )
    doc.stats = {
        "chars_in": chars_in,
        "chars_out": in_book,
        "chars_duplicate": sum(b.dropped.values()),
        "inputs": rows,
        "duplicates": b.duplicates,
    }
