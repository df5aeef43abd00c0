"""Print imposition: a reading PDF -> a saddle-stitched booklet on A4 landscape sheets.

Pages are padded with blanks to a multiple of 4 and placed 2-up so that a duplex print
(flip on short edge), folded in the middle and stapled, reads in order: sheet 1 front
carries pages n and 1, its back pages 2 and n-1, and so on inwards.

Thick booklets can be split into signatures of `signature_sheets` sheets each; every
signature is ordered on its own and the folded signatures are stacked (not nested).

Creep: after folding, inner sheets stick out at the fore-edge, so once the booklet is
trimmed their outer margins come out narrower. `creep` (points, roughly the paper
thickness) shifts every page of a sheet `depth * creep` towards the fold, depth 0 being
the outermost sheet of its signature, so that the trimmed margins come out even.

With `epoch` (SOURCE_DATE_EPOCH) the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from time import gmtime, strftime

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, ByteStringObject

from .errors import PipelineError

MM = 72 / 25.4
SHEET_W, SHEET_H = 297 * MM, 210 * MM  # A4 landscape
HALF_W = SHEET_W / 2
MARK_LEN = 5 * MM
MARK_GAP = 1 * MM


@dataclass(frozen=True)
class Slot:
    """One page position on one side of one sheet: source page index (None = blank)."""

    sheet: int  # 0-based, over the whole print run
    side: str  # "front" or "back"
    half: str  # "left" or "right"
    page: int | None
    depth: int  # sheet depth inside its signature, 0 = outermost


def signatures(n_pages: int, signature_sheets: int = 0) -> list[list[int | None]]:
    """Source page indices (None = blank padding) grouped into signatures, each a multiple of 4."""
    if signature_sheets < 0:
        raise PipelineError(f"signature_sheets must be 0 or more, not {signature_sheets}")
    total = max(4, -(-n_pages // 4) * 4)
    pages: list[int | None] = [i if i < n_pages else None for i in range(total)]
    size = signature_sheets * 4 if signature_sheets else total
    return [pages[i : i + size] for i in range(0, total, size)]


def layout(n_pages: int, signature_sheets: int = 0) -> list[Slot]:
    """Saddle-stitch order: for each sheet, front (left, right) then back (left, right)."""
    slots: list[Slot] = []
    sheet = 0
    for sig in signatures(n_pages, signature_sheets):
        m = len(sig)
        for i in range(m // 4):
            front = (sig[m - 1 - 2 * i], sig[2 * i])
            back = (sig[2 * i + 1], sig[m - 2 - 2 * i])
            for side, (left, right) in (("front", front), ("back", back)):
                slots.append(Slot(sheet, side, "left", left, i))
                slots.append(Slot(sheet, side, "right", right, i))
            sheet += 1
    return slots


def _place(sheet: PageObject, src: PageObject, half: str, shift: float) -> tuple[float, float, float, float]:
    """Scale `src` to fit an A4 half (A5 stays at 100 %), put it against the fold, moved
    `shift` points towards the fold; return the placed rectangle (x0, y0, x1, y1)."""
    box = src.mediabox
    w, h = float(box.width), float(box.height)
    if w <= 0 or h <= 0:
        raise PipelineError("impose: a source page has an empty page box")
    s = min(HALF_W / w, SHEET_H / h)
    if abs(s - 1) < 0.005:  # A5 on an A4 half: print at size
        s = 1.0
    pw, ph = w * s, h * s
    y0 = (SHEET_H - ph) / 2
    x0 = HALF_W - pw + shift if half == "left" else HALF_W - shift
    t = Transformation().translate(-float(box.left), -float(box.bottom)).scale(s, s).translate(x0, y0)
    sheet.merge_transformed_page(src, t)
    return x0, y0, x0 + pw, y0 + ph


def _marks_overlay(rects: list[tuple[float, float, float, float]]) -> PageObject:
    """Fold marks at the middle of the top and bottom edges, and crop marks at the corners of
    the placed pages where the sheet leaves room for them (hairlines, registration black)."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(SHEET_W, SHEET_H), invariant=1, pageCompression=0)
    c.setLineWidth(0.25)
    c.setDash(2, 2)
    c.line(HALF_W, SHEET_H, HALF_W, SHEET_H - MARK_LEN)
    c.line(HALF_W, 0, HALF_W, MARK_LEN)
    c.setDash()
    for x0, y0, x1, y1 in rects:
        below, above = y0 - MARK_GAP, y1 + MARK_GAP
        if below >= 2 * MM:  # room for vertical ticks above and below the page
            for x in (x0, x1):
                c.line(x, max(0, below - MARK_LEN), x, below)
                c.line(x, above, x, min(SHEET_H, above + MARK_LEN))
        outer_l, outer_r = x0 - MARK_GAP, x1 + MARK_GAP
        for y in (y0, y1):  # horizontal ticks on the fore-edge side only (the fold side is shared)
            if x0 < HALF_W and outer_l >= 2 * MM:
                c.line(max(0, outer_l - MARK_LEN), y, outer_l, y)
            if x1 > HALF_W and SHEET_W - outer_r >= 2 * MM:
                c.line(outer_r, y, min(SHEET_W, outer_r + MARK_LEN), y)
    c.showPage()
    c.save()
    return PdfReader(io.BytesIO(buf.getvalue())).pages[0]


def impose(
    pdf_bytes: bytes,
    *,
    signature_sheets: int = 0,
    creep: float = 0.0,
    marks: bool = False,
    epoch: int | None = None,
) -> bytes:
    """The imposed print PDF for `pdf_bytes`; see the module docstring for the order."""
    if creep < 0:
        raise PipelineError(f"creep must be 0 or more, not {creep}")
    try:
        reader = PdfReader(io.BytesIO(pdf_bytes))
        src_pages = list(reader.pages)
    except Exception as e:
        raise PipelineError(f"impose: cannot read the PDF ({e})") from None
    if not src_pages:
        raise PipelineError("impose: the PDF has no pages")
    for p in src_pages:
        if p.rotation:
            p.transfer_rotation_to_content()

    writer = PdfWriter()
    slots = layout(len(src_pages), signature_sheets)
    for k in range(0, len(slots), 2):
        side = writer.add_blank_page(SHEET_W, SHEET_H)
        rects = []
        for slot in slots[k : k + 2]:
            if slot.page is not None:
                rects.append(_place(side, src_pages[slot.page], slot.half, slot.depth * creep))
        if marks:
            side.merge_page(_marks_overlay(rects))
        side.compress_content_streams()

    info = {"/Producer": "pipeline impose (pypdf)"}
    title = (reader.metadata or {}).get("/Title")
    if title:
        info["/Title"] = str(title)
    if epoch is not None:
        info["/CreationDate"] = info["/ModDate"] = strftime("D:%Y%m%d%H%M%SZ", gmtime(epoch))
    writer.add_metadata(info)
    # A fixed file identifier so equal inputs give equal bytes.
    digest = ByteStringObject(hashlib.md5(pdf_bytes + repr((signature_sheets, creep, marks, epoch)).encode()).digest())
    writer._ID = ArrayObject([digest, digest])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


__all__ = ["Slot", "impose", "layout", "signatures"]
