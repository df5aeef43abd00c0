"""One build job: read an input, convert it to each requested script, render each format.

The CLI only parses options and calls `build_one` / `build_many`; everything a build does
lives here, so tests and the benchmark drive the same code the command line does.
"""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import metadata
from .clock import source_date_epoch
from .errors import PipelineError
from .model import Document
from .outputs import ensure_dir, write_atomic
from .read import GEOMETRIC, source_format
from .read.ocr import Reading, read_path
from .render.shared import LANG_TAGS, RenderOptions
from .style import Style, load_style, parse_length

FORMATS = {
    "pdf": "pipeline.render.pdf",
    "docx": "pipeline.render.docx",
    "epub": "pipeline.render.epub",
    "json": "pipeline.render.json",
    "md": "pipeline.render.markdown",
    "report": "pipeline.report",  # per input, from the OCR reading: <stem>.report.html
}
VARIANTS = ("zh-Hans", "zh-Hant")


@dataclass(frozen=True)
class BuildConfig:
    formats: tuple[str, ...]
    variants: tuple[str, ...] = ("zh-Hans",)
    style_path: str | None = None
    out: Path = Path("output")
    force: bool = False
    meta: dict[str, str] = field(default_factory=dict)  # CLI overrides
    hant_profile: str | None = None
    impose: bool = False  # also write <stem>.print.pdf, the imposed booklet (needs pdf)
    source_format: str | None = None  # "txt" | "md" | geometric (--from); None: by the input's extension
    print_options: dict = field(default_factory=dict)  # CLI overrides of the sheet's [print]
    ocr: str = "rapidocr"  # the engine for page images and scanned PDFs (--ocr)


@dataclass
class BuildResult:
    input: str
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    chars_in: int = 0
    chars_out: int = 0
    seconds: float = 0.0


def parse_list(value: str, allowed: tuple[str, ...] | dict, what: str) -> tuple[str, ...]:
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    bad = [v for v in items if v not in allowed]
    if bad or not items:
        raise PipelineError(
            f"unknown {what} {', '.join(bad) or repr(value)}; expected one or more of: {', '.join(allowed)}"
        )
    return items


def writer(fmt: str):
    try:
        return importlib.import_module(FORMATS[fmt])
    except ModuleNotFoundError as e:
        raise PipelineError(f"the {fmt} writer is not available ({e.name} missing)") from None


def read_input(path: Path, style: Style, cfg: BuildConfig, epoch: int | None) -> tuple[Document, Reading | None]:
    """The model, and for an OCR page the reading the cleanup report is built from. Metadata:
    CLI, sidecar, then a Markdown input's front matter, the style sheet, derived defaults."""
    fmt = source_format(path, cfg.source_format)
    if fmt in GEOMETRIC:
        reading = read_page_of(path, fmt, cfg)
        doc, front = reading.doc, {}
    elif fmt == "md":
        from .read import markdown

        doc, reading = markdown.read_path(path), None
        front = markdown.front_matter(doc)
    else:
        reading = read_path(path, force=cfg.force)
        doc, front = reading.doc, {}
    metadata.apply(doc, cfg.meta, metadata.read_sidecar(path), front, style.meta, epoch=epoch)
    return doc, reading


def read_page_of(path: Path, fmt: str, cfg: BuildConfig) -> Reading:
    """A geometric input's page: the one the build unit names (a page of a scanned PDF is
    built as its own input, `<stem>-p<N>`; see input_pages)."""
    from .read import geometric

    real, page = split_page(path)
    readings = geometric.read_path(real, fmt, ocr=cfg.ocr, force=cfg.force, page=page)
    return readings[0]


PAGE_SUFFIX = "-p"


def split_page(path: Path) -> tuple[Path, int | None]:
    """`scan.pdf` -> (scan.pdf, None); the unit `scan-p2.pdf` of a two-page scan.pdf -> (scan.pdf, 2)."""
    if path.exists():
        return path, None
    stem, sep, num = path.stem.rpartition(PAGE_SUFFIX)
    real = path.with_name(stem + path.suffix)
    if sep and num.isdigit() and real.exists():
        return real, int(num)
    return path, None


def input_pages(paths: list[str], cfg: BuildConfig) -> list[str]:
    """The build's inputs with every multi-page PDF or TIFF as one input per page, named
    `<stem>-p<N>.<ext>` (so each page's editions are OUT/<stem>-p<N>.<ext>)."""
    from .read import geometric

    out: list[str] = []
    for p in paths:
        fmt = source_format(p, cfg.source_format)
        n = geometric.page_count(p, fmt) if fmt in ("pdf", "image") else 1
        if n <= 1:
            out.append(p)
        else:
            q = Path(p)
            out += [str(q.with_name(f"{q.stem}{PAGE_SUFFIX}{k}{q.suffix}")) for k in range(1, n + 1)]
    return out


def write_report(path: Path, reading: Reading | None, cfg: BuildConfig) -> str:
    if reading is None:
        raise PipelineError(f"{path}: the cleanup report needs an OCR page (.txt); a Markdown input has no cleanup")
    from .report import report_html

    dest = cfg.out / f"{path.stem}.report.html"
    write_atomic(dest, report_html(reading).encode("utf-8"))
    return str(dest)


def convert(doc: Document, variant: str, style: Style, cfg: BuildConfig) -> tuple[Document, str]:
    """The document in the requested script, and its language tag."""
    if variant == "zh-Hans":
        return doc, LANG_TAGS["zh-Hans"]
    from .hant import PROFILE_LANG, lang_for_profile, to_hant

    profile = cfg.hant_profile or style.hant["profile"]
    if profile not in PROFILE_LANG:
        raise PipelineError(f"unknown zh-Hant profile {profile!r}; expected one of: {', '.join(PROFILE_LANG)}")
    hant = to_hant(doc, profile=profile, corner_quotes=style.hant["corner_quotes"])
    return hant, lang_for_profile(profile)


def output_path(out: Path, stem: str, variant: str, fmt: str) -> Path:
    return out / (f"{stem}.{fmt}" if variant == "zh-Hans" else f"{stem}.{variant}.{fmt}")


def impose_style(pdf: bytes, style: Style, epoch: int | None, overrides: dict | None = None) -> bytes:
    """The imposed print PDF with the sheet's [print] options (CLI options win)."""
    from .impose import impose

    p = {**style.print, **(overrides or {})}
    return impose(pdf, signature_sheets=p["signature_sheets"], creep=p["creep"], marks=p["marks"], epoch=epoch)


def print_overrides(signature_sheets: int | None, creep: str | None, marks: bool | None) -> dict:
    """CLI print options, checked like the sheet's: a bad length is one clear error."""
    out: dict = {}
    if signature_sheets is not None:
        if signature_sheets < 0:
            raise PipelineError("--signature-sheets must be 0 (one signature) or more")
        out["signature_sheets"] = signature_sheets
    if creep is not None:
        try:
            out["creep"] = parse_length(creep)
        except ValueError as e:
            raise PipelineError(f"--creep must be {e}") from None
    if marks is not None:
        out["marks"] = marks
    return out


def check_config(cfg: BuildConfig) -> None:
    if (cfg.impose or cfg.print_options) and "pdf" not in cfg.formats:
        raise PipelineError("--impose needs the pdf format (--to pdf)")
    if cfg.print_options and not cfg.impose:
        raise PipelineError("--signature-sheets, --creep and --marks go with --impose")


def build_one(path: str | Path, cfg: BuildConfig, style: Style | None = None) -> BuildResult:
    path = Path(path)
    res = BuildResult(str(path))
    t0 = time.perf_counter()
    try:
        style = style or load_style(cfg.style_path)
        epoch = source_date_epoch()
        doc, reading = read_input(path, style, cfg, epoch)
        res.chars_in, res.chars_out = doc.stats.get("chars_in", 0), doc.stats.get("chars_out", 0)
        ensure_dir(cfg.out)
        if "report" in cfg.formats:
            res.outputs.append(write_report(path, reading, cfg))
        for variant in cfg.variants:
            vdoc, lang = convert(doc, variant, style, cfg)
            vdoc = replace(vdoc, meta=replace(vdoc.meta, language=lang))
            opts = RenderOptions(variant=variant, lang=lang, epoch=epoch)
            for fmt in (f for f in cfg.formats if f != "report"):
                data = writer(fmt).render(vdoc, style, opts)
                dest = output_path(cfg.out, path.stem, variant, fmt)
                write_atomic(dest, data)
                res.outputs.append(str(dest))
                if fmt == "pdf" and cfg.impose:
                    dest = output_path(cfg.out, path.stem, variant, "print.pdf")
                    write_atomic(dest, impose_style(data, style, epoch, cfg.print_options))
                    res.outputs.append(str(dest))
    except PipelineError as e:
        res.error = str(e)
    except Exception as e:  # a bug: still one line, never a traceback for the user
        res.error = f"{path}: internal error {type(e).__name__}: {e} (please report this)"
        if os.environ.get("PIPELINE_DEBUG"):
            raise
    res.seconds = time.perf_counter() - t0
    return res


_worker_style: Style | None = None


def _init_worker(style_path: str | None) -> None:
    global _worker_style
    _worker_style = load_style(style_path)
    # The pool already uses every core: convert fonts in this process, where the converted
    # glyphs stay cached for the next document, rather than in a pool of its own per document.
    os.environ["PIPELINE_FONT_WORKERS"] = "1"


@contextmanager
def _fonts_in_process(on: bool) -> Iterator[None]:
    old = os.environ.get("PIPELINE_FONT_WORKERS")
    if on:
        os.environ["PIPELINE_FONT_WORKERS"] = "1"
    try:
        yield
    finally:
        if on and old is None:
            os.environ.pop("PIPELINE_FONT_WORKERS", None)
        elif on:
            os.environ["PIPELINE_FONT_WORKERS"] = old


_worker_variant: str | None = None


def _work(unit: tuple[int, str, BuildConfig]) -> BuildResult:
    global _worker_variant
    _i, path, cfg = unit
    variant = cfg.variants[0] if len(cfg.variants) == 1 else None
    if variant and _worker_variant and variant != _worker_variant and "pdf" in cfg.formats:
        from .render.pdf.fonts import release_sources

        release_sources()  # the other script's faces are not needed any more
    _worker_variant = variant or _worker_variant
    return build_one(path, cfg, _worker_style)


def build_many(paths: list[str], cfg: BuildConfig, jobs: int = 1) -> Iterator[BuildResult]:
    """Build every input; a failure is reported in its result and does not stop the rest."""
    check_config(cfg)
    style = load_style(cfg.style_path)  # validate once, before any work
    paths = input_pages(paths, cfg)
    units = _units(paths, cfg, jobs)
    if jobs <= 1 or len(units) <= 1:
        with _fonts_in_process(len(paths) > 1):  # a batch here: each glyph converted once
            for p in paths:
                yield build_one(p, cfg, style)
        return
    pending: dict[int, tuple[BuildResult, int]] = {}
    per_input = len(units) // len(paths)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(cfg.style_path,)) as ex:
        for (i, _p, _c), res in zip(units, ex.map(_work, units, chunksize=1), strict=True):
            if i in pending:
                merged, left = pending[i]
                _merge(merged, res)  # another script of the same input
                pending[i] = (merged, left - 1)
            else:
                pending[i] = (res, per_input - 1)
            if pending[i][1] == 0:
                yield pending.pop(i)[0]


def _units(paths: list[str], cfg: BuildConfig, jobs: int) -> list[tuple[int, str, BuildConfig]]:
    """Work units for the pool: one per input and script. With fewer inputs than workers the
    editions of one page spread over every core; in a batch the units go script by script,
    so each worker holds one script's fonts at a time (peak memory per worker)."""
    if len(cfg.variants) < 2:
        return [(i, p, cfg) for i, p in enumerate(paths)]
    per_variant = []
    for k, v in enumerate(cfg.variants):
        fmts = cfg.formats if k == 0 else tuple(f for f in cfg.formats if f != "report")
        per_variant.append(replace(cfg, variants=(v,), formats=fmts))
    if len(paths) < jobs:
        return [(i, p, vcfg) for i, p in enumerate(paths) for vcfg in per_variant]
    return [(i, p, vcfg) for vcfg in per_variant for i, p in enumerate(paths)]


def _merge(into: BuildResult, res: BuildResult) -> None:
    """Fold the result of one script's unit into its input's result."""
    into.outputs += res.outputs
    into.error = into.error or res.error
    into.seconds = max(into.seconds, res.seconds)
