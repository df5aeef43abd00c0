"""One build job: read an input, convert it to each requested script, render each format.

The CLI only parses options and calls `build_one` / `build_many`; everything a build does
lives here, so tests and the benchmark drive the same code the command line does.
"""

from __future__ import annotations

import importlib
import os
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import metadata
from .clock import source_date_epoch
from .errors import PipelineError
from .model import Document
from .outputs import ensure_dir, write_atomic
from .read import read_source
from .read.geometric import input_pages
from .read.ocr import Reading
from .render.fontengine import FontEngine
from .render.shared import LANG_TAGS, Note, RenderOptions
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
    variants: tuple[str, ...] | None = ("zh-Hans",)  # None: each input in its own script
    style_path: str | None = None
    out: Path = Path("output")
    force: bool = False
    meta: dict[str, str] = field(default_factory=dict)  # CLI overrides
    hant_profile: str | None = None
    impose: bool = False  # also write <stem>.print.pdf, the imposed booklet (needs pdf)
    source_format: str | None = None  # "txt" | "md" | "json" (--from); None: by the input's extension
    print_options: dict = field(default_factory=dict)  # CLI overrides of the sheet's [print]
    toc_pages: bool | None = None  # DOCX contents with LibreOffice's page numbers; None: the sheet's [docx]
    profile: str | None = None  # source profile for OCR pages (pipeline/data/profiles); None: mainland
    ocr: str = "rapidocr"  # the engine for page images and scanned PDFs (--ocr)


@dataclass
class BuildResult:
    input: str
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    chars_in: int = 0
    chars_out: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # one line each, for the build summary


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


def read_input(path: Path, style: Style, cfg: BuildConfig) -> tuple[Document, Reading | None]:
    """The model, and for an OCR page the reading the cleanup report is built from. Metadata:
    CLI, sidecar, then a Markdown input's front matter (a JSON input's meta), the style sheet,
    derived defaults."""
    src = read_source(path, cfg.source_format, cfg.force, cfg.profile, cfg.ocr)
    metadata.apply(src.doc, cfg.meta, metadata.read_sidecar(path), src.front, style.meta.layer())
    return src.doc, src.reading


def write_report(path: Path, reading: Reading | None, cfg: BuildConfig) -> str:
    if reading is None:
        raise PipelineError(
            f"{path}: the cleanup report needs an OCR page (.txt, a page image, PDF, hOCR or ALTO); "
            "a .md or .json input has no cleanup"
        )
    from .report import report_html

    dest = cfg.out / f"{path.stem}.report.html"
    write_atomic(dest, report_html(reading).encode("utf-8"))
    return str(dest)


def is_traditional(language: str) -> bool:
    """A language tag of Traditional-Chinese text: zh-TW, zh-HK, zh-MO, zh-Hant(-…)."""
    tag = language.strip().lower().replace("_", "-")
    return tag.startswith("zh-hant") or tag in ("zh-tw", "zh-hk", "zh-mo")


def input_variants(doc: Document, path: Path, cfg: BuildConfig) -> tuple[str, ...]:
    """The scripts to build an input in. A Traditional input (a .zh-Hant.md or .json, whose
    language says so) is its own zh-Hant edition: asking for zh-Hans, or for an OpenCC
    profile, cannot be honoured from it, and is refused rather than silently ignored."""
    if not is_traditional(doc.meta.language):
        return cfg.variants or ("zh-Hans",)
    lang = doc.meta.language
    if cfg.variants and "zh-Hans" in cfg.variants:
        raise PipelineError(
            f"{path}: is Traditional Chinese (language: {lang}), so it builds only as zh-Hant; "
            "build zh-Hans from its Simplified source"
        )
    if cfg.hant_profile:
        raise PipelineError(f"{path}: is already Traditional Chinese (language: {lang}); drop --hant-profile")
    return ("zh-Hant",)


def convert(doc: Document, variant: str, style: Style, cfg: BuildConfig) -> tuple[Document, str]:
    """The document in the requested script, and its language tag."""
    if variant == "zh-Hant" and is_traditional(doc.meta.language):
        return doc, doc.meta.language  # already Traditional: its own regional tag decides
    if variant == "zh-Hans":
        return doc, LANG_TAGS["zh-Hans"]
    from .hant import PROFILE_LANG, lang_for_profile, to_hant

    profile = cfg.hant_profile or style.hant.profile
    if profile not in PROFILE_LANG:
        raise PipelineError(f"unknown zh-Hant profile {profile!r}; expected one of: {', '.join(PROFILE_LANG)}")
    hant = to_hant(doc, profile=profile, corner_quotes=style.hant.corner_quotes)
    return hant, lang_for_profile(profile)


def output_path(out: Path, stem: str, variant: str, fmt: str) -> Path:
    """OUT/<stem>.<ext>, zh-Hant OUT/<stem>.zh-Hant.<ext>; a stem that already ends in the
    variant (X.zh-Hant.md rebuilt) does not get it twice."""
    if variant == "zh-Hans" or stem.endswith(f".{variant}"):
        return out / f"{stem}.{fmt}"
    return out / f"{stem}.{variant}.{fmt}"


def impose_style(pdf: bytes, style: Style, epoch: int | None, overrides: dict | None = None) -> bytes:
    """The imposed print PDF with the sheet's [print] options (CLI options win)."""
    from .impose import impose

    p = replace(style.print, **(overrides or {}))
    return impose(pdf, signature_sheets=p.signature_sheets, creep=p.creep, marks=p.marks, epoch=epoch)


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


# Options that only mean something with another one, all under one policy: refuse, in one line
# that says what to add (never a silent no-op, never a guess at what the user meant).
# (option, what it needs, given?, satisfied?)
DEPENDENT_OPTIONS: tuple[tuple[str, str, Callable[[BuildConfig], bool], Callable[[BuildConfig], bool]], ...] = (
    (
        "--hant-profile",
        "--variant zh-Hant",
        lambda c: c.hant_profile is not None,
        lambda c: "zh-Hant" in (c.variants or ()),
    ),
    ("--impose", "--to pdf", lambda c: c.impose, lambda c: "pdf" in c.formats),
    ("--signature-sheets", "--impose", lambda c: "signature_sheets" in c.print_options, lambda c: c.impose),
    ("--creep", "--impose", lambda c: "creep" in c.print_options, lambda c: c.impose),
    ("--marks/--no-marks", "--impose", lambda c: "marks" in c.print_options, lambda c: c.impose),
    ("--toc-pages/--no-toc-pages", "--to docx", lambda c: c.toc_pages is not None, lambda c: "docx" in c.formats),
)


def check_config(cfg: BuildConfig) -> None:
    for option, needs, given, satisfied in DEPENDENT_OPTIONS:
        if given(cfg) and not satisfied(cfg):
            raise PipelineError(f"{option} only means something with {needs}; add {needs} or drop {option}")


PRINTED = ("pdf", "docx", "epub")  # formats with a cover or title page


def cover_date(doc: Document, style: Style, epoch: int | None, notes: list[str], formats: tuple[str, ...]) -> str:
    """The date the covers print: the document's (page, sidecar, --date, front matter, sheet),
    else the edition date if the sheet asks for one, else none; the summary says which (when
    a format with a cover is built)."""
    if doc.meta.date or not set(formats) & set(PRINTED):
        return doc.meta.date
    if style.meta.edition_date:
        date = metadata.edition_date(epoch)
        notes.append(f"cover date {date} is the edition date (meta.edition_date in {style.path.name})")
        return date
    notes.append("no date on the cover: none on the page, in a sidecar or from --date")
    return ""


def render(fmt: str, doc: Document, style: Style, opts: RenderOptions, notes: list[str]) -> bytes:
    """One writer's bytes; what it could not do (a Note warning) goes into the build's notes."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", Note)
        data = writer(fmt).render(doc, style, opts)
    for w in caught:
        if issubclass(w.category, Note):
            notes.append(str(w.message))
        else:  # anything else is shown as it would have been
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return data


def write_variant(
    doc: Document,
    stem: str,
    variant: str,
    style: Style,
    cfg: BuildConfig,
    epoch: int | None,
    dated: str,
    notes: list[str],
    fonts: FontEngine,
) -> list[str]:
    """Every requested format of one script, as OUT/<stem>.<ext>; returns the paths written."""
    written = []
    vdoc, lang = convert(doc, variant, style, cfg)
    vdoc = replace(vdoc, meta=replace(vdoc.meta, language=lang))
    toc = style.docx.toc_pages if cfg.toc_pages is None else cfg.toc_pages
    opts = RenderOptions(variant=variant, lang=lang, epoch=epoch, toc_pages=toc, fonts=fonts)
    for fmt in (f for f in cfg.formats if f != "report"):
        # the edition date goes on covers only: the .md and .json keep the page's facts
        shown = replace(vdoc, meta=replace(vdoc.meta, date=dated)) if fmt in PRINTED else vdoc
        data = render(fmt, shown, style, opts, notes)
        dest = output_path(cfg.out, stem, variant, fmt)
        write_atomic(dest, data)
        written.append(str(dest))
        if fmt == "pdf" and cfg.impose:
            dest = output_path(cfg.out, stem, variant, "print.pdf")
            write_atomic(dest, impose_style(data, style, epoch, cfg.print_options))
            written.append(str(dest))
    return written


def build_one(
    path: str | Path, cfg: BuildConfig, style: Style | None = None, fonts: FontEngine | None = None
) -> BuildResult:
    """One input in every requested script and format. `fonts` is the batch's font engine
    (render.fontengine); without one the build gets its own."""
    path = Path(path)
    fonts = fonts or FontEngine()
    res = BuildResult(str(path))
    t0 = time.perf_counter()
    try:
        style = style or load_style(cfg.style_path)
        epoch = source_date_epoch()
        doc, reading = read_input(path, style, cfg)
        res.chars_in, res.chars_out = doc.stats.get("chars_in", 0), doc.stats.get("chars_out", 0)
        if doc.is_book and (cannot := [f for f in cfg.formats if f in ("md", "report")]):
            raise PipelineError(
                f"{path}: is a book (it has parts), which has no {'/'.join(cannot)} form; drop it from --to"
            )
        dated = cover_date(doc, style, epoch, res.notes, cfg.formats)
        variants = input_variants(doc, path, cfg)
        ensure_dir(cfg.out)
        if "report" in cfg.formats:
            res.outputs.append(write_report(path, reading, cfg))
        for variant in variants:
            res.outputs += write_variant(doc, path.stem, variant, style, cfg, epoch, dated, res.notes, fonts)
    except PipelineError as e:
        res.error = str(e)
    except Exception as e:  # a bug: still one line, never a traceback for the user
        res.error = f"{path}: internal error {type(e).__name__}: {e} (please report this)"
        if os.environ.get("PIPELINE_DEBUG"):
            raise
    res.seconds = time.perf_counter() - t0
    return res


_worker_style: Style | None = None
_worker_fonts: FontEngine | None = None
_worker_variant: str | None = None


def _init_worker(style_path: str | None) -> None:
    global _worker_style, _worker_fonts
    _worker_style = load_style(style_path)
    # The pool already uses every core: convert fonts in this process, where the converted
    # glyphs stay for the next document, rather than in a pool of its own per document.
    _worker_fonts = FontEngine(workers=1)


def _work(unit: tuple[int, str, BuildConfig]) -> BuildResult:
    global _worker_variant
    _i, path, cfg = unit
    assert _worker_fonts is not None
    variant = cfg.variants[0] if cfg.variants and len(cfg.variants) == 1 else None
    if variant and _worker_variant and variant != _worker_variant and "pdf" in cfg.formats:
        _worker_fonts.release()  # the other script's faces are not needed any more
    _worker_variant = variant or _worker_variant
    return build_one(path, cfg, _worker_style, _worker_fonts)


def build_many(paths: list[str], cfg: BuildConfig, jobs: int = 1) -> Iterator[BuildResult]:
    """Build every input; a failure is reported in its result and does not stop the rest."""
    check_config(cfg)
    style = load_style(cfg.style_path)  # validate once, before any work
    paths = input_pages(paths, cfg.source_format)  # a scanned PDF: one input per page
    units = _units(paths, cfg, jobs)
    if jobs <= 1 or len(units) <= 1:
        fonts = FontEngine(workers=1 if len(paths) > 1 else None)  # a batch here: each glyph converted once
        for p in paths:
            yield build_one(p, cfg, style, fonts)
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
    if not cfg.variants or len(cfg.variants) < 2:
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
    into.notes += [n for n in res.notes if n not in into.notes]
    into.error = into.error or res.error
    into.seconds = max(into.seconds, res.seconds)
