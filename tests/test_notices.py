"""Notices are typed records; their Chinese message is made only when shown."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.structure.notices import MESSAGES, Notice

ROOT = Path(__file__).resolve().parent.parent


def test_every_code_a_pass_writes_has_a_message():
    used = set()
    for f in (ROOT / "pipeline" / "structure").rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        used |= set(re.findall(r'(?:note|Notice)\(\s*"([a-z-]+)"', text))
    assert used and used <= set(MESSAGES), used - set(MESSAGES)


def test_a_notice_round_trips_and_renders_its_fields():
    n = Notice("headline-margin", 12, {"margin": 0.1234})
    d = n.to_dict()
    assert d["message"] == "第12行：标题归属的领先分差较小（0.12）"
    assert Notice.from_dict(d) == n
    assert Notice("no-title", None, {"article": 3}).message() == "第3篇：未找到标题"
