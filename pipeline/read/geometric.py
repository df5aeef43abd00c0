"""The geometric reader: a page of boxed lines -> layout -> cleanup -> structure -> Document.

Inputs whose lines have positions (page images, PDFs, hOCR, ALTO; pipeline/read/sources.py)
come here. The layout (pipeline/read/layout.py) puts the lines in reading order and measures
them; the cleanup chain runs on their text as on any OCR page (one line of the page text per
box, so the cleanup report shows each box as a numbered source line); the structure passes get
the measured lines. A PDF or TIFF of several pages gives one Reading per page: each page of a
newspaper is its own set of articles (its lead, its headlines to assign), and the booklet of
one page is what the build writes for each (`<stem>-p<N>`); an anthology is issue 14's.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from .. import clean
from ..errors import InputError, PipelineError
from ..structure import structure
from ..structure.page import Geometry, SourceLine, measure
from .layout import Box, Placed, layout
from .ocr import Reading, summarise
from .sources import (
    ALTO_SUFFIXES,
    HOCR_SUFFIXES,
    IMAGE_SUFFIXES,
    OCR_ENGINES,
    PageSource,
    alto_image,
    alto_pages,
    hocr_image,
    hocr_pages,
    image_pages,
    ocr_page,
    pdf_pages,
    render_preview,
)

GEOMETRIC_FORMATS = ("image", "pdf", "hocr", "alto")
LOW_CONFIDENCE = 0.8  # a line the engine read with less confidence than this is listed for checking
HEADLINE_JOIN = 1.15  # lines at least this much larger than the body, stacked: one headline's lines


def format_of(path: str | Path) -> str | None:
    """The geometric format a file's extension names, or None."""
    suffix = Path(path).suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix == ".pdf":
        return "pdf"
    if suffix in HOCR_SUFFIXES:
        return "hocr"
    if suffix in ALTO_SUFFIXES:
        return "alto"
    return None


@dataclass
class PageView:
    """What the cleanup report draws: the page image and every line's box by source line."""

    image: bytes | None
    size: tuple[float, float]
    boxes: dict[int, Box] = field(default_factory=dict)  # source line number -> box (source units)
    engine: str = ""
    number: int = 1
    pages: int = 1


def page_count(path: str | Path, fmt: str) -> int:
    """Pages in a PDF or a (multi-page TIFF) image; 1 for anything else or what cannot be
    opened (reading it later says why)."""
    p = Path(path)
    if not p.is_file():
        return 1
    try:
        if fmt == "pdf":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(str(p))
            try:
                return len(pdf)
            finally:
                pdf.close()
        if fmt == "image":
            from PIL import Image

            with Image.open(p) as im:
                return int(getattr(im, "n_frames", 1))
    except Exception:  # unreadable: the reader gives the one-line error
        return 1
    return 1


def pages(path: str | Path, fmt: str, ocr: str = "rapidocr", page: int | None = None) -> list[PageSource]:
    """The pages of a geometric input (OCR'd where they are images); `page` (1-based) reads
    only that one."""
    from .decode import read_file

    if ocr not in OCR_ENGINES:
        raise PipelineError(f"unknown OCR engine {ocr!r}; expected one of: {', '.join(OCR_ENGINES)}")
    p = Path(path)
    data = read_file(p, "page image, PDF, hOCR or ALTO")
    name = str(p)
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if fmt == "image":
        imgs = image_pages(data, name)
        wanted = range(len(imgs)) if page is None else [page - 1]
        if page is not None and not 0 < page <= len(imgs):
            raise InputError(f"{name}: has {len(imgs)} page(s), no page {page}")
        return [ocr_page(imgs[k], ocr, k + 1) for k in wanted]
    if fmt == "pdf":
        out = pdf_pages(data, name, ocr, page)
        for pg in out:
            if pg.image is None:
                pg.image = render_preview(data, pg.number - 1)
        return out
    if fmt == "hocr":
        out = hocr_pages(data, name)
        img = hocr_image(data, p)
    elif fmt == "alto":
        out = alto_pages(data, name)
        img = alto_image(data, p)
    else:
        raise PipelineError(f"{name}: {fmt!r} is not a geometric input format")
    if img is not None and len(out) == 1:
        out[0].image = img
    return out


def source_lines(placed: list[Placed]) -> tuple[str, str, list[SourceLine], dict[str, int]]:
    """The page text (one line per box, in reading order), its cleanup, and the lines with
    their geometry for the structure passes."""
    raw = [" ".join(p.line.text.split()) for p in placed]
    source = "\n".join(raw)
    res = clean.run(source)
    cleaned = res.text.split("\n")
    if len(cleaned) != len(raw):  # the chain keeps lines; if a rule ever does not, fail loudly
        raise PipelineError("cleanup changed the number of lines of a geometric page (please report this)")
    out: list[SourceLine] = []
    for i, (p, c, r) in enumerate(zip(placed, cleaned, raw, strict=True)):
        text = c.strip()
        if not text:
            continue
        out.append(SourceLine(no=i + 1, text=text, raw=r, width=measure(text), geo=p.geo))
    _join_headlines(out)
    return source, res.text, out, res.counts


def _join_headlines(lines: list[SourceLine]) -> None:
    """Stacked lines set larger than the body, in one block, are one headline's lines: joined
    as an OCR tool joins a block's lines with a single newline."""
    for a, b in itertools.pairwise(lines):
        ga, gb = a.geo, b.geo
        if ga is None or gb is None or (ga.band, ga.column) != (gb.band, gb.column):
            continue
        if min(ga.size, gb.size) >= HEADLINE_JOIN and gb.gap_before < 1.0 and b.no == a.no + 1:
            a.joined = True
            b.blank_before = False


def read_page(page: PageSource, name: str, force: bool = False, profile: str | None = None) -> Reading:
    """One page of a geometric input as a Reading (the model and what the report shows)."""
    placed, metrics = layout(page.lines)
    if not placed:
        raise InputError(f"{name}: no text found on the page" + (f" {page.number}" if page.number > 1 else ""))
    source, cleaned, lines, counts = source_lines(placed)
    st = structure(cleaned, source, force=force, profile=profile, lines=lines)
    for ghost in metrics.ghosts:  # set aside by the layout: told, never silently dropped
        st.state.note("ghost-dropped", text=ghost)
    for speck in metrics.specks:
        st.state.note("speck-dropped", text=speck)
    _confidence_notices(st, lines)
    doc = st.doc
    if not doc.articles and doc.lead is None:
        raise InputError(f"{name}: no text found after cleanup")
    summarise(doc, st, counts, page.engine)
    doc.meta.source = name
    view = PageView(page.image, page.size, {i + 1: p.line.box for i, p in enumerate(placed)}, page.engine, page.number)
    return Reading(doc, source, cleaned, st, page.engine, view)


def _confidence_notices(st, lines: list[SourceLine]) -> None:
    """Lines the engine was unsure of, listed for the editor (in reading order)."""
    for ln in lines:
        g: Geometry | None = ln.geo
        if g is not None and g.conf is not None and g.conf < LOW_CONFIDENCE:
            st.state.note("low-ocr-confidence", ln.no, conf=round(g.conf, 2))
    st.doc.stats["notices"] = [n.to_dict() for n in st.state.notices]


PAGE_SUFFIX = "-p"  # the build's name for one page of a multi-page input: scan-p2.pdf


def split_page(path: Path) -> tuple[Path, int | None]:
    """`scan.pdf` -> (scan.pdf, None); `scan-p2.pdf`, a page of a multi-page scan.pdf that
    input_pages named -> (scan.pdf, 2)."""
    if path.exists():
        return path, None
    stem, sep, num = path.stem.rpartition(PAGE_SUFFIX)
    real = path.with_name(stem + path.suffix)
    if sep and num.isdigit() and real.exists():
        return real, int(num)
    return path, None


def input_pages(paths: list[str], forced: str | None = None) -> list[str]:
    """The inputs with every multi-page PDF or TIFF as one input per page, `<stem>-p<N>.<ext>`
    (so each page's editions are OUT/<stem>-p<N>.<ext>); other inputs as they are."""
    from . import source_format

    out: list[str] = []
    for p in paths:
        try:
            fmt = source_format(p, forced)
        except PipelineError:
            fmt = ""  # an unknown --from is reported by the build
        n = page_count(p, fmt) if fmt in ("pdf", "image") else 1
        if n <= 1:
            out.append(p)
        else:
            q = Path(p)
            out += [str(q.with_name(f"{q.stem}{PAGE_SUFFIX}{k}{q.suffix}")) for k in range(1, n + 1)]
    return out


def read_one(
    path: str | Path,
    fmt: str,
    ocr: str = "rapidocr",
    force: bool = False,
    profile: str | None = None,
    page: int | None = None,
) -> Reading:
    """One page of a geometric input: the page asked for, the page a build unit names
    (scan-p2.pdf), or the input's only page; several pages and none chosen is an error."""
    real, named = split_page(Path(path))
    page = page or named
    if page is None:
        n = page_count(real, fmt)
        if n > 1:
            raise PipelineError(f"{path}: has {n} pages; choose one with --page N (build makes one booklet per page)")
    return read_path(real, fmt, ocr=ocr, force=force, profile=profile, page=page)[0]


def read_path(
    path: str | Path,
    fmt: str,
    ocr: str = "rapidocr",
    force: bool = False,
    profile: str | None = None,
    page: int | None = None,
) -> list[Reading]:
    """Every page of a geometric input (or the one asked for), one Reading each."""
    p = Path(path)
    srcs = pages(p, fmt, ocr, page)
    out = []
    for pg in srcs:
        name = p.name if len(srcs) == 1 and page is None else f"{p.name} p{pg.number}"
        r = read_page(pg, name, force=force, profile=profile)
        if r.view is not None:
            r.view.pages = len(srcs)
        out.append(r)
    return out
