"""Page furniture (the editors' credit line, a date line, a page number): kept, never an article's."""

from __future__ import annotations

from ..page import PageState, Role
from ..signs import ends_sentence, furniture_test, page_name


def furniture(st: PageState) -> None:
    """Claims furniture first: it looks like a byline (编辑 王五) or a headline (第7版)."""
    is_furniture = furniture_test(st.profile)
    for i, ln in enumerate(st.lines):
        if is_furniture(ln.text) and not (page_name(st.profile, ln.text) and _among_pieces(st, i)):
            st.claim(i, Role.FURNITURE, "furniture-pattern", "furniture")
            st.note("furniture", ln.no)


PIECE_HAN = 4  # Han at most in a narrow box's headline piece


def _among_pieces(st: PageState, i: int) -> bool:
    """Between two lines of a few characters that end no sentence: a narrow box's headline,
    the page's name one of its words ((习近平 / 经济 / 思想指)), not the page's header."""
    if i == 0 or i + 1 >= len(st.lines):
        return False
    return all(_piece(st, j) for j in (i - 1, i + 1))


def _piece(st: PageState, j: int) -> bool:
    ln = st.lines[j]
    return 2 <= ln.han <= PIECE_HAN and not ends_sentence(ln.text) and not furniture_test(st.profile)(ln.text)
