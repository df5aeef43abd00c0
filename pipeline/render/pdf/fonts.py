"""Fonts for the PDF: found through fontconfig, subsetted, converted to TrueType, cached.

Why this module exists: Noto CJK ships as OpenType/CFF, which reportlab cannot embed. We
subset each face to the document's characters, redraw the cubic outlines as quadratic
TrueType glyphs (cu2qu), and cache the result on disk keyed by the font file and the
character set, so a rebuild does no font work. A character missing from a role's first
font is set in the next font of that role (never a missing glyph). What a batch keeps
between documents (opened faces, converted glyphs, registered subsets) is the FontEngine's
the writer is given (render.fontengine), not this module's.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import unicodedata
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase import ttfonts as _rl_ttfonts
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont as RLTTFont

from ...cache import cache_dir as shared_cache_dir
from ...cache import write_cache
from ...errors import PipelineError
from ...style import Style
from ...text import is_alnum_ascii
from ..coverage import face_key as _face_key
from ..coverage import fast_cmap
from ..fontengine import FontEngine
from ..fontfind import Face, find_face, missing_font_message, reset_fontconfig_cache

CONVERTER_VERSION = 3  # bump when the subset format changes: old cache entries are then ignored
# Marks whose default glyph in Noto CJK is proportional; the font's own full-width form
# (GSUB 'fwid') is mapped instead, so —— is one continuous 2-em dash.
FWID_MARKS = "—·"
CID_FALLBACK = "STSong-Light"

_rl_make_cmap = _rl_ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab writes an astral code point (𠮷 U+20BB7) as five hex digits in the ToUnicode
    CMap, which readers take as U+20BB: copy, search and text extraction then give the wrong
    character. The CMap must hold UTF-16BE, so an astral character becomes a surrogate pair."""
    cmap = _rl_make_cmap(fontname, subset)
    for i, v in enumerate(subset):
        if v > 0xFFFF:
            pair = chr(v).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{i:02X}> <{v:04X}>", f"<{i:02X}> <{pair}>", 1)
    return cmap


_rl_ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def cache_dir() -> Path:
    """$PIPELINE_CACHE/fonts, else $XDG_CACHE_HOME (or ~/.cache)/pipeline/fonts."""
    return shared_cache_dir("fonts")


def face_key(face: Face) -> str:
    """Cache key of a face: its file's identity and the converter's version."""
    return _face_key(face, CONVERTER_VERSION)


_reset_fontconfig_cache = reset_fontconfig_cache  # tests' name for it


# --- subsetting and CFF -> TrueType conversion -------------------------------------------


def _fwid_map(tt) -> dict[str, str]:
    """glyph -> full-width glyph from the font's GSUB 'fwid' feature (empty if none)."""
    if "GSUB" not in tt:
        return {}
    table = tt["GSUB"].table
    out: dict[str, str] = {}
    if not table.FeatureList:
        return out
    for rec in table.FeatureList.FeatureRecord:
        if rec.FeatureTag != "fwid":
            continue
        for li in rec.Feature.LookupListIndex:
            for st in table.LookupList.Lookup[li].SubTable:
                ext = getattr(st, "ExtSubTable", st)
                out.update(getattr(ext, "mapping", {}) or {})
    return out


def _stretch_dash(wanted: dict[int, str], glyphs: dict, order: list[str], hmtx, upm: int) -> None:
    """Make the em dash's ink fill its em box, so —— reads as one unbroken 2-em line.

    Noto CJK's full-width dash leaves 7% side bearings: two of them show a visible gap.
    The stretched copy gets its own glyph name, so no other character changes.
    """
    g = wanted.get(0x2014)
    if g is None or g not in glyphs or hmtx[g][0] != upm:
        return
    glyph = glyphs[g]
    if glyph.isComposite() or not getattr(glyph, "numberOfContours", 0):
        return
    coords = glyph.coordinates
    xs = [x for x, _ in coords]
    lo, hi = min(xs), max(xs)
    if hi - lo >= 0.97 * upm or hi <= lo:
        return
    from copy import deepcopy

    new = deepcopy(glyph)
    new.__dict__.pop("_compiled", None)  # its outline changes below
    scale = upm / (hi - lo)
    for i, (x, y) in enumerate(new.coordinates):
        new.coordinates[i] = (round((x - lo) * scale), y)
    name = f"{g}.fwdash"
    glyphs[name] = new
    order.append(name)
    hmtx.metrics[name] = (upm, 0)
    wanted[0x2014] = name


@dataclass
class _Source:
    """A source face opened once per engine, with the TrueType glyphs converted so far.

    A batch builds many documents whose character sets differ (so the on-disk subset cache
    misses) but overlap: each glyph is converted once per batch, not once per document.
    """

    tt: object
    fast: dict[int, int] | None
    glyphs: dict = field(default_factory=dict)  # glyph name -> TrueType glyph (never mutated)
    fwid: dict[str, str] | None = None


_FROZEN: type | None = None


def _freeze(glyph) -> None:
    """Compile a simple glyph's binary form once and reuse it in every later subset: packing
    the coordinates costs about 1 ms a glyph, most of a warm-process subset's time. Composite
    glyphs are left alone (their data holds glyph ids, which differ from subset to subset)."""
    global _FROZEN
    if _FROZEN is None:
        from fontTools.ttLib.tables._g_l_y_f import Glyph

        class FrozenGlyph(Glyph):
            def compile(self, glyfTable, recalcBBoxes=True, **kw):
                key = (recalcBBoxes, kw.get("optimizeSize", True), glyfTable is None or glyfTable.extended)
                memo = self.__dict__.setdefault("_compiled", {})
                if key not in memo:
                    memo[key] = super().compile(glyfTable, recalcBBoxes, **kw)
                return memo[key]

        _FROZEN = FrozenGlyph
    if type(glyph).__name__ == "Glyph" and not glyph.isComposite() and not hasattr(glyph, "data"):
        glyph.__class__ = _FROZEN


def _source(engine: FontEngine, path: str, index: int) -> _Source:
    src = engine.sources.get((path, index))
    if src is None:
        from fontTools.ttLib import TTFont

        tt = TTFont(path, fontNumber=index, lazy=True)
        src = engine.sources[(path, index)] = _Source(tt, fast_cmap(tt))
    return src


def _wanted(source: _Source, chars: str) -> dict[int, str]:
    """Code point -> glyph name for the characters the face has, full-width forms for FWID_MARKS."""
    src = source.tt
    if source.fast is not None:  # name only the glyphs we need, not the whole cmap
        cps = [ord(c) for c in chars if ord(c) in source.fast]
        wanted = dict(zip(cps, src.getGlyphNameMany([source.fast[cp] for cp in cps]), strict=True))
    else:
        cmap = src.getBestCmap() or {}
        wanted = {ord(c): cmap[ord(c)] for c in chars if ord(c) in cmap}
    if any(ord(c) in wanted for c in FWID_MARKS):
        if source.fwid is None:
            source.fwid = _fwid_map(src)
        for c in FWID_MARKS:
            g = wanted.get(ord(c))
            if g in source.fwid:
                wanted[ord(c)] = source.fwid[g]
    return wanted


def _cff_glyphs(source: _Source, names: set[str]) -> tuple[dict, list[str]]:
    """CFF outlines redrawn as TrueType glyphs (cu2qu), each converted once per source."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    gs = source.tt.getGlyphSet()
    order = sorted(names - {".notdef"})
    glyphs: dict = {}
    for n in [".notdef", *order]:
        if n not in source.glyphs:
            pen = TTGlyphPen(None)
            gs[n].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            source.glyphs[n] = pen.glyph()
            _freeze(source.glyphs[n])
        glyphs[n] = source.glyphs[n]
    return glyphs, order


def _tt_glyphs(source: _Source, names: set[str]) -> tuple[dict, list[str]]:
    """TrueType glyphs copied with the components of composite ones, hinting removed."""
    glyf = source.tt["glyf"]
    todo = [".notdef", *sorted(names - {".notdef"})]
    glyphs: dict = {}
    while todo:
        n = todo.pop()
        if n in glyphs:
            continue
        g = glyf[n]
        g.expand(glyf)
        if hasattr(g, "removeHinting"):
            g.removeHinting()
        _freeze(g)
        glyphs[n] = g
        if g.isComposite():
            todo += [c.glyphName for c in g.components]
    return glyphs, sorted(set(glyphs) - {".notdef"})


def _font_bytes(src, order: list[str], wanted: dict[int, str], glyphs: dict) -> tuple[bytes, object, str]:
    """The subset as a TrueType file: the source's metrics and names, its own dates (so a cold
    and a warm cache, or two machines, embed the same bytes). Returns (bytes, glyf table, ps name)."""
    from fontTools.fontBuilder import FontBuilder

    hmtx, upm = src["hmtx"], src["head"].unitsPerEm
    fb = FontBuilder(upm, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(wanted)
    fb.setupGlyf(glyphs)
    glyf_out = fb.font["glyf"]
    fb.setupHorizontalMetrics({n: (hmtx[n][0], getattr(glyf_out[n], "xMin", 0)) for n in order})
    hhea, os2, name = src["hhea"], src["OS/2"], src["name"]
    fb.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
    family = name.getDebugName(1) or "Subset"
    ps = (name.getDebugName(6) or family).replace(" ", "")
    fb.setupNameTable({"familyName": family, "styleName": name.getDebugName(2) or "Regular", "psName": ps})
    fb.setupOS2(
        sTypoAscender=os2.sTypoAscender,
        sTypoDescender=os2.sTypoDescender,
        sTypoLineGap=os2.sTypoLineGap,
        usWinAscent=os2.usWinAscent,
        usWinDescent=os2.usWinDescent,
        fsType=0 if os2.fsType & 0x2 == 0 else os2.fsType,
        usWeightClass=os2.usWeightClass,
        achVendID=os2.achVendID,
        sxHeight=getattr(os2, "sxHeight", 0),
        sCapHeight=getattr(os2, "sCapHeight", 0),
    )
    fb.setupPost()
    fb.font["head"].created = fb.font["head"].modified = src["head"].created
    fb.font.recalcTimestamp = False
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue(), glyf_out, ps


def build_subset(path: str, index: int, chars: str, engine: FontEngine | None = None) -> tuple[bytes, dict]:
    """A TrueType font holding just `chars` from one face, plus the metrics the typesetter needs.

    Runs in a worker process on a cold cache, so it takes and returns plain data; without an
    engine (a worker's call) the face is opened for this call alone.
    """
    source = _source(engine or FontEngine(workers=1), path, index)
    src = source.tt
    upm = src["head"].unitsPerEm
    wanted = _wanted(source, chars)
    names = set(wanted.values())
    glyphs, rest = _cff_glyphs(source, names) if "CFF " in src else _tt_glyphs(source, names)
    order = [".notdef", *rest]
    hmtx = src["hmtx"]
    _stretch_dash(wanted, glyphs, order, hmtx, upm)
    data, glyf_out, ps = _font_bytes(src, order, wanted, glyphs)
    os2 = src["OS/2"]
    adv: dict[str, int] = {}
    ink: dict[str, list[int]] = {}
    for cp, g in wanted.items():
        ch = chr(cp)
        adv[ch] = hmtx[g][0]
        gl = glyf_out[g]
        if hasattr(gl, "xMin"):
            ink[ch] = [gl.xMin, gl.xMax]
    metrics = {
        "upm": upm,
        "ascent": os2.sTypoAscender,
        "descent": os2.sTypoDescender,
        "adv": adv,
        "ink": ink,
        "ps": ps,
    }
    return data, metrics


# --- loaded fonts and per-role fallback ------------------------------------------------


@dataclass
class LoadedFont:
    """A font registered with reportlab, with the metrics the line breaker asks for."""

    name: str  # reportlab font name
    family: str
    upm: int
    adv: dict[str, int]  # char -> advance in font units
    ink: dict[str, tuple[int, int]]  # char -> (xMin, xMax) in font units
    ascent: float = 0.88  # em, for placing baselines
    descent: float = -0.12
    embedded: bool = True

    def advance(self, ch: str, size: float) -> float:
        a = self.adv.get(ch)
        if a is None:
            if not self.embedded:
                return pdfmetrics.stringWidth(ch, self.name, size)
            return size if unicodedata.east_asian_width(ch) in "WF" else size / 2
        return a * size / self.upm

    def ink_box(self, ch: str, size: float) -> tuple[float, float] | None:
        b = self.ink.get(ch)
        return None if b is None else (b[0] * size / self.upm, b[1] * size / self.upm)


def _register(engine: FontEngine, key: str, family: str, ttf: Path, metrics: dict) -> LoadedFont:
    name = f"PL{key[:20]}"
    if name not in engine.registered:
        font = RLTTFont(name, str(ttf))
        pdfmetrics.registerFont(font)
        if pdfmetrics.getFont(name) is not font:
            # reportlab aliases a font to an earlier one with the same PostScript name; ours are
            # different subsets of one face (one per document), so each must stay itself
            pdfmetrics._fonts[name] = font
        upm = metrics["upm"]
        engine.registered[name] = LoadedFont(
            name=name,
            family=family,
            upm=upm,
            adv=metrics["adv"],
            ink={k: (v[0], v[1]) for k, v in metrics["ink"].items()},
            ascent=metrics["ascent"] / upm,
            descent=metrics["descent"] / upm,
        )
    return engine.registered[name]


def _cid_fallback(engine: FontEngine) -> LoadedFont:
    if CID_FALLBACK not in engine.registered:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        engine.registered[CID_FALLBACK] = LoadedFont(CID_FALLBACK, CID_FALLBACK, 1000, {}, {}, embedded=False)
    return engine.registered[CID_FALLBACK]


def _subset_key(face: Face, chars: str) -> str:
    return hashlib.sha256(f"{face_key(face)}|{chars}".encode()).hexdigest()[:32]


def _cached(face: Face, chars: str) -> tuple[str, Path, dict] | None:
    key = _subset_key(face, chars)
    ttf = cache_dir() / f"{key}.ttf"
    meta = cache_dir() / f"{key}.json"
    try:
        metrics = json.loads(meta.read_text())  # written after the .ttf: its presence commits both
        if ttf.is_file():
            return key, ttf, metrics
    except (OSError, ValueError):
        pass
    return None


def _store(face: Face, chars: str, data: bytes, metrics: dict) -> tuple[str, Path, dict]:
    key = _subset_key(face, chars)
    ttf = cache_dir() / f"{key}.ttf"
    write_cache(ttf, data)
    write_cache(cache_dir() / f"{key}.json", json.dumps(metrics, ensure_ascii=False).encode())
    return key, ttf, metrics


def _build_all(jobs: list[tuple[Face, str]], engine: FontEngine) -> list[tuple[bytes, dict]]:
    """Convert on a cold cache; several faces in parallel when the engine may use the cores."""
    workers = engine.pool_size(len(jobs))
    if workers > 1:
        try:
            import multiprocessing as mp

            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
            with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as ex:
                futs = [ex.submit(build_subset, f.path, f.index, chars) for f, chars in jobs]
                return [fu.result() for fu in futs]
        except (OSError, RuntimeError):
            pass  # no process pool here (sandbox): convert in this process
    return [build_subset(f.path, f.index, chars, engine) for f, chars in jobs]


@dataclass
class FontSet:
    """The fonts of one document: per role, which loaded font sets each character."""

    chains: dict[str, list[LoadedFont]]
    by_char: dict[str, dict[str, LoadedFont]] = field(default_factory=dict)
    print_ready: bool = True

    def font(self, role: str, ch: str) -> LoadedFont:
        f = self.by_char.get(role, {}).get(ch)
        return f if f is not None else self.chains[role][0]

    def fonts(self) -> list[LoadedFont]:
        seen: dict[str, LoadedFont] = {}
        for chain in self.chains.values():
            for f in chain:
                seen.setdefault(f.name, f)
        return list(seen.values())


def _faces(style: Style, variant: str) -> tuple[dict[str, list[Face]], list[tuple[str, str]]]:
    """Each font role's faces in the sheet's order, and the (role, family) pairs not found."""
    faces: dict[str, list[Face]] = {}
    missing: list[tuple[str, str]] = []
    for role in style.fonts:
        found = []
        for fam in style.font_families(role, variant):
            face = find_face(fam)
            if face is None:
                missing.append((role, fam))
            else:
                found.append(face)
        faces[role] = found
    return faces, missing


def _no_fonts(style: Style, missing: list[tuple[str, str]], engine: FontEngine) -> FontSet:
    """No CJK font at all: reportlab's built-in CID font, loudly (the PDF is not print-ready)."""
    fams = sorted({f for _, f in missing})
    msg = (
        f"WARNING: no CJK font found (looked for {', '.join(fams)}); using reportlab's built-in "
        f"{CID_FALLBACK}, which is NOT embedded: this PDF is not print-ready. "
        "Install fonts-noto-cjk and fonts-lxgw-wenkai."
    )
    warnings.warn(msg, RuntimeWarning, stacklevel=3)
    print(msg, file=sys.stderr)
    cid = _cid_fallback(engine)
    return FontSet({role: [cid] for role in style.fonts}, print_ready=False)


def _assign(
    chars_by_role: dict[str, set[str]], faces: dict[str, list[Face]], engine: FontEngine
) -> dict[str, dict[str, Face]]:
    """Each character of each role: the first face of the role that has it (full width where it
    matters); Latin letters and digits of the body go to the 'latin' role's faces."""
    assign: dict[str, dict[str, Face]] = {}
    for role, chars in chars_by_role.items():
        if role not in faces:
            continue
        table: dict[str, Face] = {}
        for ch in sorted(chars):
            if ch.isspace() and ch != "\u3000":  # the full-width space is a glyph (headline separator)
                continue
            latin = role == "body" and is_alnum_ascii(ch) and faces.get("latin")
            table[ch] = _pick(ch, faces["latin"] if latin else faces[role], faces, engine)
        assign[role] = table
    return assign


def _subsets(per_face: dict[Face, set[str]], engine: FontEngine) -> dict[Face, LoadedFont]:
    """Every face cut to its characters (from the disk cache, else converted) and registered."""
    ordered = sorted(per_face, key=lambda f: (f.path, f.index))
    wanted = {f: "".join(sorted(per_face[f] | {" "})) for f in ordered}
    done: dict[Face, tuple[str, Path, dict]] = {}
    jobs = []
    for f in ordered:
        hit = _cached(f, wanted[f])
        if hit:
            done[f] = hit
        else:
            jobs.append((f, wanted[f]))
    for (f, chars), (data, metrics) in zip(jobs, _build_all(jobs, engine), strict=True):
        done[f] = _store(f, chars, data, metrics)
    return {f: _register(engine, key, f.family, ttf, m) for f, (key, ttf, m) in done.items()}


def load_fonts(
    style: Style, variant: str, chars_by_role: dict[str, set[str]], engine: FontEngine | None = None
) -> FontSet:
    """Resolve every role's families, assign each character a face, subset and register.

    chars_by_role maps font roles (style.FONT_ROLES) to the characters set in that role.
    """
    engine = engine or FontEngine()
    faces, missing = _faces(style, variant)
    if not any(faces.values()):
        return _no_fonts(style, missing, engine)
    if missing:
        role, fam = missing[0]
        table = "fonts" if variant == "zh-Hans" or role not in style.fonts_hant else "fonts_hant"
        raise PipelineError(missing_font_message(fam, f"{table}.{role} in {style.path}"))
    assign = _assign(chars_by_role, faces, engine)
    per_face: dict[Face, set[str]] = {}
    for role in style.fonts:
        for face in faces[role][:1]:  # a role's first face is always loaded (its metrics place lines)
            per_face.setdefault(face, set())
    for table in assign.values():
        for ch, face in table.items():
            per_face.setdefault(face, set()).add(ch)
    loaded = _subsets(per_face, engine)
    chains = {role: [loaded[f] for f in fs if f in loaded] or [loaded[fs[0]]] for role, fs in faces.items()}
    by_char = {role: {ch: loaded[f] for ch, f in table.items()} for role, table in assign.items()}
    return FontSet(chains, by_char)


def _pick(ch: str, chain: list[Face], faces: dict[str, list[Face]], engine: FontEngine) -> Face:
    cp = ord(ch)
    having = [f for f in chain if cp in engine.coverage(f).codepoints]
    if having:
        wide = [f for f in having if ch not in engine.coverage(f).narrow]
        return (wide or having)[0]
    for others in faces.values():  # any face the sheet names, before giving up
        for f in others:
            if cp in engine.coverage(f).codepoints:
                return f
    face = _fc_for_char(cp, engine)
    if face is not None:
        return face
    warnings.warn(f"no installed font has the character {ch!r} (U+{cp:04X}); it will show as a blank box", stacklevel=3)
    return chain[0]


def _fc_for_char(cp: int, engine: FontEngine) -> Face | None:
    """Ask fontconfig for any face with this character (rare symbols outside the sheet's fonts)."""
    try:
        out = subprocess.run(
            ["fc-match", "--format", "%{family}\t%{file}\t%{index}", f":charset={cp:x}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
        fam, path, index = out.split("\t")
        face = Face(fam.split(",")[0], path, int(index))
        return face if cp in engine.coverage(face).codepoints else None
    except (OSError, ValueError, subprocess.SubprocessError, PipelineError):
        return None
