"""pipeline book: the manifest, the assembly of many pages into one model, duplicates, the
accounting, and the command line's errors (JSON builds only: tests/test_book_render.py renders)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE
from degrade import make_page

from pipeline.book import book_manifest, dedup
from pipeline.book.authors import sort_key
from pipeline.book.manifest import ManifestError, load_manifest, printed_date
from pipeline.model import Document
from pipeline.read import read_source
from pipeline.text import accountable

RMRB = ROOT / "seeds" / "book" / "rmrb-2026-04-14-09.txt"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd or ROOT, env=ENV, timeout=300
    )


def letters(texts) -> int:
    return sum(1 for t in texts for c in t if accountable(c))


def page(tmp: Path, name: str, seed: int, articles: int = 2) -> Path:
    p = tmp / name
    p.write_text(make_page(seed, n_articles=articles).text, encoding="utf-8")
    return p


def reread(text: str, seed: int) -> str:
    """The same page through another OCR: a few characters misread, some commas half-width,
    the furniture lines lost."""
    rng = random.Random(seed)
    lines = [ln for ln in text.split("\n") if not re.fullmatch(r"\s*(第\d+版|理论|\d{4}年.*星期.)\s*", ln)]
    out = []
    for ln in lines:
        chars = list(ln)
        for i, c in enumerate(chars):
            if "\u4e00" <= c <= "\u9fff" and rng.random() < 0.01:
                chars[i] = "口"
            elif c == "，" and rng.random() < 0.2:
                chars[i] = ","
        out.append("".join(chars))
    return "\n".join(out)


def book_json(tmp: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict | None]:
    out = tmp / "out"
    r = run("book", *args, "--to", "json", "--out", str(out))
    files = list(out.glob("*.json")) if out.exists() else []
    return r, (json.loads(files[0].read_text(encoding="utf-8")) if files else None)


# --- the manifest ---------------------------------------------------------------------------


def write(tmp: Path, text: str) -> Path:
    p = tmp / "book.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_manifest_reads_parts_inputs_and_their_source_fields(tmp_path):
    m = load_manifest(
        write(
            tmp_path,
            """
title = "选编"
paper = "人民日报"
[[parts]]
heading = "第一天"
date = 2026-04-14
inputs = ["a.txt", { path = "sub/b.txt", page = 9, column = "理论" }]
[[parts]]
inputs = [{ path = "/abs/c.md", paper = "光明日报", date = "2026-4-2", page = "A3" }]
""",
        )
    )
    assert m.name == "book" and m.meta == {"title": "选编"} and m.author_index
    one, two = m.parts
    assert one.heading == "第一天" and two.heading == ""
    assert [i.path for i in one.inputs] == [tmp_path / "a.txt", tmp_path / "sub" / "b.txt"]
    assert one.inputs[0].source == {"paper": "人民日报", "date": "2026年4月14日"}
    assert one.inputs[1].source == {"paper": "人民日报", "date": "2026年4月14日", "page": "9", "column": "理论"}
    assert two.inputs[0].path == Path("/abs/c.md")
    assert two.inputs[0].source == {"paper": "光明日报", "date": "2026年4月2日", "page": "A3"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("titel = 'x'\n[[parts]]\ninputs = ['a.txt']", "titel"),
        ("[[parts]]\ninputs = []", "parts[0].inputs"),
        ("[[parts]]\nheading = 'x'", "parts[0].inputs"),
        ("[[parts]]\ninputs = [{ path = 'a.txt', page = 0 }]", "parts[0].inputs[0].page"),
        ("[[parts]]\ninputs = [{ path = 'a.txt', pages = 3 }]", "parts[0].inputs[0].pages"),
        ("[[parts]]\ninputs = [{ page = 3 }]", "parts[0].inputs[0].path"),
        ("[[parts]]\ninputs = [7]", "parts[0].inputs[0]"),
        ("[[parts]]\ndate = 7\ninputs = ['a.txt']", "parts[0].date"),
        ("name = 'a/b'\n[[parts]]\ninputs = ['a.txt']", "name"),
        ("author_index = 'yes'\n[[parts]]\ninputs = ['a.txt']", "author_index"),
        ("title = 'x'", "parts"),
    ],
)
def test_a_bad_manifest_is_one_error_naming_file_and_key(tmp_path, text, key):
    path = write(tmp_path, text)
    with pytest.raises(ManifestError) as e:
        load_manifest(path)
    assert str(path) in str(e.value) and f"'{key}'" in str(e.value) and "\n" not in str(e.value)


def test_a_manifest_that_is_no_toml_names_the_file(tmp_path):
    with pytest.raises(ManifestError, match=r"book\.toml: TOML syntax error"):
        load_manifest(write(tmp_path, "[[parts]\n"))


def test_dates_print_in_words():
    assert printed_date("2025-03-04") == "2025年3月4日"
    assert printed_date("2025年3月4日") == "2025年3月4日"
    assert printed_date("2025-02-30") == "2025-02-30"  # no such day: kept as given


def test_the_command_line_names_the_book_or_takes_one_manifest(tmp_path):
    with pytest.raises(Exception, match="--name"):
        book_manifest(["a.txt", "b.txt"], None)
    with pytest.raises(Exception, match="given alone"):
        book_manifest([str(write(tmp_path, "[[parts]]\ninputs=['a.txt']")), "a.txt"], None)
    m = book_manifest(["a.txt", "b.txt"], "week")
    assert m.name == "week" and [len(p.inputs) for p in m.parts] == [1, 1]


# --- duplicates -----------------------------------------------------------------------------


def test_a_reread_article_is_the_same_and_a_different_one_is_not():
    doc = read_source(RMRB).doc
    again = read_source(RMRB, force=True).doc  # the same reading: identical
    a, b = doc.articles
    assert dedup.similarity(dedup.article_print(a), dedup.article_print(again.articles[0])) == 1.0
    assert dedup.similarity(dedup.article_print(a), dedup.article_print(b)) < 0.05
    sample = read_source(SAMPLE).doc
    gen = read_source_text(make_page(7, n_articles=3).text)
    for x in sample.articles:
        for y in gen.articles:
            assert dedup.similarity(dedup.article_print(x), dedup.article_print(y)) < 0.1


def read_source_text(text: str) -> Document:
    from pipeline.read.decode import decode
    from pipeline.read.ocr import read_decoded

    return read_decoded(decode(text.encode("utf-8")), "page.txt", force=True).doc


def test_generated_pages_never_look_alike():
    """Generated pages are made of a few stock phrases: still far below the bar."""
    arts = [a for s in range(6) for a in read_source_text(make_page(100 + s, n_articles=4).text).articles]
    prints = [dedup.article_print(a) for a in arts]
    worst = max(dedup.similarity(p, q) for i, p in enumerate(prints) for q in prints[i + 1 :])
    assert worst < dedup.THRESHOLD - 0.15


def test_the_same_page_twice_gives_each_article_once(tmp_path):
    r, book = book_json(tmp_path, str(RMRB), str(RMRB), "--name", "twice")
    assert r.returncode == 0, r.stderr
    titles = [a["title"] for p in book["parts"] for a in p["articles"]]
    assert len(titles) == 2 == len(set(titles))
    assert "repeats" in r.stdout and "identical" in r.stdout
    assert book["stats"]["duplicates"] == 2


def test_a_page_scanned_twice_is_judged_by_its_text(tmp_path):
    scan = tmp_path / "scan2.txt"
    scan.write_text(reread(RMRB.read_text(encoding="utf-8"), 3), encoding="utf-8")
    other = page(tmp_path, "other.txt", 11)
    r, book = book_json(tmp_path, str(RMRB), str(other), str(scan), "--name", "scans")
    assert r.returncode == 0, r.stderr
    arts = [a for p in book["parts"] for a in p["articles"]]
    assert len(arts) == 4  # two of RMRB, two of the other page; the second scan adds none
    notes = [ln for ln in r.stdout.splitlines() if "note: duplicate" in ln]
    assert len(notes) == 1 and "scan2.txt" in notes[0] and "similarity" in notes[0]
    assert "identical" not in notes[0]  # a real re-reading differs a little


# --- the assembly and its accounting ---------------------------------------------------------


@pytest.fixture(scope="module")
def assembled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("book")
    gen = [page(tmp, f"gen{i}.txt", 300 + i) for i in range(2)]
    manifest = write(
        tmp,
        f"""
title = "测试选编"
[[parts]]
heading = "湖南日报"
inputs = [{{ path = "{SAMPLE}", paper = "湖南日报", date = "2021-04-20", page = 7 }}]
[[parts]]
inputs = ["{RMRB}", "{gen[0]}"]
[[parts]]
heading = "第三组"
inputs = ["{gen[1]}", "{SAMPLE}"]
""",
    )
    r, book = book_json(tmp, str(manifest))
    assert r.returncode == 0, r.stderr
    return book, [SAMPLE, RMRB, gen[0], gen[1]], r


def test_parts_in_manifest_order_with_their_pages_articles(assembled):
    book, inputs, _ = assembled
    assert [p["heading"] for p in book["parts"]] == ["湖南日报", "", "第三组"]
    expect = [[a.title for a in read_source(i).doc.articles] for i in inputs]
    got = [[a["title"] for a in p["articles"]] for p in book["parts"]]
    assert got == [expect[0], expect[1] + expect[2], expect[3]]  # the second SAMPLE: duplicates
    assert book["lead"] is None and book["articles"] == [] and book["unplaced"] == []


def test_each_article_carries_its_pages_source(assembled):
    book, _, _ = assembled
    first = book["parts"][0]
    assert {json.dumps(a["source"], ensure_ascii=False) for a in first["articles"]} == {
        json.dumps(
            {"paper": "湖南日报", "date": "2021年4月20日", "page": "7", "column": "理论·智库"}, ensure_ascii=False
        )
    }
    assert first["leads"][0]["source"]["paper"] == "湖南日报"
    rmrb = book["parts"][1]["articles"][0]["source"]  # from the page's own lines
    assert rmrb == {"paper": "", "date": "2026年4月14日", "page": "9", "column": ""}


def test_every_character_of_every_input_is_in_the_book_once(assembled):
    book, inputs, _ = assembled
    doc = Document.from_dict(book)
    in_book = letters(t for role, t in doc.iter_text() if role != "part")
    first_four = sum(letters(t for _, t in read_source(i).doc.iter_text()) for i in inputs)
    repeat = letters(t for _, t in read_source(SAMPLE).doc.iter_text())
    assert in_book == first_four == book["stats"]["chars_out"]
    assert book["stats"]["chars_in"] == first_four + repeat
    assert book["stats"]["chars_duplicate"] == repeat
    rows = {r["input"]: r for r in book["stats"]["inputs"]}
    assert all(r["in_book"] + r["duplicate"] == r["chars"] for r in rows.values())
    # and text by text: each input's articles and leftovers stand in the book as read
    for i, path in enumerate(inputs):
        d = read_source(path).doc
        part = book["parts"][[0, 1, 1, 2][i]]
        for a in d.articles:
            assert a.title in [x["title"] for x in part["articles"]]
        for u in d.unplaced:
            assert u in part["unplaced"]


def test_the_index_lists_every_author_once_with_their_articles(assembled):
    book, _, _ = assembled
    arts = [a for p in book["parts"] for a in p["articles"]]
    names = [e["name"] for e in book["index"]]
    assert len(names) == len(set(names)) == len({n for a in arts for n in a["authors"]})
    for e in book["index"]:
        assert e["articles"] == [k for k, a in enumerate(arts) if e["name"] in a["authors"]]
    persons = [e for e in book["index"] if not e["collective"]]
    assert [e["name"] for e in persons] == sorted((e["name"] for e in persons), key=sort_key)
    assert all(e["group"] == e["group"].upper() and len(e["group"]) == 1 for e in persons)


def test_a_book_model_builds_again_from_its_json(assembled, tmp_path):
    book, _, _ = assembled
    src = tmp_path / "book.json"
    src.write_text(json.dumps(book, ensure_ascii=False), encoding="utf-8")
    r = run("build", str(src), "--to", "json", "--out", str(tmp_path / "again"))
    assert r.returncode == 0, r.stderr
    again = json.loads((tmp_path / "again" / "book.json").read_text(encoding="utf-8"))
    assert again["parts"] == book["parts"] and again["index"] == book["index"]
    r = run("build", str(src), "--to", "md", "--out", str(tmp_path / "md"))
    assert r.returncode != 0 and "is a book" in r.stderr and not (tmp_path / "md").exists()


# --- failures -------------------------------------------------------------------------------


def test_a_failing_input_fails_the_book_in_one_line_and_writes_nothing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    r = run("book", str(SAMPLE), str(empty), "--name", "b", "--to", "pdf,json", "--out", str(out))
    assert r.returncode != 0
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and str(empty) in errors[0] and "Traceback" not in r.stderr
    assert not out.exists() or not any(out.iterdir())


def test_keep_going_leaves_the_failing_input_out_and_says_so(tmp_path):
    missing = tmp_path / "nowhere.txt"
    r, book = book_json(tmp_path, str(SAMPLE), str(missing), str(RMRB), "--name", "b", "--keep-going")
    assert r.returncode == 0, r.stderr
    assert f"skipped: {missing}" in r.stderr and "1 input left out" in r.stderr
    assert len(book["parts"]) == 2 and "2 parts" in r.stdout and "from 2 inputs" in r.stdout


def test_a_bad_manifest_fails_in_one_line_before_reading(tmp_path):
    m = write(tmp_path, "[[parts]]\ninputs = [{ path = 'a.txt', page = -1 }]\n")
    r = run("book", str(m), "--to", "pdf", "--out", str(tmp_path / "out"))
    assert r.returncode != 0 and r.stderr.count("\n") == 1 and "parts[0].inputs[0].page" in r.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "md"], "a book is built as"),
        (["--to", "pdf", "--toc-pages"], "--toc-pages"),
        (["--to", "docx", "--impose"], "--impose"),
    ],
)
def test_options_a_book_cannot_honour_are_refused(tmp_path, args, message):
    r = run("book", str(SAMPLE), "--name", "b", *args, "--out", str(tmp_path / "out"))
    assert r.returncode != 0 and message in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_a_traditional_input_is_refused_naming_it(tmp_path):
    r = run("build", str(SAMPLE), "--to", "json", "--variant", "zh-Hant", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    hant = tmp_path / f"{SAMPLE.stem}.zh-Hant.json"
    r = run("book", str(SAMPLE), str(hant), "--name", "b", "--to", "json", "--out", str(tmp_path / "out"))
    assert r.returncode != 0 and str(hant) in r.stderr and "Traditional" in r.stderr


# --- what books added to shared parts ----------------------------------------------------------


def test_a_sheet_written_before_books_still_loads_and_its_book_roles_fall_back(tmp_path):
    from pipeline.style import load_style

    text = (ROOT / "styles" / "booklet.toml").read_text(encoding="utf-8")
    old = re.sub(r"\[roles\.(part|source|index)\][^\[]*", "", text)
    assert "[roles.part]" not in old
    (tmp_path / "old.toml").write_text(old, encoding="utf-8")
    st = load_style(tmp_path / "old.toml")
    assert st.role("part") == st.role("lead_heading") and st.role("source") == st.role("bio")
    assert st.role("index") == st.role("toc")
    (tmp_path / "child.toml").write_text('extends = "old.toml"\n[roles.source]\ncolor = "#123456"\n', encoding="utf-8")
    child = load_style(tmp_path / "child.toml")
    assert child.role("source").color == "#123456" and child.role("source").size == st.role("bio").size


@pytest.mark.parametrize(
    ("n", "words"),
    [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"), (105, "一百零五"), (110, "一百一十")],
)
def test_part_numbers_in_chinese_numerals(n, words):
    from pipeline.render.shared import part_label
    from pipeline.text import chinese_numeral

    assert chinese_numeral(n) == words
    assert part_label(n, "zh-Hans") == f"第{words}部分"


def test_source_lines_print_the_fields_present_in_citation_order():
    from pipeline.model import Provenance
    from pipeline.render.shared import source_line

    full = Provenance("湖南日报", "2025年3月4日", "07", "理论·智库")
    assert source_line(full, "zh-Hans") == "出处：湖南日报 2025年3月4日 第7版《理论·智库》"
    assert source_line(Provenance(page="A3"), "zh-Hant") == "出處：第A3版"
    assert source_line(Provenance(column="《评论》"), "zh-Hans") == "出处：《评论》"
    assert source_line(Provenance(), "zh-Hans") == source_line(None, "zh-Hans") == ""


# --- geometric inputs ----------------------------------------------------------------------------

EPAPER = [
    (
        "以产业融合消融壁垒",
        "陶银球",
        [
            "推进城市群、都市圈一体化建设，是构建新发展格局的重要战略部署。国家规划纲要提出，要发展壮大城市群和都市圈。",
            "长株潭三市以全省七分之一的国土面积，创造了湖南四成以上的经济总量。长沙先后对多个历史街区实施了更新改造。",
        ],
    ),
    (
        "推动区域人才柔性流动",
        "孙雄辉",
        [
            "区域人才合作的基础在协同、优势在互补、目标在共赢，应着力在人才共享的体系上下功夫，打通人才流动的堵点。",
            "积极推行假日学者、星期天工程师等人才共享模式，推动区域内人才柔性流动，让人才在城市群内各展其长。",
        ],
    ),
]


def _epaper(path: Path) -> None:
    """An e-paper PDF of two pages, one article each, with a text layer (read without OCR)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    em, top, width = 12.0, 800.0, 13
    c = canvas.Canvas(str(path), pagesize=(420, 842))
    for title, author, paras in EPAPER:
        lines = [(title, 0.0, 0.0, 2.0), (author, 0.0, 3.0, 1.0)]
        col = []
        for p in paras:
            text = "\u3000\u3000" + p
            col += [text[i : i + width] for i in range(0, len(text), width)]
        bio = "（作者系湖南师范大学特约研究员）"
        col += [bio[:width], bio[width:]]
        half = (len(col) + 1) // 2
        for k, t in enumerate(col):
            c_, row = divmod(k, half)
            lead = len(t) - len(t.lstrip("\u3000"))
            lines.append((t.lstrip("\u3000"), c_ * (width + 1.5) + lead, 4.8 + row * 1.6, 1.0))
        for text, x, y, size in lines:
            c.setFont("STSong-Light", em * size)
            c.drawString(30 + x * em, top - y * em - em * size, text)
        c.showPage()
    c.save()


def test_a_pdf_of_two_pages_is_two_pages_of_its_part(tmp_path):
    pdf = tmp_path / "epaper.pdf"
    _epaper(pdf)
    m = write(
        tmp_path, f'[[parts]]\nheading = "电子版"\ninputs = [{{ path = "{pdf}", page = 3, date = 2026-05-06 }}]\n'
    )
    r, book = book_json(tmp_path, str(m))
    assert r.returncode == 0, r.stderr
    [part] = book["parts"]
    assert [a["title"] for a in part["articles"]] == [t for t, _, _ in EPAPER]
    assert [a["authors"] for a in part["articles"]] == [[a] for _, a, _ in EPAPER]
    assert all(a["source"] == {"paper": "", "date": "2026年5月6日", "page": "", "column": ""} for a in part["articles"])
    assert [row["input"] for row in book["stats"]["inputs"]] == [str(tmp_path / f"epaper-p{k}.pdf") for k in (1, 2)]
