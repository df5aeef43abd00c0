"""The headline pass's deck look-ups on small synthetic pages (whole pages: test_text_cases)."""

from __future__ import annotations

import importlib

from pipeline.structure.page import HeadBlock, PageState, Role, page_shape, read_lines
from pipeline.structure.passes.context import column_widths
from pipeline.structure.profile import load_profile

headlines = importlib.import_module("pipeline.structure.passes.headlines")


def _state(lines: list[str]) -> PageState:
    page = read_lines("\n\n".join(lines))
    st = PageState(page, load_profile(None), page_shape(page))
    st.columns = column_widths(st)
    return st


def test_a_phrase_on_the_page_s_last_line_under_a_headline_is_looked_at_without_a_line_after_it():
    body = ["推进城市群都市圈一体化建设，是构建新发展格局的重要战略部署。"] * 10
    st = _state([*body, "以科技创新引领高质量发展", "推动发展新篇章"])
    h = len(st.lines) - 2
    st.claim(h, Role.HEADLINE, "page-end", "test")
    block = HeadBlock([h], st.lines[h].text, "page-end")
    # the phrase has no line after it: no text it goes on into, and nothing to read as a deck's
    assert headlines._dashless_deck_under(st, block) == (None, None)
