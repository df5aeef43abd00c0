"""Freeze a small part of the bench into tests/fixtures/bench/ so `make test` scores the reader without OCR.

    python -m evaluation.freeze      # OCRs the chosen pages if they are not cached yet

Per split: the first OCR_PAGES image pages, read by both engines, in the `lines` and `single`
shapes (RapidOCR's in its own detection order too: the `engine` shape); and the first TEXT_PAGES degraded-text pages of at most three articles. Each page's gold
is <id>.gold.json (the model's JSON plus a "page" record: split, articles, furniture).
"""

from __future__ import annotations

import json
import sys

from . import ocr
from .corpus import ROOT, SPLITS, compose
from .degrade import degrade
from .run import SEED

FIXTURES = ROOT / "tests" / "fixtures" / "bench"
OCR_PAGES = 2
TEXT_PAGES = 3
FROZEN_SHAPES = {"tesseract": ("lines", "single"), "rapidocr": ("lines", "single", "engine")}


def _gold(page) -> str:
    return json.dumps(page.gold_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def freeze(seed: int = SEED) -> list[str]:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    written = []

    def write(name: str, text: str) -> None:
        (FIXTURES / name).write_text(text, encoding="utf-8")
        written.append(name)

    for split in SPLITS:
        for page in ocr.image_pages(split, seed)[:OCR_PAGES]:
            write(f"{page.id}.gold.json", _gold(page))
            for engine in ("tesseract", "rapidocr"):
                texts = ocr.cached(page, engine, seed) or ocr.prepare(page, engine, seed)
                for shape in FROZEN_SHAPES[engine]:
                    write(f"{page.id}.{engine}.{shape}.txt", texts[shape])
        small = (p for p in (compose(split, i, seed) for i in range(200)) if len(p.gold.articles) <= 3)
        for _, page in zip(range(TEXT_PAGES), small, strict=False):
            write(f"{page.id}.gold.json", _gold(page))
            write(f"{page.id}.text.degraded.txt", degrade(page, seed)[0])
    return written


def main() -> int:
    names = freeze()
    size = sum((FIXTURES / n).stat().st_size for n in names)
    print(f"wrote {len(names)} files, {size / 1024:.0f} KB, to {FIXTURES.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
