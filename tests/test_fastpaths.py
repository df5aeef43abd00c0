"""The fast paths added for speed (issue 7) give the same answers as the plain definitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.build import BuildConfig, _units, build_many
from pipeline.render import coverage
from pipeline.render.fontengine import FontEngine
from pipeline.render.pdf import fonts
from pipeline.structure.page import _measure_slow, measure

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "000_452001692e17eedf.txt"


def test_measure_agrees_with_the_per_character_definition():
    bad = [hex(o) for o in range(0x10000) if not 0xD800 <= o < 0xE000 and measure(chr(o)) != _measure_slow(chr(o))]
    bad += [hex(o) for o in range(0x1F000, 0x32000, 7) if measure(chr(o)) != _measure_slow(chr(o))]
    assert not bad
    s = "一 体 化 ，促 进 2035 年“新”Latin 𠮷"
    assert measure(s) == _measure_slow(s)


def test_accounting_by_code_point_agrees_with_counting_characters():
    from collections import Counter

    from pipeline.structure import _count_codes
    from pipeline.text import accountable

    text = SAMPLE.read_text(encoding="utf-8") + "一 体 化 ，2035 年 Latin 𠮷〇\ud800\n"
    assert _count_codes(text) == Counter(c for c in text if accountable(c))
    assert _count_codes("") == Counter()


def test_pair_counts_sorted_agree_with_counting_pairs():
    from collections import Counter

    from pipeline.structure.pairs import _pair_counts_sorted, _words, pair_key

    text = SAMPLE.read_text(encoding="utf-8") + "啊啊啊 𠮷〇\ud800\n12"
    got = _pair_counts_sorted(text)
    assert got == Counter(_words(text))
    assert got[pair_key("啊啊")] == 2


def test_line_counts_by_code_point_agree_with_the_substitutions():
    from pipeline.structure.page import _line_counts_coded, _line_counts_plain

    every = "".join(chr(o) for o in range(0x20, 0x10000) if not 0xD800 <= o < 0xE000)
    astral = "".join(chr(o) for o in range(0x1F000, 0x32000, 7))
    text = "\n".join([SAMPLE.read_text(encoding="utf-8"), every, astral, "", "一 体 化 ，2035 年 𠮷〇\ud800\u3000"])
    for t in (text, text + "\n", "", "\n", "𠮷"):
        assert _line_counts_coded(t) == _line_counts_plain(t, t.split("\n")), repr(t[-20:])


def test_stray_stop_opening_on_the_stop_agrees_with_the_lookbehind_pattern():
    import itertools
    import re

    from pipeline.clean.punctuation import _STRAY_STOP

    plain = re.compile(r"(?<=[，、；：])。+|(?<![。…]。)(?<=。)。(?!。)")
    for n in range(1, 7):
        for chars in itertools.product("，；。…a", repeat=n):
            s = "".join(chars)
            assert _STRAY_STOP.subn("", s) == plain.subn("", s), s


def test_trailing_space_on_the_reversed_page_agrees_with_the_line_end_pattern():
    import random
    import re

    from pipeline.clean.spaces import trailing_space

    plain = re.compile(r"[ \u00a0]+$", re.M)
    rng = random.Random(5)
    for _ in range(20000):
        s = "".join(rng.choice([" ", "\u00a0", "\n", "a", "中", "\r", "\t"]) for _ in range(rng.randint(0, 9)))
        assert trailing_space(s) == plain.subn("", s), repr(s)


@pytest.mark.parametrize("family", ["Noto Serif CJK SC", "LXGW WenKai"])
def test_fast_cmap_equals_fonttools_best_cmap(family):
    from fontTools.ttLib import TTFont

    face = fonts.find_face(family)
    if face is None:
        pytest.skip(f"{family} not installed")
    tt = TTFont(face.path, fontNumber=face.index, lazy=True)
    fast = coverage.fast_cmap(tt)
    assert fast is not None
    ref = tt.getBestCmap()
    assert dict(zip(fast, tt.getGlyphNameMany(list(fast.values())), strict=True)) == ref
    hmtx = tt["hmtx"]
    for c in "“”‘’一":
        assert coverage.advance(tt, fast[ord(c)]) == hmtx[ref[ord(c)]][0]


def test_one_input_in_two_scripts_is_split_across_workers_and_merged(tmp_path):
    cfg = BuildConfig(("json", "md"), ("zh-Hans", "zh-Hant"), None, tmp_path)
    assert len(_units([str(SAMPLE)], cfg, 2)) == 2
    batch = _units([str(SAMPLE), "other.txt"], cfg, 2)  # a batch: script by script, inputs in order
    assert [(i, c.variants) for i, _p, c in batch] == [
        (0, ("zh-Hans",)),
        (1, ("zh-Hans",)),
        (0, ("zh-Hant",)),
        (1, ("zh-Hant",)),
    ]
    (res,) = list(build_many([str(SAMPLE)], cfg, jobs=2))
    assert res.error is None
    names = sorted(Path(p).name for p in res.outputs)
    stem = SAMPLE.stem
    assert names == sorted([f"{stem}.json", f"{stem}.md", f"{stem}.zh-Hant.json", f"{stem}.zh-Hant.md"])


def test_glyphs_converted_once_per_process_give_the_same_subset():
    import io

    from fontTools.ttLib import TTFont

    face = fonts.find_face("Noto Serif CJK SC")
    if face is None:
        pytest.skip("Noto Serif CJK SC not installed")

    def tables(data: bytes) -> dict:
        tt = TTFont(io.BytesIO(data))
        return {t: tt.reader[t] for t in tt.reader.keys() if t != "head"}  # noqa: SIM118 (no __iter__)

    a, b = "一体化——，“推进”城市群", "都市圈一体化建设——"
    engine = FontEngine(workers=1)  # one batch's: its converted glyphs are reused
    first = fonts.build_subset(face.path, face.index, a, engine)
    fonts.build_subset(face.path, face.index, b, engine)  # shares glyphs (一, 化, —) with a
    again = fonts.build_subset(face.path, face.index, a, engine)
    assert engine.sources[(face.path, face.index)].glyphs
    assert tables(first[0]) == tables(again[0])
    assert first[1] == again[1]


def test_batch_in_two_scripts_gives_one_merged_result_per_input(tmp_path):
    cfg = BuildConfig(("json",), ("zh-Hans", "zh-Hant"), None, tmp_path)
    paths = [str(SAMPLE), str(SAMPLE), str(SAMPLE)]  # the same page twice or more stays one result each
    results = list(build_many(paths, cfg, jobs=2))
    assert len(results) == 3 and all(r.error is None for r in results)
    for r in results:
        assert sorted(Path(p).name for p in r.outputs) == [f"{SAMPLE.stem}.json", f"{SAMPLE.stem}.zh-Hant.json"]
