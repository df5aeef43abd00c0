"""The Markdown intermediate: model -> md -> model is lossless, edits stay local, errors name the line."""

from __future__ import annotations

import json
import random

import pytest
from conftest import SAMPLE, make_doc
from degrade import make_page
from test_cli import run

from pipeline.errors import InputError
from pipeline.model import Article, Block, Document, Lead, Metadata
from pipeline.read import source_format
from pipeline.read.markdown import parse, unescape
from pipeline.read.ocr import read_bytes, read_path
from pipeline.render.markdown import escape, to_markdown

META = ("title", "subtitle", "publisher", "date")


def content(doc: Document) -> dict:
    """What the Markdown carries: the contract fields, unplaced text and the booklet metadata."""
    d = doc.to_dict()
    for a in d["articles"]:
        a.pop("placement")
    d["meta"] = {k: d["meta"][k] for k in META}
    d.pop("stats")
    return d


def roundtrip(doc: Document) -> Document:
    md = to_markdown(doc)
    back = parse(md, "t.md")
    assert to_markdown(back) == md  # the writer is a fixed point too
    return back


def test_sample_roundtrip():
    doc = read_path(SAMPLE).doc
    doc.meta = Metadata(title="理论·智库", subtitle="收录文章五篇", publisher="湖南日报", date="2021年5月6日")
    back = roundtrip(doc)
    assert content(back) == content(doc)
    assert any("\n" in a.title for a in back.articles)
    assert [a.authors for a in back.articles][3] == ["陶银球", "戴姣"]
    assert back.stats["chars_out"] == doc.stats["chars_out"]


@pytest.mark.parametrize("seed", range(40))
def test_generated_pages_roundtrip(seed):
    page = make_page(seed, single_newline=seed % 5 == 0)
    read = read_bytes(page.data(), f"p{seed}.txt", force=True).doc
    for doc in (read, page.truth):
        assert content(roundtrip(doc)) == content(doc)


def test_every_role_and_unplaced_roundtrip():
    doc = make_doc(4)
    doc.unplaced = ["一段未归入文章的文字", "## 像标题的文字"]
    doc.articles[1].bio = ""
    doc.articles[2].authors = []
    doc.articles[3].title = ""  # written as （无题）, read back as no title
    assert content(roundtrip(doc)) == content(doc)


MARKUP = [
    "<script>alert(1)</script>正文",
    "# 不是标题",
    "## 也不是",
    "### 还不是",
    "> 不是引文",
    "1. 不是列表",
    "2) 不是列表",
    "- 不是列表",
    "+ 不是列表",
    "* 不是列表",
    "*强调*与__粗体__和`代码`",
    "[链接](http://x)与![图](y.png)",
    "a\\b反斜杠\\1.与\\*",
    "---",
    "===",
    "```",
    "&amp;实体&lt;",
    "作者：不是署名",
    "（作者系不是简介）",
    "| 表 | 格 |",
    "~~删除~~",
]


@pytest.mark.parametrize("text", MARKUP)
def test_markup_like_text_is_escaped_and_survives(text):
    doc = Document(
        lead=Lead("导读", [text]),
        articles=[Article(title=text + "\n" + text, authors=["张三"], bio=text, blocks=[Block("heading", text)])],
        unplaced=[text],
    )
    doc.articles[0].blocks.append(Block("paragraph", text))
    md = to_markdown(doc)
    for line in md.split("\n"):
        assert "<script>" not in line
        # no body line may start with an unescaped marker of a construct the dialect lacks
        assert not line.startswith(("- ", "* ", "+ ", "1. ", "2) ", "```", "===", "#### "))
    assert content(parse(md)) == content(doc)


def test_a_leads_signature_roundtrips_as_its_own_div():
    doc = make_doc(2)
    doc.lead.signature = "——编者"
    md = to_markdown(doc)
    assert "::: signature\n——编者\n:::" in md
    back = roundtrip(doc)
    assert (back.lead.paragraphs, back.lead.signature) == (doc.lead.paragraphs, "——编者")
    assert content(back) == content(doc)


def test_first_paragraph_starting_with_author_prefix_stays_a_paragraph():
    doc = Document(lead=None, articles=[Article("标题", [], "", [Block("paragraph", "作者：不是署名的正文。")])])
    back = roundtrip(doc)
    assert back.articles[0].authors == [] and back.articles[0].blocks[0].text == "作者：不是署名的正文。"


def test_escape_fuzz():
    rng = random.Random(7)
    alphabet = [*list("#>*-+=1.)(\\`_[]<>&|~!作者：、（）ab中 "), "1. ", "# ", "> ", "作者：", "<script>", "\\1."]
    for _ in range(500):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))).strip() or "字"
        assert unescape(escape(s)) == s
        doc = Document(lead=None, articles=[Article(s + "\n" + s, [s.replace("、", "").strip() or "甲"], s, [])])
        doc.articles[0].blocks = [Block("paragraph", s), Block("heading", s), Block("paragraph", s)]
        doc.unplaced = [s]
        assert content(parse(to_markdown(doc))) == content(doc), s


def test_old_digit_escape_is_read():
    assert parse("## 题\n\n\\1. 第一\n").articles[0].blocks[0].text == "1. 第一"


def test_one_paragraph_edit_changes_only_that_paragraph():
    doc = read_path(SAMPLE).doc
    md = to_markdown(doc)
    target = doc.articles[2].blocks[3].text
    assert md.count(escape(target)) == 1
    edited = md.replace(escape(target), escape(target[:10] + "（编者改）" + target[10:]))
    a, b = content(doc), content(parse(edited))
    diffs = []
    for k, (x, y) in enumerate(zip(a["articles"], b["articles"], strict=True)):
        for j, (bx, by) in enumerate(zip(x["blocks"], y["blocks"], strict=True)):
            if bx != by:
                diffs.append((k, j, by["text"]))
        x["blocks"] = y["blocks"] = None
        assert x == y
    assert diffs == [(2, 3, target[:10] + "（编者改）" + target[10:])]
    assert a["lead"] == b["lead"] and a["unplaced"] == b["unplaced"]


def test_editor_conveniences():
    md = "\n".join(
        [
            "# 导读",
            "",
            "导读第一行",
            "接着写。",
            "",
            "## 标题上行",
            "## 标题下行",
            "作者：甲乙、丙丁",
            "",
            "正文 English",
            "words here。",
            "",
            "> （作者系某单位",
            "> 研究员）",
            "",
        ]
    )
    doc = parse(md)
    assert doc.lead.paragraphs == ["导读第一行接着写。"]
    a = doc.articles[0]
    assert a.title == "标题上行\n标题下行" and a.authors == ["甲乙", "丙丁"]
    assert a.blocks == [Block("paragraph", "正文 English words here。")]
    assert a.bio == "作者系某单位研究员"


BAD = {
    "---\ntitle: x\n": "line 1: front matter",
    "---\nfoo: x\n---\n## 题\n": "line 2: unknown front matter key 'foo'",
    "---\ntitle x\n---\n## 题\n": "line 2:",
    "正文在前\n\n## 题\n": "line 1: text before the first heading",
    "## 题\n\n#### 四级\n": "line 3: '####'",
    "## 题\n\n#话题\n": "line 3: '#' at a line start",
    "# 导读\n\n## 题\n\n# 又一个\n": "line 5: a second '# '",
    "# 导读\n\n### 小标题\n": "line 3: a '### ' subheading outside an article",
    "## 题\n\n-\n": "line 3: an empty list item",
    "## 题\n\n1. 列表\n": "line 3: a numbered list item",
    "## 题\n\n> （甲）\n\n> （乙）\n": "line 5: a second '> ' bio",
    "# 导读\n\n> 引文\n": "line 3: a '> ' bio outside an article",
    "## 题\n\n```\n": "line 3: code fences",
    "## 题\n\n::: signature\n——编者\n:::\n": "line 3: a '::: signature' outside the lead",
    "## \n": "line 1: empty '##' heading",
    "\n\n只有文字\n": "line 3: text before the first heading",
    "---\n---\n": "no '# 导读' lead and no '## ' article title",
}


@pytest.mark.parametrize("text", sorted(BAD))
def test_malformed_input_is_one_line_error_with_line_number(text):
    with pytest.raises(InputError) as e:
        parse(text, "bad.md")
    msg = str(e.value)
    assert "\n" not in msg and msg.startswith("bad.md: ")
    assert BAD[text] in msg


def test_source_format_by_extension_or_forced():
    assert source_format("a.md") == source_format("a.MARKDOWN") == "md"
    assert source_format("a.txt") == source_format("a") == "txt"
    assert source_format("a.md", "txt") == "txt"


def test_cli_build_from_md_equals_original_model(tmp_path):
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    r = run("build", str(SAMPLE), "--to", "json,md", "--out", str(out1), "--publisher", "湖南日报")
    assert r.returncode == 0, r.stderr
    edited = tmp_path / "edited.md"
    edited.write_bytes((out1 / f"{SAMPLE.stem}.md").read_bytes())
    r = run("build", str(edited), "--to", "json,md", "--out", str(out2))
    assert r.returncode == 0, r.stderr
    a = json.loads((out1 / f"{SAMPLE.stem}.json").read_text(encoding="utf-8"))
    b = json.loads((out2 / "edited.json").read_text(encoding="utf-8"))
    for d in (a, b):
        for art in d["articles"]:
            art.pop("placement")
        d["meta"].pop("source")
        d.pop("stats")
    assert a == b and b["meta"]["publisher"] == "湖南日报"  # front matter metadata is used
    assert (out2 / "edited.md").read_bytes() == edited.read_bytes()
    # the same file forced through --from md under another extension; CLI metadata overrides
    other = tmp_path / "edited.txt"
    other.write_bytes(edited.read_bytes())
    r = run("build", str(other), "--from", "md", "--to", "json", "--out", str(out2), "--title", "新标题")
    assert r.returncode == 0, r.stderr
    c = json.loads((out2 / "edited.json").read_text(encoding="utf-8"))
    assert c["meta"]["title"] == "新标题" and c["meta"]["publisher"] == "湖南日报"
    assert [{**x, "placement": None} for x in b["articles"]] == c["articles"]


def test_cli_markdown_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("## 题\n\n#### 四级\n", encoding="utf-8")
    r = run("build", str(bad), "--to", "json", "--out", str(tmp_path / "o"))
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert r.returncode != 0 and len(errors) == 1 and "bad.md: line 3" in errors[0]
    r = run("build", str(bad), "--from", "rtf", "--to", "json", "--out", str(tmp_path / "o"))
    assert r.returncode != 0 and "unknown input format 'rtf'" in r.stderr and "Traceback" not in r.stderr
    r = run("structure", str(bad))
    assert r.returncode != 0 and "line 3" in r.stderr
