"""Atomic output: a temporary file in the target directory, fsynced, then renamed.

A build killed at any moment leaves either the previous file or the complete new one, never
a truncated one; a full disk or an unwritable directory becomes a one-line error.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from .errors import PipelineError


def ensure_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise PipelineError(f"output directory {path}: a file with that name exists") from None
    except OSError as e:
        raise PipelineError(f"output directory {path}: cannot create it ({e.strerror})") from None
    if not os.access(path, os.W_OK):
        raise PipelineError(f"output directory {path}: not writable; choose another with --out")


def write_atomic(path: Path, data: bytes) -> None:
    fd = -1
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = ""
    except OSError as e:
        reason = "disk full" if e.errno == errno.ENOSPC else (e.strerror or str(e))
        raise PipelineError(f"{path}: cannot write ({reason}); the previous file, if any, is unchanged") from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
