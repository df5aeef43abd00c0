"""What the cleanup report and its page view share: a row (the source lines one rebuilt block
came from, and what the reader was unsure of there) and the escaping every text gets on its way
into the HTML. A module of its own so that the page view does not import the report back."""

from __future__ import annotations

import html
from dataclasses import dataclass, field


def esc(s: object) -> str:
    return html.escape(str(s), quote=True)


@dataclass
class Row:
    role: str  # "lead-marker" | "lead" | "signature" | "title" | "byline" | "para" | "head" | "bio" | "unplaced" | "other"
    lines: list[int]  # source line numbers
    text: str = ""  # the rebuilt text (model)
    weak: list[str] = field(default_factory=list)
    joins: int = 0
