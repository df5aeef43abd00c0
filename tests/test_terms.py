"""The words the product prints itself: one table per script, the same word in every format."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import fields

import docx
import pytest
from conftest import make_doc
from pdf_audit import read_lines

from pipeline.hant import convert_text, to_hant
from pipeline.render import docx as docx_writer
from pipeline.render import epub as epub_writer
from pipeline.render import markdown as md_writer
from pipeline.render import pdf as pdf_writer
from pipeline.render.shared import RenderOptions
from pipeline.style import load_style
from pipeline.terms import SCRIPTS, TERMS_DIR, Terms, terms


def test_both_tables_have_every_key_and_no_other():
    import tomllib

    keys = {f.name for f in fields(Terms)}
    for script in SCRIPTS:
        assert set(tomllib.loads((TERMS_DIR / f"{script}.toml").read_text(encoding="utf-8"))) == keys


@pytest.mark.parametrize("key", [f.name for f in fields(Terms)])
def test_the_traditional_table_is_the_simplified_one_in_traditional_characters(key):
    assert getattr(terms("zh-Hant"), key) == convert_text(getattr(terms("zh-Hans"), key), "s2tw")


@pytest.mark.parametrize("variant", SCRIPTS)
def test_every_format_prints_the_same_contents_and_leftover_headings(variant):
    doc = make_doc(n_articles=1, paras=2)
    doc.unplaced = ["一段无法归入任何文章的文字。"]
    doc = doc if variant == "zh-Hans" else to_hant(doc)
    words, style = terms(variant), load_style()
    opts = RenderOptions(variant=variant, lang="zh-CN" if variant == "zh-Hans" else "zh-TW", epoch=0)
    pdf = "".join(ln.text for ln in read_lines(pdf_writer.render(doc, style, opts))[0])
    paras = [p.text for p in docx.Document(io.BytesIO(docx_writer.render(doc, style, opts))).paragraphs]
    with zipfile.ZipFile(io.BytesIO(epub_writer.render(doc, style, opts))) as z:
        epub = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    md = md_writer.render(doc, style, opts).decode()
    for word in (words.contents, words.leftovers):
        assert word in pdf and word in paras and re.search(rf">{word}<", epub), word
    assert f"## {words.leftovers}\n" in md
