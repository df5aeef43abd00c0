"""The OCR page reader: bytes -> decoded text -> cleanup chain -> structure -> Document."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import clean
from ..errors import InputError
from ..model import Document
from ..structure import Structure, structure
from ..structure.profile import load_profile
from .decode import Decoded, decode, read_file
from .interleaved import by_columns
from .laid_out import in_reading_order, laid_out
from .rows import deinterleave


@dataclass
class Reading:
    """A read page: the model, and the intermediate texts the cleanup report shows."""

    doc: Document
    source: str  # decoded input, newlines normalised
    clean: str  # after the cleanup chain
    structure: Structure
    encoding: str  # the text's encoding; for a geometric input, the engine that gave the lines
    view: Any = None  # geometric inputs: the page image and line boxes (read.geometric.PageView)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The reader allocates a few objects per line and frees them all at the end; Python's
    cycle collector, run again and again over a growing heap, took a third of the time on a
    long input (575 pages: 4.6 s, 3.1 s without). Reference counting still frees as it goes."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_bytes(data: bytes, name: str = "input", force: bool = False, profile: str | None = None) -> Reading:
    return read_decoded(decode(data, name), name, force=force, profile=profile)


def read_decoded(dec: Decoded, name: str = "input", force: bool = False, profile: str | None = None) -> Reading:
    """The page from its decoded text: cleanup, structure, the model with its statistics."""
    source = dec.text
    ordered = in_reading_order(source) if laid_out(source) else None  # columns side by side
    text, runs = deinterleave(ordered or source)  # rows an engine ran across the columns, by column
    markers = load_profile(profile).byline.prefixes  # (a byline's joins read as chance)
    text, column_runs = by_columns(text, markers)  # column lines an engine wrote row by row, by column
    with no_cycle_collection():
        res = clean.run(text)
        st = structure(res.text, text, force=force, profile=profile)
    doc = st.doc
    for r in runs:
        st.state.note("rows-by-column", r.line, rows=r.rows, columns=r.columns, bars=r.bars)
    for c in column_runs:
        st.state.note("lines-by-column", c.line, lines=c.lines, columns=c.columns)
    if ordered:
        st.state.note("laid-out-columns", 1)
    if runs or column_runs or ordered:  # (the structure stage wrote its notices into the model before these)
        doc.stats["notices"] = [n.to_dict() for n in st.state.notices]
    if not doc.articles and doc.lead is None and not doc.unplaced:
        raise InputError(f"{name}: no text found after cleanup")
    summarise(doc, st, res.counts, dec.encoding)
    doc.meta.source = name
    return Reading(doc, text, res.text, st, dec.encoding)


def summarise(doc: Document, st: Structure, counts: dict[str, int], encoding: str) -> None:
    """The reading's totals in the model's stats (the report and the JSON show them)."""
    arts = st.state.articles
    joins = sum(len(u.lines) - 1 for a in arts for u in a.units if u.type == "paragraph")
    doc.stats.update(
        {
            "encoding": encoding,
            "shape": str(st.state.shape),
            "cleanup": {**counts, "lines_joined": joins, "quotes": st.state.quotes},
            "headlines_placed": sum(1 for a in doc.articles if a.placement),
            "subheadings": sum(1 for a in doc.articles for b in a.blocks if b.type == "heading"),
            "bylines": sum(1 for a in doc.articles if a.authors),
            "bios": sum(1 for a in doc.articles if a.bio),
        }
    )


def read_path(path: str | Path, force: bool = False, profile: str | None = None) -> Reading:
    p = Path(path)
    return read_bytes(read_file(p, ".txt"), p.name, force=force, profile=profile)
