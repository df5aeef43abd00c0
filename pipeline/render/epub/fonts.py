"""Fonts for the EPUB: fontconfig lookup (cover drawing, embedding) and subsetting.

The sheet names families; fontconfig resolves them the way the PDF writer does. fc-match always
answers with *some* font, so a match counts only when the family asked for is among the answer's
names; otherwise the next family of the role is tried. Results are cached per process.
"""

from __future__ import annotations

import bisect
import io
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from ...style import ROLE_FONT
from ..fontfind import find_face

FONT_ROLE = ROLE_FONT  # which sheet font role draws each text role (shared by all writers)
SANS_ROLES = {"heading", "title", "header"}


@dataclass(frozen=True)
class FontFile:
    name: str  # the family name as the sheet gives it (what CSS refers to)
    path: str
    index: int
    cff: bool  # OpenType/CFF outlines (.otf) rather than TrueType (.ttf)


def _looks_like_path(name: str) -> bool:
    return "/" in name or name.lower().endswith((".ttf", ".otf", ".ttc", ".otc"))


def css_family(name: str) -> str:
    """The family name CSS uses: the sheet's name, or a font file's stem when it gives a path.

    Quotes and backslashes are dropped: they would end the CSS string the name is written in.
    """
    name = Path(name).stem if _looks_like_path(name) else name
    return name.replace("\\", "").replace('"', "")


@lru_cache(maxsize=64)
def find_font(name: str) -> FontFile | None:
    """The file a family name (or a font file path) resolves to, as the PDF finds it, or None."""
    face = find_face(name)
    if face is None:
        return None
    return FontFile(name, face.path, face.index, _is_cff(face.path, face.index))


def _is_cff(path: str, index: int) -> bool:
    with TTFont(path, fontNumber=index, lazy=True) as f:
        return "CFF " in f or "CFF2" in f


class Coverage:
    """Code points a font maps, as ranges read straight from its cmap table.

    fontTools' getBestCmap builds glyph names for all 65k glyphs of a CJK font (0.2 s each);
    which characters the font has is all the fallback needs, and the raw ranges give that.
    """

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in ranges]
        self.ends = [b for _, b in ranges]

    def __contains__(self, cp: int) -> bool:
        i = bisect.bisect_right(self.starts, cp) - 1
        return i >= 0 and cp <= self.ends[i]


def _cmap_ranges(data: bytes) -> list[tuple[int, int]]:
    """Ranges of the best Unicode subtable: format 12 (full Unicode) before format 4 (BMP)."""
    n = struct.unpack_from(">H", data, 2)[0]
    subtables: dict[int, int] = {}
    for i in range(n):
        plat, enc, off = struct.unpack_from(">HHI", data, 4 + 8 * i)
        if (plat, enc) in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3)):
            fmt = struct.unpack_from(">H", data, off)[0]
            subtables.setdefault(fmt, off)
    if 12 in subtables:
        off = subtables[12]
        count = struct.unpack_from(">I", data, off + 12)[0]
        groups = struct.iter_unpack(">III", data[off + 16 : off + 16 + 12 * count])
        return sorted((a, b) for a, b, _ in groups)
    if 4 in subtables:
        off = subtables[4]
        seg = struct.unpack_from(">H", data, off + 6)[0] // 2
        ends = struct.unpack_from(f">{seg}H", data, off + 14)
        starts = struct.unpack_from(f">{seg}H", data, off + 16 + 2 * seg)
        return sorted((a, b) for a, b in zip(starts, ends, strict=True) if a != 0xFFFF)
    return []


@lru_cache(maxsize=32)
def coverage(path: str, index: int) -> Coverage:
    """Which code points the font has: decides which font of a role's list draws a character."""
    with TTFont(path, fontNumber=index, lazy=True) as f:
        return Coverage(_cmap_ranges(f.reader["cmap"]))


def chain(families: list[str]) -> list[FontFile]:
    """The role's families that exist on this machine, in the sheet's order."""
    return [ff for ff in (find_font(n) for n in families) if ff is not None]


def assign(chars: set[str], fonts: list[FontFile]) -> dict[FontFile, set[str]]:
    """Give each character to the first font that has it (the sheet's fallback order)."""
    need: dict[FontFile, set[str]] = {}
    left = {c for c in chars if not c.isspace()}
    for ff in fonts:
        if not left:
            break
        have = {c for c in left if ord(c) in coverage(ff.path, ff.index)}
        if have:
            need.setdefault(ff, set()).update(have)
            left -= have
    return need


@lru_cache(maxsize=16)
def subset_font(path: str, index: int, chars: str) -> bytes:
    """The font cut down to `chars`, outlines kept as they are (CFF stays CFF).

    Vertical metrics and the vert/vrt2 features stay, so vertical punctuation still turns.
    The head timestamp is not recalculated, so the same input gives the same bytes.
    """
    from fontTools import subset  # 0.2 s to import: only when fonts are embedded

    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.recalc_timestamp = False
    opts.hinting = False
    font = TTFont(path, fontNumber=index, recalcTimestamp=False, lazy=True)  # only used glyphs are parsed
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted({ord(c) for c in chars}))
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    font.close()
    return buf.getvalue()
