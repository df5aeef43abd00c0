"""OCR engines behind one interface: a page image in, its text lines with boxes out.

Two engines: Tesseract 5 (the `tesseract` command, Debian tesseract-ocr-chi-sim) and RapidOCR
(PyPI rapidocr-onnxruntime, PP-OCRv4 models inside the wheel, the `ocr` extra). Both are slow,
so every result is cached on disk by image hash + engine + version + settings under
$PIPELINE_CACHE/ocr (else ~/.cache/pipeline/ocr); a second read of the same image is a file read.
Tesseract's own outputs (plain text with its paragraphing, hOCR, ALTO, TSV) are kept too: they are
what other tools hand us, and what a reader from geometry works on.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from ..errors import PipelineError

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels, y down
ENGINES = ("tesseract", "rapidocr")


class OcrEngineError(PipelineError):
    """An OCR engine is missing or failed on an image."""


@dataclass
class OcrWord:
    text: str
    box: Box
    confidence: float  # 0..1


@dataclass
class OcrLine:
    text: str
    box: Box
    confidence: float  # 0..1
    words: list[OcrWord] = field(default_factory=list)  # Tesseract only: its word boxes


@dataclass
class OcrResult:
    engine: str
    version: str
    lines: list[OcrLine]  # in the engine's order
    text: str  # the engine's own text output (Tesseract: with its paragraphs; RapidOCR: lines in order)
    raw: dict[str, str] = field(default_factory=dict)  # tesseract: hocr, alto, tsv; rapidocr: json
    size: tuple[int, int] = (0, 0)  # image width, height

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, s: str) -> OcrResult:
        d = json.loads(s)
        lines = [
            OcrLine(
                ln["text"],
                tuple(ln["box"]),
                ln["confidence"],
                [OcrWord(w["text"], tuple(w["box"]), w["confidence"]) for w in ln["words"]],
            )
            for ln in d["lines"]
        ]
        return cls(d["engine"], d["version"], lines, d["text"], d.get("raw", {}), tuple(d.get("size", (0, 0))))


def cache_dir() -> Path:
    root = os.environ.get("PIPELINE_CACHE")
    if root:
        return Path(root) / "ocr"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "pipeline" / "ocr"


def _image_bytes(image: bytes | str | Path) -> bytes:
    if isinstance(image, bytes):
        return image
    try:
        return Path(image).read_bytes()
    except OSError as e:
        raise OcrEngineError(f"{image}: cannot read the image ({e.strerror or e})") from e


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def _cached(engine: str, version: str, settings: str, data: bytes, run) -> OcrResult:
    digest = hashlib.sha256(data).hexdigest()[:32]
    tag = hashlib.sha256(f"{engine}|{version}|{settings}".encode()).hexdigest()[:12]
    path = cache_dir() / engine / f"{digest}-{tag}.json"
    if path.exists():
        try:
            return OcrResult.from_json(path.read_text(encoding="utf-8"))
        except (ValueError, KeyError, TypeError):
            pass  # a damaged cache entry is read again
    res = run(data)
    _atomic_write(path, res.to_json())
    return res


# --- Tesseract ------------------------------------------------------------------------------


@cache
def tesseract_version() -> str:
    exe = shutil.which("tesseract")
    if not exe:
        raise OcrEngineError("tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    return (out.stdout or out.stderr).splitlines()[0].strip()


def tesseract_lines(tsv: str) -> list[OcrLine]:
    """Lines from Tesseract's TSV: level-5 rows are words, grouped by (block, paragraph, line)."""
    groups: dict[tuple[int, int, int], list[OcrWord]] = {}
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        x, y, w, h = (int(v) for v in f[6:10])
        word = OcrWord(f[11], (x, y, x + w, y + h), max(0.0, float(f[10])) / 100)
        groups.setdefault((int(f[2]), int(f[3]), int(f[4])), []).append(word)
    return [_join_words(words) for words in groups.values()]


def _join_words(words: list[OcrWord]) -> OcrLine:
    """A line's text as Tesseract's own text output sets it: Chinese words run together, a
    space where a digit or Latin word meets another word."""
    parts = [words[0].text]
    for a, b in itertools.pairwise(words):
        latin = (a.text[-1].isascii() and a.text[-1].isalnum()) or (b.text[0].isascii() and b.text[0].isalnum())
        parts.append((" " if latin else "") + b.text)
    box = (
        min(w.box[0] for w in words),
        min(w.box[1] for w in words),
        max(w.box[2] for w in words),
        max(w.box[3] for w in words),
    )
    conf = sum(w.confidence for w in words) / len(words)
    return OcrLine("".join(parts), box, conf, words)


def tesseract(image: bytes | str | Path, lang: str = "chi_sim", psm: int = 3) -> OcrResult:
    """Read an image with Tesseract once, keeping its text, hOCR, ALTO and TSV outputs."""
    data = _image_bytes(image)
    version = tesseract_version()

    def run(data: bytes) -> OcrResult:
        with tempfile.TemporaryDirectory(prefix="pipeline-ocr-") as tmp:
            src, base = Path(tmp) / "page.img", Path(tmp) / "out"
            src.write_bytes(data)
            cmd = ["tesseract", str(src), str(base), "-l", lang, "--psm", str(psm), "txt", "hocr", "alto", "tsv"]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                msg = (proc.stderr.strip().splitlines() or ["no message"])[-1]
                raise OcrEngineError(f"tesseract failed ({msg}); is tesseract-ocr-{lang.replace('_', '-')} installed?")
            raw = {
                k: (base.with_suffix(ext)).read_text(encoding="utf-8")
                for k, ext in (("hocr", ".hocr"), ("alto", ".xml"), ("tsv", ".tsv"))
            }
            text = base.with_suffix(".txt").read_text(encoding="utf-8")
        return OcrResult("tesseract", version, tesseract_lines(raw["tsv"]), text, raw, _size(data))

    res = _cached("tesseract", version, f"{lang}|psm{psm}", data, run)
    res.lines = tesseract_lines(res.raw.get("tsv", ""))  # derived afresh: cached runs follow the current rules
    return res


def _size(data: bytes) -> tuple[int, int]:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        return im.size


# --- RapidOCR -------------------------------------------------------------------------------


@cache
def rapidocr_version() -> str:
    from importlib import metadata

    try:
        return "rapidocr-onnxruntime " + metadata.version("rapidocr-onnxruntime")
    except metadata.PackageNotFoundError as e:
        raise OcrEngineError("RapidOCR is not installed (pip install 'pipeline[ocr]')") from e


@cache
def _rapidocr_engine():
    from rapidocr_onnxruntime import RapidOCR

    # No downscaling: the default shrinks any side over 2000 px, which blurs newspaper body type.
    return RapidOCR(max_side_len=8000)


STRIP = 2048  # px: a tall page is read in strips this tall (detection memory grows with the area)
OVERLAP = 320  # px shared by neighbouring strips: more than any line is tall


def _strips(height: int) -> list[tuple[int, int, int, int]]:
    """(top, bottom, own_from, own_to) of each strip: a line belongs to the strip whose own
    zone holds its middle, so a line cut by one strip's edge is taken whole from the next."""
    if height <= STRIP + OVERLAP:
        return [(0, height, 0, height)]
    out = []
    top = 0
    while True:
        bottom = min(height, top + STRIP)
        own_from = 0 if top == 0 else top + OVERLAP // 2
        own_to = height if bottom == height else bottom - OVERLAP // 2
        out.append((top, bottom, own_from, own_to))
        if bottom == height:
            return out
        top = bottom - OVERLAP


def _rapidocr_rows(data: bytes) -> list:
    """RapidOCR's rows for the whole image, read strip by strip on a tall page (peak memory
    of a 3500 x 6500 px page: about a third of reading it whole)."""
    import cv2
    import numpy as np

    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if img is None:
        raise OcrEngineError("RapidOCR could not decode the image")
    engine = _rapidocr_engine()
    rows = []
    for top, bottom, own_from, own_to in _strips(img.shape[0]):
        part, _ = engine(img[top:bottom]) if (top, bottom) != (0, img.shape[0]) else engine(img)
        for pts, text, conf in part or []:
            pts = [[float(p[0]), float(p[1]) + top] for p in pts]
            middle = (min(p[1] for p in pts) + max(p[1] for p in pts)) / 2
            if own_from <= middle < own_to:
                rows.append((pts, text, conf))
    return rows


def rapidocr(image: bytes | str | Path) -> OcrResult:
    """Read an image with RapidOCR (PP-OCRv4 detection + recognition)."""
    data = _image_bytes(image)
    version = rapidocr_version()
    height = _size(data)[1]

    def run(data: bytes) -> OcrResult:
        rows = _rapidocr_rows(data)
        lines = []
        for pts, text, conf in rows:
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            box = (int(min(xs)), int(min(ys)), round(float(max(xs))), round(float(max(ys))))
            lines.append(OcrLine(text, box, float(conf)))
        raw = json.dumps(
            [[[[float(v) for v in p] for p in pts], t, float(c)] for pts, t, c in rows], ensure_ascii=False
        )
        return OcrResult(
            "rapidocr", version, lines, "\n".join(ln.text for ln in lines) + "\n", {"json": raw}, _size(data)
        )

    # a page read whole keeps the settings (and cache entries) it always had
    settings = "max8000" if len(_strips(height)) == 1 else f"max8000|strips{STRIP}+{OVERLAP}"
    return _cached("rapidocr", version, settings, data, run)


def ocr(image: bytes | str | Path, engine: str) -> OcrResult:
    if engine == "tesseract":
        return tesseract(image)
    if engine == "rapidocr":
        return rapidocr(image)
    raise OcrEngineError(f"unknown OCR engine {engine!r}: expected one of {', '.join(ENGINES)}")


def available(engine: str) -> bool:
    try:
        (tesseract_version if engine == "tesseract" else rapidocr_version)()
    except OcrEngineError:
        return False
    return engine in ENGINES
