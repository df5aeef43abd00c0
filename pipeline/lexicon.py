"""jieba's dictionary, loaded once and quietly: the project's one general Chinese word list.

Display headlines break between its words (render/headline.py); the structure stage asks
whether a sentence reads across a line break (structure/dictionary.py); column lines an engine
wrote row by row are joined where its words span the join (read/interleaved.py).

Nobody needs jieba's own start-up: it reads dict.txt and builds a prefix dictionary of half a
million entries (1.1 s on a 2-core machine), more than the rest of reading a page. So the
counts are read from jieba's dict.txt once per process (0.4 s) and every table is cut from that
one reading (words from a count up, of a length at most) and kept as a marshal file in the
cache: 0.04 s for the structure stage's 80 000 words, 0.2 s for the whole 350 000. A headline's
segmentation runs jieba's own cutter (its route through the word graph, its HMM for words the
dictionary lacks) over the whole table and jieba's total, with the graph built by lookups
instead of a prefix dictionary: the same words as jieba.lcut, without its start-up. The cache
files' names hold the dictionary's size and mtime and Python's version, so a new jieba or
Python reads afresh.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import logging
import marshal
import sys
from pathlib import Path
from typing import Any

from .cache import cache_dir, write_cache

FORMAT = 2  # bump when the cached table's layout changes


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
    path = _cache_file(f"counts-{floor}-{longest}")
    table = _load(path)
    if isinstance(table, dict):
        return table
    whole, _ = _dictionary()
    table = {w: c for w, c in whole.items() if c >= floor and (not longest or len(w) <= longest)}
    _store(path, table)
    return table


@functools.cache
def segmenter() -> Any:
    """jieba's cutter over the whole dictionary (jieba.lcut's words, without its start-up)."""
    path = _cache_file("segmenter")
    got = _load(path)
    if isinstance(got, tuple) and len(got) == 2 and isinstance(got[0], dict):
        table, total = got
    else:
        table, total = _dictionary()
        table = {w: c for w, c in table.items() if c}
        _store(path, (table, total))
    import jieba as module

    class Segmenter(module.Tokenizer):
        def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # (jieba's name)
            # jieba walks a prefix dictionary; lookups up to the longest word find the same ends
            n, freq, reach = len(sentence), self.FREQ, self.longest
            dag = {}
            for k in range(n):
                ends = [i for i in range(k, min(n, k + reach)) if freq.get(sentence[k : i + 1])]
                dag[k] = ends or [k]
            return dag

    module.setLogLevel(logging.ERROR)
    cutter = Segmenter()
    cutter.FREQ, cutter.total, cutter.initialized = table, total, True
    cutter.longest = max(map(len, table), default=1)
    return cutter


def _cache_file(kind: str) -> Path:
    source = dictionary_file()
    stat = source.stat()
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return cache_dir("words") / f"{kind}-{FORMAT}-{stat.st_size}-{int(stat.st_mtime)}-py{version}.marshal"


def _load(path: Path) -> Any:
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        return marshal.loads(path.read_bytes())
    return None


def _store(path: Path, value: Any) -> None:
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        write_cache(path, marshal.dumps(value))


@functools.cache
def _dictionary() -> tuple[dict[str, int], int]:
    """Every word of the dictionary file with its count as jieba reads them (a word listed
    twice keeps its last count) and jieba's total (every line's count)."""
    table: dict[str, int] = {}
    total = 0
    with dictionary_file().open(encoding="utf-8") as f:
        for line in f:
            word, _, rest = line.strip().partition(" ")
            if word:
                table[word] = count = int(rest.partition(" ")[0] or 0)
                total += count
    return table, total
