"""A book's manifest (BOOK.toml): what the anthology holds, in the editor's order.

Checked on load as style sheets are (pipeline/style.py): an unknown key, a wrong type or a bad
value is one error naming the file and the dotted key (`parts[1].inputs[0].page`). Input paths
are relative to the manifest. Whether an input can be read is the read layer's business: a
missing or unreadable page fails the book naming that page (or is skipped with --keep-going).

    name = "weekly"                       # OUT/weekly.pdf (default: the manifest's file name)
    title = "理论文章选编"                   # booklet fields, below the command line's options
    subtitle = "2026年第15期"
    publisher = "某某宣传部"
    date = "2026年4月"
    paper = "人民日报"                      # where every page was printed, unless a part or input says
    author_index = true                   # the index of authors at the end

    [[parts]]
    heading = "人民日报《理论》"              # default: what its pages' source lines have in common
    date = 2026-04-14                     # paper, date, page, column: defaults for its inputs
    inputs = ["pages/a.txt", { path = "pages/b.txt", page = 9, column = "理论" }]
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import PipelineError
from ..style import read_toml

SOURCE_KEYS = ("paper", "date", "page", "column")  # what an article's source line (出处) says
META_KEYS = ("title", "subtitle", "publisher", "date")
TOP_KEYS = ("name", *META_KEYS, "paper", "author_index", "parts")
PART_KEYS = ("heading", "inputs", *SOURCE_KEYS)
INPUT_KEYS = ("path", *SOURCE_KEYS)
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_NAME = re.compile(r"^[^/\\\x00-\x1f]+$")


class ManifestError(PipelineError):
    pass


@dataclass(frozen=True)
class InputSpec:
    path: Path
    source: dict[str, str] = field(default_factory=dict)  # the source fields the manifest gives


@dataclass(frozen=True)
class PartSpec:
    heading: str  # "": derived from what its pages' source lines share
    inputs: list[InputSpec]


@dataclass(frozen=True)
class Manifest:
    name: str
    parts: list[PartSpec]
    meta: dict[str, str] = field(default_factory=dict)  # title, subtitle, publisher, date
    author_index: bool = True
    path: Path | None = None  # None: the book was given on the command line


def printed_date(value: str) -> str:
    """2026-04-14 as a source line prints it: 2026年4月14日; any other wording as given."""
    m = _ISO.match(value)
    if not m:
        return value.strip()
    try:
        d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return value.strip()
    return f"{d.year}年{d.month}月{d.day}日"


class _Checker:
    def __init__(self, path: Path):
        self.path = path

    def fail(self, key: str, expected: str) -> ManifestError:
        return ManifestError(f"book manifest {self.path}: key '{key}' must be {expected}")

    def keys(self, table: dict, allowed: tuple[str, ...], where: str) -> None:
        for k in table:
            if k not in allowed:
                name = f"{where}.{k}" if where else k
                raise ManifestError(
                    f"book manifest {self.path}: unknown key '{name}' (expected one of: {', '.join(allowed)})"
                )

    def text(self, v: Any, key: str) -> str:
        if not isinstance(v, str):
            raise self.fail(key, "a string")
        return v.strip()

    def value(self, k: str, v: Any, key: str) -> str:
        """One source field as the source line prints it."""
        if k == "date" and isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
            return printed_date(v.isoformat())  # TOML's own date: date = 2026-04-14
        if k == "date" and not isinstance(v, str):
            raise self.fail(key, "a date such as 2026-04-14 or '2026年4月14日'")
        if k == "page":
            if isinstance(v, int) and not isinstance(v, bool) and v > 0:
                return str(v)
            if not isinstance(v, str) or not v.strip():
                raise self.fail(key, "a page number such as 7 or 'A3'")
        text = self.text(v, key)
        return printed_date(text) if k == "date" else text

    def source(self, table: dict, where: str) -> dict[str, str]:
        out = {}
        for k in SOURCE_KEYS:
            if k in table and (value := self.value(k, table[k], f"{where}.{k}" if where else k)):
                out[k] = value
        return out

    def input(self, v: Any, where: str, inherited: dict[str, str]) -> InputSpec:
        if isinstance(v, str):
            v = {"path": v}
        if not isinstance(v, dict):
            raise self.fail(where, "a file name, or a table with 'path' and the page's paper, date, page, column")
        self.keys(v, INPUT_KEYS, where)
        if "path" not in v:
            raise self.fail(f"{where}.path", "the input's file name (relative to the manifest)")
        rel = self.text(v["path"], f"{where}.path")
        if not rel:
            raise self.fail(f"{where}.path", "a file name, not empty")
        path = Path(rel).expanduser()
        return InputSpec(
            path if path.is_absolute() else self.path.parent / path, {**inherited, **self.source(v, where)}
        )

    def part(self, v: Any, i: int, inherited: dict[str, str]) -> PartSpec:
        where = f"parts[{i}]"
        if not isinstance(v, dict):
            raise self.fail(where, "a table with a heading and its inputs ([[parts]])")
        self.keys(v, PART_KEYS, where)
        inputs = v.get("inputs")
        if not isinstance(inputs, list) or not inputs:
            raise self.fail(f"{where}.inputs", "a non-empty list of input files")
        own = {**inherited, **self.source(v, where)}
        heading = self.text(v.get("heading", ""), f"{where}.heading")
        return PartSpec(heading, [self.input(x, f"{where}.inputs[{k}]", own) for k, x in enumerate(inputs)])

    def manifest(self, raw: dict) -> Manifest:
        self.keys(raw, TOP_KEYS, "")
        name = self.text(raw.get("name", self.path.stem), "name")
        if not _NAME.match(name) or name in (".", ".."):
            raise self.fail("name", "a file name without a directory (the outputs are OUT/<name>.<ext>)")
        meta = {k: self.text(raw[k], k) for k in META_KEYS if k in raw}
        index = raw.get("author_index", True)
        if not isinstance(index, bool):
            raise self.fail("author_index", "true or false")
        parts = raw.get("parts")
        if not isinstance(parts, list) or not parts:
            raise self.fail("parts", "a non-empty list of parts ([[parts]] tables, each with heading and inputs)")
        paper = {"paper": self.text(raw["paper"], "paper")} if raw.get("paper") else {}
        return Manifest(name, [self.part(p, i, paper) for i, p in enumerate(parts)], meta, index, self.path)


def load_manifest(path: str | Path) -> Manifest:
    p = Path(path)
    return _Checker(p).manifest(read_toml(p, "book manifest", ManifestError))


def from_inputs(inputs: list[str], name: str) -> Manifest:
    """A book given on the command line: one part per input, in the order given."""
    if not _NAME.match(name) or name in (".", ".."):
        raise ManifestError(f"--name {name!r}: give a file name without a directory (OUT/<name>.<ext>)")
    return Manifest(name, [PartSpec("", [InputSpec(Path(p))]) for p in inputs])
