"""Bios: the short note that ends an article (（作者系……）, 作者单位：……, 作者简介…).

A bio is recognised by its opening (the profile's wordings, after a bracket the OCR may have
misread or lost), by being short, and by where it stands: after a finished sentence and
before whatever ends an article (a headline, a byline, the lead, the page end). Prose that
opens like a bio (作者系列…, 作者认为…, or 作者 at the start of a long paragraph) fails one
of these and stays in the body.
"""

from __future__ import annotations

import re

from ..dictionary import COMMON, word_across
from ..matching import LABEL
from ..names import after_naming_opener, name_score
from ..page import PageState, Role, Shape
from ..signs import (
    QUOTING,
    bio_opening,
    closes_bio,
    colon_misread_opening,
    ends_open,
    ends_sentence,
    ends_with_mark,
    han_count,
)
from ..text_forms import PROJECT_NUMBER
from .context import (
    body_like,
    bracket_balance,
    column_before,
    funding_tail,
    headline_like,
    headline_shaped,
    is_full,
    named_in_full,
    names_line,
    narrow_piece,
    next_line,
    prev_line,
    refine_columns,
    wide,
)
from .paragraphs import pushed_over


def _stops(st: PageState, i: int, k: int, closing: bool = False) -> bool:
    """Line k (after the bio's first line i) cannot be part of the bio (`closing`: while a
    bracketed note is looked for its closing line, see _wider_than_its_article)."""
    return k > i and (
        not st.free(k)
        or (bio_opening(st.lines[k].text, st.profile)[0] and not _second_note(st, i, k))
        or (wide(st, k) and (not closing or _wider_than_its_article(st, i, k)) and not _note_opened_at(st, k - 1))
        or (names_line(st, k) is not None and not funding_tail(st, k) and not _listing_on(st, k))
        or _set_apart(st, i, k)
    )


def _listing_on(st: PageState, k: int) -> bool:
    """The note's line before k ends on a listing mark: the names on line k go on with its list
    (（执笔：叶思斌、 / 孙晨涛、丁丽）), no byline after it."""
    return st.lines[k - 1].text.rstrip().endswith("、")


def _note_opened_at(st: PageState, j: int) -> bool:
    """Line j ends on a note's opening words (…系本报记者；本文系): the note goes on into the
    next line however wide the column estimate makes it (the next article's narrower column
    leaks into the estimate near the note)."""
    return st.lines[j].text.rstrip().endswith(tuple(st.profile.bio.openers))


def _wider_than_its_article(st: PageState, i: int, k: int) -> bool:
    """Line k, wide for the column estimated around it, is wide for the column of the article
    the note at i ends too (measured on the lines before the note): near the note the next
    article's narrower column leaks into the estimate, and a bracketed note's line as wide as
    its own article's lines before its closing bracket (住房和房地产研究院院长；本文系国家社科 /
    基金一般项目“中华优秀传统文化创造性转 / 化研究”（22BKS105）阶段性成果）) is no headline set
    across columns. A note without brackets has no closing line to look for: a line wide for
    the estimate stops it (作者：郑新立，系… / 发展新质生产力与改造提升传统产业密不可分, after text
    read as a lead set wider than both)."""
    col = column_before(st, i)
    return col < st.profile.paragraph.wide_column and st.lines[k].width >= col + st.profile.headline.wide


def _second_note(st: PageState, i: int, k: int) -> bool:
    """Line k opens a second note inside the bracket the bio opened at i, after a semicolon
    (（作者为…院长； / 本文系…项目阶段性成果）): the same bio goes on."""
    if not st.lines[k - 1].text.rstrip().endswith(("；", ";")):
        return False
    return sum(bracket_balance(st.lines[x].text, st.profile) for x in range(i, k)) > 0


def _set_apart(st: PageState, i: int, k: int) -> bool:
    """Measured: line k is set in display type (a headline's line) or stands in another band
    of the page than the bio's first line i: the bio ended before it."""
    g, h = st.lines[i].geo, st.lines[k].geo
    if g is None or h is None:
        return False
    return h.size >= st.profile.size.large or (h.band, h.page) != (g.band, g.page)


def _closing_line(st: PageState, i: int) -> int | None:
    """For a bio opened with a bracket: the line within reach that closes it (more closing
    brackets than opening ones: a headline's column label is balanced), if any."""
    rules = st.profile.bio
    chars = 0
    for k in range(i, min(len(st.lines), i + rules.max_lines)):
        if _stops(st, i, k, closing=True):
            return None
        t = st.lines[k].text
        chars += han_count(t)
        if chars > rules.max_chars:
            return None
        balance = bracket_balance(t, st.profile)
        if closes_bio(t, st.profile) and (k == i or balance < 0):
            return k
        if k > i and balance > 0 and t[:1] in rules.open_brackets and _ended_short(st, i, k):
            return None  # a column label's first half (（评论 / 员观察）) after the bio's short last line
    return None


def _ended_short(st: PageState, i: int, k: int) -> bool:
    """A line between the bio's first line i and line k falls short of the column: the bio's
    last line, its closing bracket lost (…党 / 组书记). A bracket inside a bio (…党校（行政
    学院）教授) opens on a full line or mid-line."""
    col = column_before(st, i)
    return any(not is_full(st, x, slack=1.0, col=col) for x in range(i + 1, k))


def _extent(st: PageState, i: int, bracket: int) -> int | None:
    """The last line of a bio opening at i, or None when it runs on like prose."""
    if bracket and (close := _closing_line(st, i)) is not None:
        return close
    rules = st.profile.bio
    col = column_before(st, i)  # the column of the article the bio ends
    chars = 0
    k = i
    while k < len(st.lines):
        if _stops(st, i, k) or (bracket and _labelled_over_byline(st, i, k)):
            return k - 1  # a byline, a marker, another bio or a headline: this one ended before it
        t = st.lines[k].text
        chars += han_count(t)
        if chars > rules.max_chars or k - i >= rules.max_lines:
            return None
        if _ends_note(st, i, k, bracket, col):
            return k
        k += 1
    return k - 1


def _ends_note(st: PageState, i: int, k: int, bracket: int, col: float) -> bool:
    """Line k is the last of a note opening at i (in a column `col` em wide)."""
    t = st.lines[k].text
    short = _short(st, i, k, col) and not (bracket and _breaks_word(st, k))
    ends = short or (not bracket and ends_sentence(t))
    if ends and not ends_open(t) and not _wrapped_name(st, i, k) and not _names_go_on(st, i, k):
        return True  # a short line ends it; without brackets a sentence end does too
    if _funding_open(st, i, k):
        return False  # …；本文系教育部 / 人文社会科学研究规划基金 / …阶段性成果: the funding note goes on
    if named_in_full(st, t) and (_next_starts(st, i, k) or _set_wider_next(st, k, col) or _quotes_next(st, k)):
        # …治安学院 and then a headline up to the next article (a lost bracket too), or prose
        # quoting a speaker (…马克思主义学院 / 习近平主席指出：“关税战、…)
        return True
    if _credited(st, t) and (_next_starts(st, i, k) or _headline_line_after(st, k)):
        return True  # …本报记者丁雅诵整理: a note's last words, a headline (or the next text) after
    nxt = st.lines[k + 1] if k + 1 < len(st.lines) else None
    # the engine ended its block here (not on a pause: 孔庆江、范晓波、 / 车路遥，…)
    return st.shape == Shape.BLOCKS and nxt is not None and nxt.blank_before and not ends_open(t)


def _funding_open(st: PageState, i: int, k: int) -> bool:
    """A funding note opened in the note's lines i..k (；本文系…) and has reached neither its
    project number nor its last words (成果): its line ending on an institution's name
    (教育部) is no end of the note. Up to the note's size: a bio is a short note."""
    rules = st.profile.bio
    text = "".join(st.lines[x].text.strip() for x in range(i, k + 1))
    at = max(text.rfind(o) for o in rules.funding_openers)
    if at < 0 or k - i + 1 >= rules.max_lines:
        return False
    tail = text[at:].rstrip(rules.close_brackets)
    return not (PROJECT_NUMBER.search(tail) or tail.endswith(rules.funding_endings))


def _quotes_next(st: PageState, k: int) -> bool:
    """The line after k opens a quotation after its speaker's colon: prose, no note's line."""
    n = next_line(st, k)
    return n is not None and st.free(n) and QUOTING.search(st.lines[n].text) is not None


def _headline_line_after(st: PageState, k: int) -> bool:
    """The line after k could be a headline line."""
    n = next_line(st, k)
    return n is not None and st.free(n) and headline_shaped(st, n)


def _set_wider_next(st: PageState, k: int, col: float) -> bool:
    """The line after k is set clearly wider than the note's column: a headline, or the next
    article's wider measure, never a line of the note."""
    n = next_line(st, k)
    return n is not None and st.free(n) and st.lines[n].width >= col + st.profile.headline.clearly_wider


def _breaks_word(st: PageState, k: int) -> bool:
    """Line k of a note whose bracket is still open breaks inside a common word into the next
    line (（作者：唐韬，北京大 / 学习近平新时代…): short as it is, the note goes on."""
    n = next_line(st, k)
    if n is None or not st.free(n) or ends_with_mark(st.lines[k].text):
        return False
    return word_across(st.lines[k].text, st.lines[n].text) >= COMMON


def _credited(st: PageState, t: str) -> bool:
    """The line ends on a credit (本报记者丁雅诵整理): a note's last words."""
    return t.rstrip(st.profile.bio.close_brackets).endswith(st.profile.bio.credits)


def _short(st: PageState, i: int, k: int, col: float) -> bool:
    """Line k of a bio opening at i falls short of the column: the bio's last line. Its first
    line may be indented like a paragraph's (full 2 em short); a funding note's project number
    carried down whole leaves a line short inside the note, up to the note's last words (成果)."""
    slack = 1.0 + (st.profile.paragraph.indent if k == i else 0.0)
    if is_full(st, k, slack=slack, col=col):
        return False
    t = st.lines[k].text.rstrip().rstrip(st.profile.bio.close_brackets)
    if t.endswith(st.profile.bio.funding_endings):
        return True
    nxt = st.lines[k + 1].text.lstrip() if k + 1 < len(st.lines) else ""
    return not (PROJECT_NUMBER.search(t) or PROJECT_NUMBER.match(nxt))


def _next_starts(st: PageState, i: int, k: int) -> bool:
    """After line k what follows starts something else: a headline up to the next article, a
    paragraph's indented first line, or a headline its column label closes."""
    return _headline_after(st, k) or _paragraph_after(st, i, k) or _labelled_next(st, k)


def _labelled_over_byline(st: PageState, i: int, k: int) -> bool:
    """Line k, after the first line of a bio whose bracket nothing closed, closes a column label
    of its own right over a byline: the next article's headline, the bio's closing line read
    elsewhere (…党委常委、副 / 建强战斗堡垒夯实执政之基（观察者说） / 高立伟)."""
    if k == i or not LABEL.search(st.lines[k].text) or bracket_balance(st.lines[k].text, st.profile):
        return False
    n = next_line(st, k)
    return n is not None and names_line(st, n) is not None


def _wrapped_name(st: PageState, i: int, k: int) -> bool:
    """作者简介：张千一 / 中国音乐家协会副主席: the opening line ends on the name, unmarked, and
    the next line names an institution or a title in full: the note goes on there."""
    n = next_line(st, k)
    if k != i or n is None or not st.free(n) or ends_with_mark(st.lines[k].text):
        return False
    return named_in_full(st, st.lines[n].text)


def _names_go_on(st: PageState, i: int, k: int) -> bool:
    """（作者：孔庆江、范 / 晓波、车路遥，…): the opening line of a note that names its authors
    breaks inside the names, before the comma that closes them: the note goes on."""
    if k != i:
        return False
    rest = after_naming_opener(st.lines[i].text, st.profile)
    return rest is not None and "、" in rest and not any(c in rest for c in "，,（(）)")


def _paragraph_after(st: PageState, i: int, k: int) -> bool:
    """After the bio's own lines, a paragraph's indented first line: the next article's body
    (after a one-line bio, only one printed indented or one that reads as no part of a note:
    a bio's short last line is as narrow, but names an institution or title, or goes on
    after a pause carried down)."""
    n = next_line(st, k)
    if n is None or not st.free(n) or not _opens_paragraph(st, n):
        return False
    if k > i or st.lines[n].indent:
        return True
    t = st.lines[n].text.strip()
    return not named_in_full(st, t) and t[:1] not in _GOES_ON and not ends_open(t)


_GOES_ON = "、，,；;及和与并"  # a note's next line opening so goes on with its list of posts


def _labelled_next(st: PageState, k: int) -> bool:
    """The line after k is closed by a column label and names no institution or title before
    it (培养AI时代的拔尖创新人才（师说）, not 湖北省委党校（湖北省行政学院）): a headline."""
    n = next_line(st, k)
    if n is None or not st.free(n) or (m := LABEL.search(st.lines[n].text)) is None:
        return False
    words = st.lines[n].text[: m.start()]
    rules = st.profile.byline
    return not any(w in words for w in rules.institutions) and not any(w in words for w in rules.titles)


def _headline_after(st: PageState, k: int) -> bool:
    """The lines after k up to the next anchor (or the page end) read as a headline and name
    no institution or title (a bio's own second line would: 马克思主义学院教授)."""
    n = next_line(st, k)
    if n is None or not st.free(n):
        return False
    rules = st.profile.byline
    t = st.lines[n].text
    if any(w in t for w in rules.institutions) or any(w in t for w in rules.titles):
        return False
    m = next_line(st, n)  # …北京大学 / 习近平新时代中国特色社会 / 主义思想研究院研究员
    if m is not None and st.free(m) and named_in_full(st, st.lines[m].text):
        return False
    if _credited(st, t):
        return False  # 丁雅诵整理: the note's credit line, not a headline
    return _headline_run(st, n)


def _before_ok(st: PageState, i: int) -> bool:
    """A bio starts its own paragraph: the line before it finished a sentence (or is no text)."""
    j = prev_line(st, i)
    if j is None or not st.free(j):
        return True
    t = st.lines[j].text
    if ends_open(t):
        return False
    return ends_with_mark(t) or not is_full(st, j) or headline_like(st, j)


_FIRST_NAME = re.compile(r"\s*([\u4e00-\u9fff]{2,4})[、，,]")


# How plausible the name after a naming opener must be: a rare surname's too (作者简介：虞晓芬，…;
# 作者：尉建文，…), since no prose opens on the naming words, a name and a comma.
NAMED = 0.4


def _first_named(st: PageState, i: int) -> str | None:
    """The first name a bio in its naming wording gives before a comma (作者简介：孔庆江、…)."""
    rest = after_naming_opener(st.lines[i].text, st.profile)
    m = _FIRST_NAME.match(rest) if rest is not None else None
    if m is None:
        return None
    name = m.group(1)
    # a character the OCR read from a speck or a rule before the name (作者简介：和孔庆江、…)
    if len(name) >= 3 and name_score(name[1:], st.profile) > name_score(name, st.profile):
        return name[1:]
    return name


def _names_itself(st: PageState, i: int) -> bool:
    """A bio in its naming wording whose first words are a plausible name and a comma
    (作者简介：虞晓芬，浙江工业大学…): no prose opens so, so what follows the note cannot undo
    it (the next article's text, an inset headline's pieces run into its lines: 、区域协调…)."""
    name = _first_named(st, i)
    return name is not None and name_score(name, st.profile) >= NAMED


def _names_a_byline(st: PageState, i: int) -> bool:
    """A bio whose wording names its authors (作者简介：孔庆江、范晓波、…) and whose first name is
    a byline's on the page: the note, whatever the OCR lost of the text before it (…并非纯粹
    的结 / 作者简介：孔庆江、): prose naming someone so is no byline's repetition."""
    name = _first_named(st, i)
    return name is not None and any(name in b.names for b in st.bylines.values())


def _closed_at_end(st: PageState, end: int, bracket: int) -> bool:
    """A bracketed bio closed on its own line, and the article ends after it: it needs no
    finished sentence before it (the OCR lost the end of the text it follows: 提高创新体 /
    〈作者：江苏省……联合 / 会原党组书记）). No paragraph holds a whole bracketed note so."""
    return bool(bracket) and closes_bio(st.lines[end].text, st.profile) and _after_ok(st, end, strong=False)


def _after_ok(st: PageState, end: int, strong: bool) -> bool:
    """What follows a bio ends the article: not the same paragraph going on."""
    k = next_line(st, end)
    if k is None or not st.free(k):
        return True
    if strong:
        return True  # bracketed both sides: the next article's body may follow directly
    if _set_apart(st, end, k):
        return True  # measured: what follows is set large or stands in another band of the page
    if st.lines[k].width >= column_before(st, end) + st.profile.headline.clearly_wider:
        return True  # set wider than the column the note ends (rows read across columns, or the
        # next article's wider measure): no line of the same paragraph
    if _labelled_soon(st, k):
        return True  # a headline a column label closes begins, whatever the note ends on (整 / 理)
    if named_in_full(st, st.lines[end].text) and _opens_paragraph(st, k):
        return True  # the note ends on its institution or title, and a paragraph begins
    return headline_like(st, k) or not body_like(st, k) or _headline_run(st, k)


def _labelled_soon(st: PageState, k: int) -> bool:
    """Line k or the one after it is closed by a column label: a headline (its first line may
    end on a comma: 惩治“微腐败”， / 让老百姓可感可及（评论员观察）)."""
    n = next_line(st, k)
    return any(x is not None and st.free(x) and LABEL.search(st.lines[x].text) for x in (k, n))


def _opens_paragraph(st: PageState, k: int) -> bool:
    """As wide as a paragraph's indented first line (the next article's body read before its
    headline and byline)."""
    d = st.columns[k] - st.lines[k].width
    lo, hi = st.profile.paragraph.indent_tolerance
    n = next_line(st, k)
    pushed = pushed_over(st.lines[n].text) if n is not None else 0.0  # a mark carried down
    return lo <= d <= hi + pushed


def _headline_run(st: PageState, k: int) -> bool:
    """Unmarked lines from k up to a byline (or a line of names), a bio or the page end: the
    next headline (or, at the page end, all the page's headlines stacked)."""
    limit = max(st.profile.headline.max_lines, st.profile.headline.max_pieces)
    for _ in range(limit):
        if not headline_shaped(st, k):
            return False
        nxt = next_line(st, k)
        if (
            nxt is None
            or not st.free(nxt)
            or bio_opening(st.lines[nxt].text, st.profile)[0]
            or names_line(st, nxt) is not None
        ):
            return True  # (a line of names: a byline the second look after bios will take)
        k = nxt
    return False


def bios(st: PageState) -> None:
    refine_columns(st)  # per stretch between bylines: a bio's lines are measured in its own column
    may_open = st.profile.bio.may_open.match  # may_open_bio, without a call per line
    # The lines that may open a bio, listed first: a bio claims the lines after its first,
    # so the test of what is free is made as the list is walked.
    for i in [k for k, ln in enumerate(st.lines) if may_open(ln.text.strip())]:
        if not st.free(i):
            continue
        opens, bracket = bio_opening(st.lines[i].text, st.profile)
        if not opens:
            if colon_misread_opening(st.lines[i].text, st.profile):
                _measured_note(st, i)
            continue
        end = _extent(st, i, bracket)
        ok = end is not None and (_before_ok(st, i) or _closed_at_end(st, end, bracket) or _names_a_byline(st, i))
        tail = _close_read_first(st, i, end) if ok and bracket else None
        if ok:
            strong = bool(bracket) and (closes_bio(st.lines[end].text, st.profile) or tail is not None)
            strong = strong or _names_itself(st, i)
            ok = _after_ok(st, end, strong)
        if not ok or end is None:
            st.note("bio-rejected", st.lines[i].no)
            continue
        if tail is not None:
            st.claim(tail, Role.BIO, CLOSE_READ_FIRST, "bios")
            if end > i and _box_under(st, i, end):
                end = i  # its close read first, the note ends on its opening line
        for k in range(i, end + 1):
            st.claim(k, Role.BIO, "bio-opening" if k == i else "bio-continues", "bios")


CLOSE_READ_FIRST = "bio-close-read-first"  # the model puts this line last in the bio


def _measured_note(st: PageState, i: int) -> None:
    """A bracketed note whose opener's colon the OCR misread ((作者；复旦大学…本报记者 / 丁雅诵整理）)
    is the bio where it closes its bracket and the page's geometry ends the article after it:
    the page ends, or what follows (free, or the next article's byline) stands in another band
    or is set as display type."""
    end = _closing_line(st, i)
    if end is None or any(not st.free(k) for k in range(i, end + 1)):
        return
    k = next_line(st, end)
    if st.lines[i].geo is None:
        if not (_before_ok(st, i) and _ends_text(st, i, end)):
            return
    elif k is not None and not ((st.free(k) or st.role(k) == Role.BYLINE) and _set_apart(st, end, k)):
        return  # (a byline found there already, in another band, opens the next article)
    for x in range(i, end + 1):
        st.claim(x, Role.BIO, "bio-opening" if x == i else "bio-continues", "bios")


def _ends_text(st: PageState, i: int, end: int) -> bool:
    """Without geometry: after the note (lines i..end) a byline, a headline (a column label
    closing it soon) or the page end; or, where the note names an institution or a title in
    full, a paragraph's indented first line (the next article's body read before its headline)."""
    k = next_line(st, end)
    if k is None or st.role(k) in (Role.BYLINE, Role.HEADLINE):
        return True
    if not st.free(k):
        return False
    if names_line(st, k) is not None or _labelled_soon(st, k) or _headline_run(st, k):
        return True
    return _opens_paragraph(st, k) and any(named_in_full(st, st.lines[x].text) for x in range(i, end + 1))


def _box_under(st: PageState, i: int, end: int) -> bool:
    """The lines after a bio's opening line i up to `end` are narrow pieces with another one
    under them: a narrow box's headline, not the note (院） / （作者单位：北京大学经济学 / 以数字 /
    化赋能新 / …, the note's close read first)."""
    k = next_line(st, end)
    lines = [*range(i + 1, end + 1), *([k] if k is not None else [])]
    return k is not None and st.free(k) and all(narrow_piece(st, x) and headline_shaped(st, x) for x in lines)


def _close_read_first(st: PageState, i: int, end: int) -> int | None:
    """A bracketed bio left open whose short closing line the OCR read right before its opening
    line (院） / （作者单位：北京大学经济学): that line, after a finished sentence, ends it."""
    j = i - 1
    if j < 0 or not st.free(j) or closes_bio(st.lines[end].text, st.profile):
        return None
    t = st.lines[j].text
    if han_count(t) > 4 or not closes_bio(t, st.profile) or bracket_balance(t, st.profile) >= 0:
        return None
    k = prev_line(st, j)
    return j if k is None or not st.free(k) or ends_with_mark(st.lines[k].text) else None
