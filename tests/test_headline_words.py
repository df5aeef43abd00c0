"""What a line's words say about it: a headline's recur in the text of its own article."""

from __future__ import annotations

from pipeline.structure.page import PageState, Role, page_shape, read_lines
from pipeline.structure.passes.context import column_widths
from pipeline.structure.passes.headline_words import echoed, heralds
from pipeline.structure.profile import load_profile

BEFORE = ["一年来，各地持续为基层减负，干部轻装上阵，", "放手干事，创造了新业绩。"]
AFTER = [
    "建设试验区是党中央作出的重大战略部署，",
    "要高质量建设国家生态文明试验区，打造绿",
    "色发展高地，让生态红利惠及群众。",
]


def _state(lines: list[str]) -> PageState:
    text = "\n\n".join(lines)
    page = read_lines(text)
    st = PageState(page, load_profile(None), page_shape(page))
    st.columns = column_widths(st)
    return st


def test_a_headline_misread_by_one_character_still_heralds_its_article():
    st = _state([*BEFORE, "高质量建设国家生态文明记验区", *AFTER])
    assert echoed(st, 2) and heralds(st, 2)


def test_a_line_said_before_it_heralds_nothing():
    # the words recur in the text it stands after: a line of that article, not the next one's headline
    st = _state(["要高质量建设国家生态文明试验区，这是", *BEFORE, "高质量建设国家生态文明记验区", *AFTER])
    assert not heralds(st, 3)


def test_the_search_before_stops_at_the_last_bio():
    st = _state(["要高质量建设国家生态文明试验区，这是", *BEFORE, "高质量建设国家生态文明记验区", *AFTER])
    st.claim(1, Role.BIO, "test", "test")
    assert heralds(st, 3)


def test_a_misreading_at_either_end_is_no_echo():
    # one character off at an end is a shorter echo, which the text's common phrases give by chance
    st = _state([*BEFORE, "离质量建设国家生态文明试验区", *AFTER])
    assert not heralds(st, 2)
    st = _state([*BEFORE, "高质量建设国家生态文明试验医", *AFTER])
    assert not heralds(st, 2)


def test_two_misread_characters_are_no_echo():
    st = _state([*BEFORE, "高质量建没国家生态文明记验区", *AFTER])
    assert not heralds(st, 2)
