"""Source profiles: a paper's conventions as data (TOML), validated on load.

The structure passes never hold a marker, a wording or a measure of a paper's type of their
own: they read them from a Profile (the reading model's weights stay next to their rules).
The default, `mainland`, covers mainland papers' theory and commentary pages; another paper's
habits (other bio wordings, byline marks, wider columns) are a profile that `extends` it and
changes only what differs. Errors name the file and the dotted key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import PipelineError

PROFILES_DIR = Path(__file__).resolve().parent.parent / "data" / "profiles"
DEFAULT_PROFILE = "mainland"


class ProfileError(PipelineError):
    pass


@dataclass(frozen=True, eq=False)
class LeadRules:
    markers: tuple[str, ...]
    signatures: tuple[str, ...]  # ——编者: who signs the lead note, after a dash
    max_chars: int
    min_lines: int
    short_ratio: float
    narrower_after: float
    kicker_ratio: float


@dataclass(frozen=True, eq=False)
class BylineRules:
    prefixes: tuple[str, ...]
    writer_marks: tuple[str, ...]
    misread_bullets: str
    collective: tuple[re.Pattern, ...]
    titles: tuple[str, ...]
    max_names: int
    not_in_names: str
    not_name_endings: tuple[str, ...]
    institutions: tuple[str, ...]
    pen_names: tuple[str, ...]
    max_width: float
    run_chars: int
    narrowest_column: float
    bulleted_chars: tuple[int, int]
    unknown_name_chars: int
    bio_names_chars: int

    @property
    def title_words(self) -> re.Pattern:
        return _alternation(self)


# The caches below are keyed by the rules object (frozen, compared by identity: a cheap hash),
# not by its tuples, which would be hashed element by element on every call of a per-line test.
@cache
def _alternation(rules: BylineRules) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(rules.titles, key=len, reverse=True))))


@dataclass(frozen=True, eq=False)
class BioRules:
    openers: tuple[str, ...]
    not_openers: tuple[str, ...]
    naming: tuple[str, ...]
    credits: tuple[str, ...]
    funding_endings: tuple[str, ...]
    funding_openers: tuple[str, ...]
    open_brackets: str
    close_brackets: str
    max_chars: int
    max_lines: int

    @property
    def stems(self) -> frozenset[str]:
        """The first two characters of every opener: a line without one near its start is no bio."""
        return _stems(self)

    @property
    def stem_search(self) -> re.Pattern:
        """Any of the stems, as one pattern: a line's first characters are searched once."""
        return _stem_search(self)

    @property
    def misread_opener(self) -> re.Pattern:
        """After optional brackets, a three-character opener with its first or middle
        character misread (（作规为……, （性者为…… for 作者为): matched at a line's start
        (bio_opening takes it only after a bracket)."""
        return _misread_opener(self)

    @property
    def misread_long(self) -> re.Pattern:
        """A long opener (four characters or more) with its first character misread (电者单位：
        for 作者单位：): matched at a line's start, after optional brackets."""
        return _misread_long(self)

    @property
    def may_open(self) -> re.Pattern:
        """bio_opening's first, cheap test as one pattern matched at a line's start: a stem
        among its first eight characters, or a misread short opener."""
        return _may_open(self)


@cache
def _stems(rules: BioRules) -> frozenset[str]:
    return frozenset(o[:2] for o in rules.openers)


@cache
def _stem_search(rules: BioRules) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(_stems(rules)))) or "(?!)")


@cache
def _misread_opener(rules: BioRules) -> re.Pattern:
    three = [o for o in rules.openers if len(o) == 3]
    short = sorted({re.escape(o[0]) + "." + re.escape(o[2]) for o in three} | {"." + re.escape(o[1:]) for o in three})
    brackets = re.escape(rules.open_brackets)
    return re.compile(rf"[{brackets} ]*(?:{'|'.join(short)})." if short else "(?!)")


@cache
def _misread_long(rules: BioRules) -> re.Pattern:
    tails = sorted({re.escape(o[1:]) for o in rules.openers if len(o) >= 4})
    brackets = re.escape(rules.open_brackets)
    return re.compile(rf"[{brackets} ]*.(?:{'|'.join(tails)})" if tails else "(?!)")


@cache
def _misread_colon(rules: BioRules) -> str:
    """A long opener with any one character misread, a colon after it (作列简介：)."""
    alts = sorted(
        {re.escape(o[:p]) + "." + re.escape(o[p + 1 :]) for o in rules.openers if len(o) >= 4 for p in range(len(o))}
    )
    brackets = re.escape(rules.open_brackets)
    return rf"[{brackets} ]*(?:{'|'.join(alts)})[：:]" if alts else "(?!)"


@cache
def _may_open(rules: BioRules) -> re.Pattern:
    stems = "|".join(map(re.escape, sorted(_stems(rules)))) or "(?!)"
    misread = f"{_misread_opener(rules).pattern}|{_misread_long(rules).pattern}|{_misread_colon(rules)}"
    return re.compile(rf"(?s:.{{0,6}})(?:{stems})|{misread}")


@dataclass(frozen=True, eq=False)
class HeadlineRules:
    min_chars: int
    max_lines: int
    max_pieces: int
    max_total: int
    max_width: float
    max_chars: int
    column_ratio: float
    wide: float
    deck_openers: tuple[str, ...]
    kicker_lines: int
    kicker_chars: tuple[int, int]
    main_chars: int
    narrow_chars: int
    piece_chars: int
    piece_width: float
    box_pieces: int
    pair_slack: float
    debris_chars: int
    latin_piece_chars: int
    quoted_piece_chars: int
    labelled_chars: int
    pausing_chars: int
    label_lost_chars: int
    label_pieces: int
    label_piece_width: float
    cut_piece_width: float
    clearly_wider: float


@dataclass(frozen=True, eq=False)
class ParagraphRules:
    indent: float
    short: float
    wide_column: float
    indent_tolerance: tuple[float, float]
    clearly_short: float
    prose_chars: int


@dataclass(frozen=True, eq=False)
class SizeRules:
    """Glyph sizes measured on a page's geometry, over its body type's."""

    display: float
    large: float
    body_sized: float


@dataclass(frozen=True, eq=False)
class FurnitureRules:
    roles: tuple[str, ...]
    page_names: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    head_marks: tuple[re.Pattern, ...]  # what makes a line a running head (06版 in 理论·实践 06版)
    head_words: tuple[str, ...]  # one of them is in every head mark (a first look)
    head_parts: tuple[re.Pattern, ...]  # what else a running head may hold (a date)
    photo_credits: tuple[re.Pattern, ...]  # 新华社记者 张三摄
    credit_words: tuple[str, ...]  # one of them is in every photo credit (a first look)
    caption_openers: tuple[str, ...]  # 图为
    caption_credit: re.Pattern  # （张三摄） at a caption line's end


@dataclass(frozen=True, eq=False)
class ArticleRules:
    min_chars: int


@dataclass(frozen=True, eq=False)
class Profile:
    name: str
    source: str  # the file it was read from, for messages
    lead: LeadRules
    byline: BylineRules
    bio: BioRules
    headline: HeadlineRules
    paragraph: ParagraphRules
    furniture: FurnitureRules
    article: ArticleRules
    size: SizeRules


# The schema: section -> key -> (type, converter). Every key is required once the chain of
# `extends` is merged, so defaults live in one place: mainland.toml.
_STR_LIST = "list of strings"
_SCHEMA: dict[str, dict[str, str]] = {
    "lead": {
        "markers": _STR_LIST,
        "signatures": _STR_LIST,
        "max_chars": "integer",
        "min_lines": "integer",
        "short_ratio": "number",
        "narrower_after": "number",
        "kicker_ratio": "number",
    },
    "byline": {
        "prefixes": _STR_LIST,
        "writer_marks": _STR_LIST,
        "misread_bullets": "string",
        "collective": "list of regular expressions",
        "titles": _STR_LIST,
        "max_names": "integer",
        "not_in_names": "string",
        "not_name_endings": _STR_LIST,
        "institutions": _STR_LIST,
        "pen_names": _STR_LIST,
        "max_width": "number",
        "run_chars": "integer",
        "narrowest_column": "number",
        "bulleted_chars": "two integers",
        "unknown_name_chars": "integer",
        "bio_names_chars": "integer",
    },
    "bio": {
        "openers": _STR_LIST,
        "not_openers": _STR_LIST,
        "naming": _STR_LIST,
        "credits": _STR_LIST,
        "funding_endings": _STR_LIST,
        "funding_openers": _STR_LIST,
        "open_brackets": "string",
        "close_brackets": "string",
        "max_chars": "integer",
        "max_lines": "integer",
    },
    "headline": {
        "min_chars": "integer",
        "max_lines": "integer",
        "max_pieces": "integer",
        "max_total": "integer",
        "max_width": "number",
        "max_chars": "integer",
        "column_ratio": "number",
        "wide": "number",
        "deck_openers": _STR_LIST,
        "kicker_lines": "integer",
        "kicker_chars": "two integers",
        "main_chars": "integer",
        "narrow_chars": "integer",
        "piece_chars": "integer",
        "piece_width": "number",
        "box_pieces": "integer",
        "pair_slack": "number",
        "debris_chars": "integer",
        "latin_piece_chars": "integer",
        "quoted_piece_chars": "integer",
        "labelled_chars": "integer",
        "pausing_chars": "integer",
        "label_lost_chars": "integer",
        "label_pieces": "integer",
        "label_piece_width": "number",
        "cut_piece_width": "number",
        "clearly_wider": "number",
    },
    "paragraph": {
        "indent": "number",
        "short": "number",
        "wide_column": "number",
        "indent_tolerance": "two numbers",
        "clearly_short": "number",
        "prose_chars": "integer",
    },
    "furniture": {
        "roles": _STR_LIST,
        "page_names": _STR_LIST,
        "patterns": "list of regular expressions",
        "head_marks": "list of regular expressions",
        "head_words": _STR_LIST,
        "head_parts": "list of regular expressions",
        "photo_credits": "list of regular expressions",
        "credit_words": _STR_LIST,
        "caption_openers": _STR_LIST,
        "caption_credit": "regular expression",
    },
    "article": {"min_chars": "integer"},
    "size": {"display": "number", "large": "number", "body_sized": "number"},
}


def _check(value: Any, kind: str, where: str) -> Any:
    """The value converted to what the passes use, or a ProfileError naming file and key."""
    bad = ProfileError(f"{where}: expected {kind}, got {value!r}")
    if kind == "string":
        if not isinstance(value, str):
            raise bad
        return value
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ProfileError(f"{where}: expected a positive integer, got {value!r}")
        return value
    if kind == "number":
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            raise ProfileError(f"{where}: expected a positive number, got {value!r}")
        return float(value)
    if kind.startswith("two "):
        return _pair(value, kind, where)
    if kind == "regular expression":
        if not isinstance(value, str) or not value:
            raise bad
        try:
            return re.compile(value)
        except re.error as e:
            raise ProfileError(f"{where}: not a regular expression ({e})") from None
    if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
        raise bad
    if kind == "list of regular expressions":
        out = []
        for i, v in enumerate(value):
            try:
                out.append(re.compile(v))
            except re.error as e:
                raise ProfileError(f"{where}[{i}]: not a regular expression ({e})") from None
        return tuple(out)
    return tuple(value)


def _pair(value: Any, kind: str, where: str) -> tuple:
    """Two numbers ([low, high] for integers: a range of characters)."""
    if kind == "two integers":
        ok = isinstance(value, list) and len(value) == 2
        if not (ok and all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value)):
            raise ProfileError(f"{where}: expected two positive integers [low, high], got {value!r}")
        if value[0] > value[1]:
            raise ProfileError(f"{where}: expected [low, high] with low <= high, got {value!r}")
        return (value[0], value[1])
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int | float) for v in value)):
        raise ProfileError(f"{where}: expected {kind}, got {value!r}")
    return (float(value[0]), float(value[1]))


def _path(name: str | Path) -> Path:
    p = Path(name)
    if p.suffix == ".toml" or p.exists():
        return p
    return PROFILES_DIR / f"{name}.toml"


def _raw(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The profile's tables merged over the ones it extends (key by key within a section)."""
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in PROFILES_DIR.glob("*.toml")))
        raise ProfileError(f"profile {path}: no such file (built-in profiles: {known}; or give a .toml path)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ProfileError(f"{path}: not a valid TOML profile ({e})") from None
    base: dict[str, Any] = {}
    parent = data.pop("extends", None)
    if parent is not None:
        if not isinstance(parent, str):
            raise ProfileError(f"{path}: extends: expected a profile name or file, got {parent!r}")
        ppath = _path(parent) if not (path.parent / parent).is_file() else path.parent / parent
        if ppath.resolve() in seen:
            raise ProfileError(f"{path}: extends: {parent} extends itself")
        base = _raw(ppath, (*seen, path.resolve()))
    for key, value in data.items():
        if key == "name":
            base["name"] = value
            continue
        if key not in _SCHEMA:
            raise ProfileError(f"{path}: unknown section [{key}] (known: {', '.join(_SCHEMA)})")
        if not isinstance(value, dict):
            raise ProfileError(f"{path}: {key}: expected a table [{key}]")
        for k in value:
            if k not in _SCHEMA[key]:
                raise ProfileError(f"{path}: unknown key {key}.{k} (known: {', '.join(_SCHEMA[key])})")
        merged = dict(base.get(key, {}))
        merged.update({k: (v, str(path)) for k, v in value.items()})
        base[key] = merged
    return base


@cache
def load_profile(name: str | None = None) -> Profile:
    """A built-in profile by name (mainland) or a TOML file that may `extends` one."""
    path = _path(name or DEFAULT_PROFILE)
    raw = _raw(path)
    sections: dict[str, dict[str, Any]] = {}
    for sec, keys in _SCHEMA.items():
        got = raw.get(sec, {})
        vals = {}
        for k, kind in keys.items():
            if k not in got:
                raise ProfileError(f"{path}: missing key {sec}.{k} ({kind}); extend a built-in profile to inherit it")
            value, where = got[k]
            vals[k] = _check(value, kind, f"{where}: {sec}.{k}")
        sections[sec] = vals
    return Profile(
        name=str(raw.get("name", path.stem)),
        source=str(path),
        lead=LeadRules(**sections["lead"]),
        byline=BylineRules(**sections["byline"]),
        bio=BioRules(**sections["bio"]),
        headline=HeadlineRules(**sections["headline"]),
        paragraph=ParagraphRules(**sections["paragraph"]),
        furniture=FurnitureRules(**sections["furniture"]),
        article=ArticleRules(**sections["article"]),
        size=SizeRules(**sections["size"]),
    )


def any_of(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    """A profile's list of patterns as one (a pass asks every line: one search, not several)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


def words_of(words: tuple[str, ...]) -> re.Pattern:
    """A profile's list of words as one search: the first look before costlier patterns."""
    return re.compile("|".join(map(re.escape, words)))
