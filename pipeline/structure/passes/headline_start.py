"""Where the body begins after an anchor (a byline, a bio, the lead, the page top): the
headline's lines come first, and the body's first line ends them (docs/architecture.md, "What
tells a headline from text")."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..dictionary import COMMON, word_across
from ..matching import LABEL
from ..page import PageState, Role
from ..signs import NEVER_OPENS, QUOTING, ends_with_mark
from .context import (
    clearly_short,
    headline_shaped,
    is_deck,
    label_opening_lost,
    label_piece,
    listing,
    narrow_piece,
    next_line,
    page_pairs,
    prev_line,
)
from .headline_shape import body_width, looks, wide_headline
from .headline_words import (
    bare,
    bare_pair,
    body_opens_under,
    echo_alone,
    echo_pair,
    echo_reads_on,
    echoed,
    heralds,
    listed,
    pair_recurs_across,
    seen_across,
)


def after_anchor(st: PageState, run: list[int]) -> list[int]:
    """Right after an anchor the headline's lines come first; the body begins with a line as
    wide as its column (or indented 2 em). A column label closes the headline: the lines up
    to a labelled one among the first few are its lines, however wide."""
    return _headline_under_deck(st, run, _after_anchor(st, run))


def _headline_under_deck(st: PageState, run: list[int], take: list[int]) -> list[int]:
    """A deck closes its headline, but on a page that sets each headline after the article
    before's bio, the next article's headline may stand right under it: a bare line worded like
    a headline, clearly narrower than a paragraph's indented first line (no line of the body
    starts so short without a mark), over the body's first line (…（作者：尉建文，…） /
    以数字化赋能新时代“枫桥经验” / ——以改革创新激发发展内生动力 / 打好提振消费组合拳 /
    消费是拉动经济增长的主). The assignment then places each headline."""
    n = len(take)
    if not take or run[:n] != take or not is_deck(st, take[-1]) or n + 1 >= len(run):
        return take
    i, k = run[n], run[n + 1]
    if i != next_line(st, take[-1]) or k != next_line(st, i) or st.lines[i].han < 4:
        return take
    col = st.columns[i]
    short = st.lines[i].width <= col - st.profile.paragraph.indent - 1.0
    if short and bare(st, i) and headline_shaped(st, i) and opens_paragraph(st, k):
        return [*take, i]
    return take


def _after_anchor(st: PageState, run: list[int]) -> list[int]:
    labelled = labelled_within(st, run) or indented_within(st, run) or decked_within(st, run)
    if labelled:
        return labelled
    take: list[int] = []
    total = 0
    paired = False  # line i is the second of an echoed pair (echo_pair): a headline line
    for n, i in enumerate(run[: st.profile.headline.max_pieces]):
        total += st.lines[i].han
        if st.lines[i].indent >= 2 or total > st.profile.headline.max_total:
            break  # an indented line is the body's first
        if paired or (n + 1 < len(run) and run[n + 1] == next_line(st, i) and _pair_opening(st, i, n)):
            paired = not paired
            take.append(i)
            continue
        if is_deck(st, i):
            take.append(i)
            break  # a deck closes the headline: the body opens under it
        if _body_line(st, i) or _past_the_box(st, take, i):
            break
        opens = _last_over_body(st, take, i) or (not take and (_full_under_byline(st, i) or question_by_byline(st, i)))
        lost = label_opening_lost(st, i)
        if not (opens or lost or _headline_line(st, run, n)):
            break
        take.append(i)
        if lost or LABEL.search(st.lines[i].text) or (opens and not bare(st, i + 1)):
            break  # a column label closes the headline; the next line opens the body (in words)
    return _short_off(st, run, take)


def _pair_opening(st: PageState, i: int, n: int) -> bool:
    """Line i and the next are a two-line headline: the text says them again together
    (echo_pair), or, first after the anchor, two bare lines one of which the text after them
    says again (and not the text before), over a paragraph's first line (…研究员 / 汲取传统村落
    生态智慧 / 建设好宜居宜业和美乡村 / 习近平总书记指出：“农): a paragraph's first two lines
    have a mark in them."""
    if echo_pair(st, i):
        return True
    k = next_line(st, i)
    m = next_line(st, k) if n == 0 and k is not None else None
    if m is None or not bare_pair(st, i, k) or not (heralds(st, i) or heralds(st, k)):
        return False
    return opens_paragraph(st, m)


def _full_under_byline(st: PageState, i: int) -> bool:
    """Line i, right under a byline that opens an article (at the page's top, after a finished
    sentence, a bio or a headline) or right after a bio, is as wide as the column with no mark
    at its end, and an indented first line follows: the headline set under its byline (王晓明 /
    以科技创新引领新质生产力发展 / 推动…) or of an article with no byline, for the body's first
    line would be indented."""
    j = prev_line(st, i)
    if j is None or st.role(j) not in (Role.BYLINE, Role.BIO) or i + 1 >= len(st.lines):
        return False
    h = prev_line(st, j) if st.role(j) == Role.BYLINE else None
    if h is not None and st.role(h) not in _OPENERS and not ends_with_mark(st.lines[h].text):
        return False  # a byline read inside a sentence: the line under it goes on with the text
    ln, col = st.lines[i], st.columns[i]
    return (
        not ends_with_mark(ln.text)
        and headline_shaped(st, i)
        and _first_line_width(st, i + 1, col)
        and not ends_with_mark(st.lines[i + 1].text)
        and ln.width - (col - st.profile.paragraph.indent) >= 0.75
    )


def opens_paragraph(st: PageState, k: int) -> bool:
    """Line k is a paragraph's first line: indented, or as wide as an indented line of its column."""
    return st.lines[k].indent >= 2 or _first_line_width(st, k, st.columns[k])


def _first_line_width(st: PageState, k: int, col: float) -> bool:
    """Line k is as wide as an indented first line of a column `col` em wide (within half an
    em: OCR text gives no indent but the characters it leaves out)."""
    return abs(st.lines[k].width - (col - st.profile.paragraph.indent)) <= 0.5


_OPENERS = frozenset((Role.HEADLINE, Role.BIO, Role.FURNITURE, Role.LEAD, Role.LEAD_MARKER))


_ASKS = ("？", "！", "?", "!")
ASK_MARKS = "".join(_ASKS)


def question_by_byline(st: PageState, i: int) -> bool:
    """A headline that asks or exclaims (科技创新何以引领新质生产力？) ends on a sentence's mark,
    which no other headline line does: one line of a headline's length, no full stop or pause
    in it, right over a byline (or under one, over an indented first line) is still a headline."""
    t = st.lines[i].text.rstrip()
    if (
        not t.endswith(_ASKS)
        or "。" in t
        or "；" in t
        or t.count("，") > 1
        or st.lines[i].han < st.profile.headline.min_chars
    ):
        return False
    if st.lines[i].width > st.profile.headline.max_width or st.lines[i].han > st.profile.headline.max_chars:
        return False
    j, k = prev_line(st, i), next_line(st, i)
    if k is not None and st.role(k) == Role.BYLINE:
        return j is None or st.role(j) in _OPENERS or ends_with_mark(st.lines[j].text)
    if j is None or st.role(j) != Role.BYLINE or k is None:
        return False
    return opens_paragraph(st, k)  # the body's first line


def _short_off(st: PageState, run: list[int], take: list[int]) -> list[int]:
    """The lines taken, or only those up to a headline's short last line when the next one
    is worded (the body's, in words: neither bare nor a broken label's opening)."""
    short = short_within(st, run)
    if short and take[: len(short)] == short and len(take) > len(short):
        after = take[len(short)]
        if not bare(st, after) and not label_opening(st, after):
            return short
    return take or short


def label_opening(st: PageState, i: int) -> bool:
    """A narrow headline's column label opens on line i, broken into pieces like the headline
    (理视角透析 / （深入 / 学习贯 / …): no paragraph opens on a bracket in a line that short."""
    return st.lines[i].text[:1] in st.profile.bio.open_brackets and label_piece(st, i)


def _headline_line(st: PageState, run: list[int], n: int) -> bool:
    """The run's line n may go on the headline after an anchor: it looks like a headline's
    line, or is narrower or wider than the body's, or is a kicker's or an echo's."""
    i = run[n]
    return (
        looks(st, i) or not body_width(st, i) or kicker_pair(st, run, n) or echo_alone(st, i) or _short_pair(st, run, n)
    )


def _short_pair(st: PageState, run: list[int], n: int) -> bool:
    """Line n and its neighbour in the run are bare, end on no mark, fall clearly short of the
    column and are as long as each other: two pieces of a headline set narrower than the column
    (做好少年儿童思想政 / 治教育的方法论指引), as wide as an indented first line, which the line
    after it never is (it is full, or the paragraph's last and ends on a mark)."""
    i = run[n]
    pair = [run[m] for m in (n - 1, n + 1) if 0 <= m < len(run) and abs(run[m] - i) == 1]
    return any(
        all(bare(st, x) and clearly_short(st, x) and not ends_with_mark(st.lines[x].text) for x in (i, j))
        and abs(st.lines[i].width - st.lines[j].width) <= st.profile.headline.pair_slack
        for j in pair
    )


def _body_line(st: PageState, i: int) -> bool:
    """Line i reads as the body's first line whatever its width."""
    t = st.lines[i].text
    if QUOTING.search(t):
        return True  # 习近平主席指出：“……: a sentence opening a quotation
    if RUN_IN.match(t):
        return True  # 【现象】使用人工智能: a section's tag run into its paragraph's first words
    k = next_line(st, i)
    if k is not None and SPEAKS.match(st.lines[k].text):
        return True  # 习近平总书记深刻 / 指出：“过去…: the speaker of the quotation the next line opens
    if st.lines[i].spaced and any(m in t for m in "，、,；;"):
        return True  # spread out to the column's width with a pause in it: a justified body line
    return reads_into_prose(st, i)  # 城市是人类文明的重要标 / 志，是经济社会…: mid-word


def _past_the_box(st: PageState, take: list[int], i: int) -> bool:
    """After several narrow pieces (a headline set in a narrow box, a few characters a line:
    以数字 / 化赋能新 / 时代“枫 / 桥经验), a line wider than any piece and no column label is
    the body's first: the box holds the whole headline (… / 桥经验 / “枫桥经验”历经60余年的)."""
    if len(take) < st.profile.headline.box_pieces or narrow_piece(st, i) or LABEL.search(st.lines[i].text):
        return False
    return all(narrow_piece(st, t) for t in take)


def _last_over_body(st: PageState, take: list[int], i: int) -> bool:
    """Line i is the headline's last: the body opens on the next line."""
    return before_first_line(st, i, bool(take)) or before_quoting(st, i) or main_under_kicker(st, take, i)


def main_under_kicker(st: PageState, take: list[int], i: int) -> bool:
    """Line i, under headline lines all shorter than it, is bare and the text says its words
    again, not going on there as the line under it does: the headline's main line under its
    kicker (多措并举 / 协同发力 / 加快建设新型能源体系 / 为有力支撑…), however wide. Under it
    the body opens."""
    k = next_line(st, i)
    if not take or k is None or not bare(st, i) or not echoed(st, i) or echo_reads_on(st, i, k):
        return False
    return all(st.lines[t].han < st.lines[i].han for t in take)


SPEAKS = re.compile(r"\s*[\u4e00-\u9fff]{1,3}[：:]\s*[“「\"]")  # a verb and a quotation, no speaker before them
RUN_IN = re.compile(r"\s*[【\[〔][^】\]〕]{1,6}[】\]〕]\s*[^\s】\]〕]")  # a tag in black brackets, words after it


def reads_into_prose(st: PageState, i: int) -> bool:
    """Line i breaks off mid-word into the next line, and that line is prose (a mark in it):
    running text, not a headline over it."""
    k = next_line(st, i)
    if k is None or bare(st, k) or (narrow_piece(st, i) and narrow_piece(st, k)):
        return False  # (a narrow box's headline breaks inside its words too: 惩治“微 / 腐败”，)
    if pair_recurs_across(st.lines[i].text, st.lines[k].text, page_pairs(st)):
        return True
    if _NUMBER_END.search(st.lines[i].text.rstrip()) and st.lines[k].text[:1] in _COUNTED:
        return True  # a number counting what the next line names (历经60 / 余年的发展, 历经60余 / 年的发展)
    # a word the page uses nowhere else, its last character alone before a mark on the next
    # line (…四中全会提 / 出：“我国…), or broken off a line that pauses inside like prose
    # (我是一名作曲家，创作生 / 涯始于…): the dictionary, asked only then, knows the word
    t, line = st.lines[k].text, st.lines[i].text
    lone = len(t) > 1 and t[1] in _PAUSE and t[0].isalpha()
    return (lone or any(m in line for m in _PAUSE)) and word_across(line, t) >= COMMON


_PAUSE = "，。：；、,:;"
_COUNTED = "余多万亿年月日个项次届%‰倍名位家座条"
_NUMBER_END = re.compile(r"\d[余多]?$")  # a number, maybe with its 余 or 多, ends the line


def before_quoting(st: PageState, i: int) -> bool:
    """Line i, without a mark, stands over a line that opens a quotation (习近平总书记强调：“持
    续…): the body's first line, so line i is the headline's last."""
    k = next_line(st, i)
    if k is None or k != i + 1 or st.lines[i].han < 4 or not bare(st, i):
        return False
    t = st.lines[k].text.rstrip()
    m = QUOTING.search(t)
    if m is None and t.endswith(("：", ":")) and k + 1 < len(st.lines) and st.lines[k + 1].text.startswith(OPEN_QUOTES):
        return t[:-1].isalnum()  # 习近平总书记指出： / “加快构建…: the quotation on the next line
    return m is not None and t[: m.start()].isalnum()  # the speaker alone: a sentence's start


OPEN_QUOTES = ("“", "「", '"')


def first_lines(st: PageState, run: list[int], closes: Callable[[int, int], list[int] | None]) -> list[int]:
    """The run's first lines, within a headline's lines and Han and none indented, up to the
    one `closes(n, i)` ends the headline with (it gives the lines, [] to give up, None to go on)."""
    rules = st.profile.headline
    total = 0
    for n, i in enumerate(run[: rules.max_lines]):
        total += st.lines[i].han
        if st.lines[i].indent >= 2 or total > rules.max_total:
            return []
        got = closes(n, i)
        if got is not None:
            return got
    return []


_MARKS = re.compile(r"[，,、。；;：:！？!?（）()]")


def decked_within(st: PageState, run: list[int]) -> list[int]:
    """Up to a deck among the first lines (吴灿 / 汲取传统村落生态智慧 / 建设好宜居宜业和美乡村 /
    ——访中国社会科学院学部委员): a deck closes its headline, whatever the widths of the lines over
    it. Where the line under the deck cannot open a sentence (的主引擎。…), the first line was
    the body's, read before the headline that cut it (消费是拉动经济增长 / 打好提振消费组合拳 /
    ——来自基层一线的调研与思考 / 的主引擎)."""
    limit = st.profile.headline.max_lines
    d = next((n for n, i in enumerate(run[: limit + 1]) if n and is_deck(st, i)), None)
    if d is None or not all(headline_shaped(st, i) and not _MARKS.search(st.lines[i].text) for i in run[:d]):
        return []  # (no mark at all over the deck: 我是一名作曲家，创作生涯 is the body's first line)
    k = next_line(st, run[d])
    cut = k is not None and st.lines[k].text[:1] in NEVER_OPENS
    return run[1 : d + 1] if cut and d >= 2 else [] if cut else run[: d + 1]


def labelled_within(st: PageState, run: list[int]) -> list[int]:
    """Up to a line a column label closes: 党性修养不是“一阵子” / 而是“一辈子”（思想纵横）."""
    seen = page_pairs(st)
    paused = listing_on = False

    def closes(n: int, i: int) -> list[int] | None:
        nonlocal paused, listing_on
        t = st.lines[i].text
        if n and pair_recurs_across(st.lines[run[n - 1]].text, t, seen):
            return []  # 中国 / 式现代化: running text broken mid-word
        if m := LABEL.search(t):
            # the quotes of the lines it closes balance (a headline's quote may open on one of
            # them and close on the next: 党性修养不是“一阵子 / 而是一辈子”（思想纵横）), or a
            # closing one stands alone: the OCR lost its opening (如何看待人Al一本正经地胡说八道” /
            # （新知）); no quote opens before an anchor's first line
            head = "".join(st.lines[x].text for x in run[: n + 1])
            if paused and not (n == 1 and body_opens_under(st, run[0], i)):
                return []  # a paragraph's first line read before the headline under it
            before = t[: m.start()]
            if listing_on and not (listing(before) and "、" in before):
                return []  # a list left open above that the labelled line does not go on with
            return run[: n + 1] if n and head.count("“") <= head.count("”") else []
        if t.endswith("、") and listing(t) and headline_shaped(st, i):
            # a headline's list broken over its lines, going on in the labelled line
            # (从用电量看中国发展向新性、 / 稳定性、普惠性（人民观点）)
            listing_on = True
            return None
        if any(m in t.rstrip("，,") for m in "：:、") or (("，" in t or "," in t) and not headline_shaped(st, i)):
            return []  # a sentence's words going on to the next line, not a headline's
        # One comma with words either side may be a headline's (音符跃动，谱写动人篇章 /
        # （新语·…）), where the body opens right under the label.
        paused = paused or "，" in t or "," in t
        return None

    return first_lines(st, run, closes)


def indented_within(st: PageState, run: list[int]) -> list[int]:
    """Up to the line before an indented one: the indent opens the body, so what stands
    between the anchor and it is the headline, however wide (记住要求、心有榜样、从小做起、接受帮助
    / 做好少年儿童…指引 / 　　少年儿童是…)."""
    seen = page_pairs(st)

    def closes(n: int, i: int) -> list[int] | None:
        if n and pair_recurs_across(st.lines[run[n - 1]].text, st.lines[i].text, seen):
            return []  # running text broken mid-word
        k = next_line(st, i)
        if k is not None and k == i + 1 and st.lines[k].indent >= 2:
            return run[: n + 1]
        return [] if n + 1 >= len(run) or run[n + 1] != i + 1 else None

    return first_lines(st, run, closes)


def short_within(st: PageState, run: list[int]) -> list[int]:
    """Up to a line clearly short of the column and without a final mark: no paragraph ends
    so, and its sentence does not read on into the next line: a headline's last line
    (党性修养不是“一阵子” / 而是“一辈子, the OCR having lost its quote)."""

    def closes(n: int, i: int) -> list[int] | None:
        ln = st.lines[i]
        if not bare(st, i) or ln.han < 2:
            return []
        if n and seen_across(st, st.lines[run[n - 1]].text, ln.text):
            return []  # running text broken mid-sentence
        k = next_line(st, i)
        if clearly_short(st, i) and not ends_with_mark(ln.text) and k is not None and n:
            return run[: n + 1] if seen_across(st, ln.text, st.lines[k].text) == 0 else []
        return None

    return first_lines(st, run, closes)


def kicker_pair(st: PageState, run: list[int], n: int) -> bool:
    """Line n of the run, or the one before it, stands over a line wider than its column and
    worded like a headline: a kicker and its headline, where the headline (set larger) is the
    wider. The body's first line is indented and running text follows it, not a headline."""
    if n + 1 < len(run) and run[n + 1] == run[n] + 1 and wide_headline(st, run[n + 1]):
        # as wide as a full column line, not as an indented first line (which may stand before
        # a headline the OCR read after it)
        return st.lines[run[n]].width >= st.columns[run[n]] - st.profile.paragraph.indent_tolerance[0]
    return n > 0 and run[n - 1] == run[n] - 1 and wide_headline(st, run[n])


def before_first_line(st: PageState, i: int, under: bool = False) -> bool:
    """The next line opens the body (indented, or as short as an indented line where the OCR
    dropped the indent) and line i, worded like a headline, is set otherwise; or, `under` a
    headline line, has no mark in it while the next line is prose (做好少年儿童…方法论指引 /
    少年儿童是祖国的未来，…: a headline's last line as wide as the column)."""
    if i + 1 >= len(st.lines):
        return False
    ln, nxt = st.lines[i], st.lines[i + 1]
    if nxt.indent >= 2 and not ln.indent:
        return True
    col, indent = st.columns[i], st.profile.paragraph.indent
    if not (_first_line_width(st, i + 1, col) and not ends_with_mark(nxt.text) and headline_shaped(st, i)):
        return False
    if under and listed(st, i) and not listed(st, i + 1):
        return True
    return min(abs(ln.width - col), abs(ln.width - (col - indent))) >= 0.75
