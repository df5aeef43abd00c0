"""Explicit decoding: every supported encoding gives the same text; bad input a clear error."""

from __future__ import annotations

import pytest

from pipeline.errors import InputError
from pipeline.read.decode import decode

TEXT = "导读\n\n推进城市群、都市圈一体化建设，是构建“双循环”新发展格局的重要战略部署。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        ("導讀\n\n推進城市群、都市圈一體化建設，是構建「雙循環」新發展格局的重要戰略部署。\n".encode("big5"), "big5"),
    ],
)
def test_encodings_are_detected(data, encoding):
    d = decode(data)
    assert d.encoding == encoding
    assert "循环" in d.text or "循環" in d.text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines_are_normalised(newline):
    assert decode(TEXT.replace("\n", newline).encode()).text == TEXT


def test_full_width_punctuation_is_not_normalised():
    assert decode("，。（）".encode()).text == "，。（）"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "only whitespace"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        ("推进城市群".encode()[:-1] + b"\xff\xfe\xfa", "not valid UTF-8"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, words):
    with pytest.raises(InputError, match=words):
        decode(data, "page.txt")
