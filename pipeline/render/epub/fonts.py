"""Fonts for the EPUB: fontconfig lookup (cover drawing, embedding) and subsetting.

The sheet names families; fontconfig resolves them the way the PDF writer does (render.fontfind),
and which characters a font has is the engine's one answer (render.coverage), so the EPUB's
fonts fall back exactly as the PDF's do.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from ...style import ROLE_FONT
from ..fontengine import FontEngine
from ..fontfind import Face, find_face

FONT_ROLE = ROLE_FONT  # which sheet font role draws each text role (shared by all writers)
SANS_ROLES = {"heading", "title", "header"}


@dataclass(frozen=True)
class FontFile:
    name: str  # the family name as the sheet gives it (what CSS refers to)
    path: str
    index: int
    cff: bool  # OpenType/CFF outlines (.otf) rather than TrueType (.ttf)

    @property
    def face(self) -> Face:
        return Face(self.name, self.path, self.index)


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


def chain(families: list[str]) -> list[FontFile]:
    """The role's families that exist on this machine, in the sheet's order."""
    return [ff for ff in (find_font(n) for n in families) if ff is not None]


def assign(chars: set[str], fonts: list[FontFile], engine: FontEngine) -> dict[FontFile, set[str]]:
    """Give each character to the first font that has it (the sheet's fallback order)."""
    need: dict[FontFile, set[str]] = {}
    left = {c for c in chars if not c.isspace()}
    for ff in fonts:
        if not left:
            break
        cov = engine.coverage(ff.face).codepoints
        have = {c for c in left if ord(c) in cov}
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
