"""A byline that says more than the names (文/郑平, 湖南大学教授 张三) is printed as the page printed it,
in every format, and survives the Markdown dialect."""

from __future__ import annotations

import zipfile
from dataclasses import replace

import pytest
from conftest import make_doc

from pipeline.read.markdown import parse
from pipeline.render import docx as docx_writer
from pipeline.render import epub as epub_writer
from pipeline.render import markdown as md_writer
from pipeline.render import pdf as pdf_writer
from pipeline.render.shared import RenderOptions, byline_text

PRINTED = "湖南大学教授 张三"


@pytest.fixture(scope="module")
def doc():
    d = make_doc(n_articles=2, paras=2)
    d.articles[0] = replace(d.articles[0], authors=["张三"], byline=PRINTED)
    return d


def test_the_shared_rule():
    d = make_doc(n_articles=1)
    a = d.articles[0]
    assert byline_text(a, "　") == "　".join(a.authors)
    assert byline_text(replace(a, byline="文/郑平"), "　") == "文/郑平"


def test_pdf_docx_and_epub_print_it(doc, style):
    import io

    import pdfplumber

    opts = RenderOptions()
    with pdfplumber.open(io.BytesIO(pdf_writer.render(doc, style, opts))) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages).replace(" ", "")
    assert "湖南大学教授张三" in text
    with zipfile.ZipFile(io.BytesIO(docx_writer.render(doc, style, opts))) as z:
        assert PRINTED in z.read("word/document.xml").decode()
    with zipfile.ZipFile(io.BytesIO(epub_writer.render(doc, style, opts))) as z:
        assert any(PRINTED in z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))


def test_markdown_keeps_it(doc):
    md = md_writer.to_markdown(doc)
    assert "署名：湖南大学教授 张三" in md
    back = parse(md)
    assert (back.articles[0].authors, back.articles[0].byline) == (["张三"], PRINTED)
    assert back.articles[1].byline == ""
