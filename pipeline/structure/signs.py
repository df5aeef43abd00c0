"""What a line's text shows on its own: how it ends, whether it opens a bio or a lead.

Small predicates the passes combine with context. Markers and wordings come from the source
profile; the marks a sentence ends with are typography, the same for every paper.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..text import CLOSING, HAN_CLASS, HAN_RUN, SENTENCE_FINAL
from .profile import FurnitureRules, Profile, any_of, words_of

_END_MARKS = "!?"
_FINAL = frozenset(SENTENCE_FINAL) | frozenset(_END_MARKS)


def ends_sentence(text: str) -> bool:
    """The line ends a sentence: 。！？… or —— or a closing mark right after one of them.
    A semicolon is not counted: it ends a clause of a list far more often than a paragraph."""
    t = text.rstrip()
    if not t:
        return False
    last = t[-1]  # (asked of most lines of a page: each test once, the commonest first)
    if last in _FINAL:
        return True
    if last in CLOSING:
        inner = t.rstrip(CLOSING)
        return bool(inner) and (inner[-1] in SENTENCE_FINAL or inner.endswith("——"))
    return last == "—" and t.endswith("——")


# The last characters ends_sentence() or ends_with_other_mark() can say yes to (whitespace aside,
# which they strip): a line ending on none of them ends on no mark, asked without either call.
LINE_END_MARKS = _FINAL | frozenset(CLOSING) | frozenset("—：:；;")


def ends_with_mark(text: str) -> bool:
    """Any mark a paragraph may end on: sentence-final, closing quote/bracket, colon."""
    t = text.rstrip()
    return bool(t) and (ends_sentence(t) or t[-1] in CLOSING or t[-1] in "：:；;")


def ends_with_other_mark(text: str) -> bool:
    """ends_with_mark() for a line known not to end a sentence: a closing mark or a colon."""
    t = text.rstrip()
    return bool(t) and (t[-1] in CLOSING or t[-1] in "：:；;")


def ends_open(text: str) -> bool:
    """The line stops where a sentence cannot: after a comma, a pause or an opening mark."""
    t = text.rstrip()
    return bool(t) and t[-1] in OPENING_END


OPENING_END = "，、,（(“《‘「『"  # the marks ends_open() looks for


def ends_linking(text: str) -> bool:
    """The line stops on a word that links to what follows (的, 地, 和, 把, 被…): a sentence
    broken off there goes on; no headline ends so."""
    t = text.rstrip()
    return bool(t) and t[-1] in LINKING_END


LINKING_END = "的地得与和及并把被将对向从让使给而或"
NEVER_OPENS = frozenset("的了着过地得之们吗呢吧")  # particles no sentence or paragraph opens on
QUOTING = re.compile(r"[：:]\s*[“「\"]")  # a colon opening a quotation: how prose quotes a speaker


def han_count(text: str) -> int:
    # The length the Han runs take up: one match a run, not one a character.
    return len(text) - len(HAN_RUN.sub("", text))


def lead_marker(text: str, profile: Profile) -> bool:
    t = text.strip().strip("【】[]〔〕：: ")
    return t in profile.lead.markers


def inline_lead(profile: Profile) -> re.Pattern:
    """ "编者按：近日……" on one line: the marker, then its text."""
    return re.compile(r"^[【\[〔]?(" + "|".join(map(re.escape, profile.lead.markers)) + r")[】\]〕]?\s*[：:]\s*(?=\S)")


def bio_opening(text: str, profile: Profile) -> tuple[bool, int]:
    """Whether the text opens like a bio, and whether it opens with a bracket (0/1).

    Brackets are matched loosely (OCR reads （ as ( 〈 【 「 or drops it); prose about the author
    (作者认为…, 作者系列…) is not a bio, whatever bracket precedes it.
    """
    t = text.strip()
    if not may_open_bio(t, profile):
        return False, 0
    bracket = 0
    while t and (t[0] in profile.bio.open_brackets or t[0] == " "):
        bracket = 1 if t[0] != " " else bracket
        t = t[1:]
    t = t.lstrip()
    if t.startswith(tuple(profile.bio.not_openers)):
        return False, bracket
    if t.startswith(tuple(profile.bio.openers)) or _stray_before_colon(t, profile):
        return True, bracket
    # One character misread in a long opener (作者简经：, 作者单住：) still opens a bio; in a
    # short one only after a bracket, and only its middle character (（作规为……）).
    if bracket and profile.bio.misread_opener.match(t):
        return True, bracket
    if profile.bio.misread_long.match(t):
        return True, bracket  # 电者单位：…: a long opener's first character misread
    return any(
        len(o) >= 4 and _one_off(t[: len(o)], o, t[len(o) : len(o) + 1] in "：:") for o in profile.bio.openers
    ), bracket


_STRAY_MARKS = "；;，,、.。"  # what the OCR reads from a speck by a colon
_COLON_MISREAD = "；;"  # what the OCR reads for a colon itself


def _after_colon_stems(t: str, profile: Profile) -> list[str]:
    """What follows each opener ending on a colon, its colon left off, that t opens with
    (作者；复旦… -> ；复旦…): where a misread or stray mark would stand."""
    return [t[len(o) - 1 :] for o in profile.bio.openers if o[-1] in "：:" and t.startswith(o[:-1])]


def colon_misread_opening(text: str, profile: Profile) -> bool:
    """A bracket, then an opener whose colon the OCR read as a semicolon ((作者；复旦大学…).
    No proof alone (an aside in the text may open so, and did on a page): the bios pass takes
    it only where the note closes its bracket and the page's geometry ends the article there."""
    t = text.strip()
    if not t or t[0] not in profile.bio.open_brackets:
        return False
    t = t.lstrip(profile.bio.open_brackets + " ")
    return any(len(rest) > 1 and rest[0] in _COLON_MISREAD for rest in _after_colon_stems(t, profile))


def _stray_before_colon(t: str, profile: Profile) -> bool:
    """An opener ending on a colon with one stray mark read before the colon ((作者;:中南大学…):
    the colon is there, so the wording is; a mark in place of the colon is not enough (a
    bracketed aside in the text may open 作者，…)."""
    return any(
        rest[:1] in _STRAY_MARKS and rest[1:2] in ("：", ":") for rest in _after_colon_stems(t, profile) if rest[:1]
    )


def may_open_bio(t: str, profile: Profile) -> bool:
    """bio_opening's first, cheap test on a stripped line: a stem of an opener among its first
    eight characters, or a short opener with its middle character misread at its start."""
    return profile.bio.may_open.match(t) is not None


def _one_off(a: str, b: str, colon: bool = False) -> bool:
    """One character misread: after the first two (作者简经), or anywhere when a colon follows
    (作列简介：)."""
    return len(a) == len(b) and (colon or a[:2] == b[:2]) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def closes_bio(text: str, profile: Profile) -> bool:
    """The line ends the way a bracketed bio does: a closing bracket, maybe after a full stop."""
    t = text.rstrip().rstrip("。.")
    return bool(t) and t[-1] in profile.bio.close_brackets


def is_furniture(text: str, profile: Profile) -> bool:
    """Page furniture: an editors' credit line, a date line, a page number."""
    return furniture_test(profile)(text)


def furniture_test(profile: Profile) -> Callable[[str], bool]:
    """is_furniture() for this profile, its patterns looked up once (the pass asks every line)."""
    return _furniture_test(profile.furniture)


@cache
def _furniture_test(rules: FurnitureRules) -> Callable[[str], bool]:
    searches, names, first, credit = _searches(rules), _page_names(rules), _first_chars(rules), _credit(rules)
    running_head = _running_head(rules)

    def test(text: str) -> bool:
        t = text.strip()
        if len(t) > 60:  # a running head set across the page: runs of spaces between its parts
            t = " ".join(t.split())
        if len(t) > 60 or not t:
            return False
        for search in searches:
            if search(t):
                return True
        if t.strip("【】[]《》 ") in names:
            return True
        return (t[0] in first and bool(credit.fullmatch(t))) or running_head(t)

    return test


@cache
def _running_head(rules: FurnitureRules) -> Callable[[str], bool]:
    """A page's running head (理论·实践06版, 光明日报 2025年10月14日 星期二): its marks and
    parts taken out, then its page names, nothing but separators is left."""
    name = "|".join(map(re.escape, sorted(rules.page_names, key=len, reverse=True)))
    # a page's name alone or joined by a middle dot to a word of the paper's own (理论·实践; an
    # OCR reads the dot as a full stop: 理论.实践09版)
    names = re.compile(rf"(?:[{HAN_CLASS}]{{1,4}}{_NAME_DOTS})?(?:{name})(?:{_NAME_DOTS}[{HAN_CLASS}]{{1,4}})?")

    # (a first look for the marks' words: nearly every line holds none, and is asked no more)
    first_look, any_mark = words_of(rules.head_words).search, any_of(rules.head_marks).search

    def test(t: str) -> bool:
        if first_look(t) is None or any_mark(t) is None:
            return False
        rest = t
        for p in rules.head_marks:
            rest = p.sub(" ", rest)
        for p in rules.head_parts:
            rest = p.sub(" ", rest)
        rest = names.sub(" ", rest)
        return not rest.strip(_HEAD_SEPARATORS)

    return test


_HEAD_SEPARATORS = " \u3000·・|｜/／:：【】[]《》"
_NAME_DOTS = "[·・.．]"  # what joins a page's name to a word of its own, as printed or as read


def page_name(profile: Profile, text: str) -> bool:
    """The line is only a page's name (经济, 理论·智库): furniture at the page's top, a word
    of a headline among a narrow box's pieces."""
    return text.strip().strip("【】[]《》 ") in _page_names(profile.furniture)


# The caches are keyed by the rules object (compared by identity): hashing its tuple of
# patterns hashes each compiled pattern's code, on every line of the page.
@cache
def _searches(rules: FurnitureRules) -> tuple[Callable[[str], re.Match | None], ...]:
    """The profile's furniture patterns, each searched on its own: in one alternation the
    anchored ones (^第7版$) were tried at every position of every line, alone they stop at its
    start (the furniture test a fifth faster on the lines, nearly all, that match none)."""
    return tuple(re.compile(p.pattern).search for p in rules.patterns)


@cache
def _page_names(rules: FurnitureRules) -> frozenset[str]:
    return frozenset(rules.page_names)


@cache
def _first_chars(rules: FurnitureRules) -> frozenset[str]:
    return frozenset(w[0] for w in rules.roles)


@cache
def _credit(rules: FurnitureRules) -> re.Pattern:
    role = "(?:" + "|".join(map(re.escape, sorted(rules.roles, key=len, reverse=True))) + ")"
    one = role + rf"\s*[：:]?\s*[{HAN_CLASS}·]{{2,4}}(?:[、\s]+[{HAN_CLASS}·]{{2,4}})*"
    # After a colon, two names the OCR ran together (姚志冯欣帆): a credit too.
    glued = role + rf"\s*[：:]\s*[{HAN_CLASS}]{{5,6}}"
    return re.compile(f"(?:{glued}|{one})" + r"(?:\s+" + one + r")*")
