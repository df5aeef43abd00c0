"""The paragraph typesetter on its own: a pure function over a width-measuring callback.

Widths here are synthetic (an em of 10 pt, Latin 5.5 pt) so every expectation is exact.
"""

from __future__ import annotations

import itertools
import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_audit import CLOSING, NO_END, NO_START, OPENING, break_violation, random_paragraph

from pipeline.render.pdf.linebreak import Line, typeset

EM = 10.0
HAN10 = "一二三四五六七八九十"


def measure(ch: str) -> float:
    if ch == " ":
        return 2.5
    if (unicodedata.east_asian_width(ch) in "WFA" and not ch.isascii()) or ch in "—…":
        return EM
    return 5.5


def setlines(text: str, width: float = 10 * EM, **kw) -> list[Line]:
    return typeset(text, width, measure, size=EM, **kw)


def breaks(lines: list[Line], text: str) -> list[tuple[str, str, bool]]:
    """(line, next line, whether the source had a space at the break) for each break."""
    spaced_at = set()
    k = 0
    for ch in text:
        if ch.isspace():
            spaced_at.add(k)
        else:
            k += 1
    out = []
    pos = 0
    for a, b in itertools.pairwise(lines):
        pos += len(a.chars)
        out.append((a.chars, b.chars, pos in spaced_at))
    return out


def assert_well_set(text: str, lines: list[Line], width: float, indent: float = 0.0) -> None:
    """Every rule of docs/typesetting.md that one paragraph can show."""
    assert "".join(line.chars for line in lines) == "".join(text.split()), "text lost or reordered"
    for a, b, spaced in breaks(lines, text):
        why = break_violation(a, b, spaced)
        assert why is None, f"{why}: {a!r} / {b!r}"
    for k, line in enumerate(lines):
        assert abs(line.xs[0] - (indent if k == 0 else 0.0)) < 1e-6, f"line {k} starts at {line.xs[0]}"
        if not line.last:
            assert abs(line.end - width) <= 0.5, f"line {k} ends at {line.end}, not {width}: {line.chars}"
        assert line.end <= width + 1e-6, f"line {k} overflows: {line.chars}"
        for i in range(len(line.chars) - 1):
            a, b = line.chars[i], line.chars[i + 1]
            gap = line.xs[i + 1] - line.xs[i] - measure(a)
            assert gap >= -EM / 2 - 1e-6, f"glyphs overlap by more than a blank half: {a}{b}"
            marks = CLOSING | OPENING
            assert gap >= -1e-6 or (a in marks and b in marks), f"a mark compressed in mid-line: {a}{b}"
            if (a in CLOSING or b in OPENING) and a in CLOSING | OPENING and b in CLOSING | OPENING:
                assert line.xs[i + 1] + measure(b) - line.xs[i] <= 1.5 * EM + 1e-6, f"pair {a}{b} wider than 1.5 em"
            if (_han(a) and b.isascii() and b.isalnum()) or (a.isascii() and a.isalnum() and _han(b)):
                assert gap >= EM / 4 - 1e-6, f"no quarter em between {a} and {b}"
    if len(lines) > 1 and letters(text) >= 2:
        assert letters(lines[-1].chars) >= 2, f"orphan on the last line: {lines[-1].chars!r}"


def letters(s: str) -> int:
    """Characters that are not punctuation (what the no-orphan rule counts)."""
    return sum(1 for c in s if c.isalnum())


def _han(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo" and unicodedata.east_asian_width(ch) == "W"


# --- breaking rules, one case per mark ---------------------------------------------------------


@pytest.mark.parametrize("mark", sorted(NO_START))
def test_line_never_starts_with_closing_punctuation(mark):
    # ten Han fill the line exactly, so a naive breaker would put the mark first on line two
    text = HAN10 + mark + HAN10 + "。"
    lines = setlines(text)
    assert all(not line.chars.startswith(mark) for line in lines)
    assert_well_set(text, lines, 10 * EM)


@pytest.mark.parametrize("mark", sorted(NO_END))
def test_line_never_ends_with_opening_punctuation(mark):
    text = HAN10[:9] + mark + HAN10 + "。"
    lines = setlines(text)
    assert all(not line.chars.endswith(mark) for line in lines)
    assert_well_set(text, lines, 10 * EM)


@pytest.mark.parametrize("mark", ["——", "……"])
@pytest.mark.parametrize("at", [8, 9, 10])
def test_long_marks_are_never_split(mark, at):
    text = HAN10[:at] + mark + HAN10 + "。"
    lines = setlines(text)
    assert any(mark in line.chars for line in lines), "—— or …… split across lines"
    assert_well_set(text, lines, 10 * EM)


@pytest.mark.parametrize("number", ["2035", "1/7", "22%", "69.5", "PM2.5", "iPhone"])
@pytest.mark.parametrize("at", [7, 8, 9])
def test_numbers_and_latin_words_are_never_split(number, at):
    text = HAN10[:at] + number + HAN10 + "。"
    lines = setlines(text)
    assert any(number in line.chars for line in lines)
    assert_well_set(text, lines, 10 * EM)


@pytest.mark.parametrize("at", [8, 9])
def test_fullwidth_percent_after_a_number_stays_with_it(at):
    text = HAN10[:at] + "22％" + HAN10 + "。"
    lines = setlines(text)
    assert any("22％" in line.chars for line in lines)
    assert_well_set(text, lines, 10 * EM)


def test_latin_phrase_breaks_only_at_its_space():
    text = HAN10[:7] + "Hello World" + HAN10 + "。"
    lines = setlines(text)
    assert_well_set(text, lines, 10 * EM)
    assert lines[0].chars.endswith("Hello") and lines[1].chars.startswith("World")


@pytest.mark.parametrize("open_, close", [("「", "」"), ("『", "』"), ("“", "”"), ("《", "》")])
def test_traditional_corner_brackets_obey_the_same_rules(open_, close):
    text = HAN10[:9] + open_ + "五六七" + close + "，" + HAN10[:9] + close + "。"
    lines = setlines(text)
    assert_well_set(text, lines, 10 * EM)


# --- spacing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("pair", ["”，", "。”", "）。", "》、", "，“", "」，", "！”"])
def test_consecutive_punctuation_takes_one_and_a_half_em(pair):
    text = "城市" + pair + "发展"
    (line,) = setlines(text, width=30 * EM)
    i = line.chars.index(pair)
    assert line.xs[i + 1] + EM - line.xs[i] == pytest.approx(1.5 * EM)


def test_quarter_em_between_han_and_latin_but_not_at_line_edges():
    (line,) = setlines("在2035年", width=30 * EM)
    assert line.xs[1] - line.xs[0] - EM == pytest.approx(EM / 4)
    assert line.xs[5] - line.xs[4] - 5.5 == pytest.approx(EM / 4)
    lines = setlines("2035" + HAN10 * 2 + "。")
    assert lines[0].xs[0] == 0.0
    assert_well_set("2035" + HAN10 * 2 + "。", lines, 10 * EM)


@pytest.mark.parametrize("sym", ["+", "-", "×", "=", "%", "/", "~", "−", "…"])
def test_no_quarter_em_beside_symbols(sym):
    # the gap is for Latin letters and digits: 互联网+政务服务 sets solid, like Han beside Han
    (line,) = setlines(f"互联网{sym}政务服务", width=30 * EM)
    i = line.chars.index(sym)
    assert line.xs[i] - line.xs[i - 1] == pytest.approx(EM)
    assert line.xs[i + 1] - line.xs[i] == pytest.approx(measure(sym))


def test_first_line_indent_is_exactly_two_em():
    text = HAN10 * 3 + "。"
    lines = setlines(text, indent=2 * EM)
    assert lines[0].xs[0] == 2 * EM and lines[1].xs[0] == 0.0
    assert_well_set(text, lines, 10 * EM, indent=2 * EM)


def test_justified_slack_is_spread_over_every_gap():
    # the pair rule pulls 十 down, leaving one em to spread over the line's eight gaps
    text = HAN10[:9] + "十，" + HAN10 + "。"
    lines = setlines(text)
    gaps = [b - a - EM for a, b in zip(lines[0].xs, lines[0].xs[1:], strict=False)]
    assert max(gaps) - min(gaps) < 1e-6 and gaps[0] == pytest.approx(EM / 8)
    assert_well_set(text, lines, 10 * EM)


def test_a_mark_ending_a_line_is_set_half_width_before_a_character_is_pulled_down():
    text = HAN10[:9] + "，" + HAN10  # ten em of glyphs on a 9.5 em measure
    lines = setlines(text, width=9.5 * EM)
    assert lines[0].chars == HAN10[:9] + "，" and lines[0].end == pytest.approx(9.5 * EM)
    assert [b - a for a, b in itertools.pairwise(lines[0].xs)] == pytest.approx([EM] * 9)
    assert_well_set(text, lines, 9.5 * EM)


def test_a_comma_in_mid_line_keeps_its_full_width():
    """clreq compresses only adjacent marks and line ends: 一二，三四 never sets ， half width."""
    text = "一二，三四，五六七八。"  # 11 em: the mid-line commas may not give up their blank halves
    lines = setlines(text)
    for line in lines:
        for i, ch in enumerate(line.chars[:-1]):
            if ch == "，":
                assert line.xs[i + 1] - line.xs[i] >= EM - 1e-6, line.chars
    assert len(lines) == 2 and sum(c not in "，。" for c in lines[-1].chars) >= 2
    assert_well_set(text, lines, 10 * EM)


def test_last_line_keeps_at_least_two_characters():
    text = HAN10 * 2 + "一"  # a greedy break would leave 一 alone
    lines = setlines(text)
    assert len(lines[-1].chars) >= 2
    assert_well_set(text, lines, 10 * EM)


@pytest.mark.parametrize("tail", ["系。", "员）", "展”。", "一……"])
def test_one_character_and_its_marks_is_an_orphan_too(tail):
    text = HAN10 * 2 + tail  # greedy: 系。 alone on the last line
    lines = setlines(text)
    assert sum(letters(line.chars) for line in lines[-1:]) >= 2, [ln.chars for ln in lines]
    assert_well_set(text, lines, 10 * EM)


def test_hard_break_keeps_a_headline_split_and_unjustified():
    lines = setlines("以产业融合\n消融长株潭一体化壁垒", width=20 * EM, align="left")
    assert [line.chars for line in lines] == ["以产业融合", "消融长株潭一体化壁垒"]
    assert lines[0].last and lines[0].end == pytest.approx(5 * EM)


def test_center_alignment_centres_each_line():
    (line,) = setlines("理论智库", width=20 * EM, align="center")
    assert line.xs[0] == pytest.approx(8 * EM)


def test_empty_text_gives_no_lines():
    assert setlines("") == []


def test_overlong_word_is_cut_rather_than_looping():
    lines = setlines("A" * 40, width=10 * EM)
    assert "".join(line.chars for line in lines) == "A" * 40


# --- many generated paragraphs --------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(40))
def test_generated_paragraphs_obey_every_rule(seed):
    rng = random.Random(seed)
    width = rng.choice([12, 17, 21, 26, 33]) * EM + rng.choice([0, 3.3, 7.1])
    for _ in range(5):
        text = random_paragraph(rng, hant=seed % 4 == 0)
        lines = setlines(text, width=width, indent=2 * EM)
        assert_well_set(text, lines, width, indent=2 * EM)


TOKENS = st.sampled_from(
    [*list("城市群都圈发展建设经济区域，。、；：！？“”‘’（）《》「」"), "——", "……", "2035", "22%", "69.5", "GDP", "1/7"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=120), st.integers(min_value=8, max_value=30))
def test_any_token_soup_keeps_text_and_line_rules(tokens, ems):
    text = "".join(tokens)
    lines = setlines(text, width=ems * EM)
    assert "".join(line.chars for line in lines) == text
    for line in lines:
        assert line.end <= ems * EM + 1e-6 or len(line.chars) <= 4  # only an unbreakable run may overflow


def _squeezed(lines: list[Line], size: float) -> int:
    """Marks set short of their full em: at a line's end, or (never allowed) in mid-line where
    the pair is not two marks (pair compression)."""
    n = sum(1 for ln in lines if ln.end < ln.xs[-1] + size - 1e-6)
    for ln in lines:
        for a, b, x0, x1 in zip(ln.chars, ln.chars[1:], ln.xs, ln.xs[1:], strict=False):
            if x1 - x0 < size - 1e-6 and not ({a, b} <= CLOSING | OPENING):
                n += 1
    return n


def test_stretch_first_avoids_squeezing_marks_when_the_stretch_is_small():
    text = "推进城市群、都市圈一体化建设，是构建“双循环”新发展格局的重要战略部署。" * 4
    squeezed = typeset(text, 10.0 * 16.7, lambda c: 10.0, size=10.0, indent=20.0)
    assert _squeezed(squeezed, 10.0) > 0  # the greedy fill sets a line-end mark half width to fit more
    relaxed = typeset(text, 10.0 * 16.7, lambda c: 10.0, size=10.0, indent=20.0, stretch_first=0.2)
    assert _squeezed(relaxed, 10.0) == 0
    for ln in relaxed[:-1]:
        assert abs(ln.end - 10.0 * 16.7) < 0.5  # still justified to the edge
    assert "".join(ln.chars for ln in relaxed) == text
