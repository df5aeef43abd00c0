"""Bench cases for the geometric reader: the bench's page images read from geometry.

Four routes per image page, each scored like the text shapes (same scorer, TUNE and HELD-OUT
apart): `image·rapidocr` and `image·tesseract` (the page image through the engine's lines and
boxes, then pipeline/read/layout.py), `hocr` and `alto` (Tesseract's hOCR and ALTO of the same
image, read as files from any OCR system would be). The engines' results come from the bench's
cache (evaluation/ocr.py); with --quick nothing is OCR'd. `epaper·pdf` is no image: the page's
printed lines set into an e-paper PDF with a text layer (evaluation/epaper.py), read by the
PDF reader from the layer's geometry, as `pipeline build page.pdf` does.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from pipeline.read import engines
from pipeline.read.sources import PageSource, alto_pages, hocr_pages

from . import ocr

ROUTES = ("rapidocr", "tesseract", "hocr", "alto", "pdf")


def _result(folder: Path, engine: str) -> engines.OcrResult | None:
    f = folder / f"{engine}.result.json"
    if not f.exists():
        return None
    res = engines.OcrResult.from_json(f.read_text(encoding="utf-8"))
    if engine == "tesseract":
        res.lines = engines.tesseract_lines(res.raw.get("tsv", ""))
    return res


def page_source(folder: Path, route: str) -> PageSource | None:
    """The page as the route's reader sees it, from cached OCR only."""
    from pipeline.read.layout import BoxLine

    if route in ("rapidocr", "tesseract"):
        res = _result(folder, route)
        if res is None:
            return None
        lines = [
            BoxLine(
                ln.text,
                tuple(map(float, ln.box)),
                ln.confidence,
                [(w.text, tuple(map(float, w.box))) for w in ln.words],
            )
            for ln in res.lines
            if ln.text.strip()
        ]
        return PageSource(lines, (float(res.size[0]), float(res.size[1])), None, route)
    if route == "pdf":
        from pipeline.read.sources import pdf_pages

        from . import epaper

        pdf = epaper.pdf_file(folder)
        return pdf_pages(pdf.read_bytes(), pdf.name, "rapidocr")[0] if pdf is not None else None
    f = folder / ("tesseract.hocr" if route == "hocr" else "tesseract.alto.xml")
    if not f.exists() or not f.stat().st_size:
        return None
    data = f.read_bytes()
    return (hocr_pages if route == "hocr" else alto_pages)(data, f.name)[0]


def cases(splits: list[str], routes: list[str], cached_only: bool, seed: int) -> Iterator:
    from .run import Case

    missing = 0
    for split in splits:
        for page in ocr.image_pages(split, seed):
            folder = ocr.page_dir(page, seed)
            if not cached_only:
                for engine in ("rapidocr", "tesseract"):
                    if ocr.cached(page, engine, seed) is None and engines.available(engine):
                        ocr.prepare(page, engine, seed)
            for route in routes:
                src = page_source(folder, route)
                if src is None:
                    missing += 1
                    continue
                text = "\n".join(ln.text for ln in src.lines) + "\n"
                yield Case(page, "epaper" if route == "pdf" else "image", route, text, source=src)
    if missing:
        print(f"note: {missing} page x route results not cached yet (run without --quick)", file=sys.stderr)


FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "geometry"


def freeze(page_id: str = "Ti000", seed: int = 0) -> list[Path]:
    """Commit-sized fixtures of one bench page for `make test`: Tesseract's TSV, hOCR and ALTO and
    RapidOCR's lines (gzip), and the gold. `python -c 'from evaluation.geometry import freeze; freeze()'`"""
    import gzip
    import json
    import shutil

    folder = ocr.CACHE / f"{ocr.RENDER_VERSION}-s{seed}" / page_id
    FIXTURES.mkdir(parents=True, exist_ok=True)
    out = []

    def put(name: str, data: bytes) -> None:
        dest = FIXTURES / name
        dest.write_bytes(gzip.compress(data, mtime=0) if name.endswith(".gz") else data)
        out.append(dest)

    put(f"{page_id}.tesseract.tsv.gz", (folder / "tesseract.tsv").read_bytes())
    put(f"{page_id}.tesseract.hocr.gz", (folder / "tesseract.hocr").read_bytes())
    put(f"{page_id}.tesseract.alto.xml.gz", (folder / "tesseract.alto.xml").read_bytes())
    res = engines.OcrResult.from_json((folder / "rapidocr.result.json").read_text(encoding="utf-8"))
    res.raw = {}
    put(f"{page_id}.rapidocr.json.gz", res.to_json().encode("utf-8"))
    shutil.copyfile(folder / "gold.json", FIXTURES / f"{page_id}.gold.json")
    out.append(FIXTURES / f"{page_id}.gold.json")
    json.loads((FIXTURES / f"{page_id}.gold.json").read_text(encoding="utf-8"))
    return out
