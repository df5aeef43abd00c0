"""Layout rules of the geometric reader (pipeline/read/layout.py) on small made-up pages:
each builds only the boxes a rule reads, with the body of a few columns around them."""

from __future__ import annotations

from pipeline.read.layout import BoxLine, layout

BODY = 30.0  # body type: 30 units a character, lines 30 high on a 42 pitch


def _line(text: str, x: float, y: float, size: float = BODY, height: float | None = None) -> BoxLine:
    """A line of `text` set at `size` a character from x; its box `height` tall (an engine's
    box round quotes set high is taller than the glyphs)."""
    h = height or size
    return BoxLine(text, (x, y, x + size * len(text), y + h), 0.95)


def _columns(top: float, rows: int = 12, xs: tuple[float, ...] = (100, 500, 900, 1300)) -> list[BoxLine]:
    """Body columns of twelve characters a line under a headline."""
    out = []
    for c, x in enumerate(xs):
        for r in range(rows):
            out.append(_line(f"第{c}栏正文第{r:02d}行内容文字", x, top + 42 * r))
    return out


def _first(placed) -> str:
    return placed[0].line.text


def test_a_headline_set_as_two_lines_on_one_row_is_one_headline():
    # RapidOCR's pieces of "党性修养不是“一阵子” 而是“一辈子”（思想纵横）": the quotes boxed apart
    # (the opening one read as 66, small, at the top of the row), the two headline lines a wide
    # space (1.7 of their height) apart: all one display line, quotes where they stand.
    big = 64.0
    y = 100.0
    pieces = [
        _line("党性修养不是", 100, y, big),
        BoxLine("66", (100 + 6 * big + 36, y + 4, 100 + 6 * big + 60, y + 27), 0.9),
        _line("一阵子", 100 + 6 * big + 50, y, big),
    ]
    second = 100 + 9.5 * big + 1.7 * big
    pieces += [
        _line("而是", second, y, big),
        BoxLine("“", (second + 2 * big + 16, y + 4, second + 2 * big + 60, y + 40), 0.9),
        _line("一辈子（思想纵横）", second + 2 * big + 56, y, big),
    ]
    placed, _ = layout(pieces + _columns(y + 120))
    assert _first(placed) == "党性修养不是“一阵子而是“一辈子（思想纵横）"
    assert not any(p.line.text in ("66", "“") for p in placed)


def test_headline_pieces_whose_boxes_differ_in_height_round_quotes_are_joined():
    # Tesseract's pieces of one headline row: the piece with quotes has a box a third taller
    # (and one a third shorter) than the glyphs; by the characters' pitch they are one size.
    big = 64.0
    y = 100.0
    pieces = [
        _line("党性修养不是", 100, y, big, height=84),
        _line("“一阵子”", 100 + 6 * big + 36, y + 4, big * 0.9, height=57),
        _line("而是“一辈子”", 100 + 11 * big, y - 26, big, height=106),
        _line("（思想纵横）", 100 + 17 * big + 60, y + 4, big, height=59),
    ]
    placed, _ = layout(pieces + _columns(y + 140))
    assert _first(placed) == "党性修养不是“一阵子”而是“一辈子”（思想纵横）"


BODY_TEXT = (
    "不久前国家能源局公布最新数据显示今年前三季度全社会用电量累计同比增长百分之四点六"
    "其中充换电服务业用电量增长较快从用电增势看发展趋势既能找到经济活跃因子也能看到新的增长引擎"
    "传统产业转型升级新兴产业成长壮大未来产业加速孕育用电数据犹如一张体检表全面清晰地呈现中国经济"
    "结构向优动能向新的健康体征将观察的时间轴再拉长一点从无电人口到十四亿多人用电自由再到深圳成为"
    "全球首个超充站数量超过加"
)


def test_a_column_last_line_that_reads_like_names_runs_on_into_the_next_column():
    # The last line of a column, "油站的城市·这既是一个", reads like two names set apart by a
    # middle dot; it fills its column under a body line of it, and the next column's first line
    # carries its sentence on: a running line, not a second byline opening a new article.
    from pipeline.read import geometric
    from pipeline.read.sources import PageSource

    lines = [_line("从用电量看中国发展向新性稳定性普惠性", 100, 100, 56.0), _line("本报评论部", 1100, 170)]
    per = 12
    rows = [BODY_TEXT[k : k + per] for k in range(0, len(BODY_TEXT), per)]
    col1 = [*rows[:14], "油站的城市·这既是一个"]
    col2 = ["国家工业化电气化信息化的", "发展历程也是一个民族向新", "而行乘绿腾飞的时代见证。"]
    for r, text in enumerate(col1):  # justified: every line as wide as the column
        lines.append(BoxLine(text, (100, 240 + 42 * r, 100 + per * BODY, 270 + 42 * r), 0.95))
    for r, text in enumerate(col2):
        lines.append(_line(text, 500, 240 + 42 * r))
    doc = geometric.read_page(PageSource(lines, (1400.0, 1000.0), None, "rapidocr"), "p").doc
    assert [a.authors for a in doc.articles] == [["本报评论部"]]
    assert "油站的城市·这既是一个国家工业化" in doc.articles[0].blocks[-1].text


def test_a_byline_running_past_its_column_under_the_headline_is_no_column_line():
    # "中国音乐家协会副主席张千一" under the headline, flush left and read into the first
    # column, is wider than that column (it runs 3 em past its right edge): set across the
    # column, a byline, however full it looks against the column's edge.
    from pipeline.read import geometric
    from pipeline.read.sources import PageSource

    per = 10
    lines = [_line("音符跃动谱写动人篇章", 100, 100, 60.0), _line("中国音乐家协会副主席张千一", 100, 180)]
    rows = [BODY_TEXT[k : k + per] for k in range(0, len(BODY_TEXT), per)]
    for c in range(3):
        for r, text in enumerate(rows[c * 10 : c * 10 + 10]):
            lines.append(_line(text, 100 + 360 * c, 240 + 42 * r))
    doc = geometric.read_page(PageSource(lines, (1400.0, 1000.0), None, "rapidocr"), "p").doc
    assert [a.authors for a in doc.articles] == [["张千一"]]


def test_a_display_line_with_a_misread_bracket_is_still_a_headline():
    # Tesseract read the headline's （ as 《, lost its ） and the byline under it: the text alone
    # says a book title is left open (a line continuing another); set at twice the body's size,
    # over the columns, it continues nothing.
    from pipeline.read import geometric
    from pipeline.read.sources import PageSource

    per = 12
    title = "惩治“微腐败，让老百姓可感可及《评论员观察"
    lines = [_line(title, 100, 100, 52.0)]
    rows = [BODY_TEXT[k : k + per] for k in range(0, len(BODY_TEXT), per)]
    for c in range(3):
        for r, text in enumerate(rows[c * 6 : c * 6 + 6]):
            lines.append(_line(text, 100 + 400 * c + (60 if r == 0 and c == 0 else 0), 200 + 42 * r))
    lines.append(_line("（作者系某大学教授）", 900, 200 + 42 * 6))
    doc = geometric.read_page(PageSource(lines, (1400.0, 1000.0), None, "tesseract"), "p").doc
    assert [a.title for a in doc.articles] == [title]


def test_a_display_headline_opening_a_band_after_finished_text_starts_an_article():
    # The first article ends without a bio; the second's byline was misread (谨晓芬 for 虞晓芬,
    # no surname): no anchor cuts the page, but the second headline, set large across a band
    # of its own under the first article's last finished sentence, opens the second article.
    from pipeline.read import geometric
    from pipeline.read.sources import PageSource

    per = 12
    rows = [BODY_TEXT[k : k + per] for k in range(0, len(BODY_TEXT), per)]
    lines = [_line("科学客观看待我国当前经济发展态势", 100, 100, 52.0), _line("钟才文", 600, 170)]
    for c in range(3):
        for r, text in enumerate(rows[c * 4 : c * 4 + 4]):
            lines.append(_line(text, 100 + 400 * c + (60 if r == 0 and c == 0 else 0), 230 + 42 * r))
    lines.append(_line("确保经济航船行稳致远。", 900, 230 + 42 * 4))
    second = "建设安全舒适绿色智慧的好房子"
    lines += [_line(second, 300, 520, 56.0), _line("谨晓芬", 600, 590)]
    for c in range(3):
        for r, text in enumerate(rows[c * 4 : c * 4 + 4]):
            lines.append(_line(text, 100 + 400 * c + (60 if r == 0 and c == 0 else 0), 650 + 42 * r))
    lines.append(_line("（作者系某大学教授）", 900, 650 + 42 * 4))
    doc = geometric.read_page(PageSource(lines, (1400.0, 1000.0), None, "tesseract"), "p").doc
    assert [a.title for a in doc.articles] == ["科学客观看待我国当前经济发展态势", second]


def test_a_column_narrowed_round_a_picture_is_measured_against_its_own_edge():
    # Sixteen-character lines, then six narrowed to ten round a picture; the second narrowed
    # line ends its sentence two-thirds of an em short (its 。 is narrow). It is no short
    # paragraph end against the full column's edge, nor does it end the narrowed stretch: the
    # narrowed lines' own edge holds for all six.
    full = [f"整栏文字第{n}行的内容写得满满当当" for n in "一二三四五六七八"]
    narrow = [
        "力量创造美好生活实践",
        "现奋斗目标的生动实践。",
        "今年五四青年节到来之",
        "习近平总书记在给谢依",
        "小学戍边支教西部计划",
        "愿者服务队队员的回信",
    ]
    lines = [_line(t, 100, 100 + 42 * r) for r, t in enumerate(full[:4])]
    for r, t in enumerate(narrow):
        right = 100 + 10 * BODY - (20 if t.endswith("。") else 0)
        lines.append(BoxLine(t, (100, 268 + 42 * r, right, 298 + 42 * r), 0.95))
    lines += [_line(t, 100, 520 + 42 * r) for r, t in enumerate(full[4:])]
    lines += [_line(t.replace("整", "右"), 700, 100 + 42 * r) for r, t in enumerate(full + full[:6])]
    placed, _ = layout(lines)
    short = {p.line.text: p.geo.short for p in placed}
    assert all(short[t] < 1.0 for t in narrow), short


def test_a_last_column_running_up_beside_the_headline_is_read_after_the_columns_under_it():
    # The headline spans the first three columns; the fourth runs up to the headline's row,
    # its first lines beside it. The white row under the byline (set a little large) is no cut
    # across the page: those lines are the fourth column's, read after the third.
    lines = [_line("惩治微腐败让老百姓可感可及", 100, 100, 64.0), BoxLine("常晋", (100, 176, 176, 214), 0.95)]
    for c in range(3):
        lines += [_line(f"第{c}栏正文第{r:02d}行内容", 100 + 400 * c, 250 + 42 * r) for r in range(10)]
    lines += [_line(f"末栏正文第{r:02d}行内容文", 1300, 100 + 42 * r) for r in range(14)]
    placed, _ = layout(lines)
    texts = [p.line.text for p in placed]
    assert texts.index("第2栏正文第09行内容") + 1 == texts.index("末栏正文第00行内容文")
    assert texts.index("常晋") + 1 == texts.index("第0栏正文第00行内容")


def test_a_paragraph_whose_last_line_lost_its_mark_ends_before_an_indented_first_line():
    # The OCR dropped the 。 ending a paragraph's last (full) line; the next line of the same
    # column is set in 2 em and the one after it is flush: a new paragraph all the same.
    from pipeline.read import geometric
    from pipeline.read.sources import PageSource

    per = 12
    rows = [BODY_TEXT[k : k + per] for k in range(0, 8 * per, per)]
    col = [rows[0][2:], *rows[1:4], "实时画面传输稳定气温", *rows[4:8]]
    lines = [_line("加快建设中医药强省", 100, 100, 56.0), _line("文/张三", 100, 170)]
    for c in range(2):
        for r, text in enumerate(col):
            indent = 2 * BODY if text in (col[0], col[4]) else 0
            x = 100 + 420 * c + indent
            lines.append(BoxLine(text, (x, 230 + 42 * r, 100 + 420 * c + per * BODY, 260 + 42 * r), 0.95))
    lines.append(_line("（作者系某大学教授）", 520, 230 + 42 * 9))
    doc = geometric.read_page(PageSource(lines, (1400.0, 1000.0), None, "rapidocr"), "p").doc
    paras = [b.text for b in doc.articles[0].blocks]
    assert sum(p.startswith("实时画面传输稳定气温") for p in paras) == 2, paras


def test_a_ghost_read_inside_a_headline_glyph_does_not_cut_the_headline_in_two():
    # A headline set in a narrow column of its own, left of the body, four lines of 60-unit
    # type; Tesseract read the lower half of the second line's first glyph again as a small
    # 顺. It is no line between the headline's lines (it would end the headline there and
    # start a second article): it is set aside, and the editor told.
    from pipeline.read import geometric
    from pipeline.read.sources import PageSource

    heads = ["让中医", "药产业更", "好补短", "板惠民生"]
    lines = [_line(t, 100, 100 + 84 * r, 60.0) for r, t in enumerate(heads)]
    lines.append(BoxLine("顺", (102, 232, 127, 243), 0.5))
    lines.append(_line("杨彦帆", 560, 100))
    per = 10
    rows = [BODY_TEXT[k : k + per] for k in range(0, len(BODY_TEXT), per)]
    for c in range(3):
        for r, text in enumerate(rows[c * 10 : c * 10 + 10]):
            lines.append(_line(text, 500 + 360 * c, 150 + 42 * r))
    reading = geometric.read_page(PageSource(lines, (1700.0, 1000.0), None, "tesseract"), "p")
    assert [a.title.replace("\n", "") for a in reading.doc.articles] == ["".join(heads)]
    notices = reading.doc.stats["notices"]
    assert any(n["code"] == "ghost-dropped" and n["detail"]["text"] == "顺" for n in notices)


def test_a_quote_boxed_tall_at_a_paragraph_end_is_no_headline_for_a_byline_to_follow():
    # The byline stands at the right end under the headline, over the article's last column
    # (the previous article's last column runs up beside the headline). A column before it
    # ends a paragraph with 力。” whose box the engine drew round the high quote,
    # tall as display type: no headline, so the byline still goes right after the real one.
    lines = [_line("从用电量看中国发展向新性", 100, 100, 50.0), _line("本报评论部", 1300, 170)]
    for c in range(4):
        lines += [_line(f"第{c}栏正文第{r:02d}行内容", 100 + 400 * c, 250 + 42 * r) for r in range(10)]
    lines.append(BoxLine("力。”", (100, 250 + 42 * 10, 200, 250 + 42 * 10 + 42), 0.95))
    lines += [_line(f"前文末栏第{r:02d}行内容", 1700, 100 + 42 * r) for r in range(14)]  # runs up beside
    placed, _ = layout(lines)
    texts = [p.line.text for p in placed]
    assert texts.index("本报评论部") == texts.index("从用电量看中国发展向新性") + 1


def test_white_two_lines_high_between_bands_on_one_grid_ends_the_upper_band():
    # Two article bands share the page's column grid, so a gutter runs from the top band into
    # the bottom one. The lower article opens with a kicker at body size and its headline
    # inset lower down: no large type near the white row between the bands. White two lines
    # high across every column still ends the upper band: its last column is read before
    # the lower article begins.
    lines = [_line("惩治微腐败让老百姓可感可及", 100, 100, 64.0), BoxLine("常晋", (100, 176, 176, 214), 0.95)]
    for c in range(3):
        lines += [_line(f"第{c}栏正文第{r:02d}行内容", 100 + 400 * c, 250 + 42 * r) for r in range(10)]
    lines += [_line(f"末栏正文第{r:02d}行内容文", 1300, 100 + 42 * r) for r in range(14)]
    top_end = 100 + 42 * 13 + 30
    kick = top_end + 3 * 42
    lines += [_line("加强内容体系建设", 100, kick), _line("创新形式载体手段", 100, kick + 42)]
    lines += [_line("持续深入", 100, kick + 100, 64.0), _line("加强教育", 100, kick + 180, 64.0)]
    lines += [_line(f"下栏{c}正文第{r:02d}行内容", 100 + 400 * c, kick + 42 * r) for c in (1, 2, 3) for r in range(12)]
    placed, _ = layout(lines)
    texts = [p.line.text for p in placed]
    assert texts.index("末栏正文第13行内容文") < texts.index("加强内容体系建设")
    assert texts.index("第2栏正文第09行内容") < texts.index("末栏正文第00行内容文")
    assert texts.index("加强内容体系建设") < texts.index("下栏1正文第00行内容")


def test_a_deck_under_a_headline_is_read_before_a_column_that_starts_left_of_it():
    # A headline centred over the last three of four columns, a deck (body size, wider than
    # any column) under it, the byline at the right: the white under the headline comes
    # first, but the cut goes under the deck, or the first column (left of the deck) would
    # be read before the deck.
    lines = [_line("坚定信心进一步打牢根基", 500, 100, 64.0)]
    lines.append(_line("——论学习贯彻总书记在加强基础研究座谈会上的重要讲话精神", 540, 172))
    lines.append(_line("本报评论员", 1400, 212))
    lines += _columns(262)  # closer than a line: no section break
    placed, _ = layout(lines)
    texts = [p.line.text for p in placed]
    deck = next(t for t in texts if t.startswith("——"))
    assert texts.index(deck) <= 2  # after the headline (and its byline)
    assert texts.index(deck) < texts.index("第0栏正文第00行内容文字")


def test_a_column_running_up_beside_a_kicker_is_not_cut_off_with_the_kicker():
    # The kicker's first line is set a little large; the last column runs up to its row, its
    # first line (as long as any column line) beside it. That one line is no byline beside a
    # headline: the cut under the kicker would read it before the headline and the columns.
    xs = (100, 530, 960, 1390)
    lines = [_line("弘扬志愿精神", 100, 100, 38.0), _line("贡献青春力量", 100, 150, 32.0)]
    lines += [_line("将志愿服务教育融入思政课", 100, 200, 64.0), _line("李智水", 100, 276)]
    for c in range(3):
        lines += [_line(f"第{c}栏正文第{r:02d}行内容", xs[c], 356 + 42 * r) for r in range(10)]
    lines += [_line(f"末栏正文第{r:02d}行内容文字", xs[3], 104 + 42 * r) for r in range(16)]  # on the grid
    placed, _ = layout(lines)
    texts = [p.line.text for p in placed]
    assert texts.index("第2栏正文第09行内容") + 1 == texts.index("末栏正文第00行内容文字")
    assert texts[:4] == ["弘扬志愿精神", "贡献青春力量", "将志愿服务教育融入思政课", "李智水"]


def _worded(text: str, x: float, y: float, size: float = BODY, box_height: float | None = None) -> BoxLine:
    """A line whose words an engine boxed one character each (as Tesseract's TSV gives them);
    the line's box `box_height` tall (a comma boxed tall stretches it), its characters not."""
    words = [(c, (x + size * k, y, x + size * (k + 1), y + size)) for k, c in enumerate(text)]
    return BoxLine(text, (x, y, x + size * len(text), y + (box_height or size)), 0.9, words)


def test_body_lines_are_measured_by_their_characters_where_words_are_boxed():
    # Tesseract's line boxes grow round a comma or quote boxed tall, so the body's line height
    # is more than its characters': a headline's characters, twice the body's, measured by their
    # own height against the body's characters, stand at their size, and a line whose box a
    # bullet read as 、 above one character of a name stretched measures as body type.
    headline = [_worded(t, 100, 100 + 70 * k, 60.0) for k, t in enumerate(("高质量", "建设国家"))]
    bullet = BoxLine("、昌", (160, 250, 220, 310), 0.9, [("、", (160, 250, 172, 262)), ("昌", (190, 280, 220, 310))])
    text = BODY_TEXT * 3
    rows = [text[k : k + 12] for k in range(0, 36 * 12, 12)]
    body = [_worded(rows[12 * c + r], 400 + 420 * c, 100 + 42 * r, box_height=40) for c in range(3) for r in range(12)]
    placed, _ = layout([*headline, bullet, *body])
    size = {p.line.text: p.geo.size for p in placed}
    assert size["高质量"] >= 1.9 and size["建设国家"] >= 1.9
    assert size["、昌"] < 1.15
    assert all(0.9 <= size[ln.text] <= 1.1 for ln in body)


def test_a_row_of_words_boxed_tall_at_the_bodys_pitch_is_no_headline_closing_the_gutter():
    # Tesseract ran rows across two columns; in some rows it boxed most words as tall as a
    # headline's (a comma or quote beside them), but their characters stand at the body's
    # pitch: body words, cut at the gutter like the rest, not a display line kept whole.
    text = BODY_TEXT * 3
    lines = []
    for r in range(24):
        tall = r % 6 == 3
        words = []
        for c, x0 in enumerate((100, 520)):
            row = text[(c * 24 + r) * 12 : (c * 24 + r) * 12 + 12]
            for k in range(0, 12, 2):
                y0 = 100 + 42 * r - (6 if tall else 0)
                words.append((row[k : k + 2], (x0 + 30 * k, y0, x0 + 30 * k + 58, y0 + (42 if tall else 30))))
        box = (100.0, min(b[1] for _, b in words), 880.0, max(b[3] for _, b in words))
        lines.append(BoxLine("".join(w for w, _ in words), box, 0.9, words))
    placed, _ = layout(lines)
    read = "".join(p.line.text for p in placed)
    assert read == text[: 48 * 12]


def test_tall_boxed_body_words_either_side_of_a_gutter_read_as_a_mark_are_no_display_run():
    # Tesseract read a row across two columns and the gutter as ”: 的 before it and 重 after it
    # boxed tall (the mark beside them); across the gutter they stand two body ems apart, but
    # counting the mark's room they are at the body's pitch. An inset headline's words read into
    # the same line are a display run.
    from pipeline.read.words import display_runs

    em = 25.0
    body = [(c, (400 + 25 * k, 100, 423 + 25 * k, 128)) for k, c in enumerate("发展理念的")]
    across = [("重", (530, 94, 554, 135)), ("”", (556, 100, 566, 110)), ("的", (580, 94, 604, 135))]
    more = [(c, (630 + 25 * k, 100, 653 + 25 * k, 128)) for k, c in enumerate("实践探索")]
    assert display_runs(body + across + more, em) == []
    inset = [("高", (90, 90, 166, 142)), ("质量", (170, 90, 250, 142))]
    assert display_runs(inset + body, em) == [0, 1]


def test_a_headline_piece_of_two_words_is_measured_by_the_taller():
    # 是“一 of an inset headline read as 是6: the digit stands shorter than a Han character, and
    # the median of two words would halve the headline's size between its other pieces
    from pipeline.read.boxes import inked_height

    piece = BoxLine("是6", (85, 511, 189, 581), 0.8, [("是", (85, 511, 155, 581)), ("6", (160, 530, 189, 570))])
    assert inked_height(piece) == 70
    body = BoxLine(
        "发展理念", (0, 0, 120, 40), 0.9, [(c, (30 * k, 6, 30 * k + 28, 34)) for k, c in enumerate("发展理念")]
    )
    assert inked_height(body) == 28


def test_a_speck_read_as_a_few_latin_letters_is_set_aside_and_told():
    # Under a column's last line Tesseract read a speck as esNo, in a box a fifth of a line
    # high: no printed word is that small, so it stays out of the text (a notice tells the
    # editor); a small Latin word as tall as half a line (AI) and a page number stay.
    from pipeline.read import geometric
    from pipeline.read.sources import PageSource

    lines = [_line("杨彦帆", 100, 60), _line("让中医药产业更好补短板惠民生", 100, 100, 60.0)]
    per = 10
    rows = [BODY_TEXT[k : k + per] for k in range(0, len(BODY_TEXT), per)]
    for c in range(3):
        for r, text in enumerate(rows[c * 10 : c * 10 + 10]):
            lines.append(_line(text, 100 + 360 * c, 200 + 42 * r))
    lines.append(BoxLine("esNo", (100, 630, 140, 638), 0.3))
    lines.append(BoxLine("AI", (460, 630, 480, 645), 0.9))
    reading = geometric.read_page(PageSource(lines, (1300.0, 800.0), None, "tesseract"), "p")
    text = reading.doc.plain_text()
    assert "esNo" not in text and "AI" in text
    notices = reading.doc.stats["notices"]
    assert any(n["code"] == "speck-dropped" and n["detail"]["text"] == "esNo" for n in notices)


def test_a_word_of_no_han_boxed_wider_than_it_could_print_is_white():
    """A 2 boxed across a column's first row (13 em for one digit) is an engine's reading of
    white; a Han character boxed too wide (板 over a narrow headline's piece) is still printed."""
    from pipeline.read.words import stretched

    em = 31.0
    assert stretched("2", (1561.0, 2071.0, 1977.0, 2150.0), em)
    assert not stretched("板", (91.0, 774.0, 300.0, 824.0), em)
    assert not stretched("2025", (100.0, 0.0, 180.0, 30.0), em)  # a number at its own width
