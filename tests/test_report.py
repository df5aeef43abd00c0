"""The cleanup report: structure, counts that agree with the reader, markup kept as text, and a
real browser (headless Chromium) loading the page and showing the marks in its DOM."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SAMPLE
from degrade import make_page
from test_cli import run

from pipeline.read.ocr import read_bytes, read_path
from pipeline.report import diff_line, report_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
VOID = {"meta", "br", "img", "link", "input", "hr", "col", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def within(self, tag: str, cls: str) -> bool:
        p = self.parent
        while p is not None:
            if p.tag == tag and cls in p.classes:
                return True
            p = p.parent
        return False


class Tree(HTMLParser):
    """A small DOM from HTML text (what Chromium dumps, or the page itself)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def dump_dom(path: Path) -> str:
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--dump-dom",
                path.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


@pytest.fixture(scope="module")
def sample():
    return read_path(SAMPLE)


def totals(root: Node) -> dict[str, int]:
    return {
        tr.attrs["data-total"]: int(tr.find_all("td")[0].text())
        for tr in root.find_all("tr")
        if "data-total" in tr.attrs
    }


def src_marks(root: Node, cls: str) -> int:
    return sum(1 for m in root.find_all("mark", cls) if m.within("td", "src"))


def check_page(root: Node, reading) -> None:
    doc, stats = reading.doc, reading.doc.stats
    c = stats["cleanup"]
    t = totals(root)
    assert t["chars-in"] == stats["chars_in"] and t["chars-out"] == stats["chars_out"]
    for k, v in c.items():
        assert t[f"fix-{k}"] == v, k
    # every change the cleanup counted is marked once on its source line
    assert src_marks(root, "pu") == c["punctuation"]
    assert src_marks(root, "sp") == c["despace"] + c["trailing_space"]
    assert src_marks(root, "inv") == 0 or c["invisible"] > 0
    # every non-blank source line appears once, with its number as anchor
    ids = [n.attrs["id"] for n in root.find_all("span", "ln")]
    nonblank = [i + 1 for i, s in enumerate(reading.clean.split("\n")) if s.strip()]
    assert sorted(int(i[1:]) for i in ids) == nonblank
    # per article: one section, title/byline/bio rows, joins per paragraph add up
    sections = root.find_all("section", "article")
    assert len(sections) == len(doc.articles)
    joins = 0
    for k, (sec, art) in enumerate(zip(sections, doc.articles, strict=True)):
        assert sec.attrs["id"] == f"art-{k}"
        roles = [tr.attrs["data-role"] for tr in sec.find_all("tr") if "data-role" in tr.attrs]
        assert roles.count("title") == (1 if art.title else 0)
        assert roles.count("byline") == (1 if art.authors else 0)
        assert roles.count("bio") == (1 if art.bio else 0)
        assert roles.count("head") == sum(1 for b in art.blocks if b.type == "heading")
        assert roles.count("para") == sum(1 for b in art.blocks if b.type == "paragraph")
        for tr in sec.find_all("tr"):
            if tr.attrs.get("data-role") == "para":
                tag = tr.find_all("span", "joins")
                n = int(tag[0].attrs["data-joins"]) if tag else 0
                joins += n
                rebuilt = tr.find_all("div", "rebuilt")[0]
                assert len(rebuilt.find_all("span", "j")) in (0, n)  # join points drawn in place
        facts = sec.find_all("ul", "art-facts")[0].text()
        if art.placement:
            assert f"第{art.placement.source_line}行" in facts and f"{art.placement.margin:.2f}" in facts
    assert joins == c["lines_joined"]
    # every link into the page has its target
    all_ids = {n.attrs["id"] for n in root.iter() if "id" in n.attrs}
    for a in root.find_all("a"):
        href = a.attrs.get("href", "")
        assert href.startswith("#") and href[1:] in all_ids, href
    # self-contained: no script, no external resource
    assert not root.find_all("script") and not root.find_all("link") and not root.find_all("img")
    html_tag = root.find_all("html")[0]
    assert html_tag.attrs.get("lang") == "zh-CN"


def test_sample_report_structure(sample):
    page = report_html(sample)
    root = Tree(page).root
    check_page(root, sample)
    assert root.find_all("section", "check")[0].attrs["id"] == "check"
    assert "http" not in re.sub(r"<p class=\"sub\">.*?</p>", "", page)


def test_diff_line_marks_each_kind():
    d = diff_line("推进 城 市 ，2035 年,打造\u200b高地\u3000。 ", "推进城市，2035年，打造高地。")
    kinds = [k for k, _, _ in d.pieces]
    assert kinds.count("pu") == 1 and kinds.count("inv") == 1
    assert d.count("sp") == 6  # 进_城, 城_市, 市_，, 2035_年, U+3000, trailing: runs, not characters
    assert "".join(b for _, _, b in d.pieces) == "推进城市，2035年，打造高地。"
    assert diff_line("甲乙", "完全不同").pieces[0][0] == "chg"


@pytest.mark.parametrize("seed", [0, 3, 14, 24, 51])
def test_generated_page_reports(seed):
    page = make_page(seed)
    r = read_bytes(page.data(), f"gen{seed}.txt")
    root = Tree(report_html(r)).root
    check_page(root, r)
    items = root.find_all("li", "check-item")
    weak = [a for a in r.doc.articles if a.placement and a.placement.margin < 0.15]
    assert len(items) >= len(weak) + len(r.doc.unplaced)
    for a in weak:
        k = r.doc.articles.index(a)
        assert any(i.find_all("a")[0].attrs["href"] == f"#art-{k}" for i in items)


def test_unplaced_and_markup_are_flagged_and_escaped(tmp_path):
    text = (
        "导读\n\n这是导读<script>alert(1)</script>的文字，<img src=x onerror=alert(2)>还有&amp;。\n\n"
        "张三\n\n正文第一段<b>加粗</b>的文字。\n\n（作者系某单位研究员）\n\n"
        "这是一段放在简介后面、不像标题也不属于任何文章的长文字，它以句号结束。\n\n"
        "一个标题\n"
    )
    r = read_bytes(text.encode(), "markup.txt")
    page = report_html(r)
    assert "<script>" not in page and "<b>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&amp;amp;" in page
    root = Tree(page).root
    assert not root.find_all("script") and not root.find_all("b")
    assert "<script>alert(1)</script>" in root.text()
    assert r.doc.unplaced  # the long sentence after the bio fits no article
    assert any(n.attrs.get("id") == "unplaced" for n in root.iter())
    items = root.find_all("li", "check-item")
    assert any(i.find_all("a")[0].attrs["href"] == "#unplaced" for i in items)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium not installed (make test installs it)")
def test_chromium_loads_the_page_and_shows_the_marks(sample, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "推进城市群、都市圈一体化建设，", "推进城市群、都市圈<script>document.title='x'</script>一体化建设，", 1
    )
    r = read_bytes(text.encode(), "sample-markup.txt")
    path = tmp_path / "report.html"
    path.write_text(report_html(r), encoding="utf-8")
    dom = dump_dom(path)
    root = Tree(dom).root
    check_page(root, r)
    assert not root.find_all("script")  # the input's <script> stayed text in the browser too
    assert "<script>document.title='x'</script>" in root.text()
    assert root.find_all("title")[0].text().startswith("清理报告")
    assert src_marks(root, "pu") == r.doc.stats["cleanup"]["punctuation"] > 0
    assert src_marks(root, "sp") == r.doc.stats["cleanup"]["despace"] > 0


def test_cli_report_and_build_to_report(tmp_path):
    out = tmp_path / "r.html"
    r = run("report", str(SAMPLE), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = run("build", str(SAMPLE), "--to", "report,json", "--variant", "zh-Hans,zh-Hant", "--out", str(tmp_path / "o"))
    assert r.returncode == 0, r.stderr
    made = sorted(p.name for p in (tmp_path / "o").iterdir())
    assert made == sorted([f"{SAMPLE.stem}.report.html", f"{SAMPLE.stem}.json", f"{SAMPLE.stem}.zh-Hant.json"])
    md = tmp_path / "x.md"
    md.write_text("## 题\n\n正文。\n", encoding="utf-8")
    for args in (("report", str(md)), ("build", str(md), "--to", "report", "--out", str(tmp_path / "o2"))):
        r = run(*args)
        errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
        assert r.returncode != 0 and len(errors) == 1 and "needs an OCR page" in errors[0]


def test_authors_set_one_a_line_are_one_byline_row_holding_each_line():
    # every source line is in exactly one row: the second author's line is the byline's too
    from pipeline.report import map_rows

    body = "区域协调发展是中国式现代化的内在要求，随着我国经济从高速增长阶段向高质量发展阶段转变。"
    page = "\n\n".join(["区域协调发展", "张明华", "李建国", body, "（作者系某大学教授）"]).encode()
    _, arts, _ = map_rows(read_bytes(page))
    [by] = [row for row in arts[0] if row.role == "byline"]
    assert by.lines == [3, 5] and by.text == "张明华、李建国"
