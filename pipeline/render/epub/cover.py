"""The cover image: title and subtitle drawn in the booklet's own faces (PNG via Pillow).

Bookshelves show the cover as a thumbnail, so the title is large and the design is flat colour.
Pillow writes no timestamp into a PNG, so the same input gives the same bytes. A character the
role's first font lacks is drawn with the next font of the role (no tofu on the cover either).
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from ...style import Style
from ...text import NO_END, NO_START_DISPLAY
from ..fontengine import FontEngine
from ..headline import balance
from .fonts import FONT_ROLE, FontFile, chain

W, H = 1200, 1800
PAPER = (247, 243, 234)


@lru_cache(maxsize=32)
def _pil_font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16)


class _Face:
    """A role's font list at one size: picks the font per character, measures and draws."""

    def __init__(self, fonts: list[FontFile], size: int, engine: FontEngine) -> None:
        self.fonts = fonts
        self.size = size
        self.engine = engine

    def _font_for(self, ch: str) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        for ff in self.fonts:
            if ord(ch) in self.engine.coverage(ff.face).codepoints:
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


# The cover breaks its own lines by the display rules of pipeline/text.py (docs/typesetting.md).
NO_START = NO_START_DISPLAY
_TOKEN = re.compile(r"[0-9A-Za-z.,%/+\-]+|\s+|.")


def _wrap(face: _Face, text: str, max_w: float) -> list[str]:
    """Keep the headline's own breaks; break a line too wide at phrase boundaries in balanced
    lines (render.headline), and only where no phrase break fits, anywhere else allowed: never
    inside a Latin word or number, never before a closing mark or after an opening one."""
    lines: list[str] = []
    for part in balance(text, max_w, face.width, face.size).split("\n"):
        cur: list[str] = []
        for tok in _TOKEN.findall(part.strip()):
            if cur and face.width("".join(cur) + tok) > max_w:
                carry: list[str] = []
                while len(cur) > 1 and (carry or [tok])[0][0] in NO_START:
                    carry.insert(0, cur.pop())
                while len(cur) > 1 and cur[-1][-1] in NO_END:
                    carry.insert(0, cur.pop())
                lines.append("".join(cur).strip())
                cur = carry
                if tok.isspace():
                    continue
            cur.append(tok)
        if "".join(cur).strip():
            lines.append("".join(cur).strip())
    return lines


def _fit(fonts: list[FontFile], text: str, size: float, max_lines: int, engine: FontEngine) -> tuple[_Face, list[str]]:
    """The largest size (down to 45 %) at which the text takes at most max_lines lines."""
    floor = size * 0.45
    while True:
        face = _Face(fonts, round(size), engine)
        lines = _wrap(face, text, W * 0.8)
        if len(lines) <= max_lines or size * 0.9 < floor:
            return face, lines
        size *= 0.9


def _centered(d: ImageDraw.ImageDraw, face: _Face, lines: list[str], y: float, lead: float, fill) -> float:
    """Draw lines centred, the first baseline at y; return the baseline after the last line."""
    for line in lines:
        face.draw(d, (W - face.width(line)) / 2, y, line, fill)
        y += lead
    return y


def cover_png(title: str, subtitle: str, bottom: list[str], style: Style, variant: str, engine: FontEngine) -> bytes:
    """Title in the title face on a colour band, subtitle in the lead face, date/publisher below.

    Long titles shrink to fit four lines (subtitles two); the band grows with its content.
    """
    scale = W / style.page.width * 1.6
    t_role, s_role = style.role("cover_title"), style.role("cover_subtitle")
    t_fonts = chain(style.font_families(FONT_ROLE["cover_title"], variant))
    s_fonts = chain(style.font_families(FONT_ROLE["cover_subtitle"], variant))
    t_face, t_lines = _fit(t_fonts, title, t_role.size * scale, 4, engine)
    s_face, s_lines = _fit(s_fonts, subtitle, s_role.size * scale, 2, engine) if subtitle.strip() else (None, [])
    t_lead = t_face.size * t_role.leading / t_role.size
    s_lead = s_face.size * s_role.leading / s_role.size if s_face else 0.0
    gap = s_lead * 0.6 if s_lines else 0.0
    block = len(t_lines) * t_lead + gap + len(s_lines) * s_lead

    band_h = max(H * 0.42, block + H * 0.12)
    band_top = max(H * 0.06, H * 0.37 - band_h / 2)
    band_bottom = band_top + band_h
    accent = _rgb(t_role.color)
    img = Image.new("RGB", (W, H), PAPER)
    d = ImageDraw.Draw(img)
    d.rectangle((0, band_top, W, band_bottom), fill=accent)
    d.rectangle((0, band_bottom + 18, W, band_bottom + 24), fill=accent)

    top = band_top + (band_h - block) / 2
    # baselines sit about 0.88 em below a line box's top in these CJK faces (centred in the lead)
    y = top + (t_lead - t_face.size) / 2 + t_face.size * 0.88
    y = _centered(d, t_face, t_lines, y, t_lead, PAPER)
    if s_face and s_lines:
        y = top + len(t_lines) * t_lead + gap + (s_lead - s_face.size) / 2 + s_face.size * 0.88
        _centered(d, s_face, s_lines, y, s_lead, (238, 226, 214))
    m_face = _Face(chain(style.font_families("body", variant)), round(style.role("byline").size * scale), engine)
    m_lines = [b for b in bottom if b.strip()]
    _centered(d, m_face, m_lines, H * 0.86, m_face.size * 1.7, _rgb(s_role.color))

    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False, compress_level=6)
    return buf.getvalue()
