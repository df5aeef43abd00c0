"""docs/EVAL.md: the bench tables with what they measure and how they were made."""

from __future__ import annotations

import platform
import subprocess

from .score import FOUND_COVER, MERGE_COVER, SIMILAR, TOLERANCE

HEADER = """# Reader accuracy on the bench (`make eval`)

Written by `make eval` (`python -m evaluation.run --markdown docs/EVAL.md`); do not edit by hand.
Pages are composed from the shared corpus of 40 People's Daily articles with gold structure:
TUNE pages use a01–a26 only, HELD-OUT pages a27–a40 only (never mixed on a page); no TUNE article
prints a deck (副题), so from seed 61 on a third of the TUNE articles print one drawn from a list
(`evaluation/corpus.py` DECKS; earlier seeds stay as drawn, their OCR cached). Each page is
read by the current reader (`pipeline.read.ocr.read_bytes(..., force=True)`) from:

- **text · degraded**: the page set in columns and damaged as OCR tools and papers do, conventions
  varied per page (`evaluation/degrade.py`, no OCR);
- **text · paragraphs**: the same pages as text that keeps its paragraphs, one a line (an
  e-paper's text copied out, an OCR tool that joins a paragraph's lines), conventions and light
  damage varied per page (`evaluation/degrade.py`'s `paragraphs`, no OCR);
- **text · habits**: degraded text as above, of pages drawn at seed 80 (`HABIT_SEEDS`), which
  also keep some of other papers' habits the corpus never prints (`evaluation/corpus.py`
  HABITS): no byline and the names in the closing note (（作者：张三，系…）), a research group's
  byline and its writers' note (（执笔：…）), funding notes after the bio (；本文系…（24YJA710012）
  阶段性成果), bylines marked 文丨, running heads of several parts with production credits
  (本版责编：…  版式设计：…), and leads opened 开栏的话 / 本期导读 / 导语 and signed ——编者;
- **tesseract / rapidocr · lines**: the page image (`evaluation/render.py`) read by the engine, its
  lines in reading order (Tesseract's own; RapidOCR has no layout analysis, so a recursive XY cut
  over its boxes), one a line with blank lines between (the sample's shape);
- **· single**: the same lines separated by single newlines;
- **· engine**: the engine's own text output (Tesseract's plain text with its own paragraphs,
  RapidOCR's lines in its detection order). RapidOCR sorts its lines top to bottom across the
  whole page, so lines of neighbouring columns alternate; the reader reads them back column by
  column from the text alone (`pipeline/read/interleaved.py`: which lines join into words), but
  an inset headline or a byline set among the rows still misleads it. A reader from geometry
  reads the same engine exactly (issue 15); the row shows what a user who pastes that text gets.
- **pdftotext · layout**: the image pages' printed lines set into an e-paper PDF with a text
  layer, at their places and sizes (`evaluation/epaper.py`), and taken out with
  `pdftotext -layout`: every printed row one line, the columns side by side.
- **image · rapidocr / tesseract / hocr / alto**: the page image read from geometry (issue 15):
  the engine's boxed lines (or Tesseract's hOCR and ALTO files) through the layout analysis of
  `pipeline/read/layout.py`, as `pipeline build page.png` reads it;
- **epaper · pdf**: the same printed lines set into an e-paper PDF, justified to their boxes as
  the paper set them (`evaluation/epaper.py`), read by the PDF reader from its text layer and
  the layer's geometry, no OCR, as `pipeline build page.pdf` reads it.

Page images from seed 95 (`CAPTION_IMAGE_SEEDS`, not in these tables: `python -m evaluation.run
--seed 95`) print a photo across one column with its caption and credit under it in smaller Kai
type (图为…。 / 新华社记者  张三摄), the column's text flowing round both; earlier image seeds draw a
small grey box and no caption.

Columns: *found* — gold articles matched by exactly one predicted article holding ≥ {found:.0%} of
its text and nothing ≥ {merge:.0%} of another's; *pages ok* — every article found and no extra one;
*titles / authors / bios* — right at similarity ≥ {sim} on canonical text (Han, digits, Latin), over
all gold articles (an article without a bio is right when none is predicted); *authors read* —
authors right among the articles whose authors' names stand intact in the reader's input (the
names the OCR did not misread: as right as the engine's characters allow); *lead* — pages whose
lead note is right (or rightly absent); *para P/R/F1* — internal paragraph boundaries (between
blocks of one article or lead) carried into the gold through a character alignment, right within
{tol} characters, summed over the split; *worst F1* — the lowest page; *OCR lost Han* — the
page's Han characters missing from the engine's text (the OCR's loss); *Han lost* — Han
characters of the input in no article or lead of the output (the reader's loss; pages in
brackets); *unplaced Han* — Han characters left in `unplaced` (page furniture excluded);
*in order* — pages whose unplaced text keeps source order.

Tuning loop (seconds; degraded text and cached OCR only, every failure listed and tallied):
`.venv/bin/python -m evaluation.run --quick --split tune --engine text --details`; one page:
`--page Tp003`; inputs, gold and the reader's model as files: `--dump /tmp/bench`. Page images,
their geometric truth (`truth.json`: box, role, article, gold block of every printed line) and the
engines' raw output (hOCR, ALTO, TSV, RapidOCR JSON) are under `.cache/eval/`.

Targets (issue 12), on HELD-OUT: every article found; titles and bios ≥ 95 %; paragraph F1 ≥ 0.95
on degraded text and ≥ 0.92 on OCR text; no Han lost; unplaced text in order.

"""


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def markdown(lines: list[str], args) -> str:
    head = HEADER.format(found=FOUND_COVER, merge=MERGE_COVER, sim=SIMILAR, tol=TOLERANCE)
    how = (
        f"Run at commit `{_commit()}` on Python {platform.python_version()}, seed {args.seed}, "
        f"{args.pages} degraded-text pages per split.\n\n"
    )
    return head + how + "\n".join(lines) + "\n"
