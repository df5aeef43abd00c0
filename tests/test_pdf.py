"""The PDF booklet read back with pdfplumber and pypdf: every rule checked on the finished pages.

Glyph positions come from the PDF itself (pdfplumber's x0/x1 per character and the baseline
from the text matrix), never from the typesetter, so these tests see what a reader sees.
"""

from __future__ import annotations

import io
import itertools
import re

import pytest
from conftest import SAMPLE, make_doc
from pdf_audit import (
    CLOSING,
    OPENING,
    PLine,
    break_violation,
    frame_x,
    in_frame,
    letters,
    line_end,
    random_doc,
    read_lines,
)
from pypdf import PdfReader

from pipeline.model import Article, Block, Document, Lead, Metadata
from pipeline.render.pdf import render
from pipeline.render.shared import RenderOptions, flat_title
from pipeline.style import load_style

EPOCH = 1_764_000_000
OPTS = RenderOptions(epoch=EPOCH)


def nospace(s: str) -> str:
    return re.sub(r"\s+", "", s)


class Booklet:
    """A rendered document and its pages read back."""

    def __init__(self, doc: Document, style, opts: RenderOptions = OPTS):
        self.doc, self.style = doc, style
        self.pdf = render(doc, style, opts)
        self.lines, self.page_sizes = read_lines(self.pdf)
        self.reader = PdfReader(io.BytesIO(self.pdf))

    def outline(self) -> dict[str, int]:
        out: dict[str, int] = {}

        def walk(items):
            for o in items:
                if isinstance(o, list):
                    walk(o)
                else:
                    out[o.title] = self.reader.get_destination_page_number(o) + 1

        walk(self.reader.outline)
        return out

    def content_start(self) -> int:
        """First page after the cover and contents: where the lead (or first article) begins."""
        ol = self.outline()
        first = self.doc.lead.heading if self.doc.lead else flat_title(self.doc.articles[0].title)
        return ol[first]

    def stream(self, sizes: set[float]) -> list[PLine]:
        start = self.content_start()
        return [ln for ln in self.lines if ln.page >= start and in_frame(self.style, ln) and ln.size in sizes]

    def paragraphs(self) -> list[tuple[str, str]]:
        """(role, text) of every justified, indented paragraph, in reading order."""
        d = self.doc
        out = [("lead", p) for p in (d.lead.paragraphs if d.lead else [])]
        out += [("body", b.text) for a in d.articles for b in a.blocks if b.type == "paragraph"]
        out += [("body", u) for u in d.unplaced]
        return out


def map_paragraphs(bk: Booklet) -> list[tuple[str, str, list[PLine]]]:
    """Consume body-size lines paragraph by paragraph; fails where PDF text and model part."""
    st = bk.style
    sizes = {st.role("body").size, st.role("lead").size}
    others = {st.role(r).size for r in ("heading", "title", "byline", "bio", "lead_heading")}
    assert not sizes & others, "test needs body/lead sizes distinct from other roles"
    lines = bk.stream(sizes)
    out = []
    i = 0
    for role, text in bk.paragraphs():
        want = nospace(text)
        got: list[PLine] = []
        acc = ""
        while acc != want:
            assert i < len(lines), f"PDF ran out of body lines in paragraph {want[:30]!r}…"
            acc += lines[i].text
            got.append(lines[i])
            assert want.startswith(acc), f"PDF text departs from the model:\n model {want}\n pdf   {acc}"
            i += 1
        out.append((role, text, got))
    assert i == len(lines), f"extra body text in the PDF: {''.join(ln.text for ln in lines[i:])[:60]!r}"
    return out


def spaced_breaks(text: str) -> set[int]:
    """Positions (in the text without spaces) where the source has a space."""
    out, k = set(), 0
    for ch in text:
        if ch.isspace():
            out.add(k)
        else:
            k += 1
    return out


def check_typesetting(bk: Booklet, *, pairs: bool = True) -> dict[str, int]:
    """Every docs/typesetting.md rule the pages can show; returns counts so tests see it ran."""
    st = bk.style
    n = {"lines": 0, "breaks": 0, "pairs": 0, "gaps": 0, "splits": 0}
    for role, text, lines in map_paragraphs(bk):
        size = st.role(role).size
        indent = st.role(role).first_line_indent_em * size
        left0, _ = frame_x(st, lines[0].page)
        assert lines[0].x0 - left0 == pytest.approx(indent, abs=0.05), f"first line not indented 2 em: {text[:20]}"
        spaced = spaced_breaks(text)
        pos = 0
        for a, b in itertools.pairwise(lines):
            pos += len(a.text)
            why = break_violation(a.text, b.text, pos in spaced)
            assert why is None, f"{why} (page {a.page}): …{a.text[-6:]} / {b.text[:6]}…"
            n["breaks"] += 1
        for k, ln in enumerate(lines):
            left, right = frame_x(st, ln.page)
            n["lines"] += 1
            if k > 0:
                assert ln.x0 == pytest.approx(left, abs=0.05), f"line not at the frame's left edge: {ln.text}"
            end = line_end(ln, size, right)
            if k < len(lines) - 1:
                assert abs(end - right) <= 0.5, f"page {ln.page}: line ends {right - end:.2f} pt short: {ln.text}"
            assert end <= right + 0.5, f"page {ln.page}: line runs into the margin: {ln.text}"
            for c, d in itertools.pairwise(ln.chars):
                a, b = c["text"], d["text"]
                marks = CLOSING | OPENING
                squeezed = d["x0"] - c["x1"] < -0.05
                assert not squeezed or (a in marks and b in marks), f"mark compressed in mid-line: {a}{b}: {ln.text}"
                full = abs(c["x1"] - c["x0"] - size) < 0.05 and abs(d["x1"] - d["x0"] - size) < 0.05
                if (
                    pairs
                    and full
                    and a in CLOSING | OPENING
                    and b in CLOSING | OPENING
                    and (a in CLOSING or b in OPENING)
                ):
                    assert d["x1"] - c["x0"] <= 1.5 * size + 0.05, f"pair {a}{b} takes more than 1.5 em: {ln.text}"
                    n["pairs"] += 1
                han_a = "\u4e00" <= a <= "\u9fff"
                han_b = "\u4e00" <= b <= "\u9fff"
                if (han_a and b.isascii() and b.isalnum()) or (a.isascii() and a.isalnum() and han_b):
                    assert d["x0"] - c["x1"] >= size / 4 - 0.05, f"no quarter em between {a} and {b}: {ln.text}"
                    n["gaps"] += 1
        if len(lines) > 1:
            assert letters(lines[-1].text) >= 2, f"a lone character on a paragraph's last line: {lines[-1].text}"
        for _, part in itertools.groupby(lines, key=lambda ln: ln.page):
            if len(lines) > 1:
                assert len(list(part)) >= 2, f"a lone line of a paragraph at a page edge: {text[:20]}"
        n["splits"] += len({ln.page for ln in lines}) - 1
    check_pages(bk)
    n["bios"] = check_bios(bk)
    return n


def check_bios(bk: Booklet) -> int:
    """Each bio read back whole, its last line holding two characters at least (not 员） alone)."""
    size = bk.style.role("bio").size
    lines = [ln for ln in bk.lines if ln.size == size and in_frame(bk.style, ln)]
    i = n = 0
    for a in bk.doc.articles:
        if not a.bio:
            continue
        want = nospace(f"（{a.bio}）")
        got: list[PLine] = []
        while "".join(x.text for x in got) != want:
            assert i < len(lines), f"bio missing: {want[:20]}"
            got.append(lines[i])
            i += 1
        if len(got) > 1:
            assert letters(got[-1].text) >= 2, f"a lone character on a bio's last line: {got[-1].text}"
            n += 1
        first = got[0]
        above = [
            ln for ln in bk.lines if ln.page == first.page and in_frame(bk.style, ln) and ln.baseline > first.baseline
        ]
        assert len(above) >= 2, f"page {first.page}: the bio opens the page without its text: {want[:20]}"
    return n


def check_pages(bk: Booklet) -> None:
    """No heading, title or byline is the last line of a page; a title has text under it."""
    st = bk.style
    heads = {st.role(r).size for r in ("heading", "title", "byline", "lead_heading")}
    body = {st.role("body").size, st.role("lead").size}
    start = bk.content_start()
    for page, group in itertools.groupby([ln for ln in bk.lines if ln.page >= start], key=lambda ln: ln.page):
        lines = [ln for ln in group if in_frame(st, ln)]
        if not lines:
            continue
        assert lines[-1].size not in heads, f"page {page} ends with a heading: {lines[-1].text}"
        titles = [i for i, ln in enumerate(lines) if ln.size == st.role("title").size]
        if titles:
            below = [ln for ln in lines[titles[-1] + 1 :] if ln.size in body]
            assert len(below) >= 2, f"page {page}: title without its first lines"


def check_fonts_embedded(reader: PdfReader) -> set[str]:
    names = set()

    def fonts_in(res) -> None:
        res = res.get_object() if res else {}
        for f in (res.get("/Font") or {}).values():
            f = f.get_object()
            names.add(str(f["/BaseFont"]))
            desc = f["/DescendantFonts"][0].get_object() if "/DescendantFonts" in f else f
            fd = desc.get("/FontDescriptor")
            assert fd is not None, f"font {f['/BaseFont']} has no descriptor (not embedded)"
            fd = fd.get_object()
            assert "/FontFile2" in fd or "/FontFile3" in fd, f"font {f['/BaseFont']} is not embedded"
            assert re.match(r"^/[A-Z]{6}\+", str(f["/BaseFont"])), f"font {f['/BaseFont']} is not subsetted"
        for x in (res.get("/XObject") or {}).values():
            fonts_in(x.get_object().get("/Resources"))

    for page in reader.pages:
        fonts_in(page.get("/Resources"))
    assert names
    return names


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic() -> Booklet:
    return Booklet(make_doc(), load_style())


@pytest.fixture(scope="module")
def generated() -> Booklet:
    return Booklet(random_doc(7, articles=4, paras=12), load_style())


@pytest.fixture(scope="module")
def sample() -> Booklet:
    from pipeline.read.ocr import read_path

    doc = read_path(SAMPLE).doc
    doc.meta.title = doc.meta.title or "理论·智库"
    return Booklet(doc, load_style())


# --- typesetting rules on finished pages --------------------------------------------------------


def test_synthetic_booklet_obeys_every_typesetting_rule(synthetic):
    n = check_typesetting(synthetic)
    assert n["breaks"] > 20 and n["pairs"] > 3 and n["gaps"] > 10


def test_generated_pages_obey_every_typesetting_rule(generated):
    n = check_typesetting(generated)
    assert n["lines"] > 200 and n["pairs"] > 20 and n["splits"] > 3


def test_sample_page_obeys_every_typesetting_rule(sample):
    n = check_typesetting(sample)
    assert n["lines"] > 250


def test_a_bio_never_opens_a_page_alone():
    # articles of every length up to two pages: somewhere a bio falls at a page's top, and the
    # paragraph's last lines must go over with it
    rng_doc = random_doc(5, articles=16, paras=1)
    for k, a in enumerate(rng_doc.articles):
        a.blocks = [Block("paragraph", "高质量发展是全面建设社会主义现代化国家的首要任务。" * (4 + 3 * k))]
    bk = Booklet(rng_doc, load_style())
    assert check_bios(bk) >= 0


@pytest.mark.parametrize("seed", [11, 12])
def test_more_generated_documents(seed):
    bk = Booklet(random_doc(seed, articles=2, paras=9), load_style())
    check_typesetting(bk)


def test_traditional_edition_with_corner_quotes():
    doc = random_doc(5, articles=2, paras=8, hant=True)
    bk = Booklet(doc, load_style(), RenderOptions(variant="zh-Hant", lang="zh-TW", epoch=EPOCH))
    check_typesetting(bk, pairs=False)  # Taiwan centres its marks: less blank to give up
    assert bk.reader.trailer["/Root"]["/Lang"] == "zh-TW"
    assert any("tc" in f.lower() for f in check_fonts_embedded(bk.reader)), "Traditional glyph forms not used"
    assert any("「" in ln.text for ln in bk.lines)


# --- the book around the text ---------------------------------------------------------------------


def test_no_gap_beside_symbols_in_the_pdf_text(synthetic):
    """互联网+政务服务: the quarter-em gap is for letters and digits, not + (pdftotext reads it solid)."""
    import subprocess

    text = subprocess.run(["pdftotext", "-", "-"], input=synthetic.pdf, capture_output=True, check=True).stdout
    assert "互联网+政务服务".encode() in text
    plus = [ln for ln in synthetic.lines if "网+政" in ln.text]
    assert plus
    for ln in plus:
        k = ln.text.index("网+政")
        c = ln.chars
        han_gap = c[k]["x0"] - c[k - 1]["x1"]  # a Han–Han junction of the same (justified) line
        assert c[k + 1]["x0"] - c[k]["x1"] == pytest.approx(han_gap, abs=0.05)
        assert c[k + 2]["x0"] - c[k + 1]["x1"] == pytest.approx(han_gap, abs=0.05)


def test_display_headlines_break_between_words_in_balanced_lines(sample):
    """以城市更新推进长株潭都市圈内涵式高质 / 量发展 no more: a headline too long for the
    measure breaks at a word boundary (the source's own break kept), in lines of similar length."""
    from pipeline.render.headline import words

    size = sample.style.role("title").size
    titles = [ln for ln in sample.lines if ln.size == size and in_frame(sample.style, ln)]
    checked = 0
    for a in sample.doc.articles:
        for part in a.title.split("\n"):
            got = []
            for ln in titles:
                if part.startswith("".join(x.text for x in got) + ln.text):
                    got.append(ln)
                if "".join(x.text for x in got) == part:
                    break
            assert "".join(x.text for x in got) == part, f"title line not found whole: {part}"
            cuts = set(itertools.accumulate(len(w) for w in words(part)))
            pos = 0
            for ln in got[:-1]:
                pos += len(ln.text)
                assert pos in cuts, f"headline broken inside a word: {part[:pos]}|{part[pos:]}"
                checked += 1
            if len(got) > 1:
                lens = [len(ln.text) for ln in got]
                assert max(lens) - min(lens) <= 4, f"unbalanced headline lines: {[ln.text for ln in got]}"
    assert checked >= 1  # the sample has a headline longer than the measure


def test_every_font_is_embedded_and_subsetted(synthetic):
    names = check_fonts_embedded(synthetic.reader)
    assert any("NotoSerifCJK" in n for n in names) and any("LXGWWenKai" in n for n in names)


def test_outline_has_the_lead_and_every_article(sample):
    ol = sample.outline()
    assert sample.doc.lead.heading in ol
    for a in sample.doc.articles:
        assert flat_title(a.title) in ol
    pages = [ol[flat_title(a.title)] for a in sample.doc.articles]
    assert pages == sorted(pages) and len(set(pages)) == len(pages), "each article starts a new page"


def test_contents_page_numbers_match_the_outline(sample):
    ol = sample.outline()
    toc = [ln for ln in sample.lines if ln.page == 2 and ln.size == sample.style.role("toc").size]
    nums = {}
    acc = ""  # an entry may take two lines; its number ends the last
    for ln in toc:
        acc += ln.text
        m = re.fullmatch(r"(.*?)(\d+)", acc)
        if m:
            nums[m.group(1)] = int(m.group(2))
            acc = ""
    for a in sample.doc.articles:
        t = nospace(flat_title(a.title))
        assert nums.get(t) == ol[flat_title(a.title)], f"contents says {nums.get(t)} for {t}"


def test_metadata_and_language(sample):
    r = sample.reader
    assert r.trailer["/Root"]["/Lang"] == "zh-CN"
    info = r.metadata
    assert info.title == sample.doc.meta.title
    assert sample.doc.articles[0].authors[0] in info.author


def test_running_heads_and_folios(synthetic):
    """No header or folio on the cover; a section's opening page has its folio only (book
    convention); other versos carry the booklet title, rectos the section's."""
    st, bk = synthetic.style, synthetic
    openings = {page for title, page in bk.outline().items() if title in section_titles(bk)}
    hsize = st.role("header").size
    sections = sorted((page, title) for title, page in bk.outline().items())
    npages = len(bk.page_sizes)
    assert [ln for ln in bk.lines if ln.page == 1 and ln.size == hsize] == [], "the cover has a header or folio"
    for page in range(2, npages + 1):
        heads = [ln for ln in bk.lines if ln.page == page and ln.size == hsize]
        assert [ln.text for ln in heads][-1] == str(page), f"page {page} folio"
        folio = heads[-1]
        assert (folio.x0 + folio.x1) / 2 == pytest.approx(sum(frame_x(st, page)) / 2, abs=0.5), "folio not centred"
        if page in openings:
            assert len(heads) == 1, f"page {page} opens a section but has a running head"
            continue
        current = [t for p, t in sections if p <= page and t in section_titles(bk)][-1]
        want = bk.doc.meta.title if page % 2 == 0 else current
        assert heads[0].text == nospace(want), f"page {page} header {heads[0].text!r}, expected {want!r}"


def section_titles(bk: Booklet) -> set[str]:
    d = bk.doc
    return {"目录"} | ({d.lead.heading} if d.lead else set()) | {flat_title(a.title) for a in d.articles}


def test_mirrored_margins_flip_on_versos(synthetic):
    st = synthetic.style
    for page in (3, 4):
        body = [
            ln for ln in synthetic.lines if ln.page == page and ln.size == st.role("body").size and in_frame(st, ln)
        ]
        if body:
            assert min(ln.x0 for ln in body) == pytest.approx(frame_x(st, page)[0], abs=0.05)
    assert frame_x(st, 3)[0] != frame_x(st, 4)[0]


def test_the_leads_signature_is_set_flush_right_under_its_text():
    doc = make_doc()
    doc.lead.signature = "——编者"
    bk = Booklet(doc, load_style())
    start = bk.content_start()
    lead = [ln for ln in bk.lines if ln.page == start and ln.size == bk.style.role("lead").size]
    [sig] = [ln for ln in lead if ln.text == "——编者"]
    left, right = frame_x(bk.style, sig.page)
    assert abs(sig.x1 - right) < 1.0 and sig.x0 > (left + right) / 2
    assert sig.baseline < min(ln.baseline for ln in lead if ln is not sig)  # under the last paragraph


def test_bio_is_set_in_parentheses_after_the_text(synthetic):
    bio = [ln for ln in synthetic.lines if ln.size == synthetic.style.role("bio").size]
    text = "".join(ln.text for ln in bio)
    assert text.count("（作者系") == len(synthetic.doc.articles)
    assert all("LXGWWenKai" in f for ln in bio for f in ln.fonts if not set(ln.text) & set("“”"))


def test_title_keeps_its_line_break(synthetic):
    size = synthetic.style.role("title").size
    first = [ln.text for ln in synthetic.lines if ln.size == size][:2]
    assert first == synthetic.doc.articles[0].title.split("\n")


def test_markup_in_text_is_printed_literally():
    evil = '<img src="/etc/passwd"/> & <b>粗体</b> <font name="x">字</font>'
    doc = Document(
        lead=None,
        articles=[
            Article("标题<i>斜</i>", ["作者"], "作者系<u>研究员</u>", [Block("paragraph", "正文" + evil + "。")])
        ],
        meta=Metadata(title="标记<br/>测试"),
    )
    bk = Booklet(doc, load_style())
    text = "".join(ln.text for ln in bk.lines)
    assert nospace(evil) in text
    assert "标题<i>斜</i>" in text and "<u>研究员</u>" in text and "标记<br/>测试" in text


def test_unplaced_text_is_kept_in_a_final_section():
    doc = make_doc(n_articles=1, paras=2)
    doc.unplaced = ["这段文字不属于任何文章，但不能丢失。"]
    bk = Booklet(doc, load_style())
    text = "".join(ln.text for ln in bk.lines)
    assert "这段文字不属于任何文章，但不能丢失。" in text
    assert "其他文字" in bk.outline()


def test_documents_rendered_in_one_process_keep_their_own_font_subsets():
    """reportlab aliases fonts by PostScript name; each document's subset must stay its own."""
    first = Booklet(make_doc(n_articles=1, paras=2), load_style())
    second = Booklet(random_doc(3, articles=1, paras=3), load_style())
    for bk in (first, second):
        text = "".join(ln.text for ln in bk.lines)
        assert "\x00" not in text
    check_typesetting(second)


def test_same_epoch_gives_byte_identical_pdfs():
    doc = make_doc(n_articles=2, paras=3)
    a = render(doc, load_style(), OPTS)
    b = render(doc, load_style(), OPTS)
    assert a == b
    info = PdfReader(io.BytesIO(a)).metadata
    assert info["/CreationDate"].startswith("D:20251124")  # EPOCH is 2025-11-24 UTC


def test_second_sheet_decides_the_look():
    doc = make_doc(n_articles=2, paras=3)
    a4 = load_style("styles/a4-report.toml")
    bk = Booklet(doc, a4)
    assert bk.page_sizes[0] == pytest.approx((595.28, 841.89), abs=0.1)
    first = next(ln for ln in bk.lines if ln.page == 1 and in_frame(a4, ln))
    assert first.text == "目录", "a4-report has no cover: contents come first"
    title = next(ln for ln in bk.lines if ln.size == a4.role("title").size)
    assert title.chars[0]["non_stroking_color"] == pytest.approx((0x1F / 255, 0x3A / 255, 0x5F / 255), abs=0.01)
    left, right = frame_x(a4, 1)
    assert (title.x0 + title.x1) / 2 == pytest.approx((left + right) / 2, abs=1), "a4 centres titles"
    lead_less = Booklet(doc, load_style())
    assert lead_less.page_sizes[0] == pytest.approx((419.53, 595.28), abs=0.1)


def test_document_without_lead_or_articles_metadata_still_renders():
    doc = Document(lead=Lead("导读", ["只有导读。"]), articles=[], meta=Metadata())
    bk = Booklet(doc, load_style())
    assert "只有导读。" in "".join(ln.text for ln in bk.lines)


def test_headline_or_heading_taller_than_a_page_is_split_not_fatal():
    doc = Document(
        lead=None,
        articles=[Article("长" * 1500, ["甲"], "", [Block("heading", "丁" * 3000), Block("paragraph", "丙" * 50)])],
        meta=Metadata(title="极端"),
    )
    bk = Booklet(doc, load_style())
    text = "".join(ln.text for ln in bk.lines)
    assert text.count("长") >= 3000 and text.count("丁") == 3000 and "丙" * 50 in text  # title twice: page + contents


def test_an_article_without_a_headline_is_listed_headed_and_run_under_the_placeholder():
    """A headline the reader could not find leaves no empty contents line (a dot leader after
    nothing), heading, bookmark or running head: each says （无题） where an editor will look."""
    doc = make_doc(n_articles=3, paras=8)
    doc.articles[1].title = ""
    bk = Booklet(doc, load_style())
    ol = bk.outline()
    assert "（无题）" in ol, f"no bookmark for the untitled article: {sorted(ol)}"
    start = ol["（无题）"]
    toc = {ln.text for ln in bk.lines if ln.page == 2 and ln.size == bk.style.role("toc").size}
    assert f"（无题）{start}" in {re.sub(r"[.·…\s]+", "", t) for t in toc}, toc
    heads = [ln.text for ln in bk.lines if ln.page == start and ln.size == bk.style.role("title").size]
    assert heads == ["（无题）"]
    later = [ln.text for ln in bk.lines if ln.page > start and ln.size == bk.style.role("header").size]
    assert "（无题）" in later, "no running head names the untitled article"
