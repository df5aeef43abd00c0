"""Which characters a font face has: the one cmap reader every writer asks.

The PDF picks a face per character, the EPUB subsets and draws its cover by the same answer,
so a character never falls back differently in two formats. Reading a CJK face's cmap through
fontTools names all of its 65k glyphs (0.1-0.3 s); the raw format 12 subtable gives the code
points without that, and the answer is kept on disk per font file.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from ..cache import cache_dir, write_cache
from ..errors import PipelineError
from .fontfind import Face

# Marks a Chinese page sets full-width. A face whose glyph is narrower (LXGW WenKai's quotes)
# yields the mark to the next face of the role, so quotes look the same in every role.
FULLWIDTH_MARKS = frozenset("“”‘’")
VERSION = 3  # of the cached answer; bump when Coverage changes


@dataclass(frozen=True)
class Coverage:
    codepoints: frozenset[int]
    narrow: frozenset[str]  # FULLWIDTH_MARKS this face sets narrower than an em

    def __contains__(self, ch: str) -> bool:
        return ord(ch) in self.codepoints


def face_key(face: Face, version: int = VERSION) -> str:
    """Cache key of a face: its file's identity and the version of what is cached."""
    return hashlib.sha256(f"{face.fingerprint}|v{version}".encode()).hexdigest()[:24]


def fast_cmap(tt) -> dict[int, int] | None:
    """Code point -> glyph id, read straight from a Windows UCS-4 (3,10) format 12 subtable.

    This is the subtable fontTools' getBestCmap() prefers, with its rules (groups clamped to
    U+10FFFF, unsorted or overlapping groups skipped, glyph 0 maps nothing), but without
    naming every glyph. None when the face has no such subtable (the caller uses fontTools).
    """
    try:
        data = tt.reader["cmap"]
        _version, count = struct.unpack(">HH", data[:4])
        for i in range(count):
            plat, enc, off = struct.unpack(">HHL", data[4 + 8 * i : 12 + 8 * i])
            if (plat, enc) != (3, 10):
                continue
            fmt, _res, length, _lang, n = struct.unpack(">HHLLL", data[off : off + 16])
            if not length:
                continue  # fontTools skips a zero-length subtable
            if fmt != 12 or length != 16 + 12 * n or off + length > len(data):
                return None
            return _groups(data[off + 16 : off + length])
        return None
    except (KeyError, struct.error, TypeError, ValueError):
        return None


def _groups(data: bytes) -> dict[int, int]:
    out: dict[int, int] = {}
    last_end = 0
    for start, end, gid in struct.iter_unpack(">LLL", data):
        end = min(end, 0x10FFFF)
        if start > end or start < last_end:
            continue
        last_end = end
        if gid == 0:
            start, gid = start + 1, 1
        out.update(zip(range(start, end + 1), range(gid, gid + end - start + 1), strict=True))
    return out


def advance(tt, gid: int) -> int:
    """Advance width of one glyph from the raw hmtx table (no glyph names needed)."""
    n = tt["hhea"].numberOfHMetrics
    data = tt.reader["hmtx"]
    return struct.unpack(">H", data[4 * min(gid, n - 1) : 4 * min(gid, n - 1) + 2])[0]


def _ranges(cps: Iterable[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for cp in sorted(cps):
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def _from_font(face: Face) -> tuple[Iterable[int], list[str]]:
    from fontTools.ttLib import TTFont

    try:
        tt = TTFont(face.path, fontNumber=face.index, lazy=True)
        upm = tt["head"].unitsPerEm
        fast = fast_cmap(tt)
        if fast is not None:
            narrow = [c for c in FULLWIDTH_MARKS if ord(c) in fast and advance(tt, fast[ord(c)]) < 0.9 * upm]
            return fast, narrow
        cmap = tt.getBestCmap() or {}
        hmtx = tt["hmtx"]
        return cmap, [c for c in FULLWIDTH_MARKS if ord(c) in cmap and hmtx[cmap[ord(c)]][0] < 0.9 * upm]
    except Exception as e:  # a broken or unsupported file: say which
        raise PipelineError(f"font file {face.path} (family '{face.family}') cannot be read: {e}") from None


def read_coverage(face: Face) -> Coverage:
    """A face's coverage, from the disk cache when it has it (FontEngine.coverage memoises it)."""
    path = cache_dir("fonts") / f"cover-{face_key(face)}.json"
    try:
        d = json.loads(path.read_text())
        return Coverage(frozenset(cp for a, b in d["ranges"] for cp in range(a, b + 1)), frozenset(d["narrow"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    cps, narrow = _from_font(face)
    cov = Coverage(frozenset(cps), frozenset(narrow))
    write_cache(path, json.dumps({"ranges": _ranges(cov.codepoints), "narrow": sorted(narrow)}).encode())
    return cov
