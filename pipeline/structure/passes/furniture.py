"""Page furniture (the editors' credit line, a date line, a page number, a photo's caption and
credit): kept, never an article's."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..page import PageState, Role
from ..profile import FurnitureRules, any_of, words_of
from ..signs import furniture_test, page_name
from .context import between_pieces


def furniture(st: PageState) -> None:
    """Claims furniture first: it looks like a byline (编辑 王五) or a headline (第7版)."""
    is_furniture = furniture_test(st.profile)
    for i, ln in enumerate(st.lines):
        if is_furniture(ln.text) and not (page_name(st.profile, ln.text) and between_pieces(st, i)):
            st.claim(i, Role.FURNITURE, "furniture-pattern", "furniture")
            st.note("furniture", ln.no)
    _captions(st)


CAPTION_LINES = 4  # lines of a caption over its credit, at most
CREDIT_CHARS = 40  # characters of a credit line (or a caption line ending on its credit), at most


def _captions(st: PageState) -> None:
    """A photo's credit (新华社记者 张三摄) and its caption over it (图为…), set inside an
    article's columns: set apart, so the paragraphs around them join again. A caption line is
    one only over a credit, or ending on one (图为… / …（张三摄）): a column line may open 图为."""
    rules = st.profile.furniture
    first_look, credit = _credits(rules)
    claims = st.claims
    for i, ln in enumerate(st.lines):
        if len(ln.text) > CREDIT_CHARS or first_look(ln.text) is None or i in claims:
            continue  # (nearly every line: no credit's word, no caption's)
        t = ln.text.strip()
        top = next((k for k in range(i, max(-1, i - CAPTION_LINES - 1), -1) if _opens_caption(st, k)), None)
        # a credit line, or a caption's line ending on its credit (…游览。（张波摄）) under the
        # line that opens the caption (图为…), or that line itself
        if credit(t) is None and not (top is not None and rules.caption_credit.search(t)):
            continue
        top = i if top is None else top
        for j in range(top, i + 1):
            if st.free(j):
                st.claim(j, Role.FURNITURE, "photo-caption" if j < i else "photo-credit", "furniture")
                st.note("furniture", st.lines[j].no)


@cache
def _credits(rules: FurnitureRules) -> tuple[Callable[[str], re.Match | None], Callable[[str], re.Match | None]]:
    """A first look for the words of a credit or a caption (the pass asks every line; nearly
    none holds one), and the profile's photo credits as one search."""
    return words_of((*rules.credit_words, *rules.caption_openers)).search, any_of(rules.photo_credits).search


def _opens_caption(st: PageState, k: int) -> bool:
    return st.free(k) and st.lines[k].text.strip().startswith(st.profile.furniture.caption_openers)
