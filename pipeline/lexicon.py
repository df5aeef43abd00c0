"""jieba's dictionary, loaded once and quietly: the project's one general Chinese word list.

Display headlines break between its words (render/headline.py); the structure stage asks
whether a sentence reads across a line break (structure/dictionary.py); column lines an engine
wrote row by row are joined where its words span the join (read/interleaved.py).

The readers need counts of words, not jieba's segmenter: importing jieba and loading its
prefix dictionary costs 1.7 s on a 2-core machine, more than the rest of reading a page. So the
counts are read from jieba's own dict.txt (0.7 s) once, cut to what a caller asks (words from a
count up, of a length at most), and kept as a marshal file in the cache: 0.04 s for the
structure stage's 80 000 words, 0.2 s for the reader's 330 000. The file's name holds the
dictionary's size and mtime and Python's version, so a new jieba or Python reads afresh.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import logging
import marshal
import sys
from pathlib import Path
from types import ModuleType

from .cache import cache_dir, write_cache

FORMAT = 1  # bump when the cached table's layout changes


@functools.cache
def jieba(cache: Path | None = None) -> ModuleType:
    """The jieba module, silent ("Building prefix dict ..." is no message for a user), its
    prefix-dictionary cache in `cache` when given."""
    import jieba as module

    module.setLogLevel(logging.ERROR)
    if cache is not None:
        with contextlib.suppress(OSError):
            cache.mkdir(parents=True, exist_ok=True)
            module.dt.tmp_dir = str(cache)
    return module


def dictionary_file() -> Path:
    """jieba's dict.txt (a line a word: word, count, part of speech), found without importing
    jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed (pip install jieba)")
    return Path(spec.origin).parent / "dict.txt"


@functools.cache
def counts(floor: int = 1, longest: int = 0) -> dict[str, int]:
    """Word -> count in jieba's dictionary, for the words counted at least `floor` times and
    (when `longest`) of at most `longest` characters. A word the table leaves out counts 0 to
    a caller, as it would in the whole dictionary below the caller's floor."""
    source = dictionary_file()
    stat = source.stat()
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    name = f"counts-{FORMAT}-{floor}-{longest}-{stat.st_size}-{int(stat.st_mtime)}-py{version}.marshal"
    path = cache_dir("words") / name
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        table = marshal.loads(path.read_bytes())
        if isinstance(table, dict):
            return table
    table = _read(source, floor, longest)
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        write_cache(path, marshal.dumps(table))
    return table


def _read(source: Path, floor: int, longest: int) -> dict[str, int]:
    """The dictionary file's words as jieba reads them (a word listed twice keeps its last count)."""
    table: dict[str, int] = {}
    with source.open(encoding="utf-8") as f:
        for line in f:
            word, _, rest = line.strip().partition(" ")
            count = int(rest.partition(" ")[0] or 0)
            if word and count >= floor and (not longest or len(word) <= longest):
                table[word] = count
            elif word in table:
                del table[word]  # (listed again under the floor: jieba keeps the later count)
    return table
