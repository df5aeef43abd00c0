"""Rows an OCR engine ran across the columns, read back column by column (pipeline/read/rows.py)."""

from __future__ import annotations

from pipeline.read.ocr import read_bytes
from pipeline.read.rows import deinterleave

COLS = [
    ["少年儿童是祖国的", "未来，是中华民族的", "希望。思想政治教育", "是引领少年儿童筑牢", "理想信念的重要途径。"],
    ["活学习中积极践行。", "知是行之始，记住要", "求是对知的基础要求", "只有教育引导少年儿", "童把价值观熟记熟背"],
    ["将社会主义核心价值", "观的种子从初步感知", "转化为自觉行动。记", "住要求强调将理论层", "面的规范内化于心。"],
]


def _rows(sep: str = "|") -> list[str]:
    return [sep.join(col[r] for col in COLS) for r in range(len(COLS[0]))]


def test_rows_with_bars_are_read_column_by_column():
    text, runs = deinterleave("\n".join(["标题在此", *_rows(), "（作者系某大学教授）"]))
    assert text.split("\n") == ["标题在此", *[ln for col in COLS for ln in col], "（作者系某大学教授）"]
    assert [(r.line, r.rows, r.columns, r.bars) for r in runs] == [(2, 5, 3, 10)]


def test_a_row_whose_bar_the_engine_missed_is_cut_where_its_columns_meet():
    rows = _rows()
    rows[2] = rows[2].replace("|", "", 1)  # the first bar of the third row lost
    text, _ = deinterleave("\n\n".join(rows))
    got = [ln for ln in text.split("\n") if ln]
    assert got == [ln for col in COLS for ln in col]


def test_rows_most_of_which_lost_a_bar_keep_every_column():
    # the engine missed one bar in six rows of ten: the most pieces a fair share of the rows
    # holds is the column count, not the count most rows have
    cols = [col + col[::-1] for col in COLS]
    rows = ["|".join(col[r] for col in cols) for r in range(10)]
    for r in range(0, 10, 2):
        rows[r] = rows[r].replace("|", "", 1)
    rows[1] = rows[1].replace("|", "", 1)
    text, runs = deinterleave("\n\n".join(rows))
    assert [r.columns for r in runs] == [3]
    got, want = [ln for ln in text.split("\n") if ln], [ln for col in cols for ln in col]
    # column by column, every character kept; a cut where a bar was lost may miss by one
    assert len(got) == len(want)
    assert sorted("".join(got)) == sorted("".join(want))
    assert all(abs(len(a) - len(b)) <= 1 for a, b in zip(got, want, strict=True))
    assert sum(a == b for a, b in zip(got, want, strict=True)) >= 0.6 * len(want)


def test_text_without_rows_across_columns_is_left_alone():
    text = "\n\n".join(["一行文字|其中一条竖线", *COLS[0], "另一行"])
    assert deinterleave(text) == (text, [])


def test_the_reader_reads_rows_by_column_and_says_so():
    body = "\n\n".join(["■ 张三", *_rows(), "（作者系湖南大学教授）"])
    r = read_bytes(body.encode())
    [art] = r.doc.articles
    assert "".join(b.text for b in art.blocks) == "".join(ln for col in COLS for ln in col)
    assert any(n["code"] == "rows-by-column" for n in r.doc.stats["notices"])


def test_a_missed_bar_after_a_paragraphs_short_last_line_leaves_the_next_column_whole():
    # column one's paragraph ends on a short line; the engine missed the bar after it, so the row
    # reads 具体行动。之成，从小做起是: cut at the column's width, the next column's line would
    # lose its head to the paragraph's end
    cols = [list(c) for c in COLS]
    cols[0][2] = "希望。"
    rows = _rows()
    rows = ["|".join(col[r] for col in cols) for r in range(len(cols[0]))]
    rows[2] = rows[2].replace("|", "", 1)
    text, _ = deinterleave("\n\n".join(rows))
    got = [ln for ln in text.split("\n") if ln]
    assert got == [ln for col in cols for ln in col]
