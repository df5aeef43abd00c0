"""Adjacent character pairs as integers, so a page's pairs are counted at C speed.

Two characters of UTF-32 are one 64-bit word: the text's code units read as words give the
pairs at even offsets, read from the second character on the pairs at odd offsets. Making a
two-character string for every position of a long input (and hashing it) cost more than the
matching it serves; an int per pair is made by the buffer, and looked up by `pair_key`.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from itertools import chain

_LITTLE = sys.byteorder == "little"
_ENC = "utf-32-le" if _LITTLE else "utf-32-be"


def _words(text: str) -> Iterable[int]:
    """Every adjacent pair of the text, as pair_key gives it, in no particular order."""
    n = len(text)
    if n < 2:
        return ()
    buf = memoryview(text.encode(_ENC, "surrogatepass"))
    return chain(buf[: (n // 2) * 8].cast("Q"), buf[4 : 4 + ((n - 1) // 2) * 8].cast("Q"))


def pair_key(pair: str) -> int:
    """The integer of a two-character string (the first character is the word's first four
    bytes in memory: its low half on a little-endian machine)."""
    if _LITTLE:
        return ord(pair[0]) | ord(pair[1]) << 32
    return ord(pair[0]) << 32 | ord(pair[1])


def pair_set(text: str) -> set[int]:
    """The pairs that occur in the text."""
    return set(_words(text))


def pairs_among(text: str, keys: set[int]) -> set[int]:
    """The pairs of `keys` that occur in the text (no set of all its pairs is built)."""
    return keys.intersection(_words(text))


def pairs_among_each(texts: list[str], keys: set[int]) -> list[set[int]]:
    """pairs_among() of each text. On a long input the texts' pairs are made one array and
    looked up among the keys sorted, at C speed: an int object for every pair of every text
    (a page's article bodies, 1.7 M pairs at 575 pages) cost a tenth of the assignment."""
    if not keys or not numpy_pays(sum(map(len, texts))):
        return [pairs_among(t, keys) for t in texts]
    return _pairs_among_sorted(texts, keys)


def _pairs_among_sorted(texts: list[str], keys: set[int]) -> list[set[int]]:
    import numpy as np

    codes = np.frombuffer("".join(texts).encode(_ENC, "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    first, second = codes[:-1], codes[1:]
    words = first | (second << np.uint64(32)) if _LITTLE else (first << np.uint64(32)) | second
    table = np.array(sorted(keys), dtype=np.uint64)
    at = np.minimum(np.searchsorted(table, words), len(table) - 1)
    held = table[at] == words
    # UTF-32 holds one unit per character, so offsets are the str's: a pair from a text's last
    # character to the next text's first is in neither.
    lengths = [len(t) for t in texts]
    last = np.cumsum(lengths) - 1
    held[last[(last >= 0) & (last < len(held))]] = False
    pos = np.flatnonzero(held)
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)[pos]
    # each (text, key) once, in text order: a few per text, where the pairs held are many
    found = np.sort(owner * len(table) + at[pos])
    first_of = np.ones(len(found), dtype=bool)
    first_of[1:] = found[1:] != found[:-1]
    found = found[first_of]
    bounds = np.searchsorted(found // len(table), np.arange(len(texts) + 1)).tolist()
    kept = table[found % len(table)].tolist()
    return [set(kept[bounds[k] : bounds[k + 1]]) for k in range(len(texts))]


def pair_counts(text: str) -> Counter:
    """How often each pair occurs in the text (overlapping: 啊啊啊 holds 啊啊 twice)."""
    if numpy_pays(len(text)):
        return _pair_counts_sorted(text)
    return Counter(_words(text))


# Characters from which a count at C speed is made with numpy (a dependency of the OCR reader,
# imported only then): Counter makes an object of every pair or character counted, and
# importing numpy costs about what counting a million of them does.
LONG_TEXT = 1_000_000


def numpy_pays(n: int) -> bool:
    """Counting n items with numpy repays its import (or it is imported already)."""
    return n >= LONG_TEXT or (n >= LONG_TEXT // 20 and "numpy" in sys.modules)


def _pair_counts_sorted(text: str) -> Counter:
    """pair_counts() of a long text: its pairs as one array of words, sorted and counted in
    runs (a page of 5 MB has a few thousand distinct pairs among its two million)."""
    import numpy as np

    codes = np.frombuffer(text.encode(_ENC, "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    first, second = codes[:-1], codes[1:]
    words = first | (second << np.uint64(32)) if _LITTLE else (first << np.uint64(32)) | second
    keys, counts = np.unique(words, return_counts=True)
    return Counter(dict(zip(keys.tolist(), counts.tolist(), strict=True)))
