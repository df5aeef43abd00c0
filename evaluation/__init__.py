"""The reader bench (issue 12): realistic pages from the corpus, real OCR, and a scorer.

Pages are composed from the 40 gold articles of the shared corpus, split by article id into a
TUNE set and a HELD-OUT set that never share a page. Each page exists as degraded text (fast,
no OCR: `evaluation.degrade`) and as a page image read by real engines (`evaluation.render`,
`evaluation.ocr`). `evaluation.score` compares what the reader made of it with the gold.
Run `python -m evaluation.run --help`.
"""
