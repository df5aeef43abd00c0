"""Geometric inputs: page images, PDFs (text layer or scanned), hOCR and ALTO -> pages of boxed lines.

Each input becomes one or more `PageSource`s: the lines with their boxes and confidences, the
page's size in the units of the boxes, and the page image when there is one (for the cleanup
report). Page images and scanned PDF pages are read by an OCR engine (pipeline/read/engines.py:
RapidOCR by default, Tesseract on request), cached by image hash; a PDF page with a text layer
gives its characters and their positions directly (no OCR, nothing lost); hOCR and ALTO give the
lines, words and boxes some OCR system wrote. What a line is made of (the words' text and boxes)
is taken the same way from Tesseract's TSV, hOCR and ALTO, so the three agree.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .boxes import Box, BoxLine, join_words

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp")
HOCR_SUFFIXES = (".hocr", ".html", ".htm")
ALTO_SUFFIXES = (".xml", ".alto")
OCR_ENGINES = ("rapidocr", "tesseract")
TEXT_LAYER_MIN = 20  # visible characters a PDF page needs to count as having a text layer
MAX_PIXELS = 40_000_000  # a rasterised PDF page at most this big (a 300-dpi broadsheet is ~25 M)


@dataclass
class PageSource:
    """One page of a geometric input."""

    lines: list[BoxLine]
    size: tuple[float, float]  # width, height in the units of the boxes
    image: bytes | None = None  # the page image (PNG/JPEG bytes) when there is one
    engine: str = ""  # rapidocr | tesseract | pdf-text | hocr | alto
    number: int = 1  # 1-based page number within the input


# --- page images ----------------------------------------------------------------------------


def image_pages(data: bytes, name: str) -> list[bytes]:
    """The page images of an image file: one, or one per frame of a multi-page TIFF. Formats
    the engines may not decode (TIFF, WebP) are handed to them as PNG."""
    from PIL import Image, UnidentifiedImageError

    try:
        im = Image.open(io.BytesIO(data))
        fmt = (im.format or "").upper()
        frames = getattr(im, "n_frames", 1)
    except (UnidentifiedImageError, OSError) as e:
        raise InputError(f"{name}: not an image this reader can open ({e}); give a PNG, JPEG, TIFF or WebP") from None
    if fmt in ("PNG", "JPEG") and frames == 1:
        return [data]
    out = []
    for k in range(frames):
        im.seek(k)
        buf = io.BytesIO()
        im.convert("L" if im.mode in ("1", "L", "I;16") else "RGB").save(buf, "PNG")
        out.append(buf.getvalue())
    return out


def ocr_page(image: bytes, engine: str, number: int = 1) -> PageSource:
    from . import engines

    res = engines.ocr(image, engine)
    lines = [
        BoxLine(
            ln.text, tuple(map(float, ln.box)), ln.confidence, [(w.text, tuple(map(float, w.box))) for w in ln.words]
        )
        for ln in res.lines
        if ln.text.strip()
    ]
    return PageSource(lines, (float(res.size[0]), float(res.size[1])), image, engine, number)


# --- PDF --------------------------------------------------------------------------------------


def pdf_pages(data: bytes, name: str, engine: str, only: int | None = None) -> list[PageSource]:
    """Every page of a PDF (or page `only`, 1-based): its text layer where it has one, else the
    page rasterised and OCR'd."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    out = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if only is not None and not 0 < only <= len(pdf.pages):
                raise InputError(f"{name}: has {len(pdf.pages)} page(s), no page {only}")
            for k, page in enumerate(pdf.pages):
                if only is not None and k != only - 1:
                    continue
                chars = [c for c in page.dedupe_chars().chars if c["text"].strip()]
                if len(chars) >= TEXT_LAYER_MIN:
                    out.append(
                        PageSource(
                            text_layer_lines(chars), (float(page.width), float(page.height)), None, "pdf-text", k + 1
                        )
                    )
                else:
                    out.append(ocr_page(rasterise(data, k, _native_scale(page)), engine, k + 1))
                page.close()
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"{name}: not a PDF this reader can open ({type(e).__name__}: {e})") from None
    if not out:
        raise InputError(f"{name}: the PDF has no pages")
    return out


def _native_scale(page) -> float:
    """Pixels per point to rasterise a scanned page at: its scan's own resolution (150-400 dpi)."""
    best = 300 / 72
    for im in page.images:
        w = float(im.get("x1", 0)) - float(im.get("x0", 0))
        src = im.get("srcsize") or (0, 0)
        if w > 0.5 * float(page.width) and src[0]:
            best = float(src[0]) / w
    scale = min(max(best, 150 / 72), 400 / 72)
    while float(page.width) * float(page.height) * scale * scale > MAX_PIXELS:
        scale *= 0.9
    return scale


def rasterise(data: bytes, index: int, scale: float) -> bytes:
    """One PDF page as a greyscale PNG (pypdfium2, which pdfplumber already brings)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        im = pdf[index].render(scale=scale, grayscale=True).to_pil()
    finally:
        pdf.close()
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def render_preview(data: bytes, index: int, width: int = 900) -> bytes:
    """A small image of a PDF page for the cleanup report."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[index]
        im = page.render(scale=width / page.get_width()).to_pil()
    finally:
        pdf.close()
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=80)
    return buf.getvalue()


ROW_SIZES = 1.4  # the most two characters of one row may differ in height (a larger one is a headline's)


def text_layer_lines(chars: list[dict]) -> list[BoxLine]:
    """Characters of a text layer grouped into lines: same row (they overlap vertically, and
    are of a like size), no gap wider than a character between neighbours (a gutter starts a
    new line)."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        h = c["bottom"] - c["top"]
        for row in reversed(rows[-40:]):
            last = row[-1]
            lh = last["bottom"] - last["top"]
            overlap = min(last["bottom"], c["bottom"]) - max(last["top"], c["top"])
            # (of a like size: a headline set large beside the columns spans two of their rows,
            # and would join them into one, their characters interleaved)
            if overlap >= 0.5 * min(h, lh) and max(h, lh) <= ROW_SIZES * max(min(h, lh), 0.1):
                row.append(c)
                break
        else:
            rows.append([c])
    out = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        run = [row[0]]
        for a, b in itertools.pairwise(row):
            size = max(a["bottom"] - a["top"], b["bottom"] - b["top"], 1.0)
            if b["x0"] - a["x1"] > 0.9 * size:
                out.append(_chars_line(run))
                run = []
            run.append(b)
        out.append(_chars_line(run))
    return out


def _chars_line(chars: list[dict]) -> BoxLine:
    words = [(c["text"], (c["x0"], c["top"], c["x1"], c["bottom"])) for c in chars]
    return BoxLine(join_words([w for w, _ in words], [b for _, b in words]), _union([b for _, b in words]), 1.0, words)


def _union(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


# --- hOCR -------------------------------------------------------------------------------------

_BBOX = re.compile(r"bbox\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)")
_WCONF = re.compile(r"x_wconf\s+(-?[\d.]+)")
_LINE_CLASSES = {"ocr_line", "ocrx_line", "ocr_textfloat", "ocr_header", "ocr_caption"}


def _title_box(title: str) -> Box | None:
    m = _BBOX.search(title or "")
    return tuple(float(v) for v in m.groups()) if m else None  # type: ignore[return-value]


def hocr_pages(data: bytes, name: str) -> list[PageSource]:
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(data)
    except Exception as e:  # lxml raises several kinds on garbage
        raise InputError(f"{name}: not an hOCR file ({e})") from None
    pages = root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' ocr_page ')]") or [root]
    out = []
    for k, page in enumerate(pages):
        lines = []
        for el in page.iter():
            classes = set((el.get("class") or "").split())
            if not classes & _LINE_CLASSES:
                continue
            words: list[tuple[str, Box | None]] = []
            confs = []
            for w in el.iter():
                if "ocrx_word" in (w.get("class") or "").split():
                    text = (w.text_content() or "").strip()
                    if text:
                        words.append((text, _title_box(w.get("title", ""))))
                        m = _WCONF.search(w.get("title", ""))
                        confs.append(max(0.0, float(m.group(1))) / 100 if m else 1.0)
            line = _boxed_line(words, confs, el.text_content(), _title_box(el.get("title", "")))
            if line is not None:
                lines.append(line)
            elif words:
                raise InputError(_unplaced_line(name, k, words))
        box = _title_box(page.get("title", "")) or _extent(lines)
        out.append(PageSource(lines, (box[2], box[3]), None, "hocr", k + 1))
    if not any(p.lines for p in out):
        raise InputError(f"{name}: no hOCR lines (class ocr_line with a bbox) in it; is this an hOCR file?")
    return out


def _boxed_line(words: list[tuple[str, Box | None]], confs: list[float], text: str, box: Box | None) -> BoxLine | None:
    """A line from its words (Tesseract's way: boxes united, text joined), else its own box
    and text: the formats make a word's position optional, and a word without one is still
    the line's text (its characters are never dropped for want of a box)."""
    conf = sum(confs) / len(confs) if confs else None
    boxed = [(w, b) for w, b in words if b is not None]
    if words and len(boxed) == len(words):
        return BoxLine(
            join_words([w for w, _ in boxed], [b for _, b in boxed]), _union([b for _, b in boxed]), conf, boxed
        )
    text = " ".join((text or "").split()) or " ".join(w for w, _ in words)
    box = box or (_union([b for _, b in boxed]) if boxed else None)
    return BoxLine(text, box, conf if words else None) if text and box else None


def _unplaced_line(name: str, page: int, words: list[tuple[str, Box | None]]) -> str:
    """A line with text but no position on it or its words: the reader places lines by their
    boxes, and dropping it would lose the user's text."""
    text = "".join(w for w, _ in words)[:20]
    return (
        f"{name}: page {page + 1}: the line '{text}' has no position (neither it nor its words carry a box);"
        " export the file with coordinates, or give its plain text instead"
    )


def _extent(lines: list[BoxLine]) -> Box:
    if not lines:
        return (0.0, 0.0, 1.0, 1.0)
    return (0.0, 0.0, max(ln.box[2] for ln in lines), max(ln.box[3] for ln in lines))


# --- ALTO -------------------------------------------------------------------------------------


def _local(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _alto_box(el) -> Box | None:
    try:
        x, y = float(el.get("HPOS")), float(el.get("VPOS"))
        return (x, y, x + float(el.get("WIDTH")), y + float(el.get("HEIGHT")))
    except (TypeError, ValueError):
        return None


def alto_pages(data: bytes, name: str) -> list[PageSource]:
    from lxml import etree

    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as e:
        raise InputError(f"{name}: not well-formed XML ({e})") from None
    if _local(root) != "alto":
        raise InputError(f"{name}: an XML file, but not ALTO (its root is <{_local(root)}>)")
    out = []
    for k, page in enumerate(el for el in root.iter() if _local(el) == "Page"):
        lines = []
        for tl in (el for el in page.iter() if _local(el) == "TextLine"):
            words: list[tuple[str, Box | None]] = []
            confs = []
            for s in (el for el in tl if _local(el) == "String"):
                text = (s.get("CONTENT") or "").strip()
                if text:
                    words.append((text, _alto_box(s)))
                    if s.get("WC") is not None:
                        confs.append(float(s.get("WC")))
            line = _boxed_line(words, confs, "", _alto_box(tl))
            if line is not None:
                lines.append(line)
            elif words:
                raise InputError(_unplaced_line(name, k, words))
        try:
            size = (float(page.get("WIDTH")), float(page.get("HEIGHT")))
        except (TypeError, ValueError):
            size = _extent(lines)[2:]
        out.append(PageSource(lines, size, None, "alto", k + 1))
    if not any(p.lines for p in out):
        raise InputError(f"{name}: no text lines (TextLine with String) in this ALTO file")
    return out


def alto_image(data: bytes, path: Path) -> bytes | None:
    """The page image an ALTO file names (sourceImageInformation/fileName), when it is there."""
    m = re.search(rb"<(?:\w+:)?fileName>\s*([^<]+?)\s*</", data)
    if not m:
        return None
    f = path.parent / Path(m.group(1).decode("utf-8", "replace")).name
    return f.read_bytes() if f.is_file() and f.suffix.lower() in IMAGE_SUFFIXES else None


def hocr_image(data: bytes, path: Path) -> bytes | None:
    m = re.search(rb"image\s+[\"']([^\"']+)[\"']", data[:20000])
    if not m:
        return None
    f = path.parent / Path(m.group(1).decode("utf-8", "replace")).name
    return f.read_bytes() if f.is_file() and f.suffix.lower() in IMAGE_SUFFIXES else None
