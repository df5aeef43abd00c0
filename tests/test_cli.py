"""The command line as a user meets it: real subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env or ENV,
        timeout=300,
    )


def test_structure_prints_the_contract_schema():
    r = run("structure", str(SAMPLE))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["schema"] == 1
    assert d["lead"]["heading"] == "导读"
    assert {"title", "authors", "bio", "blocks"} <= set(d["articles"][0])
    assert {b["type"] for a in d["articles"] for b in a["blocks"]} == {"heading", "paragraph"}


def test_build_json_and_md(tmp_path):
    r = run("build", str(SAMPLE), "--to", "json,md", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    stem = SAMPLE.stem
    doc = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
    md = (tmp_path / f"{stem}.md").read_text(encoding="utf-8")
    for a in doc["articles"]:
        assert a["title"].split("\n")[0] in md
        assert a["bio"] in md
        for b in a["blocks"]:
            assert b["text"] in md
    assert "chars in/out" in r.stdout


def test_help_everywhere():
    for args in ([], ["build"], ["structure"]):
        r = run(*args, "--help")
        assert r.returncode == 0 and "Usage" in r.stdout


BAD = {
    "empty.txt": b"",
    "blank.txt": b" \n\n\t \n",
    "binary.txt": b"\x00\x01PK\x03\x04" * 40,
    "truncated.txt": "推进城市群都市圈建设".encode()[:-2],
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_one_line_error_and_no_output(tmp_path, name):
    src = tmp_path / name
    src.write_bytes(BAD[name])
    out = tmp_path / "out"
    r = run("build", str(src), "--to", "json,md", "--out", str(out))
    assert r.returncode != 0
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and name in errors[0]
    assert "Traceback" not in r.stderr
    assert not list(out.glob("*")) if out.exists() else True


def test_missing_file_and_directory(tmp_path):
    for target, words in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "is a directory")):
        r = run("structure", str(target))
        assert r.returncode != 0 and words in r.stderr and "Traceback" not in r.stderr


def test_unknown_format_and_variant():
    assert "unknown format" in run("build", str(SAMPLE), "--to", "pdf,xls").stderr
    assert "unknown variant" in run("build", str(SAMPLE), "--variant", "zh-XX").stderr


def test_batch_with_one_bad_input_builds_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = run("build", str(bad), str(SAMPLE), "--to", "json", "--out", str(tmp_path / "o"), "-j", "1")
    assert r.returncode != 0
    assert (tmp_path / "o" / f"{SAMPLE.stem}.json").exists()
    assert "bad.txt" in r.stderr and "1 failed" in r.stderr


def test_unwritable_output_directory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = run("build", str(SAMPLE), "--to", "json", "--out", str(blocker / "sub"))
    assert r.returncode != 0 and "output directory" in r.stderr and "Traceback" not in r.stderr


def test_bad_style_sheet_names_file_and_key(tmp_path):
    sheet = tmp_path / "bad.toml"
    sheet.write_text(
        (ROOT / "styles" / "booklet.toml").read_text(encoding="utf-8").replace('size = "A5"', 'size = "A9"')
    )
    r = run("build", str(SAMPLE), "--to", "json", "--style", str(sheet), "--out", str(tmp_path))
    assert r.returncode != 0
    assert "bad.toml" in r.stderr and "page.size" in r.stderr


def test_markup_in_text_stays_text(tmp_path):
    src = tmp_path / "markup.txt"
    src.write_text(
        '这是正文<img src="/etc/passwd"/>和<script>alert(1)</script>以及&amp;还有]]>的内容。\n', encoding="utf-8"
    )
    r = run("build", str(src), "--to", "json,md", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    doc = json.loads((tmp_path / "markup.json").read_text(encoding="utf-8"))
    text = doc["articles"][0]["blocks"][0]["text"]
    assert '<img src="/etc/passwd"/>' in text and "<script>" in text and "&amp;" in text
    md = (tmp_path / "markup.md").read_text(encoding="utf-8")
    assert "<script>" not in md and r"\<script\>" in md


# --- inputs: the model's JSON, text that is no Chinese page, paths in errors (issue 13) ---------


def _outline_titles(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    r = PdfReader(pdf)
    out: list[str] = []

    def walk(items):
        for o in items:
            if isinstance(o, list):
                walk(o)
            else:
                out.append(o.title)

    walk(r.outline)
    return out


def test_model_json_is_an_input_that_rebuilds_the_same_booklet(tmp_path):
    first = tmp_path / "first"
    r = run("build", str(SAMPLE), "--to", "json,pdf", "--out", str(first))
    assert r.returncode == 0, r.stderr
    model = first / f"{SAMPLE.stem}.json"
    r = run("build", str(model), "--to", "pdf,json", "--out", str(tmp_path / "again"))
    assert r.returncode == 0, r.stderr
    again = tmp_path / "again"
    assert _outline_titles(again / f"{SAMPLE.stem}.pdf") == _outline_titles(first / f"{SAMPLE.stem}.pdf")
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (model, again / f"{SAMPLE.stem}.json"))
    assert after["lead"] == before["lead"] and after["unplaced"] == before["unplaced"]
    assert [(a["title"], a["authors"], a["bio"], a["blocks"]) for a in after["articles"]] == [
        (a["title"], a["authors"], a["bio"], a["blocks"]) for a in before["articles"]
    ]
    r = run("structure", str(model))
    assert r.returncode == 0, r.stderr
    assert [a["title"] for a in json.loads(r.stdout)["articles"]] == [a["title"] for a in before["articles"]]
    renamed = tmp_path / "model.txt"
    renamed.write_bytes(model.read_bytes())
    r = run("structure", str(renamed), "--from", "json")
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("name", ["hello.txt", "hello.md", "hello.json"])
def test_a_file_without_chinese_is_refused_in_one_line(tmp_path, name):
    src = tmp_path / name
    src.write_text(
        {".txt": "hello\n", ".md": "## hello\n\nworld\n", ".json": '{"schema": 1, "articles": [{"title": "hello"}]}'}[
            src.suffix
        ],
        encoding="utf-8",
    )
    out = tmp_path / "out"
    for args in (("build", str(src), "--to", "pdf,json", "--out", str(out)), ("structure", str(src))):
        r = run(*args)
        assert r.returncode != 0 and "Traceback" not in r.stderr
        errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
        assert len(errors) == 1 and str(src) in errors[0] and "no Chinese text" in errors[0], r.stderr
    assert not out.exists() or not list(out.iterdir())


def test_raw_json_read_as_text_hints_at_from_json(tmp_path):
    r = run("build", str(SAMPLE), "--to", "json", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    raw = tmp_path / "model.txt"
    raw.write_bytes((tmp_path / f"{SAMPLE.stem}.json").read_bytes())
    r = run("build", str(raw), "--to", "pdf", "--out", str(tmp_path / "out"))
    assert r.returncode != 0 and "--from json" in r.stderr and str(raw) in r.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bad.json", b'{"schema": 1, "articles": [{"title": 3}]}'),
        ("bad.json", b'{"schema": 1, "articles": [{"title": "\xe6\xa0\x87", "blocks": [{"type": "list"}]}]}'),
        ("bad.json", b'{"schema": 1,'),
        ("bad.json", b'{"schema": 9, "articles": []}'),
        ("bad.json", b"[1, 2]"),
    ],
)
def test_a_broken_model_json_names_the_field(tmp_path, name, data):
    src = tmp_path / name
    src.write_bytes(data)
    r = run("structure", str(src))
    assert r.returncode != 0 and "Traceback" not in r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert str(src) in line


@pytest.mark.parametrize("name", sorted(BAD))
@pytest.mark.parametrize("suffix", [".txt", ".md", ".json"])
def test_every_input_error_gives_the_path(tmp_path, name, suffix):
    """Empty, blank, binary, truncated: the error names the file by the path the user gave."""
    src = tmp_path / (Path(name).stem + suffix)
    src.write_bytes(BAD[name])
    r = run("structure", str(src))
    assert r.returncode != 0
    assert r.stderr.startswith(f"error: {src}:"), r.stderr


# --- small things a new user meets (issue 13.12) --------------------------------------------------


def test_command_summaries_are_whole_sentences():
    from pipeline.cli import cli

    r = run("--help")
    listed = r.stdout.split("Commands:", 1)[1].splitlines()
    assert len([ln for ln in listed if ln.strip()]) == len(cli.commands)
    for line in listed:
        assert not line.rstrip().endswith("..."), f"summary cut mid-sentence: {line.strip()}"
        if line.strip():
            assert line.rstrip().endswith("."), line


def test_summary_agrees_in_number(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = run("build", str(bad), "--to", "json", "--out", str(tmp_path / "o"))
    assert "1 input, 0 outputs, 1 failed" in r.stderr
    r = run("build", str(bad), str(SAMPLE), "--to", "json", "--out", str(tmp_path / "o"), "-j", "1")
    assert "2 inputs, 1 output, 1 failed" in r.stderr


def test_report_without_output_says_where_it_wrote(tmp_path):
    r = run("report", str(SAMPLE), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    dest = tmp_path / f"{SAMPLE.stem}.report.html"
    assert dest.is_file()
    assert r.stdout.strip().endswith(f"wrote {dest}")


@pytest.mark.slow
def test_make_setup_prints_no_installer_warnings():
    """`make pdf` starts with the venv step; setuptools' editable-install notes must not show."""
    r = subprocess.run(["make", "-s", "-B", ".venv/.installed"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr
    out = r.stdout + r.stderr
    for noise in ("Editable install", "BuildBackendWarning", "editable_wheel", "Please be careful"):
        assert noise not in out, out


# An invocation giving each dependent option alone, without the option it needs.
DEPENDENT = {
    "--hant-profile": ["--hant-profile", "s2hk"],
    "--impose": ["--to", "json", "--impose"],
    "--signature-sheets": ["--signature-sheets", "2"],
    "--creep": ["--creep", "0.1mm"],
    "--marks": ["--marks"],
    "--toc-pages": ["--to", "pdf", "--toc-pages"],
}


def test_every_dependent_option_is_covered():
    """An option whose help starts 'With X:' means nothing alone: each is listed (and tested) here."""
    from pipeline.cli import build

    dependent = {p.opts[0] for p in build.params if (getattr(p, "help", "") or "").startswith("With ")}
    assert dependent == set(DEPENDENT)


@pytest.mark.parametrize("option", sorted(DEPENDENT))
def test_an_option_without_the_one_it_needs_is_refused_with_a_hint(tmp_path, option):
    from pipeline.cli import build

    param = next(p for p in build.params if p.opts[0] == option)
    needs = param.help.split(":", 1)[0].removeprefix("With ")  # "--impose", "--variant zh-Hant", "--to pdf"
    r = run("build", str(SAMPLE), *DEPENDENT[option], "--out", str(tmp_path / "o"))
    assert r.returncode != 0
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("error: ") and option in line and needs in line, line
    assert not (tmp_path / "o").exists()


# --- the cover date is never the build clock (issue 13.8) ----------------------------------------


def _cover_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return PdfReader(pdf).pages[0].extract_text()


def test_no_date_anywhere_means_no_date_on_the_cover_and_the_summary_says_so(tmp_path):
    env = {k: v for k, v in ENV.items() if k != "SOURCE_DATE_EPOCH"}
    r = run("build", str(SAMPLE), "--to", "pdf,md,epub", "--out", str(tmp_path), env=env)
    assert r.returncode == 0, r.stderr
    assert "note: no date on the cover" in r.stdout
    md = (tmp_path / f"{SAMPLE.stem}.md").read_text(encoding="utf-8")
    assert "\ndate:" not in md.split("\n---\n", 1)[0]
    assert not re.search(r"\d{4}\s*年", _cover_text(tmp_path / f"{SAMPLE.stem}.pdf"))
    with zipfile.ZipFile(tmp_path / f"{SAMPLE.stem}.epub") as z:
        assert b"<dc:date>" not in z.read("EPUB/content.opf")
    r = run("build", str(SAMPLE), "--to", "pdf", "--date", "2021年5月27日", "--out", str(tmp_path), env=env)
    assert "note: no date" not in r.stdout
    assert "2021年5月27日" in _cover_text(tmp_path / f"{SAMPLE.stem}.pdf").replace(" ", "")


def test_a_sheet_may_ask_for_the_edition_date_which_the_markdown_does_not_freeze(tmp_path):
    sheet = tmp_path / "dated.toml"
    src = (ROOT / "styles" / "booklet.toml").read_text(encoding="utf-8")
    sheet.write_text(src.replace("edition_date = false", "edition_date = true", 1), encoding="utf-8")
    env = {**ENV, "SOURCE_DATE_EPOCH": "1764000000"}  # 2025-11-24
    r = run("build", str(SAMPLE), "--to", "pdf,md", "--style", str(sheet), "--out", str(tmp_path), env=env)
    assert r.returncode == 0, r.stderr
    assert "edition date" in r.stdout
    assert "2025年11月24日" in _cover_text(tmp_path / f"{SAMPLE.stem}.pdf").replace(" ", "")
    assert "2025" not in (tmp_path / f"{SAMPLE.stem}.md").read_text(encoding="utf-8")
