"""The cover image: title and subtitle drawn in the booklet's own faces (PNG via Pillow).

Bookshelves show the cover as a thumbnail, so the title is large and the design is flat colour.
Pillow writes no timestamp into a PNG, so the same input gives the same bytes. A character the
role's first font lacks is drawn with the next font of the role (no tofu on the cover either).
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from ...style import Style
from .fonts import FONT_ROLE, FontFile, chain, coverage

W, H = 1200, 1800
PAPER = (247, 243, 234)


@lru_cache(maxsize=32)
def _pil_font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16)


class _Face:
    """A role's font list at one size: picks the font per character, measures and draws."""

    def __init__(self, fonts: list[FontFile], size: int) -> None:
        self.fonts = fonts
        self.size = size

    def _font_for(self, ch: str) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        for ff in self.fonts:
            if ord(ch) in coverage(ff.path, ff.index):
                return _pil_font(ff.path, ff.index, self.size)
        if self.fonts:
            return _pil_font(self.fonts[0].path, self.fonts[0].index, self.size)
        return ImageFont.load_default(self.size)

    def width(self, text: str) -> float:
        return sum(self._font_for(c).getlength(c) for c in text)

    def draw(self, d: ImageDraw.ImageDraw, x: float, y: float, text: str, fill: tuple[int, int, int]) -> None:
        for c in text:
            f = self._font_for(c)
            d.text((x, y), c, font=f, fill=fill, anchor="ls")
            x += f.getlength(c)


def _wrap(face: _Face, text: str, max_w: float) -> list[str]:
    """Keep the headline's own breaks; break further only where a line is too wide."""
    lines: list[str] = []
    for part in text.split("\n"):
        cur = ""
        for ch in part.strip():
            if cur and face.width(cur + ch) > max_w:
                lines.append(cur)
                cur = ""
            cur += ch
        if cur:
            lines.append(cur)
    return lines


def _centered(d: ImageDraw.ImageDraw, face: _Face, lines: list[str], y: float, lead: float, fill) -> float:
    for line in lines:
        face.draw(d, (W - face.width(line)) / 2, y, line, fill)
        y += lead
    return y


def cover_png(title: str, subtitle: str, bottom: list[str], style: Style, variant: str) -> bytes:
    """Title in the title face on a colour field, subtitle in the lead face, date/publisher below."""
    scale = W / style.page.width * 1.6
    t_role, s_role = style.role("cover_title"), style.role("cover_subtitle")
    t_face = _Face(chain(style.font_families(FONT_ROLE["cover_title"], variant)), round(t_role.size * scale))
    s_face = _Face(chain(style.font_families(FONT_ROLE["cover_subtitle"], variant)), round(s_role.size * scale))
    m_face = _Face(chain(style.font_families("body", variant)), round(style.role("byline").size * scale))
    accent = _rgb(t_role.color)

    img = Image.new("RGB", (W, H), PAPER)
    d = ImageDraw.Draw(img)
    band_top, band_bottom = int(H * 0.16), int(H * 0.58)
    d.rectangle((0, band_top, W, band_bottom), fill=accent)
    d.rectangle((0, band_bottom + 18, W, band_bottom + 24), fill=accent)

    t_lines = _wrap(t_face, title, W * 0.8)
    s_lines = _wrap(s_face, subtitle, W * 0.8) if subtitle.strip() else []
    t_lead, s_lead = t_role.leading * scale, s_role.leading * scale
    block = len(t_lines) * t_lead + (len(s_lines) * s_lead + s_lead * 0.6 if s_lines else 0)
    y = (band_top + band_bottom) / 2 - block / 2 + t_face.size * 0.88
    y = _centered(d, t_face, t_lines, y, t_lead, PAPER)
    if s_lines:
        _centered(d, s_face, s_lines, y + s_lead * 0.6 - t_lead + s_face.size * 1.1, s_lead, (238, 226, 214))
    m_lines = [b for b in bottom if b.strip()]
    _centered(d, m_face, m_lines, H * 0.86, m_face.size * 1.7, _rgb(style.role("cover_subtitle").color))

    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False, compress_level=6)
    return buf.getvalue()
