"""Every zh-Hant edition of the sample, built through the CLI and read back with independent tools:
no Simplified residue, no Western quotes, the right language tag in each format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pdfplumber
import pytest
from conftest import ROOT, SAMPLE
from docx import Document as DocxDocument
from lxml import etree

from pipeline.hant import simplified_residue

STEM = SAMPLE.stem
QUOTES = "“”‘’"


@pytest.fixture(scope="module", params=["s2tw", "s2hk"])
def editions(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = ["build", str(SAMPLE), "--to", "pdf,docx,epub,json,md", "--variant", "zh-Hant", "--out", str(out)]
    r = subprocess.run(
        [sys.executable, "-m", "pipeline", *args, "--hant-profile", request.param],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    lang = {"s2tw": "zh-TW", "s2hk": "zh-HK"}[request.param]
    return out, lang


def _texts(out) -> dict[str, str]:
    base = out / f"{STEM}.zh-Hant"
    with pdfplumber.open(f"{base}.pdf") as pdf:
        pdf_text = "".join(p.extract_text() or "" for p in pdf.pages)
    docx_text = "\n".join(p.text for p in DocxDocument(f"{base}.docx").paragraphs)
    with zipfile.ZipFile(f"{base}.epub") as z:
        epub_text = "\n".join(
            "".join(etree.fromstring(z.read(n)).itertext()) for n in z.namelist() if n.endswith(".xhtml")
        )
    model = json.loads((out / f"{STEM}.zh-Hant.json").read_text(encoding="utf-8"))
    json_text = "".join(
        [*(model["lead"]["paragraphs"] if model["lead"] else [])]
        + [
            a["title"] + "".join(a["authors"]) + a["bio"] + "".join(b["text"] for b in a["blocks"])
            for a in model["articles"]
        ]
    )
    md_text = (out / f"{STEM}.zh-Hant.md").read_text(encoding="utf-8")
    return {"pdf": pdf_text, "docx": docx_text, "epub": epub_text, "json": json_text, "md": md_text}


def test_no_simplified_residue_and_no_western_quotes_in_any_edition(editions):
    out, _lang = editions
    for fmt, text in _texts(out).items():
        assert len(text) > 5000, fmt
        assert simplified_residue(text) == [], fmt
        assert not [q for q in QUOTES if q in text], fmt
        assert "「" in text and "」" in text, fmt


def test_every_edition_carries_the_regional_language_tag(editions):
    out, lang = editions
    check_language(out / f"{STEM}.zh-Hant", lang, ("pdf", "docx", "epub"))
    assert json.loads((out / f"{STEM}.zh-Hant.json").read_text(encoding="utf-8"))["meta"]["language"] == lang


def check_language(base, lang: str, formats) -> None:
    """Language tags and Traditional faces: PDF /Lang and TC fonts, DOCX w:lang and Hant fonts,
    EPUB dc:language, xml:lang and TC families in the stylesheet."""
    from pypdf import PdfReader

    if "pdf" in formats:
        reader = PdfReader(f"{base}.pdf")
        assert reader.trailer["/Root"]["/Lang"] == lang
        fonts = {str(f["/BaseFont"]) for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
        cjk = {f for f in fonts if "CJK" in f}
        assert cjk and all("CJKtc" in f for f in cjk), fonts  # Traditional forms, centred punctuation
    if "docx" in formats:
        with zipfile.ZipFile(f"{base}.docx") as z:
            styles = z.read("word/styles.xml").decode()
        assert f'w:eastAsia="{lang}"' in styles and "zh-CN" not in styles
        assert "新細明體" in styles and "宋体" not in styles
    if "epub" in formats:
        with zipfile.ZipFile(f"{base}.epub") as z:
            opf = next(n for n in z.namelist() if n.endswith(".opf"))
            assert f"<dc:language>{lang}</dc:language>" in z.read(opf).decode()
            assert "CJK TC" in z.read("EPUB/style/book.css").decode()
            assert "CJK SC" not in z.read("EPUB/style/book.css").decode()
            for n in z.namelist():
                if n.endswith(".xhtml"):
                    root = etree.fromstring(z.read(n))
                    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang, n


@pytest.mark.parametrize("source", ["md", "json"])
def test_a_traditional_input_rebuilds_as_traditional_in_every_format(editions, tmp_path, source):
    """X.zh-Hant.md (or .json) says language: zh-TW/zh-HK: every edition built from it is that
    Traditional edition, named X.zh-Hant.<ext> (never X.zh-Hant.zh-Hant.<ext>)."""
    out, lang = editions
    src = out / f"{STEM}.zh-Hant.{source}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for k, extra in enumerate(([], ["--variant", "zh-Hant"])):
        dest = tmp_path / str(k)
        args = ["build", str(src), "--to", "pdf,docx,epub", "--out", str(dest), *extra]
        r = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
        assert sorted(p.name for p in dest.iterdir()) == [f"{STEM}.zh-Hant.{e}" for e in ("docx", "epub", "pdf")]
        check_language(dest / f"{STEM}.zh-Hant", lang, ("pdf", "docx", "epub"))
        with pdfplumber.open(dest / f"{STEM}.zh-Hant.pdf") as pdf:
            assert simplified_residue("".join(p.extract_text() or "" for p in pdf.pages)) == []
    args = ["build", str(src), "--to", "pdf", "--variant", "zh-Hans", "--out", str(tmp_path / "hans")]
    r = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, env=env)
    assert r.returncode != 0 and "Traditional" in r.stderr and not (tmp_path / "hans").exists()
