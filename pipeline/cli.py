"""Command line: wires the stages together and reports; holds no logic of its own."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from . import __version__
from .book import book_manifest
from .book.build import BOOK_FORMATS, build_book, check_book_config
from .build import FORMATS, VARIANTS, BuildConfig, build_many, parse_list, print_overrides
from .errors import PipelineError
from .read import GEOMETRIC, SOURCE_FORMATS, check_profile, read_source, source_format
from .read.geometric import input_pages
from .read.sources import OCR_ENGINES

_OCR = click.option(
    "--ocr",
    default="rapidocr",
    type=click.Choice(OCR_ENGINES),
    help="OCR engine for page images and scanned PDFs (default rapidocr).",
)
_PAGE = click.option("--page", type=click.IntRange(min=1), default=None, help="Page of a multi-page PDF or TIFF.")


def _count(n: int, noun: str) -> str:
    """'1 input', '2 inputs': the summary agrees in number."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _fail(msg: str) -> None:
    click.echo(f"error: {msg}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pipeline")
def cli() -> None:
    """OCR'd Chinese newspaper pages to typeset booklets (PDF), DOCX and EPUB."""


def _options(*decorators):
    """Apply click options in the order they are listed (as they read in --help)."""

    def apply(f):
        for d in reversed(decorators):
            f = d(f)
        return f

    return apply


# What `build` and `book` share: scripts, sheet, output, metadata, printing, DOCX, the reader.
_VARIANT = click.option(
    "--variant",
    default=None,
    help="Scripts, comma-separated: zh-Hans, zh-Hant, or both as zh-Hans,zh-Hant (default: zh-Hans; a Traditional input: zh-Hant).",
)
_STYLE = click.option("--style", "style_path", default=None, help="Style sheet (default styles/booklet.toml).")
_OUT = click.option(
    "--out", default="output", show_default=True, type=click.Path(file_okay=False), help="Output directory."
)
_HANT = click.option(
    "--hant-profile", default=None, help="With --variant zh-Hant: OpenCC profile s2tw, s2hk, s2twp (opt-in vocabulary)."
)
_META = (
    click.option("--title", default=None, help="Booklet title (overrides sidecar and sheet)."),
    click.option("--subtitle", default=None, help="Booklet subtitle."),
    click.option("--publisher", default=None, help="Publisher shown on the cover."),
    click.option("--date", "date_", default=None, help="Date shown on the cover."),
)
_JOBS = click.option("-j", "--jobs", default=None, type=int, help="Worker processes (default: number of cores).")
_FORCE = click.option("--force", is_flag=True, help="Write outputs even if the character accounting fails (warns).")
_PRINT = (
    click.option("--impose", is_flag=True, help="With --to pdf: also write <stem>.print.pdf, an imposed A4 booklet."),
    click.option("--signature-sheets", type=int, default=None, help="With --impose: sheets per signature (0: one)."),
    click.option("--creep", default=None, help="With --impose: creep per sheet, e.g. 0.1mm."),
    click.option("--marks/--no-marks", default=None, help="With --impose: fold marks."),
)
_TOC_PAGES = click.option(
    "--toc-pages/--no-toc-pages",
    default=None,
    help="With --to docx: page numbers in the contents, from a LibreOffice layout (seconds; default: the sheet's).",
)
_PROFILE = click.option(
    "--profile", default=None, help="Source profile: a paper's conventions (built-in name or .toml; default mainland)."
)
_FROM = click.option(
    "--from", "from_", default=None, help=f"Input: {'|'.join(SOURCE_FORMATS)} (default: by extension)."
)


def _config(to: str, o: dict) -> BuildConfig:
    """The options both `build` and `book` take, as one build configuration, each checked
    before any input is read (an unknown --from or a bad profile is one error up front)."""
    formats = parse_list(to, FORMATS, "format")
    variants = parse_list(o["variant"], VARIANTS, "variant") if o["variant"] is not None else None
    fields = {"title": "title", "subtitle": "subtitle", "publisher": "publisher", "date": "date_"}  # key: option
    meta = {k: o[opt] for k, opt in fields.items() if o[opt]}
    if o["from_"]:
        source_format("", o["from_"])
    check_profile(o["profile"])
    return BuildConfig(
        formats,
        variants,
        o["style_path"],
        Path(o["out"]),
        o["force"],
        meta,
        o["hant_profile"],
        o["impose"],
        o["from_"],
        print_overrides(o["signature_sheets"], o["creep"], o["marks"]),
        o["toc_pages"],
        profile=o["profile"],
        ocr=o["ocr"],
    )


@cli.command(short_help="Build inputs into PDF, DOCX, EPUB, JSON or Markdown editions.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--to", "to", default="pdf", show_default=True, help=f"Formats, comma-separated: {','.join(FORMATS)}.")
@_options(_VARIANT, _STYLE, _OUT, _HANT, *_META, _JOBS, _FORCE, *_PRINT, _TOC_PAGES, _PROFILE, _FROM, _OCR)
def build(inputs, to, jobs, **opts) -> None:
    """Build INPUT... into OUT/<stem>.<ext> (zh-Hant: OUT/<stem>.zh-Hant.<ext>; --impose: <stem>.print.pdf)."""
    try:
        cfg = _config(to, opts)
        jobs = jobs or os.cpu_count() or 1
        t0 = time.perf_counter()
        failures = n_out = 0
        inputs = input_pages(list(inputs), cfg.source_format)  # a scanned PDF: one input per page
        results = build_many(inputs, cfg, jobs)
        with (
            click.progressbar(results, length=len(inputs), label="building", file=sys.stderr)
            if sys.stderr.isatty() and len(inputs) > 1
            else _plain(results) as bar
        ):
            for res in bar:
                if res.error:
                    failures += 1
                    click.echo(f"error: {res.error}", err=True)
                else:
                    n_out += len(res.outputs)
                    click.echo(
                        f"{res.input}: chars in/out {res.chars_in}/{res.chars_out}; wrote {', '.join(res.outputs)}"
                    )
                    for note in res.notes:
                        click.echo(f"{res.input}: note: {note}")
        if len(inputs) > 1 or failures:
            click.echo(
                f"{_count(len(inputs), 'input')}, {_count(n_out, 'output')}, {failures} failed, "
                f"{time.perf_counter() - t0:.1f} s",
                err=True,
            )
    except PipelineError as e:
        _fail(str(e))
    if failures:
        sys.exit(1)


@cli.command(short_help="Gather many pages into one book: one PDF, one DOCX, one EPUB.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--name", default=None, help="The book's file name: OUT/NAME.<ext> (a manifest's own name by default).")
@click.option(
    "--to", "to", default="pdf", show_default=True, help=f"Formats, comma-separated: {','.join(BOOK_FORMATS)}."
)
@_options(_VARIANT, _STYLE, _OUT, _HANT, *_META)
@click.option("--keep-going", is_flag=True, help="Leave out an input that cannot be read (listed) instead of failing.")
@_options(_JOBS, _FORCE, *_PRINT, _TOC_PAGES, _PROFILE, _FROM, _OCR)
def book(inputs, name, to, keep_going, jobs, **opts) -> None:
    """Build INPUT... (pages, one part each) or BOOK.toml (a manifest: docs/contract.md) into one
    book: OUT/NAME.<ext> (zh-Hant: OUT/NAME.zh-Hant.<ext>; --impose: NAME.print.pdf)."""
    try:
        cfg = _config(to, opts)  # md, report: refused by check_book_config, with why
        manifest = book_manifest(list(inputs), name)
        check_book_config(cfg)
        res = build_book(manifest, cfg, jobs or os.cpu_count() or 1, keep_going)
    except PipelineError as e:
        _fail(str(e))
    for line in res.skipped:
        click.echo(f"skipped: {line}", err=True)
    if res.error:
        _fail(res.error)
    click.echo(
        f"{res.name}: {_count(res.parts, 'part')}, {_count(res.articles, 'article')} from "
        f"{_count(res.inputs - len(res.skipped), 'input')}; chars in/out {res.chars_in}/{res.chars_out}"
        f"{f' ({res.chars_duplicate} in duplicates)' if res.chars_duplicate else ''}; "
        f"wrote {', '.join(res.outputs)}"
    )
    for note in res.notes:
        click.echo(f"{res.name}: note: {note}")
    if res.skipped:
        click.echo(f"{res.name}: {_count(len(res.skipped), 'input')} left out (--keep-going)", err=True)


class _plain:
    def __init__(self, it):
        self.it = it

    def __enter__(self):
        return self.it

    def __exit__(self, *a):
        return False


@cli.command(short_help="Print the document model of INPUT as JSON.")
@click.argument("input")
@click.option("--force", is_flag=True, help="Print the model even if the character accounting fails.")
@click.option(
    "--profile", default=None, help="Source profile: a paper's conventions (built-in name or .toml; default mainland)."
)
@click.option("--from", "from_", default=None, help=f"Input: {'|'.join(SOURCE_FORMATS)} (default: by extension).")
@_OCR
@_PAGE
def structure(input, force, profile, from_, ocr, page) -> None:
    """Print the document model of INPUT as JSON (schema: docs/contract.md)."""
    try:
        check_profile(profile)
        doc = read_source(input, from_, force=force, profile=profile, ocr=ocr, page=page).doc
    except PipelineError as e:
        _fail(str(e))
    click.echo(doc.to_json())


@cli.command(short_help="Write the cleanup report of INPUT (HTML).")
@click.argument("input")
@click.option("-o", "--output", default=None, help="HTML file to write (default: <stem>.report.html here).")
@click.option("--force", is_flag=True, help="Write the report even if the character accounting fails.")
@click.option(
    "--profile", default=None, help="Source profile: a paper's conventions (built-in name or .toml; default mainland)."
)
@click.option("--from", "from_", default=None, help=f"Input: {'|'.join(SOURCE_FORMATS)} (default: by extension).")
@_OCR
@_PAGE
def report(input, output, force, profile, from_, ocr, page) -> None:
    """Write the cleanup report of INPUT: source lines beside the rebuilt text, every change marked."""
    from .outputs import ensure_dir, write_atomic
    from .report import report_html

    try:
        fmt = source_format(input, from_)
        if fmt not in ("txt", *GEOMETRIC):
            raise PipelineError(
                f"{input}: the cleanup report needs an OCR page (.txt, a page image, PDF, hOCR or ALTO), "
                "not a .md or .json model"
            )
        check_profile(profile)
        reading = read_source(input, fmt, force=force, profile=profile, ocr=ocr, page=page).reading
        dest = Path(output or f"{Path(input).stem}.report.html")
        ensure_dir(dest.parent)
        write_atomic(dest, report_html(reading).encode("utf-8"))
    except PipelineError as e:
        _fail(str(e))
    click.echo(f"{input}: wrote {dest if output else dest.resolve()}")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
