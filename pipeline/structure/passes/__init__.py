"""The structure passes, in order, as data (as markdown-it-py lists its rules).

Each pass takes the page state, claims the lines it recognises (with its evidence) and leaves
the rest; a later pass sees every earlier claim. Why this order: furniture first (it looks
like bylines and headlines); the lead's marker before bylines (导读 is two characters, like a
name); bylines before bios (a bio never runs into a byline), and once more after them (a name line
that follows a bio is a byline); bios and bylines before the lead's
text and the headlines, since both are found by where they stand relative to those anchors;
articles once every anchor is known; headlines assigned once articles exist; paragraphs last,
on bodies from which every displaced headline has been taken out.
"""

from __future__ import annotations

from collections.abc import Callable

from ..page import PageState
from .articles import articles
from .assign import assign_pass
from .bio_authors import bio_authors
from .bios import bios
from .bylines import bylines, bylines_after_bios, bylines_after_lead
from .furniture import furniture
from .headlines import headlines
from .lead import lead
from .lead_marker import lead_marker_pass
from .paragraphs import paragraphs
from .starts import article_starts

Pass = Callable[[PageState], None]

PASSES: list[tuple[str, Pass]] = [
    ("furniture", furniture),
    ("lead_marker", lead_marker_pass),
    ("bylines", bylines),
    ("bios", bios),
    ("bylines_after_bios", bylines_after_bios),
    ("lead", lead),
    ("bylines_after_lead", bylines_after_lead),
    ("headlines", headlines),
    ("articles", articles),
    ("article_starts", article_starts),
    ("assign", assign_pass),
    ("bio_authors", bio_authors),
    ("paragraphs", paragraphs),
]


def run_passes(st: PageState, passes: list[tuple[str, Pass]] | None = None) -> PageState:
    for _name, fn in passes if passes is not None else PASSES:
        fn(st)
    return st
