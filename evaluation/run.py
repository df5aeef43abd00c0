"""Run the bench: read every page with the current reader, score it, print one table per engine x shape.

    python -m evaluation.run                      # everything: degraded text + OCR (OCRs what is not cached)
    python -m evaluation.run --quick --split tune --engine text   # the tuning loop: seconds, details of failures
    python -m evaluation.run --quick --details --page Tp003       # one page, every failure

    python -m evaluation.run --quick --engine image           # the geometric reader (issue 15): page images
                                                              # via RapidOCR / Tesseract, and Tesseract's hOCR, ALTO

--quick never renders or OCRs: it uses degraded-text pages and whatever OCR text is cached.
TUNE and HELD-OUT are always reported apart; tune on TUNE only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.model import Document

from .corpus import HABIT_SEEDS, ROOT, SPLITS, Page, pages
from .degrade import degrade, paragraphs
from .score import PageScore, Summary, score_page

TEXT_PAGES = 40  # degraded-text pages per split (and as many kept in paragraphs)
TEXT_SHAPES = ("degraded", "paragraphs")
SEED = 0


@dataclass
class Case:
    """One input the reader is given: a page as one engine and shape wrote it."""

    page: Page
    engine: str  # text | tesseract | rapidocr | image | epaper (the geometric reader)
    shape: str  # text: degraded | paragraphs; OCR: lines | single | engine; image: rapidocr | tesseract | hocr | alto; epaper: pdf
    text: str
    gold: Document | None = None  # defaults to the page's gold
    source: Any = None  # image: the page's boxed lines (pipeline.read.sources.PageSource)

    @property
    def name(self) -> str:
        return f"{self.page.id}.{self.engine}.{self.shape}"


def read(text: str, name: str) -> tuple[Document | None, str]:
    """The reader as users call it, forced so an accounting failure is scored, not raised."""
    from pipeline.read.ocr import read_bytes

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return read_bytes(text.encode("utf-8"), name, force=True).doc, ""
    except Exception as e:  # the bench scores a crash as a failed page and goes on
        return None, f"{type(e).__name__}: {e}"


def read_geometric(src, name: str) -> tuple[Document | None, str, str | None]:
    """The model, an error, and the page's text in the reader's own reading order (the
    source that unplaced text must keep the order of: geometry has no other)."""
    from pipeline.read.geometric import read_page

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = read_page(src, name, force=True)
            return r.doc, "", r.source
    except Exception as e:
        return None, f"{type(e).__name__}: {e}", None


def score_case(c: Case, dump: Path | None = None) -> PageScore:
    ordered = None
    if c.source is not None:
        doc, err, ordered = read_geometric(c.source, c.name)
    else:
        doc, err = read(c.text, c.name)
    gold = c.gold or c.page.gold
    if dump:
        dump.mkdir(parents=True, exist_ok=True)
        (dump / f"{c.name}.txt").write_text(c.text, encoding="utf-8")
        (dump / f"{c.page.id}.gold.json").write_text(gold.to_json(), encoding="utf-8")
        (dump / f"{c.name}.got.json").write_text(doc.to_json() if doc else json.dumps({"error": err}), encoding="utf-8")
    return score_page(gold, doc, ordered or c.text, c.page.furniture, page=c.page.id, split=c.page.split, error=err)


# Failure classes for the tally under --details: the first pattern a detail line matches.
KINDS = [
    ("reader crashed", "reader failed"),
    ("article merged", ": merged"),
    ("article split", ": split"),
    ("article missing/partial", ": missing"),
    ("article missing/partial", ": partial"),
    ("title wrong", ": title "),
    ("authors wrong", ": authors "),
    ("bio wrong", ": bio "),
    ("lead wrong", "lead:"),
    ("paragraph break missed", "missed paragraph break"),
    ("paragraph break extra", "extra paragraph break"),
    ("Han lost", "Han characters in no article"),
    ("unplaced out of order", "out of source order"),
]


def kind_of(detail: str) -> str:
    return next((k for k, pat in KINDS if pat in detail), "other")


def text_cases(splits: list[str], count: int, seed: int, shapes: tuple[str, ...] = TEXT_SHAPES) -> Iterator[Case]:
    for split in splits:
        for p in pages(split, count, seed):
            if "degraded" in shapes:
                text, _ = degrade(p, seed)
                yield Case(p, "text", "degraded", text)
            if "paragraphs" in shapes:
                yield Case(p, "text", "paragraphs", paragraphs(p, seed))


def habit_cases(splits: list[str], count: int) -> Iterator[Case]:
    """Degraded text of pages that also keep other papers' habits (drawn from HABIT_SEEDS on)."""
    for c in text_cases(splits, count, HABIT_SEEDS, ("degraded",)):
        yield Case(c.page, "text", "habits", c.text)


def ocr_cases(splits: list[str], engines: list[str], quick: bool, seed: int) -> Iterator[Case]:
    try:
        from . import ocr
    except ImportError as e:  # the OCR half is optional: without it the text pages still run
        print(f"note: no OCR pages ({e})", file=sys.stderr)
        return
    yield from ocr.cases(splits, engines, cached_only=quick, seed=seed)


COLUMNS = [
    "pages",
    "articles",
    "found",
    "pages ok",
    "titles",
    "authors",
    "authors read",
    "bios",
    "lead",
    "para P/R",
    "para F1",
    "worst F1",
    "OCR lost Han",
    "Han lost",
    "unplaced Han",
    "in order",
    "errors",
]


def table(title: str, rows: dict[str, Summary]) -> list[str]:
    cols = ["split", *COLUMNS]
    body = [[name, *[s.as_row()[c] for c in COLUMNS]] for name, s in rows.items()]
    out = [f"### {title}", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(r) + " |" for r in body]
    return [*out, ""]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.run", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="no rendering or OCR: degraded text and cached OCR only")
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    ap.add_argument(
        "--engine", choices=["text", "tesseract", "rapidocr", "ocr", "pdftotext", "image", "all"], default="all"
    )
    ap.add_argument(
        "--shape",
        choices=[
            *("degraded", "paragraphs", "habits", "lines", "single", "engine", "layout"),
            *("rapidocr", "tesseract", "hocr", "alto", "pdf", "all"),
        ],
        default="all",
    )
    ap.add_argument("--pages", type=int, default=TEXT_PAGES, help="degraded-text pages per split")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--page", help="only this page id (e.g. Tp003)")
    ap.add_argument("--details", action="store_true", help="print every failure: page, article, got vs want")
    ap.add_argument("--markdown", type=Path, help="also write the tables here (make eval: docs/EVAL.md)")
    ap.add_argument("--dump", type=Path, help="write each input, its gold and the reader's model (JSON) here")
    args = ap.parse_args(argv)
    splits = list(SPLITS) if args.split == "all" else [args.split]
    engines = {"all": ["text", "tesseract", "rapidocr", "pdftotext", "image"], "ocr": ["tesseract", "rapidocr"]}.get(
        args.engine, [args.engine]
    )
    t0 = time.time()
    cases: list[Case] = []
    if "text" in engines:
        cases += text_cases(splits, args.pages, args.seed)
        if args.seed < HABIT_SEEDS and args.shape in ("all", "habits"):
            cases += habit_cases(splits, args.pages)
    ocr_engines = [e for e in engines if e in ("tesseract", "rapidocr", "pdftotext")]
    if ocr_engines:
        cases += ocr_cases(splits, ocr_engines, args.quick, args.seed)
    if "image" in engines:
        from . import geometry

        cases += geometry.cases(splits, list(geometry.ROUTES), args.quick, args.seed)
    cases = [c for c in cases if (args.shape in ("all", c.shape)) and (not args.page or c.page.id == args.page)]
    groups: dict[tuple[str, str], dict[str, Summary]] = {}
    tally: dict[tuple[str, str], Counter] = {}
    for c in cases:
        s = score_case(c, args.dump)
        groups.setdefault((c.engine, c.shape), {sp: Summary() for sp in splits})[c.page.split].add(s)
        tally.setdefault((c.engine, c.shape), Counter()).update(kind_of(d) for d in s.details)
        if args.details and s.details:
            print(f"--- {c.name} ({c.page.split}; {', '.join(c.page.article_ids)})")
            for d in s.details:
                print("   ", d)
    lines = []
    for (engine, shape), rows in groups.items():
        lines += table(f"{engine} · {shape}", rows)
        if args.details:
            print(
                f"failures, {engine} · {shape}: "
                + ", ".join(f"{k} {n}" for k, n in tally[(engine, shape)].most_common())
            )
    print("\n".join(lines))
    print(f"{len(cases)} pages scored in {time.time() - t0:.1f} s", file=sys.stderr)
    if args.markdown:
        write_markdown(args.markdown, lines, args)
    return 0


def write_markdown(path: Path, lines: list[str], args) -> None:
    from .report import markdown

    path.write_text(markdown(lines, args), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
