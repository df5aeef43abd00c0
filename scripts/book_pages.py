"""The example book's pages (seeds/book/*.txt), made from the shared corpus: run once, committed.

Each page holds the articles one issue of People's Daily printed on one page (the corpus gives
date and page), with the page's own furniture (date line, page name, page number), set in
columns and damaged as an OCR tool would (evaluation.degrade). The first seed whose damage
loses or changes no character is taken, so the example reads as a good OCR would, and the
reader must find every article with its byline, or the page is not written.

    .venv/bin/python scripts/book_pages.py [--corpus /work/shared/corpus]
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEEKDAYS = "一二三四五六日"
# page file -> the corpus articles of that page, in print order
PAGES = {
    "rmrb-2026-04-14-09": ["a29", "a30"],
    "rmrb-2026-07-08-09": ["a39", "a40"],
    "rmrb-2025-01-14-05": ["a01"],
}


def compose(ids: list[str], seed: int):
    from evaluation.corpus import House, Page, PrintedArticle, load_corpus
    from pipeline.model import Article, Document

    corpus = load_corpus()
    srcs = [corpus[i] for i in ids]
    day = datetime.date.fromisoformat(srcs[0].date)
    number, name = srcs[0].section.split("-", 1)
    top = [f"{day.year}年{day.month}月{day.day}日  星期{WEEKDAYS[day.weekday()]}", name, f"第{int(number)}版"]
    house = House("keep", "plain", "", False, True)
    arts = [Article(s.title, list(s.authors), s.bio, list(s.blocks)) for s in srcs]
    printed = [PrintedArticle(s.id, " ".join(s.authors), f"（{s.bio}）" if s.bio else "") for s in srcs]
    return Page(f"book{seed}", "tune", seed, house, Document(None, arts), printed, top, [])


def _shape(a) -> tuple:
    """What the reader must get right for the page to be taken: title, authors, a bio or none."""
    return a.title.replace("\n", ""), a.authors, bool(a.bio)


def clean_reading(ids: list[str]) -> str:
    """The first page text, seed by seed, that is undamaged and read right."""
    from evaluation.degrade import degrade
    from pipeline.read.decode import decode
    from pipeline.read.ocr import read_decoded

    for seed in range(200):
        page = compose(ids, seed)
        text, damage = degrade(page, seed)
        if damage.wrong_char or damage.lost_line or damage.merged_line or damage.lost_quote:
            continue
        doc = read_decoded(decode(text.encode("utf-8")), "page.txt").doc
        if [_shape(a) for a in doc.articles] == [_shape(a) for a in page.gold.articles]:
            return text
    raise SystemExit(f"no clean seed for {ids}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=None, help="the shared corpus (default: evaluation.corpus finds it)")
    args = ap.parse_args()
    if args.corpus:
        os.environ["EVAL_CORPUS"] = args.corpus
    out = ROOT / "seeds" / "book"
    out.mkdir(parents=True, exist_ok=True)
    for stem, ids in PAGES.items():
        (out / f"{stem}.txt").write_text(clean_reading(ids), encoding="utf-8")
        print(f"seeds/book/{stem}.txt: {', '.join(ids)}")


if __name__ == "__main__":
    main()
