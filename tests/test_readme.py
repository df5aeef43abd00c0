"""The README as a new user reads it: every command it shows works as written from a fresh clone.

A fresh clone is the repository's files (tracked and new, nothing ignored: no output/, no
caches) copied to an empty folder, with the virtual environment `make pdf` creates there. Each
code block's runnable lines run in one bash session in that folder, with the venv *not* on PATH,
so `.venv/bin/pipeline` and activation are tested as a user types them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
RUNNABLE = re.compile(r"^(\.venv/bin/pipeline|pipeline|\. \.venv/bin/activate)(\s|$)")
PLACEHOLDER = re.compile(r"\bINPUT\b|\[|…")


def code_blocks(text: str) -> list[list[str]]:
    """Indented code blocks (4 spaces), each as its lines without the indent."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in text.splitlines():
        if line.startswith("    ") and line.strip():
            cur.append(line[4:])
        elif line.strip() and cur:  # prose ends the block; a blank line does not
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def examples() -> list[list[str]]:
    out = []
    for block in code_blocks(README):
        cmds = [ln for ln in block if RUNNABLE.match(ln) and not PLACEHOLDER.search(ln)]
        if cmds:
            out.append(cmds)
    return out


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    dest = tmp_path_factory.mktemp("clone")
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for f in filter(None, files):
        src = ROOT / f.decode()
        if src.is_file():
            (dest / f.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / f.decode())
    (dest / ".venv").symlink_to(ROOT / ".venv")  # what `make pdf` made
    return dest


def test_the_readme_says_how_to_run_pipeline_after_make_pdf():
    assert ".venv/bin/pipeline" in README and ". .venv/bin/activate" in README
    assert len([c for b in examples() for c in b]) >= 6


@pytest.mark.slow
@pytest.mark.parametrize("block", examples(), ids=lambda b: b[0][:40])
def test_every_readme_example_works_as_written(clone, block):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    script = "set -euo pipefail\n" + "\n".join(block) + "\n"
    r = subprocess.run(["bash", "-c", script], cwd=clone, capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, f"{block}\n{r.stderr}"
    assert "Traceback" not in r.stderr
    for cmd in block:  # what each command says it writes is there
        for m in re.finditer(r"(?:--out|-o|>)\s+(\S+)", cmd):
            assert (clone / m.group(1)).exists(), f"{cmd}: {m.group(1)} not written"


def test_every_option_in_the_synopsis_exists():
    from click.testing import CliRunner

    from pipeline.cli import cli

    synopsis = README.split("## Command line (synopsis)", 1)[1].split("\n\n", 2)[1]
    runner = CliRunner()
    for command in ("build", "structure", "report", "book"):
        lines = [ln for ln in synopsis.splitlines() if f"pipeline {command}" in ln]
        if command == "build":  # its synopsis runs over the continuation lines
            lines = synopsis.split("pipeline structure", 1)[0].splitlines()
        help_text = runner.invoke(cli, [command, "--help"]).output
        shown = " ".join(ln.split("#", 1)[0] for ln in lines)  # not the comments
        for opt in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", shown):
            assert opt in help_text, f"README shows {opt} for `pipeline {command}`, which has no such option"
