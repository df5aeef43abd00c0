"""Display headlines (render/headline.py): phrase-boundary breaks, balanced lines, and the one
separator every format uses when a multi-line headline is shown on one line."""

from __future__ import annotations

import io
import itertools
import zipfile

import docx
import pytest
from conftest import make_doc
from lxml import etree
from pdf_audit import break_violation
from pypdf import PdfReader

from pipeline.render import docx as docx_writer
from pipeline.render import epub as epub_writer
from pipeline.render import pdf as pdf_writer
from pipeline.render.headline import balance, em_measure, phrases, words
from pipeline.render.shared import HEADLINE_SEPARATOR, RenderOptions, flat_title

EM = em_measure(1.0)
HEADLINES = [
    "以城市更新推进长株潭都市圈内涵式高质量发展",
    "充分发挥法治引领作用加快长株潭营商环境一体化建设",
    "推进城市群都市圈建设的“三个对接”完善城镇化空间布局",
    "惩治“微腐败”，让老百姓可感可及（评论员观察）",
    "坚持以人民为中心的发展思想推动经济社会高质量发展",
    "以高质量人才合作助推长株潭城市群建设为打造全国重要增长极提供支撑",
    "以新质生产力赋能2035年远景目标实现GDP稳步增长",
]


def boundaries(line: str) -> set[int]:
    return set(itertools.accumulate(len(w) for w in words(line)))


def test_never_breaks_inside_a_word():
    text = balance(HEADLINES[0], 18.8, EM, 1.0)
    assert "高质\n量" not in text and text.replace("\n", "") == HEADLINES[0]
    first, second = text.split("\n")
    assert len(first) in boundaries(HEADLINES[0])
    assert abs(len(first) - len(second)) <= 3  # balanced, not 20 + 1


@pytest.mark.parametrize("headline", HEADLINES)
@pytest.mark.parametrize("width", [9.5, 12.0, 15.5, 18.8, 24.0])
def test_breaks_fall_on_word_boundaries_within_the_measure_and_the_line_rules(headline, width):
    text = balance(headline, width, EM, 1.0)
    lines = text.split("\n")
    assert "".join(lines) == headline
    at = boundaries(headline)
    pos = 0
    for a, b in itertools.pairwise(lines):
        pos += len(a)
        assert pos in at, f"break inside a word: {a}|{b}"
        assert break_violation(a, b, False) is None, f"{a}|{b}"
    for line in lines:
        assert sum(EM(c) for c in line) <= width + 1e-6 or len(lines) == 1
    fewest = -(-sum(EM(c) for c in headline) // width)
    assert len(lines) <= fewest + 1  # as few lines as the phrases allow


def test_source_break_is_kept_and_a_fitting_line_is_left_alone():
    assert balance("以产业融合\n消融长株潭一体化壁垒", 18.8, EM, 1.0) == "以产业融合\n消融长株潭一体化壁垒"
    assert balance("理论·智库", 18.8, EM, 1.0) == "理论·智库"


def test_quotes_stay_whole_when_a_break_outside_them_fits():
    text = balance(HEADLINES[2], 18.8, EM, 1.0)
    assert "“三个对接”" in text.split("\n")[0] or "“三个对接”" in text.split("\n")[1]


def test_epub_phrases_cut_only_between_words():
    for h in HEADLINES:
        cuts = list(itertools.accumulate(len(p) for p in phrases(h)))[:-1]
        assert set(cuts) <= boundaries(h) and "".join(phrases(h)) == h


# --- one separator in every format ------------------------------------------------------------

OPTS = RenderOptions(epoch=1_764_000_000)


@pytest.fixture(scope="module")
def rendered(style):
    doc = make_doc(n_articles=2, paras=16)  # long enough for running heads on odd pages
    return doc, {
        m: w.render(doc, style, OPTS) for m, w in (("pdf", pdf_writer), ("docx", docx_writer), ("epub", epub_writer))
    }


def test_a_two_line_headline_on_one_line_uses_the_same_separator_everywhere(rendered):
    doc, out = rendered
    assert HEADLINE_SEPARATOR == "\u3000"
    want = [a.title.replace("\n", "\u3000") for a in doc.articles]
    assert [flat_title(a.title) for a in doc.articles] == want
    # PDF: bookmarks, the contents page, running heads
    reader = PdfReader(io.BytesIO(out["pdf"]))
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    pages = [p.extract_text().replace(" ", "") for p in reader.pages]  # the quarter-em gap reads as " "
    for w in want:
        assert w in outline
        assert any(w in t for t in pages[:3]), "contents"
        assert sum(w in t for t in pages[3:]) >= 2, "running heads"
    # DOCX: the contents field's entries and the running head's cached title
    wd = docx.Document(io.BytesIO(out["docx"]))
    toc = [p.text for p in wd.paragraphs if p.style.name == "toc 1"]
    heads = [s.header.paragraphs[0].text for s in wd.sections]
    for w in want:
        assert any(t.startswith(w) for t in toc) and w in heads
    # EPUB: nav, NCX, each page's <title>
    with zipfile.ZipFile(io.BytesIO(out["epub"])) as z:
        nav = "".join(etree.fromstring(z.read("EPUB/nav.xhtml")).itertext())
        ncx = "".join(etree.fromstring(z.read("EPUB/toc.ncx")).itertext())
        titles = [etree.fromstring(z.read(f"EPUB/art00{i}.xhtml")).findtext("{*}head/{*}title") for i in (1, 2)]
    for w in want:
        assert w in nav and w in ncx
    assert titles == want
