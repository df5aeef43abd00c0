"""E-paper text: a bench page as a PDF with a text layer, its text taken out by `pdftotext -layout`.

A user with a paper's e-paper PDF may copy its text out with a tool that keeps the layout
(poppler's `pdftotext -layout`): every printed row one line, the columns side by side. The
page's truth (every printed line, its box and type size) is set into a PDF at those places
(unskewed: an e-paper is typeset, not scanned), in one TrueType face (reportlab embeds
TrueType only; the text layer is what is read), and read back. Cached as
`pdftotext.layout.txt` beside the page image.
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
FACE = "kai"  # LXGW WenKai: a TrueType face reportlab can embed (Noto CJK is CFF)


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


def _pdf(truth: dict, out: Path) -> None:
    from reportlab.pdfgen import canvas

    w, h = truth["size"]
    c = canvas.Canvas(str(out), pagesize=(w * SCALE, h * SCALE))
    for ln in truth["lines"]:
        x0, _, _, y1 = ln["box"]
        x, y = rotate((x0, y1), (w, h), -truth["skew"])  # (the box's lower left, unskewed)
        c.setFont(_face(), max(ln["size"] * SCALE, 3.0))
        c.drawString(x * SCALE, (h - y) * SCALE + 0.2 * ln["size"] * SCALE, ln["text"])
    c.save()


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
