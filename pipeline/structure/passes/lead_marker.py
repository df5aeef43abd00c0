"""The lead note's marker (导读, 编者按…): on a line of its own, or opening its first line."""

from __future__ import annotations

from dataclasses import replace

from ..page import PageState, Role
from ..signs import bio_opening, ends_with_mark, inline_lead, lead_marker


def lead_marker_pass(st: PageState) -> None:
    """Claims the first marker line. "编者按：近日……" is split in two lines with the same
    source number: the marker (the lead's heading) and the rest (the lead's first text)."""
    for i, ln in enumerate(st.lines):
        if not st.free(i):
            continue
        if lead_marker(ln.text, st.profile):
            st.lead_marker = i
            st.lead_heading = ln.text.strip("【】[]〔〕：: ")
            st.claim(i, Role.LEAD_MARKER, "marker-line", "lead_marker")
            return
        m = inline_lead(st.profile).match(ln.text)
        if m and _opens_note(st, i):
            head = replace(
                ln, text=m.group(1), raw=m.group(1), joined=False, width=-1.0, han=-1, measured=-1.0, marks=-1
            )
            # The rest keeps the printed line's width: the marker fills part of that line, so
            # the lead's first line is no shorter than its column (no paragraph ends there).
            rest = replace(
                ln, text=ln.text[m.end() :], width=ln.width, raw=ln.text[m.end() :], han=-1, measured=-1.0, marks=-1
            )
            st.lines[i : i + 1] = [head, rest]
            if st.columns:
                st.columns[i:i] = [st.columns[i]]
            # Claims made so far (furniture) shift with the lines after i.
            st.claims = {(k + 1 if k > i else k): c for k, c in st.claims.items()}
            st.shaped.clear()
            st.lead_marker = i
            st.lead_heading = m.group(1)
            st.claim(i, Role.LEAD_MARKER, "inline-marker", "lead_marker")
            return


def _opens_note(st: PageState, i: int) -> bool:
    """An inline marker opens the page's first lines, or (the OCR read the lead last) a line
    after a finished paragraph or a bio: never a line inside a sentence."""
    if i < 8:
        return True
    before = [k for k in range(i - 1, -1, -1) if st.role(k) != Role.FURNITURE][:3]
    if not before or ends_with_mark(st.lines[before[0]].text):
        return True
    return any(bio_opening(st.lines[k].text, st.profile)[0] for k in before)
