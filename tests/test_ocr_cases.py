"""Real OCR text (Tesseract, RapidOCR) of bench pages, each holding a failure class the structure passes once
got wrong: the reader must find the article the class is about and get its part right (an
article split elsewhere on the page for another reason still has its byline read).

Synthetic pages test each rule's shape; these test that the rule holds on what an engine
really writes (its widths, its misreadings, its stray strokes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.run import read
from evaluation.score import score_page
from pipeline.model import Document

CASES = Path(__file__).parent / "fixtures" / "ocr_cases"

# page -> (gold article, what must be right, why the page is here)
EXPECT = {
    "Ti002-s5": (0, "title", "the lead's two columns read out of order; a short headline after its unfinished line"),
    "Ti007-s1": (0, "title", "stray strokes (、属，尼心，) between a kicker and its headline"),
    "Ti004-s6": (1, "title", "a paragraph's line cut by a labelled headline and its byline (财政补 / … / 贴的)"),
    "Ti001-s6": (0, "title", "byline and headline read inside a sentence of the article's own text"),
    "Ti000-s9": (0, "authors", "three names the OCR ran together (孔庆江范晓波车路遥)"),
    "Ti007-s10": (1, "title", "a kicker read with its headline inside the article's text"),
    "Ti004-s5": (0, "title", "a column label's halves split round a single character (（专题 / 全 / 深思）)"),
    "Ti003-s2": (
        1,
        "title",
        "RapidOCR: a line round a misread ellipsis (理科研资料·这些优秀共) read as a foreign name",
    ),
}


def _case(page: str):
    d = json.loads((CASES / f"{page}.gold.json").read_text(encoding="utf-8"))
    info = d.pop("page")
    [path] = CASES.glob(f"{page}.*.lines.txt")  # the one engine's text the page is kept for
    text = path.read_text(encoding="utf-8")
    return Document.from_dict(d), text, info["furniture"]


def test_every_case_is_on_disk():
    assert {p.name.split(".")[0] for p in CASES.glob("*.txt")} == set(EXPECT)


@pytest.mark.parametrize("page", sorted(EXPECT))
def test_real_ocr_case_stays_fixed(page):
    gold, text, furniture = _case(page)
    doc, err = read(text, page)
    assert not err
    s = score_page(gold, doc, text, furniture, page=page)
    article, part, why = EXPECT[page]
    got = s.articles[article]
    assert part == "authors" or got.status == "found", f"{why}: {s.details}"
    assert getattr(got, part), f"{why}: {s.details}"
