"""jieba, loaded once and quietly: the project's one general Chinese word list.

Display headlines break between its words (render/headline.py); column lines an engine wrote
row by row are joined where its words span the join (read/interleaved.py). Loading the
dictionary takes most of a second, so it is loaded only when one of them needs it.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from pathlib import Path
from types import ModuleType


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


@functools.cache
def frequencies() -> dict[str, int]:
    """Word -> count in jieba's dictionary (its prefixes are there too, with count 0)."""
    module = jieba()
    module.dt.check_initialized()
    return module.dt.FREQ
