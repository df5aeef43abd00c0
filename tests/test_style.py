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


# --- extends ----------------------------------------------------------------------------------


def test_a_sheet_extends_another_and_gives_only_what_differs(tmp_path):
    child = tmp_path / "mine.toml"
    child.write_text('extends = "booklet.toml"\n\n[roles.quote]\nleft_indent = "4em"\n\n[layout]\ntoc = false\n')
    base, st = load_style(), load_style(child)
    assert st.role("quote").left_indent_em == 4.0
    assert st.role("quote").size == base.role("quote").size  # the rest of the role is inherited
    assert st.layout.toc is False and st.layout.cover == base.layout.cover
    assert st.page == base.page and st.fonts == base.fonts and st.extends == (ROOT / "styles" / "booklet.toml",)


def test_extends_a_sheet_beside_it_first(tmp_path):
    (tmp_path / "base.toml").write_text(BASE.replace('size = "A5"', 'size = "B5"', 1), encoding="utf-8")
    (tmp_path / "child.toml").write_text('extends = "base.toml"\n')
    assert round(load_style(tmp_path / "child.toml").page.width / PT_PER["mm"]) == 176


@pytest.mark.parametrize(
    ("files", "named", "key"),
    [
        ({"c.toml": 'extends = "booklet.toml"\n[roles.body]\nsize = "big"\n'}, "c.toml", "roles.body.size"),
        (
            {"c.toml": 'extends = "b.toml"\n', "b.toml": BASE.replace("size = 10.5", "size = -1", 1)},
            "b.toml",
            "roles.body.size",
        ),
        ({"c.toml": 'extends = "nowhere.toml"\n'}, "c.toml", "extends"),
        ({"c.toml": "extends = 3\n"}, "c.toml", "extends"),
        ({"c.toml": 'extends = "b.toml"\n', "b.toml": 'extends = "c.toml"\n'}, "c.toml", "circle"),
        ({"c.toml": 'extends = "booklet.toml"\n[roles.sidebar]\nsize = 9\n'}, "c.toml", "roles.sidebar"),
    ],
    ids=["child-value", "parent-value", "missing-parent", "not-a-name", "cycle", "unknown-role"],
)
def test_errors_in_a_chain_name_the_file_that_holds_the_key(tmp_path, files, named, key):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(StyleError) as err:
        load_style(tmp_path / "c.toml")
    msg = str(err.value)
    assert msg.startswith(f"style sheet {tmp_path / named}:") and key in msg and "\n" not in msg


def test_a_full_sheet_without_a_role_is_refused_naming_it(tmp_path):
    start = BASE.index("[roles.quote]")
    end = BASE.index("[roles.list_item]")
    sheet = tmp_path / "old.toml"
    sheet.write_text(BASE[:start] + BASE[end:], encoding="utf-8")
    with pytest.raises(StyleError, match=r"old\.toml: missing role table \[roles\.quote\]"):
        load_style(sheet)


def test_a_sheet_written_before_signatures_sets_them_flush_right_in_the_leads_face(tmp_path):
    # [roles.signature] came after sheets were in use: one that lacks it takes the lead's
    # size and colour, set flush right and unindented; a sheet that gives it decides
    start = BASE.index("[roles.signature]")
    end = BASE.index("[roles.lead_heading]")
    sheet = tmp_path / "old.toml"
    sheet.write_text(BASE[:start] + BASE[end:], encoding="utf-8")
    old, lead = load_style(sheet).role("signature"), load_style(sheet).role("lead")
    assert (old.size, old.color, old.align, old.first_line_indent_em) == (lead.size, lead.color, "right", 0.0)
    given = BASE[:start] + BASE[start:end].replace('align = "right"', 'align = "center"') + BASE[end:]
    sheet.write_text(given, encoding="utf-8")
    assert load_style(sheet).role("signature").align == "center"
