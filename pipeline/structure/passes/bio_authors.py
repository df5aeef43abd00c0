"""Authors an article's bio names where the article has no byline.

A bio in its naming wording (作者简介：李永智，中国教育科学研究院…) says who wrote the article
as plainly as a byline does. Where the OCR lost the byline (a narrow inset box beside the
headline that the engine never read, a byline cut to its surname and glued to its title), the
bio's names are the article's authors, and the editor is told where they came from.
"""

from __future__ import annotations

from ..names import BIO_NAME, named_in_bio
from ..page import PageState
from ..text_forms import join_text


def bio_authors(st: PageState) -> None:
    for span in st.articles:
        if span.byline is not None or not span.bio:
            continue
        names = named_in_bio(join_text([st.lines[i].text for i in span.bio]), st.profile, BIO_NAME)
        if names:
            span.named = names
            st.note("authors-from-bio", st.lines[span.bio[0]].no, names="、".join(names))
