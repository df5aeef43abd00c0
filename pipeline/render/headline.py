"""Display headlines broken like a typesetter breaks them: at phrase boundaries, in balanced lines.

A headline set in large type rarely fits one line, and the breaker that serves body text (any
two Han characters) would cut a word: 以城市更新推进长株潭都市圈内涵式高质 / 量发展. The source's
own line break is the best evidence and is always kept; a line still too long is broken again
only between words (jieba), never against the clreq line-start/line-end rules, into as few lines
as it needs and as even as the phrase boundaries allow. Every writer that sets a headline on a
fixed measure (the PDF, the DOCX title, the EPUB cover) asks here; a reflowable EPUB gets the
same break points as <wbr/> opportunities.

Loading the dictionary's whole table takes a fifth of a second (lexicon.py), so segmentations
are cached on disk by text: a warm build of the same page never loads it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import json
from collections.abc import Callable
from pathlib import Path

from ..cache import cache_dir, write_cache
from ..lexicon import segmenter
from ..text import CLOSING, LONG_MARKS, NO_END, OPENING, is_latin
from ..text import NO_START_DISPLAY as NO_START
from ..text import PAUSES as PAUSE_MARKS

# Penalty (em², the unit of the balance cost) of breaking at a boundary: a phrase boundary is
# free, a word boundary costs about a character's worth of imbalance, a break beside a
# one-character word (often a name jieba does not know: 长株|潭) or inside quotes costs more.
STRONG, NORMAL, WEAK, QUOTED = 0.0, 8.0, 20.0, 40.0
# Particles and suffixes that lean on the word before them: never the first character of a line.
CLITICS = frozenset("的之地得了着过们性化式等")
# One-character prepositions and conjunctions that lead the phrase after them: never a line's end.
LEADERS = frozenset("以在对为与和及并把将从向于由被让使")
PAUSES = frozenset(PAUSE_MARKS)
SEPARATOR = "\u3000"  # between the lines of a headline shown on one line: the best break
# clreq's line-start and line-end rules are pipeline/text.py's (no headline line opens with
# —— or …… either: NO_START_DISPLAY).
# Verbs that open a predicate in headline style (推进…, 加快…): the boundary before one is a
# phrase boundary. Only verbs rarely used as nouns or objects are listed.
_OPENERS = "推进 推动 加快 完善 助推 构建 打造 促进 实现 坚持 深化 提升 强化 发挥 激发 筑牢 健全 凝聚 汇聚 \
赋能 释放 激活 优化 增强 夯实 开创 谱写 奋力 全力 着力 聚焦 聚力 让 用 为 以"
OPENERS = frozenset(_OPENERS.split())
OPEN_QUOTES = frozenset(OPENING)
CLOSE_QUOTES = frozenset(CLOSING)

Measure = Callable[[str], float]


def _cache_dir() -> Path:
    return cache_dir("words")


@functools.lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """jieba's segmentation of one headline line, from the disk cache when it has it."""
    key = hashlib.sha256(("jieba-0.42|" + text).encode()).hexdigest()[:32]
    path = _cache_dir() / f"{key}.json"
    with contextlib.suppress(OSError, ValueError):
        got = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(got, list) and "".join(got) == text:
            return tuple(got)
    out = tuple(segmenter().lcut(text))
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        write_cache(path, json.dumps(out, ensure_ascii=False).encode("utf-8"))
    return out


def _is_han_word(w: str) -> bool:
    return len(w) == 1 and not is_latin(w) and w not in PAUSES and w not in NO_START and w not in NO_END


def break_points(line: str) -> dict[int, float]:
    """Offsets where a headline line may break, each with its penalty (lower is better).

    Only between words; never before a mark that may not start a line or after one that may
    not end it, never inside a Latin word or number, —— or ……, never before a particle (的, 们)
    or after a leading preposition (以, 在). After a pause mark is the best place; next to a
    one-character word (often a name jieba does not know, 长株|潭) is a poor one.
    """
    ws = [w for w in words(line) if w]
    out: dict[int, float] = {}
    pos = depth = 0
    for a, b in itertools.pairwise(ws):
        pos += len(a)
        depth = max(0, depth + sum(c in OPEN_QUOTES for c in a) - sum(c in CLOSE_QUOTES for c in a))
        if _allowed(a, b):
            out[pos] = QUOTED if depth else _penalty(a, b)
    return out


def _allowed(a: str, b: str) -> bool:
    """Whether a headline may break between the words a and b (clreq and the clitic rules)."""
    x, y = a[-1], b[0]
    if y in NO_START or x in NO_END or (is_latin(x) and is_latin(y)) or (x in LONG_MARKS and y in LONG_MARKS):
        return False
    return not ((y in CLITICS and len(b) == 1) or (len(a) == 1 and x in LEADERS))


def _penalty(a: str, b: str) -> float:
    """A phrase boundary costs nothing, a word boundary a little, one beside a lone character more."""
    x, y = a[-1], b[0]
    if x in PAUSES or y in NO_END or b in OPENERS or SEPARATOR in (x, y):
        return STRONG
    if _is_han_word(a) or _is_han_word(b):
        return WEAK
    return NORMAL


def _split(line: str, width: float, measure: Measure, em: float) -> list[str] | None:
    """The fewest lines within `width`, then the most even; None if no phrase break can do it."""
    n = len(line)
    cands = break_points(line)
    pts = [0, *sorted(cands), n]
    adv = [0.0]
    for ch in line:
        adv.append(adv[-1] + measure(ch))

    def w(i: int, j: int) -> float:
        return adv[pts[j]] - adv[pts[i]]

    # best[j] = (lines, cost, previous) for the text up to pts[j]
    best: list[tuple[int, float, int] | None] = [None] * len(pts)
    best[0] = (0, 0.0, -1)
    for j in range(1, len(pts)):
        for i in range(j):
            if best[i] is None or w(i, j) > width + 1e-6:
                continue
            lines, cost, _ = best[i]  # type: ignore[misc]
            pen = cands.get(pts[i], 0.0)
            cand = (lines + 1, cost + (w(i, j) / em) ** 2 + pen, i)
            if best[j] is None or cand[:2] < best[j][:2]:  # type: ignore[index]
                best[j] = cand
    if best[-1] is None:
        return None
    out: list[str] = []
    j = len(pts) - 1
    while j > 0:
        i = best[j][2]  # type: ignore[index]
        out.append(line[pts[i] : pts[j]])
        j = i
    return out[::-1]


def balance(text: str, width: float, measure: Measure, em: float) -> str:
    """The headline with '\\n' where it should break on a measure of `width` (same units as
    measure(ch) and em). Source breaks stay; a line that fits stays whole; a headline shown on
    one line (its lines joined by SEPARATOR) that does not fit breaks at the separator first."""
    out: list[str] = []
    for part in text.split("\n"):
        if sum(measure(c) for c in part) <= width + 1e-6:
            out.append(part)
        elif SEPARATOR in part.strip(SEPARATOR):
            out.append(balance(part.strip(SEPARATOR).replace(SEPARATOR, "\n"), width, measure, em))
        else:  # no phrase break fits: the typesetter's own breaks
            out += _split(part, width, measure, em) or [part]
    return "\n".join(out)


def em_measure(em: float) -> Measure:
    """Widths for writers without font metrics (DOCX): full width for Han, half for Latin."""
    from ..text import char_width

    return lambda ch: char_width(ch) * em


def phrases(line: str) -> list[str]:
    """A headline line cut at its good break points (no worse than NORMAL): the EPUB's <wbr/>s."""
    cut = [p for p, pen in sorted(break_points(line).items()) if pen <= NORMAL]
    return [line[i:j] for i, j in zip([0, *cut], [*cut, len(line)], strict=True)]
