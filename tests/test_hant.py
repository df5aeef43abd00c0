"""Simplified -> Traditional conversion of the model: corrections, neighbours, quotes, residue, tags."""

from __future__ import annotations

import importlib.resources

import pytest
from conftest import SAMPLE, make_doc

from pipeline import hant
from pipeline.model import Placement

ENTRIES = hant.corrections()
READER_PROFILES = ("s2tw", "s2hk")  # the editions readers get; s2twp/s2t are opt-ins


def _convert(entry: hant.Correction, text: str, profile: str) -> str:
    if entry.scope == "name":
        return hant.convert_name(text, profile)
    return hant.convert_text(text, profile, corner_quotes=False)


def _cases(field: str) -> list:
    out = []
    for e in ENTRIES:
        for text in getattr(e, field):
            out.append(pytest.param(e, text, id=f"line{e.line}-{text}"))
    return out


# --- the correction list: every entry, positive and negative --------------------------------


@pytest.mark.parametrize(("entry", "example"), _cases("examples"))
def test_correction_fixes_its_example(entry: hant.Correction, example: str) -> None:
    expected = entry.expected[entry.examples.index(example)]
    assert _convert(entry, example, entry.example_profile) == expected
    for profile in READER_PROFILES:
        if entry.applies(profile, entry.scope):
            raw = hant.opencc_convert(example, profile)
            # The error is real: if OpenCC stops making it, the entry is dead and should go.
            assert entry.pattern.search(raw), f"OpenCC {profile} no longer errs on {example!r} ({raw!r})"
            assert not entry.pattern.search(_convert(entry, example, profile))


@pytest.mark.parametrize(("entry", "counter"), _cases("counters"))
def test_correction_leaves_its_neighbours(entry: hant.Correction, counter: str) -> None:
    for profile in hant.PROFILES:
        raw = hant.opencc_convert(counter, profile)
        assert not entry.pattern.search(raw), f"{entry.pattern.pattern} fires on {counter!r} ({raw!r})"


def test_surname_rules_stay_in_bylines() -> None:
    text = "党员干部涂料朴素模范其余关于五岳忧郁"
    assert hant.convert_text(text) == hant.opencc_convert(text) == "黨員幹部塗料樸素模範其餘關於五嶽憂鬱"
    assert hant.convert_name("范晓东") == "范曉東" and hant.convert_text("范晓东") == "範曉東"


def test_every_entry_explains_itself() -> None:
    assert len(ENTRIES) >= 10
    for e in ENTRIES:
        assert e.note and e.examples and e.counters and len(e.examples) == len(e.expected)


@pytest.mark.parametrize(
    ("src", "tw"),
    [
        (
            "作者系湖南省中国特色社会主义理论体系研究中心特约研究员",
            "作者係湖南省中國特色社會主義理論體系研究中心特約研究員",
        ),
        ("作者系列", "作者系列"),
        ("作者系统", "作者系統"),
        ("操作系统", "操作系統"),
        ("中文系主任", "中文系主任"),
        ("派系", "派系"),
        ("联系", "聯繫"),
        ("系统", "系統"),
        ("体系", "體系"),
        ("关系", "關係"),
        ("其系数为0.5", "其係數為0.5"),
        ("他系上安全带", "他繫上安全帶"),
        ("其他系的同学", "其他系的同學"),
    ],
)
def test_copula_and_its_neighbours(src: str, tw: str) -> None:
    assert hant.convert_text(src, "s2tw") == tw
    hk = hant.convert_text(src, "s2hk")
    assert ("係" in hk) == ("係" in tw) and ("系" in hk) == ("系" in tw)


def test_greedy_errors_in_one_sentence() -> None:
    src = "更加注重质量，集中签约，踏上新征程，折合人民币，保持克制，带头发展，参与制造。"
    assert hant.convert_text(src) == "更加注重質量，集中簽約，踏上新征程，折合人民幣，保持克制，帶頭發展，參與製造。"


def test_correction_file_is_validated(tmp_path) -> None:
    header = "\t".join(hant.COLUMNS)
    bad = tmp_path / "c.tsv"
    bad.write_text(header + "\n(\tx\t*\ttext\ta\tb\tc\tnote\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.tsv:2: bad pattern"):
        hant.load_corrections(bad)
    bad.write_text(header + "\nx\ty\t*\ttext\ta\tb\t\tnote\n", encoding="utf-8")
    with pytest.raises(ValueError, match="counters"):
        hant.load_corrections(bad)
    bad.write_text("pattern\treplacement\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        hant.load_corrections(bad)


def test_correction_file_is_package_data() -> None:
    assert (importlib.resources.files("pipeline") / "data" / "hant_corrections.tsv").is_file()


# --- profiles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "tag"), [("s2tw", "zh-TW"), ("s2twp", "zh-TW"), ("s2hk", "zh-HK"), ("s2t", "zh-Hant")]
)
def test_language_tag(profile: str, tag: str) -> None:
    assert hant.lang_for_profile(profile) == tag
    assert hant.to_hant(make_doc(1, 1), profile).meta.language == tag


def test_unknown_profile_is_an_error() -> None:
    with pytest.raises(ValueError, match="s2tw"):
        hant.convert_text("发展", "s2jp")
    with pytest.raises(ValueError):
        hant.lang_for_profile("zh-TW")


def test_default_profile_does_not_swap_vocabulary() -> None:
    src = "支持项目建设，优化营商环境，信息化软件。"
    assert hant.convert_text(src) == "支持項目建設，優化營商環境，信息化軟件。"
    assert hant.convert_text(src, "s2hk") == "支持項目建設，優化營商環境，信息化軟件。"
    assert hant.convert_text(src, "s2twp") == "支援專案建設，最佳化營商環境，資訊化軟體。"


def test_regional_character_forms() -> None:
    assert hant.convert_text("为着群众，这里") == "為著群眾，這裡"
    assert hant.convert_text("为着群众，这里", "s2hk") == "為着羣眾，這裏"


def test_converters_are_cached() -> None:
    assert hant._converter("s2tw") is hant._converter("s2tw")


# --- quotation marks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "out"),
    [
        ("构建“双循环”格局", "構建「雙循環」格局"),
        ("他说：“要打造‘一核两副’格局。”", "他說：「要打造『一核兩副』格局。」"),
        ("“甲‘乙“丙”乙’甲”", "「甲『乙「丙」乙』甲」"),
        ("‘单引号’", "「單引號」"),
        ("ASCII \"quotes\" and 'single'", "ASCII \"quotes\" and 'single'"),
        ("《关于新时代推动中部地区高质量发展的意见》", "《關於新時代推動中部地區高質量發展的意見》"),
        ("China’s “GDP”", "China’s 「GDP」"),
        ("上一段的引文到此结束。”", "上一段的引文到此結束。」"),
    ],
)
def test_corner_quotes(src: str, out: str) -> None:
    assert hant.convert_text(src) == out


def test_corner_quotes_can_be_switched_off() -> None:
    assert hant.convert_text("“双循环”", corner_quotes=False) == "“雙循環”"


# --- the real sample page -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_lines() -> list[str]:
    return [ln for ln in SAMPLE.read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.mark.parametrize("profile", READER_PROFILES)
def test_sample_has_no_residue_and_no_western_quotes(sample_lines: list[str], profile: str) -> None:
    out = "\n".join(hant.convert_text(ln, profile) for ln in sample_lines)
    assert hant.simplified_residue(out) == []
    assert not set(out) & set("“”‘’")
    assert "作者係" in out and "作者系" not in out


def test_residue_helper() -> None:
    assert hant.simplified_residue("这是简体，发展") == ["这", "简", "体", "发"]
    # Valid Traditional in some words, or shared by Simplified and a regional standard.
    assert hant.simplified_residue("干預皇后公里茶几征程群峰床户税着著") == []


# --- the model ------------------------------------------------------------------------------------


def test_to_hant_converts_every_field_and_leaves_the_input_alone() -> None:
    doc = make_doc()
    doc.unplaced = ["无法归属的“残段”"]
    doc.articles[0].placement = Placement(3, "before-byline", 0.9, 0.4)
    doc.articles[0].authors = ["范晓东", "曹威伟"]
    doc.meta.source = "000_x.txt"
    doc.lead.signature = "——本报编辑部"
    before = doc.to_json()
    out = hant.to_hant(doc)
    assert out.lead.signature == "——本報編輯部"
    assert doc.to_json() == before and out is not doc
    assert out.meta.language == "zh-TW" and out.meta.source == doc.meta.source and out.meta.date == doc.meta.date
    assert out.stats == doc.stats and out.articles[0].placement == doc.articles[0].placement
    assert out.articles[0].authors == ["范曉東", "曹威偉"]
    assert out.articles[0].bio.startswith("作者係湖南省")
    assert (out.meta.title, out.meta.subtitle, out.meta.publisher) == (
        "理論·智庫",
        "長株潭都市圈建設專題",
        "測試出版社",
    )
    pairs = list(zip(doc.iter_text(), out.iter_text(), strict=True))
    assert pairs
    for (role, src), (role2, dst) in pairs:
        assert role == role2
        if role != "byline":
            assert dst == hant.convert_text(src)
        assert hant.simplified_residue(dst) == [], (role, dst)
        assert not set(dst) & set("“”‘’"), (role, dst)


def test_to_hant_without_lead() -> None:
    out = hant.to_hant(make_doc(1, 2, lead=False), "s2hk", corner_quotes=False)
    assert out.lead is None and out.meta.language == "zh-HK"
    assert "“" in "".join(t for _, t in out.iter_text())


# --- the second opinion: scripts/hant_review.py (issue 13.11) ------------------------------------


def test_taiwan_wording_the_review_found() -> None:
    """OpenCC s2tw writes 政府幹預, 佈局, 發佈; Taiwan's MoE standard is 干預, 布局, 發布."""
    src = "政府干预市场，优化营商环境布局，发布公告，伟大斗争，指明了方向。"
    assert hant.convert_text(src, "s2tw") == "政府干預市場，優化營商環境布局，發布公告，偉大鬥爭，指明了方向。"
    assert hant.convert_text(src, "s2hk").startswith("政府干預市場")


def test_review_script_lists_disagreements_and_what_the_corrections_settle(tmp_path) -> None:
    import json
    import subprocess
    import sys

    from conftest import ROOT

    article = {
        "title": "政府干预市场",
        "authors": ["常晋"],
        "bio": "",
        "blocks": [{"type": "paragraph", "text": "前不久发布的报告显示，数字化赋能。"}],
    }
    (tmp_path / "a01.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    script = ROOT / "scripts" / "hant_review.py"
    r = subprocess.run(
        [sys.executable, str(script), str(tmp_path), "--all"], capture_output=True, text=True, check=True
    )
    rows = [ln.split("\t") for ln in r.stdout.splitlines()[1:]]
    got = {(p, src, ours, theirs): settled for p, _n, src, ours, theirs, settled, _ctx, _where in rows}
    assert got[("s2tw", "干", "幹", "干")] == "yes"  # OpenCC errs, our list settles it
    assert got[("s2tw", "布", "佈", "布")] == "yes"
    assert got[("s2hk", "布", "佈", "布")] == "no"  # Hong Kong keeps 佈: listed, left to review
    assert ("s2tw", "字", "字", "位") in got  # MediaWiki's vocabulary (數位化): listed, out of scope
    plain = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=True)
    assert "\t幹\t干\t" not in plain.stdout  # without --all, what is settled is not listed again
    assert "distinct disagreements" in plain.stderr
