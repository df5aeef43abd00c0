"""Is this line a byline? Name plausibility, so that short headline lines are not taken for names.

A line of three or four characters (抓落实 / 见真章) looks like a name by length alone. A
person's name starts with a surname (single or compound, weighted by how common it is), is
two to four characters, and holds none of the function words headlines are made of; a
collective byline (本报评论员, 某某日报评论员) or a known pen name is a byline too. The byline
pass adds context (what stands before and after the line) to this score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from ..lexicon import counts
from ..text import HAN_CLASS, HAN_RUN, is_han
from .dictionary import COMMON, RARE
from .profile import BylineRules, Profile, any_of

SURNAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "surnames.tsv"
_ALL_HAN = HAN_RUN
_TRANSLITERATED = re.compile("[\u4e00-\u9fff]{1,6}(?:[·•][\u4e00-\u9fff]{1,8})+")  # the dot between parts
_AFFILIATION_TAIL = re.compile(r"\s*[（(][^（()）]{2,40}[）)]\s*$")
MIN_NAME = 0.25  # below this a token is no name at all, whatever stands around it
_SPLIT = re.compile(r"[\s、；;／/|]+")
_NO_NAME_MARK = re.compile("[" + re.escape("。！？；：:“”《》，,") + "]")  # never in a byline
_NAME_CHARS = re.compile(f"[{HAN_CLASS}·•]+")  # every character is_han() or a name's dot


@cache
def surnames() -> dict[str, int]:
    """Surname -> tier (1 common, 2 less common, 3 rare or also a common word)."""
    out: dict[str, int] = {}
    for line in SURNAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            tier, name = line.split("\t")
            out.setdefault(name, int(tier))
    return out


@lru_cache(maxsize=8)
def _titles(profile: Profile) -> tuple[str, ...]:
    """The profile's titles as a tuple for str.endswith (the profile keeps a list)."""
    return tuple(profile.byline.titles)


@lru_cache(maxsize=8192)
def name_score(token: str, profile: Profile) -> float:
    """0..1: how much the token reads as one person's name."""
    if token in profile.byline.pen_names:
        return 1.0
    core = token.replace("·", "").replace("•", "")
    if not core or not _ALL_HAN.fullmatch(core):
        return 0.0
    if "·" in token or "•" in token:  # a transliterated name (阿依古丽·买买提): no surname to check
        if not _TRANSLITERATED.fullmatch(token):
            return 0.0
        # the words of a sentence round a misread ellipsis (不准确的链接·这些现象) are no name
        return 0.8 * (0.25 if any(c in profile.byline.not_in_names for c in core) else 1.0)
    if not 2 <= len(core) <= 4 or core.endswith(profile.byline.not_name_endings):
        return 0.0
    if len(core) > 2 and core.endswith(_titles(profile)):
        return 0.0  # 原副主任: a title at the end of a bio's line, no given name
    sn = surnames()
    tier = sn.get(core[:2]) if len(core) >= 3 and core[:2] in sn else None
    given = core[2:] if tier else core[1:]
    if tier is None:
        tier = sn.get(core[0])
    if not given:
        return 0.0
    score = {1: 0.9, 2: 0.65, 3: 0.4}.get(tier or 0, 0.2)
    if len(core) == 4 and len(core) - len(given) == 1:
        score *= 0.6  # four characters with a one-character surname: rare for a name
    if any(c in profile.byline.not_in_names for c in given):
        score *= 0.25
    return score


@dataclass
class Byline:
    """A byline line read apart: the names, and what else it printed."""

    names: list[str]
    score: float  # the weakest name's plausibility
    title: str = ""  # a title printed before a name (湖南大学教授): kept with the byline
    dropped: str = ""  # a misread bullet (国 for ■), kept out of the names
    prefix: str = ""  # words printed before the names (文/, 作者：), kept with the byline
    affiliation: str = ""  # printed in brackets after the names: 张三（北京大学教授）
    line: str = ""  # the line as printed (its marks and a misread bullet left out)
    collective: bool = False
    notes: list[str] = field(default_factory=list)

    def printed(self) -> str:
        """The byline as the page printed it, when it says more than the names: its text with
        the marks before it (■ ●) and a misread bullet left out, its own punctuation kept."""
        if not (self.title or self.prefix or self.affiliation):
            return ""
        if self.line:
            # Without its affiliation (given to the article as its bio), the names part alone.
            return self.line if self.affiliation else _AFFILIATION_TAIL.sub("", self.line)
        aff = f"（{self.affiliation}）" if self.affiliation else ""
        return f"{self.prefix}{self.title + ' ' if self.title else ''}{' '.join(self.names)}{aff}"

    def stacked(self, under: Byline) -> Byline:
        """This byline with the names printed on the line under it (several authors set one a
        line: 张明华 / 李建国 / 王立伟): one byline of the article, its weakest name's score."""
        parts = [p for b in (self, under) if (p := b.line or " ".join(b.names))]
        line = " ".join(parts) if self.line or under.line else ""
        return Byline(
            self.names + under.names,
            min(self.score, under.score),
            title=self.title or under.title,
            dropped=self.dropped or under.dropped,
            prefix=self.prefix or under.prefix,
            affiliation=self.affiliation or under.affiliation,
            line=line,
            collective=self.collective and under.collective,
            notes=self.notes + under.notes,
        )


def after_mark(text: str, profile: Profile, score: float) -> Byline | None:
    """The two to four Han after one of the profile's byline marks (文/户子龙) as a byline of
    that plausibility, or None: what stands there is a name even when no list knows its
    surname (the OCR misread it)."""
    t = text.strip()
    if not t.startswith(profile.byline.prefixes):
        return None
    rest, words = _strip_prefix(t, profile)
    if not all(is_han(c) for c in rest):
        return None
    names = [rest] if 2 <= len(rest) <= 4 else _marked_run(rest, profile)
    if not names:
        return None
    out = Byline(names, score, prefix=words)
    out.line = _printed_line(t, out)
    return out


def _marked_run(rest: str, profile: Profile) -> list[str] | None:
    """Names run together after a byline's mark, one of them misread (文/筷庆江范晓波车路和 for
    孔庆江 范晓波 车路遥): the split into two or three names whose scores add up best, when one of
    them at least reads as a name (the mark says byline; the split only says where names end)."""
    if not 5 <= len(rest) <= profile.byline.run_chars:
        return None
    best: tuple[float, list[str]] | None = None
    for names in _splits(rest, MAX_RUN):
        total = sum(name_score(n, profile) for n in names) / len(names)
        if len(names) > 1 and (best is None or total > best[0]):
            best = (total, names)
    if best is None or max(name_score(n, profile) for n in best[1]) < RUN_NAME or _cuts_words(best[1]):
        return None
    return best[1]


def _cuts_words(names: list[str]) -> bool:
    """A common word across a cut between two of the names (激发消|费新|活力: 消费): a phrase
    after the mark (■ 激发消费新活力, a bulleted subheading), not names run together."""
    words, at, run = counts(RARE), 0, "".join(names)
    for n in names[:-1]:
        at += len(n)
        if words.get(run[at - 1 : at + 1], 0) >= COMMON:
            return True
    return False


def _splits(token: str, parts: int) -> list[list[str]]:
    """Every split of the token into at most `parts` pieces of two to four characters."""
    out = [[token]] if 2 <= len(token) <= 4 else []
    if parts > 1:
        for k in range(2, min(4, len(token) - 2) + 1):
            out += [[token[:k], *rest] for rest in _splits(token[k:], parts - 1)]
    return out


def _strip_prefix(t: str, profile: Profile) -> tuple[str, str]:
    """The names part, and the words (not the marks) of what stood before it."""
    changed = True
    words = ""
    prefixes = profile.byline.prefixes
    while changed and t:
        changed = False
        for p in prefixes if t.startswith(prefixes) else ():  # (most lines start with none)
            if t.startswith(p):
                t, changed = t[len(p) :].lstrip(), True
                words += p if any(is_han(c) for c in p) else ""
        if t and not is_han(t[0]) and not t[0].isalnum() and t[0] not in "·":
            t, changed = t[1:].lstrip(), True
    return t, words


TITLED_NAME = 0.4  # a rarer surname's name: an institution and a title right before say byline


def _titled_name(rest: str, profile: Profile) -> bool:
    """The words after a title read as a name: a common surname's, or a rarer one's (尉建文)
    whose surname is no word a sentence goes on with (从国家: 研究员从国家…), or two or three
    characters none of which a sentence goes on with: a name whose surname the OCR misread
    (复旦大学教务处处长枯伟 for 林伟; the title and the institution say byline)."""
    s = name_score(rest, profile)
    if s >= 0.6:
        return True
    plain = not any(c in profile.byline.not_in_names for c in rest)
    return plain and (s >= TITLED_NAME or (2 <= len(rest) <= 3 and _ALL_HAN.fullmatch(rest) is not None))


def _title_split(token: str, profile: Profile, titled: str = "") -> tuple[str, str] | None:
    """湖南大学教授张三 -> (湖南大学教授, 张三) when a title word ends right before a name, and the
    title names an institution (习近平总书记高度重 is a sentence, not a title and a name), or the
    line's title printed before it did (北京工商大学党委常委、副校长徐丹丹: `titled`)."""
    if len(token) < 4 or not profile.byline.title_words.search(token):
        return None
    if not any(w in token or w in titled for w in profile.byline.institutions):
        return None
    for title in _longest_first(profile.byline):
        k = token.rfind(title)
        if k > 0 or (k == 0 and len(token) > len(title)):
            rest = token[k + len(title) :]
            if rest and _titled_name(rest, profile):
                return token[: k + len(title)], rest
    return None


# Keyed by the rules object (compared by identity): hashing its tuples of words and patterns
# on every call cost more than the lookups they save.
@cache
def _longest_first(rules: BylineRules) -> tuple[str, ...]:
    return tuple(sorted(rules.titles, key=len, reverse=True))


@cache
def _collectives(rules: BylineRules) -> re.Pattern:
    return any_of(rules.collective)


def collective_token(token: str, profile: Profile) -> bool:
    """The token names no person (本报评论员, …研究院课题组): one of the profile's collectives."""
    return bool(_collectives(profile.byline).fullmatch(token))


def _pair_singles(tokens: list[str]) -> list[str]:
    """Two-character names are padded in print (张  强): consecutive single characters pair up;
    three in a row are one name spread out by a justified line (张 晓 兰), and an odd one left
    at the end of a longer run goes with the pair before it (王 明 张 晓 兰: 王明, 张晓兰)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and len(tokens[j]) == 1:
            j += 1
        if j - i < 2:
            out.append(tokens[i])
            i += 1
            continue
        run = tokens[i:j]
        names = ["".join(run[k : k + 2]) for k in range(0, len(run) - len(run) % 2, 2)]
        if len(run) % 2:
            names[-1] += run[-1]
        out += names
        i = j
    return out


RUN_NAME = 0.6  # each name of a run the cleanup ran together reads at least this well
MAX_RUN = 3  # names at most in one run (孔庆江范晓波车路遥: three names, their spaces lost)


def _split_run(token: str, profile: Profile) -> list[str] | None:
    """Names the OCR or the cleanup ran together (张强王悦心; 孔庆江范晓波车路遥): the split
    into two or three names, two to four characters each, whose weakest reads best."""
    best = _best_split(token, profile, MAX_RUN)
    return best[1] if best and len(best[1]) > 1 else None


def _best_split(token: str, profile: Profile, parts: int) -> tuple[float, list[str]] | None:
    """The split of the token into at most `parts` names with the best weakest score."""
    best: tuple[float, list[str]] | None = None
    if 2 <= len(token) <= 4 and (s := name_score(token, profile)) >= RUN_NAME:
        best = (s, [token])
    if parts == 1:
        return best
    for k in range(2, min(4, len(token) - 2) + 1):
        rest = _best_split(token[k:], profile, parts - 1)
        head = name_score(token[:k], profile)
        if rest is None or head < RUN_NAME:
            continue
        s = min(head, rest[0])
        if best is None or s > best[0] or (s == best[0] and len(best[1]) == 1):
            best = (s, [token[:k], *rest[1]])
    return best


def _tokens(raw: str, clean: str, profile: Profile) -> tuple[list[str], str] | None:
    """The byline's tokens (names, titles) and the words printed before them, or None when
    the line holds anything a byline does not (sentence marks, quotes, Latin, digits)."""
    text = raw if raw and _SPLIT.sub("", raw) == _SPLIT.sub("", clean) else clean
    t, prefix = _strip_prefix(text.strip(), profile)
    if not t or len(t) > 60 or _NO_NAME_MARK.search(t):
        return None
    tokens = [x for x in _SPLIT.split(t) if x]
    # (a research group's name may hold its parent's in brackets: …党校（国家行政学院）…课题组)
    if not tokens or not all(_NAME_CHARS.fullmatch(x) or collective_token(x, profile) for x in tokens):
        return None
    return tokens, prefix


_AFFILIATION = re.compile(r"^(?P<names>[^（(]+?)\s*[（(](?P<aff>[^（()）]{2,40})[）)]\s*$")


_EACH_AFFILIATION = re.compile(r"\s*(?P<name>[^\s（()）]{2,4})\s*[（(](?P<aff>[^（()）]{2,40})[）)]")
_AFFILIATIONS = re.compile(rf"(?:{_EACH_AFFILIATION.pattern}){{2,6}}\s*")


def _affiliation(raw: str, clean: str) -> tuple[str, str, str]:
    """作者：张三（北京大学教授）: the names part and the affiliation printed after them; each
    name's after it (王晓明（中国人民大学） 李红梅（北京师范大学）): the names, and the
    affiliations in their order (中国人民大学；北京师范大学; the printed byline pairs them)."""
    m, mc = _AFFILIATION.match(raw.strip()), _AFFILIATION.match(clean.strip())
    if m and mc:
        return m.group("names"), mc.group("names"), mc.group("aff")
    if _AFFILIATIONS.fullmatch(clean.strip()):
        each = [(e.group("name"), e.group("aff")) for e in _EACH_AFFILIATION.finditer(clean)]
        names = " ".join(n for n, _ in each)
        return names, names, "；".join(a for _, a in each)  # (the names are the byline's)
    return raw, clean, ""


def _drop_bullet(tokens: list[str], out: Byline, profile: Profile) -> list[str]:
    """A bullet the OCR read as a Han character (■ → 国), alone or glued to the name."""
    bullets = profile.byline.misread_bullets
    if len(tokens) >= 2 and len(tokens[0]) == 1 and tokens[0] in bullets and len(tokens[1]) >= 2:
        out.dropped = tokens[0]
        return tokens[1:]
    first = tokens[0]
    if len(first) >= 3 and first[0] in bullets and _reads(first[1:], profile) > _reads(first, profile):
        out.dropped = first[0]
        return [first[1:], *tokens[1:]]
    if len(tokens) == 1 and len(first) == 4 and _glued_bullet(first, profile):
        out.dropped = first[0]  # 量李智水: a bullet read as a character no list holds
        return [first[1:]]
    if len(first) >= 4 and collective_token(first[1:], profile) and not collective_token(first, profile):
        # any character glued to a collective byline is a misread bullet (鲜本报评论部 for ●本报评论部):
        # no paper's desk signs with a character before 本报, and no name is at stake
        out.dropped = first[0]
        return [first[1:], *tokens[1:]]
    return tokens


GLUED_NAME = 0.8  # a name after an unknown character must read this well (a common surname's)


def _glued_bullet(token: str, profile: Profile) -> bool:
    """Four characters that read as no name, the last three as a common surname's name, and
    no two of them side by side a common word (如何看待: 何 is a surname): the first is a bullet
    the OCR read as a character (量李智水 for ■李智水), whatever it read."""
    if name_score(token, profile) >= MIN_NAME or name_score(token[1:], profile) < GLUED_NAME:
        return False
    words = counts(RARE)  # (asked only of a token that passed the tests above)
    return all(words.get(token[k : k + 2], 0) < COMMON for k in range(len(token) - 1))


def _reads(token: str, profile: Profile) -> float:
    """How well a token reads as one name, or as two the cleanup ran together (国张金阳邹升平:
    the bullet glued to two names reads as neither until it is dropped)."""
    s = name_score(token, profile)
    if len(token) >= 5 and (two := _split_run(token, profile)):
        s = max(s, min(name_score(x, profile) for x in two))
    return s


def _read_token(tok: str, last: bool, out: Byline, profile: Profile) -> list[tuple[str, float]]:
    """One token as names with their scores; a title goes to out.title."""
    if collective_token(tok, profile):
        out.collective = True
        return [(tok, 1.0)]
    s = name_score(tok, profile)
    if s >= 0.3:
        return [(tok, s)]
    if split := _title_split(tok, profile, out.title):
        out.title = (out.title + " " + split[0]).strip()
        return [(split[1], max(MIN_NAME, name_score(split[1], profile)))]
    if tok.endswith(tuple(profile.byline.titles)) and not last:
        out.title = (out.title + " " + tok).strip()
        return []
    if len(tok) >= 5 and (two := _split_run(tok, profile)):
        return [(x, name_score(x, profile)) for x in two]
    return [(tok, s)]


# Marks, quotes, digits or Latin: never in a byline (a line ending in ：、；… goes on).
_NEVER, _NEVER_LAST = "。！？；，,“”《》0-9A-Za-z", "：:、；;…—"
NOT_BYLINE = re.compile(f"[{_NEVER}]|[{_NEVER_LAST}]$")
# The lines of a page's text (joined by newlines) that NOT_BYLINE does not rule out.
BYLINE_MARKS_FREE = re.compile(f"^[^{_NEVER}\n]*+(?<![{_NEVER_LAST}])$", re.M)


def parse_byline(raw: str, clean: str, profile: Profile) -> Byline | None:
    """The names a byline line holds, or None when the line is not shaped like a byline."""
    printed = raw or clean
    if clean.lstrip().startswith(profile.headline.deck_openers):
        return None  # a deck (——访…研究员王一鸣): a title and a name, as a subtitle words them
    raw, clean, junk = _junk_bullet(raw, clean)
    if NOT_BYLINE.search(clean):
        return None  # sentence marks, quotes, digits or Latin: never a byline (a fast first look)
    raw, clean, aff = _affiliation(raw, clean)
    got = _tokens(raw, clean, profile)
    if got is None:
        return None
    out = Byline([], 1.0, prefix=got[1], affiliation=aff, dropped=junk)
    tokens = _pair_singles(_drop_bullet(got[0], out, profile))
    if out.prefix and _surname_only(tokens):
        # 文/李: the words of a byline mark, then a surname whose given name the OCR lost
        out.names, out.score, out.line = tokens, MIN_NAME, _printed_line(printed, out)
        return out
    read = [pair for k, tok in enumerate(tokens) for pair in _read_token(tok, k == len(tokens) - 1, out, profile)]
    # 本报记者 王五 赵六: the collective word is the title of the names that follow it.
    while len(read) > 1 and collective_token(read[0][0], profile) and not collective_token(read[1][0], profile):
        out.title = (out.title + " " + read.pop(0)[0]).strip()
    if not read or len(read) > profile.byline.max_names or min(s for _, s in read) < MIN_NAME:
        return None
    out.names, out.score = [n for n, _ in read], min(s for _, s in read)
    out.line = _printed_line(printed, out)
    return out


# A bullet an engine read as a mark of its own (■ as @@), after a stray stroke or two read as
# characters (人@@张干一, ma @@芦子龙): the stroke and the bullet are no part of the names.
_JUNK_BULLET = re.compile(r"(?P<junk>[^@■●◆▲★◎\s]{1,3}?\s*[@■●◆▲★◎]+)\s*")


def _junk_bullet(raw: str, clean: str) -> tuple[str, str, str]:
    """The line without what stands before a bullet mark near its start, and that (kept out of
    the names, as a misread bullet is)."""
    raw = raw or clean
    m, mc = _JUNK_BULLET.match(raw.strip()), _JUNK_BULLET.match(clean.strip())
    if not (m and mc) or any(c in mc.group("junk") for c in "/：:"):
        return raw, clean, ""
    return raw.strip()[m.end() :], clean.strip()[mc.end() :], mc.group("junk")


def _surname_only(tokens: list[str]) -> bool:
    """One common surname alone (tier 1 or 2)."""
    return len(tokens) == 1 and len(tokens[0]) == 1 and surnames().get(tokens[0], 9) <= 2


def _printed_line(text: str, b: Byline) -> str:
    """The printed line: leading marks (■ ● □) and a misread bullet off, one space kept between
    the title and the names where the page had one."""
    t = text.strip()
    while t and not is_han(t[0]) and not t[0].isalnum():
        t = t[1:].lstrip()
    if b.dropped and t.startswith(b.dropped):
        t = t[len(b.dropped) :].lstrip()
    return re.sub(r"\s+", " ", t)


BIO_NAME = 0.4  # how plausible each name a bio gives must be to stand as an author


def after_naming_opener(text: str, profile: Profile) -> str | None:
    """What follows a bio's naming opener and its colon (作者简介：孔庆江、… -> 孔庆江、…), or
    None where the bio opens otherwise."""
    t = text.strip().lstrip(profile.bio.open_brackets + " ")
    opener = next((o for o in profile.bio.naming if t.startswith(o)), None)
    return t[len(opener) :].lstrip("：: ") if opener else None


def named_in_bio(text: str, profile: Profile, floor: float = 0.0) -> list[str]:
    """The names a bio in its naming wording gives before its first comma (作者简介：孔庆江、
    范晓波、车路遥，中国政法大学), each at least `floor` plausible as a name; [] for any other
    bio."""
    rest = after_naming_opener(text, profile)
    if rest is None:
        return []
    names: list[str] = []
    # 作者：李红梅，系…教授；赵志刚，系…副教授: each author's note opens on the name
    for k, part in enumerate(rest.replace(";", "；").split("；")):
        got = _names_before_comma(part)
        if k == 0 and not got:
            return []
        names += got
    return names if all(name_score(n, profile) >= floor for n in names) else []


def _names_before_comma(text: str) -> list[str]:
    """孔庆江、范晓波 of 孔庆江、范晓波，中国政法大学…; [] where no comma follows names."""
    head, comma, _ = text.strip().replace(",", "，").partition("，")
    names = [n for n in re.split("[、 ]+", head) if n]
    if not comma or not names or not all(2 <= len(n) <= 4 and n.isalpha() for n in names):
        return []
    return names
