"""The font resources of a build, handed to every writer in its options (RenderOptions.fonts).

A writer is a function of the model, the style and these resources: nothing about fonts lives
in module state or in the environment. One engine serves a whole batch in one process, and
keeps what is worth keeping between its documents: each face's coverage (a CJK cmap costs
0.1-0.3 s to read), the source faces the PDF subsets with the glyphs converted so far (a batch
converts each glyph once), and the subsets registered with reportlab. `workers` says whether
converting faces on a cold cache may start processes of its own: a build that already runs
one worker per core gives each worker an engine with workers=1.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from typing import Any

from .coverage import Coverage, face_key, read_coverage
from .fontfind import Face


@dataclass(eq=False)
class FontEngine:
    workers: int | None = None  # processes for converting faces on a cold cache; None: one per core
    coverages: dict[str, Coverage] = field(default_factory=dict, repr=False)
    sources: dict[tuple[str, int], Any] = field(default_factory=dict, repr=False)  # PDF: opened faces
    registered: dict[str, Any] = field(default_factory=dict, repr=False)  # PDF: reportlab font name -> font

    def coverage(self, face: Face) -> Coverage:
        key = face_key(face)
        cov = self.coverages.get(key)
        if cov is None:
            cov = self.coverages[key] = read_coverage(face)
        return cov

    def pool_size(self, jobs: int) -> int:
        """How many processes may convert `jobs` faces: 1 means here, in this process."""
        return max(1, min(jobs, self.workers or os.cpu_count() or 1))

    def release(self) -> None:
        """Drop the opened source faces (about 70 MB each). A batch worker calls this when it
        moves from one script's documents to the other's, so it never holds both sets."""
        self.sources.clear()
        gc.collect()
