"""E-paper text: a bench page as a PDF with a text layer, its text taken out by `pdftotext -layout`.

A user with a paper's e-paper PDF may copy its text out with a tool that keeps the layout
(poppler's `pdftotext -layout`): every printed row one line, the columns side by side. The
page's truth (every printed line, its box and type size) is set into a PDF at those places
(unskewed: an e-paper is typeset, not scanned), in one TrueType face (reportlab embeds
TrueType only; the text layer is what is read), and read back. Cached as
`pdftotext.layout.txt` beside the page image. The same page justified as printed
(`epaper.pdf`) is the input of the `epaper · pdf` route: the PDF reader's text layer with its
geometry (evaluation/geometry.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from .render import font_file, rotate

SCALE = 0.3  # pt per image px: a 240-dpi page at about its printed size
FACE = "kai"
JUSTIFY_MAX = 0.25  # of the type size: the most a justified line spreads between two characters  # LXGW WenKai: a TrueType face reportlab can embed (Noto CJK is CFF)


def available() -> bool:
    return shutil.which("pdftotext") is not None


@cache
def _face() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path, index = font_file(FACE)
    font = TTFont("bench-face", path, subfontIndex=index)
    pdfmetrics.registerFont(font)
    # reportlab aliases a font to one registered before with its PostScript name (the
    # writers' subsets of this face): this one must stay the whole face
    pdfmetrics._fonts["bench-face"] = font
    return "bench-face"


def _pdf(truth: dict, out: Path, justify: bool = False) -> None:
    """The page's printed lines at their places; `justify`: each spread to its box's width,
    as the paper set it (a full line ends at the column's edge), by letter spacing."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    w, h = truth["size"]
    c = canvas.Canvas(str(out), pagesize=(w * SCALE, h * SCALE))
    for ln in truth["lines"]:
        x0, _, x1, y1 = ln["box"]
        x, y = rotate((x0, y1), (w, h), -truth["skew"])  # (the box's lower left, unskewed)
        size = max(ln["size"] * SCALE, 3.0)
        text = ln["text"]
        t = c.beginText(x * SCALE, (h - y) * SCALE + 0.2 * ln["size"] * SCALE)
        t.setFont(_face(), size)
        if justify and len(text) > 1:
            # (a justified line spreads a little; a line set wider on purpose, a padded byline's
            # 张  三, is set as the face sets it: its spaces stay spaces. A line the bench's face
            # sets wider than the face the page image was drawn in is drawn closer, not over
            # the next box: a headline ran over the byline beside it.)
            spread = ((x1 - x0) * SCALE - stringWidth(text, _face(), size)) / (len(text) - 1)
            if spread <= JUSTIFY_MAX * size:
                t.setCharSpace(spread)
        t.textOut(text)
        c.drawText(t)
    c.save()


def pdf_file(folder: Path) -> Path | None:
    """The page as an e-paper PDF with a text layer, its lines justified as printed (cached
    as `epaper.pdf`), or None without the page's truth."""
    out = folder / "epaper.pdf"
    truth_file = folder / "truth.json"
    if not out.exists() and truth_file.exists():
        _pdf(json.loads(truth_file.read_text(encoding="utf-8")), out, justify=True)
    return out if out.exists() else None


def layout_text(folder: Path) -> str | None:
    """The page's text as `pdftotext -layout` gives it (cached), or None without the tool or
    the page's truth."""
    out = folder / "pdftotext.layout.txt"
    if out.exists():
        return out.read_text(encoding="utf-8")
    truth_file = folder / "truth.json"
    if not available() or not truth_file.exists():
        return None
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as d:
        pdf = Path(d) / "page.pdf"
        _pdf(truth, pdf)
        res = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    out.write_text(res.stdout, encoding="utf-8")
    return res.stdout
