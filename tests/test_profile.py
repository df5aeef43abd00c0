"""Source profiles: the shipped one loads; a paper's own extends it; bad values name file and key."""

from __future__ import annotations

import pytest

from pipeline.read.ocr import read_bytes
from pipeline.structure.profile import ProfileError, load_profile


def test_mainland_profile_loads_with_every_section():
    p = load_profile()
    assert p.name == "mainland"
    assert "导读" in p.lead.markers and "作者单位" in p.bio.openers
    assert p.paragraph.indent == 2.0 and p.headline.max_lines >= 3


def _write(tmp_path, text: str):
    f = tmp_path / "paper.toml"
    f.write_text(text, encoding="utf-8")
    return str(f)


def test_a_profile_extends_mainland_and_changes_only_what_differs(tmp_path):
    path = _write(tmp_path, 'extends = "mainland"\nname = "paper"\n[bio]\nopeners = ["撰稿人系"]\n')
    p = load_profile(path)
    assert p.name == "paper" and p.bio.openers == ("撰稿人系",)
    assert p.bio.not_openers == load_profile().bio.not_openers  # inherited key by key
    assert p.lead.markers == load_profile().lead.markers


def test_the_profile_decides_what_a_bio_is(tmp_path):
    page = "张三\n\n正文第一段的文字写在这里，说明一个道理。\n\n（撰稿人系某大学教授）\n"
    default = read_bytes(page.encode(), "p").doc.articles[0]
    assert default.bio == ""
    path = _write(tmp_path, 'extends = "mainland"\n[bio]\nopeners = ["撰稿人系"]\n')
    own = read_bytes(page.encode(), "p", profile=path).doc.articles[0]
    assert own.bio == "撰稿人系某大学教授"


def test_the_typesetting_thresholds_are_the_profiles_too(tmp_path):
    # the measures of a paper's type (a byline's width, a narrow headline's pieces, glyph sizes)
    # are profile keys the passes read, not constants of their own: a byline no wider than an em
    # leaves the sample's five articles without authors
    from conftest import SAMPLE

    p = load_profile()
    assert p.headline.kicker_chars == (4, 5) and p.byline.bulleted_chars == (3, 5) and p.size.large == 1.25
    raw = SAMPLE.read_bytes()
    assert all(a.authors for a in read_bytes(raw, "p").doc.articles)
    path = _write(tmp_path, 'extends = "mainland"\n[byline]\nmax_width = 1.0\n')
    assert not any(a.authors for a in read_bytes(raw, "p", profile=path).doc.articles)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('extends = "mainland"\n[bio]\nmax_chars = "many"\n', "bio.max_chars: expected a positive integer"),
        ('extends = "mainland"\n[bio]\nopenerz = ["作者"]\n', "unknown key bio.openerz"),
        ('extends = "mainland"\n[colour]\nx = 1\n', "unknown section [colour]"),
        (
            'extends = "mainland"\n[furniture]\npatterns = ["(unclosed"]\n',
            "furniture.patterns[0]: not a regular expression",
        ),
        (
            'extends = "mainland"\n[furniture]\ncaption_credit = "[unclosed"\n',
            "furniture.caption_credit: not a regular expression",
        ),
        ('extends = "mainland"\n[furniture]\ncaption_credit = ["摄"]\n', "furniture.caption_credit: expected regular"),
        ("[bio]\nmax_chars = 10\n", "missing key lead.markers"),
        ('extends = "mainland"\n[headline]\nkicker_chars = [5, 4]\n', "headline.kicker_chars: expected [low, high]"),
        ('extends = "mainland"\n[byline]\nbulleted_chars = "3-5"\n', "byline.bulleted_chars: expected two positive"),
        ('extends = "mainland"\n[size]\nlarge = 0\n', "size.large: expected a positive number"),
        ('extends = "nosuch"\n', "no such file"),
        ("this is = not toml [", "not a valid TOML profile"),
    ],
)
def test_bad_profiles_name_the_file_and_the_key(tmp_path, text, message):
    path = _write(tmp_path, text)
    load_profile.cache_clear()
    with pytest.raises(ProfileError) as e:
        load_profile(path)
    assert message in str(e.value)
    if "no such file" not in message:
        assert "paper.toml" in str(e.value)


def test_cli_takes_a_profile_and_refuses_a_bad_one_in_one_line(tmp_path):
    import subprocess
    import sys

    from conftest import SAMPLE

    path = _write(tmp_path, 'extends = "mainland"\n[bio]\nmax_lines = "x"\n')
    r = subprocess.run(
        [sys.executable, "-m", "pipeline", "structure", str(SAMPLE), "--profile", path], capture_output=True, text=True
    )
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "bio.max_lines" in r.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "pipeline", "structure", str(SAMPLE), "--profile", "mainland"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and '"articles"' in ok.stdout
