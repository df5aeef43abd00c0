"""Booklet metadata: precedence of options, sidecar, sheet, and what the page suggests."""

from __future__ import annotations

import pytest
from conftest import make_doc

from pipeline import metadata
from pipeline.errors import PipelineError
from pipeline.model import Lead


def test_column_name_in_the_lead_becomes_the_title():
    doc = make_doc()
    doc.lead = Lead("导读", ["湖南日报《理论·智库》约请专家学者建言献策。"])
    doc.meta.date = ""
    metadata.apply(doc)
    assert (doc.meta.title, doc.meta.subtitle) == ("理论·智库", "收录文章三篇")
    assert doc.meta.date == ""  # never the build clock (issue 13.8)


def test_the_pages_own_date_line_is_the_date():
    doc = make_doc()
    doc.unplaced = ["2021年 5月 27日  星期四"]
    metadata.apply(doc)
    assert doc.meta.date == "2021年5月27日"


def test_options_beat_sidecar_beat_sheet(tmp_path):
    doc = make_doc()
    metadata.apply(doc, {"title": "命令行"}, {"title": "旁注", "publisher": "旁注社"}, {"publisher": "样式"})
    assert (doc.meta.title, doc.meta.publisher) == ("命令行", "旁注社")


def test_sidecar_is_read_and_checked(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("x", encoding="utf-8")
    (tmp_path / "p.toml").write_text('title = "要文选编"\ndate = "2026年1月1日"\n', encoding="utf-8")
    assert metadata.read_sidecar(page) == {"title": "要文选编", "date": "2026年1月1日"}
    (tmp_path / "p.toml").write_text("colour = 1\n", encoding="utf-8")
    with pytest.raises(PipelineError, match="unknown key 'colour'"):
        metadata.read_sidecar(page)
