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
    base = out / f"{STEM}.zh-Hant"
    from pypdf import PdfReader

    assert PdfReader(f"{base}.pdf").trailer["/Root"]["/Lang"] == lang
    with zipfile.ZipFile(f"{base}.docx") as z:
        styles = z.read("word/styles.xml").decode()
    assert f'w:eastAsia="{lang}"' in styles and "zh-CN" not in styles
    with zipfile.ZipFile(f"{base}.epub") as z:
        opf = next(n for n in z.namelist() if n.endswith(".opf"))
        assert f"<dc:language>{lang}</dc:language>" in z.read(opf).decode()
        for n in z.namelist():
            if n.endswith(".xhtml"):
                root = etree.fromstring(z.read(n))
                assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang, n
    assert json.loads((out / f"{STEM}.zh-Hant.json").read_text(encoding="utf-8"))["meta"]["language"] == lang
