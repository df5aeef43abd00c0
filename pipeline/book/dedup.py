"""The same article read twice (an op-ed reprinted on two pages, a page scanned twice) is one.

Judged by the text, not the title (two OCR readings of one headline differ, and two articles may
share a title): the Jaccard similarity of the sets of 5-character shingles of the bodies, over
Han characters, digits and Latin letters only (OCR disagrees most about punctuation and spaces).
On the shared corpus, two OCR readings of one article score 0.83 or more and two different
articles 0.02 at most (generated pages, made of a few stock phrases, 0.22 at most); the bar is
0.5. A body too short for shingles is the same only when its letters are.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..model import Article, Lead
from ..text import accountable

K = 5
THRESHOLD = 0.5
MIN_SHINGLES = 8  # below this the letters themselves are compared

T = TypeVar("T")


@dataclass(frozen=True)
class Fingerprint:
    letters: str  # the text's Han characters, digits and Latin letters
    shingles: frozenset[int]


def fingerprint(texts: Iterable[str]) -> Fingerprint:
    letters = "".join(c for t in texts for c in t if accountable(c))
    shingles = frozenset(zlib.crc32(letters[i : i + K].encode("utf-8")) for i in range(len(letters) - K + 1))
    return Fingerprint(letters, shingles)


def article_print(a: Article) -> Fingerprint:
    """An article's body (its title and bio when it has none)."""
    body = [b.text for b in a.blocks]
    return fingerprint(body if any(body) else [a.title, a.bio])


def lead_print(lead: Lead) -> Fingerprint:
    return fingerprint(lead.paragraphs)


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    if len(a.shingles) < MIN_SHINGLES or len(b.shingles) < MIN_SHINGLES:
        return 1.0 if a.letters == b.letters else 0.0
    return len(a.shingles & b.shingles) / len(a.shingles | b.shingles)


@dataclass
class Seen(Generic[T]):
    """What the book already holds, each with what it refers to (where it came from)."""

    items: list[tuple[Fingerprint, T]] = field(default_factory=list)

    def match(self, fp: Fingerprint) -> tuple[T, float] | None:
        """The most similar one held at or above the bar, and its similarity."""
        best: tuple[T, float] | None = None
        n = len(fp.shingles)
        for other, ref in self.items:
            m = len(other.shingles)
            if n >= MIN_SHINGLES and m >= MIN_SHINGLES and min(n, m) < THRESHOLD * max(n, m):
                continue  # sizes alone rule it out: Jaccard <= min/max
            s = similarity(fp, other)
            if s >= THRESHOLD and (best is None or s > best[1]):
                best = (ref, s)
        return best

    def add(self, fp: Fingerprint, ref: T) -> None:
        self.items.append((fp, ref))
