"""Column lines an engine wrote row by row, read back column by column (pipeline/read/interleaved.py)."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from pipeline.read.interleaved import by_columns
from pipeline.read.ocr import read_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_452001692e17eedf.txt"
BENCH = ROOT / "tests" / "fixtures" / "bench"
DEGRADED = ROOT / "tests" / "fixtures" / "pages"


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _body() -> list[str]:
    """The sample's printed column lines (its text, in reading order), spaces and all."""
    return _lines(SAMPLE.read_text(encoding="utf-8"))


def _rows(block: list[str], k: int) -> list[str]:
    """A block of lines set in k columns, then read row by row as a detector sorts its boxes."""
    rows = -(-len(block) // k)
    cols = [block[c * rows : (c + 1) * rows] for c in range(k)]
    return [cols[c][r] for r in range(rows) for c in range(k) if r < len(cols[c])]


def _follows(got: list[str], want: list[str]) -> float:
    """Share of the lines followed by the line that follows them in `want`."""
    nxt = dict(itertools.pairwise(want))
    return sum(nxt.get(a) == b for a, b in itertools.pairwise(got)) / max(1, len(want) - 1)


@pytest.mark.parametrize("k", [2, 3, 4, 5, 6])
@pytest.mark.parametrize("start", [10, 100, 200])
def test_lines_read_row_by_row_are_read_column_by_column(k, start):
    block = _body()[start : start + 12 * k]
    head, bio = ["评论版", "标题一行在此"], "（作者系某大学教授）"
    text, runs = by_columns("\n".join([*head, *_rows(block, k), bio]))
    got = _lines(text)
    assert Counter(got) == Counter([*head, *block, bio])  # nothing lost, nothing doubled
    assert [r.columns for r in runs] == [k]
    assert _follows(got, [*head, *block, bio]) >= 0.85


def test_every_blank_line_shape_is_kept():
    block = _body()[40:88]
    text, runs = by_columns("\n\n".join(_rows(block, 4)))
    assert runs and "\n\n" in text and "\n\n\n" not in text
    assert _follows(_lines(text), block) >= 0.85


@pytest.mark.parametrize(
    "path",
    [SAMPLE, *sorted(BENCH.glob("*.lines.txt")), *sorted(BENCH.glob("*.single.txt")), *sorted(DEGRADED.glob("*.txt"))],
    ids=lambda p: p.name,
)
def test_text_in_reading_order_is_left_alone(path):
    text = path.read_text(encoding="utf-8")
    assert by_columns(text) == (text, [])


def test_a_detectors_own_order_reads_far_better_by_columns():
    """RapidOCR's text in its detection order (the bench's `engine` shape), against the same
    lines put in reading order from their boxes (the `lines` shape)."""
    pairs = sorted(BENCH.glob("*.rapidocr.engine.txt"))
    assert pairs
    for engine in pairs:
        order = _lines((engine.parent / engine.name.replace(".engine.", ".single.")).read_text(encoding="utf-8"))
        raw = engine.read_text(encoding="utf-8")
        text, runs = by_columns(raw)
        assert runs
        assert Counter(_lines(text)) == Counter(_lines(raw))
        assert _follows(_lines(raw), order) < 0.2
        assert _follows(_lines(text), order) >= 0.6, engine.name


def test_the_reader_reads_interleaved_lines_by_column_and_says_so():
    block = [ln.replace(" ", "") for ln in _body()[234:282]]  # one article's body, no heading, ending a sentence
    r = read_bytes("\n".join(["推动城乡融合发展", "■ 张三", *_rows(block, 4), "（作者系湖南大学教授）"]).encode())
    assert any(n["code"] == "lines-by-column" for n in r.doc.stats["notices"])
    [art] = r.doc.articles
    assert (art.title, art.authors, art.bio) == ("推动城乡融合发展", ["张三"], "作者系湖南大学教授")
    got = "".join(b.text for b in art.blocks).replace(" ", "")
    assert Counter(got) == Counter("".join(block))
    assert SequenceMatcher(None, got, "".join(block), autojunk=False).ratio() >= 0.95


def test_columns_that_begin_under_an_inset_headline_are_the_bands_left_ones():
    # an inset headline over the first two columns: the first rows hold only the right two
    # columns' lines; they are those columns' tops, not a band of two columns of their own
    block = _body()[300:348]
    cols = [block[0:10], block[10:20], block[20:34], block[34:48]]
    rows = [
        cols[c][r - 4 if c < 2 else r]
        for r in range(14)
        for c in range(4)
        if 0 <= (r - 4 if c < 2 else r) < len(cols[c])
    ]
    want = ["标题在此处", "■ 张三", *block, "（作者系某大学教授）"]
    text, runs = by_columns("\n".join([*want[:2], *rows, want[-1]]))
    assert [r.columns for r in runs] == [4]
    assert _lines(text) == want


@pytest.mark.parametrize("text", ["", "\n\n\n", "一行", "\n".join(["短行"] * 60)])
def test_empty_short_or_blank_text_is_left_alone(text):
    assert by_columns(text) == (text, [])


@pytest.mark.parametrize("k", [4, 5])
@pytest.mark.parametrize("second", [150, 300])
def test_two_articles_bands_of_as_many_columns_one_under_the_other_are_two_bands(k, second):
    # the rows run on from one article's band to the next one's: the stride does not change,
    # only the reading tells where the first band's columns end
    a, b = _body()[100 : 100 + 10 * k], _body()[second : second + 10 * k]
    text, runs = by_columns("\n".join([*_rows(a, k), "标题二", *_rows(b, k)]))
    got = _lines(text)
    assert [r.columns for r in runs] == [k, k]
    assert Counter(got[: got.index("标题二")]) == Counter(a)
    assert _follows(got, [*a, "标题二", *b]) >= 0.9


def _drifting(block: list[str], k: int, moved: range) -> list[str]:
    """`_rows`, but in the rows `moved` the first column's line comes last (its rows sit a few
    pixels lower than its neighbours': the engine's sort puts it after them)."""
    rows = -(-len(block) // k)
    cols = [block[c * rows : (c + 1) * rows] for c in range(k)]
    out = []
    for r in range(rows):
        row = [cols[c][r] for c in range(k) if r < len(cols[c])]
        out += [*row[1:], row[0]] if r in moved and len(row) == k else row
    return out


@pytest.mark.parametrize("k", [4, 5])
def test_a_column_that_goes_last_in_some_rows_is_read_whole(k):
    block = _body()[150 : 150 + 14 * k]
    text, runs = by_columns("\n".join(["标题一行在此", *_drifting(block, k, range(5, 9)), "（作者系某大学教授）"]))
    assert [r.columns for r in runs] == [k]
    assert _follows(_lines(text), ["标题一行在此", *block, "（作者系某大学教授）"]) >= 0.97


def test_narrow_columns_whose_rows_drift_are_still_found_interleaved():
    # a real page's article in four narrow columns (RapidOCR): rows so uneven that the stride's
    # joins beat the neighbours' by less than on most pages, but far more than text in order does
    case = json.loads((ROOT / "tests" / "fixtures" / "interleaved" / "drifting_rows.json").read_text(encoding="utf-8"))
    want = case["lines"]
    raw = "\n".join(want[i] for i in case["engine"])
    text, runs = by_columns(raw)
    assert runs
    assert Counter(_lines(text)) == Counter(want)
    assert _follows(_lines(raw), want) < 0.1
    assert _follows(_lines(text), want) >= 0.35


@pytest.mark.parametrize(("name", "least"), [("page_33_Ti003", 0.78), ("page_35_Ti002", 0.7)])
def test_a_whole_pages_bands_are_found_though_their_rows_are_reordered(name, least):
    # real pages whose rows the skew reorders in many rows: the bands are fitted with each row's
    # order read too (fitted to the stride alone, they read 0.68 and 0.61 of the lines in order)
    assert _real_page(name) >= least


def _real_page(name: str) -> float:
    """A real page in an engine's own order read by column: every line kept, and the share of
    them followed by the line that follows them in reading order."""
    case = json.loads((ROOT / "tests" / "fixtures" / "interleaved" / f"{name}.json").read_text(encoding="utf-8"))
    want = case["lines"]
    text, runs = by_columns("\n".join(want[i] for i in case["engine"]))
    assert runs
    assert Counter(_lines(text)) == Counter(want)
    return _follows(_lines(text), want)


@pytest.mark.parametrize(
    ("name", "least"),
    [
        # a headline in two lines and a byline beside a band's first three rows, which read as
        # rows of one more column (a six-column run over the top of a five-column band): 0.88
        ("page_0_Ti000", 0.92),
        # an inset headline's five pieces and its byline among a band's first rows, the columns
        # of the band above read on into them: 0.75
        ("page_0_Ti001", 0.85),
        # a three-column band under another, its headline's pieces in its first rows: 0.92
        ("page_1_Ti005", 0.95),
    ],
)
def test_a_headline_set_beside_a_bands_first_rows_starts_the_band(name, least):
    # real RapidOCR pages in the engine's own order (the share each read before in the comment)
    assert _real_page(name) >= least


@pytest.mark.parametrize("start", [150, 200])
def test_a_bands_first_row_with_a_headline_and_a_byline_in_it_is_read_in(start):
    # a headline set beside the columns and a byline sit in the band's first rows: those rows
    # are not whole rows of the stride, but they hold the columns' first lines
    block, k = _body()[start : start + 48], 4
    rows = _rows(block, k)
    head = ["评论版", "2025年3月25日星期二", "打好提振", "消费组合拳", "■ 张三"]
    src = [*head[:3], rows[0], head[3], *rows[1:k], head[4], *rows[k:], "（作者系某大学教授）"]
    text, runs = by_columns("\n".join(src))
    assert [r.columns for r in runs] == [k]
    assert _follows(_lines(text), [*head, *block, "（作者系某大学教授）"]) >= 0.94


def _sample_paragraphs() -> list[str]:
    model = json.loads((ROOT / "tests" / "fixtures" / "sample_model.json").read_text(encoding="utf-8"))
    return [*model["lead"]["paragraphs"], *(b["text"] for a in model["articles"] for b in a["blocks"])]


@pytest.mark.parametrize("size", [24, 30, 40])
def test_text_that_keeps_its_paragraphs_one_a_line_is_never_read_as_rows(size):
    # an e-paper's text or an OCR tool that joins a paragraph's lines: nearly every line ends a
    # sentence, so no break says anything of a stride (chance joins once passed for one)
    paras = _sample_paragraphs()
    for start in range(len(paras) - size):
        text = "\n".join(paras[start : start + size])
        assert by_columns(text) == (text, [])
