"""The document model: JSON round trip and the contract's shape."""

from __future__ import annotations

import json

import pytest
from conftest import make_doc

from pipeline.model import Document


def test_json_round_trip_is_lossless():
    doc = make_doc()
    assert Document.from_json(doc.to_json()) == doc


def test_contract_shape():
    d = json.loads(make_doc().to_json())
    assert d["schema"] == 1 and set(d["lead"]) == {"heading", "paragraphs"}
    art = d["articles"][0]
    assert "\n" in art["title"] and isinstance(art["authors"], list) and not art["bio"].startswith("（")
    assert {b["type"] for b in art["blocks"]} == {"heading", "paragraph"}


def test_a_leads_signature_is_in_the_json_only_when_the_note_is_signed():
    doc = make_doc()
    doc.lead.signature = "——编者"
    d = json.loads(doc.to_json())
    assert d["lead"]["signature"] == "——编者" and "signature" not in json.loads(make_doc().to_json())["lead"]
    assert Document.from_json(doc.to_json()) == doc
    assert doc.lead.paragraphs[-1] + "——编者" + doc.articles[0].title in doc.plain_text()


def test_unknown_schema_is_refused():
    with pytest.raises(ValueError, match="schema"):
        Document.from_dict({"schema": 99, "articles": []})


def test_plain_text_is_every_field_in_reading_order():
    doc = make_doc(n_articles=1, paras=1, lead=False)
    a = doc.articles[0]
    assert doc.plain_text() == a.title + "".join(a.authors) + a.blocks[0].text + a.bio
