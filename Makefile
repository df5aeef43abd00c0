# Quick start on a fresh Debian machine:  make pdf  then  make test
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS := $(wildcard seeds/*.txt)
BOOKS := $(wildcard books/*.toml)
OUT := output
STAMP := $(VENV)/.installed
SYSSTAMP := $(VENV)/.system
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all pdf docx epub json md hant test lint format bench clean setup system print eval book

setup: $(STAMP) $(SYSSTAMP)

# -qq: pip's errors only; the build backend's notes on editable installs are not the user's business.
# A failed install (a download cut off, once seen with no message at all) is tried once more with
# pip's full output, so what failed is on the screen.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@echo "installing the Python packages into $(VENV)"
	@$(BIN)/pip install -qq --upgrade pip >/dev/null
	@$(BIN)/pip install -qq -e '.[test]' || { echo "pip install failed; trying once more with its full output"; $(BIN)/pip install -e '.[test]'; }
	@touch $@

# System packages: fonts for every build; LibreOffice, poppler, Chromium for tests and previews.
$(SYSSTAMP): scripts/install-system.sh
	@bash scripts/install-system.sh
	@mkdir -p $(VENV) && touch $@

pdf: setup
	$(BIN)/pipeline build $(SEEDS) --to pdf --out $(OUT)

# The DOCX contents get real page numbers from a LibreOffice layout (a few seconds per file).
docx: setup
	$(BIN)/pipeline build $(SEEDS) --to docx --toc-pages --out $(OUT)

epub: setup
	$(BIN)/pipeline build $(SEEDS) --to epub --out $(OUT)

json: setup
	$(BIN)/pipeline build $(SEEDS) --to json --out $(OUT)

md: setup
	$(BIN)/pipeline build $(SEEDS) --to md --out $(OUT)

print: setup
	$(BIN)/pipeline build $(SEEDS) --to pdf --impose --out $(OUT)

# Each manifest in books/ (docs/contract.md) as one book: OUT/<name>.pdf, .docx, .epub, both scripts.
book: setup
	@for b in $(BOOKS); do $(BIN)/pipeline book $$b --to pdf,docx,epub --variant zh-Hans,zh-Hant --toc-pages --out $(OUT) || exit 1; done

hant: setup
	$(BIN)/pipeline build $(SEEDS) --to pdf,docx,epub,json,md --variant zh-Hant --out $(OUT)

all: setup
	$(BIN)/pipeline build $(SEEDS) --to pdf,docx,epub,json,md --variant zh-Hans,zh-Hant --toc-pages --out $(OUT)

# ruff, then the size gate: no function in pipeline/ over 80 lines or above complexity 25 (radon)
lint: setup
	$(BIN)/ruff check pipeline tests scripts evaluation
	$(BIN)/ruff format --check pipeline tests scripts evaluation
	$(BIN)/python scripts/check_complexity.py pipeline

format: setup
	$(BIN)/ruff format pipeline tests scripts evaluation
	$(BIN)/ruff check --fix pipeline tests scripts evaluation

test: setup lint
	$(BIN)/pytest

# Not a test (~5 min): docs/BENCHMARKS.md. The pandoc anchor needs pandoc, texlive-xetex,
# texlive-lang-chinese, lmodern, texlive-fonts-recommended (skipped with a note without them).
# BENCH_PAGES=1,10,50 shortens the scaling run.
bench: setup
	$(BIN)/python scripts/bench.py

# Not a test (slow: renders page images and OCRs them with Tesseract and RapidOCR, cached in
# .cache/eval/ and ~/.cache/pipeline/ocr): reader accuracy per engine and shape, TUNE and
# HELD-OUT apart, written to docs/EVAL.md. Tuning loop: $(BIN)/python -m evaluation.run --quick --help
EVALSTAMP := $(VENV)/.eval
$(EVALSTAMP): pyproject.toml scripts/install-system.sh $(STAMP)
	@WITH_OCR=1 bash scripts/install-system.sh
	$(BIN)/pip install -q -e '.[test,ocr]'
	@touch $@

eval: setup $(EVALSTAMP)
	PIPELINE_TEST_OCR=1 $(BIN)/pytest -m ocr tests/test_evaluation.py
	$(BIN)/python -m evaluation.run --markdown docs/EVAL.md

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache .cache
