"""The geometric reader: page images, PDFs (text layer or scanned), hOCR and ALTO.

Frozen OCR of one bench page (tests/fixtures/geometry, made by evaluation.geometry.freeze from
the bench's page Ti000: Tesseract's TSV, hOCR and ALTO of the same image, RapidOCR's lines)
checks the layout and structure without running an engine; small pages typeset here (with
Pillow or reportlab, a real CJK font) check the routes end to end, OCR included only on those
small images.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from evaluation.score import score_page
from pipeline.cli import cli
from pipeline.model import Document
from pipeline.read import engines, geometric, source_format
from pipeline.read.layout import BoxLine, layout, split_line
from pipeline.read.sources import PageSource, alto_pages, hocr_pages, text_layer_lines

FIX = Path(__file__).parent / "fixtures" / "geometry"
PAGE = "Ti000"


def _gold() -> tuple[Document, list[str]]:
    d = json.loads((FIX / f"{PAGE}.gold.json").read_text(encoding="utf-8"))
    page = d.pop("page", {})
    return Document.from_dict(d), page.get("furniture", [])


def _rapidocr_page() -> PageSource:
    res = engines.OcrResult.from_json(gzip.decompress((FIX / f"{PAGE}.rapidocr.json.gz").read_bytes()).decode())
    lines = [BoxLine(ln.text, tuple(map(float, ln.box)), ln.confidence) for ln in res.lines]
    return PageSource(lines, (float(res.size[0]), float(res.size[1])), None, "rapidocr")


def _tesseract_page() -> PageSource:
    tsv = gzip.decompress((FIX / f"{PAGE}.tesseract.tsv.gz").read_bytes()).decode()
    lines = [
        BoxLine(
            ln.text, tuple(map(float, ln.box)), ln.confidence, [(w.text, tuple(map(float, w.box))) for w in ln.words]
        )
        for ln in engines.tesseract_lines(tsv)
    ]
    return PageSource(lines, (1978.0, 2212.0), None, "tesseract")


def _model(doc: Document) -> dict:
    d = doc.to_dict()
    d.pop("meta", None)
    d.pop("stats", None)
    return d


# --- layout and structure from frozen OCR ------------------------------------------------------


def test_rapidocr_page_reads_every_article_headline_byline_bio_and_paragraph():
    src = _rapidocr_page()
    r = geometric.read_page(src, "Ti000.png")
    text = "\n".join(ln.text for ln in src.lines)
    s = score_page(*_gold()[:1], r.doc, text, _gold()[1], page=PAGE, split="tune")
    assert s.articles_ok, s.details
    assert all(a.title and a.authors and a.bio for a in s.articles), s.details
    assert s.boundaries.precision >= 0.95 and s.boundaries.recall >= 0.95, s.details
    assert s.han_lost == 0


def test_tesseract_page_whose_first_rows_run_across_every_column_reads_like_the_print():
    # On this page Tesseract ran its first text lines across the inset headline and all five
    # columns of the first article; the words' boxes still show the gutters.
    src = _tesseract_page()
    merged = [ln.text for ln in src.lines if "打好提振" in ln.text and "消费是拉动" in ln.text]
    assert merged, "the frozen TSV no longer shows the run-on lines this test is about"
    placed, _ = layout(src.lines)
    texts = [p.line.text for p in placed]
    assert not any("消费是拉动" in t and "于通过优化" in t for t in texts)
    assert texts.index("打好提振") < texts.index("徐丹丹") < texts.index("消费是拉动经济增长")
    r = geometric.read_page(src, "Ti000.png")
    text = "\n".join(ln.text for ln in src.lines)
    s = score_page(*_gold()[:1], r.doc, text, _gold()[1], page=PAGE, split="tune")
    assert s.articles_ok, s.details
    assert all(a.title and a.authors and a.bio for a in s.articles), s.details
    # every paragraph break found; one extra, before the first paragraph: Tesseract's second,
    # garbled reading of the headline's row ("SR和") stands there as a paragraph of its own
    assert s.boundaries.recall == 1.0 and s.boundaries.pred <= s.boundaries.gold + 1, s.details


def _word_line(words: list[tuple[str, float]], y: float, size: float = 20.0) -> BoxLine:
    """A line of words at height y, each given by its text and left x (characters 20 wide)."""
    boxed = [(t, (x, y, x + size * len(t), y + size)) for t, x in words]
    return BoxLine("".join(t for t, _ in words), (boxed[0][1][0], y, boxed[-1][1][2], y + size), 0.9, boxed)


def test_word_boxes_split_lines_an_engine_ran_across_a_gutter_and_a_rule():
    # Two columns of ten characters, a 2.5-em gutter with a rule read as a bar; the first three
    # rows were read as one line each across both columns, the rest column by column.
    left = [f"左栏第{n}行文字内容" for n in "一二三四五六七八"]
    right = [f"右栏第{n}行文字内容" for n in "一二三四五六七八"]
    lines = []
    for k in range(8):
        y = 100 + 36 * k
        if k < 3:
            lines.append(_word_line([(left[k][:5], 100), (left[k][5:], 200), ("|", 325), (right[k], 350)], y))
        else:
            lines += [_word_line([(left[k], 100)], y), _word_line([(right[k][:4], 350), (right[k][4:], 430)], y)]
    placed, _ = layout(lines)
    texts = [p.line.text.strip("|") for p in placed]
    assert texts == left + right


def test_layout_reads_columns_left_to_right_and_measures_indents():
    placed, metrics = layout(_rapidocr_page().lines)
    assert abs(metrics.skew) > 0.002  # the bench page is rotated by about 0.4 degrees
    texts = [p.line.text for p in placed]
    # the first column's last line is followed by the second column's first line
    i = texts.index("函数，提升消费的核心在")
    assert texts[i + 1] == "于通过优化收入分配促增"
    first = placed[texts.index("消费是拉动经济增长")].geo
    assert 1.5 <= first.indent <= 2.5  # a paragraph's 2-em indent, measured
    head = placed[texts.index("打好提振")].geo
    assert head.size >= 1.4  # the headline is set larger
    last = placed[texts.index("群的消费能力。")].geo
    assert last.short >= 3  # a paragraph's short last line


def test_hocr_and_alto_give_the_structure_of_the_tesseract_image_route():
    from_tsv = geometric.read_page(_tesseract_page(), "p").doc
    hocr = hocr_pages(gzip.decompress((FIX / f"{PAGE}.tesseract.hocr.gz").read_bytes()), "p.hocr")
    alto = alto_pages(gzip.decompress((FIX / f"{PAGE}.tesseract.alto.xml.gz").read_bytes()), "p.xml")
    assert len(hocr) == len(alto) == 1
    assert _model(geometric.read_page(hocr[0], "p").doc) == _model(from_tsv)
    assert _model(geometric.read_page(alto[0], "p").doc) == _model(from_tsv)
    assert len(from_tsv.articles) == 2


def _han(src: PageSource) -> str:
    return "".join(c for ln in src.lines for c in ln.text if "\u4e00" <= c <= "\u9fff")


def test_words_without_positions_keep_their_text_in_their_lines_box():
    # ALTO makes a String's position optional, and hOCR a word's bbox: such a word is still
    # its line's text, the line placed by its own box
    import re

    alto = gzip.decompress((FIX / f"{PAGE}.tesseract.alto.xml.gz").read_bytes())
    hocr = gzip.decompress((FIX / f"{PAGE}.tesseract.hocr.gz").read_bytes())
    bare_alto = re.sub(rb'(<String [^>]*?) HPOS="[^"]*" VPOS="[^"]*" WIDTH="[^"]*" HEIGHT="[^"]*"', rb"\1", alto)
    bare_hocr = re.sub(rb"(class='ocrx_word' id='word_1_[0-9]*[05]') title='bbox [0-9 ]+; ", rb"\1 title='", hocr)
    assert bare_alto != alto and bare_hocr != hocr
    [whole], [bare] = alto_pages(alto, "p.xml"), alto_pages(bare_alto, "p.xml")
    assert _han(bare) == _han(whole) and len(bare.lines) == len(whole.lines)
    [whole], [bare] = hocr_pages(hocr, "p.hocr"), hocr_pages(bare_hocr, "p.hocr")
    assert _han(bare) == _han(whole) and len(bare.lines) == len(whole.lines)


def test_a_line_without_any_position_is_a_one_line_error(tmp_path):
    from click.testing import CliRunner

    lines = "".join(
        f'<TextLine HPOS="10" VPOS="{20 + 40 * k}" WIDTH="600" HEIGHT="30"><String CONTENT="第{k}行中文内容"/></TextLine>'
        for k in range(6)
    )
    alto = f'<alto><Layout><Page WIDTH="900" HEIGHT="400"><PrintSpace>{lines}<TextLine><String CONTENT="没有位置的一行"/></TextLine></PrintSpace></Page></Layout></alto>'
    (tmp_path / "a.xml").write_text(alto, encoding="utf-8")
    res = CliRunner().invoke(cli, ["structure", str(tmp_path / "a.xml")])
    assert res.exit_code == 1
    assert "没有位置的一行" in res.output and "no position" in res.output
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1


def test_low_confidence_lines_become_notices():
    def notes(src: PageSource) -> list[dict]:
        doc = geometric.read_page(src, "p").doc
        return [n for n in doc.stats["notices"] if n["code"] == "low-ocr-confidence"]

    src = _rapidocr_page()
    before = notes(src)
    assert all(n["detail"]["conf"] < 0.8 for n in before)  # the engine's own doubts, listed
    src.lines[10].conf = 0.41
    [new] = [n for n in notes(src) if n not in before]
    assert new["detail"]["conf"] == 0.41 and "0.41" in new["message"]


def test_a_line_run_across_a_gutter_is_split_back():
    ln = BoxLine("改善消费条件，创新消费政策加力扩围基础上，完", (409.0, 250.0, 950.0, 281.0), 0.99)
    a, b = split_line(ln, (663.0, 695.0), 23.4)
    assert (a.text, b.text) == ("改善消费条件，创新消费", "政策加力扩围基础上，完")
    assert a.box[2] <= 663 and b.box[0] >= 695


def test_extensions_choose_the_reader():
    assert [source_format(f"x{s}") for s in (".png", ".JPG", ".tiff", ".webp", ".pdf", ".hocr", ".html", ".xml")] == [
        "image",
        "image",
        "image",
        "image",
        "pdf",
        "hocr",
        "hocr",
        "alto",
    ]
    assert source_format("x.txt") == "txt"


def test_not_alto_and_not_hocr_are_one_line_errors(tmp_path):
    from click.testing import CliRunner

    (tmp_path / "a.xml").write_text("<root><x/></root>", encoding="utf-8")
    (tmp_path / "b.hocr").write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"not an image")
    (tmp_path / "d.hocr").write_text(
        "<html><body><div class='ocr_page' title='bbox 0 0 900 400'>"
        + "".join(
            f"<span class='ocr_line' title='bbox 10 {20 + 40 * k} 600 {50 + 40 * k}'>"
            f"<span class='ocrx_word' title='bbox 10 {20 + 40 * k} 600 {50 + 40 * k}; x_wconf 90'>hello world</span></span>"
            for k in range(6)
        )
        + "</div></body></html>",
        encoding="utf-8",
    )
    for name, says in (
        ("a.xml", "not ALTO"),
        ("b.hocr", "no hOCR lines"),
        ("c.png", "not an image"),
        ("d.hocr", "no Chinese text"),
    ):
        res = CliRunner().invoke(cli, ["structure", str(tmp_path / name)])
        assert res.exit_code == 1
        assert says in res.output and "Traceback" not in res.output


# --- small pages typeset here ---------------------------------------------------------------

TITLE = "以产业融合消融壁垒"
AUTHOR = "陶银球"
PARAS = [
    "推进城市群、都市圈一体化建设，是构建新发展格局的重要战略部署。国家规划纲要提出，要发展壮大城市群和都市圈。",
    "长株潭三市以全省七分之一的国土面积，创造了湖南四成以上的经济总量。长沙先后对多个历史街区实施了更新改造。",
    "破解上述种种难题，应着力在以下四个体系上下功夫，推动区域内人才柔性流动。",
]
BIO = "（作者系湖南师范大学特约研究员）"
COLUMN = 13  # characters a column line


def _page_lines(title: str = TITLE) -> list[tuple[str, float, float, float]]:
    """A one-article page: (text, x, y, size) in em from the top left; two columns of justified
    lines with 2-em indents and short last lines, the headline over them, the byline, the bio."""
    out = [(title, 0.0, 0.0, 2.0), (AUTHOR, 0.0, 3.0, 1.0)]
    col_lines: list[str] = []
    for p in PARAS:
        text = "\u3000\u3000" + p
        col_lines += [text[i : i + COLUMN] for i in range(0, len(text), COLUMN)]
    col_lines.append(BIO[:COLUMN])
    col_lines.append(BIO[COLUMN:])
    half = (len(col_lines) + 1) // 2
    for k, t in enumerate(col_lines):
        col, row = divmod(k, half)
        lead = len(t) - len(t.lstrip("\u3000"))
        out.append((t.lstrip("\u3000"), col * (COLUMN + 1.5) + lead, 4.8 + row * 1.6, 1.0))
    return out


def _font_file() -> str:
    fc = shutil.which("fc-match")
    if not fc:
        pytest.skip("fontconfig not installed")
    path = subprocess.run([fc, "-f", "%{file}", "Noto Serif CJK SC"], capture_output=True, text=True).stdout
    if "CJK" not in path:
        pytest.skip("Noto CJK fonts not installed (make setup installs them)")
    return path


def _page_image(title: str = TITLE, em: int = 30) -> bytes:
    import io

    from PIL import Image, ImageDraw, ImageFont

    font_file = _font_file()
    w, h = int((2 * COLUMN + 1.5) * em + 2 * em), int(22 * em)
    im = Image.new("L", (w, h), 250)
    d = ImageDraw.Draw(im)
    for text, x, y, size in _page_lines(title):
        font = ImageFont.truetype(font_file, int(em * size), index=2)  # the SC face of the collection
        d.text((em + x * em, em + y * em), text, font=font, fill=20)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def no_ocr(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("OCR ran on a page with a text layer")

    monkeypatch.setattr(engines, "ocr", refuse)


def test_epaper_pdf_reads_its_text_layer_without_ocr_and_loses_nothing(tmp_path, no_ocr):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "epaper.pdf"
    em, top = 12.0, 800.0
    c = canvas.Canvas(str(path), pagesize=(420, 842))
    for text, x, y, size in _page_lines():
        c.setFont("STSong-Light", em * size)
        c.drawString(30 + x * em, top - y * em - em * size, text)
    c.save()
    [r] = geometric.read_path(path, "pdf")
    assert r.encoding == "pdf-text"
    [art] = r.doc.articles
    assert art.title == TITLE and art.authors == [AUTHOR] and art.bio == BIO[1:-1]
    assert [b.text for b in art.blocks] == PARAS  # paragraph ends measured: indents, short lines
    wanted = "".join(ch for ch in TITLE + AUTHOR + "".join(PARAS) + BIO[1:-1] if ch.strip())  # a bio without its （）
    got = r.doc.plain_text()
    assert sorted(ch for ch in got if ch.strip() and ch not in "\n") == sorted(wanted)


def test_text_layer_lines_split_at_a_gutter():
    def ch(t, x, top=10.0):
        return {"text": t, "x0": x, "x1": x + 10, "top": top, "bottom": top + 10}

    chars = [ch("甲", 0), ch("乙", 10), ch("丙", 35), ch("丁", 45), ch("戊", 0, 30)]
    assert [ln.text for ln in text_layer_lines(chars)] == ["甲乙", "丙丁", "戊"]


@pytest.mark.skipif(not engines.available("rapidocr"), reason="RapidOCR not installed")
def test_page_image_builds_a_booklet_and_a_report_with_its_boxes(tmp_path, monkeypatch):
    from click.testing import CliRunner

    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache"))
    img = tmp_path / "page.png"
    img.write_bytes(_page_image())
    res = CliRunner().invoke(cli, ["build", str(img), "--to", "json,report", "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    doc = json.loads((tmp_path / "out" / "page.json").read_text(encoding="utf-8"))
    [art] = doc["articles"]
    assert art["title"] == TITLE and art["authors"] == [AUTHOR]
    assert len(art["blocks"]) == len(PARAS)
    html = (tmp_path / "out" / "page.report.html").read_text(encoding="utf-8")
    assert "data:image/jpeg;base64," in html and 'class="headline"' in html and 'class="byline"' in html
    # a rebuild reads the OCR from the cache (by image hash): no engine run
    monkeypatch.setattr(engines, "_rapidocr_engine", lambda: pytest.fail("OCR ran again"))
    res = CliRunner().invoke(cli, ["build", str(img), "--to", "json", "--out", str(tmp_path / "out2")])
    assert res.exit_code == 0, res.output


@pytest.mark.skipif(not engines.available("rapidocr"), reason="RapidOCR not installed")
def test_two_page_scanned_pdf_builds_one_booklet_per_page(tmp_path, monkeypatch):
    import io

    from click.testing import CliRunner
    from PIL import Image

    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache"))
    titles = [TITLE, "推动区域人才柔性流动"]
    ims = [Image.open(io.BytesIO(_page_image(t))).convert("RGB") for t in titles]
    pdf = tmp_path / "scan.pdf"
    ims[0].save(pdf, "PDF", resolution=150, save_all=True, append_images=ims[1:])
    res = CliRunner().invoke(cli, ["build", str(pdf), "--to", "json", "--out", str(tmp_path / "out"), "-j", "1"])
    assert res.exit_code == 0, res.output
    for k, title in enumerate(titles, 1):
        doc = json.loads((tmp_path / "out" / f"scan-p{k}.json").read_text(encoding="utf-8"))
        assert [a["title"] for a in doc["articles"]] == [title]
    res = CliRunner().invoke(cli, ["structure", str(pdf)])
    assert res.exit_code == 1 and "--page" in res.output


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium not installed (make test installs it)")
def test_chromium_shows_the_page_with_every_box_coloured_and_linked(tmp_path):
    """The report of a bench page (its RapidOCR lines, and a small image standing for the page):
    in the browser's DOM every line is a box with its role's class, linked to a row that exists."""
    import io
    import re

    from PIL import Image
    from test_report import dump_dom

    from pipeline.report import report_html

    src = _rapidocr_page()
    buf = io.BytesIO()
    Image.new("L", (494, 553), 240).save(buf, "PNG")  # a quarter-size stand-in for page.png
    src.image = buf.getvalue()
    reading = geometric.read_page(src, "Ti000.png")
    html = report_html(reading)
    path = tmp_path / "r.html"
    path.write_text(html, encoding="utf-8")
    dom = dump_dom(path)
    rects = re.findall(r'<rect class="(\w+)" data-line="(\d+)"', dom)
    assert len(rects) == len(reading.view.boxes) >= len(src.lines) - 5  # a few headline pieces rejoined
    roles = {c for c, _ in rects}
    assert {"headline", "byline", "body", "bio", "furniture"} <= roles
    links = re.findall(r'<a href="#([\w-]+)"><rect', dom)
    assert len(links) == len(rects)
    assert all(f'id="{target}"' in dom for target in set(links))
    assert 'href="data:image/jpeg;base64,' in dom


def test_a_byline_boxed_tall_against_the_headline_still_lets_the_cut_pass_under_it():
    # Tesseract drew the byline's second character tall, so its box meets the headline's: the
    # white opens only under the byline, more than a line and a half below the headline. The
    # cut still passes there, and the columns under the headline (it reaches into the second;
    # their first row read as one line across all four) are read one after the other, not
    # interleaved row by row.
    cols = [[f"栏{c}行{r:02d}正文字句" for r in range(10)] for c in range(4)]
    xs = [100, 400, 700, 1000]
    lines = [
        BoxLine("新型能源体系", (100, 100, 460, 160), 0.9, [("新型能源体系", (100, 100, 460, 160))]),
        BoxLine("李铄", (100, 158, 150, 200), 0.9, [("李", (100, 168, 120, 188)), ("铄", (124, 158, 146, 200))]),
        _word_line([(cols[c][0], xs[c]) for c in range(4)], 212),
    ]
    lines += [_word_line([(cols[c][r], xs[c])], 212 + 36 * r) for r in range(1, 10) for c in range(4)]
    texts = [p.line.text for p in layout(lines)[0]]
    assert texts[2:] == [t for col in cols for t in col]


def test_a_byline_as_wide_as_its_column_under_the_headline_names_the_author():
    # 中国音乐家协会副主席 张千一: the title and name fill the column's width, set at body size
    # in the column under the headline. The headline over it is no column line, so the line is
    # no running text: it is the byline.
    body = ["我是一名作曲家，创作生涯", "始于上世纪八十年代初期", "几十年来创作了交响音画", "《北方森林》等许多作品。"]
    body += [f"第{r:02d}行正文内容写在这里" for r in range(8)] + ["全文到此结束。"]
    lines = [
        BoxLine("音符跃动，谱写动人篇章（新语）", (100, 100, 1000, 160), 0.95),
        BoxLine("中国音乐家协会副主席张千一", (100, 172, 490, 202), 0.95),
    ]
    lines += [BoxLine(t, (100, 240 + 42 * r, 100 + 30 * len(t), 270 + 42 * r), 0.95) for r, t in enumerate(body)]
    lines.append(
        BoxLine("（作者系中国音乐家协会副主席）", (100, 240 + 42 * len(body), 520, 270 + 42 * len(body)), 0.95)
    )
    doc = geometric.read_page(PageSource(lines, (1200.0, 1000.0), None, "rapidocr"), "p", force=True).doc
    [art] = doc.articles
    assert art.authors == ["张千一"]
    assert art.title == "音符跃动，谱写动人篇章（新语）"


def test_a_headline_line_set_large_stays_the_headlines_whatever_word_its_end_makes_with_the_text():
    # 依靠财政补 / 与会赢（人民论坛） / 盛玉雷 / 贴的…: in text alone the first line, as wide as
    # the column, would read on into the body (补贴) as a paragraph's line the headline cut;
    # measured, it is set larger than the text, as the headline's other line is
    body = ["贴的“穷县”，一无沃土可耕", "二无经验可循，咋办？晋江", "人高唱闽南歌，敢为天下先"]
    body += [f"第{r:02d}行正文内容写在这里" for r in range(8)] + ["全文到此结束。"]
    head = ["改革开放前依靠财政补", "与会赢（人民论坛）"]  # set a fifth larger: as wide as the column
    lines = [BoxLine(t, (100, 130 + 50 * k, 100 + 36 * len(t), 166 + 50 * k), 0.95) for k, t in enumerate(head)]
    lines.append(BoxLine("盛玉雷", (100, 250, 190, 280), 0.95))
    lines += [BoxLine(t, (100, 300 + 42 * r, 100 + 30 * len(t), 330 + 42 * r), 0.95) for r, t in enumerate(body)]
    lines.append(BoxLine("（作者系湖南大学教授）", (100, 300 + 42 * len(body), 430, 330 + 42 * len(body)), 0.95))
    doc = geometric.read_page(PageSource(lines, (1200.0, 1000.0), None, "rapidocr"), "p", force=True).doc
    [art] = doc.articles
    assert art.title == "\n".join(head)
    assert art.authors == ["盛玉雷"]


def test_text_layer_digits_and_latin_run_together_where_no_white_parts_them():
    """A text layer gives each character its own box: 8155 set solid is one number and AI one
    word (they were read as 8 1 5 5 and A I, and a page number 09 as 0 9, no furniture then);
    a real space between two words stays."""

    def ch(t, x, w=5.0, top=10.0):
        return {"text": t, "x0": x, "x1": x + w, "top": top, "bottom": top + 10}

    chars = [ch("有", 0, 10), ch("8", 10), ch("1", 15), ch("5", 20), ch("5", 25), ch("个", 30, 10)]
    chars += [ch("A", 0, top=30), ch("I", 5, top=30), ch("R", 15, top=30), ch("&", 20, top=30), ch("D", 25, top=30)]
    assert [ln.text for ln in text_layer_lines(chars)] == ["有8155个", "AI R&D"]
