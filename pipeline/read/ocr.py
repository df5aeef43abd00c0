"""The OCR page reader: bytes -> decoded text -> cleanup chain -> structure -> Document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import clean
from ..errors import InputError
from ..model import Document
from ..structure import Structure, structure
from .decode import Decoded, decode, read_file


@dataclass
class Reading:
    """A read page: the model, and the intermediate texts the cleanup report shows."""

    doc: Document
    source: str  # decoded input, newlines normalised
    clean: str  # after the cleanup chain
    structure: Structure
    encoding: str


def read_bytes(data: bytes, name: str = "input", force: bool = False, profile: str | None = None) -> Reading:
    return read_decoded(decode(data, name), name, force=force, profile=profile)


def read_decoded(dec: Decoded, name: str = "input", force: bool = False, profile: str | None = None) -> Reading:
    """The page from its decoded text: cleanup, structure, the model with its statistics."""
    res = clean.run(dec.text)
    st = structure(res.text, dec.text, force=force, profile=profile)
    doc = st.doc
    if not doc.articles and doc.lead is None and not doc.unplaced:
        raise InputError(f"{name}: no text found after cleanup")
    arts = st.state.articles
    joins = sum(len(u.lines) - 1 for a in arts for u in a.units if u.type == "paragraph")
    doc.stats.update(
        {
            "encoding": dec.encoding,
            "shape": str(st.state.shape),
            "cleanup": {**res.counts, "lines_joined": joins},
            "headlines_placed": sum(1 for a in doc.articles if a.placement),
            "subheadings": sum(1 for a in doc.articles for b in a.blocks if b.type == "heading"),
            "bylines": sum(1 for a in doc.articles if a.authors),
            "bios": sum(1 for a in doc.articles if a.bio),
        }
    )
    doc.meta.source = name
    return Reading(doc, dec.text, res.text, st, dec.encoding)


def read_path(path: str | Path, force: bool = False, profile: str | None = None) -> Reading:
    p = Path(path)
    return read_bytes(read_file(p, ".txt"), p.name, force=force, profile=profile)
