"""The page as read, for the cleanup report of a geometric input (page image, PDF, hOCR, ALTO).

The page image (downscaled, embedded as a data URI) with every line's box drawn over it,
coloured by the role the reader gave the line (headline, byline, body, bio, lead, furniture,
unplaced) and linked to the row of the rebuilt block it went into: an editor sees at a glance
what was read as what. SVG inside the HTML, no script, no external resource.
"""

from __future__ import annotations

import base64
import io

from .report_rows import Row, esc

MAX_WIDTH = 1100  # px of the embedded image: enough to read a box's place, small enough to embed

# the report's row roles -> (class, label)
ROLES = {
    "title": ("headline", "标题"),
    "byline": ("byline", "署名"),
    "para": ("body", "正文"),
    "head": ("body", "小标题"),
    "bio": ("bio", "作者简介"),
    "lead": ("lead", "导读"),
    "lead-marker": ("lead", "导读"),
    "signature": ("lead", "导读"),
    "furniture": ("furniture", "版面信息"),
    "unplaced": ("unplaced", "未归入"),
}
COLOURS = {
    "headline": "#c0392b",
    "byline": "#27ae60",
    "body": "#2e6fd0",
    "bio": "#8e44ad",
    "lead": "#555555",
    "furniture": "#e67e22",
    "unplaced": "#ff00aa",
}

CSS = """
.page-view{margin:12px 0 20px}
.page-view svg{width:100%;height:auto;border:1px solid #ccc;background:#fff}
.page-view rect{fill-opacity:.16;stroke-width:2;vector-effect:non-scaling-stroke}
.page-view a:hover rect{fill-opacity:.45}
.page-legend span{display:inline-block;margin-right:14px}
.page-legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
""" + "".join(f".page-view rect.{k}{{fill:{c};stroke:{c}}}" for k, c in COLOURS.items())


def targets(
    lead: list[Row], arts: dict[int, list[Row]], rest: list[Row], furniture: set[int]
) -> dict[int, tuple[str, str]]:
    """Source line number -> (id of the report row it went into, role class), with the row ids
    report_html gives the rows."""
    out: dict[int, tuple[str, str]] = {}

    def add(rows: list[Row], prefix: str) -> None:
        for i, row in enumerate(rows):
            for n in row.lines:
                role = "furniture" if n in furniture else row.role
                out[n] = (f"{prefix}-{i}", ROLES.get(role, ("unplaced", ""))[0])

    add(lead, "lead")
    for k, rows in arts.items():
        add(rows, f"a{k}")
    add(rest, "rest")
    return out


def _image_uri(data: bytes) -> tuple[str, tuple[int, int]]:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        size = im.size
        im = im.convert("L") if im.mode not in ("L", "RGB") else im
        if im.width > MAX_WIDTH:
            im = im.resize((MAX_WIDTH, round(im.height * MAX_WIDTH / im.width)))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=70)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii"), size


def page_html(view, where: dict[int, tuple[str, str]], texts: dict[int, str]) -> str:
    """The page section: image, boxes, legend."""
    w, h = view.size
    parts = ['<section class="page-view" id="page"><h2>版面</h2>']
    parts.append(
        '<p class="page-legend">'
        + "".join(
            f'<span><i style="background:{COLOURS[cls]}"></i>{label}</span>'
            for cls, label in (
                ("headline", "标题"),
                ("byline", "署名"),
                ("body", "正文"),
                ("bio", "作者简介"),
                ("lead", "导读"),
                ("furniture", "版面信息"),
                ("unplaced", "未归入"),
            )
        )
        + f'<span class="note">来源：{esc(view.engine)}'
        + (f"，第 {view.number}/{view.pages} 页" if view.pages > 1 else "")
        + "；点击框跳到重建结果</span></p>"
    )
    parts.append(f'<svg viewBox="0 0 {w:.0f} {h:.0f}" xmlns="http://www.w3.org/2000/svg" role="img">')
    if view.image:
        uri, _ = _image_uri(view.image)
        parts.append(f'<image href="{uri}" x="0" y="0" width="{w:.0f}" height="{h:.0f}" preserveAspectRatio="none"/>')
    for n, box in sorted(view.boxes.items()):
        rid, cls = where.get(n, ("", "unplaced"))
        x0, y0, x1, y1 = box
        rect = (
            f'<rect class="{cls}" data-line="{n}" x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" '
            f'height="{y1 - y0:.1f}"><title>第{n}行 · {esc(texts.get(n, ""))}</title></rect>'
        )
        parts.append(f'<a href="#{rid}">{rect}</a>' if rid else rect)
    parts.append("</svg></section>")
    return "".join(parts)
