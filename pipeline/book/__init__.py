"""The briefing anthology (`pipeline book`): many pages gathered into one booklet, one EPUB,
one DOCX. `manifest` reads BOOK.toml, `build` reads the inputs through the one read layer,
`assemble` makes one book model of them (parts, source lines, duplicates out, `dedup`), `authors`
sorts the author index; the writers and the single-page build's steps do the rest."""

from __future__ import annotations

from pathlib import Path

from ..errors import PipelineError
from .manifest import Manifest, from_inputs, load_manifest


def book_manifest(inputs: list[str], name: str | None) -> Manifest:
    """What the command line names: one manifest (BOOK.toml), or pages (one part each) and --name."""
    manifests = [i for i in inputs if Path(i).suffix.lower() == ".toml"]
    if manifests:
        if len(inputs) > 1:
            raise PipelineError(
                f"{manifests[0]}: a book manifest is given alone (its pages are listed inside it); "
                "build several books one by one"
            )
        m = load_manifest(manifests[0])
        if name:
            m = Manifest(name, m.parts, m.meta, m.author_index, m.path)
        return m
    if not name:
        raise PipelineError("a book of pages needs --name NAME (the outputs are OUT/NAME.<ext>), or give a BOOK.toml")
    return from_inputs(inputs, name)
