"""Style sheets: data, validated on load, shared by every writer.

A sheet is TOML. Every key is checked against SCHEMA: an unknown key, a wrong type or a bad
value is a StyleError naming the file, the dotted key and what was expected, so an editor can
fix the sheet without reading code. Writers get a typed Style and never parse TOML themselves.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PipelineError

STYLES_DIR = Path(__file__).resolve().parent.parent / "styles"
DEFAULT_STYLE = STYLES_DIR / "booklet.toml"

PT_PER = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
PAGE_SIZES_MM = {"A4": (210, 297), "A5": (148, 210), "A6": (105, 148), "B5": (176, 250), "16K": (185, 260)}
ROLES = (
    "body",
    "heading",
    "title",
    "byline",
    "bio",
    "lead",
    "lead_heading",
    "header",
    "cover_title",
    "cover_subtitle",
    "toc",
)
FONT_ROLES = ("body", "heading", "title", "byline", "bio", "lead", "header", "latin")
# Which [fonts] entry draws each text role: every writer reads it from here, so a sheet's
# font for, say, the lead heading is the same in the PDF, the DOCX and the EPUB.
ROLE_FONT = {
    "body": "body",
    "heading": "heading",
    "title": "title",
    "byline": "byline",
    "bio": "bio",
    "lead": "lead",
    "lead_heading": "title",
    "header": "header",
    "cover_title": "title",
    "cover_subtitle": "lead",
    "toc": "body",
}
ALIGNS = ("left", "right", "center", "justify")
HANT_PROFILES = ("s2tw", "s2hk", "s2twp", "s2t")


class StyleError(PipelineError):
    pass


@dataclass(frozen=True)
class Role:
    size: float
    leading: float
    color: str
    first_line_indent_em: float
    space_before: float  # pt
    space_after: float  # pt
    align: str


@dataclass(frozen=True)
class Page:
    width: float  # pt
    height: float
    margin_top: float
    margin_bottom: float
    margin_inner: float
    margin_outer: float
    mirror: bool
    header_gap: float
    footer_gap: float


@dataclass(frozen=True)
class Style:
    path: Path
    meta: dict[str, str]
    page: Page
    header: dict[str, Any]
    footer: dict[str, Any]
    fonts: dict[str, list[str]]
    fonts_hant: dict[str, list[str]]
    docx_fonts: dict[str, str]
    docx_fonts_hant: dict[str, str]
    roles: dict[str, Role]
    layout: dict[str, Any]
    epub: dict[str, Any]
    hant: dict[str, Any]
    print: dict[str, Any] = field(default_factory=lambda: dict(OPTIONAL_DEFAULTS["print"]))
    docx: dict[str, Any] = field(default_factory=lambda: dict(OPTIONAL_DEFAULTS["docx"]))
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    def role(self, name: str) -> Role:
        return self.roles[name]

    def font_families(self, role: str, variant: str = "zh-Hans") -> list[str]:
        """Family list for a role; zh-Hant uses fonts_hant where the sheet gives it."""
        if variant != "zh-Hans" and role in self.fonts_hant:
            return list(self.fonts_hant[role])
        return list(self.fonts[role])

    def docx_font(self, role: str, variant: str = "zh-Hans") -> str:
        if variant != "zh-Hans" and role in self.docx_fonts_hant:
            return self.docx_fonts_hant[role]
        return self.docx_fonts[role]


# --- value checkers: each returns the parsed value or raises ValueError(expected) ---------


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("a string")
    return v


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError("true or false")
    return v


def _count(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise ValueError("a whole number, 0 or more")
    return v


def _number(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or v <= 0:
        raise ValueError("a positive number (points)")
    return float(v)


_LEN = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in)\s*$")
_EM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*em\s*$")


def parse_length(v: Any) -> float:
    """'18mm' -> points. Bare numbers are points."""
    if isinstance(v, int | float) and not isinstance(v, bool):
        if v < 0:
            raise ValueError("a non-negative length such as '18mm' or '6pt'")
        return float(v)
    if isinstance(v, str):
        m = _LEN.match(v)
        if m and float(m.group(1)) >= 0:
            return float(m.group(1)) * PT_PER[m.group(2)]
    raise ValueError("a non-negative length such as '18mm' or '6pt'")


def _em(v: Any) -> float:
    if isinstance(v, str):
        m = _EM.match(v)
        if m:
            return float(m.group(1))
    raise ValueError("a length in em such as '2em'")


def _color(v: Any) -> str:
    if isinstance(v, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", v):
        return v.lower()
    raise ValueError("a colour '#rrggbb'")


def _families(v: Any) -> list[str]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not v or not all(isinstance(x, str) and x.strip() for x in v):
        raise ValueError("a non-empty list of font family names")
    return list(v)


def _choice(options: tuple[str, ...]):
    def check(v: Any) -> str:
        if v not in options:
            raise ValueError("one of " + ", ".join(options))
        return v

    return check


def _page_size(v: Any) -> tuple[float, float]:
    if isinstance(v, str):
        key = v.strip().upper()
        if key in PAGE_SIZES_MM:
            w, h = PAGE_SIZES_MM[key]
            return w * PT_PER["mm"], h * PT_PER["mm"]
        m = re.fullmatch(r"\s*(\S+)\s*[x×]\s*(\S+)\s*", v)
        if m:
            try:
                w, h = parse_length(m.group(1)), parse_length(m.group(2))
            except ValueError:
                w = h = 0
            if w > 0 and h > 0:
                return w, h
    raise ValueError("a page size: " + ", ".join(PAGE_SIZES_MM) + " or '148mm x 210mm'")


ROLE_SCHEMA = {
    "size": _number,
    "leading": _number,
    "color": _color,
    "first_line_indent": _em,
    "space_before": parse_length,
    "space_after": parse_length,
    "align": _choice(ALIGNS),
}

SCHEMA: dict[str, dict[str, Any]] = {
    "meta": {**{k: _str for k in ("title", "subtitle", "publisher", "date")}, "edition_date": _bool},
    "page": {
        "size": _page_size,
        "margin_top": parse_length,
        "margin_bottom": parse_length,
        "margin_inner": parse_length,
        "margin_outer": parse_length,
        "mirror": _bool,
        "header_gap": parse_length,
        "footer_gap": parse_length,
    },
    "header": {"even": _str, "odd": _str, "rule": _bool},
    "footer": {"text": _str},
    "fonts": {k: _families for k in FONT_ROLES},
    "fonts_hant": {k: _families for k in FONT_ROLES},
    "docx_fonts": {k: _str for k in FONT_ROLES},
    "docx_fonts_hant": {k: _str for k in FONT_ROLES},
    "layout": {
        "article_new_page": _bool,
        "bio_rule": _bool,
        "byline_separator": _str,
        "toc": _bool,
        "cover": _bool,
    },
    "epub": {"embed_fonts": _bool, "vertical": _bool},
    "hant": {"profile": _choice(HANT_PROFILES), "corner_quotes": _bool},
    "print": {"signature_sheets": _count, "creep": parse_length, "marks": _bool},
    "docx": {"toc_pages": _bool},
}
# Sections every sheet must give in full; the others may be partial or absent.
REQUIRED = {"page", "fonts", "roles"}
OPTIONAL_DEFAULTS: dict[str, dict[str, Any]] = {
    # edition_date: with no date from the page, a sidecar or --date, print the build's date
    "meta": {"title": "", "subtitle": "", "publisher": "", "date": "", "edition_date": False},
    "header": {"even": "{booklet_title}", "odd": "{article_title}", "rule": True},
    "footer": {"text": "{page}"},
    "fonts_hant": {},
    "docx_fonts": {
        "body": "宋体",
        "heading": "黑体",
        "title": "黑体",
        "byline": "楷体",
        "bio": "楷体",
        "lead": "楷体",
        "header": "宋体",
        "latin": "Times New Roman",
    },
    "docx_fonts_hant": {},
    "layout": {
        "article_new_page": True,
        "bio_rule": True,
        "byline_separator": "　",
        "toc": True,
        "cover": True,
    },
    "epub": {"embed_fonts": False, "vertical": False},
    "hant": {"profile": "s2tw", "corner_quotes": True},
    # Imposition (`--impose`): sheets per signature (0 = one signature), creep per sheet in pt.
    "print": {"signature_sheets": 0, "creep": 0.0, "marks": False},
    # DOCX contents with real page numbers, from a LibreOffice layout (seconds per file; --toc-pages)
    "docx": {"toc_pages": False},
}


def _err(path: Path, key: str, expected: str) -> StyleError:
    return StyleError(f"style sheet {path}: key '{key}' must be {expected}")


def _check_table(path: Path, name: str, table: Any, schema: dict[str, Any], full: bool) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise _err(path, name, "a table")
    out: dict[str, Any] = {}
    for k, v in table.items():
        if k not in schema:
            raise StyleError(f"style sheet {path}: unknown key '{name}.{k}' (expected one of: {', '.join(schema)})")
        try:
            out[k] = schema[k](v)
        except ValueError as e:
            raise _err(path, f"{name}.{k}", str(e)) from None
    if full:
        missing = [k for k in schema if k not in out]
        if missing:
            raise StyleError(f"style sheet {path}: missing key '{name}.{missing[0]}'")
    return out


def load_style(path: str | Path | None = None) -> Style:
    path = Path(path) if path else DEFAULT_STYLE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StyleError(f"style sheet {path}: file not found") from None
    except IsADirectoryError:
        raise StyleError(f"style sheet {path}: is a directory, expected a .toml file") from None
    except UnicodeDecodeError:
        raise StyleError(f"style sheet {path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise StyleError(f"style sheet {path}: TOML syntax error: {e}") from None

    known = set(SCHEMA) | {"roles"}
    for k in raw:
        if k not in known:
            raise StyleError(f"style sheet {path}: unknown key '{k}' (expected one of: {', '.join(sorted(known))})")
    for k in REQUIRED:
        if k not in raw:
            raise StyleError(f"style sheet {path}: missing table [{k}]")

    sec: dict[str, dict[str, Any]] = {}
    for name, schema in SCHEMA.items():
        full = name in REQUIRED
        got = _check_table(path, name, raw.get(name, {}), schema, full)
        sec[name] = {**OPTIONAL_DEFAULTS.get(name, {}), **got} if not full else got

    roles_raw = raw["roles"]
    if not isinstance(roles_raw, dict):
        raise _err(path, "roles", "a table of role tables")
    roles: dict[str, Role] = {}
    for rname, rtable in roles_raw.items():
        if rname not in ROLES:
            raise StyleError(f"style sheet {path}: unknown role 'roles.{rname}' (expected one of: {', '.join(ROLES)})")
        r = _check_table(path, f"roles.{rname}", rtable, ROLE_SCHEMA, full=True)
        roles[rname] = Role(
            size=r["size"],
            leading=r["leading"],
            color=r["color"],
            first_line_indent_em=r["first_line_indent"],
            space_before=r["space_before"],
            space_after=r["space_after"],
            align=r["align"],
        )
    for rname in ROLES:
        if rname not in roles:
            raise StyleError(f"style sheet {path}: missing role table [roles.{rname}]")

    p = sec["page"]
    w, h = p["size"]
    page = Page(
        width=w,
        height=h,
        margin_top=p["margin_top"],
        margin_bottom=p["margin_bottom"],
        margin_inner=p["margin_inner"],
        margin_outer=p["margin_outer"],
        mirror=p["mirror"],
        header_gap=p["header_gap"],
        footer_gap=p["footer_gap"],
    )
    if page.margin_inner + page.margin_outer >= w * 0.8 or page.margin_top + page.margin_bottom >= h * 0.8:
        raise _err(path, "page.margin_*", "small enough to leave a text frame on the page")
    return Style(
        path=path,
        meta=sec["meta"],
        page=page,
        header=sec["header"],
        footer=sec["footer"],
        fonts=sec["fonts"],
        fonts_hant=sec["fonts_hant"],
        docx_fonts=sec["docx_fonts"],
        docx_fonts_hant=sec["docx_fonts_hant"],
        roles=roles,
        layout=sec["layout"],
        epub=sec["epub"],
        hant=sec["hant"],
        print=sec["print"],
        docx=sec["docx"],
        raw=raw,
    )
