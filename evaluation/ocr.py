"""OCR pages: render each image page once, read it with each engine once, write its text in three shapes.

Everything lives under .cache/eval/<version>-s<seed>/<page id>/ (git-ignored): page.png, truth.json
(geometry of every printed line), gold.json, the engines' raw output (tesseract.hocr, .alto.xml,
.tsv, .txt; rapidocr.json) and the text shapes the bench feeds the reader:

- `lines`:  the engine's lines in reading order (Tesseract's own; for RapidOCR, which has no layout
  analysis, a recursive XY cut over its boxes), one a line with blank lines between: the sample's shape;
- `single`: the same lines with single newlines;
- `engine`: the engine's own text (Tesseract's plain text with its own paragraphing; RapidOCR's
  lines in its detection order).

No engine reads the `pdftotext` route: the page's truth is set into an e-paper PDF and its text
taken out with `pdftotext -layout`, columns side by side (`epaper.py`), shape `layout`.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path

from pipeline.model import Document
from pipeline.read import engines

from .corpus import ROOT, Page, pages

CACHE = ROOT / ".cache" / "eval"
RENDER_VERSION = "r5"  # bump when page images change, so stale OCR is not scored
IMAGE_PAGES = 8  # per split
SHAPES = ("lines", "single", "engine")


def page_dir(page: Page, seed: int) -> Path:
    return CACHE / f"{RENDER_VERSION}-s{seed}" / page.id


def image_pages(split: str, seed: int, count: int = IMAGE_PAGES) -> list[Page]:
    """Pages for page images: two articles each (one band per article), moderate for OCR."""
    return pages(split, count, seed, sizes=(2, 2), kind="i")


def _gap(intervals: list[tuple[float, float]]) -> tuple[float, float]:
    """The widest empty stretch between intervals: (its size, its middle)."""
    best = (0.0, 0.0)
    ivs = sorted(intervals)
    hi = ivs[0][1]
    for lo, h in ivs[1:]:
        if lo > hi and lo - hi > best[0]:
            best = (lo - hi, (lo + hi) / 2)
        hi = max(hi, h)
    return best


def reading_order(boxes: list[tuple[int, int, int, int]]) -> list[int]:
    """Indices of boxes in reading order: cut at the widest white gap (columns or bands), recursively.

    Boxes are narrowed a little before gaps are sought: an engine's box round a line ending in a
    mark may reach into the gutter, and one such box must not weld two columns together."""
    if not boxes:
        return []
    height = statistics.median(b[3] - b[1] for b in boxes)
    min_gap = 0.3 * height
    trim = 0.3 * height
    xs = [(b[0] + trim, max(b[0] + trim, b[2] - trim)) for b in boxes]

    def cut(idx: list[int]) -> list[int]:
        if len(idx) <= 1:
            return idx
        gx = _gap([xs[i] for i in idx])
        gy = _gap([(boxes[i][1], boxes[i][3]) for i in idx])
        if max(gx[0], gy[0]) < min_gap:
            return sorted(idx, key=lambda i: (boxes[i][1], boxes[i][0]))
        # A white band wider than a line across the whole region separates sections (furniture,
        # bands, a headline over its columns); otherwise the widest gap, usually a gutter.
        if gx[0] >= gy[0] and gy[0] < 3 * min_gap:
            first = [i for i in idx if xs[i][1] < gx[1]]
        else:
            first = [i for i in idx if boxes[i][3] < gy[1]]
        rest = [i for i in idx if i not in set(first)]
        return cut(first) + cut(rest)

    return cut(list(range(len(boxes))))


def shapes(res: engines.OcrResult) -> dict[str, str]:
    """Tesseract's lines keep its own reading order (its layout analysis finds the columns);
    RapidOCR has none, so its lines are put in column order as a layout tool round it would."""
    if res.raw.get("tsv"):
        lines = [ln for ln in engines.tesseract_lines(res.raw["tsv"]) if ln.text.strip()]
        order = [ln.text.strip() for ln in lines]
    else:
        lines = [ln for ln in res.lines if ln.text.strip()]
        order = [lines[i].text.strip() for i in reading_order([ln.box for ln in lines])]
    return {
        "lines": "\n\n".join(order) + "\n",
        "single": "\n".join(order) + "\n",
        "engine": res.text if res.text.endswith("\n") else res.text + "\n",
    }


def _write_raw(folder: Path, res: engines.OcrResult) -> None:
    if res.engine == "tesseract":
        for name, ext in (("hocr", "hocr"), ("alto", "alto.xml"), ("tsv", "tsv")):
            (folder / f"tesseract.{ext}").write_text(res.raw.get(name, ""), encoding="utf-8")
        (folder / "tesseract.txt").write_text(res.text, encoding="utf-8")
    else:
        (folder / "rapidocr.json").write_text(res.raw.get("json", "[]"), encoding="utf-8")


def prepare(page: Page, engine: str, seed: int) -> dict[str, str]:
    """Render (if needed), OCR (if needed) and write the shapes of one page for one engine."""
    from .render import save

    folder = page_dir(page, seed)
    if not (folder / "page.png").exists():
        save(page, folder, seed)
    res = engines.ocr(folder / "page.png", engine)
    _write_raw(folder, res)
    (folder / f"{engine}.result.json").write_text(res.to_json(), encoding="utf-8")
    return cached(page, engine, seed) or {}


def cached(page: Page, engine: str, seed: int) -> dict[str, str] | None:
    """The shapes of a page already OCR'd, derived afresh from the engine's stored result."""
    folder = page_dir(page, seed)
    f = folder / f"{engine}.result.json"
    if not f.exists():
        return None
    out = shapes(engines.OcrResult.from_json(f.read_text(encoding="utf-8")))
    for shape, text in out.items():
        (folder / f"{engine}.{shape}.txt").write_text(text, encoding="utf-8")
    return out


def cases(splits: list[str], engine_names: list[str], cached_only: bool, seed: int) -> Iterator:
    """Bench cases for OCR pages; with cached_only, pages not yet OCR'd are skipped (and counted)."""
    from .run import Case

    missing = 0
    niced = False
    runnable = {e for e in engine_names if e == "pdftotext" or cached_only or engines.available(e)}
    for e in sorted(set(engine_names) - runnable):
        print(f"note: {e} is not installed: only its cached pages are scored", file=sys.stderr)
    for split in splits:
        for page in image_pages(split, seed):
            if "pdftotext" in engine_names:
                text = _epaper(page, seed, cached_only)
                if text is None:
                    missing += 1  # (no page rendered yet under --quick, or no pdftotext installed)
                else:
                    yield Case(page, "pdftotext", "layout", text)
            for engine in [e for e in engine_names if e != "pdftotext"]:
                texts = cached(page, engine, seed)
                if texts is None and engine in runnable and not cached_only:
                    if not niced:  # OCR is heavy and the machine is shared
                        os.nice(10)
                        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
                        niced = True
                    print(f"OCR {page.id} with {engine} ...", file=sys.stderr, flush=True)
                    texts = prepare(page, engine, seed)
                if texts is None:
                    missing += 1
                    continue
                for shape, text in texts.items():
                    yield Case(page, engine, shape, text)
    if missing:
        print(f"note: {missing} page x engine OCR results not cached yet (run without --quick)", file=sys.stderr)


def _epaper(page: Page, seed: int, cached_only: bool) -> str | None:
    """The page as an e-paper PDF's laid-out text (`epaper`), rendered first unless only
    cached pages are scored."""
    from . import epaper
    from .render import save

    folder = page_dir(page, seed)
    if not (folder / "truth.json").exists():
        if cached_only:
            return None
        save(page, folder, seed)
    return epaper.layout_text(folder)


def load_gold(folder: Path) -> Document:
    d = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    d.pop("page", None)
    return Document.from_dict(d)
