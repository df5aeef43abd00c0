"""Page images: a composed page typeset like a newspaper with Pillow, then aged like a scan.

Each article is a band of 3-6 columns of 10-20 characters, lines justified (leftover space spread
between characters), paragraphs indented 2 em, lines broken by clreq rules (evaluation.typeset).
Headlines (one or two lines, kicker and deck in smaller type) span the columns, sit over the
first columns with the others running up beside them, or stand in a box left of the body; bylines
go above or below the headline or open the first column, with bullets or titles as the house
prints them; subheadings are bold, centred or not; bios close the article; a photo box narrows
a column now and then; page furniture (date line, page name and number, editors' credit) when
the house prints it. The page is rendered at 200-300 dpi, then skewed, blurred and grained.

The geometric truth comes along: for every printed line its box, role, article and gold block,
for a reader that works from geometry (issue 15) and for checking the OCR's reading order.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
from dataclasses import asdict, dataclass, field, replace
from functools import cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from .corpus import Page
from .typeset import SetLine, column, set_paragraph, tokens

FONTS = {
    "serif": "Noto Serif CJK SC:style=Regular",
    "serif-bold": "Noto Serif CJK SC:style=Bold",
    "sans": "Noto Sans CJK SC:style=Regular",
    "sans-bold": "Noto Sans CJK SC:style=Bold",
    "kai": "LXGW WenKai:style=Regular",
    "kai-bold": "LXGW WenKai:style=Bold",
}
# From this seed a byline wider than its box wraps; before it one ran over the columns beside an
# inset headline, as no paper prints it (earlier seeds stay as drawn: their OCR is cached).
WRAP_SEEDS = 65
ROLES = ("headline", "kicker", "deck", "byline", "body", "subheading", "bio", "lead", "furniture")


@cache
def font_file(name: str) -> tuple[str, int]:
    """The face for a font role, found through fontconfig (Debian fonts-noto-cjk, fonts-lxgw-wenkai)."""
    query = FONTS[name]
    out = subprocess.run(
        ["fc-match", "-f", "%{family}|%{file}|%{index}", query], capture_output=True, text=True, check=False
    )
    fam, path, index = [*out.stdout.split("|"), "", "", "0"][:3]
    if query.split(":")[0] not in fam:
        raise FileNotFoundError(f"font {query!r} not found (install fonts-noto-cjk fonts-lxgw-wenkai)")
    return path, int(index or 0)


@cache
def font(name: str, px: int) -> ImageFont.FreeTypeFont:
    path, index = font_file(name)
    return ImageFont.truetype(path, px, index=index)


@dataclass
class TruthLine:
    """One printed line: what a geometry-based reader must recover."""

    text: str
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in the final (skewed) image
    role: str  # one of ROLES
    article: int  # index into gold articles; -1 for the lead and page furniture
    # body, subheading: index into the article's blocks; lead: index of the lead paragraph (-1 for
    # its marker); kicker, headline, deck: index of the gold title line (title.split("\n")), the
    # first one when two halves are printed on one line; -1 for bylines, bios and furniture
    block: int
    line: int  # line number within that block (a wrapped headline line, a paragraph, the bio)
    column: int  # column of the band; -1 outside the columns
    size: int  # type size in px
    font: str


@dataclass
class Style:
    dpi: int
    em: int  # body type size in px
    pitch: float  # line pitch in em
    gutter: float  # between columns, in em
    width: int  # the page's text width in em
    body: str
    bio: str
    head: str
    sub: str
    byline: str
    rules: bool
    skew: float  # degrees, counter-clockwise
    blur: float
    grain: float
    paper: int
    ink: int


def draw_style(rng: random.Random) -> Style:
    dpi = rng.choice([200, 240, 300])
    em = rng.randint(22, 30)  # 7-9.5 pt body type at these resolutions: what OCR engines read well
    width = int(min(rng.randint(60, 88), 2400 // em))
    return Style(
        dpi=dpi,
        em=em,
        pitch=rng.uniform(1.45, 1.75),
        gutter=rng.uniform(1.8, 2.6),  # narrower gutters make both engines read lines across columns
        width=width,
        body=rng.choice(["serif", "serif", "serif", "kai"]),
        bio=rng.choice(["kai", "serif", "sans"]),
        head=rng.choice(["sans-bold", "serif-bold", "kai-bold"]),
        sub=rng.choice(["sans-bold", "serif-bold"]),
        byline=rng.choice(["kai", "sans", "serif"]),
        rules=rng.random() < 0.5,
        skew=rng.uniform(-0.6, 0.6),
        blur=rng.uniform(0.2, 0.8),
        grain=rng.uniform(4, 14),
        paper=rng.randint(236, 255),
        ink=rng.randint(10, 60),
    )


@dataclass
class Printed:
    """A line placed on the page, before aging: drawn, and recorded as truth."""

    text: str
    x: float
    y: float
    size: int
    font: str
    role: str
    article: int = -1
    block: int = -1
    line: int = 0
    column: int = -1
    target: float = 0.0  # justified width in px (0: natural width)

    def advances(self) -> list[tuple[str, float]]:
        f = font(self.font, self.size)
        toks = tokens(self.text)
        widths = [f.getlength(t) for t in toks]
        gap = 0.0
        if self.target and len(toks) > 1 and self.target > sum(widths):
            gap = (self.target - sum(widths)) / (len(toks) - 1)
        out, x = [], self.x
        for t, w in zip(toks, widths, strict=True):
            out.append((t, x))
            x += w + gap
        return out

    @property
    def width(self) -> float:
        if self.target:
            return self.target
        return font(self.font, self.size).getlength(self.text)


def _measure(name: str, em: int):
    f = font(name, em)
    return lambda tok: f.getlength(tok) / em


class Overflow(Exception):
    pass


@dataclass
class Flow:
    """Column slots of one band, filled line by line."""

    cols: int
    chars: int
    height: int  # rows per column
    start: list[int]  # first free row of each column
    cut: dict[tuple[int, int], int] = field(default_factory=dict)  # (col, row) -> em lost to a box
    col: int = 0
    row: int = 0
    taken: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.row = self.start[0]

    def slot(self) -> tuple[int, int, float]:
        while self.row >= self.height:
            self.col += 1
            if self.col >= self.cols:
                raise Overflow
            self.row = self.start[self.col]
        c, r = self.col, self.row
        self.row += 1
        if self.chars - self.cut.get((c, r), 0) < 1:
            return self.slot()  # a photo across the whole column (captioned ones): no text beside it
        self.taken.append((c, r))
        return c, r, float(self.chars - self.cut.get((c, r), 0))

    def widths(self):
        while True:
            yield self.slot()[2]

    def skip(self) -> None:
        """A blank row before a subheading, unless at a column top."""
        if self.row > self.start[self.col] and self.row < self.height:
            self.row += 1


@dataclass
class Band:
    """One article's band: where its columns are and what its flow holds."""

    k: int
    left: float
    top: float
    cols: int
    chars: int
    gutter: float
    head_mode: str
    byline_at: str
    wrap_byline: bool = False  # a byline wider than its box wraps (from WRAP_SEEDS on)


def _title_lines(src, width_px: float, st: Style, rng: random.Random) -> list[Printed]:
    """Kicker, headline and deck lines, halves of a two-part line joined or stacked, wrapped to the width."""
    em = st.em
    sizes = {"headline": round(em * rng.uniform(1.7, 2.4)), "kicker": round(em * rng.uniform(1.15, 1.35))}
    sizes["deck"] = sizes["kicker"]
    lines = src.title.split("\n")
    groups: list[tuple[str, list[int]]] = []
    for i, role in enumerate(src.title_roles or ["headline"] * len(lines)):
        if groups and groups[-1][0] == role and role != "deck" and rng.random() < 0.5:
            groups[-1][1].append(i)
        else:
            groups.append((role, [i]))
    out = []
    for role, idx in groups:
        size = sizes[role]
        name = st.head if role == "headline" else st.byline.split("-")[0] + ("-bold" if role == "kicker" else "")
        name = name if name in FONTS else "sans"
        text = "\u3000".join(lines[i] for i in idx)
        for j, piece in enumerate(_wrap(text, name, size, width_px)):
            out.append(Printed(piece, 0, 0, size, name, role, block=idx[0], line=j))
    return out


def _wrap(text: str, name: str, size: int, width_px: float) -> list[str]:
    f = font(name, size)
    if f.getlength(text) <= width_px:
        return [text]
    best = len(text) // 2
    if "\u3000" in text:  # between the halves of a two-part line
        return _wrap(text[: text.index("\u3000")], name, size, width_px) + _wrap(
            text[text.index("\u3000") + 1 :], name, size, width_px
        )
    for cand in sorted(range(4, len(text) - 3), key=lambda i: abs(i - len(text) / 2)):
        if text[cand - 1] in "，、：" or text[cand] in "（—":
            best = cand
            break
    return _wrap(text[:best].rstrip("\u3000"), name, size, width_px) + _wrap(
        text[best:].lstrip("\u3000"), name, size, width_px
    )


def _stack(lines: list[Printed], x: float, y: float, width: float, align: str) -> float:
    """Place lines one under another in a box; returns the y under them."""
    for ln in lines:
        gap = 0.35 * ln.size if ln.role in ("headline", "kicker", "deck") else 0.3 * ln.size
        ln.y = y + gap / 2
        w = ln.width
        ln.x = x + (width - w) / 2 if align == "center" else (x + width - w if align == "right" else x)
        y += ln.size + gap
    return y


def _byline_line(page: Page, k: int, st: Style) -> Printed:
    return Printed(page.printed[k].byline, 0, 0, round(st.em * 1.05), st.byline, "byline", k)


def _byline_lines(page: Page, k: int, st: Style, width_px: float, wrap: bool) -> list[Printed]:
    """The byline, wrapped as a compositor would where it is wider than its box: between names, or
    between a title and the name, a name never broken unless it alone is too wide."""
    one = _byline_line(page, k, st)
    if not one.text:
        return []  # no byline: the note at the article's end names its authors
    if not wrap or one.width <= width_px:
        return [one]
    f = font(one.font, one.size)
    sep = "  " if "  " in one.text else " "
    pieces: list[str] = []
    broken = False  # the last piece ends a title broken over lines: the name goes on a line of its own
    for tok in one.text.split(sep):
        if pieces and not broken and f.getlength(pieces[-1] + sep + tok) <= width_px:
            pieces[-1] += sep + tok
            continue
        broken = False
        while f.getlength(tok) > width_px and len(tok) > 1:
            cut = max(i for i in range(1, len(tok)) if i == 1 or f.getlength(tok[:i]) <= width_px)
            pieces.append(tok[:cut])
            tok, broken = tok[cut:], True
        pieces.append(tok)
    return [replace(one, text=t, line=i) for i, t in enumerate(pieces)]


def _flow_items(page: Page, k: int, band: Band, st: Style, fl: Flow, rng: random.Random) -> list[Printed]:
    """Lay the article's body, subheadings and bio (and a column byline) into the flow's slots."""
    art = page.gold.articles[k]
    em = st.em
    out: list[Printed] = []
    measure = _measure(st.body, em)

    def place(sl: SetLine, slot, name: str, role: str, block: int, i: int, indent: float, size: int = em) -> None:
        col, row = slot
        x0 = band.left + col * (band.chars + band.gutter) * em + (indent * em if sl.first else 0)
        target = sl.cap * em if sl.justified else 0.0
        out.append(Printed(sl.text, x0, row, size, name, role, k, block, i, col, target))

    if band.byline_at == "column":
        flush_right = rng.random() < 0.5
        for by in _byline_lines(page, k, st, band.chars * em, band.wrap_byline):
            col, row, cap = fl.slot()
            indent = min(2 * em, max(0.0, cap * em - by.width)) if band.wrap_byline else 2 * em
            left = cap * em - by.width if flush_right else indent
            by.x = band.left + col * (band.chars + band.gutter) * em + left
            by.y, by.column = row, col
            out.append(by)
    for b, blk in enumerate(art.blocks):
        if blk.type == "heading":
            fl.skip()
            size = round(em * rng.uniform(1.0, 1.12))
            per = max(4, int(band.chars * em // size))
            pieces = [blk.text[i : i + per] for i in range(0, len(blk.text), per)]
            centred = rng.random() < 0.5
            for i, piece in enumerate(pieces):
                col, row, cap = fl.slot()
                p = Printed(piece, 0, row, size, st.sub, "subheading", k, b, i, col)
                x0 = band.left + col * (band.chars + band.gutter) * em
                p.x = x0 + ((cap * em - p.width) / 2 if centred else 0)
                out.append(p)
            continue
        fl.taken.clear()
        lines = set_paragraph(blk.text, fl.widths(), 2.0, measure)
        for i, (sl, slot) in enumerate(zip(lines, list(fl.taken), strict=True)):
            place(sl, slot, st.body, "body", b, i, 2.0)
    bio = page.printed[k].bio
    if bio:
        fl.taken.clear()
        indent = 2.0 if page.house.bio_form == "intro" else rng.choice([0.0, 2.0])
        lines = set_paragraph(bio, fl.widths(), indent, _measure(st.bio, em))
        for i, (sl, slot) in enumerate(zip(lines, list(fl.taken), strict=True)):
            place(sl, slot, st.bio, "bio", -1, i, indent)
    return out


def _estimate_rows(page: Page, k: int, chars: int) -> int:
    art = page.gold.articles[k]
    n = sum(math.ceil((len(b.text) + 2) / max(1, chars - 0.3)) + (1 if b.type == "heading" else 0) for b in art.blocks)
    return n + math.ceil(len(page.printed[k].bio) / chars) + 1


def _choose_columns(width: float, gutter: float, rng: random.Random) -> tuple[int, int]:
    options = []
    for n in range(3, 7):
        c = int((width - (n - 1) * gutter) // n)
        if 10 <= c <= 20:
            options.append((n, c))
    if not options:
        n = 3
        return n, max(10, min(20, int((width - 2 * gutter) // 3)))
    return rng.choice(options)


def _band(
    page: Page, k: int, st: Style, top: float, left: float, rng: random.Random, wrap: bool = False
) -> tuple[list[Printed], float, list]:
    """Typeset article k as a band under `top`; returns its lines, its bottom and the boxes to draw."""
    src = page.printed[k].source()
    em = st.em
    mode = rng.choice(["span", "span", "partial", "side"])
    byline_at = rng.choice(["below", "below", "column", "above"])
    width_em = float(st.width)
    head_w = 0.0
    if mode == "side":
        head_w = float(rng.randint(9, 13))
        width_em -= head_w + st.gutter
    n, c = _choose_columns(width_em, st.gutter, rng)
    body_left = left + ((head_w + st.gutter) * em if mode == "side" else 0.0)
    band = Band(k, body_left, top, n, c, st.gutter, mode, byline_at, wrap)
    m = rng.randint(max(1, n // 2), n - 1) if mode == "partial" else n
    head_px = {"span": (n * c + (n - 1) * st.gutter) * em, "partial": (m * c + (m - 1) * st.gutter) * em}.get(
        mode, head_w * em
    )
    head = _title_lines(src, head_px, st, rng)
    if byline_at in ("below", "above"):
        by = _byline_lines(page, k, st, head_px, band.wrap_byline)
        head = [*by, *head] if byline_at == "above" else [*head, *by]
    align = "center" if mode == "span" and rng.random() < 0.7 else "left"
    head_x = left if mode == "side" else body_left
    head_bottom = _stack(head, head_x, top, head_px, align)
    for ln in head:
        ln.article = k
        if ln.role == "byline" and byline_at == "below" and rng.random() < 0.5:
            ln.x = head_x + head_px - ln.width  # set flush right under the headline
    pitch = st.pitch * em
    body_top = head_bottom + 0.8 * em if mode == "span" else top
    head_rows = math.ceil((head_bottom - top) / pitch + 0.6) if mode == "partial" else 0
    start = [head_rows if j < m and mode == "partial" else 0 for j in range(n)]
    cut, boxes = _photo(n, c, rng)
    caption = page.printed[k].caption
    if caption:  # (pages from CAPTION_IMAGE_SEEDS on: earlier ones draw as they did)
        cut, boxes, caption_lines = _captioned_photo(n, c, caption, st, random.Random(rng.random()))
    height = max(math.ceil((_estimate_rows(page, k, c) + sum(start)) / n), head_rows + 3)
    if caption:
        height = max(height, max(r for _, r in cut) + 3)
    while True:
        fl = Flow(n, c, height, start, cut)
        try:
            r2 = random.Random(rng.random())
            body = _flow_items(page, k, band, st, fl, r2)
            break
        except Overflow:
            height += 1
    if caption:
        body += _placed_caption(caption_lines, boxes[0], body_left, c, st)
    rows_used = int(max([p.y for p in body] + [head_rows])) + 1
    for p in body:
        p.y = body_top + p.y * pitch + (pitch - p.size) / 2
    bottom = max(body_top + rows_used * pitch, head_bottom)
    drawn = [
        (
            body_left + (col * (c + st.gutter) + c - w) * em,
            body_top + r0 * pitch,
            body_left + (col * (c + st.gutter) + c) * em - 0.3 * em,
            body_top + (r0 + rows) * pitch - 0.3 * pitch,
        )
        for col, r0, rows, w in boxes
        if r0 + rows <= rows_used
    ]
    rules = []
    if st.rules:
        for j in range(1, n):
            x = body_left + (j * (c + st.gutter) - st.gutter / 2) * em
            y0 = body_top + (start[j] * pitch if mode == "partial" and j < m else 0)
            rules.append((x, y0, x, bottom))
    return head + body, bottom, [("box", b) for b in drawn] + [("rule", r) for r in rules]


def _photo(n: int, c: int, rng: random.Random) -> tuple[dict, list]:
    """Now and then a photo box in one column: the lines beside it are narrower."""
    if rng.random() > 0.35:
        return {}, []
    col = rng.randrange(n)
    r0, rows, w = rng.randint(2, 10), rng.randint(4, 9), rng.randint(3, max(3, c // 2))
    cut = {(col, r): w + 1 for r in range(r0, r0 + rows)}
    return cut, [(col, r0, rows, w)]


CAPTION_SIZE = 0.85  # a caption's type against the body's


def _captioned_photo(n: int, c: int, caption: list[str], st: Style, rng: random.Random) -> tuple[dict, list, list]:
    """A photo across one column (not the last, so text runs on under it) and its caption under
    it in smaller type, a line a row: the column's text skips the rows both take."""
    col = rng.randrange(max(1, n - 1))
    r0, rows = rng.randint(1, 4), rng.randint(4, 7)
    size = round(st.em * CAPTION_SIZE)
    lines = [piece for text in caption for piece in _wrap(text, "kai", size, c * st.em)]
    cut = {(col, r): c + 1 for r in range(r0, r0 + rows + len(lines))}
    return cut, [(col, r0, rows, c)], lines


def _placed_caption(lines: list[str], box: tuple, body_left: float, c: int, st: Style) -> list[Printed]:
    """The caption's lines under the photo, left at the column's edge (rows: placed with the body)."""
    col, r0, rows, _w = box
    x = body_left + col * (c + st.gutter) * st.em
    size = round(st.em * CAPTION_SIZE)
    return [Printed(t, x, r0 + rows + i, size, "kai", "furniture", column=col) for i, t in enumerate(lines)]


def _lead(page: Page, st: Style, top: float, left: float, rng: random.Random) -> tuple[list[Printed], float]:
    """The lead note in a frame across the page, its text in columns of at most 40 characters."""
    lead = page.gold.lead
    if lead is None:
        return [], top
    em = st.em
    width = st.width - 2.0
    ncols = math.ceil(width / 40)
    chars = int((width - (ncols - 1) * st.gutter) // ncols)
    out: list[Printed] = []
    y = top
    if not page.house.lead_inline:
        out.append(Printed(lead.heading, left + em, y, round(em * 1.15), "sans-bold", "lead", -1, -1, 0))
        y += round(em * 1.15) * 1.6
    name = rng.choice(["kai", st.body])
    measure = _measure(name, em)
    set_lines: list[tuple[int, int, SetLine]] = []
    for b, p in enumerate(lead.paragraphs):
        text = (lead.heading + "：" + p) if page.house.lead_inline and b == 0 else p
        set_lines += [(b, i, sl) for i, sl in enumerate(set_paragraph(text, column(chars, rng), 2.0, measure))]
    rows = math.ceil(len(set_lines) / ncols)
    pitch = st.pitch * em
    for n, (b, i, sl) in enumerate(set_lines):
        col, row = divmod(n, rows)
        x = left + em + col * (chars + st.gutter) * em + (2 * em if sl.first else 0)
        target = sl.cap * em if sl.justified else 0.0
        line = Printed(sl.text, x, y + row * pitch, em, name, "lead", -1, b, i, col, target)
        if sl.text.startswith("——") and len(lead.paragraphs[b]) <= 8:  # the signature (——编者), set flush right
            line.x = left + em + (col * (chars + st.gutter) + chars) * em - line.width
        out.append(line)
    return out, y + rows * pitch + em


def _furniture(page: Page, st: Style, top: float, left: float, bottom: bool) -> tuple[list[Printed], float]:
    items = page.furniture_bottom if bottom else page.furniture_top
    if not items:
        return [], top
    size = round(st.em * 0.9)
    out = []
    width = st.width * st.em
    for i, t in enumerate(items):
        p = Printed(t, left, top, size, "sans", "furniture", line=i)
        w = p.width
        if bottom:
            p.x = left + width - w
        else:
            p.x = [left, left + (width - w) / 2, left + width - w][i % 3]
        out.append(p)
    return out, top + size * (3.4 if not bottom else 2.2)  # the furniture row stands apart, under a rule


def layout(page: Page, st: Style, seed: int = 0) -> tuple[list[Printed], list, tuple[int, int]]:
    rng = random.Random(f"{seed}:{page.id}:layout")
    em = st.em
    margin = 3 * em
    left, y = float(margin), float(margin)
    printed: list[Printed] = []
    shapes: list = []
    top_f, y = _furniture(page, st, y, left, bottom=False)
    printed += top_f
    if top_f:
        shapes.append(("rule", (left, y - 1.5 * em, left + st.width * em, y - 1.5 * em)))
    lead, y = _lead(page, st, y, left, rng)
    if lead:
        shapes.append(("frame", (left, y - (y - lead[0].y) - 0.5 * em, left + st.width * em, y - 0.5 * em)))
        y += em
    printed += lead
    for k in range(len(page.gold.articles)):
        if k:
            shapes.append(("rule", (left, y + 1.2 * em, left + st.width * em, y + 1.2 * em)))
            y += 2.8 * em
        lines, y, extra = _band(page, k, st, y, left, rng, seed >= WRAP_SEEDS)
        printed += lines
        shapes += extra
    y += 1.5 * em
    bottom, y = _furniture(page, st, y, left, bottom=True)
    printed += bottom
    size = (int(left + st.width * em + margin), int(y + margin))
    return printed, shapes, size


def rotate(pt: tuple[float, float], size: tuple[int, int], deg: float) -> tuple[float, float]:
    cx, cy = size[0] / 2, size[1] / 2
    a = math.radians(deg)
    dx, dy = pt[0] - cx, pt[1] - cy
    return cx + dx * math.cos(a) + dy * math.sin(a), cy - dx * math.sin(a) + dy * math.cos(a)


def render(page: Page, seed: int = 0) -> tuple[Image.Image, dict]:
    """The page image and its truth (style, skew and every printed line)."""
    st = draw_style(random.Random(f"{seed}:{page.id}:style"))
    printed, shapes, size = layout(page, st, seed)
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    for kind, (x0, y0, x1, y1) in shapes:
        if kind == "box":
            d.rectangle((x0, y0, x1, y1), fill=200, outline=120)
        elif kind == "frame":
            d.rectangle((x0, y0, x1, y1), outline=40, width=max(1, st.em // 14))
        else:
            d.line((x0, y0, x1, y1), fill=40, width=max(1, st.em // 12))
    for p in printed:
        f = font(p.font, p.size)
        for tok, x in p.advances():
            d.text((x, p.y + 0.88 * p.size), tok, font=f, fill=0, anchor="ls")
    img = _age(img, st, random.Random(f"{seed}:{page.id}:age"))
    truth = {
        "page": page.id,
        "size": list(size),
        "dpi": st.dpi,
        "skew": st.skew,
        "style": asdict(st),
        "lines": [asdict(_truth(p, size, st.skew)) for p in printed],
    }
    return img, truth


def _truth(p: Printed, size: tuple[int, int], skew: float) -> TruthLine:
    x0, y0, x1, y1 = p.x, p.y, p.x + p.width, p.y + p.size
    pts = [rotate(q, size, skew) for q in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    box = (
        int(min(q[0] for q in pts)),
        int(min(q[1] for q in pts)),
        math.ceil(max(q[0] for q in pts)),
        math.ceil(max(q[1] for q in pts)),
    )
    return TruthLine(p.text, box, p.role, p.article, p.block, p.line, p.column, p.size, p.font)


def _age(img: Image.Image, st: Style, rng: random.Random) -> Image.Image:
    """Paper and ink tone, a small skew, blur and grain: what a scanner hands over."""
    img = img.point(lambda v: st.ink + (st.paper - st.ink) * v // 255)
    img = img.rotate(st.skew, resample=Image.Resampling.BICUBIC, fillcolor=st.paper)
    img = img.filter(ImageFilter.GaussianBlur(st.blur))
    # Grain from the page's own generator (Image.effect_noise is not seeded): uniform noise scaled
    # to a standard deviation of `grain` grey levels, centred on 128.
    noise = Image.frombytes("L", img.size, rng.randbytes(img.size[0] * img.size[1]))
    noise = noise.point(lambda v: max(0, min(255, round(128 + (v - 127.5) * st.grain / 73.9))))
    return ImageChops.add(img, noise, scale=1.0, offset=-128)


def save(page: Page, folder, seed: int = 0) -> None:
    """page.png, truth.json and gold.json of a page into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    img, truth = render(page, seed)
    img.save(folder / "page.png", optimize=True, dpi=(truth["dpi"], truth["dpi"]))
    (folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(page.gold_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
