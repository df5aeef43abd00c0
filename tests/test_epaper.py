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
