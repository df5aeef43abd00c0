"""The author index, sorted the way Chinese indexes are: by the surname's pinyin, then tone.

pypinyin reads a character by its commonest reading, which for many surnames is wrong (单 is
shàn, 曾 zēng, 解 xiè, 区 ōu, 仇 qiú, 朴 piáo; 尉迟 yù chí, 万俟 mò qí). The surname's reading comes
from our own table (pipeline/data/surname_pinyin.tsv, both scripts); the given name's from
pypinyin. Collective bylines (本报评论员) are not persons: they sort after the persons.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..model import IndexEntry
from ..structure.names import surnames
from ..structure.profile import load_profile

TABLE = Path(__file__).resolve().parent.parent / "data" / "surname_pinyin.tsv"
_TONED = re.compile(r"^([a-zü]+)([1-5])$")


@cache
def surname_readings() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, py = line.split("\t")
            out[name] = tuple(py.split())
    return out


def _pinyin(text: str) -> list[str]:
    """Tone-numbered pinyin per character (pypinyin, loaded on first use: it is not small)."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: list(s))


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name): a compound surname when the table or the surname list has it."""
    if len(name) >= 3 and (name[:2] in surname_readings() or surnames().get(name[:2])):
        return name[:2], name[2:]
    return name[:1], name[1:]


def _syllables(text: str, readings: tuple[str, ...] | None = None) -> list[tuple[str, int]]:
    out = []
    for py in readings or tuple(_pinyin(text)):
        m = _TONED.match(py.replace("v", "ü"))
        out.append((m.group(1), int(m.group(2))) if m else (py, 9))
    return out


def sort_key(name: str, collective: bool = False) -> tuple:
    """Persons by surname pinyin (letters, then tone), then given name; collectives after."""
    if collective:
        return (1, _syllables(name), name)
    sn, given = split_name(name)
    return (0, _syllables(sn, surname_readings().get(sn)), _syllables(given), name)


def initial(name: str) -> str:
    """The letter an index lists a person under: the first of the surname's pinyin (曹 C, 单 S)."""
    syllables = sort_key(name)[1]
    first = syllables[0][0][:1] if syllables else ""
    return {"ü": "L"}.get(first, first.upper()) if first.isalpha() else "#"


def is_collective(name: str, profile: str | None = None) -> bool:
    """A byline that names no person: 本报评论员, 某某日报评论部, a collective pen name (钟才文),
    as the source profile lists them (pipeline/data/profiles)."""
    byline = load_profile(profile).byline
    return name in byline.pen_names or any(p.fullmatch(name) for p in byline.collective)


def author_index(authors_per_article: list[list[str]], collective: set[str] | None = None) -> list[IndexEntry]:
    """Every author once, with the articles they wrote (0-based, in book order), in index order;
    each person under the initial of their surname, the collective bylines after them."""
    collective = collective or set()
    entries: dict[str, IndexEntry] = {}
    for k, names in enumerate(authors_per_article):
        for n in names:
            e = entries.setdefault(n, IndexEntry(n, collective=n in collective))
            if k not in e.articles:
                e.articles.append(k)
    for e in entries.values():
        e.group = "" if e.collective else initial(e.name)
    return sorted(entries.values(), key=lambda e: sort_key(e.name, e.collective))
