"""Style sheets: data, validated on load, shared by every writer.

A sheet is TOML (docs/styles.md). Every key is checked against the typed sections below: an
unknown key, a wrong type or a bad value is a StyleError naming the file, the dotted key and
what was expected, so an editor can fix the sheet without reading code. Writers get a typed
Style and never parse TOML themselves.

A sheet may say `extends = "booklet.toml"` and give only what differs, down to one key of one
role: the sheet it extends is loaded first (a name is looked up beside the sheet, then among
the shipped styles/), and each key given replaces the inherited one. Every file is checked on
its own, so an error names the file that holds the key. Defaults live once, as the field
defaults of the section classes; a sheet without `extends` must give [page], [fonts] and
every role in full.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import PipelineError

STYLES_DIR = Path(__file__).resolve().parent.parent / "styles"
DEFAULT_STYLE = STYLES_DIR / "booklet.toml"

PT_PER = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
PAGE_SIZES_MM = {"A4": (210, 297), "A5": (148, 210), "A6": (105, 148), "B5": (176, 250), "16K": (185, 260)}
# Which [fonts] entry draws each text role: every writer reads it from here, so a sheet's
# font for, say, the lead heading is the same in the PDF, the DOCX and the EPUB. The block
# types of the model (docs/model.md) each have a role of their own name.
ROLE_FONT = {
    "body": "body",
    "heading": "heading",
    "title": "title",
    "deck": "title",  # a headline's kicker or subtitle: the headline's face, smaller
    "byline": "byline",
    "bio": "bio",
    "lead": "lead",
    "lead_heading": "title",
    "signature": "lead",  # who signed the lead note (——编者): its face, set flush right
    "note": "lead",  # an editor's note (编者按): the Kai face of the lead note
    "quote": "lead",  # a block quotation: Kai, as Chinese books set quoted passages
    "list_item": "body",
    "caption": "bio",
    "header": "header",
    "cover_title": "title",
    "cover_subtitle": "lead",
    "toc": "body",
    # A book's (pipeline book): part headings, the source line (出处) under each article's
    # byline, the entries of the author index.
    "part": "title",
    "source": "bio",
    "index": "body",
}
ROLES = tuple(ROLE_FONT)
# Roles added after sheets were in use: a sheet that does not give one takes the role named
# here, so a sheet written before books still loads (and sets a book sensibly).
ROLE_FALLBACK = {"part": "lead_heading", "source": "bio", "index": "toc", "signature": "lead"}
# What such a role sets apart from the role it falls back on, unless the sheet says otherwise:
# a signature stands flush right, unindented, as Chinese pages set ——编者 under a note.
ROLE_FALLBACK_SETS = {"signature": {"align": "right", "first_line_indent": 0.0}}
FONT_ROLES = ("body", "heading", "title", "byline", "bio", "lead", "header", "latin")
ALIGNS = ("left", "right", "center", "justify")
HANT_PROFILES = ("s2tw", "s2hk", "s2twp", "s2t")


class StyleError(PipelineError):
    pass


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


# --- the typed sections: a field's metadata names its sheet key and checker; its default, if
# any, is the one default of that key ---------------------------------------------------------


def key(check, default: Any = MISSING, name: str | None = None):
    """A sheet key: its checker, its default (none: the sheet must give it), its name in the
    sheet when that differs from the field's."""
    return field(default=default, metadata={"check": check, "key": name})


@dataclass(frozen=True)
class Role:
    """One text role: size and leading in pt, indents in em of its own size, spacing in pt."""

    size: float = key(_number)
    leading: float = key(_number)
    color: str = key(_color)
    first_line_indent_em: float = key(_em, name="first_line_indent")
    space_before: float = key(parse_length)
    space_after: float = key(parse_length)
    align: str = key(_choice(ALIGNS))
    # Block indents (a quotation set in from both margins); most roles have none.
    left_indent_em: float = key(_em, 0.0, name="left_indent")
    right_indent_em: float = key(_em, 0.0, name="right_indent")


@dataclass(frozen=True)
class Page:
    size: tuple[float, float] = key(_page_size)  # (width, height) in pt
    margin_top: float = key(parse_length)
    margin_bottom: float = key(parse_length)
    margin_inner: float = key(parse_length)
    margin_outer: float = key(parse_length)
    mirror: bool = key(_bool)
    header_gap: float = key(parse_length)
    footer_gap: float = key(parse_length)

    @property
    def width(self) -> float:
        return self.size[0]

    @property
    def height(self) -> float:
        return self.size[1]

    @property
    def frame_width(self) -> float:
        return self.width - self.margin_inner - self.margin_outer


@dataclass(frozen=True)
class Meta:
    """Booklet fields the sheet gives (a sidecar, the input or the CLI may override them)."""

    title: str = key(_str, "")
    subtitle: str = key(_str, "")
    publisher: str = key(_str, "")
    date: str = key(_str, "")
    # With no date from the page, a sidecar or --date, print the build's date on covers.
    edition_date: bool = key(_bool, False)

    def layer(self) -> dict[str, str]:
        """The booklet fields as a metadata layer (pipeline.metadata.apply)."""
        return {"title": self.title, "subtitle": self.subtitle, "publisher": self.publisher, "date": self.date}


@dataclass(frozen=True)
class Header:
    even: str = key(_str, "{booklet_title}")
    odd: str = key(_str, "{article_title}")
    rule: bool = key(_bool, True)  # a thin rule under the running head


@dataclass(frozen=True)
class Footer:
    text: str = key(_str, "{page}")


@dataclass(frozen=True)
class Layout:
    article_new_page: bool = key(_bool, True)
    bio_rule: bool = key(_bool, True)  # a short rule above each author bio
    byline_separator: str = key(_str, "　")  # between several authors on one byline
    toc: bool = key(_bool, True)
    cover: bool = key(_bool, True)


@dataclass(frozen=True)
class Epub:
    embed_fonts: bool = key(_bool, False)
    vertical: bool = key(_bool, False)  # writing-mode: vertical-rl, right-to-left spine


@dataclass(frozen=True)
class Hant:
    profile: str = key(_choice(HANT_PROFILES), "s2tw")
    corner_quotes: bool = key(_bool, True)


@dataclass(frozen=True)
class Print:
    """Imposition (`--impose`): sheets per signature (0: one signature), creep per sheet in pt."""

    signature_sheets: int = key(_count, 0)
    creep: float = key(parse_length, 0.0)
    marks: bool = key(_bool, False)


@dataclass(frozen=True)
class Docx:
    toc_pages: bool = key(_bool, False)  # contents page numbers from a LibreOffice layout (seconds)


# Font names Chinese Word/WPS users have: east_asia per role, plus one Latin face.
DOCX_FONTS = {
    "body": "宋体",
    "heading": "黑体",
    "title": "黑体",
    "byline": "楷体",
    "bio": "楷体",
    "lead": "楷体",
    "header": "宋体",
    "latin": "Times New Roman",
}

# Table name -> section class, for the sections that are records of keys.
SECTIONS: dict[str, type] = {
    "meta": Meta,
    "page": Page,
    "header": Header,
    "footer": Footer,
    "layout": Layout,
    "epub": Epub,
    "hant": Hant,
    "print": Print,
    "docx": Docx,
}
# Tables that map a font role to a value: (checker, default for a role the sheet leaves out or
# None when the sheet must name every role).
FONT_TABLES: dict[str, tuple[Any, dict[str, Any] | None]] = {
    "fonts": (_families, None),
    "fonts_hant": (_families, {}),  # zh-Hant overrides; a role not named here uses [fonts]
    "docx_fonts": (_str, DOCX_FONTS),
    "docx_fonts_hant": (_str, {}),
}
TOP_KEYS = ("extends", *SECTIONS, *FONT_TABLES, "roles")


@dataclass(frozen=True)
class Style:
    path: Path
    page: Page
    fonts: dict[str, list[str]]
    roles: dict[str, Role]
    meta: Meta = field(default_factory=Meta)
    header: Header = field(default_factory=Header)
    footer: Footer = field(default_factory=Footer)
    fonts_hant: dict[str, list[str]] = field(default_factory=dict)
    docx_fonts: dict[str, str] = field(default_factory=lambda: dict(DOCX_FONTS))
    docx_fonts_hant: dict[str, str] = field(default_factory=dict)
    layout: Layout = field(default_factory=Layout)
    epub: Epub = field(default_factory=Epub)
    hant: Hant = field(default_factory=Hant)
    print: Print = field(default_factory=Print)
    docx: Docx = field(default_factory=Docx)
    extends: tuple[Path, ...] = ()  # the sheets this one builds on, nearest first

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


# --- reading one file --------------------------------------------------------------------------


def _err(path: Path, key_: str, expected: str) -> StyleError:
    return StyleError(f"style sheet {path}: key '{key_}' must be {expected}")


def _keys(cls: type) -> dict[str, Any]:
    """Sheet key -> field of a section class."""
    return {f.metadata["key"] or f.name: f for f in fields(cls)}


def _check_table(path: Path, name: str, table: Any, checks: dict[str, Any]) -> dict[str, Any]:
    """The keys one file gives in one table, checked: {key: parsed value}."""
    if not isinstance(table, dict):
        raise _err(path, name, "a table")
    out: dict[str, Any] = {}
    for k, v in table.items():
        if k not in checks:
            raise StyleError(f"style sheet {path}: unknown key '{name}.{k}' (expected one of: {', '.join(checks)})")
        try:
            out[k] = checks[k](v)
        except ValueError as e:
            raise _err(path, f"{name}.{k}", str(e)) from None
    return out


def read_toml(path: Path, what: str, error: type[PipelineError]) -> dict[str, Any]:
    """A TOML file of ours (a style sheet, a book manifest), or one `error` naming it as `what`."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{what} {path}: file not found") from None
    except IsADirectoryError:
        raise error(f"{what} {path}: is a directory, expected a .toml file") from None
    except UnicodeDecodeError:
        raise error(f"{what} {path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise error(f"{what} {path}: TOML syntax error: {e}") from None


def _read(path: Path) -> dict[str, Any]:
    return read_toml(path, "style sheet", StyleError)


def _parse_file(path: Path, raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every table one file gives, each key checked; {table: {key: value}}, roles as
    {"roles.<name>": {key: value}}. Nothing is filled in here: that is the merge's job."""
    for k in raw:
        if k not in TOP_KEYS:
            raise StyleError(f"style sheet {path}: unknown key '{k}' (expected one of: {', '.join(TOP_KEYS)})")
    out: dict[str, dict[str, Any]] = {}
    for name, cls in SECTIONS.items():
        if name in raw:
            checks = {k: f.metadata["check"] for k, f in _keys(cls).items()}
            out[name] = _check_table(path, name, raw[name], checks)
    for name, (check, _default) in FONT_TABLES.items():
        if name in raw:
            out[name] = _check_table(path, name, raw[name], dict.fromkeys(FONT_ROLES, check))
    roles = raw.get("roles", {})
    if not isinstance(roles, dict):
        raise _err(path, "roles", "a table of role tables")
    role_checks = {k: f.metadata["check"] for k, f in _keys(Role).items()}
    for rname, rtable in roles.items():
        if rname not in ROLES:
            raise StyleError(f"style sheet {path}: unknown role 'roles.{rname}' (expected one of: {', '.join(ROLES)})")
        out[f"roles.{rname}"] = _check_table(path, f"roles.{rname}", rtable, role_checks)
    return out


def _parent(path: Path, raw: dict[str, Any]) -> Path | None:
    """The sheet `extends` names: beside this one, else a shipped sheet of that name."""
    if "extends" not in raw:
        return None
    name = raw["extends"]
    if not isinstance(name, str) or not name.strip():
        raise _err(path, "extends", "the file name of another style sheet, such as 'booklet.toml'")
    for candidate in (path.parent / name, STYLES_DIR / name):
        if candidate.is_file():
            return candidate.resolve()
    raise _err(path, "extends", f"an existing style sheet; '{name}' is neither beside it nor in {STYLES_DIR}")


def _chain(path: Path) -> list[tuple[Path, dict[str, dict[str, Any]]]]:
    """This sheet and those it extends, the root first, each parsed on its own."""
    chain: list[tuple[Path, dict[str, dict[str, Any]]]] = []
    seen: list[Path] = []
    cur: Path | None = path
    while cur is not None:
        if cur.resolve() in seen:
            names = " -> ".join(p.name for p in [*seen, cur.resolve()])
            raise StyleError(f"style sheet {path}: 'extends' goes round in a circle ({names})")
        seen.append(cur.resolve())
        raw = _read(cur)
        chain.append((cur, _parse_file(cur, raw)))
        cur = _parent(cur, raw)
    return chain[::-1]


# --- building the typed style ------------------------------------------------------------------


def _merged(chain: list[tuple[Path, dict[str, dict[str, Any]]]]) -> dict[str, dict[str, Any]]:
    """Later files' keys over earlier ones', key by key (a role table too)."""
    out: dict[str, dict[str, Any]] = {}
    for _path, tables in chain:
        for name, values in tables.items():
            out.setdefault(name, {}).update(values)
    return out


def _missing(path: Path, where: str, chain_note: str) -> StyleError:
    return StyleError(f"style sheet {path}: missing {where}{chain_note}")


def _section(cls: type, values: dict[str, Any], path: Path, name: str, note: str):
    kw = {}
    for k, f in _keys(cls).items():
        if k in values:
            kw[f.name] = values[k]
        elif f.default is MISSING and f.default_factory is MISSING:
            what = f"role table [roles.{name[6:]}] key '{k}'" if name.startswith("roles.") else f"key '{name}.{k}'"
            raise _missing(path, what, note)
    return cls(**kw)


def _font_table(name: str, values: dict[str, Any] | None, path: Path, note: str) -> dict[str, Any]:
    _check, default = FONT_TABLES[name]
    if default is None:  # every role must be named
        if values is None:
            raise _missing(path, f"table [{name}]", note)
        gone = [r for r in FONT_ROLES if r not in values]
        if gone:
            raise _missing(path, f"key '{name}.{gone[0]}'", note)
        return dict(values)
    return {**default, **(values or {})}


def load_style(path: str | Path | None = None) -> Style:
    path = Path(path) if path else DEFAULT_STYLE
    chain = _chain(path)
    tables = _merged(chain)
    bases = tuple(p for p, _ in chain[:-1])[::-1]
    note = f" (nor in {', '.join(p.name for p in bases)}, which it extends)" if bases else ""
    if "page" not in tables:
        raise _missing(path, "table [page]", note)
    if not any(name.startswith("roles.") for name in tables):
        raise _missing(path, "table [roles]", note)
    roles = {}
    for rname in ROLES:
        given = tables.get(f"roles.{rname}")
        if rname in ROLE_FALLBACK:  # what the sheet leaves out comes from the role it falls back on
            base = {**tables.get(f"roles.{ROLE_FALLBACK[rname]}", {}), **ROLE_FALLBACK_SETS.get(rname, {})}
            given = {**base, **(given or {})}
        if given is None:
            raise _missing(path, f"role table [roles.{rname}]", note)
        roles[rname] = _section(Role, given, path, f"roles.{rname}", note)
    sec = {name: _section(cls, tables.get(name, {}), path, name, note) for name, cls in SECTIONS.items()}
    page: Page = sec["page"]
    if page.margin_inner + page.margin_outer >= page.width * 0.8 or (
        page.margin_top + page.margin_bottom >= page.height * 0.8
    ):
        raise _err(path, "page.margin_*", "small enough to leave a text frame on the page")
    fonts = {name: _font_table(name, tables.get(name), path, note) for name in FONT_TABLES}
    return Style(path=path, roles=roles, extends=bases, **sec, **fonts)
