"""The size gate of make lint (scripts/check_complexity.py) finds what it should, where it is."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import check_complexity


def test_a_long_or_branchy_function_is_listed_with_file_and_line(tmp_path, capsys):
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(30))
    (tmp_path / "m.py").write_text(
        "def short():\n    return 1\n\n\ndef branchy(x):\n" + branches + "\n    return -1\n", encoding="utf-8"
    )
    assert check_complexity.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "m.py:5: branchy: complexity 31" in out and "short" not in out
    assert check_complexity.main([str(tmp_path), "--exclude", "*m.py:branchy"]) == 0


def test_pipeline_passes_the_gate():
    assert check_complexity.main([str(ROOT / "pipeline")]) == 0


def test_a_function_defined_twice_in_a_module_is_listed(tmp_path, capsys):
    # Python keeps the second: callers of the first silently run it (ruff misses this case).
    (tmp_path / "m.py").write_text(
        "def wide(x):\n    return x > 1\n\n\ndef use(x):\n    return wide(x)\n\n\ndef wide(x):\n    return x > 2\n",
        encoding="utf-8",
    )
    assert check_complexity.main([str(tmp_path)]) == 1
    assert "m.py:9: wide defined again (first at line 1)" in capsys.readouterr().out
