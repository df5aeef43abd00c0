"""The bench's e-paper route: a page's truth set into a PDF and read back by pdftotext -layout."""

from __future__ import annotations

import json

from evaluation import epaper
from pipeline.read.laid_out import laid_out


def test_a_two_column_truth_comes_back_side_by_side(tmp_path):
    left = "区域协调发展是中国式现代化的内在要求"
    right = "随着我国经济从高速增长阶段向高质量发"
    lines = []
    for row in range(8):
        for col, text in enumerate((left, right)):
            x0 = 60 + col * 700
            y0 = 100 + row * 40
            lines.append({"text": text, "box": [x0, y0, x0 + 540, y0 + 28], "size": 28})
    (tmp_path / "truth.json").write_text(json.dumps({"size": [1500, 600], "skew": 0.0, "lines": lines}))
    text = epaper.layout_text(tmp_path)
    rows = [r for r in text.split("\n") if r.strip()]
    assert len(rows) == 8 and all(left in r and right in r for r in rows)
    assert laid_out(text)
    assert (tmp_path / "pdftotext.layout.txt").read_text(encoding="utf-8") == text  # cached


def test_the_justified_epaper_pdf_sets_each_line_to_its_box_and_reads_back(tmp_path):
    """The `epaper · pdf` route's input: each printed line spread (or drawn closer) to its box,
    a headline set large beside two body rows included, read back by the PDF reader's text
    layer line for line, none interleaved with another."""
    import pdfplumber

    from pipeline.read.sources import text_layer_lines

    body = ["区域协调发展是中国式现代化的", "内在要求，随着我国经济发展"]
    lines = [{"text": "以人才", "box": [60, 100, 260, 170], "size": 67}]
    lines += [{"text": t, "box": [300, 100 + 42 * k, 700, 130 + 42 * k], "size": 28} for k, t in enumerate(body)]
    lines += [{"text": "张金阳  邹升平", "box": [760, 100, 960, 130], "size": 29}]
    (tmp_path / "truth.json").write_text(json.dumps({"size": [1000, 400], "skew": 0.0, "lines": lines}))
    pdf = epaper.pdf_file(tmp_path)
    assert pdf == tmp_path / "epaper.pdf"
    with pdfplumber.open(pdf) as doc:
        got = text_layer_lines(doc.pages[0].chars)
    assert sorted(ln.text for ln in got) == sorted(["以人才", *body, "张金阳  邹升平"])
    for ln in got:
        if ln.text in body:  # spread to the box: it ends at the column's edge
            assert abs(ln.box[2] - 700 * epaper.SCALE) < 1.5
