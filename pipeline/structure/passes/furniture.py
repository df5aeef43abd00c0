"""Page furniture (the editors' credit line, a date line, a page number): kept, never an article's."""

from __future__ import annotations

from ..page import PageState, Role
from ..signs import furniture_test, page_name
from .context import between_pieces


def furniture(st: PageState) -> None:
    """Claims furniture first: it looks like a byline (编辑 王五) or a headline (第7版)."""
    is_furniture = furniture_test(st.profile)
    for i, ln in enumerate(st.lines):
        if is_furniture(ln.text) and not (page_name(st.profile, ln.text) and between_pieces(st, i)):
            st.claim(i, Role.FURNITURE, "furniture-pattern", "furniture")
            st.note("furniture", ln.no)
