"""Print imposition: saddle-stitch order, padding, signatures, creep, marks, and the CLI."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, A5
from reportlab.pdfgen import canvas

from pipeline.errors import PipelineError
from pipeline.impose import HALF_W, SHEET_H, SHEET_W, impose, layout
from pipeline.style import Print, StyleError, load_style


def make_pdf(n: int, pagesize=A5) -> bytes:
    """n pages, each with its number ('P7') drawn at a fixed spot 100pt from the page's left edge."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=pagesize, invariant=1)
    for i in range(1, n + 1):
        c.setFont("Helvetica", 12)
        c.drawString(100, pagesize[1] / 2, f"P{i}")
        c.showPage()
    c.save()
    return buf.getvalue()


def sides(pdf: bytes) -> list[list[tuple[int, float]]]:
    """For each imposed side: (source page number, x on the sheet) of every 'P<n>' drawn."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        found: list[tuple[int, float]] = []

        def visit(text, cm, tm, font, size, found=found):
            m = re.fullmatch(r"\s*P(\d+)\s*", text or "")
            if m:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                found.append((int(m.group(1)), x))

        page.extract_text(visitor_text=visit)
        out.append(found)
    return out


def halves(pdf: bytes) -> list[tuple[int | None, int | None]]:
    """(left, right) source page number per imposed side; None = blank half."""
    res = []
    for found in sides(pdf):
        left = [p for p, x in found if x < HALF_W]
        right = [p for p, x in found if x >= HALF_W]
        assert len(left) <= 1 and len(right) <= 1, found
        res.append((left[0] if left else None, right[0] if right else None))
    return res


def test_eight_pages_saddle_stitch_order_on_a4_landscape():
    out = impose(make_pdf(8))
    reader = PdfReader(io.BytesIO(out))
    assert len(reader.pages) == 4  # 2 sheets, front and back
    for p in reader.pages:
        assert float(p.mediabox.width) == pytest.approx(SHEET_W, abs=0.01)
        assert float(p.mediabox.height) == pytest.approx(SHEET_H, abs=0.01)
        assert p.mediabox.width > p.mediabox.height
    assert halves(out) == [(8, 1), (2, 7), (6, 3), (4, 5)]


def test_one_page_is_padded_to_one_sheet():
    out = impose(make_pdf(1))
    assert len(PdfReader(io.BytesIO(out)).pages) == 2
    assert halves(out) == [(None, 1), (None, None)]


def test_nine_pages_are_padded_to_twelve():
    out = impose(make_pdf(9))
    assert len(PdfReader(io.BytesIO(out)).pages) == 6  # 12 pages = 3 sheets
    # pages 10-12 are blanks at the back of the booklet
    assert halves(out) == [(None, 1), (2, None), (None, 3), (4, 9), (8, 5), (6, 7)]
    seen = sorted(p for pair in halves(out) for p in pair if p)
    assert seen == list(range(1, 10))


def test_signatures_are_ordered_and_padded_on_their_own():
    # 10 pages -> 12 (padded), signatures of 2 sheets (8 pages) -> 8 + 4
    out = impose(make_pdf(10), signature_sheets=2)
    assert halves(out) == [
        (8, 1),
        (2, 7),
        (6, 3),
        (4, 5),  # signature 1: pages 1-8
        (None, 9),
        (10, None),  # signature 2: pages 9-12, 11 and 12 blank
    ]
    assert [s.depth for s in layout(10, 2)][::4] == [0, 1, 0]


def test_creep_moves_inner_sheets_towards_the_fold():
    plain = sides(impose(make_pdf(8)))
    crept = sides(impose(make_pdf(8), creep=2.0))
    for side_plain, side_crept in zip(plain, crept, strict=True):
        for (p, x0), (q, x1) in zip(sorted(side_plain), sorted(side_crept), strict=True):
            assert p == q
            depth = 0 if p in (1, 2, 7, 8) else 1
            toward_fold = 1 if x0 < HALF_W else -1
            assert x1 - x0 == pytest.approx(toward_fold * 2.0 * depth, abs=0.01)


def test_a5_prints_at_size_against_the_fold_and_a4_is_scaled_to_fit():
    (found,) = sides(impose(make_pdf(1)))[:1]
    ((_, x),) = found
    assert x == pytest.approx(HALF_W + 100, abs=0.01)  # right half starts at the fold, scale 1
    out = impose(make_pdf(1, pagesize=A4))
    ((_, x),) = sides(out)[0]
    s = min(HALF_W / A4[0], SHEET_H / A4[1])
    assert x == pytest.approx(HALF_W + 100 * s, abs=0.01)


def test_marks_add_drawing_and_output_is_reproducible():
    src = make_pdf(4)
    plain = impose(src, epoch=1_700_000_000)
    marked = impose(src, marks=True, epoch=1_700_000_000)
    assert impose(src, marks=True, epoch=1_700_000_000) == marked
    assert halves(marked) == halves(plain)
    content = PdfReader(io.BytesIO(marked)).pages[0].get_contents().get_data()
    assert b"[2 2] 0 d" in content or b"[ 2 2 ] 0 d" in content  # dashed fold marks


def test_bad_options_are_errors():
    with pytest.raises(PipelineError):
        impose(make_pdf(4), signature_sheets=-1)
    with pytest.raises(PipelineError):
        impose(make_pdf(4), creep=-1)
    with pytest.raises(PipelineError):
        impose(b"not a pdf")


def test_print_table_in_style_sheets(tmp_path):
    assert load_style().print == Print(signature_sheets=0, creep=0.0, marks=False)
    base = load_style().path.read_text(encoding="utf-8")
    sheet = tmp_path / "s.toml"
    sheet.write_text(base.replace('creep = "0pt"', 'creep = "1mm"'), encoding="utf-8")
    assert load_style(sheet).print.creep == pytest.approx(72 / 25.4)
    sheet.write_text(base.replace("signature_sheets = 0", "signature_sheets = -2"), encoding="utf-8")
    with pytest.raises(StyleError, match=r"print\.signature_sheets"):
        load_style(sheet)


@pytest.mark.slow
def test_cli_build_pdf_impose(tmp_path):
    from conftest import SAMPLE
    from test_cli import run

    r = run("build", str(SAMPLE), "--to", "pdf", "--impose", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    reading = PdfReader(tmp_path / f"{SAMPLE.stem}.pdf")
    printed = PdfReader(tmp_path / f"{SAMPLE.stem}.print.pdf")
    n = len(reading.pages)
    assert len(printed.pages) == 2 * -(-n // 4)
    assert all(p.mediabox.width > p.mediabox.height for p in printed.pages)
    assert f"{SAMPLE.stem}.print.pdf" in r.stdout

    r = run("build", str(SAMPLE), "--to", "json", "--impose", "--out", str(tmp_path))
    assert r.returncode == 1 and "--impose" in r.stderr


@pytest.mark.slow
def test_cli_print_options_override_the_sheet(tmp_path):
    from conftest import SAMPLE
    from test_cli import run

    printed = tmp_path / f"{SAMPLE.stem}.print.pdf"
    r = run("build", str(SAMPLE), "--to", "pdf", "--impose", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    plain = printed.read_bytes()
    r = run(
        "build", str(SAMPLE), "--to", "pdf", "--impose", "--marks", "--signature-sheets", "1", "--out", str(tmp_path)
    )
    assert r.returncode == 0, r.stderr
    assert printed.read_bytes() != plain
    n = len(PdfReader(tmp_path / f"{SAMPLE.stem}.pdf").pages)
    assert len(PdfReader(printed).pages) == 2 * -(-n // 4)
    bad = run("build", str(SAMPLE), "--to", "pdf", "--impose", "--creep", "wide", "--out", str(tmp_path))
    assert bad.returncode == 1 and "--creep must be" in bad.stderr
    lone = run("build", str(SAMPLE), "--to", "pdf", "--marks", "--out", str(tmp_path))
    assert lone.returncode == 1 and "only means something with --impose" in lone.stderr
