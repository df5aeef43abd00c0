"""Structure: from cleaned lines to the document model (lead, articles, blocks).

`structure()` reads the page's lines, decides how the OCR laid them out (page.Shape),
measures the local column width, runs the passes (passes/__init__.py lists them in order)
over one PageState, and turns the claims into the model. Every Han character, digit and
Latin letter of the input must come out once: `check_accounting` fails the build otherwise.
"""

from __future__ import annotations

import gc
import warnings
from collections import Counter
from dataclasses import dataclass

from ..errors import AccountingError
from ..model import Document
from ..text import accountable
from .document import to_document
from .page import PageState, SourceLine, page_shape, read_lines
from .pairs import numpy_pays
from .passes import run_passes
from .passes.context import column_widths
from .profile import load_profile


@dataclass
class Structure:
    """The model plus the page state that explains it (for the cleanup report)."""

    doc: Document
    state: PageState


def structure(
    clean: str,
    source: str | None = None,
    force: bool = False,
    profile: str | None = None,
    lines: list[SourceLine] | None = None,
) -> Structure:
    """The page's structure. `lines` replaces the lines read from `clean` (a geometric reader
    gives them with their measurements); `clean` is still what the accounting checks."""
    prof = load_profile(profile)
    with _NoCycleCollection():
        page_lines = lines if lines is not None else read_lines(clean, source)
        st = PageState(page_lines, prof, page_shape(page_lines))
        st.columns = column_widths(st)
        run_passes(st)
        doc = to_document(st)
        doc.stats["notices"] = [n.to_dict() for n in st.notices]
        check_accounting(clean, doc, force)
        out = Structure(doc, st)
    return out


class _NoCycleCollection:
    """The passes allocate many small objects and free them by reference counting; the cyclic
    collector's full sweeps over a large page state found nothing but cost a tenth of the time
    on a long input. It is paused for the passes and up to the Structure made of them, and any
    cycle is collected afterwards as usual. (Not a generator: one resumed to re-enable the
    collector allocates its StopIteration after, and the collection that allocation starts walks
    every object of the state, which a caller that drops the state frees by reference counting.)"""

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was_enabled:
            gc.enable()  # (nothing is allocated after this)


def _count(text: str) -> Counter:
    """How often each accountable character occurs in the text."""
    if numpy_pays(len(text)):
        return _count_codes(text)
    # Count every character once (C speed), then keep the accountable ones.
    return Counter({c: n for c, n in Counter(text).items() if accountable(c)})


def _count_codes(text: str) -> Counter:
    """_count() of a long text: each code point counted in one array pass, then only the few
    thousand distinct characters are looked at (the same Counter, keys in code point order).
    Counter makes a string of every character: on a 5 MB input, a tenth of the stage."""
    import numpy as np

    counts = np.bincount(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4"))
    return Counter({c: int(counts[o]) for o in np.flatnonzero(counts).tolist() if accountable(c := chr(o))})


def check_accounting(clean: str, doc: Document, force: bool = False) -> tuple[int, int]:
    """Every Han character, digit and Latin letter of the input appears in the model once."""
    cin, cout = _count(clean), _count(doc.plain_text())
    n_in, n_out = sum(cin.values()), sum(cout.values())
    if cin != cout:
        lost = "".join(sorted((cin - cout).elements()))[:20]
        extra = "".join(sorted((cout - cin).elements()))[:20]
        msg = f"character accounting failed: {n_in} in, {n_out} out (lost {lost!r}, duplicated {extra!r})"
        if not force:
            raise AccountingError(msg + "; rerun with --force to write the output anyway")
        warnings.warn(msg, stacklevel=2)
    doc.stats["chars_in"] = n_in
    doc.stats["chars_out"] = n_out
    return n_in, n_out
