"""One book: read every input, assemble them into one model, render each format and script.

The single-page build's own steps do the rest (pipeline/build.py): the sheet, the cover date,
the Traditional conversion, the writers, the atomic writes, --impose. Every input is read
before anything is written: an input that fails fails the book in one line naming it (or, with
--keep-going, is left out and listed), and then no file is written at all.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .. import metadata
from ..build import BuildConfig, check_config, cover_date, is_traditional, write_variant
from ..clock import source_date_epoch
from ..errors import PipelineError
from ..model import Document
from ..outputs import ensure_dir
from ..read import read_source, source_format
from ..read.geometric import input_pages
from ..render.fontengine import FontEngine
from ..style import load_style
from .assemble import PageIn, assemble, provenance
from .manifest import InputSpec, Manifest

BOOK_FORMATS = ("pdf", "docx", "epub", "json")
OCR_FORMATS = ("image", "pdf")  # seconds a page (OCR): read in worker processes


@dataclass
class BookResult:
    name: str
    outputs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line each, for the build summary
    skipped: list[str] = field(default_factory=list)  # "input: reason" (--keep-going)
    error: str | None = None
    inputs: int = 0
    parts: int = 0
    articles: int = 0
    chars_in: int = 0
    chars_out: int = 0
    chars_duplicate: int = 0  # characters of inputs left out as duplicates
    seconds: float = 0.0


@dataclass
class _Read:
    """An input read in a worker (or here): the model and the metadata it carries, or why not."""

    doc: Document | None = None
    sidecar: dict = field(default_factory=dict)
    front: dict = field(default_factory=dict)
    error: str | None = None


def _one_line(path: Path, message: str) -> str:
    """The reason an input failed, in one line that names the input."""
    line = " ".join(message.split())
    return line if line.startswith(str(path)) else f"{path}: {line}"


def _read(spec: InputSpec, cfg: BuildConfig) -> _Read:
    try:
        src = read_source(spec.path, cfg.source_format, cfg.force, cfg.profile, cfg.ocr)
        doc = src.doc
        if doc.is_book:
            raise PipelineError(f"{spec.path}: is a book already (it has parts); give the pages it was made of")
        if is_traditional(doc.meta.language):
            raise PipelineError(
                f"{spec.path}: is Traditional Chinese (language: {doc.meta.language}); a book is made of "
                "Simplified pages, and its zh-Hant edition from them"
            )
        return _Read(doc, metadata.read_sidecar(spec.path), src.front)
    except PipelineError as e:
        return _Read(error=_one_line(spec.path, str(e)))
    except Exception as e:  # a bug: still one line naming the input
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        return _Read(error=f"{spec.path}: internal error {type(e).__name__}: {e} (please report this)")


def _format(path: Path, cfg: BuildConfig) -> str:
    try:
        return source_format(path, cfg.source_format)
    except PipelineError:
        return ""  # an unknown --from: refused before any input is read


def expand(spec: InputSpec, cfg: BuildConfig) -> list[InputSpec]:
    """A PDF or TIFF of several pages as a page each (scan-p2.pdf, as `build` names them), with
    the manifest's source fields but its page number (each page has its own)."""
    paths = input_pages([str(spec.path)], cfg.source_format)
    if len(paths) == 1:
        return [spec]
    source = {k: v for k, v in spec.source.items() if k != "page"}
    return [InputSpec(Path(p), source) for p in paths]


def _read_unit(unit: tuple[InputSpec, BuildConfig]) -> _Read:
    return _read(*unit)


def read_inputs(specs: list[InputSpec], cfg: BuildConfig, jobs: int) -> list[_Read]:
    """Each input through the one read layer; page images and PDFs (seconds each: OCR) in a
    pool of worker processes, text inputs here."""
    slow = [s for s in specs if _format(s.path, cfg) in OCR_FORMATS]
    if jobs <= 1 or len(slow) < 2:
        return [_read(s, cfg) for s in specs]
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        return list(ex.map(_read_unit, [(s, cfg) for s in specs], chunksize=1))


def _pages(manifest: Manifest, cfg: BuildConfig, jobs: int, keep_going: bool, res: BookResult) -> list[PageIn]:
    specs = [(i, one) for i, part in enumerate(manifest.parts) for spec in part.inputs for one in expand(spec, cfg)]
    res.inputs = len(specs)
    reads = read_inputs([s for _, s in specs], cfg, jobs)
    failed = [r.error for r in reads if r.error]
    if failed and not keep_going:
        more = f" (and {len(failed) - 1} more input{'s' if len(failed) > 2 else ''} failed)" if len(failed) > 1 else ""
        raise PipelineError(f"{failed[0]}{more}; nothing written (--keep-going leaves failing inputs out)")
    res.skipped = [e for e in failed if e]
    pages: list[PageIn] = []
    seen: dict[str, int] = {}
    for k, ((i, spec), r) in enumerate(zip(specs, reads, strict=True)):
        if r.error:
            continue
        name = str(spec.path)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name} (input {k + 1})"
        pages.append(PageIn(name, i, r.doc, provenance(r.doc, spec.source, r.sidecar, r.front)))
    return pages


def build_book(manifest: Manifest, cfg: BuildConfig, jobs: int = 1, keep_going: bool = False) -> BookResult:
    """The book in every requested format and script: OUT/<name>.<ext>, OUT/<name>.zh-Hant.<ext>."""
    res = BookResult(manifest.name)
    t0 = time.perf_counter()
    try:
        _build(manifest, cfg, jobs, keep_going, res)
    except PipelineError as e:
        res.error = str(e)
    except Exception as e:  # a bug: still one line, never a traceback for the user
        if os.environ.get("PIPELINE_DEBUG"):
            raise
        res.error = f"book {manifest.name}: internal error {type(e).__name__}: {e} (please report this)"
    res.seconds = time.perf_counter() - t0
    return res


def check_book_config(cfg: BuildConfig) -> None:
    """What a book cannot be, refused before any input is read."""
    bad = [f for f in cfg.formats if f not in BOOK_FORMATS]
    if bad:
        raise PipelineError(
            f"--to {','.join(bad)}: a book is built as {', '.join(BOOK_FORMATS)} "
            "(the Markdown dialect has no parts, and the cleanup report is per page: `pipeline build`)"
        )
    check_config(cfg)


def _build(manifest: Manifest, cfg: BuildConfig, jobs: int, keep_going: bool, res: BookResult) -> None:
    check_book_config(cfg)
    style = load_style(cfg.style_path)  # a bad sheet is one error before any input is read
    epoch = source_date_epoch()
    pages = _pages(manifest, cfg, jobs, keep_going, res)
    book = assemble(manifest.parts, pages, manifest.author_index)
    doc = book.doc
    res.notes += book.notes
    metadata.apply(doc, cfg.meta, manifest.meta, style.meta.layer())
    doc.meta.source = manifest.path.name if manifest.path else manifest.name
    res.parts, res.articles = len(doc.parts), len(doc.all_articles())
    res.chars_in, res.chars_out = doc.stats["chars_in"], doc.stats["chars_out"]
    res.chars_duplicate = doc.stats["chars_duplicate"]
    dated = cover_date(doc, style, epoch, res.notes, cfg.formats)
    ensure_dir(cfg.out)
    fonts = FontEngine()
    for variant in cfg.variants or ("zh-Hans",):
        res.outputs += write_variant(doc, manifest.name, variant, style, cfg, epoch, dated, res.notes, fonts)
