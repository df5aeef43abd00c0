"""The command line as a user meets it: real subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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
