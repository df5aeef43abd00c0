"""Fonts for the PDF: fontconfig lookup, CFF -> TrueType subsets, the disk cache, fallback."""

from __future__ import annotations

import io
import multiprocessing as mp
import os
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from pipeline.errors import PipelineError
from pipeline.render.fontengine import FontEngine
from pipeline.render.pdf import fonts
from pipeline.style import load_style

SERIF = "Noto Serif CJK SC"
KAI = "LXGW WenKai"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path))
    return tmp_path / "fonts"


def face(family: str) -> fonts.Face:
    f = fonts.find_face(family)
    if f is None:
        pytest.fail(f"{family} not installed (apt-get install fonts-noto-cjk fonts-lxgw-wenkai)")
    return f


def test_fontconfig_finds_the_regular_face_of_a_family():
    f = face(SERIF)
    assert f.path.endswith(".ttc") and "Regular" in f.path
    tt = TTFont(f.path, fontNumber=f.index, lazy=True)
    assert tt["name"].getDebugName(1) == SERIF


def test_unknown_family_is_not_silently_replaced():
    assert fonts.find_face("No Such Family Sans") is None


def test_font_file_path_is_accepted(tmp_path):
    kai = face(KAI)
    assert fonts.find_face(kai.path) == fonts.Face(kai.path, kai.path, 0)
    assert fonts.find_face(str(tmp_path / "missing.ttf")) is None


def test_cff_subset_becomes_truetype_with_just_the_asked_characters():
    f = face(SERIF)
    data, metrics = fonts.build_subset(f.path, f.index, "城市群，“”——")
    tt = TTFont(io.BytesIO(data))
    assert "glyf" in tt and "CFF " not in tt
    cmap = tt.getBestCmap()
    assert {chr(c) for c in cmap} == set("城市群，“”—")
    assert len(tt.getGlyphOrder()) <= 10
    assert metrics["adv"]["城"] == metrics["upm"]


def test_em_dash_is_full_width_and_fills_its_box():
    """—— must read as one line: Noto's proportional dash is swapped for a stretched full-width one."""
    f = face(SERIF)
    _, m = fonts.build_subset(f.path, f.index, "—")
    x0, x1 = m["ink"]["—"]
    assert m["adv"]["—"] == m["upm"] and x0 <= 0.01 * m["upm"] and x1 >= 0.99 * m["upm"]


def test_cache_is_keyed_by_charset_and_warm_build_does_no_font_work(cache, monkeypatch):
    style = load_style()
    chars = {"body": set("城市群发展"), "heading": set("建设"), "lead": set("导读")}
    fonts.load_fonts(style, "zh-Hans", chars)
    first = sorted(p.name for p in cache.iterdir())
    assert any(n.endswith(".ttf") for n in first)
    assert not [n for n in first if n.endswith(".tmp")], "temporary files left behind"

    def boom(*a, **k):
        raise AssertionError("font converted although the cache was warm")

    monkeypatch.setattr(fonts, "build_subset", boom)
    fonts.load_fonts(style, "zh-Hans", chars)
    assert sorted(p.name for p in cache.iterdir()) == first
    monkeypatch.undo()
    monkeypatch.setenv("PIPELINE_CACHE", str(cache.parent))
    fonts.load_fonts(style, "zh-Hans", {**chars, "body": set("城市群发展经济")})
    assert len(list(cache.glob("*.ttf"))) > len([n for n in first if n.endswith(".ttf")])


def _build_in_child(cache_root: str, q) -> None:
    os.environ["PIPELINE_CACHE"] = cache_root
    f = fonts.find_face(KAI)
    fonts._store(f, "城市群", *fonts.build_subset(f.path, f.index, "城市群"))
    q.put(fonts._cached(f, "城市群") is not None)


def test_concurrent_builds_share_one_cache_safely(tmp_path):
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    procs = [ctx.Process(target=_build_in_child, args=(str(tmp_path), q)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [q.get(timeout=5) for _ in procs] == [True, True, True]
    ttfs = list((tmp_path / "fonts").glob("*.ttf"))
    assert len(ttfs) == 1 and TTFont(ttfs[0]).getBestCmap()
    assert not list((tmp_path / "fonts").glob(".*tmp"))


def test_character_missing_from_first_font_falls_back_to_the_next():
    kai, serif = face(KAI), face(SERIF)
    engine = FontEngine()
    cov_kai, cov_serif = engine.coverage(kai), engine.coverage(serif)
    rare = next(chr(c) for c in sorted(cov_serif.codepoints) if c >= 0x2E80 and c not in cov_kai.codepoints)
    fs = fonts.load_fonts(load_style(), "zh-Hans", {"lead": {"导", rare}})
    assert fs.font("lead", "导").family == KAI
    assert fs.font("lead", rare).family == SERIF


def test_kai_quotes_fall_back_to_a_full_width_face():
    """LXGW WenKai's “” are proportional; a Chinese page wants them full width."""
    fs = fonts.load_fonts(load_style(), "zh-Hans", {"lead": set("导读“”")})
    assert fs.font("lead", "“").family == SERIF
    assert fs.font("lead", "“").advance("“", 10) == pytest.approx(10)


def test_latin_in_body_uses_the_latin_role():
    fs = fonts.load_fonts(load_style(), "zh-Hans", {"body": set("城A1")})
    assert fs.font("body", "A").family == load_style().fonts["latin"][0]


def _sheet_with(tmp_path: Path, old: str, new: str):
    src = Path(load_style().path).read_text(encoding="utf-8")
    assert old in src
    p = tmp_path / "sheet.toml"
    p.write_text(src.replace(old, new, 1), encoding="utf-8")
    return load_style(p)


def test_misspelt_family_names_the_nearest_installed_families(tmp_path):
    """A typo is not a missing package: say no installed family has the name, list the nearest."""
    style = _sheet_with(tmp_path, 'body = ["Noto Serif CJK SC"', 'body = ["Noto Serif CJK XX"')
    with pytest.raises(PipelineError) as e:
        fonts.load_fonts(style, "zh-Hans", {"body": set("城")})
    msg = str(e.value)
    assert "'Noto Serif CJK XX'" in msg and "fonts.body" in msg and "sheet.toml" in msg
    assert "no installed family has that name" in msg and "not installed" not in msg
    nearest = msg.split("nearest installed: ", 1)[1].split(", ")
    assert nearest[0].startswith("Noto Serif CJK") and len(nearest) <= 3
    assert all(fonts.find_face(name) is not None for name in nearest)  # real installed names
    assert "\n" not in msg


def test_unknown_family_without_a_near_name_says_which_package_to_install(tmp_path):
    style = _sheet_with(tmp_path, 'heading = ["Noto Sans CJK SC"', 'heading = ["Qqzx Wxyv"')
    with pytest.raises(PipelineError) as e:
        fonts.load_fonts(style, "zh-Hans", {"heading": set("城")})
    assert "no installed family has that name" in str(e.value) and "apt-cache search font" in str(e.value)


def test_no_cjk_font_at_all_falls_back_to_stsong_loudly(tmp_path, monkeypatch):
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>')
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path))
    fonts._reset_fontconfig_cache()
    try:
        with pytest.warns(RuntimeWarning, match="not print-ready"):
            fs = fonts.load_fonts(load_style(), "zh-Hans", {"body": set("城市")})
        assert not fs.print_ready and fs.font("body", "城").name == fonts.CID_FALLBACK
    finally:
        monkeypatch.undo()
        fonts._reset_fontconfig_cache()
