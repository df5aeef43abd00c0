"""The DOCX edition, read back with python-docx, lxml and LibreOffice (no stubs)."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import time
import zipfile
from datetime import UTC, datetime

import docx
import opencc
import pytest
from conftest import make_doc
from docx.oxml.ns import qn
from lxml import etree

from pipeline.model import Document
from pipeline.render.docx import render
from pipeline.render.shared import RenderOptions, flat_title

EPOCH = 1_764_000_000
HANS = RenderOptions(variant="zh-Hans", lang="zh-CN", epoch=EPOCH)
HANT = RenderOptions(variant="zh-Hant", lang="zh-TW", epoch=EPOCH)
ROLE_STYLE = {
    "lead_heading": "Lead Heading",
    "lead": "Lead",
    "signature": "Signature",
    "title": "Heading 1",
    "byline": "Byline",
    "heading": "Heading 2",
    "body": "Body Text",
    "bio": "Bio",
}
NAMED = ["Normal", "Title", "Heading 1", "Heading 2", "Body Text", "Byline", "Bio", "Lead", "Lead Heading"]
TOC_STYLES = {"TOC Heading", "toc 1", "toc 2"}


def traditional(doc: Document) -> Document:
    """The model as the zh-Hant pipeline hands it to writers: every text converted by OpenCC."""
    cc = opencc.OpenCC("s2tw")
    d = Document.from_dict(doc.to_dict())
    if d.lead:
        d.lead.heading = cc.convert(d.lead.heading)
        d.lead.paragraphs = [cc.convert(p) for p in d.lead.paragraphs]
    for a in d.articles:
        a.title, a.bio = cc.convert(a.title), cc.convert(a.bio)
        a.authors = [cc.convert(n) for n in a.authors]
        for b in a.blocks:
            b.text = cc.convert(b.text)
    return d


@pytest.fixture(scope="module")
def model() -> Document:
    doc = make_doc(n_articles=5)
    doc.unplaced = ["版权所有，转载请注明出处。"]
    doc.lead.signature = "——编者"
    return doc


@pytest.fixture(scope="module")
def docx_bytes(model, style) -> bytes:
    return render(model, style, HANS)


@pytest.fixture(scope="module")
def wd(docx_bytes):
    return docx.Document(io.BytesIO(docx_bytes))


def part_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def body_paragraphs(wd) -> list:
    return [p for p in wd.paragraphs if p.style.name not in TOC_STYLES]


# --- content ---------------------------------------------------------------------------------


def test_every_model_text_appears_in_order_with_its_style(model, wd):
    paras = body_paragraphs(wd)
    i = 0
    for role, text in model.iter_text():
        while i < len(paras) and text not in paras[i].text:
            i += 1
        assert i < len(paras), f"{role} text missing or out of order: {text[:30]!r}"
        expected = ROLE_STYLE[role] if text not in model.unplaced else "Body Text"
        assert paras[i].style.name == expected, (role, text[:20])
        if role != "byline":  # several authors share one byline paragraph
            i += 1


def test_title_keeps_its_line_break_inside_heading_1(model, wd):
    h1 = [p for p in wd.paragraphs if p.style.name == "Heading 1"]
    assert h1[0].text == model.articles[0].title
    assert h1[0]._p.findall(".//" + qn("w:br"))


def test_bio_has_its_parentheses_restored(model, wd):
    bios = [p.text for p in wd.paragraphs if p.style.name == "Bio"]
    assert bios == [f"（{a.bio}）" for a in model.articles]


def test_unplaced_text_is_kept_under_its_own_heading(model, wd):
    texts = [p.text for p in body_paragraphs(wd)]
    assert texts[-2:] == ["其他文字", *model.unplaced]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("数据]]>结束", "数据]]>结束"),
        ("&amp; &lt;w:p&gt; <w:t>", "&amp; &lt;w:p&gt; <w:t>"),
        ("控制\x00字\x01符\x1f", "控制字符"),
        ("换页\x0c之后", "换页\n之后"),
        ("坏\ufffe字", "坏\ufffd字"),
    ],
    ids=["script-tag", "cdata-end", "entities", "c0-controls-dropped", "form-feed-breaks-line", "nonchar-marked"],
)
def test_text_is_data_markup_stays_literal(style, text, expected):
    doc = make_doc(n_articles=1, paras=1, lead=False)
    doc.articles[0].blocks[0].text = text
    doc.articles[0].title = text
    got = docx.Document(io.BytesIO(render(doc, style, HANS)))
    assert expected in [p.text for p in got.paragraphs if p.style.name == "Body Text"]
    assert expected in [p.text for p in got.paragraphs if p.style.name == "Heading 1"]


# --- styles, fonts, language -----------------------------------------------------------------


@pytest.mark.parametrize(("opts", "traditional_doc"), [(HANS, False), (HANT, True)], ids=["zh-Hans", "zh-Hant"])
def test_styles_carry_east_asian_font_and_language(style, opts, traditional_doc):
    doc = traditional(make_doc()) if traditional_doc else make_doc()
    data = render(doc, style, opts)
    styles_xml = part_xml(data, "word/styles.xml")
    wd = docx.Document(io.BytesIO(data))
    for name in NAMED:
        rpr = wd.styles[name].element.rPr
        assert rpr.rFonts.get(qn("w:eastAsia")), name
        lang = rpr.find(qn("w:lang"))
        assert (lang.get(qn("w:eastAsia")), lang.get(qn("w:val"))) == (opts.lang, opts.lang), name
    assert wd.styles["Body Text"].element.rPr.rFonts.get(qn("w:eastAsia")) == style.docx_font("body", opts.variant)
    assert wd.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == style.docx_font("title", opts.variant)
    assert wd.styles["Bio"].element.rPr.rFonts.get(qn("w:eastAsia")) == style.docx_font("bio", opts.variant)
    defaults = styles_xml.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == style.docx_font("body", opts.variant)
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == opts.lang
    for attr in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme"):
        assert not styles_xml.xpath(f"//w:rFonts[@{attr}]", namespaces={"w": qn("w:x")[1:-3]}), attr
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert b"ja-JP" not in z.read("word/styles.xml") + z.read("word/settings.xml")
    assert "word/stylesWithEffects.xml" not in names


def test_traditional_render_uses_traditional_labels_and_fonts(style):
    data = render(traditional(make_doc()), style, HANT)
    wd = docx.Document(io.BytesIO(data))
    assert "目錄" in [p.text for p in wd.paragraphs if p.style.name == "TOC Heading"]
    assert wd.styles["Heading 2"].element.rPr.rFonts.get(qn("w:eastAsia")) == "微軟正黑體"
    assert wd.core_properties.language == "zh-TW"


def test_body_style_indents_two_characters_and_justifies(style, wd):
    ppr = wd.styles["Body Text"].element.pPr
    ind = ppr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert ind.get(qn("w:firstLine")) == str(round(2 * style.role("body").size * 20))
    assert ppr.find(qn("w:jc")).get(qn("w:val")) == "both"
    assert wd.styles["Body Text"].paragraph_format.line_spacing.pt == style.role("body").leading
    assert wd.styles["Body Text"].font.size.pt == style.role("body").size


def test_the_leads_signature_is_set_flush_right_unindented(model, wd):
    [p] = [p for p in body_paragraphs(wd) if p.text == model.lead.signature]
    ppr = wd.styles[p.style.name].element.pPr
    assert p.style.name == "Signature" and ppr.find(qn("w:jc")).get(qn("w:val")) == "right"
    ind = ppr.find(qn("w:ind"))
    assert ind is None or ind.get(qn("w:firstLineChars")) in (None, "0")


def test_headings_have_outline_levels_for_navigation(wd):
    def level(name):
        return wd.styles[name].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val"))

    assert (level("Heading 1"), level("Heading 2"), level("Lead Heading")) == ("0", "1", "0")


# --- fields, page, package -------------------------------------------------------------------


def test_toc_and_page_fields(docx_bytes):
    doc_xml = part_xml(docx_bytes, "word/document.xml")
    instr = [t.text.strip() for t in doc_xml.iter(qn("w:instrText"))]
    assert instr[0] == 'TOC \\o "1-2" \\h \\z \\u'
    assert sum(i.startswith("PAGEREF _Toc") for i in instr) == 1 + 5 * 2 + 1  # lead, 5×(title+subheading), unplaced
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        footers = [n for n in z.namelist() if re.fullmatch(r"word/footer\d+\.xml", n)]
        footer_instr = [t.text.strip() for n in footers for t in part_xml(docx_bytes, n).iter(qn("w:instrText"))]
    assert "PAGE" in footer_instr
    settings = part_xml(docx_bytes, "word/settings.xml")
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_toc_comes_after_the_title_page(wd):
    names = [p.style.name for p in wd.paragraphs]
    assert names[0] == "Title"
    assert names.index("TOC Heading") < names.index("Lead Heading") < names.index("Heading 1")


def test_page_setup_a5_mirrored(style, wd, docx_bytes):
    sec = wd.sections[0]
    assert abs(sec.page_width.mm - 148) < 0.1 and abs(sec.page_height.mm - 210) < 0.1
    assert abs(sec.left_margin.mm - 20) < 0.1 and abs(sec.right_margin.mm - 15) < 0.1
    assert sec.different_first_page_header_footer  # no header or folio on the title page
    assert part_xml(docx_bytes, "word/settings.xml").find(qn("w:mirrorMargins")) is not None
    assert wd.settings.odd_and_even_pages_header_footer


def test_each_article_starts_a_new_page_and_names_itself_in_the_header(model, wd):
    article_sections = wd.sections[1:]
    assert len(article_sections) == len(model.articles) + 1  # + the unplaced text
    for sec, art in zip(article_sections, model.articles, strict=False):
        assert sec.start_type == docx.enum.section.WD_SECTION.NEW_PAGE
        assert sec.header.paragraphs[0].text == flat_title(art.title)


def test_core_properties(model, wd):
    cp = wd.core_properties
    assert cp.title == model.meta.title
    assert cp.author == "曹威伟、陶银球、戴姣"
    assert cp.subject == model.meta.subtitle
    assert cp.language == "zh-CN"
    when = datetime.fromtimestamp(EPOCH, tz=UTC)
    assert cp.created == when and cp.modified == when


def test_same_epoch_gives_identical_bytes(model, style, docx_bytes):
    again = render(model, style, HANS)
    assert again == docx_bytes
    with zipfile.ZipFile(io.BytesIO(again)) as z:
        stamps = {i.date_time for i in z.infolist()}
    assert stamps == {datetime.fromtimestamp(EPOCH, tz=UTC).timetuple()[:6]}


def test_renders_quickly(model, style):
    render(model, style, HANS)  # warm-up: imports and template parsing
    t0 = time.perf_counter()
    render(model, style, HANS)
    assert time.perf_counter() - t0 < 1.0  # target 0.3 s; loose here for a shared CI machine


# --- LibreOffice ------------------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_converts_to_pdf_with_text_and_pages(model, docx_bytes, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice missing: scripts/install-system.sh installs libreoffice-writer"
    src = tmp_path / "booklet.docx"
    src.write_bytes(docx_bytes)
    profile = (tmp_path / "lo_profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "booklet.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) > 1
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    for role, piece in model.iter_text():
        assert re.sub(r"\s+", "", piece)[:12] in flat, (role, piece[:20])


def test_articles_run_on_when_the_sheet_says_so(model, style):
    sheet = dataclasses.replace(style, layout=dataclasses.replace(style.layout, article_new_page=False))
    wd = docx.Document(io.BytesIO(render(model, sheet, HANS)))
    assert {s.start_type for s in wd.sections[1:]} == {docx.enum.section.WD_SECTION.CONTINUOUS}


def _bare() -> Document:
    doc = make_doc(n_articles=1, paras=2, lead=False)
    doc.articles[0].authors, doc.articles[0].bio = [], ""
    return doc


@pytest.mark.parametrize(
    ("doc_factory", "layout"),
    [
        (lambda: Document(lead=None, articles=[]), {}),
        (_bare, {}),
        (_bare, {"cover": False, "toc": False}),
        (lambda: make_doc(n_articles=2), {"cover": False, "toc": False}),
    ],
    ids=["empty-document", "no-byline-no-bio", "bare-no-cover-no-toc", "no-cover-no-toc"],
)
def test_sparse_documents_still_open(style, doc_factory, layout):
    doc = doc_factory()
    sheet = dataclasses.replace(style, layout=dataclasses.replace(style.layout, **layout))
    wd = docx.Document(io.BytesIO(render(doc, sheet, HANS)))
    texts = "\n".join(p.text for p in wd.paragraphs)
    for _role, text in doc.iter_text():
        assert text in texts
    headers = [s.header.paragraphs[0].text for s in wd.sections]
    titles = [flat_title(a.title) for a in doc.articles]
    assert headers[len(headers) - len(titles) :] == titles  # one section per article, named in its header
    assert len(headers) <= len(titles) + 1


# --- contents with real page numbers (issue 13.1) ----------------------------------------------


def _libreoffice_pdf(docx_path, outdir) -> bytes:
    """The DOCX as a user sees it in LibreOffice: converted to PDF, nothing else asked."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice missing: scripts/install-system.sh installs libreoffice-writer"
    profile = (outdir / "lo_profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(outdir)]
    subprocess.run([*cmd, str(docx_path)], check=True, capture_output=True, timeout=180)
    return (outdir / (docx_path.stem + ".pdf")).read_bytes()


def _build(tmp_path, *args, env=None):
    import os
    import sys

    from conftest import ROOT, SAMPLE

    run_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    cmd = [sys.executable, "-m", "pipeline", "build", str(SAMPLE), "--to", "docx", "--out", str(tmp_path), *args]
    r = subprocess.run(cmd, capture_output=True, text=True, env=run_env, timeout=600)
    assert r.returncode == 0, r.stderr
    return r, tmp_path / f"{SAMPLE.stem}.docx"


@pytest.mark.slow
def test_toc_pages_shows_real_page_numbers_in_libreoffice(tmp_path):
    from pypdf import PdfReader

    _, path = _build(tmp_path, "--toc-pages")
    data = path.read_bytes()
    instr = [t.text.strip() for t in part_xml(data, "word/document.xml").iter(qn("w:instrText"))]
    assert instr[0].startswith("TOC "), "the TOC field is kept, so Word and WPS can refresh it"
    pdf = _libreoffice_pdf(path, tmp_path)
    reader = PdfReader(io.BytesIO(pdf))
    where: dict[str, int] = {}

    def walk(items):
        for o in items:
            if isinstance(o, list):
                walk(o)
            else:
                where.setdefault(re.sub(r"\s+", "", o.title), reader.get_destination_page_number(o) + 1)

    walk(reader.outline)
    wd = docx.Document(io.BytesIO(data))
    entries = [p.text for p in wd.paragraphs if p.style.name in ("toc 1", "toc 2")]
    pdf_path = tmp_path / f"{path.stem}.pdf"
    layout = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf_path), "-"], capture_output=True, text=True
    )
    shown = {}  # contents line as LibreOffice draws it: title, leader dots, number
    for ln in layout.stdout.splitlines():
        m = re.fullmatch(r"(.*?)[.…·]{3,}\s*(\d+)", re.sub(r"\s+", "", ln))
        if m:
            shown[m.group(1)] = int(m.group(2))
    assert len(entries) >= 6
    for entry in entries:
        title, _, cached = entry.partition("\t")
        title = re.sub(r"\s+", "", title)
        assert cached.isdigit(), f"no page number for {title}"
        assert int(cached) == where[title], f"{title}: contents say {cached}, LibreOffice puts it on {where[title]}"
        assert shown.get(title) == where[title], f"{title} shows no page number in LibreOffice"


@pytest.mark.slow
def test_without_libreoffice_the_docx_is_still_built_and_the_summary_says_so(tmp_path):
    r, path = _build(tmp_path, "--toc-pages", env={"PIPELINE_SOFFICE": str(tmp_path / "no-soffice")})
    notes = [ln for ln in r.stdout.splitlines() if "LibreOffice" in ln]
    assert len(notes) == 1 and "without page numbers" in notes[0]
    assert docx.Document(path).paragraphs  # a complete, readable file all the same


def test_plain_build_does_not_call_libreoffice(tmp_path):
    """The page numbers cost a LibreOffice run: only where asked (--toc-pages, the sheet, make docx/all)."""
    r, path = _build(tmp_path, env={"PIPELINE_SOFFICE": str(tmp_path / "no-soffice")})
    assert "LibreOffice" not in r.stdout + r.stderr
    entries = [p.text for p in docx.Document(path).paragraphs if p.style.name == "toc 1"]
    assert entries and all(e.endswith("\t") for e in entries)


def test_an_article_without_a_headline_is_headed_and_listed_under_the_placeholder(style):
    """Word's contents list the Heading 1 paragraphs: an empty one gives an entry of dot leaders
    after nothing, and the editor no heading to type the headline into."""
    doc = make_doc(n_articles=3)
    doc.articles[2].title = ""
    wd = docx.Document(io.BytesIO(render(doc, style, HANS)))
    heads = [p.text for p in wd.paragraphs if p.style.name == "Heading 1"]
    assert heads == [*(a.title for a in doc.articles[:2]), "（无题）"]
    toc = [p.text for p in wd.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert not toc or any(t.startswith("（无题）") for t in toc), toc
