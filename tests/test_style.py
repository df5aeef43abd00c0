"""Style sheets: every shipped sheet loads; bad values name the file, the key and the expectation."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from pipeline.style import PT_PER, ROLE_FONT, ROLES, StyleError, load_style, parse_length

SHEETS = sorted((ROOT / "styles").glob("*.toml"))
BASE = (ROOT / "styles" / "booklet.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_every_shipped_sheet_loads_with_every_role(sheet: Path):
    st = load_style(sheet)
    assert set(st.roles) == set(ROLES)
    for role in ROLE_FONT.values():
        assert st.font_families(role) and st.font_families(role, "zh-Hant")


def test_the_sheet_decides_the_page():
    a5, a4 = load_style(ROOT / "styles" / "booklet.toml"), load_style(ROOT / "styles" / "a4-report.toml")
    assert round(a5.page.width / PT_PER["mm"]) == 148 and round(a4.page.width / PT_PER["mm"]) == 210


@pytest.mark.parametrize(("value", "points"), [("18mm", 18 * 72 / 25.4), ("6pt", 6.0), ("1in", 72.0), (3, 3.0)])
def test_lengths(value, points):
    assert parse_length(value) == pytest.approx(points)


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('size = "A5"', 'size = "A9"', "page.size"),
        ('margin_top = "20mm"', 'margin_top = "wide"', "page.margin_top"),
        ('color = "#1a1a1a"', 'color = "black"', "roles.body.color"),
        ("size = 10.5", 'size = "big"', "roles.body.size"),
        ('align = "justify"', 'align = "middle"', "roles.body.align"),
        ("[layout]", "[layout]\nbogus = 1", "layout.bogus"),
        ('body = ["Noto Serif CJK SC"', 'body = [""', "fonts.body"),
    ],
)
def test_bad_values_name_file_key_and_expectation(tmp_path, old, new, key):
    sheet = tmp_path / "bad.toml"
    sheet.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(StyleError) as err:
        load_style(sheet)
    msg = str(err.value)
    assert "bad.toml" in msg and key in msg and "\n" not in msg


def test_toml_syntax_error_is_one_line(tmp_path):
    sheet = tmp_path / "broken.toml"
    sheet.write_text("[page\nsize = ", encoding="utf-8")
    with pytest.raises(StyleError, match=r"broken\.toml: TOML syntax error"):
        load_style(sheet)
