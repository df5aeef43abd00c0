"""Text that keeps the page's layout (pdftotext -layout of an e-paper PDF): put in reading order
from its geometry, then read as OCR text. The fixtures are bench pages set into a PDF and taken
out with poppler's `pdftotext -layout` (evaluation/epaper.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.score import score_page
from pipeline.model import Document
from pipeline.read.laid_out import _close_single_blanks, _gutter, _runs, in_reading_order, laid_out
from pipeline.read.ocr import read_bytes

CASES = Path(__file__).parent / "fixtures" / "laid_out"
SAMPLE = Path(__file__).parent.parent / "seeds" / "000_452001692e17eedf.txt"


def _case(page: str) -> tuple[Document, str, list[str]]:
    d = json.loads((CASES / f"{page}.gold.json").read_text(encoding="utf-8"))
    info = d.pop("page", {})
    text = (CASES / f"{page}.layout.txt").read_text(encoding="utf-8")
    return Document.from_dict(d), text, info.get("furniture", [])


@pytest.mark.parametrize("page", ["Ti001-s9", "Ti003-s9", "Ti005-s72", "Ti005-s13"])
def test_a_laid_out_page_reads_column_by_column(page):
    """Every line of the text runs across the columns; read in order it would weld them. Put in
    reading order, every article is found whole with its headline, byline and bio. (Ti005-s72:
    a headline over the columns alone in its row, 惩治“微腐败”，让老百姓可感可及（评论员观察）,
    stays one line: the gutters under it do not cut it at its marks' white. Ti005-s13: the byline
    in the row under such a headline, ■ 郑新立, stays with it, not at the head of a column.)"""
    gold, text, furniture = _case(page)
    assert laid_out(text)
    r = read_bytes(text.encode("utf-8"), page)
    s = score_page(gold, r.doc, text, furniture, page=page)
    assert all(a.status == "found" and a.title and a.bio for a in s.articles), s.details
    assert s.boundaries.f1 >= 0.85, s.details
    assert s.han_lost == 0, s.details
    assert any(n["code"] == "laid-out-columns" for n in r.doc.stats["notices"])


def test_the_reading_order_keeps_every_character():
    _, text, _ = _case("Ti003-s9")
    ordered = in_reading_order(text)
    assert ordered is not None
    assert sorted(c for c in ordered if not c.isspace()) == sorted(c for c in text if not c.isspace())


def test_ocr_text_is_not_taken_for_laid_out_text():
    """The sample (a line each, words spread by single spaces) and OCR text with a stray wide
    space or two stay on the OCR route."""
    sample = SAMPLE.read_text(encoding="utf-8")
    assert not laid_out(sample)
    lines = sample.split("\n")
    lines[10] += "   （续）"
    lines[20] = "第一节   第二节"
    assert not laid_out("\n".join(lines))


def test_white_inside_one_line_is_no_gutter():
    """A headline's two halves set apart by a wide space over a line of text stay one run; a
    gutter's white runs down through the lines above and below."""
    rows = [
        "多措并举   协同发力",
        "加快建设新型能源体系",
        "",
        "习近平总书记指出：“加快构建清洁      役。中国将破立并举、稳扎稳打",
        "低碳安全高效的能源体系，是我国能源革      新能源可靠替代过程中逐步有序",
        "命的主攻方向。”这一重要论述，为新征      能源，确保经济社会平稳发展。",
    ]
    assert [t for _, t in _runs(rows[0], _gutter(rows, 0))] == ["多措并举   协同发力"]
    assert [t for _, t in _runs(rows[4], _gutter(rows, 4))] == [
        "低碳安全高效的能源体系，是我国能源革",
        "新能源可靠替代过程中逐步有序",
    ]


def test_a_lone_blank_row_closes_and_two_stay():
    """A taller line leaves a blank row the grid made, not the page: it goes; two stay."""
    rows = ["进一步激发      是要求群众去做事", "", "基层干事活力      给群众办事", "", "", "下一篇"]
    assert _close_single_blanks(rows) == [rows[0], rows[2], "", "", "下一篇"]


def test_pages_of_a_laid_out_text_are_ordered_each_on_its_own():
    """pdftotext ends every page with a form feed: each page's columns are cut on their own, so
    two pages' articles come out one page after the other, none welded to the next."""
    _, one, _ = _case("Ti001-s9")
    _, two, _ = _case("Ti003-s9")
    assert one.endswith("\f")
    doc = read_bytes((one + two).encode("utf-8"), "two-pages").doc
    titles = [a.title.replace("\n", "") for a in doc.articles]
    assert len(titles) == 4 and titles[0].startswith("弘扬志愿精神") and titles[2].startswith("建强战斗堡垒")


def test_latin_and_numbers_keep_their_characters_together():
    """The layout rebuilds a piece from its words with a space between two Latin ones; the
    grid's own characters are kept instead (4.02亿, AI幻觉: not 4 . 0 2, A I)."""
    _, text, _ = _case("Ti003-s9")
    assert "4.02" in text and "AI幻觉" in text
    doc = read_bytes(text.encode("utf-8"), "Ti003-s9").doc
    body = "".join(b.text for a in doc.articles for b in a.blocks) + "".join(doc.lead.paragraphs if doc.lead else [])
    assert "4.02亿" in body and "AI幻觉" in body
    assert "4 . 0" not in body and "A I" not in body
