"""The model's JSON as an input (pipeline/read/model_json.py): round trip, checks, extra fields."""

from __future__ import annotations

import json
import re

import pytest
from conftest import make_doc

from pipeline.errors import InputError
from pipeline.read.model_json import parse


def test_round_trip_keeps_every_text_and_the_metadata():
    doc = make_doc()
    back = parse(doc.to_json(), "m.json")
    assert list(back.iter_text()) == list(doc.iter_text())
    assert back.meta.title == doc.meta.title and back.meta.date == doc.meta.date
    assert back.stats["source_format"] == "json" and back.stats["chars_in"] == back.stats["chars_out"] > 0


def test_fields_a_later_version_adds_are_ignored():
    d = make_doc().to_dict()
    d["confidence"] = 0.9
    d["articles"][0]["kicker"] = "引题"
    d["articles"][0]["blocks"][0]["id"] = "p1"
    back = parse(json.dumps(d, ensure_ascii=False), "m.json")
    assert back.articles[0].blocks[0].text == d["articles"][0]["blocks"][0]["text"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["articles"][1].update(authors="曹威伟"), "articles[1].authors"),
        (lambda d: d["articles"][0]["blocks"][2].update(type="table"), "articles[0].blocks[2].type"),
        (lambda d: d["articles"][0]["blocks"][2].update(type="deck"), "articles[0].blocks[2].type"),
        (lambda d: d["articles"][0].update(byline=["甲"]), "articles[0].byline"),
        (lambda d: d["lead"].update(paragraphs=[1]), "lead.paragraphs[0]"),
        (lambda d: d["meta"].update(date=20260101), "meta.date"),
        (lambda d: d.update(unplaced="x"), "unplaced"),
        (lambda d: d["articles"][0].update(authors_from="byline"), "articles[0].authors_from"),
    ],
)
def test_a_wrong_field_is_one_error_naming_it(change, field):
    d = make_doc().to_dict()
    change(d)
    with pytest.raises(InputError, match=re.escape(f"m.json: field '{field}'")):
        parse(json.dumps(d, ensure_ascii=False), "m.json")


def test_authors_a_bio_gave_are_said_once_and_kept_through_json():
    # the names are the bio's characters: the text (and so the accounting) holds them once
    doc = make_doc()
    a = doc.articles[0]
    a.byline, a.authors, a.authors_from = "", ["张金阳", "邹升平"], "bio"
    a.bio = "作者简介：张金阳、邹升平，扬州大学"
    assert not any(role == "byline" and t in a.authors for role, t in doc.iter_text())
    d = doc.to_dict()
    assert d["articles"][0]["authors_from"] == "bio" and "authors_from" not in d["articles"][1]
    back = parse(doc.to_json(), "m.json")
    assert back.articles[0].authors_from == "bio" and back.articles[0].authors == ["张金阳", "邹升平"]
    assert back.stats["chars_in"] == back.stats["chars_out"]
