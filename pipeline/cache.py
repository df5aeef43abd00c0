"""The project's disk caches (converted fonts, font coverage, headline segmentations, the
dictionary's word counts): where they live and how a file gets into one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def cache_dir(name: str) -> Path:
    """$PIPELINE_CACHE/<name>, else $XDG_CACHE_HOME (or ~/.cache)/pipeline/<name>."""
    root = os.environ.get("PIPELINE_CACHE")
    if root:
        return Path(root) / name
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "pipeline" / name


def write_cache(path: Path, data: bytes) -> None:
    """A cache file written whole or not at all (tmp + rename in its directory): another
    process reading the cache sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
