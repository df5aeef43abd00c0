"""Bytes to text, explicitly: detect the encoding from evidence, never guess blindly.

Order matters: a BOM is proof; strict UTF-8 is almost never valid by accident for Chinese
text in a legacy encoding; GB18030 and Big5 are then told apart by which decodes cleanly
and yields the more common Han characters. Newlines are normalised here, at the edge, so no
later stage sees CR. No NFKC: it would turn full-width punctuation half-width.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..text import is_han

# Control characters a text file does not hold: below U+0020 except tab, newline and form
# feed (carriage returns are gone by then), and DEL. Counted by a pattern, not per character.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f]")

MAX_BYTES = 20 * 1024 * 1024  # a newspaper page is ~20 KB; refuse what cannot be one

# Frequent characters in Simplified and Traditional news text: GB18030 bytes decoded as
# Big5 (or the reverse) produce rare characters, so the count of these tells them apart.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
    "們這個來說時會為對過發國經動後實業員無長開關於與應點當種進學體現還麼從頭間問題機義東議"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _score(text: str) -> float:
    han = [c for c in text if is_han(c)]
    if not han:
        return 0.0
    return sum(c in _COMMON for c in han) / len(han)


def decode(data: bytes, name: str = "input") -> Decoded:
    if not data:
        raise InputError(f"{name}: file is empty; give the OCR text of a newspaper page")
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name}: {len(data) / 1e6:.1f} MB is larger than the {MAX_BYTES // 2**20} MB limit for one page; split it into pages"
        )
    text: str | None = None
    enc = ""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text, enc = data.decode(codec), codec
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: invalid {codec} at byte {e.start}; re-save the file as UTF-8") from None
            break
    if text is None:
        if b"\x00" in data:
            raise InputError(f"{name}: binary data (NUL bytes), not a text file; give the OCR output as plain text")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as utf8_error:
            candidates = []
            for codec in ("gb18030", "big5"):
                try:
                    t = data.decode(codec)
                except UnicodeDecodeError:
                    continue
                candidates.append((_score(t), codec, t))
            if not candidates:
                raise InputError(
                    f"{name}: not valid UTF-8 (byte {utf8_error.start}) nor GB18030 or Big5; "
                    "the file may be truncated or binary; re-save it as UTF-8"
                ) from None
            candidates.sort(key=lambda c: -c[0])
            score, enc, text = candidates[0]
            if score < 0.2:
                raise InputError(
                    f"{name}: cannot tell the text encoding (not UTF-8; {enc} gives unlikely text); re-save it as UTF-8"
                ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 50):
        raise InputError(f"{name}: binary data ({controls} control characters), not a text file")
    if not text.strip():
        raise InputError(f"{name}: file has no text (only whitespace); give the OCR text of a newspaper page")
    return Decoded(text, enc)


def read_file(path: str | Path, kind: str = ".txt") -> bytes:
    """The bytes of an input file, or a one-line InputError saying why not."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory; give a {kind} file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from None
    if not data:
        raise InputError(f"{p}: file is empty; give the OCR text of a newspaper page")
    return data
