"""Reading-order diagnostic for the geometric reader: its lines against the page's geometric truth.

The bench renders every page with `truth.json`: the box, role, article and gold block of every
printed line, in reading order. The layout (pipeline/read/layout.py) gives the engine's lines in
its reading order; here each of its lines is matched to the printed lines it covers, and we count

- *merged*: lines that cover printed lines of two columns (a line run across a gutter, unsplit);
- *breaks*: neighbours in the layout's order that are not neighbours in the truth's order
  (each is a jump: a column read out of turn, a headline or byline read elsewhere).

    python -m evaluation.order --split tune --route tesseract          # one row per page
    python -m evaluation.order --page Ti000 --route tesseract --details  # every break, with text

Tune on TUNE pages only: this prints what it is asked for.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import ocr
from .corpus import SPLITS
from .geometry import ROUTES, page_source


@dataclass
class Truth:
    text: str
    box: tuple[float, float, float, float]
    role: str
    article: int
    column: int
    index: int


@dataclass
class OrderScore:
    page: str
    lines: int = 0
    matched: int = 0
    merged: list[str] = field(default_factory=list)
    breaks: list[str] = field(default_factory=list)


def load_truth(folder: Path) -> list[Truth]:
    d = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return [
        Truth(t["text"], tuple(t["box"]), t["role"], t["article"], t["column"], k) for k, t in enumerate(d["lines"])
    ]


def _covers(box, t: Truth) -> float:
    """Share of the printed line's width that the box covers, if they stand on one row."""
    h = min(box[3], t.box[3]) - max(box[1], t.box[1])
    if h < 0.5 * min(box[3] - box[1], t.box[3] - t.box[1]):
        return 0.0
    w = min(box[2], t.box[2]) - max(box[0], t.box[0])
    return max(0.0, w) / max(1.0, t.box[2] - t.box[0])


def _label(t: Truth) -> str:
    return f"{t.role[:4]} a{t.article} c{t.column} '{t.text[:14]}'"


def score_order(placed, truth: list[Truth], page: str) -> OrderScore:
    sc = OrderScore(page, lines=len(placed))
    primary: list[Truth | None] = []
    for p in placed:
        cov = [(_covers(p.line.box, t), t) for t in truth]
        hits = [t for c, t in cov if c >= 0.3]
        cols = {(t.article, t.column) for t in hits if t.role == "body"}
        if len(cols) >= 2:
            sc.merged.append(f"'{p.line.text[:30]}' over " + ", ".join(_label(t) for t in hits))
        best = max(cov, key=lambda ct: ct[0], default=(0.0, None))
        primary.append(best[1] if best[0] > 0 else None)
    used = sorted({t.index for t in primary if t is not None})
    rank = {k: r for r, k in enumerate(used)}
    sc.matched = sum(1 for t in primary if t is not None)
    prev = None
    for p, t in zip(placed, primary, strict=True):
        if t is None:
            continue
        if prev is not None and rank[t.index] not in (rank[prev.index], rank[prev.index] + 1):
            sc.breaks.append(f"{_label(prev)} -> {_label(t)}   [{p.line.text[:16]}]")
        prev = t
    return sc


def run(page_ids: list[str] | None, split: str, route: str, seed: int, details: bool) -> None:
    from pipeline.read.layout import layout

    splits = list(SPLITS) if split == "all" else [split]
    total = OrderScore("all")
    for sp in splits:
        for page in ocr.image_pages(sp, seed):
            if page_ids and page.id not in page_ids:
                continue
            folder = ocr.page_dir(page, seed)
            src = page_source(folder, route)
            if src is None or not (folder / "truth.json").exists():
                continue
            placed, _ = layout(src.lines)
            sc = score_order(placed, load_truth(folder), page.id)
            print(f"{page.id} {route}: {sc.lines} lines, {len(sc.merged)} merged, {len(sc.breaks)} breaks")
            if details:
                for m in sc.merged:
                    print("    merged", m)
                for b in sc.breaks:
                    print("    break ", b)
            total.lines += sc.lines
            total.merged += sc.merged
            total.breaks += sc.breaks
    print(f"total {route}: {total.lines} lines, {len(total.merged)} merged, {len(total.breaks)} breaks")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m evaluation.order", description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="tune")
    ap.add_argument("--route", choices=ROUTES, default="tesseract")
    ap.add_argument("--page", action="append", help="page id (repeatable)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    run(args.page, args.split, args.route, args.seed, args.details)


if __name__ == "__main__":
    main()
